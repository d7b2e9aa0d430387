/** Setting the rota up: sessions, closures, extra dates, availability, teams. Audited. */
import { prisma } from "~/db.server";
import { recordAudit, type Actor } from "~/modules/audit/audit.server";
import { fullName } from "~/modules/people/people.server";
import { formatUkDate } from "~/utils/dates";
import type { FieldErrors } from "~/utils/form";
import { asNumber, readRows } from "~/utils/sql-read.server";
import type { z } from "zod";
import { describePattern, WEEKDAY_NAMES, type WeekdayCode } from "./recurrence";
import { NATIONS, type Nation } from "./nations";
import { toPattern } from "./rota.server";
import type { closureSchema, extraDateSchema, preferencesSchema, SessionInput, unavailabilitySchema } from "./validation";

export async function saveSession(actor: Actor, sessionId: string | null, input: SessionInput): Promise<{ id: string }> {
  const data = { ...input, weekdays: input.weekdays.join(","), weekOfMonth: input.frequency === "monthly" ? input.weekOfMonth : null };
  const existing = sessionId ? await prisma.contactSession.findFirst({ where: { id: sessionId, centreId: actor.centreId } }) : null;
  if (sessionId && !existing) throw new Response("Session not found", { status: 404 });
  return prisma.$transaction(async (tx) => {
    const session = existing
      ? await tx.contactSession.update({ where: { id: existing.id }, data })
      : await tx.contactSession.create({ data: { ...data, centreId: actor.centreId } });
    const describe = (s: typeof session) =>
      `${describePattern(toPattern(s))}; needs ${s.coordinatorsNeeded} co-ordinator(s), ${s.staffNeeded} staff, ${s.volunteersNeeded} volunteer(s)`;
    await recordAudit(tx, actor, {
      entityType: "ContactSession", entityId: session.id, action: existing ? "updated" : "created",
      summary: `${existing ? "Changed" : "Added"} the session ${session.name}`,
      changes: [{ field: "Pattern", from: existing ? describe(existing) : "", to: describe(session) }],
    });
    return { id: session.id };
  });
}

export async function setSessionRetired(actor: Actor, sessionId: string, retired: boolean) {
  const session = await prisma.contactSession.findFirst({ where: { id: sessionId, centreId: actor.centreId } });
  if (!session) throw new Response("Session not found", { status: 404 });
  await prisma.$transaction(async (tx) => {
    await tx.contactSession.update({ where: { id: sessionId }, data: { retired } });
    await recordAudit(tx, actor, { entityType: "ContactSession", entityId: sessionId, action: "updated", summary: `${retired ? "Stopped" : "Restarted"} the session ${session.name}` });
  });
}

export async function addClosure(actor: Actor, input: z.output<ReturnType<typeof closureSchema>>): Promise<FieldErrors> {
  if (input.sessionId && !(await prisma.contactSession.findFirst({ where: { id: input.sessionId, centreId: actor.centreId } }))) {
    return { sessionId: "Choose a session of this centre" };
  }
  const same = await prisma.closure.findFirst({ where: { centreId: actor.centreId, date: input.date, sessionId: input.sessionId } });
  if (same) return { date: `${input.sessionId ? "That session is" : "The centre is"} already closed on ${formatUkDate(input.date)} (${same.reason})` };
  await prisma.$transaction(async (tx) => {
    const closure = await tx.closure.create({ data: { ...input, centreId: actor.centreId } });
    await recordAudit(tx, actor, { entityType: "Closure", entityId: closure.id, action: "created", summary: `Closed on ${formatUkDate(input.date)}: ${input.reason}` });
  });
  return {};
}

export async function removeClosure(actor: Actor, closureId: string) {
  const closure = await prisma.closure.findFirst({ where: { id: closureId, centreId: actor.centreId } });
  if (!closure) throw new Response("Closure not found", { status: 404 });
  await prisma.$transaction(async (tx) => {
    await tx.closure.delete({ where: { id: closureId } });
    await recordAudit(tx, actor, { entityType: "Closure", entityId: closureId, action: "deleted", summary: `Reopened on ${formatUkDate(closure.date)} (was: ${closure.reason})` });
  });
}

export async function addExtraDate(actor: Actor, sessionId: string, input: z.output<ReturnType<typeof extraDateSchema>>) {
  const session = await prisma.contactSession.findFirst({ where: { id: sessionId, centreId: actor.centreId } });
  if (!session) throw new Response("Session not found", { status: 404 });
  await prisma.$transaction(async (tx) => {
    const extra = await tx.extraSessionDate.create({ data: { sessionId, ...input } });
    await recordAudit(tx, actor, { entityType: "ExtraSessionDate", entityId: extra.id, action: "created", summary: `Added an extra ${session.name} on ${formatUkDate(input.date)}` });
  });
}

export function listClosures(centreId: string, from: string) {
  return prisma.closure.findMany({ where: { centreId, date: { gte: from } }, orderBy: { date: "asc" }, include: { session: { select: { name: true } } } });
}

/** Availability: the person themselves, or a co-ordinator on their behalf. */
export async function addUnavailability(actor: Actor, personId: string, input: z.output<ReturnType<typeof unavailabilitySchema>>) {
  const person = await prisma.person.findFirst({ where: { id: personId, centreId: actor.centreId } });
  if (!person) throw new Response("Person not found", { status: 404 });
  await prisma.$transaction(async (tx) => {
    const row = await tx.unavailability.create({ data: { personId, ...input } });
    await recordAudit(tx, actor, {
      entityType: "Unavailability", entityId: row.id, personId, action: "created",
      summary: `${fullName(person)} cannot do ${input.startsOn === input.endsOn ? formatUkDate(input.startsOn) : `${formatUkDate(input.startsOn)} to ${formatUkDate(input.endsOn)}`}`,
    });
  });
}

export async function removeUnavailability(actor: Actor, personId: string, id: string) {
  const row = await prisma.unavailability.findFirst({ where: { id, personId, person: { centreId: actor.centreId } } });
  if (!row) throw new Response("Not found", { status: 404 });
  await prisma.$transaction(async (tx) => {
    await tx.unavailability.delete({ where: { id } });
    await recordAudit(tx, actor, { entityType: "Unavailability", entityId: id, personId, action: "deleted", summary: `Removed unavailable dates ${formatUkDate(row.startsOn)} to ${formatUkDate(row.endsOn)}` });
  });
}

export async function setPreferences(actor: Actor, personId: string, input: z.output<typeof preferencesSchema>) {
  const person = await prisma.person.findFirst({ where: { id: personId, centreId: actor.centreId } });
  if (!person) throw new Response("Person not found", { status: 404 });
  await prisma.$transaction(async (tx) => {
    await tx.person.update({ where: { id: personId }, data: { serveEveryWeeks: input.serveEveryWeeks, preferredDays: input.preferredDays.join(",") } });
    await recordAudit(tx, actor, {
      entityType: "Person", entityId: personId, personId, action: "updated", summary: `Changed ${fullName(person)}'s rota preferences`,
      changes: [
        { field: "Serve at most every", from: person.serveEveryWeeks ? `${person.serveEveryWeeks} weeks` : "centre default", to: input.serveEveryWeeks ? `${input.serveEveryWeeks} weeks` : "centre default" },
        { field: "Preferred days", from: person.preferredDays || "(any)", to: input.preferredDays.join(",") || "(any)" },
      ].filter((c) => c.from !== c.to),
    });
  });
}

export function availabilityOf(personId: string) {
  return prisma.person.findUniqueOrThrow({
    where: { id: personId },
    select: { id: true, firstName: true, lastName: true, serveEveryWeeks: true, preferredDays: true, centre: { select: { serveEveryWeeks: true } }, unavailability: { orderBy: { startsOn: "asc" } } },
  });
}

/** How many sessions (not retired) and teams the centre has set up: the Rotas page says what to set up first. */
export async function setupCounts(centreId: string) {
  const [counts] = await readRows<{ sessions: unknown; teams: unknown }>(
    prisma,
    "SELECT (SELECT COUNT(*) FROM ContactSession WHERE centreId = ? AND retired = 0) AS sessions, (SELECT COUNT(*) FROM Team WHERE centreId = ?) AS teams",
    centreId, centreId,
  );
  return { sessions: asNumber(counts.sessions)!, teams: asNumber(counts.teams)! };
}

export function listTeams(centreId: string) {
  return prisma.team.findMany({
    where: { centreId }, orderBy: [{ sortOrder: "asc" }, { name: "asc" }],
    include: { members: { include: { person: { select: { id: true, firstName: true, lastName: true } } } } },
  });
}

export async function addTeam(actor: Actor, name: string): Promise<FieldErrors> {
  if (await prisma.team.findFirst({ where: { centreId: actor.centreId, name } })) return { name: `There is already a team called “${name}”` };
  const count = await prisma.team.count({ where: { centreId: actor.centreId } });
  await prisma.$transaction(async (tx) => {
    const team = await tx.team.create({ data: { centreId: actor.centreId, name, sortOrder: count } });
    await recordAudit(tx, actor, { entityType: "Team", entityId: team.id, action: "created", summary: `Added ${name}` });
  });
  return {};
}

export async function setTeamMember(actor: Actor, teamId: string, personId: string, member: boolean) {
  const [team, person] = await Promise.all([
    prisma.team.findFirst({ where: { id: teamId, centreId: actor.centreId } }),
    prisma.person.findFirst({ where: { id: personId, centreId: actor.centreId } }),
  ]);
  if (!team || !person) throw new Response("Not found", { status: 404 });
  await prisma.$transaction(async (tx) => {
    if (member) await tx.teamMember.upsert({ where: { teamId_personId: { teamId, personId } }, create: { teamId, personId }, update: {} });
    else await tx.teamMember.deleteMany({ where: { teamId, personId } });
    await recordAudit(tx, actor, { entityType: "Team", entityId: teamId, personId, action: "updated", summary: `${member ? "Added" : "Removed"} ${fullName(person)} ${member ? "to" : "from"} ${team.name}` });
  });
}

/** The centre's rota, reminder and sign-in settings, each change audited with its before and after. */
const CENTRE_SETTINGS = {
  serveEveryWeeks: { summary: "Changed how often people serve by default", field: "Serve at most every", show: (v: CentreSettingValue) => `${v} weeks` },
  reminderLeadDays: { summary: "Changed when reminder emails go out", field: "Days before", show: (v: CentreSettingValue) => String(v) },
  summaryWeekday: { summary: "Changed the day weekly summaries and digests go out", field: "Weekly summary day", show: (v: CentreSettingValue) => WEEKDAY_NAMES[v as WeekdayCode] ?? String(v) },
  nation: { summary: "Changed whose bank holidays the rota skips", field: "Bank holidays", show: (v: CentreSettingValue) => NATIONS[v as Nation] ?? String(v) },
  requireTwoFactor: { summary: "Changed whether co-ordinators and assessors must use two-factor sign-in", field: "Two-factor sign-in required", show: (v: CentreSettingValue) => (v ? "Yes" : "No") },
  openShiftTaking: { summary: "Changed whether open places volunteers take need a co-ordinator's yes", field: "Open places taken", show: (v: CentreSettingValue) => (v === "approval" ? "after a co-ordinator's yes" : "at once") },
  swapCutoffHours: { summary: "Changed when swap requests close", field: "Swaps close before a shift", show: (v: CentreSettingValue) => `${v} hours` },
  leaverRetentionYears: { summary: "Changed how long leavers' records are kept", field: "Leavers' records kept for", show: (v: CentreSettingValue) => `${v} years after their last day` },
  sensitiveEmailDays: { summary: "Changed how long sent digests keep their content", field: "Digest content kept for", show: (v: CentreSettingValue) => `${v} days after sending` },
} as const;

type CentreSettingValue = number | string | boolean;
type CentreSettings = { serveEveryWeeks: number; reminderLeadDays: string; summaryWeekday: string; nation: string; requireTwoFactor: boolean; openShiftTaking: string; swapCutoffHours: number; leaverRetentionYears: number; sensitiveEmailDays: number };

export async function setCentreSetting<K extends keyof typeof CENTRE_SETTINGS>(actor: Actor, key: K, value: CentreSettings[K]) {
  const centre: CentreSettings = await prisma.centre.findUniqueOrThrow({
    where: { id: actor.centreId }, select: { serveEveryWeeks: true, reminderLeadDays: true, summaryWeekday: true, nation: true, requireTwoFactor: true, openShiftTaking: true, swapCutoffHours: true, leaverRetentionYears: true, sensitiveEmailDays: true },
  });
  if (centre[key] === value) return;
  const spec = CENTRE_SETTINGS[key];
  await prisma.$transaction(async (tx) => {
    await tx.centre.update({ where: { id: actor.centreId }, data: { [key]: value } });
    await recordAudit(tx, actor, {
      entityType: "Centre", entityId: actor.centreId, action: "updated", summary: spec.summary,
      changes: [{ field: spec.field, from: spec.show(centre[key]), to: spec.show(value) }],
    });
  });
}
