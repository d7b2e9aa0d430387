/**
 * Who is cleared to work, and what is due, for one person on any date.
 *
 * Pure: no Remix, no Prisma, no clock. Records dated after `date` are ignored, so the same call
 * answers "as it stood" on a past date. Results carry codes and the dates behind them; the words
 * people read are built from those in ./words.ts, only where they are shown. Conventions, tested
 * in tests/modules/compliance:
 * - A requirement is in date up to and including its `validUntil` day and lapses the day after
 *   (safeguarding completed 1 Mar 2025 is in date on 1 Mar 2026, out of date on 2 Mar 2026).
 *   Periods are calendar months and years; from 29 February they end on 28 February.
 * - A DBS certificate has no legal expiry: "recheck due by our policy" (expired) is a different
 *   thing from "no DBS check on record" (missing) and from a certificate the centre did not
 *   accept (not accepted).
 * - What someone must have depends on the roles they held on `date` (role history).
 */
import { addMonthsIso, addYearsIso, daysBetween, addDaysIso, type IsoDate } from "~/utils/dates";
import { rolesOn, type RolePeriod } from "~/modules/people/roles";
import { type CentreSettings, type CourseKind } from "./requirements";

export type RequirementStatus = "met" | "due" | "expired" | "missing" | "not_accepted" | "not_required";

/** Why a requirement has its status; ./words.ts turns a code and its detail into a sentence. */
export type RequirementCode =
  | "dbs_none" | "dbs_not_yet_issued" | "dbs_not_accepted" | "dbs_wrong_workforce" | "dbs_no_children_barred_list"
  | "dbs_policy" | "dbs_update_service" | "dbs_new_information"
  | "references_not_required" | "references_in" | "references_outstanding"
  | "course_retired" | "course_not_required" | "course_not_done" | "course_never_expires" | "course_timed";

/** The dates and counts behind a result, for the words and for evidence. */
export type RequirementDetail = {
  issuedOn?: IsoDate;
  firstIssuedOn?: IsoDate;
  decision?: string;
  workforce?: string;
  /** On the Update Service, so a clear status check will do instead of a new certificate. */
  subscribed?: boolean;
  checkedOn?: IsoDate;
  required?: number;
  satisfactory?: number;
  /** When the last of the required references arrived. */
  completeOn?: IsoDate;
  awaited?: number;
  awaitedSince?: IsoDate;
  unsatisfactory?: number;
  completedOn?: IsoDate;
  /** The roles held on the date (not required) or the ones that need it (missing). */
  roles?: string[];
};

export type RequirementResult = {
  /** "dbs", "references" or "course:<id>" */
  key: string;
  label: string;
  kind: "dbs" | "references" | CourseKind;
  status: RequirementStatus;
  code: RequirementCode;
  /** Last day it is in date (met or due); null when it never lapses or is not held. */
  validUntil: IsoDate | null;
  /** First day it was out of date (expired). */
  lapsedOn: IsoDate | null;
  detail: RequirementDetail;
};

export type DbsCheckFacts = {
  issuedOn: IsoDate;
  level: string;
  workforce: string;
  /** The check included the children's barred list. */
  childrenBarredListChecked: boolean;
  decision: string;
  updateServiceSubscribed: boolean;
  statusChecks: { checkedOn: IsoDate; result: string }[];
};

export type ReferenceFacts = { requestedOn: IsoDate; receivedOn: IsoDate | null; outcome: string | null };
export type CourseFacts = { id: string; name: string; kind: CourseKind; validityMonths: number | null; requiredFor: string[]; retired: boolean };
export type TrainingFacts = { courseId: string; completedOn: IsoDate };

export type PersonFacts = {
  startedOn: IsoDate | null;
  leftOn: IsoDate | null;
  roles: RolePeriod[];
  dbsChecks: DbsCheckFacts[];
  references: ReferenceFacts[];
  training: TrainingFacts[];
};

/** Why someone is not counted on a date. */
export type NotCounted = { code: "left"; leftOn: IsoDate } | { code: "no_role" };

/** What stands between someone and being cleared to work; the rota shows these in a few words. */
export type ClearanceBlocker =
  | "dbs_none" | "dbs_not_accepted" | "dbs_wrong_workforce" | "dbs_no_children_barred_list"
  | "dbs_new_information" | "dbs_status_check_due" | "dbs_recheck_due" | "references_outstanding";

export type Finding =
  | { code: "started_before_dbs"; startedOn: IsoDate; issuedOn: IsoDate }
  | { code: "started_before_references"; startedOn: IsoDate; completeOn: IsoDate; required: number };

export type PersonCompliance = {
  date: IsoDate;
  roles: string[];
  /** False after they left, or on a date when they held no role: they are not counted. */
  counted: boolean;
  notCounted: NotCounted | null;
  requirements: RequirementResult[];
  cleared: boolean;
  /** Empty when cleared. */
  blockers: ClearanceBlocker[];
  fullyCompliant: boolean;
  /** Safer-recruitment findings for an assessor, e.g. starting before the DBS check. */
  findings: Finding[];
};

const ACCEPTED_DECISIONS = ["clear", "accepted_after_risk_assessment"];
/** Only a child (or child and adult) workforce check is for work with children. */
export const CHILD_WORKFORCES = ["child", "child_and_adult"];
const IN_DATE: RequirementStatus[] = ["met", "due"];
const DBS_LABEL = "Enhanced DBS check";
/** A course's requirement key, as results, stored standing and the matrix's columns name it. */
export const courseKey = (courseId: string) => `course:${courseId}`;
const REFERENCES_LABEL = "References";

export function isInDate(status: RequirementStatus) {
  return IN_DATE.includes(status);
}

/** Needs a co-ordinator's attention: lapsed, never done, or refused. */
export function isOutstanding(status: RequirementStatus) {
  return status === "expired" || status === "missing" || status === "not_accepted";
}

/** How a status reads on its own, for tables, CSV and screen readers. */
export const STATUS_WORDS: Record<RequirementStatus, string> = {
  met: "In date",
  due: "Due soon",
  expired: "Expired",
  missing: "Missing",
  not_accepted: "Not accepted",
  not_required: "Not required",
};

/** Worst first: what needs attention leads. */
export const STATUS_SEVERITY: Record<RequirementStatus, number> = { not_accepted: 0, expired: 1, missing: 2, due: 3, met: 4, not_required: 5 };

type Base = Pick<RequirementResult, "key" | "label" | "kind">;

function result(base: Base, status: RequirementStatus, code: RequirementCode, detail: RequirementDetail = {}, dates: Partial<Pick<RequirementResult, "validUntil" | "lapsedOn">> = {}): RequirementResult {
  // Spelled out, not spread: every result then has one shape, and this runs for every requirement on every date a sweep visits.
  return { key: base.key, label: base.label, kind: base.kind, status, code, validUntil: dates.validUntil ?? null, lapsedOn: dates.lapsedOn ?? null, detail };
}

/** In date until `validUntil`, due soon inside the centre's warning window, expired after. */
function timed(base: Base, code: RequirementCode, validUntil: IsoDate, date: IsoDate, dueSoonDays: number, detail: RequirementDetail): RequirementResult {
  if (date > validUntil) return result(base, "expired", code, detail, { lapsedOn: addDaysIso(validUntil, 1) });
  const status = daysBetween(date, validUntil) <= dueSoonDays ? "due" : "met";
  return result(base, status, code, detail, { validUntil });
}

const byIssue = (a: DbsCheckFacts, b: DbsCheckFacts) => a.issuedOn.localeCompare(b.issuedOn);
const accepted = (check: DbsCheckFacts) => ACCEPTED_DECISIONS.includes(check.decision);

/** A certificate that clears someone for a contact centre: accepted, child workforce, and the barred list if the centre asks. */
function suitable(check: DbsCheckFacts, settings: CentreSettings) {
  return accepted(check) && CHILD_WORKFORCES.includes(check.workforce) && (!settings.requireChildrenBarredList || check.childrenBarredListChecked);
}

/** Update Service status checks run on these certificates, from issue up to `date`, oldest first. */
function statusChecksOn(checks: DbsCheckFacts[], date: IsoDate) {
  return checks
    .filter((c) => c.updateServiceSubscribed)
    .flatMap((c) => c.statusChecks.filter((s) => s.checkedOn >= c.issuedOn && s.checkedOn <= date))
    .sort((a, b) => a.checkedOn.localeCompare(b.checkedOn));
}

/**
 * The newest certificate's refusal wins. Otherwise the newest suitable certificate sets the
 * recheck date by the centre's policy, and the latest clear Update Service status check on any
 * suitable subscribed certificate can carry it further; new information found since the newest
 * suitable certificate means a new check is needed.
 */
export function evaluateDbs(checks: DbsCheckFacts[], settings: CentreSettings, date: IsoDate): RequirementResult {
  const base: Base = { key: "dbs", label: DBS_LABEL, kind: "dbs" };
  const issued = checks.filter((c) => c.issuedOn <= date).sort(byIssue);
  const latest = issued.at(-1);
  if (!latest) {
    if (!checks.length) return result(base, "missing", "dbs_none");
    return result(base, "missing", "dbs_not_yet_issued", { firstIssuedOn: checks.map((c) => c.issuedOn).sort()[0] });
  }
  if (!accepted(latest)) return result(base, "not_accepted", "dbs_not_accepted", { issuedOn: latest.issuedOn });

  const usable = issued.filter((c) => suitable(c, settings));
  const newest = usable.at(-1);
  if (!newest) {
    const code = CHILD_WORKFORCES.includes(latest.workforce) ? "dbs_no_children_barred_list" : "dbs_wrong_workforce";
    return result(base, "missing", code, { issuedOn: latest.issuedOn, workforce: latest.workforce });
  }
  const detail: RequirementDetail = { issuedOn: newest.issuedOn, decision: newest.decision, subscribed: usable.some((c) => c.updateServiceSubscribed) };

  const newInformation = statusChecksOn(issued.filter(accepted), date).filter((s) => s.result === "new_information").at(-1);
  if (newInformation && newInformation.checkedOn >= newest.issuedOn) {
    return result(base, "expired", "dbs_new_information", { ...detail, checkedOn: newInformation.checkedOn }, { lapsedOn: newInformation.checkedOn });
  }
  const lastClear = statusChecksOn(usable, date)
    .filter((s) => s.result === "no_change" && (!newInformation || s.checkedOn > newInformation.checkedOn))
    .at(-1);
  const policyUntil = addYearsIso(newest.issuedOn, settings.dbsRecheckYears);
  const statusUntil = lastClear ? addMonthsIso(lastClear.checkedOn, settings.updateServiceCheckMonths) : null;
  if (lastClear && statusUntil && statusUntil > policyUntil) {
    return timed(base, "dbs_update_service", statusUntil, date, settings.dueSoonDays, { ...detail, checkedOn: lastClear.checkedOn });
  }
  return timed(base, "dbs_policy", policyUntil, date, settings.dueSoonDays, detail);
}

export function evaluateReferences(references: ReferenceFacts[], required: number, date: IsoDate): RequirementResult {
  const base: Base = { key: "references", label: REFERENCES_LABEL, kind: "references" };
  if (required <= 0) return result(base, "met", "references_not_required");
  const received = references
    .filter((r) => r.outcome === "satisfactory" && r.receivedOn && r.receivedOn <= date)
    .map((r) => r.receivedOn!)
    .sort();
  if (received.length >= required) {
    return result(base, "met", "references_in", { required, satisfactory: received.length, completeOn: received[required - 1] });
  }
  const awaited = references.filter((r) => r.requestedOn <= date && (!r.receivedOn || r.receivedOn > date));
  const unsatisfactory = references.filter((r) => r.outcome === "unsatisfactory" && r.receivedOn && r.receivedOn <= date).length;
  return result(base, "missing", "references_outstanding", {
    required, satisfactory: received.length, awaited: awaited.length, awaitedSince: awaited.map((r) => r.requestedOn).sort()[0], unsatisfactory,
  });
}

/** A course's key, label and kind, made once per course rather than for every person evaluated. */
const courseBases = new WeakMap<CourseFacts, Base>();
function courseBase(course: CourseFacts): Base {
  let base = courseBases.get(course);
  if (!base) courseBases.set(course, (base = { key: courseKey(course.id), label: course.name, kind: course.kind }));
  return base;
}

export function evaluateCourse(course: CourseFacts, training: TrainingFacts[], roles: string[], settings: CentreSettings, date: IsoDate): RequirementResult {
  const base = courseBase(course);
  if (course.retired) return result(base, "not_required", "course_retired");
  const needs = (role: string) => course.requiredFor.includes(role);
  if (!roles.some(needs)) return result(base, "not_required", "course_not_required", { roles });
  let last: IsoDate | undefined;
  for (const t of training) if (t.courseId === course.id && t.completedOn <= date && (!last || t.completedOn > last)) last = t.completedOn;
  if (!last) return result(base, "missing", "course_not_done", { roles: roles.filter(needs) });
  if (course.validityMonths === null) return result(base, "met", "course_never_expires", { completedOn: last });
  return timed(base, "course_timed", addMonthsIso(last, course.validityMonths), date, settings.dueSoonDays, { completedOn: last });
}

/** What keeps someone from being cleared, from their DBS and references results. */
export function clearanceBlockers(dbs: RequirementResult, references: RequirementResult): ClearanceBlocker[] {
  const blockers: ClearanceBlocker[] = [];
  if (!isInDate(dbs.status)) {
    switch (dbs.code) {
      case "dbs_not_accepted": blockers.push("dbs_not_accepted"); break;
      case "dbs_wrong_workforce": blockers.push("dbs_wrong_workforce"); break;
      case "dbs_no_children_barred_list": blockers.push("dbs_no_children_barred_list"); break;
      case "dbs_new_information": blockers.push("dbs_new_information"); break;
      case "dbs_update_service": blockers.push("dbs_status_check_due"); break;
      case "dbs_policy": blockers.push("dbs_recheck_due"); break;
      default: blockers.push("dbs_none");
    }
  }
  if (references.status !== "met") blockers.push("references_outstanding");
  return blockers;
}

/**
 * Cleared to work on a date, and if not, why: the DBS check and references alone decide it, so
 * the rota (which asks this of everyone for every shift date) need not judge the training.
 */
export function clearanceOnDate(person: Pick<PersonFacts, "dbsChecks" | "references">, settings: CentreSettings, date: IsoDate) {
  const dbs = evaluateDbs(person.dbsChecks, settings, date);
  const references = evaluateReferences(person.references, settings.referencesRequired, date);
  const blockers = clearanceBlockers(dbs, references);
  return { dbs, references, blockers, cleared: blockers.length === 0 };
}

/** Every requirement's key and label, in the order evaluatePerson gives its results. */
export function requirementsInOrder(courses: readonly Pick<CourseFacts, "id" | "name">[]): { key: string; label: string }[] {
  return [{ key: "dbs", label: DBS_LABEL }, { key: "references", label: REFERENCES_LABEL }, ...courses.map((c) => ({ key: courseKey(c.id), label: c.name }))];
}

export function evaluatePerson(person: PersonFacts, courses: CourseFacts[], settings: CentreSettings, date: IsoDate): PersonCompliance {
  const roles = rolesOn(person.roles, date);
  const { dbs, references, blockers, cleared } = clearanceOnDate(person, settings, date);
  const courseResults = courses.map((course) => evaluateCourse(course, person.training, roles, settings, date));
  const notCounted: NotCounted | null =
    person.leftOn && date > person.leftOn ? { code: "left", leftOn: person.leftOn } : roles.length === 0 ? { code: "no_role" } : null;
  return {
    date, roles, counted: notCounted === null, notCounted,
    requirements: [dbs, references, ...courseResults],
    cleared, blockers,
    fullyCompliant: cleared && courseResults.every((r) => r.status === "not_required" || isInDate(r.status)),
    findings: recruitmentFindings(person, settings),
  };
}

/** Did they start before their checks were in place? (NACCC: "before commencing work".) */
export function recruitmentFindings(person: PersonFacts, settings: CentreSettings): Finding[] {
  const startedOn = person.startedOn;
  if (!startedOn) return [];
  const findings: Finding[] = [];
  const firstDbs = person.dbsChecks.filter(accepted).map((c) => c.issuedOn).sort()[0];
  if (firstDbs && firstDbs > startedOn) findings.push({ code: "started_before_dbs", startedOn, issuedOn: firstDbs });
  const refDates = person.references.filter((r) => r.outcome === "satisfactory" && r.receivedOn).map((r) => r.receivedOn!).sort();
  const completeOn = refDates[settings.referencesRequired - 1];
  if (settings.referencesRequired > 0 && completeOn && completeOn > startedOn) {
    findings.push({ code: "started_before_references", startedOn, completeOn, required: settings.referencesRequired });
  }
  return findings;
}
