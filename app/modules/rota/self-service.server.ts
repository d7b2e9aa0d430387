/**
 * Volunteers helping themselves on published rotas: taking an open place, asking colleagues to
 * take theirs (a swap), and the co-ordinator's yes where the centre wants one. Every write
 * re-checks eligibility and that the place is still there inside its own transaction (writes
 * take turns, see db.server.ts), so two people pressing at once cannot both get the last place.
 * The rules are ./self-service.ts over ./eligibility.ts.
 */
import { prisma } from "~/db.server";
import { recordAudit, type Actor } from "~/modules/audit/audit.server";
import { actorOf } from "~/modules/auth/actor";
import type { Db } from "~/modules/compliance/compliance.server";
import { fullName } from "~/modules/people/people.server";
import { clock } from "~/utils/clock.server";
import { readRecords } from "~/utils/sql-read.server";
import { formatLondonDateTime, formatLondonTime, formatUkDateWithDay, londonToday, type IsoDate } from "~/utils/dates";
import { deliverSoon, queueEmails, type QueuedEmail } from "~/modules/email/outbox.server";
import { subjects } from "../../../emails/subjects";
import { endOfLondonDay } from "./recurrence";
import { isSlot, type Placement, type RotaContext, type RotaPerson, type RotaShift, type Slot } from "./eligibility";
import { rankCandidates, rankCandidatesIfCleared } from "./generate";
import { HOLDS_A_PLACE, checkPlacements, dashboardRota, loadRotaPeople, toRotaShift } from "./rota.server";
import { readShifts } from "./shift-reads.server";
import { checkTake, openPlacesFor, swapClosesAt, swapState, withoutPlacement, type TakeCheck } from "./self-service";
import { SLOT_LABELS, fairnessWords, refusalAbout, takeNoteWords, takeRefusalWords } from "./words";

/** A signed-in person acting for themselves. */
export type SelfUser = { id: string; name: string; centreId: string; personId: string | null };

/**
 * Published shifts from today, and the placements that hold a place on them as the rules see
 * it: standing on the shift's date, or taken from the open list and waiting for a yes.
 */
async function loadUpcoming(db: Db, centreId: string, today: IsoDate) {
  const shifts = await readShifts(db, centreId, { from: today, publishedOnly: true });
  const voids = await checkPlacements(db, centreId, shifts, today);
  const holds = (a: { id: string; status: string }) => (a.status === "assigned" && !voids.has(a.id)) || a.status === "pending";
  const context: RotaContext = {
    shifts: new Map(shifts.map((s) => [s.id, toRotaShift(s)])),
    placements: shifts.flatMap((s) => s.assignments.filter(holds).map((a): Placement => ({ shiftKey: s.id, personId: a.personId, slot: a.slot as Slot }))),
  };
  return { shifts, voids, context };
}

type Upcoming = Awaited<ReturnType<typeof loadUpcoming>>;

/**
 * People as the rules see them, their own upcoming published shifts being in the context instead;
 * cleared or not on `dates` (by default every upcoming shift's), and with `withChecks: false`
 * on none (their DBS checks and references unread: see fairestCover).
 */
function loadPeople(
  db: Db, centreId: string, upcoming: Upcoming, today: IsoDate, personIds?: string[],
  { dates = upcoming.shifts.map((s) => s.date), withChecks = true }: { dates?: IsoDate[]; withChecks?: boolean } = {},
) {
  return loadRotaPeople(db, centreId, dates, { personIds, exceptPublishedFrom: today, withChecks });
}

/** How many people the co-ordinator is offered to cover a place nobody took. */
const COVER_SUGGESTED = 5;
// Whose clearance is read at once, fairest first, until that many cleared ones are found.
const COVER_BATCH = 10;

/**
 * rankCandidates' fairest few for a place, from people whose DBS checks and references have not
 * been read: ranked as if all were cleared, then asked of a batch at a time with their records,
 * fairest first, until enough are found. With everyone's records read, a dashboard with one
 * unanswered swap took 180 ms at 5,042 people (22 ms with none); this way 110 ms.
 */
async function fairestCover(db: Db, centreId: string, upcoming: Upcoming, today: IsoDate, shift: RotaShift, slot: Slot, unread: RotaPerson[], context: RotaContext) {
  const ranked = rankCandidatesIfCleared(shift, slot, unread, context);
  const found: ReturnType<typeof rankCandidates> = [];
  for (let i = 0; i < ranked.length && found.length < COVER_SUGGESTED; i += COVER_BATCH) {
    const batch = await loadPeople(db, centreId, upcoming, today, ranked.slice(i, i + COVER_BATCH).map((r) => r.person.id), { dates: [shift.date] });
    found.push(...rankCandidates(shift, slot, batch, context));
  }
  return found.slice(0, COVER_SUGGESTED);
}

/** Open swap requests on placements that are still the asker's and still stand. */
function liveSwaps(upcoming: Upcoming) {
  return upcoming.shifts.flatMap((shift) =>
    shift.assignments
      .filter((a) => a.status === "assigned" && !upcoming.voids.has(a.id))
      .flatMap((a) => a.swapRequests.filter((r) => r.askedById === a.personId).map((swap) => ({ shift, assignment: a, swap }))),
  );
}

function shiftWords(shift: { date: string; startsAt: Date; endsAt: Date; session: { name: string; location: string } }) {
  const time = `${formatLondonTime(shift.startsAt)} to ${formatLondonTime(shift.endsAt)}`;
  return {
    date: shift.date,
    time,
    when: `${formatUkDateWithDay(shift.date)}, ${time}`,
    session: shift.session.name,
    location: shift.session.location,
  };
}

export type OfferedSwap = { swapId: string; asker: string; note: string; closesAt: string; slot: Slot; as: string } & ReturnType<typeof shiftWords>;

/**
 * What one person could take now: open places on published rotas, and colleagues' swap
 * requests they are eligible for. My shifts lists these; the daily open-shifts email too.
 */
export async function openToPerson(centreId: string, personId: string, now: Date = clock.now(), db: Db = prisma) {
  const today = londonToday(now);
  const upcoming = await loadUpcoming(db, centreId, today);
  const [person] = await loadPeople(db, centreId, upcoming, today, [personId]);
  if (!person) return { places: [], swaps: [] };
  return openToLoaded(person, upcoming, now);
}

function openToLoaded(person: RotaPerson, upcoming: Upcoming, now: Date) {
  const byId = new Map(upcoming.shifts.map((s) => [s.id, s]));
  const places = openPlacesFor(person, [...upcoming.context.shifts.values()], upcoming.context, now.getTime()).map((p) => ({
    ...shiftWords(byId.get(p.shift.key)!), shiftId: p.shift.key, slot: p.slot, as: SLOT_LABELS[p.slot].one, free: p.free,
    notes: p.notes.map(takeNoteWords).filter(Boolean),
  }));
  const swaps: OfferedSwap[] = liveSwaps(upcoming)
    .filter(({ shift, assignment, swap }) => {
      if (assignment.personId === person.id || swapState({ closesAt: swap.closesAt.getTime(), shiftStartsAt: shift.startsAt.getTime() }, now.getTime()) !== "offered") return false;
      const context = withoutPlacement(upcoming.context, shift.id, assignment.personId);
      return !checkTake(person, context.shifts.get(shift.id)!, assignment.slot as Slot, context, now.getTime(), { replacing: true }).refused;
    })
    .map(({ shift, assignment, swap }) => ({
      ...shiftWords(shift), swapId: swap.id, asker: fullName(assignment.person), note: swap.note,
      closesAt: formatLondonDateTime(swap.closesAt), slot: assignment.slot as Slot, as: isSlot(assignment.slot) ? SLOT_LABELS[assignment.slot].one : assignment.slot,
    }));
  return { places, swaps };
}

/** For the daily announcement: who of these people has anything open to them now. */
export async function peopleWithOpenShifts(centreId: string, personIds: string[], now: Date = clock.now()) {
  if (!personIds.length) return new Set<string>();
  const today = londonToday(now);
  const upcoming = await loadUpcoming(prisma, centreId, today);
  if (!upcoming.shifts.length) return new Set<string>();
  const people = await loadPeople(prisma, centreId, upcoming, today, personIds);
  return new Set(people.filter((p) => {
    const open = openToLoaded(p, upcoming, now);
    return open.places.length + open.swaps.length > 0;
  }).map((p) => p.id));
}

export type SelfServiceResult =
  | { ok: true; outcome: "taken" | "requested" | "asked" | "withdrawn" | "approved" | "declined"; shiftId: string; date: IsoDate; session: string }
  | { ok: false; refused: string };

function refusal(check: TakeCheck, date: IsoDate, slot: Slot): SelfServiceResult | null {
  return check.refused ? { ok: false, refused: takeRefusalWords(check.refused, date, slot) } : null;
}

function describe(shift: { date: string; session: { name: string } }) {
  return `${shift.session.name}, ${formatUkDateWithDay(shift.date)}`;
}

function needPerson(user: SelfUser): string {
  if (!user.personId) throw new Response("Your sign-in is not linked to a person at the centre", { status: 400 });
  return user.personId;
}

async function centreRules(db: Db, centreId: string) {
  return db.centre.findUniqueOrThrow({ where: { id: centreId }, select: { openShiftTaking: true, swapCutoffHours: true } });
}

/** Take an open place: theirs at once, or waiting for a co-ordinator's yes, as the centre chose. */
export async function takeOpenPlace(user: SelfUser, shiftId: string, slot: Slot, now: Date = clock.now()): Promise<SelfServiceResult> {
  const personId = needPerson(user);
  return prisma.$transaction(async (tx): Promise<SelfServiceResult> => {
    const upcoming = await loadUpcoming(tx, user.centreId, londonToday(now));
    const shift = upcoming.shifts.find((s) => s.id === shiftId);
    if (!shift) return { ok: false, refused: "That shift is not on a published rota from today on" };
    const [person] = await loadPeople(tx, user.centreId, upcoming, londonToday(now), [personId]);
    if (!person) throw new Response("Person not found", { status: 404 });
    const refused = refusal(checkTake(person, upcoming.context.shifts.get(shiftId)!, slot, upcoming.context, now.getTime()), shift.date, slot);
    if (refused) return refused;
    const { openShiftTaking } = await centreRules(tx, user.centreId);
    const status = openShiftTaking === "approval" ? "pending" : "assigned";
    // Someone who had said they cannot come, or was taken off, keeps their one row.
    const row = await tx.shiftAssignment.upsert({
      where: { shiftId_personId: { shiftId, personId } },
      create: { shiftId, personId, slot, status, source: "open_shift" },
      update: { slot, status, source: "open_shift", note: "", withdrawnReason: null, withdrawnAt: null },
    });
    await recordAudit(tx, actorOf(user), {
      entityType: "Rota", entityId: shift.rotaId, personId, action: status === "pending" ? "asked-for-open-shift" : "took-open-shift",
      summary: `${person.name} ${status === "pending" ? "asked to take" : "took"} an open place on ${describe(shift)} as ${SLOT_LABELS[slot].one}${status === "pending" ? " (waiting for a co-ordinator's yes)" : ""}`,
    });
    await queueRotaChange(tx, user.centreId, { event: status === "pending" ? "requested" : "took", assignmentId: row.id }, now);
    return { ok: true, outcome: status === "pending" ? "requested" : "taken", shiftId, date: shift.date, session: shift.session.name };
  });
}

/** Ask colleagues to take my place: offered until the centre's cut-off before the shift. */
export async function askForSwap(user: SelfUser, assignmentId: string, note: string, now: Date = clock.now()): Promise<SelfServiceResult> {
  const personId = needPerson(user);
  return prisma.$transaction(async (tx): Promise<SelfServiceResult> => {
    const upcoming = await loadUpcoming(tx, user.centreId, londonToday(now));
    const shift = upcoming.shifts.find((s) => s.assignments.some((a) => a.id === assignmentId && a.personId === personId));
    const assignment = shift?.assignments.find((a) => a.id === assignmentId);
    if (!shift || !assignment) throw new Response("Shift not found", { status: 404 });
    if (assignment.status !== "assigned" || upcoming.voids.has(assignment.id)) return { ok: false, refused: "This shift is not yours to pass on as things stand: talk to your co-ordinator" };
    if (assignment.swapRequests.some((r) => r.askedById === personId)) return { ok: false, refused: "You have already asked for a swap for this shift" };
    const { swapCutoffHours } = await centreRules(tx, user.centreId);
    const closesAt = swapClosesAt(shift.startsAt.getTime(), swapCutoffHours);
    if (closesAt <= now.getTime()) {
      return { ok: false, refused: `Swaps close ${swapCutoffHours} hours before a shift, and this one is too close: use "I can no longer make this shift" so the co-ordinator can find cover` };
    }
    await tx.swapRequest.create({ data: { assignmentId, askedById: personId, note, closesAt: new Date(closesAt) } });
    await recordAudit(tx, actorOf(user), {
      entityType: "Rota", entityId: shift.rotaId, personId, action: "asked-for-swap",
      summary: `${fullName(assignment.person)} asked colleagues to take their place on ${describe(shift)} (open until ${formatLondonDateTime(new Date(closesAt))})`,
      changes: note ? [{ field: "Their note", from: "", to: note }] : [],
    });
    return { ok: true, outcome: "asked", shiftId: shift.id, date: shift.date, session: shift.session.name };
  });
}

/** The asker changes their mind: they stay on the shift. */
export async function withdrawSwap(user: SelfUser, swapId: string): Promise<SelfServiceResult> {
  const personId = needPerson(user);
  return prisma.$transaction(async (tx): Promise<SelfServiceResult> => {
    const swap = await tx.swapRequest.findFirst({
      where: { id: swapId, askedById: personId, assignment: { shift: { rota: { centreId: user.centreId } } } },
      include: { assignment: { include: { shift: { include: { session: { select: { name: true } } } } } } },
    });
    if (!swap) throw new Response("Swap request not found", { status: 404 });
    if (swap.status !== "open") return { ok: false, refused: "That request is no longer open: it was taken or closed" };
    await tx.swapRequest.update({ where: { id: swapId }, data: { status: "withdrawn" } });
    const shift = swap.assignment.shift;
    await recordAudit(tx, actorOf(user), { entityType: "Rota", entityId: shift.rotaId, personId, action: "withdrew-swap", summary: `${user.name} withdrew their swap request for ${describe(shift)}` });
    return { ok: true, outcome: "withdrawn", shiftId: shift.id, date: shift.date, session: shift.session.name };
  });
}

/** Take a colleague's place: the first eligible colleague to accept gets it; the asker is off the shift. */
export async function takeSwap(user: SelfUser, swapId: string, now: Date = clock.now()): Promise<SelfServiceResult> {
  const personId = needPerson(user);
  return prisma.$transaction(async (tx): Promise<SelfServiceResult> => {
    const today = londonToday(now);
    const upcoming = await loadUpcoming(tx, user.centreId, today);
    const live = liveSwaps(upcoming).find((s) => s.swap.id === swapId);
    if (!live) {
      const exists = await tx.swapRequest.count({ where: { id: swapId, assignment: { shift: { rota: { centreId: user.centreId } } } } });
      if (!exists) throw new Response("Swap request not found", { status: 404 });
      return { ok: false, refused: takeRefusalWords({ code: "swap_closed" }, today, "volunteer") };
    }
    const { shift, swap, assignment } = live;
    const slot = assignment.slot as Slot;
    if (assignment.personId === personId) return { ok: false, refused: "This is your own request: withdraw it instead" };
    if (swapState({ closesAt: swap.closesAt.getTime(), shiftStartsAt: shift.startsAt.getTime() }, now.getTime()) !== "offered") {
      return { ok: false, refused: takeRefusalWords({ code: "swap_closed" }, shift.date, slot) };
    }
    const [person] = await loadPeople(tx, user.centreId, upcoming, today, [personId]);
    if (!person) throw new Response("Person not found", { status: 404 });
    const context = withoutPlacement(upcoming.context, shift.id, assignment.personId);
    const refused = refusal(checkTake(person, context.shifts.get(shift.id)!, slot, context, now.getTime(), { replacing: true }), shift.date, slot);
    if (refused) return refused;
    // One row per person per shift: an old "cannot come" of the taker's gives way to the place they take.
    await tx.shiftAssignment.deleteMany({ where: { shiftId: shift.id, personId, status: { notIn: HOLDS_A_PLACE } } });
    await tx.shiftAssignment.update({ where: { id: assignment.id }, data: { personId, source: "swap", note: "" } });
    await tx.swapRequest.update({ where: { id: swap.id }, data: { status: "taken", takenById: personId, takenAt: now } });
    const asker = fullName(assignment.person);
    await recordAudit(tx, actorOf(user), {
      entityType: "Rota", entityId: shift.rotaId, personId, action: "took-swap",
      summary: `${person.name} took ${asker}'s place on ${describe(shift)} as ${SLOT_LABELS[slot].one} (swap request)`,
      changes: [{ field: "On the shift", from: asker, to: person.name }],
    });
    await queueRotaChange(tx, user.centreId, { event: "swap-taken", assignmentId: assignment.id, swapId: swap.id }, now, { askerId: swap.askedById });
    return { ok: true, outcome: "taken", shiftId: shift.id, date: shift.date, session: shift.session.name };
  });
}

/** A co-ordinator says yes (checked again now) or no to a place taken from the open list. */
export async function decideRequest(actor: Actor, assignmentId: string, approve: boolean, now: Date = clock.now()): Promise<SelfServiceResult> {
  return prisma.$transaction(async (tx): Promise<SelfServiceResult> => {
    const today = londonToday(now);
    const upcoming = await loadUpcoming(tx, actor.centreId, today);
    const shift = upcoming.shifts.find((s) => s.assignments.some((a) => a.id === assignmentId && a.status === "pending"));
    const assignment = shift?.assignments.find((a) => a.id === assignmentId);
    if (!shift || !assignment) {
      const exists = await tx.shiftAssignment.count({ where: { id: assignmentId, shift: { rota: { centreId: actor.centreId } } } });
      if (!exists) throw new Response("Request not found", { status: 404 });
      return { ok: false, refused: "That request has already been answered, or its shift is over" };
    }
    const slot = assignment.slot as Slot;
    const name = fullName(assignment.person);
    if (approve) {
      const [person] = await loadPeople(tx, actor.centreId, upcoming, today, [assignment.personId]);
      const context = withoutPlacement(upcoming.context, shift.id, assignment.personId);
      const check = person ? checkTake(person, context.shifts.get(shift.id)!, slot, context, now.getTime()) : null;
      if (!check || check.refused) {
        const why = check?.refused ? refusalAbout(check.refused, name, shift.date, slot) : `${name} is no longer at the centre`;
        return { ok: false, refused: `Cannot say yes: ${why}. Say no instead, or fill the place from the cover list.` };
      }
      await tx.shiftAssignment.update({ where: { id: assignmentId }, data: { status: "assigned" } });
    } else {
      await tx.shiftAssignment.delete({ where: { id: assignmentId } });
    }
    await recordAudit(tx, actor, {
      entityType: "Rota", entityId: shift.rotaId, personId: assignment.personId, action: approve ? "approved-open-shift" : "declined-open-shift",
      summary: `${approve ? "Said yes to" : "Said no to"} ${name} taking a place on ${describe(shift)} as ${SLOT_LABELS[slot].one}`,
    });
    return { ok: true, outcome: approve ? "approved" : "declined", shiftId: shift.id, date: shift.date, session: shift.session.name };
  });
}

/**
 * What co-ordinators see of volunteers' own changes to come: places waiting for their yes, swap
 * requests still offered, and those nobody took by the cut-off, which are gaps, with cover.
 */
export async function selfServiceOverview(centreId: string, now: Date = clock.now(), loaded?: Upcoming) {
  const today = londonToday(now);
  const upcoming = loaded ?? (await loadUpcoming(prisma, centreId, today));
  const pending = upcoming.shifts.flatMap((shift) =>
    shift.assignments.filter((a) => a.status === "pending").map((a) => ({
      assignmentId: a.id, name: fullName(a.person), as: isSlot(a.slot) ? SLOT_LABELS[a.slot].one : a.slot, rotaId: shift.rotaId, shiftId: shift.id, ...shiftWords(shift),
    })),
  );
  const swaps = liveSwaps(upcoming).map(({ shift, assignment, swap }) => ({
    shift, assignment, swap, state: swapState({ closesAt: swap.closesAt.getTime(), shiftStartsAt: shift.startsAt.getTime() }, now.getTime()),
  }));
  const unanswered = swaps.filter((s) => s.state === "unanswered");
  const unread = unanswered.length ? await loadPeople(prisma, centreId, upcoming, today, undefined, { dates: [], withChecks: false }) : [];
  const swapRow = ({ shift, assignment, swap }: (typeof swaps)[number]) => ({
    swapId: swap.id, name: fullName(assignment.person), note: swap.note, closesAt: formatLondonDateTime(swap.closesAt),
    as: isSlot(assignment.slot) ? SLOT_LABELS[assignment.slot].one : assignment.slot, rotaId: shift.rotaId, shiftId: shift.id, ...shiftWords(shift),
  });
  return {
    pending,
    offered: swaps.filter((s) => s.state === "offered").map(swapRow),
    unanswered: await Promise.all(unanswered.map(async (s) => {
      const context = withoutPlacement(upcoming.context, s.shift.id, s.assignment.personId);
      const others = unread.filter((p) => p.id !== s.assignment.personId);
      const cover = (await fairestCover(prisma, centreId, upcoming, today, context.shifts.get(s.shift.id)!, s.assignment.slot as Slot, others, context))
        .map((c) => ({ personId: c.person.id, name: c.person.name, reason: fairnessWords(c.fair) }));
      return { ...swapRow(s), cover };
    })),
  };
}

/**
 * The co-ordinator's dashboard's rota: gaps and the staffing chart, and volunteers' requests,
 * from one read and one re-check of the published shifts from today (each would otherwise make its own).
 */
export async function dashboardRotaOverview(centreId: string, now: Date, windows: Parameters<typeof dashboardRota>[2]) {
  const today = londonToday(now);
  const upcoming = await loadUpcoming(prisma, centreId, today);
  const [rota, requests] = await Promise.all([dashboardRota(centreId, today, windows, upcoming), selfServiceOverview(centreId, now, upcoming)]);
  return { ...rota, requests };
}

/** My own open swap requests, by placement, for My shifts (read as prepared SQL: the page's every load asks). */
export async function mySwapRequests(personId: string) {
  const rows = await readRecords("SwapRequest", "askedById = ? AND status = 'open'", personId);
  return new Map(rows.map((r) => [r.assignmentId, r]));
}

type RotaChange = { event: "took" | "requested" | "swap-taken"; assignmentId: string; swapId?: string };

/**
 * Tell the centre's co-ordinators (and, for a swap, the person who asked) that a volunteer
 * changed a published rota. Queued in the change's own transaction; rendered when sent, until
 * the shift starts.
 */
async function queueRotaChange(tx: Db, centreId: string, change: RotaChange, now: Date, { askerId }: { askerId?: string } = {}) {
  const assignment = await tx.shiftAssignment.findUniqueOrThrow({ where: { id: change.assignmentId }, select: { shift: { select: { startsAt: true, date: true, session: { select: { name: true } } } } } });
  const [coordinators, asker] = await Promise.all([
    tx.user.findMany({ where: { centreId, accessRole: "coordinator", disabledAt: null }, select: { id: true, name: true, email: true } }),
    askerId ? tx.person.findUnique({ where: { id: askerId }, select: { id: true, firstName: true, email: true } }) : null,
  ]);
  const subject = subjects.rotaChange({ event: change.event, session: assignment.shift.session.name, date: assignment.shift.date });
  const key = `rota-change:${change.event}:${change.swapId ?? change.assignmentId}:${now.getTime()}`;
  const base = { centreId, template: "rota-change", subject, expiresAt: assignment.shift.startsAt };
  const emails: QueuedEmail[] = coordinators.map((c) => ({ ...base, toEmail: c.email, toName: c.name, userId: c.id, params: { ...change, audience: "coordinator" }, dedupeKey: `${key}:${c.id}` }));
  if (asker?.email) emails.push({ ...base, toEmail: asker.email, toName: asker.firstName, personId: asker.id, params: { ...change, audience: "asker" }, subject: subjects.rotaChange({ event: "your-swap-taken", session: assignment.shift.session.name, date: assignment.shift.date }), dedupeKey: `${key}:${asker.id}` });
  await queueEmails(emails, tx);
}

/**
 * Announce open places to everyone who chose to hear of them and could take one: at most one
 * email a day each (the day's dedupe key), rendered when sent from what is open then. Run daily
 * by the reminder run, and at once when a place opens or a swap is asked for.
 */
export async function queueOpenShiftAnnouncements(centreId: string, now: Date = clock.now()) {
  return (await queueEmails(await openShiftAnnouncements(centreId, now))).size;
}

/** Today's "shifts you could take" email for each person who asked for them and has one to take. */
export async function openShiftAnnouncements(centreId: string, now: Date = clock.now()): Promise<QueuedEmail[]> {
  const today = londonToday(now);
  const listeners = await prisma.person.findMany({
    where: { centreId, status: "active", openShiftEmails: true, email: { not: null } },
    select: { id: true, firstName: true, email: true },
  });
  const open = await peopleWithOpenShifts(centreId, listeners.map((p) => p.id), now);
  return listeners.filter((p) => open.has(p.id)).map((p) => ({
    centreId, toEmail: p.email!, toName: p.firstName, personId: p.id, template: "open-shifts", subject: subjects.openShifts(),
    params: { day: today }, dedupeKey: `open-shifts:${p.id}:${today}`, expiresAt: endOfLondonDay(today),
  }));
}

/** A place has opened (someone cannot come, was taken off, or asked for a swap): tell those who asked to hear, now. */
export async function announceOpenPlaces(centreId: string) {
  await queueOpenShiftAnnouncements(centreId);
  deliverSoon();
}

