import { describe, expect, it } from "vitest";
import { currentRoles, planRoleChanges, roleSince, rolesOn } from "~/modules/people/roles";

const history = [
  { id: "a", role: "volunteer", startedOn: "2020-01-01", endedOn: "2024-05-31" },
  { id: "b", role: "deputy_coordinator", startedOn: "2024-06-01", endedOn: null },
  { id: "c", role: "trustee", startedOn: "2022-03-01", endedOn: null },
];

describe("rolesOn", () => {
  it("gives the roles held on a day, with both ends inclusive", () => {
    expect(rolesOn(history, "2024-05-31").sort()).toEqual(["trustee", "volunteer"]);
    expect(rolesOn(history, "2024-06-01").sort()).toEqual(["deputy_coordinator", "trustee"]);
  });
  it("gives nothing before anyone started", () => {
    expect(rolesOn(history, "2019-12-31")).toEqual([]);
  });
  it("counts a role once even if two periods overlap", () => {
    expect(rolesOn([...history, { id: "d", role: "trustee", startedOn: "2023-01-01", endedOn: null }], "2024-01-01").sort()).toEqual(["trustee", "volunteer"]);
  });
});

describe("currentRoles and roleSince", () => {
  it("lists open roles and when each began", () => {
    expect(currentRoles(history).sort()).toEqual(["deputy_coordinator", "trustee"]);
    expect(roleSince(history, "deputy_coordinator")).toBe("2024-06-01");
    expect(roleSince(history, "volunteer")).toBeNull();
  });
});

describe("planRoleChanges", () => {
  it("opens new roles from the effective date and closes dropped ones the day before", () => {
    const plan = planRoleChanges(history, ["trustee", "coordinator"], "2025-01-15");
    expect(plan.create).toEqual([{ role: "coordinator", startedOn: "2025-01-15" }]);
    expect(plan.close).toEqual([{ id: "b", role: "deputy_coordinator", endedOn: "2025-01-14" }]);
    expect(plan.remove).toEqual([]);
  });
  it("changes nothing when the roles are the same", () => {
    expect(planRoleChanges(history, ["deputy_coordinator", "trustee"], "2025-01-15")).toEqual({ create: [], close: [], remove: [] });
  });
  it("deletes a period that would end before it began (added and dropped the same day)", () => {
    const plan = planRoleChanges([{ id: "x", role: "staff", startedOn: "2025-01-15", endedOn: null }], ["volunteer"], "2025-01-15");
    expect(plan.remove).toEqual([{ id: "x", role: "staff" }]);
    expect(plan.create).toEqual([{ role: "volunteer", startedOn: "2025-01-15" }]);
  });
  it("does not reopen a role that ended earlier unless it is wanted again", () => {
    const plan = planRoleChanges(history, ["volunteer", "deputy_coordinator", "trustee"], "2025-02-01");
    expect(plan.create).toEqual([{ role: "volunteer", startedOn: "2025-02-01" }]);
  });
});
