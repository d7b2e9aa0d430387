/**
 * Two-factor sign-in with an authenticator app (TOTP, RFC 6238, through @epic-web/totp) and
 * single-use recovery codes. The authenticator secret is stored encrypted (AES-256-GCM, with a key
 * from SESSION_SECRET); a code is accepted once (the time step is remembered), and a pending
 * sign-in allows only a few wrong codes before it must start again.
 */
import { createCipheriv, createDecipheriv, createHash, randomBytes, randomInt } from "node:crypto";
import { generateTOTP, getTOTPAuthUri, verifyTOTP } from "@epic-web/totp";
import { prisma } from "~/db.server";
import { sessionSecret } from "~/env.server";
import { recordAudit } from "~/modules/audit/audit.server";
import { clock } from "~/utils/clock.server";
import { Throttle } from "./throttle.server";

const PERIOD = 30;
const DIGITS = 6;
const ALGORITHM = "SHA-1"; // what every authenticator app supports
export const RECOVERY_CODE_COUNT = 10;
/** Wrong codes a pending sign-in may try before it has to start again with the password. */
export const MAX_CODE_ATTEMPTS = 5;

const key = () => createHash("sha256").update(`two-factor:${sessionSecret()}`).digest();

function encrypt(plain: string) {
  const iv = randomBytes(12);
  const cipher = createCipheriv("aes-256-gcm", key(), iv);
  const body = Buffer.concat([cipher.update(plain, "utf8"), cipher.final()]);
  return ["v1", iv.toString("base64"), cipher.getAuthTag().toString("base64"), body.toString("base64")].join(":");
}

function decrypt(stored: string): string | null {
  try {
    const [, iv, tag, body] = stored.split(":");
    const decipher = createDecipheriv("aes-256-gcm", key(), Buffer.from(iv, "base64"));
    decipher.setAuthTag(Buffer.from(tag, "base64"));
    return Buffer.concat([decipher.update(Buffer.from(body, "base64")), decipher.final()]).toString("utf8");
  } catch {
    // SESSION_SECRET changed: the secret cannot be read; a recovery code (or a co-ordinator's reset) is the way in.
    return null;
  }
}

const hashCode = (code: string) => createHash("sha256").update(code.replace(/[\s-]/g, "").toLowerCase()).digest("hex");

/** Start setting up: a new secret (not yet in use), the otpauth:// link and a QR code of it. */
export async function beginSetup(user: { id: string; email: string }, issuer: string) {
  const { secret } = await generateTOTP({ period: PERIOD, digits: DIGITS, algorithm: ALGORITHM });
  await prisma.user.update({ where: { id: user.id }, data: { totpSecret: encrypt(secret), totpEnabledAt: null, totpLastStep: null } });
  return setupDetails(secret, user.email, issuer);
}

async function setupDetails(secret: string, email: string, issuer: string) {
  const uri = getTOTPAuthUri({ period: PERIOD, digits: DIGITS, algorithm: ALGORITHM, secret, accountName: email, issuer });
  const QRCode = (await import("qrcode")).default;
  const svg = await QRCode.toString(uri, { type: "svg", margin: 1, errorCorrectionLevel: "M" });
  return { secret, uri, qrDataUrl: `data:image/svg+xml;base64,${Buffer.from(svg).toString("base64")}` };
}

/** The set-up in progress, to show again after a wrong code. */
export async function pendingSetup(user: { id: string; email: string }, issuer: string) {
  const row = await prisma.user.findUniqueOrThrow({ where: { id: user.id }, select: { totpSecret: true, totpEnabledAt: true } });
  const secret = row.totpSecret && !row.totpEnabledAt ? decrypt(row.totpSecret) : null;
  return secret ? setupDetails(secret, user.email, issuer) : null;
}

function stepNow() {
  return Math.floor(clock.now().getTime() / 1000 / PERIOD);
}

/** A code from the authenticator, accepted at most once. Returns the time step it was for. */
async function acceptCode(userId: string, secret: string, code: string): Promise<boolean> {
  if (!/^\d{6}$/.test(code)) return false;
  const result = await verifyTOTP({ otp: code, secret, period: PERIOD, digits: DIGITS, algorithm: ALGORITHM, window: 1 });
  if (!result) return false;
  const step = stepNow() + result.delta;
  // One statement: the same code sent twice at once is accepted only once.
  const taken = await prisma.user.updateMany({ where: { id: userId, OR: [{ totpLastStep: null }, { totpLastStep: { lt: step } }] }, data: { totpLastStep: step } });
  return taken.count === 1;
}

/** Confirm the set-up with a first code: two-factor is on, and here are the recovery codes (shown once). */
export async function confirmSetup(actor: { id: string; name: string; centreId: string; personId: string | null }, code: string): Promise<string[] | null> {
  const row = await prisma.user.findUniqueOrThrow({ where: { id: actor.id }, select: { totpSecret: true, totpEnabledAt: true } });
  const secret = row.totpSecret ? decrypt(row.totpSecret) : null;
  if (!secret || row.totpEnabledAt || !(await acceptCode(actor.id, secret, code.replace(/\s/g, "")))) return null;
  const codes = Array.from({ length: RECOVERY_CODE_COUNT }, () => `${randomInt(0, 100000).toString().padStart(5, "0")}-${randomBytes(3).toString("hex")}`);
  await prisma.$transaction(async (tx) => {
    await tx.user.update({ where: { id: actor.id }, data: { totpEnabledAt: clock.now() } });
    await tx.recoveryCode.deleteMany({ where: { userId: actor.id } });
    await tx.recoveryCode.createMany({ data: codes.map((c) => ({ userId: actor.id, codeHash: hashCode(c) })) });
    await recordAudit(tx, actor, { entityType: "User", entityId: actor.id, personId: actor.personId, action: "two-factor-on", summary: `${actor.name} turned on two-factor sign-in` });
  });
  return codes;
}

const codeAttempts = new Throttle("two-factor:session", MAX_CODE_ATTEMPTS, 10 * 60 * 1000);

export type SecondFactorResult = { ok: true; usedRecoveryCode: boolean; recoveryCodesLeft: number } | { ok: false; tooMany: boolean };

/** The second step of signing in: an authenticator code, or a recovery code (used up). */
export async function checkSecondFactor(user: { id: string; name: string; centreId: string; personId: string | null }, sessionId: string, input: string): Promise<SecondFactorResult> {
  if (!(await codeAttempts.take(sessionId, clock.now().getTime()))) return { ok: false, tooMany: true };
  const row = await prisma.user.findUniqueOrThrow({ where: { id: user.id }, select: { totpSecret: true, totpEnabledAt: true } });
  const secret = row.totpSecret && row.totpEnabledAt ? decrypt(row.totpSecret) : null;
  const code = input.replace(/\s/g, "");
  if (secret && (await acceptCode(user.id, secret, code))) {
    await codeAttempts.forget(sessionId);
    return { ok: true, usedRecoveryCode: false, recoveryCodesLeft: -1 };
  }
  const used = await prisma.recoveryCode.updateMany({ where: { userId: user.id, codeHash: hashCode(code), usedAt: null }, data: { usedAt: clock.now() } });
  if (used.count === 1) {
    await codeAttempts.forget(sessionId);
    const left = await prisma.recoveryCode.count({ where: { userId: user.id, usedAt: null } });
    await prisma.$transaction((tx) => recordAudit(tx, user, { entityType: "User", entityId: user.id, personId: user.personId, action: "recovery-code-used", summary: `${user.name} signed in with a recovery code (${left} left)` }));
    return { ok: true, usedRecoveryCode: true, recoveryCodesLeft: left };
  }
  return { ok: false, tooMany: await codeAttempts.blocked(sessionId, clock.now().getTime()) };
}

/** Turn two-factor off for oneself (a current code is needed), unless the centre requires it. */
export async function turnOff(actor: { id: string; name: string; centreId: string; personId: string | null }) {
  await prisma.$transaction(async (tx) => {
    await tx.user.update({ where: { id: actor.id }, data: { totpSecret: null, totpEnabledAt: null, totpLastStep: null } });
    await tx.recoveryCode.deleteMany({ where: { userId: actor.id } });
    await recordAudit(tx, actor, { entityType: "User", entityId: actor.id, personId: actor.personId, action: "two-factor-off", summary: `${actor.name} turned off two-factor sign-in` });
  });
}

/** Check a current authenticator code for a signed-in user (before turning two-factor off, say). */
export async function checkCurrentCode(userId: string, code: string) {
  const row = await prisma.user.findUniqueOrThrow({ where: { id: userId }, select: { totpSecret: true, totpEnabledAt: true } });
  const secret = row.totpSecret && row.totpEnabledAt ? decrypt(row.totpSecret) : null;
  return Boolean(secret && (await acceptCode(userId, secret, code.replace(/\s/g, ""))));
}
