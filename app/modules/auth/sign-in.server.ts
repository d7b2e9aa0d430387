/**
 * Checking a password, with limits that hold under parallel attempts and answers that do not
 * tell who has an account.
 *
 * - Each attempt on an account is counted before its password is checked, in one database
 *   step that also refuses it once the account is paused: a hundred attempts sent at once check
 *   at most five passwords.
 * - Limits per client address (and on wrong passwords from everywhere at once) are checked first,
 *   so one address can never pause somebody else's account; whoever is paused can still get in
 *   through an emailed link ("Forgotten your password?").
 * - An unknown email, a paused account and a wrong password take the same work and give the same
 *   answers: unknown emails are "paused" after five tries too.
 */
import { prisma } from "~/db.server";
import { clock } from "~/utils/clock.server";
import { formatLondonTime } from "~/utils/dates";
import { hashPassword, needsRehash, spendPasswordCheck, verifyPassword } from "./password.server";
import { LIMITS, LOCKOUT_MS, MAX_FAILED_SIGN_INS, accessState, secondFactorStep } from "./sign-in-policy";
import { Throttle } from "./throttle.server";

export type SignInResult =
  | { ok: true; user: { id: string; accessRole: string }; secondFactor: "code" | "enrol" | null }
  | { ok: false; code: "wrong" | "paused" | "throttled" | "disabled" | "access-ended"; message: string };

// One message for an unknown email and a wrong password, so the form does not reveal who has an account.
const WRONG = "The email address or password is not right. Check them and try again.";

const throttles = {
  perAddressAndAccount: new Throttle("sign-in:address-and-account", LIMITS.perAddressAndAccount.limit, LIMITS.perAddressAndAccount.windowMs),
  perAddress: new Throttle("sign-in:address", LIMITS.perAddress.limit, LIMITS.perAddress.windowMs),
  overall: new Throttle("sign-in:overall", LIMITS.overall.limit, LIMITS.overall.windowMs),
  // Unknown emails are paused like real accounts, so a pause says nothing about who exists.
  unknownAccount: new Throttle("sign-in:unknown-account", MAX_FAILED_SIGN_INS, LOCKOUT_MS),
};

/** For tests: start a scenario with no attempts counted. */
export async function resetSignInThrottles() {
  for (const throttle of Object.values(throttles)) await throttle.clear();
}

const paused = (until: number): SignInResult => ({
  ok: false, code: "paused",
  message: `Too many wrong passwords. For your security, sign-in to this account is paused until ${formatLondonTime(new Date(until))}. To get in now, use “Forgotten your password?” for an emailed link.`,
});

// Wrong passwords from everywhere at once (guessing spread over many addresses) fill the overall limit.
const busy: SignInResult = {
  ok: false, code: "throttled",
  message: "Too many wrong passwords are being tried on this service just now. Wait a minute and try again, or use “Forgotten your password?” for an emailed link.",
};

const throttled: SignInResult = {
  ok: false, code: "throttled",
  message: "Too many sign-in attempts from this connection. Wait 15 minutes and try again, or use “Forgotten your password?” for an emailed link.",
};

/**
 * Count an attempt on the account before its password is checked. Returns false when the
 * account is paused. Each step is a single statement, so parallel attempts cannot all slip in.
 */
async function reserveAttempt(userId: string, now: Date): Promise<boolean> {
  const windowStart = new Date(now.getTime() - LOCKOUT_MS);
  // A pause (or a run of failures) older than the window no longer counts.
  await prisma.user.updateMany({ where: { id: userId, failedSignIns: { gt: 0 }, lastFailedSignInAt: { lt: windowStart } }, data: { failedSignIns: 0 } });
  const counted = await prisma.user.updateMany({
    where: { id: userId, failedSignIns: { lt: MAX_FAILED_SIGN_INS } },
    data: { failedSignIns: { increment: 1 }, lastFailedSignInAt: now },
  });
  return counted.count === 1;
}

export async function signIn(email: string, password: string, clientAddress = "unknown", now = clock.now()): Promise<SignInResult> {
  const normalised = email.trim().toLowerCase();
  const at = now.getTime();
  const pair = `${clientAddress}|${normalised}`;
  if ((await throttles.perAddressAndAccount.blocked(pair, at)) || !(await throttles.perAddress.take(clientAddress, at))) return throttled;
  if (!(await throttles.overall.take("*", at))) return busy;
  const failed = async () => {
    await throttles.perAddressAndAccount.take(pair, at);
    return { ok: false as const, code: "wrong" as const, message: WRONG };
  };

  const user = await prisma.user.findUnique({ where: { email: normalised }, include: { centre: { select: { requireTwoFactor: true } } } });
  if (!user) {
    await spendPasswordCheck(password);
    // Counted and refused in one step, as a real account's attempts are (reserveAttempt).
    if (!(await throttles.unknownAccount.take(normalised, at))) return paused((await throttles.unknownAccount.retryAt(normalised, at)) ?? at + LOCKOUT_MS);
    return failed();
  }
  if (!(await reserveAttempt(user.id, now))) {
    await spendPasswordCheck(password);
    const latest = await prisma.user.findUniqueOrThrow({ where: { id: user.id }, select: { lastFailedSignInAt: true } });
    return paused((latest.lastFailedSignInAt ?? now).getTime() + LOCKOUT_MS);
  }
  const passwordOk = user.passwordHash ? await verifyPassword(password, user.passwordHash) : (await spendPasswordCheck(password), false);
  if (!passwordOk) return failed();

  await prisma.user.update({
    where: { id: user.id },
    data: {
      failedSignIns: 0, lastFailedSignInAt: null,
      ...(user.passwordHash && needsRehash(user.passwordHash) ? { passwordHash: await hashPassword(password) } : {}),
    },
  });
  await throttles.perAddressAndAccount.forget(pair);
  // A right password is no guess: its try goes back, so a room of volunteers on one network (a
  // training evening) can all sign in, and a busy evening across the network never fills the
  // overall limit that guessing from many addresses would. Counted first and given back after, so
  // that tries sent at once cannot all slip past the limits before any is counted.
  await throttles.perAddress.giveBack(clientAddress, at);
  await throttles.overall.giveBack("*", at);
  const access = accessState(user, clock.today());
  if (!access.allowed) {
    return access.reason === "access-ended"
      ? { ok: false, code: "access-ended", message: "Your assessor access has ended. Ask the centre's co-ordinator to extend it." }
      : { ok: false, code: "disabled", message: "This sign-in has been turned off. Ask the centre's co-ordinator if you need access." };
  }
  const secondFactor = secondFactorStep(user, user.centre.requireTwoFactor);
  if (!secondFactor) await prisma.user.update({ where: { id: user.id }, data: { lastSignInAt: now } });
  return { ok: true, user: { id: user.id, accessRole: user.accessRole }, secondFactor };
}
