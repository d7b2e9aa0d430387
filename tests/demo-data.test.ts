import { describe, expect, it } from "vitest";
import { prisma } from "~/db.server";
import { DEMO_SIGN_INS, seedDemo } from "~/modules/demo/demo-data.server";
import { signIn } from "~/modules/auth/sign-in.server";

describe("demo data", () => {
  it("fills an empty database with a believable centre, once", async () => {
    const now = new Date("2026-11-23T09:00:00Z");
    expect(await seedDemo(now)).toBe(true);
    expect(await seedDemo(now)).toBe(false);
    const people = await prisma.person.findMany({ include: { roles: true } });
    expect(people).toHaveLength(40);
    expect(new Set(people.map((p) => p.status))).toEqual(new Set(["applicant", "active", "paused", "left"]));
    const roles = new Set(people.flatMap((p) => p.roles.map((r) => r.role)));
    expect(roles).toEqual(new Set(["volunteer", "staff", "trustee", "coordinator", "deputy_coordinator"]));
    expect(people.filter((p) => p.usesCentreForOwnFamily).map((p) => p.firstName)).toEqual(["Chris"]);
    const gareth = people.find((p) => p.firstName === "Gareth")!;
    expect(gareth.roles.map((r) => [r.role, r.endedOn === null])).toEqual([["volunteer", false], ["deputy_coordinator", true]]);
  });

  it("has the three sign-ins the README lists", async () => {
    for (const [role, { email, password }] of Object.entries(DEMO_SIGN_INS)) {
      const result = await signIn(email, password);
      expect(result.ok && result.user.accessRole).toBe(role);
    }
  });
});
