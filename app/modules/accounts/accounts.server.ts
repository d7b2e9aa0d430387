/**
 * Sign-ins: inviting people who work at the centre, adding assessors with an end date, one-time
 * links to set a password, resets, and removing access. Every change is audited, under the name of
 * whoever made it (an anonymous "forgotten password" request is recorded as such).
 *
 * A one-time link is emailed to the account holder, made when the email is sent (./email), so no
 * live link sits anywhere a co-ordinator can read. Only when no mail server is configured can a
 * co-ordinator see an invitation link, to hand over themselves; for an account that already has a
 * password they reset the sign-in instead, which the holder will notice.
 */
import { prisma } from "~/db.server";
import { recordAudit, type Actor } from "~/modules/audit/audit.server";
import { ACCESS_ROLE_LABELS, isAccessRole, type AccessRole } from "~/modules/auth/permissions";
import { hashPassword, hashToken, newToken } from "~/modules/auth/password.server";
import type { Db } from "~/modules/compliance/compliance.server";
import { fullName } from "~/modules/people/people.server";
import { formatUkDate, londonToday, type IsoDate } from "~/utils/dates";
import type { FieldErrors } from "~/utils/form";
import { clock } from "~/utils/clock.server";
import { queueSignInLink } from "~/modules/email/notices.server";
import { smtpConfigured } from "~/modules/email/outbox.server";
import { appLink } from "~/env.server";

import { LINK_VALID_DAYS } from "./constants";

export { LINK_VALID_DAYS };

/**
 * What happened to a new link: emailed to them, or (no mail server) shown to the co-ordinator to
 * hand over. `invitation`: they have never set a password.
 */
export type LinkResult =
  | { ok: true; userId: string; name: string; email: string; invitation: boolean; emailed: boolean; handOver: string | null }
  | { ok: false; errors: FieldErrors };

/** Every sign-in of the centre, except those of people whose personal data was removed (nothing is left to manage). */
export function listSignIns(centreId: string) {
  return prisma.user.findMany({
    where: { centreId, OR: [{ personId: null }, { person: { anonymisedAt: null } }] },
    orderBy: [{ disabledAt: "asc" }, { accessRole: "asc" }, { name: "asc" }],
    select: {
      id: true, name: true, email: true, accessRole: true, accessEndsOn: true, disabledAt: true,
      passwordHash: true, lastSignInAt: true, personId: true, totpEnabledAt: true,
      _count: { select: { sessions: { where: { awaitingSecondFactor: false, expiresAt: { gt: clock.now() } } } } },
    },
  });
}

/** A fresh one-time link for a user: only the newest works, so any older unused ones are spent. */
export async function mintSignInToken(db: Db, userId: string, now: Date) {
  const { token, tokenHash } = newToken();
  await db.passwordToken.updateMany({ where: { userId, usedAt: null }, data: { usedAt: now } });
  await db.passwordToken.create({ data: { userId, tokenHash, createdAt: now, expiresAt: new Date(now.getTime() + LINK_VALID_DAYS * 24 * 60 * 60 * 1000) } });
  return token;
}

async function emailInUse(email: string, exceptUserId?: string) {
  const other = await prisma.user.findUnique({ where: { email }, select: { id: true, name: true } });
  return other && other.id !== exceptUserId ? other : null;
}

/**
 * Send a link for this user: by email when a mail server is configured; otherwise, for an
 * invitation only, a link for the co-ordinator to hand over.
 */
async function sendLink(tx: Db, user: { id: string; passwordHash: string | null }, now: Date): Promise<{ emailed: boolean; handOver: string | null }> {
  if (smtpConfigured()) {
    await queueSignInLink(user.id, tx);
    return { emailed: true, handOver: null };
  }
  if (user.passwordHash) return { emailed: false, handOver: null };
  return { emailed: false, handOver: appLink(`/set-password/${await mintSignInToken(tx, user.id, now)}`) };
}

const NO_MAIL_FOR_RESET = "No mail server is configured, so a new link cannot be emailed to them. To let them in, reset their sign-in: their password stops working and you get a link to hand them.";

/** Give a person who works at the centre a sign-in (or a fresh link if they have one). */
export async function invitePerson(actor: Actor, personId: string, accessRole: AccessRole, now = clock.now()): Promise<LinkResult> {
  const person = await prisma.person.findFirst({ where: { id: personId, centreId: actor.centreId }, include: { user: true } });
  if (!person) throw new Response("Person not found", { status: 404 });
  if (accessRole === "assessor") return { ok: false, errors: { accessRole: "Assessors are added on the Sign-ins page, not from a person's record" } };
  if (person.status === "left") return { ok: false, errors: { accessRole: `${fullName(person)} has left, so cannot be given a sign-in` } };
  if (!person.email) return { ok: false, errors: { accessRole: `Add an email address for ${fullName(person)} first: it is what they sign in with` } };
  const clash = await emailInUse(person.email, person.user?.id);
  if (clash) return { ok: false, errors: { accessRole: `The email ${person.email} already signs in as ${clash.name}` } };
  if (person.user?.passwordHash && !smtpConfigured()) return { ok: false, errors: { accessRole: NO_MAIL_FOR_RESET } };

  return prisma.$transaction(async (tx) => {
    const existing = person.user;
    const user = existing
      ? await tx.user.update({ where: { id: existing.id }, data: { email: person.email!, name: fullName(person), accessRole, disabledAt: null } })
      : await tx.user.create({ data: { centreId: actor.centreId, personId, email: person.email!, name: fullName(person), accessRole } });
    if (existing && existing.accessRole !== accessRole) await tx.userSession.deleteMany({ where: { userId: user.id } });
    const sent = await sendLink(tx, user, now);
    await recordAudit(tx, actor, {
      entityType: "User", entityId: user.id, personId,
      action: existing ? "link-issued" : "invited",
      summary: `${existing ? "Issued a new sign-in link for" : "Invited"} ${fullName(person)} (${ACCESS_ROLE_LABELS[accessRole]}): ${sent.emailed ? "emailed to them" : "link handed over by the co-ordinator"}`,
      changes: existing?.accessRole !== accessRole
        ? [{ field: "Access", from: existing ? ACCESS_ROLE_LABELS[existing.accessRole as AccessRole] ?? existing.accessRole : "(none)", to: ACCESS_ROLE_LABELS[accessRole] }]
        : [],
    });
    return { ok: true as const, userId: user.id, name: fullName(person), email: user.email, invitation: !user.passwordHash, ...sent };
  });
}

export async function addAssessor(actor: Actor, input: { name: string; email: string; accessEndsOn: IsoDate }, now = clock.now()): Promise<LinkResult> {
  const clash = await emailInUse(input.email);
  if (clash) return { ok: false, errors: { email: `This email already signs in as ${clash.name}` } };
  return prisma.$transaction(async (tx) => {
    const user = await tx.user.create({
      data: { centreId: actor.centreId, email: input.email, name: input.name, accessRole: "assessor", accessEndsOn: input.accessEndsOn },
    });
    const sent = await sendLink(tx, user, now);
    await recordAudit(tx, actor, {
      entityType: "User", entityId: user.id, action: "invited",
      summary: `Added assessor ${input.name}, with read-only access until ${formatUkDate(input.accessEndsOn)}`,
      changes: [{ field: "Access until", from: "(none)", to: formatUkDate(input.accessEndsOn) }],
    });
    return { ok: true as const, userId: user.id, name: input.name, email: user.email, invitation: true, ...sent };
  });
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

/** A new link for an existing sign-in: emailed to them (or, before they ever set a password and with no mail server, for handing over). */
export async function newLinkFor(actor: Actor, userId: string, now = clock.now()): Promise<LinkResult> {
  const user = await findCentreUser(actor, userId);
  if (user.disabledAt) return { ok: false, errors: { form: `${user.name}'s sign-in is turned off: give them access again first` } };
  if (user.passwordHash && !smtpConfigured()) return { ok: false, errors: { form: NO_MAIL_FOR_RESET } };
  return prisma.$transaction(async (tx) => {
    const sent = await sendLink(tx, user, now);
    await recordAudit(tx, actor, {
      entityType: "User", entityId: userId, personId: user.personId, action: "link-issued",
      summary: `Issued a new sign-in link for ${user.name}: ${sent.emailed ? "emailed to them" : "link handed over by the co-ordinator"}`,
    });
    return { ok: true as const, userId, name: user.name, email: user.email, invitation: !user.passwordHash, ...sent };
  });
}

/**
 * Reset a sign-in (lost password, lost authenticator, no mail server): the password and two-factor
 * set-up are cleared and every device signed out, then a new link is sent or handed over.
 */
export async function resetSignIn(actor: Actor, userId: string, now = clock.now()): Promise<LinkResult> {
  const user = await findCentreUser(actor, userId);
  if (user.id === actor.id) return { ok: false, errors: { form: "You cannot reset your own sign-in: use “Forgotten your password?”, or ask another co-ordinator" } };
  if (user.disabledAt) return { ok: false, errors: { form: `${user.name}'s sign-in is turned off: give them access again first` } };
  return prisma.$transaction(async (tx) => {
    const reset = await tx.user.update({ where: { id: userId }, data: { passwordHash: null, totpSecret: null, totpEnabledAt: null, totpLastStep: null, failedSignIns: 0, lastFailedSignInAt: null } });
    await tx.userSession.deleteMany({ where: { userId } });
    await tx.recoveryCode.deleteMany({ where: { userId } });
    const sent = await sendLink(tx, reset, now);
    await recordAudit(tx, actor, {
      entityType: "User", entityId: userId, personId: user.personId, action: "sign-in-reset",
      summary: `Reset ${user.name}'s sign-in (password and two-factor cleared, signed out everywhere): ${sent.emailed ? "a new link emailed to them" : "link handed over by the co-ordinator"}`,
    });
    return { ok: true as const, userId, name: user.name, email: user.email, invitation: true, ...sent };
  });
}

export async function removeAccess(actor: Actor, userId: string) {
  const user = await findCentreUser(actor, userId);
  if (user.id === actor.id) return { ok: false as const, errors: { form: "You cannot remove your own sign-in" } };
  await prisma.$transaction(async (tx) => {
    await tx.user.update({ where: { id: userId }, data: { disabledAt: clock.now() } });
    await tx.userSession.deleteMany({ where: { userId } });
    await tx.passwordToken.updateMany({ where: { userId, usedAt: null }, data: { usedAt: clock.now() } });
    await recordAudit(tx, actor, { entityType: "User", entityId: userId, personId: user.personId, action: "access-removed", summary: `Removed ${user.name}'s sign-in` });
  });
  return { ok: true as const };
}

/** A co-ordinator signs someone out of every device (a lost phone, a shared computer). */
export async function signOutEverywhere(actor: Actor, userId: string) {
  const user = await findCentreUser(actor, userId);
  return prisma.$transaction(async (tx) => {
    const ended = await tx.userSession.deleteMany({ where: { userId } });
    await recordAudit(tx, actor, { entityType: "User", entityId: userId, personId: user.personId, action: "signed-out", summary: `Signed ${user.name} out of every device (${ended.count} signed in)` });
    return ended.count;
  });
}

export async function findValidToken(token: string, now = clock.now()) {
  const found = await prisma.passwordToken.findUnique({ where: { tokenHash: hashToken(token) }, include: { user: true } });
  if (!found || found.usedAt || found.expiresAt < now || found.user.disabledAt) return null;
  return found;
}

/**
 * Set a password from a one-time link. The link is spent in the same step that checks it (so
 * it works once, however fast it is replayed), every other session ends, and it is audited.
 */
export async function redeemToken(token: string, password: string, now = clock.now()) {
  const found = await findValidToken(token, now);
  if (!found) return null;
  const passwordHash = await hashPassword(password);
  return prisma.$transaction(async (tx) => {
    const spent = await tx.passwordToken.updateMany({ where: { id: found.id, usedAt: null }, data: { usedAt: now } });
    if (spent.count !== 1) return null;
    await tx.userSession.deleteMany({ where: { userId: found.userId } });
    const user = await tx.user.update({
      where: { id: found.userId },
      data: { passwordHash, failedSignIns: 0, lastFailedSignInAt: null },
      include: { centre: { select: { requireTwoFactor: true } } },
    });
    await recordAudit(tx, { id: user.id, name: user.name, centreId: user.centreId }, {
      entityType: "User", entityId: user.id, personId: user.personId, action: "password-set",
      summary: `${user.name} set their password from a one-time link (signed out everywhere else)`,
    });
    return user;
  });
}

export function accessLabel(accessRole: string) {
  return isAccessRole(accessRole) ? ACCESS_ROLE_LABELS[accessRole] : accessRole;
}

/** At most one self-service reset email per account in this period, so the form cannot be used to flood anyone. */
export const RESET_THROTTLE_MS = 15 * 60 * 1000;

/**
 * "Forgotten your password?": queue an emailed link for an account with that email, if there is
 * one that may sign in, audited as an anonymous request. The page says the same either way, and
 * the caller runs this after answering, so neither the words nor the time tell who has an account.
 */
export async function requestPasswordReset(email: string, clientAddress = "unknown", now = clock.now()): Promise<boolean> {
  const user = await prisma.user.findUnique({ where: { email: email.trim().toLowerCase() } });
  if (!user || user.disabledAt || !smtpConfigured()) return false;
  if (user.accessRole === "assessor" && (!user.accessEndsOn || user.accessEndsOn < londonToday(now))) return false;
  const recent = await prisma.passwordToken.findFirst({ where: { userId: user.id, createdAt: { gt: new Date(now.getTime() - RESET_THROTTLE_MS) } } });
  const recentEmail = await prisma.emailMessage.findFirst({ where: { userId: user.id, template: { in: ["sign-in-link", "invitation"] }, createdAt: { gt: new Date(now.getTime() - RESET_THROTTLE_MS) } } });
  if (recent || recentEmail) return false;
  await prisma.$transaction(async (tx) => {
    await queueSignInLink(user.id, tx);
    await recordAudit(tx, { id: null, name: `Anonymous “forgotten password” request from ${clientAddress}`, centreId: user.centreId }, {
      entityType: "User", entityId: user.id, personId: user.personId, action: "reset-requested",
      summary: `A password reset link was requested for ${user.name}'s sign-in and emailed to them`,
    });
  });
  return true;
}
