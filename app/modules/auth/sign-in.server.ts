/** Checking a password with a lock-out after repeated failures. */
import { prisma } from "~/db.server";
import { formatLondonTime, londonToday } from "~/utils/dates";
import { verifyPassword } from "./password.server";
import { accessState, lockedUntil } from "./sign-in-policy";
import { clock } from "~/utils/clock.server";

export type SignInResult =
  | { ok: true; user: { id: string; sessionVersion: number; accessRole: string } }
  | { ok: false; message: string };

// One message for an unknown email and a wrong password, so the form does not reveal who has an account.
const WRONG = "The email address or password is not right. Check them and try again.";

export async function signIn(email: string, password: string, now = clock.now()): Promise<SignInResult> {
  const user = await prisma.user.findUnique({ where: { email: email.trim().toLowerCase() } });
  if (!user) return { ok: false, message: WRONG };

  const until = lockedUntil(user, now);
  if (until) {
    return { ok: false, message: `Too many wrong passwords. For your security, sign-in to this account is paused until ${formatLondonTime(until)}.` };
  }
  const passwordOk = user.passwordHash ? await verifyPassword(password, user.passwordHash) : false;
  if (!passwordOk) {
    await prisma.user.update({ where: { id: user.id }, data: { failedSignIns: { increment: 1 }, lastFailedSignInAt: now } });
    return { ok: false, message: WRONG };
  }
  const access = accessState(user, londonToday(now));
  if (!access.allowed) {
    const message =
      access.reason === "access-ended"
        ? "Your assessor access has ended. Ask the centre's co-ordinator to extend it."
        : "This sign-in has been turned off. Ask the centre's co-ordinator if you need access.";
    return { ok: false, message };
  }
  await prisma.user.update({ where: { id: user.id }, data: { failedSignIns: 0, lastFailedSignInAt: null, lastSignInAt: now } });
  return { ok: true, user };
}
