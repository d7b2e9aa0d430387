/** Rotas in the database: sessions, generating drafts, edits, publishing, cover. Audited. */
import type { Prisma } from "@prisma/client";
import { prisma } from "~/db.server";
import { recordAudit, type Actor } from "~/modules/audit/audit.server";
import { loadCentreFacts } from "~/modules/compliance/compliance.server";
import { fullName } from "~/modules/people/people.server";
import { formatUkDate, formatUkDateWithDay, type IsoDate } from "~/utils/dates";
import { ENGLAND_AND_WALES_BANK_HOLIDAYS } from "./bank-holidays";
import { clearanceOn } from "./eligibility";
import {
  SLOTS, SLOT_LABELS, checkPlacement, explainShortfall, generateRota, rankCandidates, staffingNeeds, unfilledWords,
  type RotaContext, type RotaPerson, type RotaShift, type Slot,
} from "./generate";
import { sessionOccurrences, WEEKDAYS, type SessionForOccurrences, type WeekdayCode } from "./recurrence";
import { clock } from "~/utils/clock.server";

type Tx = Prisma.TransactionClient;

export function isSlot(value: string): value is Slot {
  return (SLOTS as readonly string[]).includes(value);
}

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

/** Every session date in a period, skipped ones included (with why), for previews and rotas. */
export async function occurrencesFor(centreId: string, from: IsoDate, to: IsoDate) {
  const [sessions, closures] = await Promise.all([
    prisma.contactSession.findMany({ where: { centreId, retired: false }, include: { extraDates: true } }),
    prisma.closure.findMany({ where: { centreId, date: { gte: from, lte: to } } }),
  ]);
  return sessions.flatMap((session) => {
    const forOccurrences: SessionForOccurrences = {
      ...toPattern(session), id: session.id, skipBankHolidays: session.skipBankHolidays, extraDates: session.extraDates.map((e) => e.date),
    };
    return sessionOccurrences(forOccurrences, from, to, closures, ENGLAND_AND_WALES_BANK_HOLIDAYS).map((o) => ({ ...o, session }));
  }).sort((a, b) => a.startsAt.getTime() - b.startsAt.getTime());
}

/** Everyone the generator may consider, with clearance on each date and their other shifts. */
async function rotaPeople(centreId: string, dates: IsoDate[], exceptRotaId?: string) {
  const [{ settings, courses, people }, centre, unavailability, assignments, teams] = await Promise.all([
    loadCentreFacts(centreId),
    prisma.centre.findUniqueOrThrow({ where: { id: centreId }, select: { serveEveryWeeks: true } }),
    prisma.unavailability.findMany({ where: { person: { centreId } } }),
    prisma.shiftAssignment.findMany({
      where: { person: { centreId }, status: "assigned", ...(exceptRotaId ? { shift: { rotaId: { not: exceptRotaId } } } : {}) },
      select: { personId: true, shift: { select: { date: true, startsAt: true, endsAt: true } } },
    }),
    prisma.team.findMany({ where: { centreId }, orderBy: [{ sortOrder: "asc" }, { name: "asc" }], include: { members: true } }),
  ]);
  const rotaPeople: RotaPerson[] = people.map((person) => ({
    id: person.id,
    name: person.name,
    status: person.status,
    conflict: person.usesCentreForOwnFamily,
    serveEveryWeeks: person.serveEveryWeeks ?? centre.serveEveryWeeks,
    preferredDays: weekdayCodes(person.preferredDays),
    roles: person.facts.roles,
    unavailable: unavailability.filter((u) => u.personId === person.id),
    otherShifts: assignments
      .filter((a) => a.personId === person.id)
      .map((a) => ({ date: a.shift.date, startsAt: a.shift.startsAt.getTime(), endsAt: a.shift.endsAt.getTime() })),
    clearance: clearanceOn(person.facts, courses, settings, dates),
  }));
  return { people: rotaPeople, teams: teams.map((t) => ({ id: t.id, name: t.name, memberIds: t.members.map((m) => m.personId) })) };
}

export type RotaPlan = { startsOn: IsoDate; endsOn: IsoDate; mode: "individuals" | "teams" };

/** Where team rotation picks up: after the last team-mode rota's turns. */
async function nextTeamIndex(centreId: string, teamCount: number) {
  if (teamCount === 0) return 0;
  const last = await prisma.rota.findFirst({
    where: { centreId, mode: "teams" }, orderBy: { startsOn: "desc" }, include: { _count: { select: { shifts: true } } },
  });
  return last ? (last.firstTeamIndex + last._count.shifts) % teamCount : 0;
}

export async function createDraftRota(actor: Actor, plan: RotaPlan) {
  const occurrences = (await occurrencesFor(actor.centreId, plan.startsOn, plan.endsOn)).filter((o) => !o.skippedBecause);
  const shifts: RotaShift[] = occurrences.map((o, i) => ({
    key: String(i), sessionName: o.session.name, date: o.date, startsAt: o.startsAt.getTime(), endsAt: o.endsAt.getTime(),
    needs: staffingNeeds(o.session),
  }));
  const { people, teams } = await rotaPeople(actor.centreId, shifts.map((s) => s.date));
  const firstTeamIndex = plan.mode === "teams" ? await nextTeamIndex(actor.centreId, teams.length) : 0;
  const result = generateRota(shifts, people, { mode: plan.mode, teams, firstTeamIndex });

  return prisma.$transaction(async (tx) => {
    const rota = await tx.rota.create({ data: { centreId: actor.centreId, startsOn: plan.startsOn, endsOn: plan.endsOn, mode: plan.mode, firstTeamIndex } });
    for (const [i, occurrence] of occurrences.entries()) {
      await tx.shift.create({
        data: {
          rotaId: rota.id, sessionId: occurrence.session.id, date: occurrence.date, startsAt: occurrence.startsAt, endsAt: occurrence.endsAt,
          coordinatorsNeeded: occurrence.session.coordinatorsNeeded, volunteersNeeded: occurrence.session.volunteersNeeded, staffNeeded: occurrence.session.staffNeeded,
          assignments: { create: result.placements.filter((p) => p.shiftKey === String(i)).map((p) => ({ personId: p.personId, slot: p.slot })) },
        },
      });
    }
    await recordAudit(tx, actor, {
      entityType: "Rota", entityId: rota.id, action: "created",
      summary: `Drafted the rota for ${formatUkDate(plan.startsOn)} to ${formatUkDate(plan.endsOn)}: ${shifts.length} sessions, ${result.placements.length} places filled, ${result.shortfalls.reduce((n, s) => n + s.missing, 0)} short`,
    });
    return rota;
  });
}

export function listRotas(centreId: string) {
  return prisma.rota.findMany({
    where: { centreId }, orderBy: { startsOn: "desc" },
    include: { shifts: { select: { coordinatorsNeeded: true, staffNeeded: true, volunteersNeeded: true, assignments: { where: { status: "assigned" }, select: { id: true } } } } },
  });
}

const ROTA_INCLUDE = {
  shifts: {
    orderBy: [{ startsAt: "asc" }, { id: "asc" }],
    include: {
      session: { select: { name: true, location: true } },
      assignments: { orderBy: { createdAt: "asc" }, include: { person: { select: { id: true, firstName: true, lastName: true } } } },
    },
  },
} satisfies Prisma.RotaInclude;

type RotaWithShifts = Prisma.RotaGetPayload<{ include: typeof ROTA_INCLUDE }>;

function toRotaShift(shift: RotaWithShifts["shifts"][number]): RotaShift {
  return {
    key: shift.id, sessionName: shift.session.name, date: shift.date, startsAt: shift.startsAt.getTime(), endsAt: shift.endsAt.getTime(),
    needs: staffingNeeds(shift),
  };
}

function contextOf(rota: RotaWithShifts): RotaContext {
  return {
    shifts: new Map(rota.shifts.map((s) => [s.id, toRotaShift(s)])),
    placements: rota.shifts.flatMap((s) => s.assignments.filter((a) => a.status === "assigned").map((a) => ({ shiftKey: s.id, personId: a.personId, slot: a.slot as Slot }))),
  };
}

async function loadRota(centreId: string, rotaId: string) {
  const rota = await prisma.rota.findFirst({ where: { id: rotaId, centreId }, include: ROTA_INCLUDE });
  if (!rota) throw new Response("Rota not found", { status: 404 });
  return rota;
}

/** A rota with each shift's gaps explained and ranked cover for each gap, as things stand now. */
export async function rotaView(centreId: string, rotaId: string) {
  const rota = await loadRota(centreId, rotaId);
  const { people } = await rotaPeople(centreId, rota.shifts.map((s) => s.date), rota.id);
  const context = contextOf(rota);
  const shifts = rota.shifts.map((shift) => {
    const rotaShift = context.shifts.get(shift.id)!;
    const gaps = SLOTS.map((slot) => {
      const missing = rotaShift.needs[slot] - context.placements.filter((p) => p.shiftKey === shift.id && p.slot === slot).length;
      if (missing <= 0) return null;
      return {
        slot, missing,
        explanation: explainShortfall(rotaShift, slot, missing, people, context),
        cover: rankCandidates(rotaShift, slot, people, context).slice(0, 5).map((c) => ({ personId: c.person.id, name: c.person.name, reason: c.reason })),
      };
    }).filter((g): g is NonNullable<typeof g> => g !== null);
    return { ...shift, gaps };
  });
  return { rota: { ...rota, shifts }, people: people.filter((p) => p.status === "active").map((p) => ({ id: p.id, name: p.name })) };
}

export type EditResult = { ok: true; warnings: string[] } | { ok: false; refused: string } | { ok: false; needsConfirmation: string[] };

/** Put someone on a shift: refused if a hard rule is broken; soft rules need `confirmed`. */
export async function assignToShift(actor: Actor, rotaId: string, shiftId: string, personId: string, slot: Slot, confirmed: boolean): Promise<EditResult> {
  const rota = await loadRota(actor.centreId, rotaId);
  const shift = rota.shifts.find((s) => s.id === shiftId);
  if (!shift) throw new Response("Shift not found", { status: 404 });
  const { people } = await rotaPeople(actor.centreId, rota.shifts.map((s) => s.date), rota.id);
  const person = people.find((p) => p.id === personId);
  if (!person) throw new Response("Person not found", { status: 404 });
  const check = checkPlacement(person, toRotaShift(shift), slot, contextOf(rota));
  if (check.refused) return { ok: false, refused: check.refused };
  if (check.warnings.length && !confirmed) return { ok: false, needsConfirmation: check.warnings };
  await prisma.$transaction(async (tx) => {
    await tx.shiftAssignment.create({ data: { shiftId, personId, slot } });
    await auditRotaChange(tx, actor, rota, `Put ${person.name} on ${describeShift(shift)} as ${SLOT_LABELS[slot].one}`, check.warnings);
  });
  return { ok: true, warnings: check.warnings };
}

export async function removeFromShift(actor: Actor, rotaId: string, assignmentId: string) {
  const rota = await loadRota(actor.centreId, rotaId);
  const shift = rota.shifts.find((s) => s.assignments.some((a) => a.id === assignmentId));
  const assignment = shift?.assignments.find((a) => a.id === assignmentId);
  if (!shift || !assignment) throw new Response("Not on this rota", { status: 404 });
  await prisma.$transaction(async (tx) => {
    await tx.shiftAssignment.delete({ where: { id: assignmentId } });
    await auditRotaChange(tx, actor, rota, `Took ${fullName(assignment.person)} off ${describeShift(shift)}`, []);
  });
}

/** Exchange two people between shifts; both new placements are checked as if made by hand. */
export async function swapAssignments(actor: Actor, rotaId: string, firstId: string, secondId: string, confirmed: boolean): Promise<EditResult> {
  const rota = await loadRota(actor.centreId, rotaId);
  const find = (id: string) => {
    const shift = rota.shifts.find((s) => s.assignments.some((a) => a.id === id && a.status === "assigned"));
    return shift ? { shift, assignment: shift.assignments.find((a) => a.id === id)! } : null;
  };
  const [a, b] = [find(firstId), find(secondId)];
  if (!a || !b) throw new Response("Not on this rota", { status: 404 });
  if (a.shift.id === b.shift.id) return { ok: false, refused: "Both people are on the same shift: choose people on different shifts" };
  const { people } = await rotaPeople(actor.centreId, rota.shifts.map((s) => s.date), rota.id);
  const without = contextOf(rota);
  without.placements = without.placements.filter((p) => !(p.shiftKey === a.shift.id && p.personId === a.assignment.personId) && !(p.shiftKey === b.shift.id && p.personId === b.assignment.personId));
  const personA = people.find((p) => p.id === a.assignment.personId)!;
  const personB = people.find((p) => p.id === b.assignment.personId)!;
  const checkA = checkPlacement(personA, toRotaShift(b.shift), b.assignment.slot as Slot, { ...without, placements: [...without.placements, { shiftKey: a.shift.id, personId: personB.id, slot: a.assignment.slot as Slot }] });
  const checkB = checkPlacement(personB, toRotaShift(a.shift), a.assignment.slot as Slot, { ...without, placements: [...without.placements, { shiftKey: b.shift.id, personId: personA.id, slot: b.assignment.slot as Slot }] });
  const refused = checkA.refused ?? checkB.refused;
  if (refused) return { ok: false, refused };
  const warnings = [...checkA.warnings, ...checkB.warnings].filter((w) => !w.startsWith("This shift already has"));
  if (warnings.length && !confirmed) return { ok: false, needsConfirmation: warnings };
  await prisma.$transaction(async (tx) => {
    await tx.shiftAssignment.update({ where: { id: a.assignment.id }, data: { personId: personB.id } });
    await tx.shiftAssignment.update({ where: { id: b.assignment.id }, data: { personId: personA.id } });
    await auditRotaChange(tx, actor, rota, `Swapped ${personA.name} (${describeShift(a.shift)}) with ${personB.name} (${describeShift(b.shift)})`, warnings);
  });
  return { ok: true, warnings };
}

export async function publishRota(actor: Actor, rotaId: string) {
  const rota = await loadRota(actor.centreId, rotaId);
  if (rota.status === "published") return;
  await prisma.$transaction(async (tx) => {
    await tx.rota.update({ where: { id: rotaId }, data: { status: "published", publishedAt: clock.now() } });
    await recordAudit(tx, actor, { entityType: "Rota", entityId: rotaId, action: "published", summary: `Published the rota for ${formatUkDate(rota.startsOn)} to ${formatUkDate(rota.endsOn)}` });
  });
}

export async function deleteDraftRota(actor: Actor, rotaId: string) {
  const rota = await loadRota(actor.centreId, rotaId);
  if (rota.status !== "draft") throw new Response("Only a draft can be discarded", { status: 400 });
  await prisma.$transaction(async (tx) => {
    await tx.rota.delete({ where: { id: rotaId } });
    await recordAudit(tx, actor, { entityType: "Rota", entityId: rotaId, action: "deleted", summary: `Discarded the draft rota for ${formatUkDate(rota.startsOn)} to ${formatUkDate(rota.endsOn)}` });
  });
}

function describeShift(shift: { date: string; session: { name: string } }) {
  return `${shift.session.name}, ${formatUkDateWithDay(shift.date)}`;
}

async function auditRotaChange(tx: Tx, actor: Actor, rota: { id: string; status: string }, summary: string, warnings: string[]) {
  await recordAudit(tx, actor, {
    entityType: "Rota", entityId: rota.id, action: rota.status === "published" ? "changed-published" : "edited-draft",
    summary: rota.status === "published" ? `${summary} (published rota)` : summary,
    changes: warnings.map((w) => ({ field: "Warning accepted", from: "", to: w })),
  });
}

/** A volunteer says they can no longer make a published shift: the place opens for cover. */
export async function cannotAttend(user: { id: string; name: string; centreId: string; personId: string | null }, assignmentId: string, note: string) {
  const assignment = await prisma.shiftAssignment.findFirst({
    where: { id: assignmentId, personId: user.personId ?? "-", status: "assigned" },
    include: { shift: { include: { session: true, rota: true } } },
  });
  if (!assignment) throw new Response("Shift not found", { status: 404 });
  await prisma.$transaction(async (tx) => {
    await tx.shiftAssignment.update({ where: { id: assignmentId }, data: { status: "cannot_attend", note } });
    await recordAudit(tx, { id: user.id, name: user.name, centreId: user.centreId }, {
      entityType: "Rota", entityId: assignment.shift.rotaId, personId: user.personId, action: "cannot-attend",
      summary: `${user.name} can no longer make ${describeShift(assignment.shift)}`,
      changes: note ? [{ field: "Their note", from: "", to: note }] : [],
    });
  });
}

/**
 * Shifts between two dates with places still open, e.g. "1 volunteer": published ones a week ahead
 * for the dashboard's flag, any rota's for the co-ordinators' digest.
 */
export async function shortShifts(centreId: string, from: IsoDate, to: IsoDate, { publishedOnly }: { publishedOnly: boolean }) {
  const shifts = await prisma.shift.findMany({
    where: { rota: { centreId, ...(publishedOnly ? { status: "published" } : {}) }, date: { gte: from, lte: to } },
    include: { session: { select: { name: true } }, assignments: { where: { status: "assigned" }, select: { slot: true } } },
    orderBy: { startsAt: "asc" },
  });
  return shifts
    .map((shift) => ({
      shiftId: shift.id, rotaId: shift.rotaId, date: shift.date, session: shift.session.name,
      short: unfilledWords(staffingNeeds(shift), shift.assignments.map((a) => a.slot)),
    }))
    .filter((s) => s.short);
}

/** A person's shifts on published rotas, for "My shifts" and calendar feeds. */
export function shiftsOfPerson(personId: string) {
  return prisma.shiftAssignment.findMany({
    where: { personId, shift: { rota: { status: "published" } } },
    include: { shift: { include: { session: { select: { name: true, location: true } }, rota: { select: { centre: { select: { name: true } } } } } } },
    orderBy: { shift: { startsAt: "asc" } },
  });
}
