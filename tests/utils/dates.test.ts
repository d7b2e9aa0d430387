import { describe, expect, it } from "vitest";
import {
  addDaysIso, addMonthsIso, addYearsIso, dayNumber, daysBetween, formatLondonDateTime, formatUkDate, formatUkDateWithDay,
  formatUkMonth, formatUkNumericDate, londonToday, parseUkDate,
} from "~/utils/dates";

describe("parseUkDate reads dates the way people in the UK write them", () => {
  it.each([
    ["27/03/2024", "2024-03-27"],
    ["7/3/2024", "2024-03-07"],
    ["27-03-2024", "2024-03-27"],
    ["27.03.2024", "2024-03-27"],
    [" 27 / 03 / 2024 ".replace(/ /g, ""), "2024-03-27"],
    ["27 March 2024", "2024-03-27"],
    ["27 Mar 2024", "2024-03-27"],
    ["1st June 2025", "2025-06-01"],
    ["29/02/2024", "2024-02-29"],
    ["2024-03-27", "2024-03-27"],
  ])("%s is %s", (input, expected) => {
    expect(parseUkDate(input)).toEqual({ ok: true, date: expected });
  });

  it("reads day first, never month first (03/04 is 3 April)", () => {
    expect(parseUkDate("03/04/2025")).toEqual({ ok: true, date: "2025-04-03" });
  });

  it.each([
    ["", "Enter a date"],
    ["27/03/24", "Enter the year in full, for example 2024"],
    ["29/02/2023", "February 2023 has 28 days: 29 is not a day in it"],
    ["31/04/2024", "April 2024 has 30 days: 31 is not a day in it"],
    ["12/13/2024", "The month must be between 1 and 12"],
    ["1 Smarch 2024", "“Smarch” is not a month"],
    ["next tuesday", "Enter the date as day, month and year, for example 27/03/2024"],
    ["01/01/1066", "Enter a year between 1900 and 2200"],
  ])("%j is refused with %j", (input, message) => {
    expect(parseUkDate(input)).toEqual({ ok: false, message });
  });
});

describe("date arithmetic on calendar days", () => {
  it("adds years to 29 February landing on 28 February in a common year", () => {
    expect(addYearsIso("2024-02-29", 1)).toBe("2025-02-28");
    expect(addYearsIso("2024-02-29", 4)).toBe("2028-02-29");
  });
  it("adds months and days across month and year ends", () => {
    expect(addMonthsIso("2025-01-31", 1)).toBe("2025-02-28");
    expect(addDaysIso("2025-12-31", 1)).toBe("2026-01-01");
    expect(addDaysIso("2025-03-30", 1)).toBe("2025-03-31");
  });
  it("counts whole days, unaffected by the clock change", () => {
    expect(daysBetween("2025-03-29", "2025-03-31")).toBe(2);
    expect(daysBetween("2025-10-25", "2025-10-27")).toBe(2);
    expect(daysBetween("2025-01-10", "2025-01-01")).toBe(-9);
  });
  it("numbers each day so that subtracting two gives the days between, over leap days and clock changes", () => {
    expect(dayNumber("1970-01-01")).toBe(0);
    expect(dayNumber("2028-03-01") - dayNumber("2028-02-28")).toBe(2);
    expect(dayNumber("2027-03-01") - dayNumber("2027-02-28")).toBe(1);
    for (let day = 0; day < 800; day += 7) {
      const from = addDaysIso("2025-01-01", day);
      const to = addDaysIso("2025-01-01", day * 3 + 1);
      expect(dayNumber(to) - dayNumber(from)).toBe(daysBetween(from, to));
    }
  });
});

describe("today in London", () => {
  it("is already tomorrow at 23:30 UTC in summer (BST)", () => {
    expect(londonToday(new Date("2025-07-14T23:30:00Z"))).toBe("2025-07-15");
  });
  it("is still today at 23:30 UTC in winter (GMT)", () => {
    expect(londonToday(new Date("2025-01-14T23:30:00Z"))).toBe("2025-01-14");
  });
  it("turns at London's midnight either side of the clock changes, and at the year's end", () => {
    // Clocks go forward at 01:00 UTC on 29 March 2026 and back at 01:00 UTC on 25 October 2026.
    expect(londonToday(new Date("2026-03-28T23:59:59Z"))).toBe("2026-03-28");
    expect(londonToday(new Date("2026-03-29T00:00:00Z"))).toBe("2026-03-29");
    expect(londonToday(new Date("2026-03-29T22:59:59Z"))).toBe("2026-03-29");
    expect(londonToday(new Date("2026-03-29T23:00:00Z"))).toBe("2026-03-30");
    expect(londonToday(new Date("2026-10-24T22:59:59Z"))).toBe("2026-10-24");
    expect(londonToday(new Date("2026-10-24T23:00:00Z"))).toBe("2026-10-25");
    expect(londonToday(new Date("2026-10-25T23:59:59Z"))).toBe("2026-10-25");
    expect(londonToday(new Date("2026-10-26T00:00:00Z"))).toBe("2026-10-26");
    expect(londonToday(new Date("2026-12-31T23:59:59Z"))).toBe("2026-12-31");
    expect(londonToday(new Date("2027-01-01T00:00:00Z"))).toBe("2027-01-01");
  });
});

describe("display", () => {
  it("shows day, short month and year", () => {
    expect(formatUkDate("2024-03-05")).toBe("5 Mar 2024");
    expect(formatUkDate(null)).toBe("");
  });
  it("names a month in full with its year, from a month or a date in it", () => {
    expect(formatUkMonth("2024-03")).toBe("March 2024");
    expect(formatUkMonth("2026-12-01")).toBe("December 2026");
    expect(formatUkMonth("2027-01-31")).toBe("January 2027");
    // As the browser's en-GB names them, every month.
    for (let month = 1; month <= 12; month++) {
      const iso = `2025-${String(month).padStart(2, "0")}`;
      expect(formatUkMonth(iso)).toBe(new Date(`${iso}-15T12:00:00Z`).toLocaleDateString("en-GB", { month: "long", year: "numeric", timeZone: "UTC" }));
    }
  });
  it("shows dd/mm/yyyy for spreadsheets", () => {
    expect(formatUkNumericDate("2024-03-05")).toBe("05/03/2024");
  });
  it("shows instants in London time on both sides of the clock change", () => {
    expect(formatLondonDateTime(new Date("2025-03-29T10:00:00Z"))).toBe("29 Mar 2025, 10:00");
    expect(formatLondonDateTime(new Date("2025-03-31T10:00:00Z"))).toBe("31 Mar 2025, 11:00");
  });
});

describe("month arithmetic edge cases", () => {
  it.each([
    ["2024-01-31", 1, "2024-02-29"],
    ["2024-03-31", -1, "2024-02-29"],
    ["2024-12-15", 1, "2025-01-15"],
    ["2025-01-15", -1, "2024-12-15"],
    ["2024-05-31", 36, "2027-05-31"],
    ["2023-11-30", -24, "2021-11-30"],
  ])("%s plus %i months is %s", (from, months, expected) => {
    expect(addMonthsIso(from, months)).toBe(expected);
  });
  it("adds negative days across a year boundary", () => {
    expect(addDaysIso("2025-01-01", -1)).toBe("2024-12-31");
    expect(addDaysIso("2024-03-01", -1)).toBe("2024-02-29");
  });
});

describe("formatUkDateWithDay", () => {
  it("names the weekday of the calendar day, whatever the server's time zone", () => {
    expect(formatUkDateWithDay("2026-03-14")).toBe("Sat 14 Mar 2026");
    expect(formatUkDateWithDay("2025-10-26")).toBe("Sun 26 Oct 2025");
  });
});
