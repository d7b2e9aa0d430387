/**
 * The centre's compliance policy as it was on a past date: today's settings and courses, with every
 * later change from the audit log undone. Pure. The audit log keeps each change as the words it
 * showed ("References required: 1 → 2"), so those words are read back here with the same labels
 * that wrote them: one table serves both directions.
 */
import type { FieldChange } from "~/modules/audit/diff";
import { ROLE_LABELS, isRole } from "~/modules/people/constants";
import type { CentreSettings } from "./requirements";
import type { CourseFacts } from "./rules";
import { parseRequiredFor } from "./requirements";

export const SETTING_LABELS: Record<keyof CentreSettings, string> = {
  referencesRequired: "References required",
  dueSoonDays: "Warn this many days ahead",
  dbsRecheckYears: "DBS recheck after (years)",
  updateServiceCheckMonths: "Update Service status check every (months)",
  requireChildrenBarredList: "Require the children's barred list",
};

export const showSetting = (value: number | boolean) => (typeof value === "boolean" ? (value ? "Yes" : "No") : String(value));

function readSetting(key: keyof CentreSettings, shown: string): number | boolean | null {
  if (key === "requireChildrenBarredList") return shown === "Yes" ? true : shown === "No" ? false : null;
  return /^\d+$/.test(shown) ? Number(shown) : null;
}

/** A course as the audit log shows it. */
export function describeCourse(c: { name: string; validityMonths: number | null; requiredFor: string | readonly string[]; retired: boolean }): Record<string, string> {
  const roles = (typeof c.requiredFor === "string" ? parseRequiredFor(c.requiredFor) : [...c.requiredFor]).map((r) => (isRole(r) ? ROLE_LABELS[r] : r)).join(", ") || "(nobody)";
  return {
    Name: c.name,
    "Valid for": c.validityMonths === null ? "Never expires" : `${c.validityMonths} months`,
    "Required for": roles,
    Retired: c.retired ? "Yes" : "No",
  };
}

const ROLE_BY_LABEL = new Map(Object.entries(ROLE_LABELS).map(([role, label]) => [label, role]));

/** Undo one audited change to a course's description. */
function undoCourseChange(course: CourseFacts, change: FieldChange): CourseFacts {
  switch (change.field) {
    case "Name": return { ...course, name: change.from };
    case "Valid for": {
      const months = /^(\d+) months$/.exec(change.from);
      return { ...course, validityMonths: months ? Number(months[1]) : change.from === "Never expires" ? null : course.validityMonths };
    }
    case "Required for": return { ...course, requiredFor: change.from === "(nobody)" || change.from === "" ? [] : change.from.split(", ").map((label) => ROLE_BY_LABEL.get(label) ?? label) };
    case "Retired": return { ...course, retired: change.from === "Yes" };
    default: return course;
  }
}

export type PolicyChange = { entityType: string; entityId: string; action: string; changes: FieldChange[] };

/**
 * The settings and courses in force before `laterChanges` (every Centre and Course entry after the
 * date, in any order: they are undone newest first). A course created after the date is left out.
 */
export function policyBefore(current: { settings: CentreSettings; courses: CourseFacts[] }, laterChanges: readonly (PolicyChange & { seq: number })[]) {
  const settings = { ...current.settings };
  const courses = new Map(current.courses.map((c) => [c.id, c]));
  const keyByLabel = new Map(Object.entries(SETTING_LABELS).map(([key, label]) => [label, key as keyof CentreSettings]));
  for (const entry of [...laterChanges].sort((a, b) => b.seq - a.seq)) {
    if (entry.entityType === "Centre") {
      for (const change of entry.changes) {
        const key = keyByLabel.get(change.field);
        const value = key ? readSetting(key, change.from) : null;
        if (key && value !== null) (settings as Record<string, number | boolean>)[key] = value;
      }
    } else if (entry.entityType === "Course") {
      const course = courses.get(entry.entityId);
      if (!course) continue;
      if (entry.action === "created") courses.delete(entry.entityId);
      else courses.set(entry.entityId, entry.changes.reduce(undoCourseChange, course));
    }
  }
  return { settings, courses: [...courses.values()] };
}
