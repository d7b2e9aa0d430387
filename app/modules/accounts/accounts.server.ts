/**
 * Sign-ins: inviting people who work at the centre, adding assessors with an end date,
 * one-time links to set a password, and removing access. Every change is audited.
 */
import { prisma } from "~/db.server";
import { recordAudit, type Actor } from "~/modules/audit/audit.server";
import { ACCESS_ROLE_LABELS, isAccessRole, type AccessRole } from "~/modules/auth/permissions";
import { hashPassword, hashToken, newToken } from "~/modules/auth/password.server";
import { fullName } from "~/modules/people/people.server";
import { formatUkDate, type IsoDate } from "~/utils/dates";
import type { FieldErrors } from "~/utils/form";
import { clock } from "~/utils/clock.server";

export const LINK_VALID_DAYS = 7;

/** `invitation`: they have never set a password, so the email welcomes them rather than resets. */
export type LinkResult = { ok: true; userId: string; token: string; name: string; invitation: boolean } | { ok: false; errors: FieldErrors };

export function listSignIns(centreId: string) {
  return prisma.user.findMany({
    where: { centreId },
    orderBy: [{ disabledAt: "asc" }, { accessRole: "asc" }, { name: "asc" }],
    select: {
      id: true, name: true, email: true, accessRole: true, accessEndsOn: true, disabledAt: true,
      passwordHash: true, lastSignInAt: true, personId: true,
    },
  });
}

async function issueLink(tx: Tx, userId: string, now: Date) {
  const { token, tokenHash } = newToken();
  // Only the newest link works: older unused ones are spent.
  await tx.passwordToken.updateMany({ where: { userId, usedAt: null }, data: { usedAt: now } });
  await tx.passwordToken.create({
    data: { userId, tokenHash, expiresAt: new Date(now.getTime() + LINK_VALID_DAYS * 24 * 60 * 60 * 1000) },
  });
  return token;
}

type Tx = Parameters<Parameters<typeof prisma.$transaction>[0]>[0];

async function emailInUse(email: string, exceptUserId?: string) {
  const other = await prisma.user.findUnique({ where: { email }, select: { id: true, name: true } });
  return other && other.id !== exceptUserId ? other : null;
}

/** Give a person who works at the centre a sign-in (or a fresh link if they have one). */
export async function invitePerson(actor: Actor, personId: string, accessRole: AccessRole, now = clock.now()): Promise<LinkResult> {
  const person = await prisma.person.findFirst({ where: { id: personId, centreId: actor.centreId }, include: { user: true } });
  if (!person) throw new Response("Person not found", { status: 404 });
  if (accessRole === "assessor") return { ok: false, errors: { accessRole: "Assessors are added on the Sign-ins page, not from a person's record" } };
  if (person.status === "left") return { ok: false, errors: { accessRole: `${fullName(person)} has left, so cannot be given a sign-in` } };
  if (!person.email) return { ok: false, errors: { accessRole: `Add an email address for ${fullName(person)} first: it is what they sign in with` } };
  const clash = await emailInUse(person.email, person.user?.id);
  if (clash) return { ok: false, errors: { accessRole: `The email ${person.email} already signs in as ${clash.name}` } };

  const result = await prisma.$transaction(async (tx) => {
    const user = person.user
      ? await tx.user.update({
          where: { id: person.user.id },
          data: { email: person.email!, name: fullName(person), accessRole, disabledAt: null, sessionVersion: { increment: 1 } },
        })
      : await tx.user.create({
          data: { centreId: actor.centreId, personId, email: person.email!, name: fullName(person), accessRole },
        });
    const token = await issueLink(tx, user.id, now);
    await recordAudit(tx, actor, {
      entityType: "User",
      entityId: user.id,
      personId,
      action: person.user ? "link-issued" : "invited",
      summary: `${person.user ? "Issued a new sign-in link for" : "Invited"} ${fullName(person)} (${ACCESS_ROLE_LABELS[accessRole]})`,
      changes: person.user?.accessRole !== accessRole
        ? [{ field: "Access", from: person.user ? ACCESS_ROLE_LABELS[person.user.accessRole as AccessRole] ?? person.user.accessRole : "(none)", to: ACCESS_ROLE_LABELS[accessRole] }]
        : [],
    });
    return { userId: user.id, token };
  });
  return { ok: true, ...result, name: fullName(person), invitation: !person.user?.passwordHash };
}

export async function addAssessor(
  actor: Actor,
  input: { name: string; email: string; accessEndsOn: IsoDate },
  now = clock.now(),
): Promise<LinkResult> {
  const clash = await emailInUse(input.email);
  if (clash) return { ok: false, errors: { email: `This email already signs in as ${clash.name}` } };
  const result = await prisma.$transaction(async (tx) => {
    const user = await tx.user.create({
      data: { centreId: actor.centreId, email: input.email, name: input.name, accessRole: "assessor", accessEndsOn: input.accessEndsOn },
    });
    const token = await issueLink(tx, user.id, now);
    await recordAudit(tx, actor, {
      entityType: "User",
      entityId: user.id,
      action: "invited",
      summary: `Added assessor ${input.name}, with read-only access until ${formatUkDate(input.accessEndsOn)}`,
      changes: [{ field: "Access until", from: "(none)", to: formatUkDate(input.accessEndsOn) }],
    });
    return { userId: user.id, token };
  });
  return { ok: true, ...result, name: input.name, invitation: true };
}

async function findCentreUser(actor: Actor, userId: string) {
  const user = await prisma.user.findFirst({ where: { id: userId, centreId: actor.centreId } });
  if (!user) throw new Response("Sign-in not found", { status: 404 });
  return user;
}

export async function setAssessorEnd(actor: Actor, userId: string, accessEndsOn: IsoDate) {
  const user = await findCentreUser(actor, userId);
  if (user.accessRole !== "assessor") throw new Response("Only assessors' access has an end date", { status: 400 });
  await prisma.$transaction(async (tx) => {
    await tx.user.update({ where: { id: userId }, data: { accessEndsOn } });
    await recordAudit(tx, actor, {
      entityType: "User", entityId: userId, action: "updated",
      summary: `Changed ${user.name}'s assessor access`,
      changes: [{ field: "Access until", from: formatUkDate(user.accessEndsOn) || "(blank)", to: formatUkDate(accessEndsOn) }],
    });
  });
}

export async function newLinkFor(actor: Actor, userId: string, now = clock.now()): Promise<LinkResult> {
  const user = await findCentreUser(actor, userId);
  if (user.disabledAt) return { ok: false, errors: { form: `${user.name}'s sign-in is turned off: give them access again first` } };
  const token = await prisma.$transaction(async (tx) => {
    const token = await issueLink(tx, userId, now);
    await recordAudit(tx, actor, { entityType: "User", entityId: userId, personId: user.personId, action: "link-issued", summary: `Issued a new sign-in link for ${user.name}` });
    return token;
  });
  return { ok: true, userId, token, name: user.name, invitation: !user.passwordHash };
}

export async function removeAccess(actor: Actor, userId: string) {
  const user = await findCentreUser(actor, userId);
  if (user.id === actor.id) return { ok: false as const, errors: { form: "You cannot remove your own sign-in" } };
  await prisma.$transaction(async (tx) => {
    await tx.user.update({ where: { id: userId }, data: { disabledAt: clock.now(), sessionVersion: { increment: 1 } } });
    await tx.passwordToken.updateMany({ where: { userId, usedAt: null }, data: { usedAt: clock.now() } });
    await recordAudit(tx, actor, { entityType: "User", entityId: userId, personId: user.personId, action: "access-removed", summary: `Removed ${user.name}'s sign-in` });
  });
  return { ok: true as const };
}

export async function findValidToken(token: string, now = clock.now()) {
  const found = await prisma.passwordToken.findUnique({ where: { tokenHash: hashToken(token) }, include: { user: true } });
  if (!found || found.usedAt || found.expiresAt < now || found.user.disabledAt) return null;
  return found;
}

/** Set a password from a one-time link; ends any other sessions of that user. */
export async function redeemToken(token: string, password: string, now = clock.now()) {
  const found = await findValidToken(token, now);
  if (!found) return null;
  const passwordHash = await hashPassword(password);
  return prisma.$transaction(async (tx) => {
    await tx.passwordToken.update({ where: { id: found.id }, data: { usedAt: now } });
    return tx.user.update({
      where: { id: found.userId },
      data: { passwordHash, failedSignIns: 0, lastFailedSignInAt: null, lastSignInAt: now, sessionVersion: { increment: 1 } },
    });
  });
}

export function accessLabel(accessRole: string) {
  return isAccessRole(accessRole) ? ACCESS_ROLE_LABELS[accessRole] : accessRole;
}

/** At most one self-service reset email per account in this period, so the form cannot be used to flood anyone. */
export const RESET_THROTTLE_MS = 15 * 60 * 1000;

/**
 * "Forgotten your password?": a new link for an account with that email, if there is one that
 * may sign in. Returns the new token, or null; the page says the same thing either way so it
 * never reveals who has an account.
 */
export async function requestPasswordReset(email: string, now = clock.now()): Promise<{ userId: string; token: string } | null> {
  const user = await prisma.user.findUnique({ where: { email: email.trim().toLowerCase() } });
  if (!user || user.disabledAt) return null;
  if (user.accessRole === "assessor" && (!user.accessEndsOn || user.accessEndsOn < now.toISOString().slice(0, 10))) return null;
  const recent = await prisma.passwordToken.findFirst({ where: { userId: user.id, createdAt: { gt: new Date(now.getTime() - RESET_THROTTLE_MS) } } });
  if (recent) return null;
  const result = await newLinkFor({ id: user.id, name: user.name, centreId: user.centreId }, user.id, now);
  return result.ok ? { userId: result.userId, token: result.token } : null;
}
