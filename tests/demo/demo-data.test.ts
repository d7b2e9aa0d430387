import { parse } from "csv-parse/sync";
import { describe, expect, it } from "vitest";
import { prisma } from "~/db.server";
import { DEMO_PEOPLE, DEMO_SIGN_INS, seedDemo } from "~/modules/demo/demo-data.server";
import { signIn } from "~/modules/auth/sign-in.server";
import { centreCompliance } from "~/modules/compliance/compliance.server";
import { rotaView, shiftsOfPerson } from "~/modules/rota/rota.server";
import { clock } from "~/utils/clock.server";
import { requirementWords } from "~/modules/compliance/words";
import { retentionOverview } from "~/modules/people/retention.server";
import { loader as matrixLoader } from "~/routes/compliance.matrix";
import { loader as csvLoader } from "~/routes/compliance.matrix[.]csv";
import { addDaysIso, formatUkDate } from "~/utils/dates";
import { args, getRequest } from "../helpers/requests";
import { fiftyDates, storedAgainstEvaluated, storedListsAgainstEvaluated } from "../helpers/standing";

// The global setup seeded this database with `npm run demo`'s own script, on the run's date.

describe("demo data", () => {
  it("is a believable centre, and seeding again adds nothing", async () => {
    expect(await seedDemo()).toBe(false);
    expect(await prisma.centre.count()).toBe(1);
    const people = await prisma.person.findMany({ include: { roles: true } });
    expect(people).toHaveLength(DEMO_PEOPLE.length);
    expect(people).toHaveLength(42);
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

describe("demo compliance", () => {
  it("shows every status somewhere, including the stories the demo tells", async () => {
    const centre = await prisma.centre.findFirstOrThrow();
    const { rows } = await centreCompliance(centre.id, clock.today());
    const counted = rows.filter((r) => r.compliance.counted);
    const statuses = new Set(counted.flatMap((r) => r.compliance.requirements.map((q) => q.status)));
    expect(statuses).toEqual(new Set(["met", "due", "expired", "missing", "not_accepted", "not_required"]));
    const reasonOf = (name: string, key: string) => requirementWords(counted.find((r) => r.name === name)!.compliance.requirements.find((q) => q.key === key || q.kind === key)!);
    expect(reasonOf("Tom Fletcher", "dbs")).toMatch(/^Recheck due by our policy since/);
    expect(reasonOf("Liam O'Connor", "dbs")).toBe("No DBS check on record");
    expect(reasonOf("Gareth Hughes", "coordinator")).toBe("Not completed; required for deputy co-ordinator");
    expect(reasonOf("Robert Jenkins", "dbs")).toMatch(/found new information/);
    expect(counted.some((r) => r.compliance.fullyCompliant)).toBe(true);
    expect(counted.some((r) => r.compliance.findings.length > 0)).toBe(true);
    expect(rows.find((r) => r.name === "Patricia Moore")!.compliance.counted).toBe(false);
  });

  it("has stored standing that gives the rules' own answers for every person on 50 dates", async () => {
    const centre = await prisma.centre.findFirstOrThrow();
    const { problems, checked } = await storedAgainstEvaluated(centre.id, fiftyDates(clock.today()));
    expect(checked).toBe(42 * 50);
    expect(problems).toEqual([]);
    expect(await storedListsAgainstEvaluated(centre.id, fiftyDates(clock.today()))).toEqual([]);
  });

  it("exports in the matrix's CSV exactly the people of the matrix's pages, for each view and role, today and a year ago", async () => {
    const assessor = await prisma.user.findUniqueOrThrow({ where: { email: DEMO_SIGN_INS.assessor.email } });
    const shownOnPages = async (query: string) => {
      const names: string[] = [];
      for (let page = 1; ; page++) {
        const data = await matrixLoader(args(await getRequest(`/compliance/matrix?${query}&page=${page}`, assessor)));
        names.push(...data.rows.map((r) => r.name));
        if (page >= data.page.pages) return names;
      }
    };
    const exported = async (query: string) => {
      const text = await (await csvLoader(args(await getRequest(`/compliance/matrix.csv?${query}`, assessor)))).text();
      return (parse(text.replace(/^\uFEFF/, ""), { record_delimiter: "\r\n" }) as string[][]).slice(1).map((cells) => cells[0]);
    };
    const yearAgo = formatUkDate(addDaysIso(clock.today(), -365));
    const sizes: number[] = [];
    for (const date of ["", yearAgo]) {
      for (const filter of ["view=everyone", "view=attention", "view=not_cleared", "view=compliant", "role=volunteer&view=not_cleared", "role=trustee", "status=paused"]) {
        const query = `${filter}&date=${encodeURIComponent(date)}`;
        const names = await shownOnPages(query);
        expect(await exported(query), query).toEqual(names);
        sizes.push(names.length);
      }
    }
    // Every filter shows someone on one date or the other, and views differ.
    expect(sizes.filter((n) => n > 0).length).toBeGreaterThanOrEqual(10);
    expect(new Set(sizes).size).toBeGreaterThan(4);
  });

  it("has a leaver past the six years' retention and one nearly there", async () => {
    const centre = await prisma.centre.findFirstOrThrow();
    const overview = await retentionOverview(centre.id, clock.today());
    expect(overview.due.map((p) => p.name)).toEqual(["Maureen Oakley"]);
    expect(overview.upcoming.map((p) => p.name)).toEqual(["Derek Fenwick"]);
  });
});

describe("demo rotas", () => {
  it("has sessions, last period's and the current published rota, the demo volunteer's next shift and a drop-out", async () => {
    expect(await prisma.contactSession.count()).toBe(2);
    const rotas = await prisma.rota.findMany({ orderBy: { startsOn: "asc" } });
    expect(rotas.map((r) => r.status)).toEqual(["published", "published"]);
    const today = clock.today();
    expect(rotas[1].startsOn <= today && today <= rotas[1].endsOn).toBe(true);
    const ruth = await prisma.person.findFirstOrThrow({ where: { email: DEMO_SIGN_INS.volunteer.email } });
    expect((await shiftsOfPerson(ruth.id)).some((a) => a.shift.date >= today)).toBe(true);
    expect(await prisma.shiftAssignment.count({ where: { status: "cannot_attend" } })).toBe(1);
    const conflicted = await prisma.person.findFirstOrThrow({ where: { usesCentreForOwnFamily: true } });
    expect(await prisma.shiftAssignment.count({ where: { personId: conflicted.id } })).toBe(0);
  });

  it("shows a withdrawn placement and one that fails its re-check, each as a gap with its reason and cover", async () => {
    const today = clock.today();
    const current = await prisma.rota.findFirstOrThrow({ where: { startsOn: { lte: today }, endsOn: { gte: today } } });
    const { rota } = await rotaView(current.centreId, current.id);
    const upcoming = rota.shifts.filter((s) => !s.past);
    const withdrawn = upcoming.flatMap((s) => s.assignments.filter((a) => a.status === "withdrawn").map((a) => ({ s, a })));
    expect(withdrawn.length).toBeGreaterThan(0);
    expect(withdrawn.every(({ a }) => a.withdrawnReason === "paused")).toBe(true);
    const voided = upcoming.flatMap((s) => s.assignments.filter((a) => a.voids.length).map((a) => ({ s, a })));
    expect(voided.length).toBeGreaterThan(0);
    expect(voided.every(({ a }) => a.voidWords === "not cleared to work that day (DBS not accepted)")).toBe(true);
    for (const { s } of [withdrawn[0], voided[0]]) {
      const gap = s.gaps.find((g) => g.slot === "volunteer")!;
      expect(gap.missing).toBeGreaterThan(0);
      expect(gap.cover.length).toBeGreaterThan(0);
    }
  });
});
