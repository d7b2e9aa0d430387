/**
 * The centre's facts are read with prepared SQL (a second connection outside transactions, the
 * transaction itself inside one). Both must give what Prisma's own model queries give.
 */
import { describe, expect, it, onTestFinished } from "vitest";
import { prisma } from "~/db.server";
import { getCourses, getSettings, loadCentreFacts, personCompliance } from "~/modules/compliance/compliance.server";
import { HOLDS_A_PLACE, loadRotaPeople } from "~/modules/rota/rota.server";
import { readPersonShifts, readRotaTotals, readShifts, type ShiftFilter } from "~/modules/rota/shift-reads.server";
import { addDaysIso } from "~/utils/dates";
import { clock } from "~/utils/clock.server";

// The global setup seeded this database with `npm run demo`'s own script.

const byId = <T extends object>(rows: T[]) => [...rows].sort((a, b) => JSON.stringify(a).localeCompare(JSON.stringify(b)));

async function factsFromPrisma(centreId: string) {
  const standing = { enteredInErrorAt: null };
  const people = await prisma.person.findMany({
    where: { centreId },
    orderBy: [{ lastName: "asc" }, { firstName: "asc" }, { id: "asc" }],
    include: {
      roles: { select: { personId: true, role: true, startedOn: true, endedOn: true } },
      dbsChecks: {
        where: standing,
        select: {
          id: true, personId: true, issuedOn: true, level: true, workforce: true, childrenBarredListChecked: true, decision: true, updateServiceSubscribed: true,
          certificateNumber: true, seenBy: true, seenOn: true, statusChecks: { select: { dbsCheckId: true, checkedOn: true, result: true } },
        },
      },
      references: { where: standing, select: { personId: true, requestedOn: true, receivedOn: true, outcome: true } },
      trainingRecords: { where: standing, select: { personId: true, courseId: true, completedOn: true } },
      statusChanges: { select: { personId: true, status: true, effectiveOn: true }, orderBy: { createdAt: "asc" } },
    },
  });
  return people.map((p) => ({
    id: p.id, status: p.status, startedOn: p.startedOn, leftOn: p.leftOn, conflict: p.usesCentreForOwnFamily, serveEveryWeeks: p.serveEveryWeeks, preferredDays: p.preferredDays,
    roles: byId(p.roles), dbs: byId(p.dbsChecks.map((c) => ({ ...c, statusChecks: byId(c.statusChecks) }))), references: byId(p.references), training: byId(p.trainingRecords),
    statusChanges: p.statusChanges,
  }));
}

function comparable(facts: Awaited<ReturnType<typeof loadCentreFacts>>) {
  return facts.people.map((p) => ({
    id: p.id, status: p.status, startedOn: p.startedOn, leftOn: p.leftOn, conflict: p.usesCentreForOwnFamily, serveEveryWeeks: p.serveEveryWeeks, preferredDays: p.preferredDays,
    roles: byId(p.facts.roles), dbs: byId(p.facts.dbsChecks.map((c) => ({ ...c, statusChecks: byId(c.statusChecks) }))), references: byId(p.facts.references), training: byId(p.facts.training),
    statusChanges: p.statusChanges,
  }));
}

describe("prepared reads of a centre's facts", () => {
  it("give what Prisma's model queries give, for everyone and for a chosen few, outside and inside a transaction", async () => {
    const centre = await prisma.centre.findFirstOrThrow();
    const expected = await factsFromPrisma(centre.id);
    expect(expected.length).toBeGreaterThan(40);
    expect(expected.some((p) => p.dbs.some((c) => c.statusChecks.length > 0))).toBe(true);
    expect(expected.some((p) => p.conflict)).toBe(true);

    const outside = await loadCentreFacts(centre.id);
    expect(comparable(outside)).toEqual(expected);
    const inside = await prisma.$transaction((tx) => loadCentreFacts(centre.id, { db: tx }));
    expect(comparable(inside)).toEqual(expected);
    expect(inside.settings).toEqual(outside.settings);
    expect(inside.courses).toEqual(outside.courses);

    const few = [expected[3].id, expected[17].id, "no-such-person"];
    expect(comparable(await loadCentreFacts(centre.id, { personIds: few }))).toEqual([expected[3], expected[17]]);
    expect(await loadCentreFacts(centre.id, { personIds: [] }).then((f) => f.people)).toEqual([]);
    const inTransaction = await prisma.$transaction((tx) => loadCentreFacts(centre.id, { db: tx, personIds: few }));
    expect(comparable(inTransaction)).toEqual([expected[3], expected[17]]);
    // Listed people are read only from the centre asked about.
    const other = await prisma.centre.create({ data: { name: "Another centre", organisation: { create: { name: "Another" } } } });
    try {
      expect(await loadCentreFacts(other.id, { personIds: few }).then((f) => f.people)).toEqual([]);
      expect(await loadRotaPeople(prisma, other.id, [clock.today()], { personIds: few })).toEqual([]);
    } finally {
      await prisma.centre.delete({ where: { id: other.id } });
    }
  });

  it("read settings and courses as the model queries do, and see a committed change at once", async () => {
    const centre = await prisma.centre.findFirstOrThrow();
    const row = await prisma.centre.findUniqueOrThrow({
      where: { id: centre.id },
      select: { referencesRequired: true, dueSoonDays: true, dbsRecheckYears: true, updateServiceCheckMonths: true, requireChildrenBarredList: true },
    });
    expect(await getSettings(centre.id)).toEqual(row);
    const courses = await prisma.course.findMany({ where: { centreId: centre.id }, orderBy: [{ sortOrder: "asc" }, { name: "asc" }] });
    expect((await getCourses(centre.id)).map((c) => [c.id, c.name, c.validityMonths, c.retired])).toEqual(courses.map((c) => [c.id, c.name, c.validityMonths, c.retired]));

    await prisma.centre.update({ where: { id: centre.id }, data: { dueSoonDays: row.dueSoonDays + 1 } });
    try {
      expect((await getSettings(centre.id)).dueSoonDays).toBe(row.dueSoonDays + 1);
    } finally {
      await prisma.centre.update({ where: { id: centre.id }, data: { dueSoonDays: row.dueSoonDays } });
    }
  });

  it("give the rota's people their unavailability and other shifts as Prisma's model queries do, with each option", async () => {
    const centre = await prisma.centre.findFirstOrThrow({ select: { id: true, serveEveryWeeks: true } });
    const today = clock.today();
    const rota = await prisma.rota.findFirstOrThrow({ where: { centreId: centre.id, status: "published" }, orderBy: { startsOn: "desc" } });
    const options = [{}, { exceptRotaId: rota.id }, { exceptPublishedFrom: today }, { exceptRotaId: rota.id, exceptPublishedFrom: today }];
    let shiftsSeen = 0;
    // Once as the demo is, once with its latest rota back in draft (drafts count as other shifts even from today).
    for (const [status, option] of [...options.map((o) => ["published", o] as const), ...options.map((o) => ["draft", o] as const)]) {
      if (status === "draft") await prisma.rota.update({ where: { id: rota.id }, data: { status: "draft" } });
      const people = await loadRotaPeople(prisma, centre.id, [today], option);
      for (const person of people) {
        const record = await prisma.person.findUniqueOrThrow({ where: { id: person.id }, select: { serveEveryWeeks: true } });
        expect(person.serveEveryWeeks).toBe(record.serveEveryWeeks ?? centre.serveEveryWeeks);
        const unavailable = await prisma.unavailability.findMany({ where: { personId: person.id }, select: { startsOn: true, endsOn: true }, orderBy: { id: "asc" } });
        expect(person.unavailable).toEqual(unavailable);
        const placements = await prisma.shiftAssignment.findMany({
          where: {
            personId: person.id, status: { in: HOLDS_A_PLACE },
            ...("exceptRotaId" in option ? { shift: { rotaId: { not: option.exceptRotaId } } } : {}),
            ...("exceptPublishedFrom" in option ? { NOT: { shift: { date: { gte: option.exceptPublishedFrom }, rota: { status: "published" } } } } : {}),
          },
          select: { shift: { select: { date: true, startsAt: true, endsAt: true } } },
          orderBy: { id: "asc" },
        });
        expect(person.otherShifts).toEqual(placements.map(({ shift }) => ({ date: shift.date, startsAt: shift.startsAt.getTime(), endsAt: shift.endsAt.getTime() })));
        shiftsSeen += person.otherShifts.length;
      }
    }
    await prisma.rota.update({ where: { id: rota.id }, data: { status: "published" } });
    expect(shiftsSeen).toBeGreaterThan(20);
    // A chosen few read alone are read as they are among everyone.
    const everyone = await loadRotaPeople(prisma, centre.id, [today]);
    const few = [everyone[2], everyone[9]].map((p) => p.id);
    expect(await loadRotaPeople(prisma, centre.id, [today], { personIds: few })).toEqual([everyone[2], everyone[9]]);
    expect(await prisma.shift.count({ where: { rotaId: rota.id, date: { gte: today } } })).toBeGreaterThan(0);
  });

  it("read shifts with their placements and open swap requests as Prisma's model queries do, for each filter, outside and inside a transaction", async () => {
    const centre = await prisma.centre.findFirstOrThrow();
    const today = clock.today();
    const fromPrisma = (filter: ShiftFilter) =>
      prisma.shift.findMany({
        where: { rota: { centreId: centre.id, ...(filter.publishedOnly ? { status: "published" } : {}) }, date: { gte: filter.from, ...(filter.to ? { lte: filter.to } : {}) } },
        select: {
          id: true, rotaId: true, sessionId: true, teamId: true, date: true, startsAt: true, endsAt: true, coordinatorsNeeded: true, staffNeeded: true, volunteersNeeded: true,
          rota: { select: { id: true, status: true } },
          session: { select: { name: true, location: true } },
          assignments: {
            select: {
              id: true, personId: true, slot: true, status: true, createdAt: true,
              person: { select: { id: true, firstName: true, lastName: true } },
              swapRequests: { where: { status: "open" }, select: { id: true, askedById: true, note: true, closesAt: true, createdAt: true }, orderBy: [{ createdAt: "asc" }, { id: "asc" }] },
            },
            orderBy: [{ createdAt: "asc" }, { id: "asc" }],
          },
        },
        orderBy: [{ startsAt: "asc" }, { id: "asc" }],
      });
    // With a rota back in draft, so that "published only" leaves something out.
    const rota = await prisma.rota.findFirstOrThrow({ where: { centreId: centre.id, status: "published" }, orderBy: { startsOn: "desc" } });
    await prisma.rota.update({ where: { id: rota.id }, data: { status: "draft" } });
    // And a swap request no longer open, which the reads must leave out.
    const placement = await prisma.shiftAssignment.findFirstOrThrow({ where: { status: "assigned", shift: { date: { gte: today } } } });
    const closed = await prisma.swapRequest.create({ data: { assignmentId: placement.id, askedById: placement.personId, status: "withdrawn", closesAt: clock.now() } });
    try {
      const filters: ShiftFilter[] = [
        { from: addDaysIso(today, -120) }, { from: addDaysIso(today, -120), publishedOnly: true },
        { from: today, publishedOnly: true }, { from: addDaysIso(today, -56), to: addDaysIso(today, 42) }, { from: today, to: today },
        // Two or three shifts on any date: fewer than any rota holds, more than none.
        { from: addDaysIso(today, -7), to: addDaysIso(today, 7) },
      ];
      const seen = { shifts: new Set<number>(), placements: 0, statuses: new Set<string>(), swaps: 0 };
      for (const filter of filters) {
        const expected = await fromPrisma(filter);
        expect(await readShifts(prisma, centre.id, filter)).toEqual(expected);
        expect(await prisma.$transaction((tx) => readShifts(tx, centre.id, filter))).toEqual(expected);
        seen.shifts.add(expected.length);
        for (const a of expected.flatMap((s) => s.assignments)) {
          seen.placements++;
          seen.statuses.add(a.status);
          seen.swaps += a.swapRequests.length;
        }
      }
      // Not a comparison of empty lists: the filters pick different shifts, and placements of every kind are there.
      expect(seen.shifts.size).toBeGreaterThan(3);
      expect(seen.placements).toBeGreaterThan(50);
      expect([...seen.statuses].sort()).toEqual(["assigned", "cannot_attend", "withdrawn"]);
      expect(seen.swaps).toBeGreaterThan(0);

      const totals = await readRotaTotals(prisma, centre.id);
      const rotas = await prisma.rota.findMany({ where: { centreId: centre.id }, include: { shifts: { include: { assignments: true } } }, orderBy: [{ startsOn: "desc" }, { id: "asc" }] });
      expect(totals).toEqual(rotas.map((r) => ({
        id: r.id, startsOn: r.startsOn, endsOn: r.endsOn, status: r.status, mode: r.mode, sessions: r.shifts.length,
        needed: r.shifts.reduce((n, s) => n + s.coordinatorsNeeded + s.staffNeeded + s.volunteersNeeded, 0),
        assigned: r.shifts.reduce((n, s) => n + s.assignments.filter((a) => a.status === "assigned").length, 0),
      })));
      expect(totals.length).toBeGreaterThan(1);
    } finally {
      await prisma.swapRequest.delete({ where: { id: closed.id } });
      await prisma.rota.update({ where: { id: rota.id }, data: { status: "published" } });
    }
  });

  it("read a person's placements on published rotas as Prisma's model queries do", async () => {
    const people = await prisma.person.findMany({ where: { assignments: { some: {} } }, select: { id: true } });
    let placements = 0;
    const statuses = new Set<string>();
    // With a rota back in draft: its placements are not the person's shifts yet.
    const rota = await prisma.rota.findFirstOrThrow({ where: { status: "published", shifts: { some: { assignments: { some: {} } } } }, orderBy: { startsOn: "asc" } });
    await prisma.rota.update({ where: { id: rota.id }, data: { status: "draft" } });
    onTestFinished(() => prisma.rota.update({ where: { id: rota.id }, data: { status: "published" } }).then(() => undefined));
    for (const { id } of people) {
      const expected = await prisma.shiftAssignment.findMany({
        where: { personId: id, status: { not: "withdrawn" }, shift: { rota: { status: "published" } } },
        select: {
          id: true, personId: true, slot: true, status: true,
          shift: {
            select: {
              id: true, rotaId: true, sessionId: true, date: true, startsAt: true, endsAt: true, coordinatorsNeeded: true, staffNeeded: true, volunteersNeeded: true,
              session: { select: { name: true, location: true } }, rota: { select: { centreId: true, centre: { select: { name: true } } } },
            },
          },
        },
        orderBy: [{ shift: { startsAt: "asc" } }, { id: "asc" }],
      });
      expect(await readPersonShifts(prisma, id)).toEqual(expected);
      placements += expected.length;
      for (const a of expected) statuses.add(a.status);
    }
    // The current rota alone: six weeks, fewer near Christmas (closed on the 26th).
    expect(people.length).toBeGreaterThan(20);
    expect(placements).toBeGreaterThan(10);
    expect([...statuses].sort()).toEqual(["assigned", "cannot_attend"]);
  });

  it("read a person's whole records for their compliance page as Prisma's include does, Booleans and Dates included", async () => {
    const centre = await prisma.centre.findFirstOrThrow({ where: { name: { not: "" } }, orderBy: { createdAt: "asc" } });
    const people = await prisma.person.findMany({ where: { centreId: centre.id }, select: { id: true } });
    // One of them with a record entered in error and a DBS status check, so that nullable Dates and nested rows are compared too.
    const someone = people[0].id;
    const check = await prisma.dbsCheck.findFirst({ where: { personId: someone } });
    if (check) {
      await prisma.dbsStatusCheck.create({ data: { dbsCheckId: check.id, checkedOn: clock.today(), result: "no_change", checkedBy: "Test" } });
      await prisma.reference.updateMany({ where: { personId: someone }, data: { enteredInErrorAt: clock.now(), enteredInErrorReason: "test", enteredInErrorBy: "Test" } });
      onTestFinished(async () => {
        await prisma.reference.updateMany({ where: { personId: someone }, data: { enteredInErrorAt: null, enteredInErrorReason: null, enteredInErrorBy: null } });
        await prisma.dbsStatusCheck.deleteMany({ where: { dbsCheckId: check.id, checkedBy: "Test" } });
      });
    }
    let records = 0;
    for (const { id } of people) {
      const expected = await prisma.person.findFirstOrThrow({
        where: { id },
        include: {
          roles: true,
          dbsChecks: { include: { statusChecks: { orderBy: { checkedOn: "desc" } } }, orderBy: { issuedOn: "desc" } },
          references: { orderBy: { requestedOn: "desc" } },
          trainingRecords: { include: { course: { select: { name: true } } }, orderBy: { completedOn: "desc" } },
        },
      });
      const { person } = (await personCompliance(centre.id, id, clock.today()))!;
      const sorted = <T extends { id: string }>(rows: T[]) => [...rows].sort((a, b) => a.id.localeCompare(b.id));
      // Ties in the shown order (two records on one date) may come either way, from either.
      expect({ ...person, roles: sorted(person.roles), dbsChecks: sorted(person.dbsChecks), references: sorted(person.references), trainingRecords: sorted(person.trainingRecords) })
        .toEqual({ ...expected, roles: sorted(expected.roles), dbsChecks: sorted(expected.dbsChecks), references: sorted(expected.references), trainingRecords: sorted(expected.trainingRecords) });
      expect(person.dbsChecks.map((c) => c.issuedOn)).toEqual(expected.dbsChecks.map((c) => c.issuedOn));
      expect(person.trainingRecords.map((t) => t.completedOn)).toEqual(expected.trainingRecords.map((t) => t.completedOn));
      records += person.dbsChecks.length + person.references.length + person.trainingRecords.length;
    }
    expect(records).toBeGreaterThan(100);
    expect(await personCompliance(centre.id, "nobody", clock.today())).toBeNull();
    // Only within the centre asked about.
    expect(await personCompliance("another-centre", someone, clock.today())).toBeNull();
  });
});
