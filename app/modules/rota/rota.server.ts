/**
 * Rotas in the database: drafting, edits, publishing, cover, and the re-check of placements
 * already made. Every check that guards a write runs inside that write's transaction, and every
 * change is audited.
 */
import { rowsByPerson } from "~/utils/rows-by-person";
import { WHO, asDate, asNumber, readRows, whoFor } from "~/utils/sql-read.server";
import { Prisma } from "@prisma/client";
import { prisma } from "~/db.server";
import { recordAudit, type Actor } from "~/modules/audit/audit.server";
import { loadClearanceFacts, type Db } from "~/modules/compliance/compliance.server";
import { fullName } from "~/modules/people/people.server";
import { clock } from "~/utils/clock.server";
import { addDaysIso, formatUkDate, formatUkDateWithDay, type IsoDate } from "~/utils/dates";
import { bankHolidays } from "./bank-holidays";
import { isNation } from "./nations";
import {
  SLOTS, checkPlacement, clearanceOn, standingProblems, staffingNeeds,
  type Placement, type Problem, type RotaContext, type RotaPerson, type RotaShift, type Slot,
} from "./eligibility";
import { explainShortfall, generateRota, rankCandidates } from "./generate";
import { sessionOccurrences, WEEKDAYS, type SessionForOccurrences, type WeekdayCode } from "./recurrence";
import { readPersonShifts, readRota, readRotaTotals, readShifts, type ShiftWithPlacements } from "./shift-reads.server";
import { staffingByWeek } from "./weeks";
import { SLOT_LABELS, fairnessWords, problemWords, shortfallWords, unfilledWords, voidWords } from "./words";

function weekdayCodes(value: string): WeekdayCode[] {
  return value.split(",").filter((d): d is WeekdayCode => (WEEKDAYS as readonly string[]).includes(d));
}

export function listSessions(centreId: string) {
  return prisma.contactSession.findMany({ where: { centreId }, orderBy: [{ retired: "asc" }, { name: "asc" }], include: { extraDates: { orderBy: { date: "asc" } } } });
}

export function toPattern(session: { frequency: string; interval: number; weekdays: string; weekOfMonth: number | null; startsOn: string; endsOn: string | null; startTime: string; endTime: string }) {
  return {
    frequency: session.frequency === "monthly" ? ("monthly" as const) : ("weekly" as const),
    interval: session.interval,
    weekdays: weekdayCodes(session.weekdays),
    weekOfMonth: session.weekOfMonth,
    startsOn: session.startsOn,
    endsOn: session.endsOn,
    startTime: session.startTime,
    endTime: session.endTime,
  };
}

/** The centre's bank holidays between two dates (its nation's). */
export async function centreBankHolidays(centreId: string, from: IsoDate, to: IsoDate, db: Db = prisma) {
  const { nation } = await db.centre.findUniqueOrThrow({ where: { id: centreId }, select: { nation: true } });
  return bankHolidays(isNation(nation) ? nation : "england_wales", from, to);
}

/** Every session date in a period, skipped ones included (with why), for previews and rotas. */
export async function occurrencesFor(centreId: string, from: IsoDate, to: IsoDate, db: Db = prisma) {
  const [sessions, closures, holidays] = await Promise.all([
    db.contactSession.findMany({ where: { centreId, retired: false }, include: { extraDates: true } }),
    db.closure.findMany({ where: { centreId, date: { gte: from, lte: to } } }),
    centreBankHolidays(centreId, from, to, db),
  ]);
  return sessions.flatMap((session) => {
    const forOccurrences: SessionForOccurrences = {
      ...toPattern(session), id: session.id, skipBankHolidays: session.skipBankHolidays, extraDates: session.extraDates.map((e) => e.date),
    };
    return sessionOccurrences(forOccurrences, from, to, closures, holidays).map((o) => ({ ...o, session }));
  }).sort((a, b) => a.startsAt.getTime() - b.startsAt.getTime());
}

/**
 * exceptRotaId: their shifts on that rota are the question, not "other shifts".
 * exceptPublishedFrom: nor are their shifts on published rotas from that date (open places).
 * withChecks: false: their DBS checks and references unread, so cleared on none of the dates.
 */
type PeopleOptions = { exceptRotaId?: string; exceptPublishedFrom?: IsoDate; personIds?: string[]; withChecks?: boolean };

/** Placements that hold a place: standing, or taken from the open list and waiting for a yes. */
export const HOLDS_A_PLACE = ["assigned", "pending"];

// Read whenever a rota, a shift, the dashboard or someone's shifts are shown: prepared SQL (sql-read.server.ts).
const UNAVAILABLE_SQL = `SELECT u.personId, u.startsOn, u.endsOn FROM Unavailability u JOIN Person p ON p.id = u.personId WHERE ${WHO} ORDER BY u.id`;
const OTHER_SHIFTS_SQL = `SELECT a.personId, s.date, s.startsAt, s.endsAt
  FROM ShiftAssignment a JOIN Shift s ON s.id = a.shiftId JOIN Rota r ON r.id = s.rotaId JOIN Person p ON p.id = a.personId
  WHERE ${WHO} AND a.status IN (${HOLDS_A_PLACE.map((status) => `'${status}'`).join(", ")})
    AND (? IS NULL OR s.rotaId <> ?)
    AND NOT (? IS NOT NULL AND s.date >= ? AND r.status = 'published')
  ORDER BY a.id`;

type Raw = Record<string, unknown>;

/** People as the rota's rules see them: clearance on each date, status history, other shifts. */
export async function loadRotaPeople(db: Db, centreId: string, dates: IsoDate[], { exceptRotaId, exceptPublishedFrom, personIds, withChecks }: PeopleOptions = {}): Promise<RotaPerson[]> {
  const [{ settings, people }, [centre], unavailability, assignments] = await Promise.all([
    loadClearanceFacts(centreId, { db, personIds, withChecks }),
    readRows<Raw>(db, "SELECT serveEveryWeeks FROM Centre WHERE id = ?", centreId),
    readRows<Raw>(db, ...whoFor(UNAVAILABLE_SQL, centreId, personIds)),
    readRows<Raw>(db, ...whoFor(OTHER_SHIFTS_SQL, centreId, personIds), exceptRotaId ?? null, exceptRotaId ?? null, exceptPublishedFrom ?? null, exceptPublishedFrom ?? null),
  ]);
  const centreGap = asNumber(centre.serveEveryWeeks)!;
  const unavailableOf = rowsByPerson(unavailability.map((u) => ({ personId: u.personId as string, startsOn: u.startsOn as IsoDate, endsOn: u.endsOn as IsoDate })));
  const shiftsOf = rowsByPerson(assignments.map((a) => ({
    personId: a.personId as string, date: a.date as IsoDate, startsAt: asDate(a.startsAt)!.getTime(), endsAt: asDate(a.endsAt)!.getTime(),
  })));
  return people.map((person) => ({
    id: person.id,
    name: person.name,
    status: person.status,
    startedOn: person.startedOn,
    leftOn: person.leftOn,
    statusChanges: person.statusChanges,
    conflict: person.usesCentreForOwnFamily,
    serveEveryWeeks: person.serveEveryWeeks ?? centreGap,
    preferredDays: weekdayCodes(person.preferredDays),
    roles: person.facts.roles,
    unavailable: unavailableOf(person.id).map(({ startsOn, endsOn }) => ({ startsOn, endsOn })),
    otherShifts: shiftsOf(person.id).map(({ date, startsAt, endsAt }) => ({ date, startsAt, endsAt })),
    clearance: clearanceOn(person.facts, settings, dates),
  }));
}

async function loadTeams(db: Db, centreId: string) {
  const teams = await db.team.findMany({ where: { centreId }, orderBy: [{ sortOrder: "asc" }, { name: "asc" }], include: { members: true } });
  return teams.map((t) => ({ id: t.id, name: t.name, memberIds: t.members.map((m) => m.personId) }));
}

/** For each session, whose turn comes next: the team after the one on its last team shift. */
async function nextTurns(db: Db, centreId: string, before: IsoDate, teamIds: string[]) {
  const turns: Record<string, number> = {};
  const shifts = await db.shift.findMany({
    where: { rota: { centreId }, teamId: { not: null }, date: { lt: before } },
    orderBy: [{ date: "desc" }, { startsAt: "desc" }],
    select: { sessionId: true, teamId: true },
  });
  for (const shift of shifts) {
    if (shift.sessionId in turns) continue;
    const index = teamIds.indexOf(shift.teamId!);
    turns[shift.sessionId] = index === -1 ? 0 : index + 1;
  }
  return turns;
}

export type RotaPlan = { startsOn: IsoDate; endsOn: IsoDate; mode: "individuals" | "teams" };

type RotaSummary = { id: string; startsOn: IsoDate; endsOn: IsoDate; status: string };

/** Why a draft over these dates cannot be made: it would overlap another rota. */
export type DraftRefusal = { code: "overlaps_published" | "overlaps_draft"; rota: RotaSummary };

export type DraftResult = { ok: true; rotaId: string } | { ok: false; refusal: DraftRefusal };

async function overlapRefusal(db: Db, centreId: string, plan: RotaPlan, replaceDraftId?: string): Promise<DraftRefusal | null> {
  const overlapping = await db.rota.findMany({
    where: { centreId, startsOn: { lte: plan.endsOn }, endsOn: { gte: plan.startsOn } },
    orderBy: { startsOn: "asc" },
    select: { id: true, startsOn: true, endsOn: true, status: true },
  });
  const published = overlapping.find((r) => r.status === "published");
  if (published) return { code: "overlaps_published", rota: published };
  const draft = overlapping.find((r) => r.id !== replaceDraftId);
  return draft ? { code: "overlaps_draft", rota: draft } : null;
}

/**
 * Draft a rota for the plan's dates. Refused when it would overlap another rota: a published
 * one never, a draft only when the co-ordinator chose to replace that draft.
 */
export async function createDraftRota(actor: Actor, plan: RotaPlan, { replaceDraftId }: { replaceDraftId?: string } = {}): Promise<DraftResult> {
  const early = await overlapRefusal(prisma, actor.centreId, plan, replaceDraftId);
  if (early) return { ok: false, refusal: early };

  const occurrences = (await occurrencesFor(actor.centreId, plan.startsOn, plan.endsOn)).filter((o) => !o.skippedBecause);
  const shifts: RotaShift[] = occurrences.map((o, i) => ({
    key: String(i), series: o.session.id, sessionName: o.session.name, date: o.date, startsAt: o.startsAt.getTime(), endsAt: o.endsAt.getTime(),
    needs: staffingNeeds(o.session),
  }));
  const [people, teams] = await Promise.all([
    loadRotaPeople(prisma, actor.centreId, shifts.map((s) => s.date), { exceptRotaId: replaceDraftId }),
    plan.mode === "teams" ? loadTeams(prisma, actor.centreId) : Promise.resolve([]),
  ]);
  const nextTurn = teams.length ? await nextTurns(prisma, actor.centreId, plan.startsOn, teams.map((t) => t.id)) : {};
  const result = generateRota(shifts, people, { mode: plan.mode, teams, nextTurn });

  try {
    return await prisma.$transaction(async (tx): Promise<DraftResult> => {
      // Checked again inside the write: another draft may have been made meanwhile.
      const refusal = await overlapRefusal(tx, actor.centreId, plan, replaceDraftId);
      if (refusal) return { ok: false, refusal };
      if (replaceDraftId) await discardDraft(tx, actor, replaceDraftId, "Replaced");
      const rota = await tx.rota.create({ data: { centreId: actor.centreId, startsOn: plan.startsOn, endsOn: plan.endsOn, mode: plan.mode } });
      for (const [i, occurrence] of occurrences.entries()) {
        await tx.shift.create({
          data: {
            rotaId: rota.id, sessionId: occurrence.session.id, date: occurrence.date, startsAt: occurrence.startsAt, endsAt: occurrence.endsAt,
            coordinatorsNeeded: occurrence.session.coordinatorsNeeded, volunteersNeeded: occurrence.session.volunteersNeeded, staffNeeded: occurrence.session.staffNeeded,
            teamId: result.teamOf[String(i)] ?? null,
            assignments: { create: result.placements.filter((p) => p.shiftKey === String(i)).map((p) => ({ personId: p.personId, slot: p.slot })) },
          },
        });
      }
      const short = result.shortfalls.reduce((n, s) => n + s.missing, 0);
      await recordAudit(tx, actor, {
        entityType: "Rota", entityId: rota.id, action: "created",
        summary: `Drafted the rota for ${formatUkDate(plan.startsOn)} to ${formatUkDate(plan.endsOn)}: ${shifts.length} sessions, ${result.placements.length} places filled, ${short} short`,
      });
      return { ok: true, rotaId: rota.id };
    });
  } catch (error) {
    // The database's own guard (one shift per session date) caught a race the checks could not see.
    if (error instanceof Prisma.PrismaClientKnownRequestError && error.code === "P2002") {
      const refusal = await overlapRefusal(prisma, actor.centreId, plan, replaceDraftId);
      if (refusal) return { ok: false, refusal };
    }
    throw error;
  }
}

type RotaWithShifts = NonNullable<Awaited<ReturnType<typeof readRota>>>;

export type ShiftRow = {
  id: string; sessionId: string; date: string; startsAt: Date; endsAt: Date;
  coordinatorsNeeded: number; staffNeeded: number; volunteersNeeded: number; session: { name: string };
};

export function toRotaShift(shift: ShiftRow): RotaShift {
  return {
    key: shift.id, series: shift.sessionId, sessionName: shift.session.name, date: shift.date,
    startsAt: shift.startsAt.getTime(), endsAt: shift.endsAt.getTime(), needs: staffingNeeds(shift),
  };
}

export type AssignmentRow = { id: string; personId: string; slot: string; status: string };

/**
 * Which placements no longer stand on their shift's date: assignment id → the hard rules they
 * now break. Shifts already past are history and are not judged again.
 */
function voidPlacements(shifts: (ShiftRow & { assignments: AssignmentRow[] })[], people: RotaPerson[], today: IsoDate): Map<string, Problem[]> {
  const byId = new Map(people.map((p) => [p.id, p]));
  const voids = new Map<string, Problem[]>();
  for (const shift of shifts) {
    if (shift.date < today) continue;
    const rotaShift = toRotaShift(shift);
    for (const a of shift.assignments) {
      const person = byId.get(a.personId);
      if (a.status !== "assigned" || !person) continue;
      const problems = standingProblems(person, rotaShift, a.slot as Slot);
      if (problems.length) voids.set(a.id, problems);
    }
  }
  return voids;
}

/** The re-check for shifts loaded elsewhere: loads only the people placed on them from today. */
export async function checkPlacements(db: Db, centreId: string, shifts: (ShiftRow & { assignments: AssignmentRow[] })[], today: IsoDate = clock.today()) {
  const upcoming = shifts.filter((s) => s.date >= today);
  const personIds = [...new Set(upcoming.flatMap((s) => s.assignments.filter((a) => a.status === "assigned").map((a) => a.personId)))];
  if (!personIds.length) return new Map<string, Problem[]>();
  const people = await loadRotaPeople(db, centreId, upcoming.map((s) => s.date), { personIds });
  return voidPlacements(upcoming, people, today);
}

/** Placements that still stand, for filling gaps: assigned, and not voided on the shift's date. */
function standingContext(rota: RotaWithShifts, voids: Map<string, Problem[]>): RotaContext {
  return {
    shifts: new Map(rota.shifts.map((s) => [s.id, toRotaShift(s)])),
    placements: rota.shifts.flatMap((s) =>
      s.assignments.filter((a) => a.status === "assigned" && !voids.has(a.id)).map((a) => ({ shiftKey: s.id, personId: a.personId, slot: a.slot as Slot })),
    ),
  };
}

async function loadRota(db: Db, centreId: string, rotaId: string) {
  const rota = await readRota(db, centreId, rotaId);
  if (!rota) throw new Response("Rota not found", { status: 404 });
  return rota;
}

export function listRotas(centreId: string) {
  return prisma.rota.findMany({ where: { centreId }, orderBy: { startsOn: "desc" }, select: { id: true, startsOn: true, endsOn: true, status: true, mode: true } });
}

/**
 * Every rota with places needed and filled; placements that no longer stand are not counted.
 * Totals are counted in SQLite; only shifts from today are read, as only they are re-checked.
 */
export async function rotaList(centreId: string, today: IsoDate = clock.today()) {
  const [rotas, upcoming] = await Promise.all([readRotaTotals(prisma, centreId), readShifts(prisma, centreId, { from: today })]);
  const voids = await checkPlacements(prisma, centreId, upcoming, today);
  const voidedIn = new Map<string, number>();
  for (const shift of upcoming) {
    for (const a of shift.assignments) if (voids.has(a.id)) voidedIn.set(shift.rotaId, (voidedIn.get(shift.rotaId) ?? 0) + 1);
  }
  return rotas.map(({ assigned, ...rota }) => ({ ...rota, filled: assigned - (voidedIn.get(rota.id) ?? 0) }));
}

/**
 * A rota as things stand today: each placement re-checked on its shift's date, and each gap
 * (an empty place, someone who cannot come, a placement that no longer stands) explained with
 * ranked cover. Past shifts are shown as they were.
 */
export async function rotaView(centreId: string, rotaId: string, today: IsoDate = clock.today()) {
  const rota = await loadRota(prisma, centreId, rotaId);
  const people = await loadRotaPeople(prisma, centreId, rota.shifts.map((s) => s.date), { exceptRotaId: rota.id });
  const voids = voidPlacements(rota.shifts, people, today);
  const context = standingContext(rota, voids);
  const shifts = rota.shifts.map((shift) => {
    const rotaShift = context.shifts.get(shift.id)!;
    const past = shift.date < today;
    const gaps = SLOTS.map((slot) => {
      const missing = rotaShift.needs[slot] - context.placements.filter((p) => p.shiftKey === shift.id && p.slot === slot).length;
      if (missing <= 0) return null;
      return {
        slot, missing,
        explanation: past ? null : shortfallWords(explainShortfall(rotaShift, slot, missing, people, context), shift.date),
        cover: past ? [] : rankCandidates(rotaShift, slot, people, context).slice(0, 5).map((c) => ({ personId: c.person.id, name: c.person.name, reason: fairnessWords(c.fair) })),
      };
    }).filter((g): g is NonNullable<typeof g> => g !== null);
    const assignments = shift.assignments.map((a) => ({ ...a, voids: voids.get(a.id) ?? [], voidWords: voids.has(a.id) ? voidWords(voids.get(a.id)!) : null }));
    return { ...shift, past, assignments, gaps };
  });
  return { rota: { ...rota, shifts }, people: people.filter((p) => p.status === "active").map((p) => ({ id: p.id, name: p.name })) };
}

export type EditResult = { ok: true; warnings: string[] } | { ok: false; refused: string } | { ok: false; needsConfirmation: string[] };

/** Put someone on a shift: refused if a hard rule is broken; soft rules need `confirmed`. */
export async function assignToShift(actor: Actor, rotaId: string, shiftId: string, personId: string, slot: Slot, confirmed: boolean, today: IsoDate = clock.today()): Promise<EditResult> {
  return prisma.$transaction(async (tx): Promise<EditResult> => {
    const rota = await loadRota(tx, actor.centreId, rotaId);
    const shift = rota.shifts.find((s) => s.id === shiftId);
    if (!shift) throw new Response("Shift not found", { status: 404 });
    if (shift.date < today) return { ok: false, refused: "This shift is in the past: it can no longer be changed" };
    const people = await loadRotaPeople(tx, actor.centreId, rota.shifts.map((s) => s.date), { exceptRotaId: rota.id });
    const person = people.find((p) => p.id === personId);
    if (!person) throw new Response("Person not found", { status: 404 });
    const context = standingContext(rota, voidPlacements(rota.shifts, people, today));
    const check = checkPlacement(person, toRotaShift(shift), slot, context);
    const say = (p: Problem) => problemWords(p, person.name, shift.date, slot);
    if (check.refused) return { ok: false, refused: say(check.refused) };
    const warnings = check.warnings.map(say);
    if (warnings.length && !confirmed) return { ok: false, needsConfirmation: warnings };
    // Someone who had said they cannot come (or was withdrawn) and is put back keeps their one row.
    await tx.shiftAssignment.upsert({
      where: { shiftId_personId: { shiftId, personId } },
      create: { shiftId, personId, slot },
      update: { slot, status: "assigned", note: "", withdrawnReason: null, withdrawnAt: null },
    });
    await auditRotaChange(tx, actor, rota, `Put ${person.name} on ${describeShift(shift)} as ${SLOT_LABELS[slot].one}`, warnings);
    return { ok: true, warnings };
  });
}

export async function removeFromShift(actor: Actor, rotaId: string, assignmentId: string) {
  await prisma.$transaction(async (tx) => {
    const rota = await loadRota(tx, actor.centreId, rotaId);
    const shift = rota.shifts.find((s) => s.assignments.some((a) => a.id === assignmentId));
    const assignment = shift?.assignments.find((a) => a.id === assignmentId);
    if (!shift || !assignment) throw new Response("Not on this rota", { status: 404 });
    await tx.shiftAssignment.delete({ where: { id: assignmentId } });
    await auditRotaChange(tx, actor, rota, `Took ${fullName(assignment.person)} off ${describeShift(shift)}`, []);
  });
}

/** Exchange two people between shifts; both new placements are checked as if made by hand. */
export async function swapAssignments(actor: Actor, rotaId: string, firstId: string, secondId: string, confirmed: boolean, today: IsoDate = clock.today()): Promise<EditResult> {
  return prisma.$transaction(async (tx): Promise<EditResult> => {
    const rota = await loadRota(tx, actor.centreId, rotaId);
    const find = (id: string) => {
      const shift = rota.shifts.find((s) => s.assignments.some((a) => a.id === id && a.status === "assigned"));
      return shift ? { shift, assignment: shift.assignments.find((a) => a.id === id)! } : null;
    };
    const [a, b] = [find(firstId), find(secondId)];
    if (!a || !b) throw new Response("Not on this rota", { status: 404 });
    if (a.shift.id === b.shift.id) return { ok: false, refused: "Both people are on the same shift: choose people on different shifts" };
    if (a.shift.date < today || b.shift.date < today) return { ok: false, refused: "One of these shifts is in the past: it can no longer be changed" };
    const people = await loadRotaPeople(tx, actor.centreId, rota.shifts.map((s) => s.date), { exceptRotaId: rota.id });
    const without = standingContext(rota, voidPlacements(rota.shifts, people, today));
    without.placements = without.placements.filter((p) => !(p.shiftKey === a.shift.id && p.personId === a.assignment.personId) && !(p.shiftKey === b.shift.id && p.personId === b.assignment.personId));
    const personA = people.find((p) => p.id === a.assignment.personId)!;
    const personB = people.find((p) => p.id === b.assignment.personId)!;
    const moves = [
      { person: personA, to: b, alongside: { shiftKey: a.shift.id, personId: personB.id, slot: a.assignment.slot as Slot } },
      { person: personB, to: a, alongside: { shiftKey: b.shift.id, personId: personA.id, slot: b.assignment.slot as Slot } },
    ];
    const checks = moves.map((m) => {
      const slot = m.to.assignment.slot as Slot;
      const check = checkPlacement(m.person, toRotaShift(m.to.shift), slot, { ...without, placements: [...without.placements, m.alongside as Placement] });
      const say = (p: Problem) => problemWords(p, m.person.name, m.to.shift.date, slot);
      // A swap leaves each shift as full as it was: "already has the people it needs" does not apply.
      return { refused: check.refused ? say(check.refused) : null, warnings: check.warnings.filter((w) => w.code !== "place_full").map(say) };
    });
    const refused = checks.find((c) => c.refused)?.refused;
    if (refused) return { ok: false, refused };
    const warnings = checks.flatMap((c) => c.warnings);
    if (warnings.length && !confirmed) return { ok: false, needsConfirmation: warnings };
    // One row per person per shift: someone who said they cannot come to the other shift stays off it.
    const earlier = (shift: typeof a.shift, personId: string) => shift.assignments.find((x) => x.personId === personId);
    const stale = earlier(a.shift, personB.id) ?? earlier(b.shift, personA.id);
    if (stale) return { ok: false, refused: `${fullName(stale.person)} is already down for that shift (${stale.status === "cannot_attend" ? "they said they cannot come" : "taken off it"})` };
    await closeSwapRequests(tx, [a.assignment.id, b.assignment.id]);
    await tx.shiftAssignment.update({ where: { id: a.assignment.id }, data: { personId: personB.id } });
    await tx.shiftAssignment.update({ where: { id: b.assignment.id }, data: { personId: personA.id } });
    await auditRotaChange(tx, actor, rota, `Swapped ${personA.name} (${describeShift(a.shift)}) with ${personB.name} (${describeShift(b.shift)})`, warnings);
    return { ok: true, warnings };
  });
}

/** Publish, and queue everyone's "your shifts" email, in one transaction: never one without the other. */
export async function publishRota(actor: Actor, rotaId: string, queueEmails: (tx: Db, rotaId: string) => Promise<number>): Promise<{ emailed: number } | null> {
  return prisma.$transaction(async (tx) => {
    const rota = await loadRota(tx, actor.centreId, rotaId);
    if (rota.status === "published") return null;
    await tx.rota.update({ where: { id: rotaId }, data: { status: "published", publishedAt: clock.now() } });
    await recordAudit(tx, actor, { entityType: "Rota", entityId: rotaId, action: "published", summary: `Published the rota for ${formatUkDate(rota.startsOn)} to ${formatUkDate(rota.endsOn)}` });
    return { emailed: await queueEmails(tx, rotaId) };
  }, { timeout: 60_000 });
}

async function discardDraft(tx: Db, actor: Actor, rotaId: string, verb: "Discarded" | "Replaced") {
  const rota = await tx.rota.findFirst({ where: { id: rotaId, centreId: actor.centreId } });
  if (!rota) throw new Response("Rota not found", { status: 404 });
  if (rota.status !== "draft") throw new Response("Only a draft can be discarded", { status: 400 });
  await tx.rota.delete({ where: { id: rotaId } });
  await recordAudit(tx, actor, { entityType: "Rota", entityId: rotaId, action: "deleted", summary: `${verb} the draft rota for ${formatUkDate(rota.startsOn)} to ${formatUkDate(rota.endsOn)}` });
}

export async function deleteDraftRota(actor: Actor, rotaId: string) {
  await prisma.$transaction((tx) => discardDraft(tx, actor, rotaId, "Discarded"));
}

function describeShift(shift: { date: string; session: { name: string } }) {
  return `${shift.session.name}, ${formatUkDateWithDay(shift.date)}`;
}

async function auditRotaChange(tx: Db, actor: Actor, rota: { id: string; status: string }, summary: string, warnings: string[]) {
  await recordAudit(tx, actor, {
    entityType: "Rota", entityId: rota.id, action: rota.status === "published" ? "changed-published" : "edited-draft",
    summary: rota.status === "published" ? `${summary} (published rota)` : summary,
    changes: warnings.map((w) => ({ field: "Warning accepted", from: "", to: w })),
  });
}

/** A volunteer says they can no longer make a published shift: the place opens for cover. */
export async function cannotAttend(user: { id: string; name: string; centreId: string; personId: string | null }, assignmentId: string, note: string) {
  await prisma.$transaction(async (tx) => {
    const assignment = await tx.shiftAssignment.findFirst({
      where: { id: assignmentId, personId: user.personId ?? "-", status: "assigned", shift: { rota: { centreId: user.centreId } } },
      include: { shift: { include: { session: true, rota: true } } },
    });
    if (!assignment) throw new Response("Shift not found", { status: 404 });
    await tx.shiftAssignment.update({ where: { id: assignmentId }, data: { status: "cannot_attend", note } });
    await closeSwapRequests(tx, [assignmentId]);
    await recordAudit(tx, { id: user.id, name: user.name, centreId: user.centreId }, {
      entityType: "Rota", entityId: assignment.shift.rotaId, personId: user.personId, action: "cannot-attend",
      summary: `${user.name} can no longer make ${describeShift(assignment.shift)}`,
      changes: note ? [{ field: "Their note", from: "", to: note }] : [],
    });
  });
}

/** Swap requests on placements that changed some other way are no longer on offer. */
export async function closeSwapRequests(tx: Db, assignmentIds: string[]) {
  if (assignmentIds.length) await tx.swapRequest.updateMany({ where: { assignmentId: { in: assignmentIds }, status: "open" }, data: { status: "closed" } });
}

export type WithdrawReason = "left" | "paused" | "conflict";

export type OpenedShift = { shiftId: string; rotaId: string; date: IsoDate; session: string };

/**
 * Take someone off every shift from `from` on (left, paused, a conflict of interest), inside the
 * caller's transaction, audited per shift. Returns the shifts that now have a gap.
 */
export async function withdrawPlacements(tx: Db, actor: Actor, person: { id: string; firstName: string; lastName: string }, reason: WithdrawReason, from: IsoDate): Promise<OpenedShift[]> {
  const assignments = await tx.shiftAssignment.findMany({
    where: { personId: person.id, status: { in: HOLDS_A_PLACE }, shift: { date: { gte: from } } },
    include: { shift: { include: { session: { select: { name: true } }, rota: { select: { id: true, status: true } } } } },
    orderBy: { shift: { startsAt: "asc" } },
  });
  const why = { left: "left the centre", paused: "paused", conflict: "conflict of interest" }[reason];
  await closeSwapRequests(tx, assignments.map((a) => a.id));
  for (const a of assignments) {
    await tx.shiftAssignment.update({ where: { id: a.id }, data: { status: "withdrawn", withdrawnReason: reason, withdrawnAt: clock.now() } });
    await auditRotaChange(tx, actor, a.shift.rota, `Took ${fullName(person)} off ${describeShift(a.shift)} (${why})`, []);
  }
  return assignments.map((a) => ({ shiftId: a.shiftId, rotaId: a.shift.rotaId, date: a.shift.date, session: a.shift.session.name }));
}

const stillStanding = (a: { id: string; status: string }, voids: Map<string, Problem[]>) => a.status === "assigned" && !voids.has(a.id);

/** Places still open on these shifts, e.g. "1 volunteer", and placements that no longer stand, with why. */
function gapsIn(shifts: ShiftWithPlacements[], voids: Map<string, Problem[]>) {
  const short = shifts
    .map((shift) => ({
      shiftId: shift.id, rotaId: shift.rotaId, date: shift.date, session: shift.session.name,
      short: unfilledWords(staffingNeeds(shift), shift.assignments.filter((a) => stillStanding(a, voids)).map((a) => a.slot)),
    }))
    .filter((s) => s.short);
  const voided = shifts.flatMap((shift) =>
    shift.assignments
      .filter((a) => voids.has(a.id))
      .map((a) => ({ shiftId: shift.id, rotaId: shift.rotaId, date: shift.date, session: shift.session.name, name: fullName(a.person), why: voidWords(voids.get(a.id)!) })),
  );
  return { short, voided };
}

/** Places needed and filled each week between two dates. */
function staffingIn(shifts: ShiftWithPlacements[], voids: Map<string, Problem[]>, from: IsoDate, to: IsoDate) {
  return staffingByWeek(shifts.map((shift) => ({
    date: shift.date,
    needed: shift.coordinatorsNeeded + shift.staffNeeded + shift.volunteersNeeded,
    filled: shift.assignments.filter((a) => stillStanding(a, voids)).length,
  })), from, to);
}

/**
 * Shifts between two dates with places still open, counting placements that no longer stand as
 * open, and those placements with why: any rota's, for the co-ordinators' digest.
 */
export async function rotaGaps(centreId: string, from: IsoDate, to: IsoDate, { publishedOnly }: { publishedOnly: boolean }, today: IsoDate = clock.today()) {
  const shifts = await readShifts(prisma, centreId, { from, to, publishedOnly });
  return gapsIn(shifts, await checkPlacements(prisma, centreId, shifts, today));
}

/**
 * The dashboard's view of published rotas: gaps from today to `gapsTo`, and places needed and
 * filled each week from `staffingFrom` to `staffingTo` (the chart). `upcoming`: the published
 * shifts from today with the re-check of their placements, as the caller has loaded them; only
 * the weeks before today are read here.
 */
export async function dashboardRota(
  centreId: string, today: IsoDate, { gapsTo, staffingFrom, staffingTo }: { gapsTo: IsoDate; staffingFrom: IsoDate; staffingTo: IsoDate },
  upcoming: { shifts: ShiftWithPlacements[]; voids: Map<string, Problem[]> },
) {
  const past = staffingFrom < today ? await readShifts(prisma, centreId, { from: staffingFrom, to: addDaysIso(today, -1), publishedOnly: true }) : [];
  const shifts = [...past, ...upcoming.shifts];
  return {
    gaps: gapsIn(shifts.filter((s) => s.date >= today && s.date <= gapsTo), upcoming.voids),
    staffing: staffingIn(shifts.filter((s) => s.date >= staffingFrom && s.date <= staffingTo), upcoming.voids, staffingFrom, staffingTo),
  };
}

/**
 * A person's shifts on published rotas, for "My shifts", calendar feeds and emails, each marked
 * with whether it still stands on its date (from today; past ones are history).
 */
export async function shiftsOfPerson(personId: string, today: IsoDate = clock.today(), db: Db = prisma) {
  const assignments = await readPersonShifts(db, personId);
  if (!assignments.length) return [];
  const centreId = assignments[0].shift.rota.centreId;
  const voids = await checkPlacements(db, centreId, assignments.map((a) => ({ ...a.shift, assignments: [a] })), today);
  return assignments.map((a) => ({ ...a, voids: voids.get(a.id) ?? [] }));
}

/** A placement the person should act on: assigned and still standing on its date. */
export function stands(a: { status: string; voids: Problem[] }) {
  return a.status === "assigned" && a.voids.length === 0;
}

const WITHDRAWN_SQL = `SELECT a.id, a.shiftId, a.withdrawnReason, s.rotaId, s.date, c.name AS session
  FROM ShiftAssignment a JOIN Shift s ON s.id = a.shiftId JOIN ContactSession c ON c.id = s.sessionId
  WHERE a.personId = ? AND a.status = 'withdrawn' AND s.date >= ? ORDER BY s.startsAt, a.id`;

/** Upcoming shifts the app took someone off (left, paused, conflict), for their page (a prepared read: it loads every time). */
export async function withdrawnShifts(personId: string, today: IsoDate) {
  const rows = await readRows<{ id: string; shiftId: string; withdrawnReason: string | null; rotaId: string; date: IsoDate; session: string }>(prisma, WITHDRAWN_SQL, personId, today);
  return rows.map(({ withdrawnReason, ...a }) => ({ ...a, reason: withdrawnReason ?? "" }));
}
