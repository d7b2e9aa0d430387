import { describe, expect, it } from "vitest";
import { londonInstant } from "~/utils/dates";
import { fillRates, parsePeriod, serviceCsv, servedByMonth, servedByYear, servedPerPerson } from "~/modules/rota/service";

const served = (date: string, from = "10:00", to = "12:30") => ({ date, startsAt: londonInstant(date, from).getTime(), endsAt: londonInstant(date, to).getTime() });

describe("record of service", () => {
  it("adds up shifts and hours by month and by year, latest first", () => {
    const shifts = [served("2025-12-06"), served("2026-01-03"), served("2026-01-31", "09:00", "13:00"), served("2026-03-07")];
    expect(servedByMonth(shifts)).toEqual([
      { month: "2026-03", shifts: 1, hours: 2.5 },
      { month: "2026-01", shifts: 2, hours: 6.5 },
      { month: "2025-12", shifts: 1, hours: 2.5 },
    ]);
    expect(servedByYear(shifts)).toEqual([{ year: "2026", shifts: 3, hours: 9 }, { year: "2025", shifts: 1, hours: 2.5 }]);
  });

  it("counts the hours really worked on the night the clocks change", () => {
    // 00:30 to 03:30 on 29 March 2026 is two hours: 01:00 GMT jumps to 02:00 BST.
    expect(servedByYear([served("2026-03-29", "00:30", "03:30")])).toEqual([{ year: "2026", shifts: 1, hours: 2 }]);
    // And three hours on 25 October 2026, when 02:00 BST falls back to 01:00 GMT.
    expect(servedByYear([served("2026-10-25", "00:30", "02:30")])[0].hours).toBe(3);
  });

  it("ranks people by shifts served, then name, with their last shift", () => {
    const rows = [
      { personId: "b", name: "Bea", ...served("2026-01-03") },
      { personId: "a", name: "Abe", ...served("2026-01-10") },
      { personId: "b", name: "Bea", ...served("2026-02-07") },
      { personId: "c", name: "Cal", ...served("2026-01-17") },
    ];
    expect(servedPerPerson(rows)).toEqual([
      { personId: "b", name: "Bea", shifts: 2, hours: 5, last: "2026-02-07" },
      { personId: "a", name: "Abe", shifts: 1, hours: 2.5, last: "2026-01-10" },
      { personId: "c", name: "Cal", shifts: 1, hours: 2.5, last: "2026-01-17" },
    ]);
  });

  it("gives each session's fill rate without letting an over-full shift hide a short one", () => {
    const rates = fillRates([
      { sessionId: "s", session: "Saturday", needed: 3, filled: 4 },
      { sessionId: "s", session: "Saturday", needed: 3, filled: 1 },
      { sessionId: "w", session: "Wednesday", needed: 0, filled: 0 },
    ]);
    expect(rates).toEqual([
      { sessionId: "s", session: "Saturday", shifts: 2, needed: 6, filled: 4, rate: 4 / 6 },
      { sessionId: "w", session: "Wednesday", shifts: 1, needed: 0, filled: 0, rate: null },
    ]);
  });

  it("reads the period in UK dates, defaulting to the last twelve months", () => {
    expect(parsePeriod("", "", "2026-11-30")).toEqual({ ok: true, from: "2025-12-01", to: "2026-11-30" });
    expect(parsePeriod("1/1/2026", "31 March 2026", "2026-11-30")).toEqual({ ok: true, from: "2026-01-01", to: "2026-03-31" });
    expect(parsePeriod("01/04/2026", "01/03/2026", "2026-11-30")).toEqual({ ok: false, errors: { to: "The end of the period must be on or after its start" } });
    expect(parsePeriod("1/1/2000", "1/1/2026", "2026-11-30")).toEqual({ ok: false, errors: { from: "Choose a period of at most five years" } });
    expect(parsePeriod("29/02/2026", "yesterday", "2026-11-30")).toEqual({
      ok: false, errors: { from: "February 2026 has 28 days: 29 is not a day in it", to: "Enter the date as day, month and year, for example 27/03/2024" },
    });
  });

  it("writes a CSV Excel opens as it should, with no cell read as a formula", () => {
    const report = { people: [{ personId: "x", name: "=HYPERLINK(\"http://evil\")", shifts: 2, hours: 5, last: "2026-02-07" }], sessions: [] };
    const csv = serviceCsv("people", report, "2026-01-01", "2026-03-31");
    expect(csv.startsWith("\uFEFFName,Shifts served,Hours,Last shift,From,To\r\n")).toBe(true);
    expect(csv).toContain(`"'=HYPERLINK(""http://evil"")",2,5,07/02/2026,01/01/2026,31/03/2026`);
  });
});
