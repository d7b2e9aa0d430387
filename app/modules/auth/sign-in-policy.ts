/**
 * Slowing down password guessing, and assessors' access that ends on a date.
 * Pure: the current time is a parameter.
 */
import { type IsoDate } from "~/utils/dates";

/** After this many wrong passwords in a row the account is locked for a while. */
export const MAX_FAILED_SIGN_INS = 5;
export const LOCKOUT_MS = 15 * 60 * 1000;

export type SignInHistory = { failedSignIns: number; lastFailedSignInAt: Date | null };

/** When the account may next be tried, or null if it may be tried now. */
export function lockedUntil(history: SignInHistory, now: Date): Date | null {
  if (history.failedSignIns < MAX_FAILED_SIGN_INS || !history.lastFailedSignInAt) return null;
  const until = new Date(history.lastFailedSignInAt.getTime() + LOCKOUT_MS);
  return until > now ? until : null;
}

export type AccessState =
  | { allowed: true }
  | { allowed: false; reason: "disabled" | "access-ended" | "no-password" };

export function accessState(
  user: { accessRole: string; accessEndsOn: IsoDate | null; disabledAt: Date | null; passwordHash: string | null },
  today: IsoDate,
): AccessState {
  if (user.disabledAt) return { allowed: false, reason: "disabled" };
  if (!user.passwordHash) return { allowed: false, reason: "no-password" };
  if (user.accessRole === "assessor" && (!user.accessEndsOn || user.accessEndsOn < today)) {
    return { allowed: false, reason: "access-ended" };
  }
  return { allowed: true };
}
