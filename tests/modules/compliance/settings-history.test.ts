import { describe, expect, it } from "vitest";
import { describeCourse, policyBefore } from "~/modules/compliance/settings-history";
import { DEFAULT_SETTINGS } from "~/modules/compliance/requirements";
import type { CourseFacts } from "~/modules/compliance/rules";

const course = (id: string, extra: Partial<CourseFacts> = {}): CourseFacts => ({ id, name: `Course ${id}`, kind: "naccc_module", validityMonths: 36, requiredFor: ["volunteer"], retired: false, ...extra });

describe("the policy in force before later changes", () => {
  it("undoes later settings changes, newest first, to the value before the first of them", () => {
    const current = { settings: { ...DEFAULT_SETTINGS, referencesRequired: 3, requireChildrenBarredList: true }, courses: [] };
    const { settings } = policyBefore(current, [
      { seq: 5, entityType: "Centre", entityId: "c", action: "updated", changes: [{ field: "References required", from: "1", to: "2" }] },
      { seq: 9, entityType: "Centre", entityId: "c", action: "updated", changes: [{ field: "References required", from: "2", to: "3" }, { field: "Require the children's barred list", from: "No", to: "Yes" }] },
      { seq: 7, entityType: "Centre", entityId: "c", action: "updated", changes: [{ field: "Serve at most every", from: "4 weeks", to: "6 weeks" }] },
    ]);
    expect(settings).toEqual({ ...DEFAULT_SETTINGS, referencesRequired: 1, requireChildrenBarredList: false });
  });

  it("undoes course changes and leaves out courses added later", () => {
    const current = { settings: DEFAULT_SETTINGS, courses: [course("a", { name: "Module A", validityMonths: 24, requiredFor: ["volunteer", "staff"] }), course("b"), course("c", { retired: true })] };
    const { courses } = policyBefore(current, [
      { seq: 2, entityType: "Course", entityId: "a", action: "updated", changes: [{ field: "Name", from: "Old A", to: "Module A" }, { field: "Valid for", from: "Never expires", to: "24 months" }, { field: "Required for", from: "Volunteer", to: "Volunteer, Staff" }] },
      { seq: 3, entityType: "Course", entityId: "b", action: "created", changes: [{ field: "Name", from: "", to: "Course b" }] },
      { seq: 4, entityType: "Course", entityId: "c", action: "updated", changes: [{ field: "Retired", from: "No", to: "Yes" }] },
    ]);
    expect(courses).toEqual([course("a", { name: "Old A", validityMonths: null, requiredFor: ["volunteer"] }), course("c", { retired: false })]);
  });

  it("reads back the very words it writes", () => {
    const c = course("x", { validityMonths: null, requiredFor: ["deputy_coordinator", "coordinator"] });
    const shown = describeCourse(c);
    expect(shown).toEqual({ Name: "Course x", "Valid for": "Never expires", "Required for": "Deputy co-ordinator, Co-ordinator", Retired: "No" });
    const changed = course("x", { validityMonths: 12, requiredFor: [] });
    const undone = policyBefore({ settings: DEFAULT_SETTINGS, courses: [changed] }, [{
      seq: 1, entityType: "Course", entityId: "x", action: "updated",
      changes: Object.entries(describeCourse(changed)).filter(([k, v]) => shown[k] !== v).map(([field, to]) => ({ field, from: shown[field], to })),
    }]);
    expect(undone.courses).toEqual([c]);
  });
});
