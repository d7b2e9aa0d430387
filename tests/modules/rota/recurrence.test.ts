import { describe, expect, it } from "vitest";
import { bankHolidays } from "~/modules/rota/bank-holidays";

const ENGLAND_AND_WALES_BANK_HOLIDAYS = bankHolidays("england_wales", "2025-01-01", "2025-12-31");
import { describePattern, patternDates, sessionOccurrences, type SessionPattern } from "~/modules/rota/recurrence";
import { londonInstant } from "~/utils/dates";

const saturdays: SessionPattern = {
  frequency: "weekly", interval: 1, weekdays: ["SA"], weekOfMonth: null, startsOn: "2025-01-04", endsOn: null, startTime: "10:00", endTime: "12:30",
};

describe("patterns", () => {
  it("every Saturday", () => {
    expect(patternDates(saturdays, "2025-03-01", "2025-03-31")).toEqual(["2025-03-01", "2025-03-08", "2025-03-15", "2025-03-22", "2025-03-29"]);
    expect(describePattern(saturdays)).toBe("Every week on Saturday, 10:00 to 12:30");
  });
  it("every other Sunday, counted from the start date", () => {
    const pattern: SessionPattern = { ...saturdays, interval: 2, weekdays: ["SU"], startsOn: "2025-03-02" };
    expect(patternDates(pattern, "2025-03-01", "2025-04-15")).toEqual(["2025-03-02", "2025-03-16", "2025-03-30", "2025-04-13"]);
    expect(describePattern(pattern)).toBe("Every 2 weeks on Sunday, 10:00 to 12:30");
  });
  it("the first Wednesday of each month", () => {
    const pattern: SessionPattern = { ...saturdays, frequency: "monthly", weekdays: ["WE"], weekOfMonth: 1, startsOn: "2025-01-01" };
    expect(patternDates(pattern, "2025-01-01", "2025-04-30")).toEqual(["2025-01-01", "2025-02-05", "2025-03-05", "2025-04-02"]);
    expect(describePattern(pattern)).toBe("Every month on the 1st Wednesday, 10:00 to 12:30");
  });
  it("the 2nd and 4th Saturdays, and the last Friday", () => {
    expect(patternDates({ ...saturdays, frequency: "monthly", weekOfMonth: 2 }, "2025-05-01", "2025-05-31")).toEqual(["2025-05-10"]);
    expect(patternDates({ ...saturdays, frequency: "monthly", weekdays: ["FR"], weekOfMonth: -1 }, "2025-05-01", "2025-06-30")).toEqual(["2025-05-30", "2025-06-27"]);
  });
  it("stops on the end date, inclusive", () => {
    expect(patternDates({ ...saturdays, endsOn: "2025-03-15" }, "2025-03-01", "2025-03-31")).toEqual(["2025-03-01", "2025-03-08", "2025-03-15"]);
  });
  it("several weekdays", () => {
    expect(patternDates({ ...saturdays, weekdays: ["WE", "SA"] }, "2025-03-03", "2025-03-09")).toEqual(["2025-03-05", "2025-03-08"]);
  });
});

describe("London wall-clock times across the clock changes", () => {
  it("keeps 10:00 at 10:00: 10:00 GMT before the spring change, 09:00 UTC after", () => {
    const occurrences = sessionOccurrences({ ...saturdays, id: "s", skipBankHolidays: true, extraDates: [] }, "2025-03-22", "2025-04-05", [], []);
    expect(occurrences.map((o) => [o.date, o.startsAt.toISOString(), o.endsAt.toISOString()])).toEqual([
      ["2025-03-22", "2025-03-22T10:00:00.000Z", "2025-03-22T12:30:00.000Z"],
      ["2025-03-29", "2025-03-29T10:00:00.000Z", "2025-03-29T12:30:00.000Z"],
      ["2025-04-05", "2025-04-05T09:00:00.000Z", "2025-04-05T11:30:00.000Z"],
    ]);
  });
  it("on the Sunday of the clock change itself", () => {
    expect(londonInstant("2025-03-30", "10:00").toISOString()).toBe("2025-03-30T09:00:00.000Z");
    expect(londonInstant("2025-10-26", "10:00").toISOString()).toBe("2025-10-26T10:00:00.000Z");
    expect(londonInstant("2025-10-25", "10:00").toISOString()).toBe("2025-10-25T09:00:00.000Z");
  });
});

describe("closures, bank holidays and extra dates", () => {
  const mondays = { ...saturdays, weekdays: ["MO" as const], id: "m", skipBankHolidays: true, extraDates: [] as string[] };
  it("skips England and Wales bank holidays, saying which", () => {
    const occurrences = sessionOccurrences(mondays, "2025-08-18", "2025-09-01", [], ENGLAND_AND_WALES_BANK_HOLIDAYS);
    expect(occurrences.map((o) => [o.date, o.skippedBecause])).toEqual([
      ["2025-08-18", null], ["2025-08-25", "Bank holiday: Summer bank holiday"], ["2025-09-01", null],
    ]);
  });
  it("runs on bank holidays when the session says so", () => {
    const occurrences = sessionOccurrences({ ...mondays, skipBankHolidays: false }, "2025-08-25", "2025-08-25", [], ENGLAND_AND_WALES_BANK_HOLIDAYS);
    expect(occurrences[0].skippedBecause).toBeNull();
  });
  it("skips centre closures and this session's own closures, not other sessions'", () => {
    const closures = [
      { date: "2025-03-08", sessionId: null, reason: "Building repairs" },
      { date: "2025-03-15", sessionId: "other", reason: "Other session" },
      { date: "2025-03-22", sessionId: "s", reason: "Co-ordinator away" },
    ];
    const occurrences = sessionOccurrences({ ...saturdays, id: "s", skipBankHolidays: true, extraDates: [] }, "2025-03-08", "2025-03-22", closures, []);
    expect(occurrences.map((o) => o.skippedBecause)).toEqual(["Closed: Building repairs", null, "Closed: Co-ordinator away"]);
  });
  it("adds one-off extra dates in order, at the usual times", () => {
    const occurrences = sessionOccurrences({ ...saturdays, id: "s", skipBankHolidays: true, extraDates: ["2025-03-12", "2025-03-15"] }, "2025-03-08", "2025-03-15", [], []);
    expect(occurrences.map((o) => [o.date, o.extra, o.startsAt.toISOString()])).toEqual([
      ["2025-03-08", false, "2025-03-08T10:00:00.000Z"], ["2025-03-12", true, "2025-03-12T10:00:00.000Z"], ["2025-03-15", false, "2025-03-15T10:00:00.000Z"],
    ]);
  });
});
