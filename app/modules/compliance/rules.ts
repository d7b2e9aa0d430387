/**
 * Who is cleared to work, and what is due, for one person on any date.
 *
 * Pure: no Remix, no Prisma, no clock. Records dated after `date` are ignored, so the same call
 * answers "as it stood" on a past date. Conventions, tested in tests/modules/compliance:
 * - A requirement is in date up to and including its `validUntil` day and lapses the day after
 *   (safeguarding completed 1 Mar 2025 is in date on 1 Mar 2026, out of date on 2 Mar 2026).
 * - A DBS certificate has no legal expiry: "recheck due by our policy" (expired) is a different
 *   thing from "no DBS check on record" (missing).
 * - What someone must have depends on the roles they held on `date` (role history).
 */
import { addDaysIso, addMonthsIso, addYearsIso, daysBetween, formatUkDate, type IsoDate } from "~/utils/dates";
import { ROLE_LABELS, isRole } from "~/modules/people/constants";
import { rolesOn, type RolePeriod } from "~/modules/people/roles";
import { DBS_DECISIONS, type CentreSettings, type CourseKind } from "./requirements";

export type RequirementStatus = "met" | "due" | "expired" | "missing" | "not_required";

export type RequirementResult = {
  /** "dbs", "references" or "course:<id>" */
  key: string;
  label: string;
  kind: "dbs" | "references" | CourseKind;
  status: RequirementStatus;
  /** Last day it is in date (met or due); null when it never lapses or is not held. */
  validUntil: IsoDate | null;
  /** First day it was out of date (expired). */
  lapsedOn: IsoDate | null;
  /** One line a co-ordinator or assessor reads. */
  reason: string;
};

export type DbsCheckFacts = {
  issuedOn: IsoDate;
  level: string;
  decision: string;
  updateServiceSubscribed: boolean;
  statusChecks: { checkedOn: IsoDate; result: string }[];
};

export type ReferenceFacts = { requestedOn: IsoDate; receivedOn: IsoDate | null; outcome: string | null };
export type CourseFacts = { id: string; name: string; kind: CourseKind; validityMonths: number | null; requiredFor: string[]; retired: boolean };
export type TrainingFacts = { courseId: string; completedOn: IsoDate };

export type PersonFacts = {
  status: string;
  startedOn: IsoDate | null;
  leftOn: IsoDate | null;
  roles: RolePeriod[];
  dbsChecks: DbsCheckFacts[];
  references: ReferenceFacts[];
  training: TrainingFacts[];
};

export type PersonCompliance = {
  date: IsoDate;
  roles: string[];
  /** False after they left, or on a date when they held no role: they are not counted. */
  counted: boolean;
  notCountedReason: string | null;
  requirements: RequirementResult[];
  cleared: boolean;
  clearedReason: string;
  fullyCompliant: boolean;
  /** Safer-recruitment findings for an assessor, e.g. starting before the DBS check. */
  findings: string[];
};

const ACCEPTED_DECISIONS = ["clear", "accepted_after_risk_assessment"];
const IN_DATE: RequirementStatus[] = ["met", "due"];

export function isInDate(status: RequirementStatus) {
  return IN_DATE.includes(status);
}

/** How a status reads on its own, for tables, CSV and screen readers. */
export const STATUS_WORDS: Record<RequirementStatus, string> = {
  met: "In date",
  due: "Due soon",
  expired: "Expired",
  missing: "Missing",
  not_required: "Not required",
};

/** Worst first: what needs attention leads. */
export const STATUS_SEVERITY: Record<RequirementStatus, number> = { expired: 0, missing: 1, due: 2, met: 3, not_required: 4 };

function timed(key: string, label: string, kind: RequirementResult["kind"], validUntil: IsoDate, date: IsoDate, dueSoonDays: number, words: { met: string; due: string; expired: string }): RequirementResult {
  if (date > validUntil) {
    return { key, label, kind, status: "expired", validUntil: null, lapsedOn: addDaysIso(validUntil, 1), reason: words.expired };
  }
  const status = daysBetween(date, validUntil) <= dueSoonDays ? "due" : "met";
  return { key, label, kind, status, validUntil, lapsedOn: null, reason: status === "due" ? words.due : words.met };
}

export function evaluateDbs(checks: DbsCheckFacts[], settings: CentreSettings, date: IsoDate): RequirementResult {
  const base = { key: "dbs", label: "Enhanced DBS check", kind: "dbs" as const, validUntil: null, lapsedOn: null };
  const issued = checks.filter((c) => c.issuedOn <= date).sort((a, b) => a.issuedOn.localeCompare(b.issuedOn));
  // The newest certificate decides: an older clear one does not outweigh a newer one the centre refused.
  const latest = issued.at(-1);
  if (!latest) {
    const reason = checks.length
      ? `No DBS check on record on this date (first issued ${formatUkDate(checks.map((c) => c.issuedOn).sort()[0])})`
      : "No DBS check on record";
    return { ...base, status: "missing", reason };
  }
  if (!ACCEPTED_DECISIONS.includes(latest.decision)) {
    return { ...base, status: "missing", reason: `The latest DBS check (issued ${formatUkDate(latest.issuedOn)}) was not accepted by the centre` };
  }

  const decision = latest.decision === "clear" ? "clear" : "risk-assessed and accepted";
  const issuedWords = `issued ${formatUkDate(latest.issuedOn)} (${decision})`;
  const policyUntil = addYearsIso(latest.issuedOn, settings.dbsRecheckYears);

  if (latest.updateServiceSubscribed) {
    const lastStatusCheck = latest.statusChecks
      .filter((s) => s.checkedOn <= date && s.checkedOn >= latest.issuedOn)
      .sort((a, b) => a.checkedOn.localeCompare(b.checkedOn))
      .at(-1);
    if (lastStatusCheck?.result === "new_information") {
      return {
        ...base, status: "expired", lapsedOn: lastStatusCheck.checkedOn,
        reason: `Update Service check on ${formatUkDate(lastStatusCheck.checkedOn)} found new information: a new DBS check is needed`,
      };
    }
    if (lastStatusCheck) {
      const statusUntil = addMonthsIso(lastStatusCheck.checkedOn, settings.updateServiceCheckMonths);
      if (statusUntil > policyUntil) {
        const checked = `last Update Service check ${formatUkDate(lastStatusCheck.checkedOn)} showed no new information`;
        return timed("dbs", base.label, "dbs", statusUntil, date, settings.dueSoonDays, {
          met: `Enhanced DBS ${issuedWords}; ${checked}; next status check by ${formatUkDate(statusUntil)}`,
          due: `Update Service status check due by ${formatUkDate(statusUntil)} (${checked})`,
          expired: `Update Service status check due by our policy since ${formatUkDate(addDaysIso(statusUntil, 1))} (${checked})`,
        });
      }
    }
  }

  // For Update Service members a clear status check will do instead of a new certificate.
  const instead = latest.updateServiceSubscribed ? "; on the Update Service, so a clear status check will do" : "";
  return timed("dbs", base.label, "dbs", policyUntil, date, settings.dueSoonDays, {
    met: `Enhanced DBS ${issuedWords}; recheck by ${formatUkDate(policyUntil)}`,
    due: `Recheck due by our policy by ${formatUkDate(policyUntil)} (DBS ${issuedWords}${instead})`,
    expired: `Recheck due by our policy since ${formatUkDate(addDaysIso(policyUntil, 1))} (DBS ${issuedWords}${instead})`,
  });
}

export function evaluateReferences(references: ReferenceFacts[], required: number, date: IsoDate): RequirementResult {
  const base = { key: "references", label: "References", kind: "references" as const, validUntil: null, lapsedOn: null };
  if (required <= 0) return { ...base, status: "met", reason: "No references required by centre policy" };
  const received = references
    .filter((r) => r.outcome === "satisfactory" && r.receivedOn && r.receivedOn <= date)
    .sort((a, b) => a.receivedOn!.localeCompare(b.receivedOn!));
  if (received.length >= required) {
    return { ...base, status: "met", reason: `${received.length} satisfactory references (the ${ordinal(required)} received ${formatUkDate(received[required - 1].receivedOn)})` };
  }
  const awaited = references.filter((r) => r.requestedOn <= date && (!r.receivedOn || r.receivedOn > date));
  const unsatisfactory = references.filter((r) => r.outcome === "unsatisfactory" && r.receivedOn && r.receivedOn <= date).length;
  const parts = [`${received.length} of ${required} satisfactory references received`];
  if (awaited.length) parts.push(`${awaited.length} awaited since ${formatUkDate(awaited.map((r) => r.requestedOn).sort()[0])}`);
  if (unsatisfactory) parts.push(`${unsatisfactory} not satisfactory`);
  if (!awaited.length && received.length + unsatisfactory === 0) parts.push("none requested yet");
  return { ...base, status: "missing", reason: parts.join("; ") };
}

export function evaluateCourse(course: CourseFacts, training: TrainingFacts[], roles: string[], settings: CentreSettings, date: IsoDate): RequirementResult {
  const base = { key: `course:${course.id}`, label: course.name, kind: course.kind, validUntil: null, lapsedOn: null };
  const needingRoles = roles.filter((role) => course.requiredFor.includes(role));
  if (course.retired || needingRoles.length === 0) {
    return { ...base, status: "not_required", reason: course.retired ? "No longer required (course retired)" : `Not required for ${rolesInWords(roles) || "someone with no role"}` };
  }
  const last = training
    .filter((t) => t.courseId === course.id && t.completedOn <= date)
    .map((t) => t.completedOn)
    .sort()
    .at(-1);
  if (!last) return { ...base, status: "missing", reason: `Not completed; required for ${rolesInWords(needingRoles)}` };
  if (course.validityMonths === null) {
    return { ...base, status: "met", reason: `Completed ${formatUkDate(last)}; does not expire` };
  }
  const validUntil = addMonthsIso(last, course.validityMonths);
  return timed(base.key, course.name, course.kind, validUntil, date, settings.dueSoonDays, {
    met: `In date until ${formatUkDate(validUntil)} (completed ${formatUkDate(last)})`,
    due: `Due by ${formatUkDate(validUntil)} (completed ${formatUkDate(last)})`,
    expired: `Out of date since ${formatUkDate(addDaysIso(validUntil, 1))} (completed ${formatUkDate(last)})`,
  });
}

export function evaluatePerson(person: PersonFacts, courses: CourseFacts[], settings: CentreSettings, date: IsoDate): PersonCompliance {
  const roles = rolesOn(person.roles, date);
  const dbs = evaluateDbs(person.dbsChecks, settings, date);
  const references = evaluateReferences(person.references, settings.referencesRequired, date);
  const courseResults = courses.map((course) => evaluateCourse(course, person.training, roles, settings, date));
  const requirements = [dbs, references, ...courseResults];

  const cleared = isInDate(dbs.status) && references.status === "met";
  const blockers = [dbs, references].filter((r) => !isInDate(r.status)).map((r) => r.reason);
  const clearedReason = cleared ? "Cleared to work: enhanced DBS and references in place" : `Not cleared to work: ${blockers.join("; ")}`;
  const fullyCompliant = cleared && courseResults.every((r) => r.status === "not_required" || isInDate(r.status));

  let notCountedReason: string | null = null;
  if (person.leftOn && date > person.leftOn) notCountedReason = `Left on ${formatUkDate(person.leftOn)}`;
  else if (roles.length === 0) notCountedReason = "Held no role at the centre on this date";

  return {
    date, roles, counted: notCountedReason === null, notCountedReason, requirements, cleared, clearedReason, fullyCompliant,
    findings: recruitmentFindings(person, settings),
  };
}

/** Did they start before their checks were in place? (NACCC: "before commencing work".) */
export function recruitmentFindings(person: PersonFacts, settings: CentreSettings): string[] {
  if (!person.startedOn) return [];
  const findings: string[] = [];
  const firstDbs = person.dbsChecks.filter((c) => ACCEPTED_DECISIONS.includes(c.decision)).map((c) => c.issuedOn).sort()[0];
  if (firstDbs && firstDbs > person.startedOn) {
    findings.push(`Started ${formatUkDate(person.startedOn)}, before their enhanced DBS check (issued ${formatUkDate(firstDbs)})`);
  }
  const refDates = person.references.filter((r) => r.outcome === "satisfactory" && r.receivedOn).map((r) => r.receivedOn!).sort();
  const enoughOn = refDates[settings.referencesRequired - 1];
  if (settings.referencesRequired > 0 && enoughOn && enoughOn > person.startedOn) {
    findings.push(`Started ${formatUkDate(person.startedOn)}, before their references were in (the ${ordinal(settings.referencesRequired)} received ${formatUkDate(enoughOn)})`);
  }
  return findings;
}

export function decisionLabel(decision: string) {
  return DBS_DECISIONS[decision as keyof typeof DBS_DECISIONS] ?? decision;
}

function rolesInWords(roles: string[]) {
  return roles.map((role) => (isRole(role) ? ROLE_LABELS[role].toLowerCase() : role)).join(", ");
}

function ordinal(n: number) {
  return ["zeroth", "first", "second", "third", "fourth", "fifth"][n] ?? `${n}th`;
}
