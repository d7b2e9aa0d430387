import { describe, expect, it } from "vitest";
import { bankHolidays } from "~/modules/rota/bank-holidays";
import { NATIONS, type Nation } from "~/modules/rota/nations";
import { clock } from "~/utils/clock.server";

const dates = (nation: Nation, year: number) => bankHolidays(nation, `${year}-01-01`, `${year}-12-31`).map((h) => h.date);

describe("bank holidays, computed by rule", () => {
  it("match GOV.UK's England and Wales list, with substitute days in place of weekend ones", () => {
    expect(bankHolidays("england_wales", "2026-01-01", "2026-12-31")).toEqual([
      { date: "2026-01-01", name: "New Year's Day" }, { date: "2026-04-03", name: "Good Friday" },
      { date: "2026-04-06", name: "Easter Monday" }, { date: "2026-05-04", name: "Early May bank holiday" },
      { date: "2026-05-25", name: "Spring bank holiday" }, { date: "2026-08-31", name: "Summer bank holiday" },
      { date: "2026-12-25", name: "Christmas Day" }, { date: "2026-12-28", name: "Boxing Day (substitute day)" },
    ]);
    expect(dates("england_wales", 2027)).toContain("2027-12-27");
    expect(dates("england_wales", 2027)).not.toContain("2027-12-25"); // a Saturday: the Monday is the holiday
  });

  it("keep going after the years anyone typed in: Easter Monday 2031 is 14 April", () => {
    expect(bankHolidays("england_wales", "2031-04-01", "2031-04-30").map((h) => [h.date, h.name])).toEqual([["2031-04-11", "Good Friday"], ["2031-04-14", "Easter Monday"]]);
  });

  it("differ by nation: Scotland has 2 January and St Andrew's Day, not Easter Monday; Northern Ireland has St Patrick's Day and the Twelfth", () => {
    expect(dates("scotland", 2029)).toEqual(expect.arrayContaining(["2029-01-02", "2029-11-30"]));
    expect(dates("scotland", 2029)).not.toContain("2029-04-02");
    expect(dates("northern_ireland", 2029)).toEqual(expect.arrayContaining(["2029-03-19", "2029-07-12", "2029-04-02"]));
  });

  // Fails long before the library could stop covering the years a centre plans rotas for.
  it("cover every nation for each of the next fifteen years, with the usual number of days", () => {
    const thisYear = Number(clock.today().slice(0, 4));
    const usual: Record<Nation, number> = { england_wales: 8, scotland: 9, northern_ireland: 10 };
    for (const nation of Object.keys(NATIONS) as Nation[]) {
      for (let year = thisYear; year <= thisYear + 15; year++) {
        expect([nation, year, dates(nation, year).length]).toEqual([nation, year, usual[nation]]);
      }
    }
  });
});
