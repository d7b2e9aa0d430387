/** A person's standing over time, worked out once, against evaluating the rules on each date. */
import { describe, expect, it } from "vitest";
import { standingOn, standingTimeline, type RequirementSegment, type StandingSegment } from "~/modules/compliance/standing";
import { DEFAULT_COURSES, DEFAULT_SETTINGS } from "~/modules/compliance/requirements";
import { evaluatePerson, type CourseFacts, type PersonFacts } from "~/modules/compliance/rules";
import type { StatusFacts } from "~/modules/people/status";
import { addDaysIso } from "~/utils/dates";

const courses: CourseFacts[] = DEFAULT_COURSES.map((c, i) => ({ id: `c${i}`, name: c.name, kind: c.kind, validityMonths: c.validityMonths, requiredFor: c.requiredFor, retired: false }));

const segmentOn = (segments: readonly StandingSegment[], date: string) => segments.find((s) => s.from <= date && (s.until === null || date < s.until));
const byKey = (a: { key: string }, b: { key: string }) => a.key.localeCompare(b.key);
const requirementsOn = (segments: readonly RequirementSegment[], date: string) =>
  segments.filter((s) => s.from <= date && (s.until === null || date < s.until)).map(({ key, status, validUntil, lapsedOn }) => ({ key, status, validUntil, lapsedOn })).sort(byKey);

/** A small deterministic generator, so a failure can be replayed. */
function random(seed: number) {
  let state = seed;
  return () => {
    state = (state * 1103515245 + 12345) % 2147483648;
    return state / 2147483648;
  };
}

function randomPerson(next: () => number): PersonFacts & StatusFacts {
  const day = (from: number, span: number) => addDaysIso("2020-01-01", Math.floor(from + next() * span));
  const startedOn = day(0, 1500);
  const left = next() < 0.2 ? day(1500, 900) : null;
  const roles = [{ role: next() < 0.7 ? "volunteer" : "staff", startedOn, endedOn: null as string | null }];
  if (next() < 0.3) roles.push({ role: "deputy_coordinator", startedOn: day(500, 1500), endedOn: next() < 0.5 ? day(2000, 500) : null });
  const dbsChecks = Array.from({ length: Math.floor(next() * 3) }, () => {
    const issuedOn = day(-200, 2200);
    return {
      issuedOn, level: "enhanced", workforce: next() < 0.9 ? "child" : "adult", childrenBarredListChecked: next() < 0.5,
      decision: next() < 0.9 ? "clear" : "not_accepted", updateServiceSubscribed: next() < 0.5,
      statusChecks: Array.from({ length: Math.floor(next() * 3) }, () => ({ checkedOn: addDaysIso(issuedOn, Math.floor(next() * 1400)), result: next() < 0.85 ? "no_change" : "new_information" })),
    };
  });
  const references = Array.from({ length: Math.floor(next() * 4) }, () => {
    const requestedOn = day(-300, 2000);
    return { requestedOn, receivedOn: next() < 0.8 ? addDaysIso(requestedOn, Math.floor(next() * 60)) : null, outcome: next() < 0.85 ? "satisfactory" : "unsatisfactory" };
  });
  const training = courses.flatMap((c) => (next() < 0.6 ? Array.from({ length: 1 + Math.floor(next() * 3) }, () => ({ courseId: c.id, completedOn: day(-100, 2400) })) : []));
  const status = left ? "left" : "active";
  return {
    startedOn, leftOn: left, roles, dbsChecks, references, training, status,
    statusChanges: [{ status: "active", effectiveOn: startedOn }, ...(left ? [{ status: "left", effectiveOn: addDaysIso(left, 1) }] : [])],
  };
}

describe("standing over time", () => {
  it("agrees with evaluating the rules on every day, person and each requirement, for 30 generated people over seven years", () => {
    const next = random(20261130);
    const problems: string[] = [];
    for (let p = 0; p < 30; p++) {
      const person = randomPerson(next);
      const settings = { ...DEFAULT_SETTINGS, referencesRequired: 1 + (p % 3), dueSoonDays: 30 + (p % 4) * 15, requireChildrenBarredList: p % 5 === 0 };
      const timeline = standingTimeline(person, courses, settings);
      for (let d = 0; d < 7 * 365; d += 1) {
        const date = addDaysIso("2019-06-01", d);
        const expected = standingOn(person, courses, settings, date);
        const got = segmentOn(timeline.standing, date);
        const { from: _f, until: _u, ...stored } = got ?? { from: "", until: null };
        if (JSON.stringify(stored) !== JSON.stringify(expected)) {
          problems.push(`person ${p} on ${date}`);
          break;
        }
        const evaluated = evaluatePerson(person, courses, settings, date).requirements.map(({ key, status, validUntil, lapsedOn }) => ({ key, status, validUntil, lapsedOn })).sort(byKey);
        if (JSON.stringify(requirementsOn(timeline.requirements, date)) !== JSON.stringify(evaluated)) {
          problems.push(`person ${p}'s requirements on ${date}`);
          break;
        }
      }
    }
    expect(problems).toEqual([]);
  });

  it("changes where a requirement falls due and where it lapses, and nowhere else", () => {
    const person: PersonFacts & StatusFacts = {
      startedOn: "2024-01-01", leftOn: null, status: "active", statusChanges: [{ status: "active", effectiveOn: "2024-01-01" }],
      roles: [{ role: "trustee", startedOn: "2024-01-01", endedOn: null }],
      dbsChecks: [{ issuedOn: "2023-12-01", level: "enhanced", workforce: "child", childrenBarredListChecked: false, decision: "clear", updateServiceSubscribed: false, statusChecks: [] }],
      references: [{ requestedOn: "2023-11-01", receivedOn: "2023-11-10", outcome: "satisfactory" }, { requestedOn: "2023-11-01", receivedOn: "2023-11-20", outcome: "satisfactory" }],
      training: [],
    };
    const timeline = standingTimeline(person, courses, DEFAULT_SETTINGS);
    // Cleared once the DBS check is issued (the references came first); the DBS recheck falls due 60 days before 1 Dec 2026 and lapses on 2 Dec 2026.
    expect(timeline.standing.map((s) => [s.from, s.counted, s.cleared, s.attention])).toEqual([
      ["1800-01-01", false, false, true],
      ["2023-12-01", false, true, false],
      ["2024-01-01", true, true, false],
      ["2026-10-02", true, true, true],
      ["2026-12-02", true, false, true],
    ]);
    // Its DBS requirement alone: missing until issued, then in date until 1 Dec 2026, due from 2 Oct, expired from 2 Dec.
    expect(timeline.requirements.filter((r) => r.key === "dbs").map((r) => [r.from, r.until, r.status, r.validUntil, r.lapsedOn])).toEqual([
      ["1800-01-01", "2023-12-01", "missing", null, null],
      ["2023-12-01", "2026-10-02", "met", "2026-12-01", null],
      ["2026-10-02", "2026-12-02", "due", "2026-12-01", null],
      ["2026-12-02", null, "expired", null, "2026-12-02"],
    ]);
  });
});
