import { describe, expect, it } from "vitest";
import { DEFAULT_LEAD_DAYS, parseLeadDays, selectReminders, weekOf, whenWords, type ReminderPerson } from "~/modules/reminders/select";
import type { RequirementResult } from "~/modules/compliance/rules";

const requirement = (overrides: Partial<RequirementResult>): RequirementResult => ({
  key: "course:sg", label: "Safeguarding refresher", kind: "safeguarding", status: "met", code: "course_timed", validUntil: "2026-03-01", lapsedOn: null, detail: {}, ...overrides,
});

const person = (requirements: RequirementResult[], overrides: Partial<ReminderPerson> = {}): ReminderPerson => ({
  personId: "p1", name: "Pat", email: "pat@example.org", mode: "individual",
  compliance: { date: "x", roles: ["volunteer"], counted: true, notCounted: null, requirements, cleared: true, blockers: [], fullyCompliant: true, findings: [] },
  ...overrides,
});

const keys = (people: ReminderPerson[], today: string, sent = new Set<string>()) => selectReminders(people, DEFAULT_LEAD_DAYS, today, sent).map((r) => r.key);

describe("selecting reminders", () => {
  it("sends nothing more than 60 days ahead", () => {
    expect(keys([person([requirement({})])], "2025-12-30")).toEqual([]); // 61 days before
    expect(keys([person([requirement({})])], "2025-12-31")).toEqual(["p1:course:sg:2026-03-01:60"]); // exactly 60
  });
  it("sends the 60-day reminder on the 60th day before, and again at 30 and 7 days, and on the day", () => {
    const p = [person([requirement({})])];
    expect(keys(p, "2026-01-30")).toEqual(["p1:course:sg:2026-03-01:30"]);
    expect(keys(p, "2026-02-22")).toEqual(["p1:course:sg:2026-03-01:7"]);
    expect(keys(p, "2026-03-01")).toEqual(["p1:course:sg:2026-03-01:0"]);
  });
  it("never repeats a reminder already sent", () => {
    const p = [person([requirement({})])];
    expect(keys(p, "2026-01-05", new Set(["p1:course:sg:2026-03-01:60"]))).toEqual([]);
  });
  it("after missed days, sends only the most urgent stage reached", () => {
    expect(keys([person([requirement({})])], "2026-02-25")).toEqual(["p1:course:sg:2026-03-01:7"]);
  });
  it("sends an expiry reminder once for something already out of date", () => {
    const expired = requirement({ status: "expired", validUntil: null, lapsedOn: "2026-03-02" });
    expect(keys([person([expired])], "2026-04-10")).toEqual(["p1:course:sg:2026-03-01:0"]);
    expect(keys([person([expired])], "2026-04-11", new Set(["p1:course:sg:2026-03-01:0"]))).toEqual([]);
  });
  it("starts again for a new expiry once the record is renewed", () => {
    const renewed = requirement({ validUntil: "2027-03-01" });
    expect(keys([person([renewed])], "2027-01-01", new Set(["p1:course:sg:2026-03-01:0"]))).toEqual(["p1:course:sg:2027-03-01:60"]);
  });
  it("ignores missing and not-required requirements, things that never expire, and people not counted", () => {
    const reqs = [requirement({ status: "missing", validUntil: null }), requirement({ key: "in", status: "met", validUntil: null }), requirement({ key: "x", status: "not_required", validUntil: null })];
    expect(keys([person(reqs)], "2026-02-28")).toEqual([]);
    const leaver = person([requirement({})], { compliance: { ...person([]).compliance, counted: false, requirements: [requirement({})] } });
    expect(keys([leaver], "2026-02-28")).toEqual([]);
  });
  it("follows the centre's lead times", () => {
    expect(selectReminders([person([requirement({})])], [14], "2026-02-15", new Set()).map((r) => r.lead)).toEqual([14]);
    expect(selectReminders([person([requirement({})])], [14], "2026-02-14", new Set())).toEqual([]);
  });
});

describe("helpers", () => {
  it("reads lead times, dropping nonsense and duplicates", () => {
    expect(parseLeadDays("7, 60,30,0,30,-1,abc")).toEqual([60, 30, 7, 0]);
  });
  it("words the timing", () => {
    expect(whenWords({ daysLeft: 30, expiresOn: "2026-03-01" })).toBe("Due in 30 days, by 1 Mar 2026");
    expect(whenWords({ daysLeft: 0, expiresOn: "2026-03-01" })).toBe("Due today, 1 Mar 2026");
    expect(whenWords({ daysLeft: -3, expiresOn: "2026-03-01" })).toBe("Out of date since 2 Mar 2026");
  });
  it("finds the Monday of the week", () => {
    expect(weekOf("2026-11-23")).toBe("2026-11-23");
    expect(weekOf("2026-11-29")).toBe("2026-11-23");
    expect(weekOf("2026-11-30")).toBe("2026-11-30");
  });
});
