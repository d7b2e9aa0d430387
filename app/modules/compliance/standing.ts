/**
 * A person's standing over all time, worked out once from their records: the dates between which
 * they were counted, cleared, fully compliant, needing attention, with which status and roles, and
 * each requirement's status with its valid-until and lapsed-on dates. Pure. Stored (PersonStanding,
 * RequirementStanding), it turns "who was cleared on 3 March" or "whose safeguarding lapses within
 * 30 days" into a comparison instead of evaluating everyone on every request; the same rules
 * (evaluatePerson, statusOn) decide it, so stored and evaluated answers are the same on every date
 * (tests hold them to it).
 *
 * Between two consecutive "event" dates (a record, role or status taking effect) the facts the
 * rules can see do not change, so a requirement's status can only change where it falls due or
 * lapses.
 */
import { addDaysIso, type IsoDate } from "~/utils/dates";
import { statusOn, type StatusFacts } from "~/modules/people/status";
import type { CentreSettings } from "./requirements";
import { evaluatePerson, type CourseFacts, type PersonCompliance, type PersonFacts, type RequirementResult } from "./rules";

/**
 * anyExpired and anyMissing say which of the dashboard's lists a person is on (something out of
 * date; something missing or not accepted), so the lists' lengths and first people are read from
 * one row a person.
 */
export type Standing = { counted: boolean; cleared: boolean; fullyCompliant: boolean; attention: boolean; anyExpired: boolean; anyMissing: boolean; status: string; roles: string };
/** From `from` (inclusive) until `until` (exclusive; null: from then on). */
export type StandingSegment = Standing & { from: IsoDate; until: IsoDate | null };

/** One requirement's status and the dates behind it (no words), from `from` until `until`. */
export type RequirementSegment = Pick<RequirementResult, "key" | "status" | "validUntil" | "lapsedOn"> & { from: IsoDate; until: IsoDate | null };

/** A person's standing, and each of their requirements' states, over all time. */
export type Timeline = { standing: StandingSegment[]; requirements: RequirementSegment[] };

/** Before any date a person could have a record. */
const BEGINNING: IsoDate = "1800-01-01";

/** Roles as stored: ",volunteer,staff," so that one role is found with a plain "contains". */
const rolesKey = (roles: readonly string[]) => (roles.length ? `,${[...roles].sort().join(",")},` : "");

export function standingOn(person: PersonFacts & StatusFacts, courses: CourseFacts[], settings: CentreSettings, date: IsoDate): Standing {
  return standingFrom(evaluatePerson(person, courses, settings, date), person, date);
}

function standingFrom(c: PersonCompliance, person: StatusFacts, date: IsoDate): Standing {
  return {
    counted: c.counted,
    cleared: c.cleared,
    fullyCompliant: c.fullyCompliant,
    // As the matrix's "anything expired, missing or due soon" view reads it.
    attention: !c.fullyCompliant || c.requirements.some((r) => r.status === "due"),
    // As the dashboard's expired and missing lists read them (attentionList).
    anyExpired: c.requirements.some((r) => r.status === "expired"),
    anyMissing: c.requirements.some((r) => r.status === "missing" || r.status === "not_accepted"),
    status: statusOn(person, date),
    roles: rolesKey(c.roles),
  };
}

/**
 * Where what the rules can see changes: a record, role or status takes effect on its date; a role
 * stops counting the day after its last day, and so does a leaver.
 */
function eventDates(person: PersonFacts & StatusFacts): IsoDate[] {
  const dates: (IsoDate | null | undefined)[] = [person.startedOn, person.leftOn && addDaysIso(person.leftOn, 1)];
  for (const r of person.roles) dates.push(r.startedOn, r.endedOn && addDaysIso(r.endedOn, 1));
  for (const s of person.statusChanges) dates.push(s.effectiveOn);
  for (const c of person.dbsChecks) {
    dates.push(c.issuedOn);
    for (const s of c.statusChecks) dates.push(s.checkedOn);
  }
  for (const r of person.references) dates.push(r.requestedOn, r.receivedOn);
  for (const t of person.training) dates.push(t.completedOn);
  return [...new Set(dates.filter((d): d is IsoDate => Boolean(d)))].sort();
}

/**
 * A sweep from the beginning: evaluate on a date, then jump to the next date anything can change,
 * the next event or the day a requirement in date now falls due or lapses (as rules.ts's timed()
 * decides: due from `dueSoonDays` before its last valid day, expired the day after).
 */
export function standingTimeline(person: PersonFacts & StatusFacts, courses: CourseFacts[], settings: CentreSettings): Timeline {
  const events = eventDates(person);
  const segments: StandingSegment[] = [];
  const requirements: RequirementSegment[] = [];
  const openRequirement = new Map<string, RequirementSegment>();
  let date: IsoDate | null = BEGINNING;
  let nextEvent = 0;
  while (date !== null) {
    const compliance = evaluatePerson(person, courses, settings, date);
    const standing = standingFrom(compliance, person, date);
    const last = segments.at(-1);
    if (!last || !sameStanding(last, standing)) {
      if (last) last.until = date;
      segments.push({ ...standing, from: date, until: null });
    }
    for (const r of compliance.requirements) {
      const open = openRequirement.get(r.key);
      if (open && open.status === r.status && open.validUntil === r.validUntil && open.lapsedOn === r.lapsedOn) continue;
      if (open) open.until = date;
      const segment: RequirementSegment = { key: r.key, status: r.status, validUntil: r.validUntil, lapsedOn: r.lapsedOn, from: date, until: null };
      openRequirement.set(r.key, segment);
      requirements.push(segment);
    }
    while (nextEvent < events.length && events[nextEvent] <= date) nextEvent++;
    let next: IsoDate | null = events[nextEvent] ?? null;
    for (const r of compliance.requirements) {
      if (!r.validUntil) continue;
      for (const change of [addDaysIso(r.validUntil, -settings.dueSoonDays), addDaysIso(r.validUntil, 1)]) {
        if (change > date && (next === null || change < next)) next = change;
      }
    }
    date = next;
  }
  return { standing: segments, requirements };
}

function sameStanding(a: Standing, b: Standing) {
  return a.counted === b.counted && a.cleared === b.cleared && a.fullyCompliant === b.fullyCompliant && a.attention === b.attention
    && a.anyExpired === b.anyExpired && a.anyMissing === b.anyMissing && a.status === b.status && a.roles === b.roles;
}
