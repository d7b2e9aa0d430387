/**
 * Volunteers helping themselves, through the routes as each role meets them: open places, swaps,
 * the co-ordinator's yes, record of service and the week and month views.
 */
import { beforeAll, beforeEach, describe, expect, it } from "vitest";
import { prisma } from "~/db.server";
import { subjects } from "../../emails/subjects";
import { action as myShiftsAction, loader as myShiftsLoader } from "~/routes/my-shifts";
import { action as requestsAction, loader as requestsLoader } from "~/routes/rota.requests";
import { loader as dashboardLoader } from "~/routes/compliance._index";
import { loader as meLoader } from "~/routes/me";
import { loader as serviceLoader } from "~/routes/rota.service";
import { loader as serviceCsvLoader } from "~/routes/rota.service[.]csv";
import { loader as shiftsLoader } from "~/routes/shifts";
import { action as settingsAction } from "~/routes/settings._index";
import { action as shiftAction } from "~/routes/rota.$rotaId.shifts.$shiftId";
import { feedForToken } from "~/modules/rota/calendar.server";
import { renderForSending } from "~/modules/email/kinds.server";
import { rankCandidates } from "~/modules/rota/generate";
import { loadRotaPeople, toRotaShift } from "~/modules/rota/rota.server";
import { readShifts } from "~/modules/rota/shift-reads.server";
import { withoutPlacement } from "~/modules/rota/self-service";
import type { RotaContext, Slot } from "~/modules/rota/eligibility";
import { addDaysIso, formatLondonDateTime, formatUkDate, formatUkDateWithDay, londonInstant } from "~/utils/dates";
import { clock } from "~/utils/clock.server";
import { createCentre, createPerson, createUser } from "../helpers/factories";
import { args, dataOf, getRequest, postRequest, thrownResponse } from "../helpers/requests";

const today = clock.today();
let centreId: string;
let sessionId: string;
let rotaId: string;
type User = Awaited<ReturnType<typeof createUser>>;
let coordinator: User, assessor: User, vera: User, walt: User, nolan: User, stan: User, beaUser: User;
const bea = () => beaUser;
const people: Record<string, { id: string }> = {};

async function cleared(firstName: string, roles: ("volunteer" | "staff")[] = ["volunteer"]) {
  const person = await createPerson(centreId, { firstName, lastName: "Test", roles, startedOn: "2024-01-01" });
  await prisma.dbsCheck.create({ data: { personId: person.id, level: "enhanced", workforce: "child", certificateNumber: "001234567890", issuedOn: addDaysIso(today, -100), decision: "clear", seenBy: "X", seenOn: addDaysIso(today, -99) } });
  for (const n of [1, 2]) await prisma.reference.create({ data: { personId: person.id, refereeName: `R${n}`, relationship: "x", contact: "x", requestedOn: "2023-12-01", receivedOn: "2023-12-10", outcome: "satisfactory" } });
  people[firstName] = person;
  return person;
}

/** A shift of the Saturday session on `date`, 10:00 to 12:30 London time, with these people on it. */
async function shiftOn(date: string, onIt: string[], { volunteersNeeded = 2, staffNeeded = 0, rota = rotaId } = {}) {
  return prisma.shift.create({
    data: {
      rotaId: rota, sessionId, date, startsAt: londonInstant(date, "10:00"), endsAt: londonInstant(date, "12:30"),
      coordinatorsNeeded: 0, volunteersNeeded, staffNeeded,
      assignments: { create: onIt.map((name) => ({ personId: people[name].id, slot: "volunteer" })) },
    },
  });
}

/** Vera's place on a shift on `date` (with Bea), offered as a swap that nobody took by its cut-off. */
async function unansweredSwapOn(date: string) {
  const later = await shiftOn(date, ["Vera", "Bea"]);
  const mine = await prisma.shiftAssignment.findUniqueOrThrow({ where: { shiftId_personId: { shiftId: later.id, personId: people.Vera.id } } });
  await post(vera, { intent: "ask-swap", assignmentId: mine.id });
  const swap = await prisma.swapRequest.findFirstOrThrow({ where: { assignmentId: mine.id } });
  // The cut-off passes.
  await prisma.swapRequest.update({ where: { id: swap.id }, data: { closesAt: new Date(clock.now().getTime() - 60_000) } });
  return { later, mine, swap };
}

const post = async (user: User, fields: Record<string, string>) => dataOf(await myShiftsAction(args(await postRequest("/my-shifts", fields, user))));
const myShifts = async (user: User) => {
  const data = await myShiftsLoader(args(await getRequest("/my-shifts", user)));
  if (!data.linked) throw new Error("not linked");
  return data;
};

beforeAll(async () => {
  centreId = (await createCentre("Self-service Centre")).id;
  sessionId = (await prisma.contactSession.create({ data: { centreId, name: "Saturday", location: "Hall", frequency: "weekly", weekdays: "SA", startsOn: "2024-01-06", startTime: "10:00", endTime: "12:30", coordinatorsNeeded: 0, volunteersNeeded: 2 } })).id;
  rotaId = (await prisma.rota.create({ data: { centreId, startsOn: today, endsOn: addDaysIso(today, 60), status: "published", publishedAt: clock.now() } })).id;
  for (const name of ["Vera", "Walt", "Abe", "Bea"]) await cleared(name);
  await cleared("Stan", ["staff"]);
  people.Nolan = await createPerson(centreId, { firstName: "Nolan", lastName: "NoChecks" });
  coordinator = await createUser(centreId, "coordinator", { name: "Cora Ord" });
  assessor = await createUser(centreId, "assessor");
  vera = await createUser(centreId, "volunteer", { personId: people.Vera.id, name: "Vera Test" });
  walt = await createUser(centreId, "volunteer", { personId: people.Walt.id, name: "Walt Test" });
  nolan = await createUser(centreId, "volunteer", { personId: people.Nolan.id, name: "Nolan NoChecks" });
  stan = await createUser(centreId, "volunteer", { personId: people.Stan.id, name: "Stan Test" });
  beaUser = await createUser(centreId, "volunteer", { personId: people.Bea.id, name: "Bea Test" });
});

describe("open places", () => {
  let shiftId: string;
  beforeAll(async () => {
    shiftId = (await shiftOn(addDaysIso(today, 5), ["Abe"])).id;
  });

  it("lists a place still empty for each volunteer eligible for it, and not for others", async () => {
    const open = (await myShifts(vera)).open.places;
    expect(open).toEqual([expect.objectContaining({ shiftId, slot: "volunteer", free: 1, session: "Saturday", as: "volunteer" })]);
    expect((await myShifts(nolan)).open.places).toEqual([]);
    expect((await myShifts(stan)).open.places).toEqual([]);
  });

  it("refuses someone not cleared to work, saying why, and saves nothing", async () => {
    const result = await post(nolan, { intent: "take-place", shiftId, slot: "volunteer" });
    expect(result).toMatchObject({ refused: expect.stringMatching(/^You are not cleared to work on .* \(no DBS check, references outstanding\): talk to your co-ordinator$/) });
    expect(await prisma.shiftAssignment.count({ where: { shiftId, personId: people.Nolan.id } })).toBe(0);
  });

  it("refuses a place for a role they do not hold", async () => {
    const result = await post(stan, { intent: "take-place", shiftId, slot: "volunteer" });
    expect(result).toMatchObject({ refused: expect.stringMatching(/^That place is for a volunteer, which you are not on /) });
  });

  it("gives the place at once with one button: on My shifts, in the calendar, audited, co-ordinators told", async () => {
    const result = await post(vera, { intent: "take-place", shiftId, slot: "volunteer" });
    expect(result).toEqual({ message: `Saturday, ${formatUkDateWithDay(addDaysIso(today, 5))}: It is yours: it is on your shifts below and in your calendar.` });
    const row = await prisma.shiftAssignment.findUniqueOrThrow({ where: { shiftId_personId: { shiftId, personId: people.Vera.id } } });
    expect(row).toMatchObject({ status: "assigned", source: "open_shift", slot: "volunteer" });
    expect((await myShifts(vera)).upcoming.map((s) => s.id)).toContain(row.id);
    const { calendarToken } = await prisma.person.findUniqueOrThrow({ where: { id: people.Vera.id } });
    expect(await feedForToken(calendarToken!)).toContain(`UID:${row.id}@contact-centre-rota`);
    expect(await prisma.auditEvent.findFirst({ where: { centreId, action: "took-open-shift", personId: people.Vera.id } })).toMatchObject({ summary: expect.stringContaining("Vera Test took an open place on Saturday") });
    const email = await prisma.emailMessage.findFirstOrThrow({ where: { centreId, template: "rota-change", userId: coordinator.id } });
    const rendered = await renderForSending(email);
    expect(rendered).toMatchObject({ subject: `Rota change: a volunteer took an open place on Saturday, ${formatUkDateWithDay(addDaysIso(today, 5))}` });
    expect("text" in rendered && rendered.text).toMatch(/Vera Test took an open place/i);
    // Full now: nobody else is offered it.
    expect((await myShifts(walt)).open.places).toEqual([]);
  });

  it("gives the last place to one of two people pressing at once, and tells the other", async () => {
    const last = await shiftOn(addDaysIso(today, 26), ["Abe"]);
    const [a, b] = await Promise.all([
      post(walt, { intent: "take-place", shiftId: last.id, slot: "volunteer" }),
      post(vera, { intent: "take-place", shiftId: last.id, slot: "volunteer" }),
    ]);
    const results = [a, b];
    expect(results.filter((r) => "message" in r)).toHaveLength(1);
    expect(results.filter((r) => "refused" in r)).toEqual([{ refused: "Someone else has just taken that place: it is no longer free", about: last.id }]);
    expect(await prisma.shiftAssignment.count({ where: { shiftId: last.id, status: "assigned" } })).toBe(2);
  });

  it("is not for assessors, and needs a sign-in linked to a person", async () => {
    const attempts: Record<string, string>[] = [{ intent: "take-place", shiftId, slot: "volunteer" }, { intent: "take-swap", swapId: "x" }, { intent: "ask-swap", assignmentId: "x" }, { intent: "withdraw-swap", swapId: "x" }];
    for (const fields of attempts) {
      expect((await thrownResponse(async () => myShiftsAction(args(await postRequest("/my-shifts", fields, assessor))))).status).toBe(403);
    }
    expect((await thrownResponse(async () => myShiftsAction(args(await postRequest("/my-shifts", { intent: "take-place", shiftId, slot: "volunteer" }, coordinator))))).status).toBe(400);
    expect((await thrownResponse(async () => myShiftsAction(args(await postRequest("/my-shifts", { intent: "take-place", shiftId, slot: "volunteer" }))))).status).toBe(302);
  });
});

describe("when the centre wants to say yes first", () => {
  let shiftId: string;
  beforeAll(async () => {
    const saved = await thrownResponse(async () => settingsAction(args(await postRequest("/settings", { intent: "self-service", openShiftTaking: "approval", swapCutoffHours: "72" }, coordinator))));
    expect(saved.status).toBe(302);
    shiftId = (await shiftOn(addDaysIso(today, 33), ["Abe"])).id;
  });

  it("refuses a cut-off that is not a whole number of hours, next to the field", async () => {
    const result = await settingsAction(args(await postRequest("/settings", { intent: "self-service", openShiftTaking: "approval", swapCutoffHours: "three days" }, coordinator)));
    expect(result).toMatchObject({ ok: false, errors: { swapCutoffHours: "Enter a whole number of hours, like 72" } });
  });

  it("holds the place for them until a co-ordinator answers, and shows it on the dashboard", async () => {
    expect(await post(walt, { intent: "take-place", shiftId, slot: "volunteer" })).toMatchObject({ message: expect.stringContaining("The co-ordinator will say yes or no") });
    const row = await prisma.shiftAssignment.findUniqueOrThrow({ where: { shiftId_personId: { shiftId, personId: people.Walt.id } } });
    expect(row.status).toBe("pending");
    expect((await myShifts(walt)).upcoming.find((s) => s.id === row.id)?.status).toBe("pending");
    const { calendarToken } = await prisma.person.findUniqueOrThrow({ where: { id: people.Walt.id } });
    expect(await feedForToken(calendarToken!)).not.toContain(`UID:${row.id}@`);
    expect((await myShifts(vera)).open.places.map((p) => p.shiftId)).not.toContain(shiftId);
    const dashboard = await dashboardLoader(args(await getRequest("/compliance", coordinator)));
    expect(dashboard.requests?.pending).toEqual([expect.objectContaining({ assignmentId: row.id, name: "Walt Test", shiftId })]);
  });

  it("lets only co-ordinators answer; yes is checked again and confirms it", async () => {
    const row = await prisma.shiftAssignment.findUniqueOrThrow({ where: { shiftId_personId: { shiftId, personId: people.Walt.id } } });
    for (const user of [walt, assessor]) {
      expect((await thrownResponse(async () => requestsAction(args(await postRequest("/rota/requests", { intent: "approve", assignmentId: row.id }, user))))).status).toBe(403);
    }
    const result = await requestsAction(args(await postRequest("/rota/requests", { intent: "approve", assignmentId: row.id }, coordinator)));
    expect(result).toEqual({ message: `Saturday, ${formatUkDateWithDay(addDaysIso(today, 33))}: confirmed. It is on their shifts and in their calendar.` });
    expect((await prisma.shiftAssignment.findUniqueOrThrow({ where: { id: row.id } })).status).toBe("assigned");
    const { calendarToken } = await prisma.person.findUniqueOrThrow({ where: { id: people.Walt.id } });
    expect(await feedForToken(calendarToken!)).toContain(`UID:${row.id}@`);
    expect(await requestsAction(args(await postRequest("/rota/requests", { intent: "approve", assignmentId: row.id }, coordinator)))).toEqual({ refused: "That request has already been answered, or its shift is over" });
  });

  it("says no: the place opens again; a yes is refused if they are no longer cleared", async () => {
    const other = await shiftOn(addDaysIso(today, 40), ["Abe"]);
    await post(vera, { intent: "take-place", shiftId: other.id, slot: "volunteer" });
    const row = await prisma.shiftAssignment.findUniqueOrThrow({ where: { shiftId_personId: { shiftId: other.id, personId: people.Vera.id } } });
    expect(await requestsAction(args(await postRequest("/rota/requests", { intent: "decline", assignmentId: row.id }, coordinator)))).toMatchObject({ message: expect.stringContaining("declined. The place is open again.") });
    expect(await prisma.shiftAssignment.count({ where: { id: row.id } })).toBe(0);

    await post(vera, { intent: "take-place", shiftId: other.id, slot: "volunteer" });
    const again = await prisma.shiftAssignment.findUniqueOrThrow({ where: { shiftId_personId: { shiftId: other.id, personId: people.Vera.id } } });
    await prisma.person.update({ where: { id: people.Vera.id }, data: { usesCentreForOwnFamily: true } });
    try {
      const refused = await requestsAction(args(await postRequest("/rota/requests", { intent: "approve", assignmentId: again.id }, coordinator)));
      expect(refused).toEqual({ refused: "Cannot say yes: Vera Test uses the centre for their own family's contact (conflict of interest). Say no instead, or fill the place from the cover list." });
      expect((await prisma.shiftAssignment.findUniqueOrThrow({ where: { id: again.id } })).status).toBe("pending");
    } finally {
      await prisma.person.update({ where: { id: people.Vera.id }, data: { usesCentreForOwnFamily: false } });
      await prisma.shiftAssignment.delete({ where: { id: again.id } });
      await prisma.centre.update({ where: { id: centreId }, data: { openShiftTaking: "instant" } });
    }
  });
});

describe("swaps", () => {
  let shift: { id: string; startsAt: Date };
  let veraOnIt: string;
  beforeAll(async () => {
    shift = await shiftOn(addDaysIso(today, 12), ["Vera", "Bea"]);
    veraOnIt = (await prisma.shiftAssignment.findUniqueOrThrow({ where: { shiftId_personId: { shiftId: shift.id, personId: people.Vera.id } } })).id;
  });

  it("offers my place to eligible colleagues until 72 hours before the shift; I stay on it until then", async () => {
    const result = await post(vera, { intent: "ask-swap", assignmentId: veraOnIt, note: "Family wedding" });
    expect(result).toMatchObject({ message: expect.stringContaining("Your colleagues who could do it have been offered it") });
    const swap = await prisma.swapRequest.findFirstOrThrow({ where: { assignmentId: veraOnIt } });
    expect(swap.closesAt.getTime()).toBe(shift.startsAt.getTime() - 72 * 3600_000);
    expect((await myShifts(vera)).upcoming.find((s) => s.id === veraOnIt)?.swap).toEqual({ id: swap.id, closed: false, closesAt: formatLondonDateTime(swap.closesAt) });
    expect((await myShifts(walt)).open.swaps).toEqual([expect.objectContaining({ swapId: swap.id, asker: "Vera Test", note: "Family wedding", as: "volunteer" })]);
    expect((await myShifts(nolan)).open.swaps).toEqual([]);
    expect(await post(vera, { intent: "ask-swap", assignmentId: veraOnIt })).toMatchObject({ refused: "You have already asked for a swap for this shift" });
  });

  it("refuses a colleague who is not eligible", async () => {
    const swap = await prisma.swapRequest.findFirstOrThrow({ where: { assignmentId: veraOnIt } });
    expect(await post(nolan, { intent: "take-swap", swapId: swap.id })).toMatchObject({ refused: expect.stringMatching(/^You are not cleared to work on /) });
    expect(await post(stan, { intent: "take-swap", swapId: swap.id })).toMatchObject({ refused: expect.stringMatching(/^That place is for a volunteer/) });
  });

  it("gives it to the first to accept: both calendars change, the asker and co-ordinators are told, it is audited", async () => {
    const swap = await prisma.swapRequest.findFirstOrThrow({ where: { assignmentId: veraOnIt } });
    expect(await post(walt, { intent: "take-swap", swapId: swap.id })).toMatchObject({ message: expect.stringContaining("It is yours") });
    expect(await prisma.shiftAssignment.findUniqueOrThrow({ where: { id: veraOnIt } })).toMatchObject({ personId: people.Walt.id, source: "swap", status: "assigned" });
    expect(await prisma.swapRequest.findUniqueOrThrow({ where: { id: swap.id } })).toMatchObject({ status: "taken", takenById: people.Walt.id });
    expect((await myShifts(vera)).upcoming.map((s) => s.id)).not.toContain(veraOnIt);
    expect((await myShifts(walt)).upcoming.map((s) => s.id)).toContain(veraOnIt);
    const tokens = await prisma.person.findMany({ where: { id: { in: [people.Vera.id, people.Walt.id] } }, select: { id: true, calendarToken: true } });
    const feed = async (id: string) => feedForToken(tokens.find((t) => t.id === id)!.calendarToken!);
    expect(await feed(people.Vera.id)).not.toContain(`UID:${veraOnIt}@`);
    expect(await feed(people.Walt.id)).toContain(`UID:${veraOnIt}@`);
    expect(await prisma.auditEvent.findFirst({ where: { centreId, action: "took-swap" } })).toMatchObject({ summary: expect.stringContaining("Walt Test took Vera Test's place on Saturday") });
    const toVera = await prisma.emailMessage.findFirstOrThrow({ where: { template: "rota-change", personId: people.Vera.id } });
    const rendered = await renderForSending(toVera);
    expect(rendered).toMatchObject({ subject: expect.stringMatching(/^Your swap was taken: you are no longer on Saturday/) });
    expect("text" in rendered && rendered.text).toMatch(/Walt Test has taken your place/i);
    expect(await prisma.emailMessage.count({ where: { template: "rota-change", userId: coordinator.id, subject: { startsWith: "Rota change: a swap was taken" } } })).toBe(1);
    // Taken: nobody else can have it.
    expect(await post(bea(), { intent: "take-swap", swapId: swap.id })).toMatchObject({ refused: "That swap is no longer on offer: it was taken, withdrawn or has closed" });
  });

  it("refuses a swap too close to the shift, pointing to 'I cannot come'", async () => {
    const soon = await shiftOn(addDaysIso(today, 1), ["Vera"]);
    const mine = await prisma.shiftAssignment.findUniqueOrThrow({ where: { shiftId_personId: { shiftId: soon.id, personId: people.Vera.id } } });
    expect(await post(vera, { intent: "ask-swap", assignmentId: mine.id })).toMatchObject({ refused: expect.stringMatching(/^Swaps close 72 hours before a shift, and this one is too close: use "I can no longer make this shift"/) });
    expect(await prisma.swapRequest.count({ where: { assignmentId: mine.id } })).toBe(0);
  });

  it("shows a request nobody took by the cut-off as a gap on the dashboard, with who could cover", async () => {
    await cleared("Cleo");
    const { later, mine, swap } = await unansweredSwapOn(addDaysIso(today, 19));
    const { requests } = await requestsLoader(args(await getRequest("/rota/requests", coordinator)));
    const gap = requests.unanswered.find((u) => u.swapId === swap.id);
    expect(gap).toMatchObject({ name: "Vera Test", shiftId: later.id });
    // Fairest first, by the generator's own rules: Cleo has no shifts; Walt is on one a week before.
    expect(gap!.cover.map((c) => c.name)).toEqual(["Cleo Test"]);
    expect(gap!.cover.map((c) => c.name)).not.toContain("Nolan NoChecks");
    expect(await post(walt, { intent: "take-swap", swapId: swap.id })).toMatchObject({ refused: "That swap is no longer on offer: it was taken, withdrawn or has closed" });
    expect((await myShifts(vera)).upcoming.find((s) => s.id === mine.id)?.swap).toMatchObject({ closed: true });
  });

  it("finds cover past a crowd of fairer people who are not cleared, the same as ranking everyone with their records", async () => {
    // Twelve volunteers who never served (so fairer than anyone who has) and sort first by name,
    // with no DBS check: more than one batch of the fairest is read before anyone is cleared.
    for (let i = 0; i < 12; i++) await createPerson(centreId, { firstName: `Aaron${String(i).padStart(2, "0")}`, lastName: "Unchecked", roles: ["volunteer"], startedOn: "2024-01-01" });
    await cleared("Zoe");
    const { later, swap } = await unansweredSwapOn(addDaysIso(today, 57));

    const { requests } = await requestsLoader(args(await getRequest("/rota/requests", coordinator)));
    const cover = requests.unanswered.find((u) => u.swapId === swap.id)!.cover;
    // What ranking everyone, each with their records, gives (as the rota's cover list does).
    const everyone = await loadRotaPeople(prisma, centreId, [later.date], { exceptPublishedFrom: today });
    const upcoming = await readShifts(prisma, centreId, { from: today, publishedOnly: true });
    const context: RotaContext = {
      shifts: new Map(upcoming.map((s) => [s.id, toRotaShift(s)])),
      placements: upcoming.flatMap((s) => s.assignments.filter((a) => a.status === "assigned" || a.status === "pending").map((a) => ({ shiftKey: s.id, personId: a.personId, slot: a.slot as Slot }))),
    };
    const without = withoutPlacement(context, later.id, people.Vera.id);
    const expected = rankCandidates(without.shifts.get(later.id)!, "volunteer", everyone.filter((p) => p.id !== people.Vera.id), without).slice(0, 5);
    expect(cover.map((c) => c.name)).toEqual(expected.map((c) => c.person.name));
    expect(cover.map((c) => c.name)).toContain("Zoe Test");
    expect(cover.some((c) => c.name.endsWith("Unchecked"))).toBe(false);

    // The crowd stays (never cleared, they can take nothing); the request goes, as if withdrawn.
    await prisma.swapRequest.delete({ where: { id: swap.id } });
  });

  it("lets me withdraw my request, and closes it if I say I cannot come", async () => {
    const s = await shiftOn(addDaysIso(today, 47), ["Vera"]);
    const mine = await prisma.shiftAssignment.findUniqueOrThrow({ where: { shiftId_personId: { shiftId: s.id, personId: people.Vera.id } } });
    await post(vera, { intent: "ask-swap", assignmentId: mine.id });
    const first = await prisma.swapRequest.findFirstOrThrow({ where: { assignmentId: mine.id } });
    expect((await thrownResponse(async () => myShiftsAction(args(await postRequest("/my-shifts", { intent: "withdraw-swap", swapId: first.id }, walt))))).status).toBe(404);
    expect(await post(vera, { intent: "withdraw-swap", swapId: first.id })).toMatchObject({ message: expect.stringContaining("You have withdrawn your swap request") });
    expect((await prisma.swapRequest.findUniqueOrThrow({ where: { id: first.id } })).status).toBe("withdrawn");
    await post(vera, { intent: "ask-swap", assignmentId: mine.id });
    await post(vera, { intent: "cannot-attend", assignmentId: mine.id, note: "" });
    expect(await prisma.swapRequest.count({ where: { assignmentId: mine.id, status: "open" } })).toBe(0);
  });
});

describe("open-shift emails", () => {
  beforeEach(async () => {
    await prisma.person.update({ where: { id: people.Abe.id }, data: { openShiftEmails: true } });
  });

  it("go to those who chose them and could take a place, at most one a day, saying what is open when sent", async () => {
    const { queueOpenShiftAnnouncements } = await import("~/modules/rota/self-service.server");
    const { runReminders } = await import("~/modules/reminders/run.server");
    const open = await shiftOn(addDaysIso(today, 54), []);
    // The reminders' dry run lists it before it is queued, and queues nothing.
    const abe = await prisma.person.findUniqueOrThrow({ where: { id: people.Abe.id } });
    expect((await runReminders({ centreId, dryRun: true })).wouldSend).toContainEqual({ to: abe.email, subject: subjects.openShifts(), queuedBefore: false });
    expect(await prisma.emailMessage.count({ where: { template: "open-shifts", personId: people.Abe.id } })).toBe(0);
    await queueOpenShiftAnnouncements(centreId);
    await queueOpenShiftAnnouncements(centreId);
    const emails = await prisma.emailMessage.findMany({ where: { template: "open-shifts", personId: people.Abe.id } });
    expect(emails).toHaveLength(1);
    expect(emails[0].dedupeKey).toBe(`open-shifts:${people.Abe.id}:${today}`);
    expect(await prisma.emailMessage.count({ where: { template: "open-shifts", personId: people.Walt.id } })).toBe(0);
    const rendered = await renderForSending(emails[0]);
    expect("text" in rendered && rendered.text).toContain(formatUkDateWithDay(addDaysIso(today, 54)));
    expect("headers" in rendered && rendered.headers["List-Unsubscribe"]).toBeTruthy();
    await prisma.shift.delete({ where: { id: open.id } });
  });

  it("go out at once when a co-ordinator takes someone off a published shift", async () => {
    await prisma.person.update({ where: { id: people.Walt.id }, data: { openShiftEmails: true } });
    const full = await shiftOn(addDaysIso(today, 61), ["Abe", "Bea"]);
    const bea = await prisma.shiftAssignment.findUniqueOrThrow({ where: { shiftId_personId: { shiftId: full.id, personId: people.Bea.id } } });
    expect(await prisma.emailMessage.count({ where: { template: "open-shifts", personId: people.Walt.id } })).toBe(0);
    await shiftAction(args(await postRequest(`/rota/${rotaId}/shifts/${full.id}`, { intent: "remove", assignmentId: bea.id }, coordinator), { rotaId, shiftId: full.id }));
    const email = await prisma.emailMessage.findFirstOrThrow({ where: { template: "open-shifts", personId: people.Walt.id } });
    expect(email.dedupeKey).toBe(`open-shifts:${people.Walt.id}:${today}`);
    const rendered = await renderForSending(email);
    expect("text" in rendered && rendered.text).toContain(formatUkDateWithDay(addDaysIso(today, 61)));
  });
});

describe("record of service", () => {
  beforeAll(async () => {
    const past = await prisma.rota.create({ data: { centreId, startsOn: addDaysIso(today, -90), endsOn: addDaysIso(today, -1), status: "published" } });
    await shiftOn(addDaysIso(today, -70), ["Vera", "Walt"], { rota: past.id });
    await shiftOn(addDaysIso(today, -35), ["Vera"], { rota: past.id });
    // Not served: a place asked for and never agreed (Vera's), one taken off (Walt's), and a shift on a rota never published.
    const notServed = await shiftOn(addDaysIso(today, -50), ["Vera", "Walt"], { rota: past.id });
    await prisma.shiftAssignment.updateMany({ where: { shiftId: notServed.id, personId: people.Vera.id }, data: { status: "pending" } });
    await prisma.shiftAssignment.updateMany({ where: { shiftId: notServed.id, personId: people.Walt.id }, data: { status: "withdrawn", withdrawnReason: "Paused" } });
    const draft = await prisma.rota.create({ data: { centreId, startsOn: addDaysIso(today, -30), endsOn: addDaysIso(today, -20), status: "draft" } });
    await shiftOn(addDaysIso(today, -28), ["Vera"], { rota: draft.id });
  });

  it("shows me my shifts served by month and hours by year", async () => {
    const data = await meLoader(args(await getRequest("/me", vera)));
    expect(data.service?.total).toBe(2);
    expect(data.service?.byMonth.reduce((n, m) => n + m.shifts, 0)).toBe(2);
    expect(data.service?.byYear.reduce((n, y) => n + y.hours, 0)).toBe(5);
  });

  it("shows co-ordinators each person and each session's fill rate over a period, with a CSV", async () => {
    const from = formatUkDate(addDaysIso(today, -90));
    const to = formatUkDate(addDaysIso(today, -1));
    const data = await serviceLoader(args(await getRequest(`/rota/service?from=${from}&to=${to}`, coordinator)));
    expect(data.report?.people).toEqual([
      expect.objectContaining({ name: "Vera Test", shifts: 2, hours: 5 }),
      expect.objectContaining({ name: "Walt Test", shifts: 1, hours: 2.5 }),
    ]);
    expect(data.report?.sessions).toEqual([expect.objectContaining({ session: "Saturday", shifts: 3, needed: 6, filled: 3, rate: 0.5 })]);
    const csv = await serviceCsvLoader(args(await getRequest(`/rota/service.csv?from=${from}&to=${to}&what=sessions`, coordinator)));
    expect(csv.headers.get("Content-Type")).toBe("text/csv; charset=utf-8");
    expect(await csv.text()).toContain("Saturday,3,6,3,50,");
  });

  it("says what is wrong with the period, next to the field", async () => {
    const data = await serviceLoader(args(await getRequest("/rota/service?from=31/02/2026&to=", coordinator)));
    expect(data.errors).toEqual({ from: "February 2026 has 28 days: 31 is not a day in it" });
    expect((await serviceCsvLoader(args(await getRequest("/rota/service.csv?from=01/12/2026&to=01/11/2026", coordinator)))).status).toBe(400);
  });

  it("is the co-ordinators' to see", async () => {
    for (const user of [vera, assessor]) {
      expect((await thrownResponse(async () => serviceLoader(args(await getRequest("/rota/service", user))))).status).toBe(403);
      expect((await thrownResponse(async () => serviceCsvLoader(args(await getRequest("/rota/service.csv", user))))).status).toBe(403);
    }
  });
});

describe("the week and month views", () => {
  it("names colleagues on my own shifts only, by first name and surname, and nothing else about them", async () => {
    const date = addDaysIso(today, 19);
    const data = await shiftsLoader(args(await getRequest(`/shifts?view=week&date=${date}`, bea())));
    const mine = data.shifts.find((s) => s.date === date)!;
    expect(mine.mine).toBe(true);
    expect(mine.people).toEqual(expect.arrayContaining([{ name: "Vera Test", as: "volunteer", you: false }, { name: "Bea Test", as: "volunteer", you: true }]));
    const json = JSON.stringify(data);
    expect(json).not.toMatch(/@example\.org|personId|DBS/i);
    const month = await shiftsLoader(args(await getRequest(`/shifts?view=month&date=${addDaysIso(today, 5)}`, nolan)));
    expect(month.shifts.length).toBeGreaterThan(0);
    expect(month.shifts.every((s) => s.people === null)).toBe(true);
  });

  it("shows co-ordinators everyone, refuses assessors, and reads a bad date as today with a message", async () => {
    const data = await shiftsLoader(args(await getRequest(`/shifts?view=week&date=${addDaysIso(today, 19)}`, coordinator)));
    expect(data.shifts.every((s) => s.people !== null)).toBe(true);
    expect((await thrownResponse(async () => shiftsLoader(args(await getRequest("/shifts", assessor))))).status).toBe(403);
    expect((await thrownResponse(async () => shiftsLoader(args(await getRequest("/shifts"))))).status).toBe(302);
    const bad = await shiftsLoader(args(await getRequest("/shifts?view=month&date=32/13/2026", vera)));
    expect(bad.problem).toBe("The month must be between 1 and 12. Showing this month instead.");
  });
});
