import { describe, expect, it } from "vitest";
import { diffRecords } from "~/modules/audit/diff";

type Rec = { name: string; email: string | null; roles: string[]; flagged: boolean };
const fields = { name: { label: "Name" }, email: { label: "Email" }, roles: { label: "Roles" }, flagged: { label: "Flagged" } };

describe("diffRecords", () => {
  it("lists only the fields that changed, from what to what", () => {
    const before: Rec = { name: "Ann", email: null, roles: ["a"], flagged: false };
    const after: Rec = { name: "Ann", email: "ann@example.org", roles: ["a", "b"], flagged: true };
    expect(diffRecords<Rec>(before, after, fields)).toEqual([
      { field: "Email", from: "(blank)", to: "ann@example.org" },
      { field: "Roles", from: "a", to: "a, b" },
      { field: "Flagged", from: "No", to: "Yes" },
    ]);
  });
  it("describes a new record as changes from blank, skipping blank fields", () => {
    expect(diffRecords<Rec>(null, { name: "Bo", email: null, roles: [], flagged: false }, fields)).toEqual([
      { field: "Name", from: "(blank)", to: "Bo" },
      { field: "Roles", from: "(blank)", to: "(none)" },
      { field: "Flagged", from: "(blank)", to: "No" },
    ]);
  });
});
