/**
 * Safeguarding holds after a rota is published: placements re-checked on their shift's date,
 * withdrawals when someone leaves, pauses or has a conflict of interest, and rotas that never
 * overlap. Through the routes a co-ordinator and a volunteer use.
 */
import { beforeAll, describe, expect, it } from "vitest";
import ICAL from "ical.js";
import { Prisma } from "@prisma/client";
import { prisma } from "~/db.server";
import { action as rotasAction, loader as rotasLoader } from "~/routes/rota._index";
import { action as rotaAction, loader as rotaLoader } from "~/routes/rota.$rotaId._index";
import { loader as printLoader } from "~/routes/rota.$rotaId.print";
import { action as personAction, loader as personLoader } from "~/routes/people.$personId._index";
import { action as editAction } from "~/routes/people.$personId.edit";
import { action as complianceAction } from "~/routes/people.$personId.compliance";
import { loader as dashboardLoader } from "~/routes/compliance._index";
import { loader as myShiftsLoader } from "~/routes/my-shifts";
import { loader as feedLoader } from "~/routes/calendar.$token[.]ics";
import { queueShiftReminders } from "~/modules/email/notices.server";
import { publishRota } from "~/modules/rota/rota.server";
import { standingOn } from "~/components/rota-grid";
import { actorOf } from "~/modules/auth/actor";
import { addDaysIso, formatUkDate } from "~/utils/dates";
import { clock } from "~/utils/clock.server";
import { createCentre, createPerson, createUser } from "../helpers/factories";
import { args, getRequest, postRequest, thrownResponse } from "../helpers/requests";

const today = clock.today();
const uk = (days: number) => formatUkDate(addDaysIso(today, days));
let centreId: string;
let coordinator: Awaited<ReturnType<typeof createUser>>;
let rotaId: string;
// Twelve volunteers for eight places: four are free to cover.
const names = ["Ann", "Ben", "Cat", "Dan", "Eve", "Fay", "Gus", "Hal", "Ivy", "Jo", "Kit", "Lou"];
const people = new Map<string, { id: string; email: string | null }>();

async function clearedVolunteer(firstName: string) {
  const person = await createPerson(centreId, { firstName, lastName: "Test", startedOn: "2024-01-01", email: `${firstName.toLowerCase()}@example.org` });
  await prisma.dbsCheck.create({ data: { personId: person.id, level: "enhanced", workforce: "child", certificateNumber: "001234567890", issuedOn: addDaysIso(today, -100), decision: "clear", seenBy: "X", seenOn: addDaysIso(today, -99) } });
  for (const n of [1, 2]) await prisma.reference.create({ data: { personId: person.id, refereeName: `R${n}`, relationship: "x", contact: "x", requestedOn: "2023-12-01", receivedOn: "2023-12-10", outcome: "satisfactory" } });
  people.set(firstName, person);
  return person;
}

const draft = async (startsOn: string, extra: Record<string, string> = {}) =>
  rotasAction(args(await postRequest("/rota", { startsOn, weeks: "4", mode: "individuals", ...extra }, coordinator)));

const view = async (id = rotaId) => (await rotaLoader(args(await getRequest(`/rota/${id}`, coordinator), { rotaId: id }))).rota;

/** Upcoming shifts (in the rota view) where this person is down. */
async function upcomingShiftsOf(firstName: string) {
  return (await view()).shifts.filter((s) => !s.past && s.assignments.some((a) => a.personId === people.get(firstName)!.id));
}

beforeAll(async () => {
  centreId = (await createCentre("Safeguarding Centre")).id;
  coordinator = await createUser(centreId, "coordinator", { name: "Cora Ordinator" });
  for (const name of names) await clearedVolunteer(name);
  await prisma.contactSession.create({
    data: { centreId, name: "Saturday", location: "Hall", frequency: "weekly", interval: 1, weekdays: "SA", startsOn: addDaysIso(today, -60), startTime: "10:00", endTime: "12:30", coordinatorsNeeded: 0, staffNeeded: 0, volunteersNeeded: 2, skipBankHolidays: false },
  });
  const drafted = await thrownResponse(() => draft(formatUkDate(today)));
  rotaId = drafted.headers.get("Location")!.split("/")[2];
  await rotaAction(args(await postRequest(`/rota/${rotaId}`, { intent: "publish" }, coordinator), { rotaId }));
});

describe("rotas never overlap", () => {
  it("refuses a draft inside a published rota, naming it and saying where to start", async () => {
    const result = await draft(uk(14));
    expect(result).toMatchObject({ ok: false, overlap: null });
    const rota = await prisma.rota.findUniqueOrThrow({ where: { id: rotaId } });
    expect(result && "errors" in result ? result.errors.startsOn : "").toBe(
      `These dates overlap the published rota for ${formatUkDate(rota.startsOn)} to ${formatUkDate(rota.endsOn)}. A published rota is never replaced: start the new one on ${formatUkDate(addDaysIso(rota.endsOn, 1))} or later, or change the published rota itself.`,
    );
    expect(await prisma.rota.count({ where: { centreId } })).toBe(1);
  });

  it("refuses the same weeks twice as a draft, and replaces the draft only when asked", async () => {
    const next = addDaysIso(today, 28);
    const first = await thrownResponse(() => draft(formatUkDate(next)));
    const firstId = first.headers.get("Location")!.split("/")[2];
    const again = await draft(formatUkDate(addDaysIso(next, 7)));
    expect(again).toMatchObject({ ok: false, overlap: { rotaId: firstId } });
    expect(again && "errors" in again ? again.errors.startsOn : "").toMatch(/^These dates overlap the draft rota for .*\. Replace that draft with a new one, or choose other dates\.$/);
    expect(await prisma.rota.count({ where: { centreId } })).toBe(2);

    const replaced = await thrownResponse(() => draft(formatUkDate(addDaysIso(next, 7)), { replaceDraftId: firstId }));
    const secondId = replaced.headers.get("Location")!.split("/")[2];
    expect(await prisma.rota.findUnique({ where: { id: firstId } })).toBeNull();
    expect(await prisma.rota.findUniqueOrThrow({ where: { id: secondId } })).toMatchObject({ startsOn: addDaysIso(next, 7), status: "draft" });
    expect((await prisma.auditEvent.findFirstOrThrow({ where: { entityId: firstId, action: "deleted" } })).summary).toMatch(/^Replaced the draft rota for /);
    // Discarding asks first; confirmed, it goes (and the rest of the file works with one rota).
    expect(await rotaAction(args(await postRequest(`/rota/${secondId}`, { intent: "discard" }, coordinator), { rotaId: secondId }))).toEqual({ kind: "confirm-discard" });
    expect(await prisma.rota.findUnique({ where: { id: secondId } })).not.toBeNull();
    const discarded = await rotaAction(args(await postRequest(`/rota/${secondId}`, { intent: "discard", confirmed: "yes" }, coordinator), { rotaId: secondId }));
    expect((discarded as Response).headers.get("Location")).toBe("/rota");
    expect(await prisma.rota.findUnique({ where: { id: secondId } })).toBeNull();
  });

  it("never replaces a published rota, even when asked to", async () => {
    const result = await draft(uk(7), { replaceDraftId: rotaId });
    expect(result).toMatchObject({ ok: false, overlap: null });
    expect((await prisma.rota.findUniqueOrThrow({ where: { id: rotaId } })).status).toBe("published");
  });

  it("holds one shift per session date and one place per person per shift in the database itself", async () => {
    const shift = await prisma.shift.findFirstOrThrow({ where: { rotaId }, include: { assignments: true } });
    const other = await prisma.rota.create({ data: { centreId, startsOn: "2030-01-01", endsOn: "2030-01-31" } });
    const duplicate = prisma.shift.create({
      data: { rotaId: other.id, sessionId: shift.sessionId, date: shift.date, startsAt: shift.startsAt, endsAt: shift.endsAt, coordinatorsNeeded: 0, volunteersNeeded: 2, staffNeeded: 0 },
    });
    await expect(duplicate).rejects.toMatchObject({ code: "P2002" });
    const twice = prisma.shiftAssignment.create({ data: { shiftId: shift.id, personId: shift.assignments[0].personId, slot: "volunteer" } });
    await expect(twice).rejects.toBeInstanceOf(Prisma.PrismaClientKnownRequestError);
    await prisma.rota.delete({ where: { id: other.id } });
  });

  it("publishes and queues its emails in one transaction: if queueing fails, the rota stays a draft", async () => {
    const rota = await prisma.rota.create({ data: { centreId, startsOn: "2031-01-01", endsOn: "2031-01-28" } });
    const failing = async () => {
      throw new Error("mail queue unavailable");
    };
    await expect(publishRota(actorOf(coordinator), rota.id, failing)).rejects.toThrow("mail queue unavailable");
    expect((await prisma.rota.findUniqueOrThrow({ where: { id: rota.id } })).status).toBe("draft");
    expect(await prisma.auditEvent.count({ where: { entityId: rota.id, action: "published" } })).toBe(0);
    await prisma.rota.delete({ where: { id: rota.id } });
  });
});

describe("a placement that no longer stands on its shift's date", () => {
  it("shows as a gap with its reason and who could cover once a newer DBS certificate is not accepted", async () => {
    const [shift] = await upcomingShiftsOf("Ann");
    const ann = people.get("Ann")!;
    await thrownResponse(async () => complianceAction(args(await postRequest(`/people/${ann.id}/compliance`, {
      intent: "add-dbs", level: "enhanced", workforce: "child", certificateNumber: "009876543210", issuedOn: uk(-2), decision: "not_accepted", seenBy: "Cora", seenOn: uk(-1),
    }, coordinator), { personId: ann.id })));

    const after = (await view()).shifts.find((s) => s.id === shift.id)!;
    const placement = after.assignments.find((a) => a.personId === ann.id)!;
    expect(placement).toMatchObject({ status: "assigned", offBecause: "not cleared to work that day (DBS not accepted)" });
    expect(after.gaps).toHaveLength(1);
    expect(after.gaps[0]).toMatchObject({ slot: "volunteer", missing: 1 });
    expect(after.gaps[0].cover.map((c) => c.personId)).not.toContain(ann.id);
    expect(after.gaps[0].cover.length).toBeGreaterThan(0);
  });

  it("is flagged on the co-ordinator's dashboard, left off the print view, and counted as unfilled", async () => {
    const ann = people.get("Ann")!;
    const dashboard = await dashboardLoader(args(await getRequest("/compliance", coordinator)));
    expect(dashboard.voided.map((v) => [v.name, v.why])).toContainEqual(["Ann Test", "not cleared to work that day (DBS not accepted)"]);
    const print = await printLoader(args(await getRequest(`/rota/${rotaId}/print`, coordinator), { rotaId }));
    const printed = print.rota.shifts.filter((s) => s.date >= today).flatMap((s) => standingOn(s).map((a) => a.name));
    expect(printed.length).toBeGreaterThan(0);
    expect(printed).not.toContain("Ann Test");
    const list = await rotasLoader(args(await getRequest("/rota", coordinator)));
    const row = list.rotas.find((r) => r.id === rotaId)!;
    const placed = await prisma.shiftAssignment.count({ where: { shift: { rotaId }, status: "assigned" } });
    const annPlaced = await prisma.shiftAssignment.count({ where: { shift: { rotaId, date: { gte: today } }, status: "assigned", personId: ann.id } });
    expect(row.filled).toBe(placed - annPlaced);
  });

  it("is not in the person's calendar or shift reminders, and shows on hold on My shifts", async () => {
    const ann = people.get("Ann")!;
    const user = await createUser(centreId, "volunteer", { personId: ann.id });
    const mine = await myShiftsLoader(args(await getRequest("/my-shifts", user)));
    if (!mine.linked) throw new Error("not linked");
    expect(mine.upcoming.length).toBeGreaterThan(0);
    expect(mine.upcoming.every((s) => s.onHold === "not cleared to work that day (DBS not accepted)")).toBe(true);
    const token = mine.feedUrl.split("/calendar/")[1].replace(".ics", "");
    const feed = await feedLoader(args(await getRequest(`/calendar/${token}.ics`), { token }));
    const events = new ICAL.Component(ICAL.parse(await feed.text())).getAllSubcomponents("vevent");
    const upcomingEvents = events.map((e) => new ICAL.Event(e)).filter((e) => e.startDate.toJSDate() >= new Date(`${today}T00:00:00Z`));
    expect(upcomingEvents).toEqual([]);
    const reminders = await queueShiftReminders(centreId, today, addDaysIso(today, 28), true);
    expect(reminders.would.map((w) => w.to)).not.toContain("ann@example.org");
    expect(reminders.would.length).toBeGreaterThan(0);
  });
});

describe("publishing a rota with a placement that no longer stands", () => {
  it("emails everyone else their shifts, and not the person who may no longer do theirs", async () => {
    const rotaEnd = (await prisma.rota.findUniqueOrThrow({ where: { id: rotaId } })).endsOn;
    const drafted = await thrownResponse(() => draft(formatUkDate(addDaysIso(rotaEnd, 1))));
    const nextId = drafted.headers.get("Location")!.split("/")[2];
    const placed = await prisma.shiftAssignment.findMany({ where: { shift: { rotaId: nextId } }, include: { person: true } });
    const refused = placed.find((a) => a.person.firstName !== "Ann")!.person;
    await thrownResponse(async () => complianceAction(args(await postRequest(`/people/${refused.id}/compliance`, {
      intent: "add-dbs", level: "enhanced", workforce: "child", certificateNumber: "009876543211", issuedOn: uk(-1), decision: "not_accepted", seenBy: "Cora", seenOn: uk(-1),
    }, coordinator), { personId: refused.id })));
    const result = await rotaAction(args(await postRequest(`/rota/${nextId}`, { intent: "publish" }, coordinator), { rotaId: nextId }));
    const emailed = await prisma.emailMessage.findMany({ where: { template: "rota-published", dedupeKey: { startsWith: `rota:${nextId}:` } } });
    const expected = new Set(placed.filter((a) => a.personId !== refused.id).map((a) => a.person.email));
    expect(new Set(emailed.map((m) => m.toEmail))).toEqual(expected);
    expect(result).toMatchObject({ kind: "done", message: `Published. Everyone on it can now see their shifts; ${expected.size} people have been emailed their shifts.` });
  });
});

describe("leaving, pausing and a conflict of interest take people off future shifts", () => {
  it("withdraws a leaver's future placements in the same step, audited, and says which shifts opened", async () => {
    const ben = people.get("Ben")!;
    const upcoming = await prisma.shiftAssignment.findMany({ where: { personId: ben.id, status: "assigned", shift: { date: { gt: today } } } });
    expect(upcoming.length).toBeGreaterThan(0);
    const result = await personAction(args(await postRequest(`/people/${ben.id}`, { intent: "leave", leftOn: formatUkDate(today), confirmed: "yes" }, coordinator), { personId: ben.id }));
    expect(result).toMatchObject({ ok: true });
    const message = result && "message" in result ? result.message : "";
    expect(message).toContain(`They were taken off ${upcoming.length === 1 ? "1 shift" : `${upcoming.length} shifts`}`);
    const rows = await prisma.shiftAssignment.findMany({ where: { personId: ben.id, shift: { date: { gt: today } } } });
    expect(rows.every((r) => r.status === "withdrawn" && r.withdrawnReason === "left")).toBe(true);
    const audit = await prisma.auditEvent.findMany({ where: { centreId, entityType: "Rota", summary: { contains: "Took Ben Test off" } } });
    expect(audit.length).toBe(rows.length);
    expect(audit[0].summary).toMatch(/\(left the centre\) \(published rota\)$/);
    // Their own page lists each shift they were taken off, soonest first, with why.
    const page = await personLoader(args(await getRequest(`/people/${ben.id}`, coordinator), { personId: ben.id }));
    const soonestFirst = await prisma.shiftAssignment.findMany({ where: { personId: ben.id, status: "withdrawn", shift: { date: { gte: today } } }, orderBy: [{ shift: { startsAt: "asc" } }, { id: "asc" }], include: { shift: { include: { session: true } } } });
    expect(page.withdrawn).toEqual(soonestFirst.map((a) => ({ id: a.id, shiftId: a.shiftId, rotaId: a.shift.rotaId, date: a.shift.date, session: a.shift.session.name, reason: "left" })));
    // On whichever rota it is (depending on the date, Ben's next shift may be on the one published above).
    const { rotaId: itsRota } = await prisma.shift.findUniqueOrThrow({ where: { id: rows[0].shiftId } });
    const shift = (await view(itsRota)).shifts.find((s) => s.id === rows[0].shiftId)!;
    expect(shift.assignments.find((a) => a.personId === ben.id)).toMatchObject({ status: "withdrawn", offBecause: "left the centre" });
    const standing = shift.assignments.filter((a) => a.status === "assigned" && !a.offBecause).length;
    expect(shift.gaps[0]).toMatchObject({ slot: "volunteer", missing: 2 - standing });
    expect(shift.gaps[0].cover.map((c) => c.personId)).not.toContain(ben.id);
  });

  it("withdraws someone paused, or flagged for a conflict of interest, from the edit form", async () => {
    for (const [name, change, reason] of [["Cat", { status: "paused" }, "paused"], ["Dan", { usesCentreForOwnFamily: "on", conflictNote: "Own family now uses the centre" }, "conflict"]] as const) {
      const person = await prisma.person.findUniqueOrThrow({ where: { id: people.get(name)!.id } });
      const before = await prisma.shiftAssignment.count({ where: { personId: person.id, status: "assigned", shift: { date: { gte: today } } } });
      expect(before).toBeGreaterThan(0);
      const form: Record<string, string> = {
        firstName: person.firstName, lastName: person.lastName, email: person.email ?? "", phone: "", roles: "volunteer", status: "active",
        startedOn: "01/01/2024", leftOn: "", rolesChangeOn: "", conflictNote: "",
      };
      await thrownResponse(async () => editAction(args(await postRequest(`/people/${person.id}/edit`, { ...form, ...change }, coordinator), { personId: person.id })));
      expect(await prisma.shiftAssignment.count({ where: { personId: person.id, status: "assigned", shift: { date: { gte: today } } } })).toBe(0);
      expect(await prisma.shiftAssignment.count({ where: { personId: person.id, status: "withdrawn", withdrawnReason: reason } })).toBe(before);
    }
  });
});
