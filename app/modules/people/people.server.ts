/** Reading and changing people's records; every change is written to the audit log. */
import { prisma } from "~/db.server";
import { PAGE_SIZE, pageInfo } from "~/utils/pages";
import { recordAudit, type Actor } from "~/modules/audit/audit.server";
import { diffRecords, type FieldSpec } from "~/modules/audit/diff";
import { addDaysIso, formatUkDate, type IsoDate } from "~/utils/dates";
import type { FieldErrors } from "~/utils/form";
import { STATUS_LABELS, isRole, isStatus, roleList } from "./constants";
import { currentRoles, planRoleChanges } from "./roles";
import { effectiveOnFor, initialStatusChanges } from "./status";
import { withdrawPlacements, type OpenedShift, type WithdrawReason } from "~/modules/rota/rota.server";
import type { PersonInput } from "./validation";
import { clock } from "~/utils/clock.server";
import type { SqlValue } from "~/utils/insert-rows.server";
import { rowsByPerson } from "~/utils/rows-by-person";
import { readRecords, readRows } from "~/utils/sql-read.server";

export type PeopleFilters = { q?: string; role?: string; status?: string };

/** "current" (the default) means everyone who has not left. */
export const STATUS_FILTERS = ["current", "all", "applicant", "active", "paused", "left"] as const;

/** A search term as a LIKE pattern that matches it anywhere, its own % and _ taken literally. */
const containing = (term: string) => `%${term.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;

/** The people matching the filters, as a condition on Person and its parameters. */
function listedWhere(centreId: string, filters: PeopleFilters): [string, ...SqlValue[]] {
  const conditions = ["centreId = ?"];
  const params: SqlValue[] = [centreId];
  const status = filters.status && (STATUS_FILTERS as readonly string[]).includes(filters.status) ? filters.status : "current";
  if (status === "current") conditions.push("status <> 'left'");
  else if (status !== "all") {
    conditions.push("status = ?");
    params.push(status);
  }
  if (filters.role && isRole(filters.role)) {
    conditions.push("EXISTS (SELECT 1 FROM PersonRole r WHERE r.personId = Person.id AND r.role = ? AND r.endedOn IS NULL)");
    params.push(filters.role);
  }
  // Every word somewhere in the first name, last name or email; LIKE ignores case (in English letters).
  for (const term of (filters.q ?? "").trim().split(/\s+/).filter(Boolean).slice(0, 5)) {
    conditions.push("(firstName LIKE ? ESCAPE '\\' OR lastName LIKE ? ESCAPE '\\' OR email LIKE ? ESCAPE '\\')");
    const pattern = containing(term);
    params.push(pattern, pattern, pattern);
  }
  return [conditions.join(" AND "), ...params];
}

/**
 * One page of the people matching the filters, and how many match in all: prepared SQL, as the
 * People page asks on every load (three Prisma queries cost about 3 ms).
 */
export async function listPeople(centreId: string, filters: PeopleFilters, page = 1) {
  const [where, ...params] = listedWhere(centreId, filters);
  const [{ total }] = await readRows<{ total: number }>(prisma, `SELECT COUNT(*) AS total FROM Person WHERE ${where}`, ...params);
  const { skip, ...info } = pageInfo(total, page);
  const rows = await readRecords("Person", `${where} ORDER BY lastName, firstName, id LIMIT ? OFFSET ?`, ...params, PAGE_SIZE, skip);
  const rolesOf = rowsByPerson(await readRecords("PersonRole", "personId IN (SELECT value FROM json_each(?)) AND endedOn IS NULL ORDER BY role", JSON.stringify(rows.map((r) => r.id))));
  return { people: rows.map((row) => ({ ...row, roles: rolesOf(row.id) })), page: info };
}

export async function getPerson(centreId: string, personId: string) {
  // Prepared reads: a person's page and its edit page load this every time.
  const [person] = await readRecords("Person", "id = ? AND centreId = ?", personId, centreId);
  if (!person) return null;
  const [roles, [user]] = await Promise.all([
    readRecords("PersonRole", "personId = ? ORDER BY startedOn, role", personId),
    readRecords("User", "personId = ?", personId),
  ]);
  // Of the sign-in, only what the pages show: never its two-factor secret or tokens.
  const signIn = user && { id: user.id, email: user.email, accessRole: user.accessRole, disabledAt: user.disabledAt, passwordHash: user.passwordHash, lastSignInAt: user.lastSignInAt };
  return { ...person, roles, user: signIn ?? null };
}

/** A person whose personal data was removed is kept for counts only: no change may bring data back. */
export function refuseIfRemoved(person: { anonymisedAt: Date | null }) {
  if (person.anonymisedAt) throw new Response("This person's personal data was removed when their retention period ended; their record can no longer be changed.", { status: 409 });
}

export function fullName(person: { firstName: string; lastName: string }) {
  return `${person.firstName} ${person.lastName}`;
}

type PersonSnapshot = {
  firstName: string;
  lastName: string;
  email: string | null;
  phone: string | null;
  roles: string[];
  status: string;
  startedOn: IsoDate | null;
  leftOn: IsoDate | null;
  usesCentreForOwnFamily: boolean;
  conflictNote: string | null;
};

const PERSON_FIELDS: { [K in keyof PersonSnapshot]: FieldSpec<PersonSnapshot> } = {
  firstName: { label: "First name" },
  lastName: { label: "Last name" },
  email: { label: "Email" },
  phone: { label: "Phone" },
  roles: { label: "Roles", show: (roles) => roleList([...(roles as string[])].sort()) || "(none)" },
  status: { label: "Status", show: (status) => (isStatus(String(status)) ? STATUS_LABELS[status as keyof typeof STATUS_LABELS] : String(status)) },
  startedOn: { label: "Start date", show: (date) => formatUkDate(date as string) },
  leftOn: { label: "Leaving date", show: (date) => formatUkDate(date as string) },
  usesCentreForOwnFamily: { label: "Uses the centre for own family (conflict of interest)" },
  conflictNote: { label: "Conflict of interest note" },
};

async function emailTaken(centreId: string, email: string | null, exceptPersonId?: string): Promise<FieldErrors> {
  if (!email) return {};
  const other = await prisma.person.findFirst({
    where: { centreId, email, ...(exceptPersonId ? { id: { not: exceptPersonId } } : {}) },
    select: { firstName: true, lastName: true },
  });
  return other ? { email: `${fullName(other)} already uses this email address: each person needs their own` } : {};
}

/** `opened`: shifts they were taken off (left, paused, conflict of interest), which now have a gap. */
export type SaveResult = { ok: true; personId: string; opened: OpenedShift[] } | { ok: false; errors: FieldErrors };

export async function createPerson(actor: Actor, input: PersonInput, today: IsoDate): Promise<SaveResult> {
  const errors = await emailTaken(actor.centreId, input.email);
  if (Object.keys(errors).length) return { ok: false, errors };

  const rolesFrom = input.startedOn ?? today;
  const person = await prisma.$transaction(async (tx) => {
    const created = await tx.person.create({
      data: {
        centreId: actor.centreId,
        ...personColumns(input),
        roles: { create: input.roles.map((role) => ({ role, startedOn: rolesFrom })) },
        statusChanges: { create: initialStatusChanges(input, today) },
      },
    });
    await recordAudit(tx, actor, {
      entityType: "Person",
      entityId: created.id,
      personId: created.id,
      action: "created",
      summary: `Added ${fullName(created)}`,
      changes: diffRecords<PersonSnapshot>(null, snapshot(input, input.roles), PERSON_FIELDS),
    });
    return created;
  });
  return { ok: true, personId: person.id, opened: [] };
}

export async function updatePerson(actor: Actor, personId: string, input: PersonInput, today: IsoDate): Promise<SaveResult> {
  const existing = await prisma.person.findFirst({ where: { id: personId, centreId: actor.centreId }, include: { roles: true } });
  if (!existing) throw new Response("Person not found", { status: 404 });
  refuseIfRemoved(existing);
  const errors = await emailTaken(actor.centreId, input.email, personId);
  if (Object.keys(errors).length) return { ok: false, errors };

  const effectiveOn = input.rolesChangeOn ?? today;
  const plan = planRoleChanges(existing.roles, input.roles, effectiveOn);
  const before = snapshot(existing, currentRoles(existing.roles));
  const changes = diffRecords<PersonSnapshot>(before, snapshot(input, input.roles), PERSON_FIELDS);
  const roleChanged = plan.create.length + plan.close.length + plan.remove.length > 0;
  if (roleChanged) changes.push({ field: "Role changes take effect", from: "", to: formatUkDate(effectiveOn) });

  const opened = await prisma.$transaction(async (tx) => {
    await tx.person.update({ where: { id: personId }, data: personColumns(input) });
    for (const { role, startedOn } of plan.create) await tx.personRole.create({ data: { personId, role, startedOn } });
    for (const { id, endedOn } of plan.close) await tx.personRole.update({ where: { id }, data: { endedOn } });
    for (const { id } of plan.remove) await tx.personRole.delete({ where: { id } });
    if (input.status !== existing.status || (input.status === "left" && input.leftOn !== existing.leftOn)) {
      await tx.personStatusChange.create({ data: { personId, status: input.status, effectiveOn: effectiveOnFor(input.status, input.leftOn, today) } });
    }
    if (input.status === "left") await endSignIn(tx, personId);
    const withdrawals: [WithdrawReason, IsoDate][] = [];
    if (input.status === "left" && existing.status !== "left") withdrawals.push(["left", firstDayAfter(input.leftOn, today)]);
    if (input.status === "paused" && existing.status !== "paused") withdrawals.push(["paused", today]);
    if (input.usesCentreForOwnFamily && !existing.usesCentreForOwnFamily) withdrawals.push(["conflict", today]);
    const opened: OpenedShift[] = [];
    for (const [reason, from] of withdrawals) opened.push(...(await withdrawPlacements(tx, actor, existing, reason, from)));
    if (changes.length) {
      await recordAudit(tx, actor, {
        entityType: "Person",
        entityId: personId,
        personId,
        action: input.status === "left" && existing.status !== "left" ? "left" : "updated",
        summary: `Updated ${fullName(input)}`,
        changes,
      });
    }
    return opened;
  });
  return { ok: true, personId, opened };
}

/** Shifts from the day after their last day are withdrawn, and never ones already past. */
function firstDayAfter(leftOn: IsoDate | null, today: IsoDate) {
  const after = leftOn ? addDaysIso(leftOn, 1) : today;
  return after > today ? after : today;
}

/** Marking someone as left keeps their whole record and history; it only ends their sign-in. */
export async function markLeft(actor: Actor, personId: string, leftOn: IsoDate, today: IsoDate): Promise<SaveResult> {
  const existing = await prisma.person.findFirst({ where: { id: personId, centreId: actor.centreId } });
  if (!existing) throw new Response("Person not found", { status: 404 });
  refuseIfRemoved(existing);
  if (existing.startedOn && leftOn < existing.startedOn) {
    return { ok: false, errors: { leftOn: `The leaving date must be on or after their start date (${formatUkDate(existing.startedOn)})` } };
  }
  const opened = await prisma.$transaction(async (tx) => {
    await tx.person.update({ where: { id: personId }, data: { status: "left", leftOn } });
    await tx.personStatusChange.create({ data: { personId, status: "left", effectiveOn: effectiveOnFor("left", leftOn, today) } });
    await endSignIn(tx, personId);
    await recordAudit(tx, actor, {
      entityType: "Person",
      entityId: personId,
      personId,
      action: "left",
      summary: `Marked ${fullName(existing)} as left`,
      changes: [
        { field: "Status", from: STATUS_LABELS[existing.status as keyof typeof STATUS_LABELS] ?? existing.status, to: "Left" },
        { field: "Leaving date", from: formatUkDate(existing.leftOn) || "(blank)", to: formatUkDate(leftOn) },
      ],
    });
    return withdrawPlacements(tx, actor, existing, "left", firstDayAfter(leftOn, today));
  });
  return { ok: true, personId, opened };
}

type Tx = Parameters<Parameters<typeof prisma.$transaction>[0]>[0];

async function endSignIn(tx: Tx, personId: string) {
  await tx.user.updateMany({ where: { personId, disabledAt: null }, data: { disabledAt: clock.now() } });
  await tx.userSession.deleteMany({ where: { user: { personId } } });
}

function personColumns(input: PersonInput) {
  return {
    firstName: input.firstName,
    lastName: input.lastName,
    email: input.email,
    phone: input.phone,
    status: input.status,
    startedOn: input.startedOn,
    leftOn: input.status === "left" ? input.leftOn : null,
    usesCentreForOwnFamily: input.usesCentreForOwnFamily,
    conflictNote: input.usesCentreForOwnFamily ? input.conflictNote : null,
  };
}

function snapshot(source: Omit<PersonSnapshot, "roles">, roles: string[]): PersonSnapshot {
  return {
    firstName: source.firstName,
    lastName: source.lastName,
    email: source.email,
    phone: source.phone,
    roles,
    status: source.status,
    startedOn: source.startedOn,
    leftOn: source.status === "left" ? source.leftOn : null,
    usesCentreForOwnFamily: source.usesCentreForOwnFamily,
    conflictNote: source.usesCentreForOwnFamily ? source.conflictNote : null,
  };
}
