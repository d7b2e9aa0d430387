/**
 * Stored standing: the same answers as evaluating the rules, for the benchmark's people on 50
 * dates; kept up to date by the database whatever changes a record; and what the matrix reads.
 */
import { beforeAll, describe, expect, it } from "vitest";
import { prisma } from "~/db.server";
import { loader as matrixLoader } from "~/routes/compliance.matrix";
import { action as complianceAction } from "~/routes/people.$personId.compliance";
import { action as settingsAction } from "~/routes/settings._index";
import { refreshStanding } from "~/modules/compliance/standing.server";
import { dashboardCompliance } from "~/modules/compliance/dashboard.server";
import { addDaysIso, addMonthsIso, formatUkDate } from "~/utils/dates";
import { clock } from "~/utils/clock.server";
import { seedBenchPeople } from "../../scripts/bench-seed";
import { createCentre, createPerson, createUser } from "../helpers/factories";
import { args, getRequest, postRequest, thrownResponse } from "../helpers/requests";
import { fiftyDates, storedAgainstEvaluated, storedListsAgainstEvaluated } from "../helpers/standing";

const today = clock.today();

describe("stored standing", () => {
  it("gives the same answers as the rules for the benchmark's people on 50 dates", async () => {
    const centre = await createCentre("Bench Centre");
    await seedBenchPeople(prisma as never, centre.id, {
      people: 400, today,
      dbsIssuedOn: (i) => addDaysIso(today, -(30 + ((i * 37) % 1400))),
      trainingOn: (i, n, kind) => (i % 11 === n ? null : kind === "safeguarding" ? addMonthsIso(addDaysIso(today, (i % 90) - 30), -12) : addDaysIso(today, -((i * 13 + n * 97) % 1300))),
    });
    const { problems, checked } = await storedAgainstEvaluated(centre.id, fiftyDates(today));
    expect(checked).toBe(400 * 50);
    expect(problems).toEqual([]);
    // The dashboard reads its lists from stored standing, running no rules: they come out the same.
    expect(await storedListsAgainstEvaluated(centre.id, fiftyDates(today))).toEqual([]);

    // Working everyone out again lets the server take other requests between batches: run in
    // promises alone, a sweep of 5,000 people held every other request (and keep-alive
    // socket) for 15 s.
    await prisma.person.updateMany({ where: { centreId: centre.id }, data: { standingStale: true } });
    let finished = false;
    let turnsWhileSweeping = 0;
    const turns = setInterval(() => { if (!finished) turnsWhileSweeping++; }, 0);
    expect(await refreshStanding(centre.id).finally(() => { finished = true; })).toBe(400);
    clearInterval(turns);
    expect(turnsWhileSweeping).toBeGreaterThanOrEqual(3);
  });

  describe("kept up to date", () => {
    let centreId: string;
    let coordinator: Awaited<ReturnType<typeof createUser>>;
    beforeAll(async () => {
      centreId = (await createCentre("Standing Centre")).id;
      coordinator = await createUser(centreId, "coordinator");
    });
    const matrix = async (query = "") => matrixLoader(args(await getRequest(`/compliance/matrix${query}`, coordinator)));

    it("follows a record added through the app, one written straight to the database, and a change of policy", async () => {
      const person = await createPerson(centreId, { firstName: "Sal", lastName: "Stored" });
      expect((await matrix("?view=not_cleared")).rows.map((r) => r.name)).toContain("Sal Stored");
      await thrownResponse(async () => complianceAction(args(await postRequest(`/people/${person.id}/compliance`, {
        intent: "add-dbs", level: "enhanced", workforce: "child", certificateNumber: "001234567890", issuedOn: formatUkDate(addDaysIso(today, -10)), decision: "clear", seenBy: "Cora", seenOn: formatUkDate(addDaysIso(today, -10)),
      }, coordinator), { personId: person.id })));
      expect((await prisma.person.findUniqueOrThrow({ where: { id: person.id } })).standingStale).toBe(true);
      // Still not cleared: references are missing.
      expect((await matrix("?view=not_cleared")).rows.map((r) => r.name)).toContain("Sal Stored");
      for (const day of [20, 15]) await prisma.reference.create({ data: { personId: person.id, refereeName: "R", relationship: "x", contact: "x", requestedOn: addDaysIso(today, -30), receivedOn: addDaysIso(today, -day), outcome: "satisfactory" } });
      const cleared = await matrix("?view=not_cleared");
      expect(cleared.rows.map((r) => r.name)).not.toContain("Sal Stored");
      // On a date before the references came, they were not cleared.
      expect((await matrix(`?view=not_cleared&date=${encodeURIComponent(formatUkDate(addDaysIso(today, -16)))}`)).rows.map((r) => r.name)).toContain("Sal Stored");

      await thrownResponse(async () => settingsAction(args(await postRequest("/settings", { referencesRequired: "3", dueSoonDays: "60", dbsRecheckYears: "3", updateServiceCheckMonths: "12" }, coordinator))));
      expect(await prisma.person.count({ where: { centreId, standingStale: false } })).toBe(0);
      expect((await matrix("?view=not_cleared")).rows.map((r) => r.name)).toContain("Sal Stored");
      expect(await refreshStanding(centreId)).toBe(0);
    });

    it("filters and counts by role, status and view as the matrix did, and pages in name order", async () => {
      for (let i = 0; i < 55; i++) await createPerson(centreId, { firstName: `P${String(i).padStart(2, "0")}`, lastName: "Paged", roles: [i % 5 === 0 ? "trustee" : "volunteer"] });
      const all = await matrix();
      expect(all.summary.people).toBe(56);
      expect(all.page).toMatchObject({ page: 1, pages: 2, total: 56 });
      expect(all.rows.slice(0, 2).map((r) => r.name)).toEqual(["P00 Paged", "P01 Paged"]);
      expect((await matrix("?page=2")).rows.map((r) => r.name).at(-1)).toBe("Sal Stored");
      expect((await matrix("?role=trustee")).summary).toEqual({ people: 11, cleared: 0, fullyCompliant: 0 });
      expect((await matrix("?status=paused")).summary.people).toBe(0);
    });

    it("charts counts kept between pages until standing is written again, or a person is deleted", async () => {
      const chart = async () => (await dashboardCompliance(centreId, today)).trend;
      const before = await chart();
      expect(before).toHaveLength(12);
      expect(await chart()).toEqual(before);
      // Cleared from today: today's count changes, and the earlier month ends do not.
      const person = await createPerson(centreId, { firstName: "Cleo", lastName: "Counted", startedOn: addDaysIso(today, -400) });
      const afterJoining = await chart();
      expect(afterJoining.at(-1)!.people).toBe(before.at(-1)!.people + 1);
      await prisma.dbsCheck.create({ data: { personId: person.id, level: "enhanced", workforce: "child", certificateNumber: "009876543210", issuedOn: today, decision: "clear", seenBy: "Cora", seenOn: today } });
      // Three references (this centre now asks for three: the first test), all in today.
      for (let i = 0; i < 3; i++) await prisma.reference.create({ data: { personId: person.id, refereeName: `R${i}`, relationship: "x", contact: "x", requestedOn: addDaysIso(today, -30), receivedOn: today, outcome: "satisfactory" } });
      const afterClearing = await chart();
      expect(afterClearing.at(-1)!.cleared).toBe(afterJoining.at(-1)!.cleared + 1);
      expect(afterClearing.slice(0, -1)).toEqual(afterJoining.slice(0, -1));
      // A person deleted takes their standing with them (no records are written for that).
      const passing = await createPerson(centreId, { firstName: "Del", lastName: "Eted", startedOn: addDaysIso(today, -400) });
      const withThem = await chart();
      await prisma.$transaction([prisma.personRole.deleteMany({ where: { personId: passing.id } }), prisma.person.delete({ where: { id: passing.id } })]);
      expect((await chart()).at(-1)!.people).toBe(withThem.at(-1)!.people - 1);
    });

    it("counts the dashboard's lists and the matrix's people again only when standing is written again", async () => {
      const counts = async () => {
        const dashboard = await dashboardCompliance(centreId, today);
        return { notCleared: dashboard.notCleared.total, due30: dashboard.due[30].total, shown: (await matrix()).summary.people };
      };
      const before = await counts();
      const person = await createPerson(centreId, { firstName: "Cass", lastName: "Kept", startedOn: addDaysIso(today, -400) });
      const joined = await counts();
      expect(joined).toEqual({ ...before, notCleared: before.notCleared + 1, shown: before.shown + 1 });
      // Re-checked every three years (the first test's policy): due in ten days.
      await prisma.dbsCheck.create({ data: { personId: person.id, level: "enhanced", workforce: "child", certificateNumber: "005555555555", issuedOn: addDaysIso(addMonthsIso(today, -36), 10), decision: "clear", seenBy: "Cora", seenOn: addDaysIso(addMonthsIso(today, -36), 10) } });
      expect(await counts()).toEqual({ ...joined, due30: joined.due30 + 1 });

      // The counts are kept for the standing version: a row changed behind refreshStanding's
      // back is not seen until the version moves on.
      await prisma.$executeRawUnsafe(`UPDATE "PersonStanding" SET "counted" = 0 WHERE "personId" = ?`, person.id);
      expect(await counts()).toEqual({ ...joined, due30: joined.due30 + 1 });
      await prisma.$executeRawUnsafe(`UPDATE "Centre" SET "standingVersion" = "standingVersion" + 1 WHERE "id" = ?`, centreId);
      expect(await counts()).toEqual(before);

      await prisma.person.update({ where: { id: person.id }, data: { standingStale: true } });
      expect((await counts()).shown).toBe(before.shown + 1);
      await prisma.$transaction([prisma.personRole.deleteMany({ where: { personId: person.id } }), prisma.dbsCheck.deleteMany({ where: { personId: person.id } }), prisma.person.delete({ where: { id: person.id } })]);
      expect(await counts()).toEqual(before);
    });
  });
});
