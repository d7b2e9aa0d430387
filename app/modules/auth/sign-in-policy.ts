/**
 * Slowing down password guessing, and assessors' access that ends on a date.
 * Pure: the current time is a parameter.
 */
import { type IsoDate } from "~/utils/dates";

/** After this many wrong passwords in a row the account is paused for a while. */
export const MAX_FAILED_SIGN_INS = 5;
export const LOCKOUT_MS = 15 * 60 * 1000;

/**
 * Limits checked before the account's own count, so that one address cannot pause somebody
 * else's account: three wrong tries for one account from one address, twenty tries of any
 * accounts from one address (a right password gives its try back: many people may sign in from
 * one office or venue), and a ceiling on wrong tries from everyone at once.
 */
export const LIMITS = {
  perAddressAndAccount: { limit: 3, windowMs: LOCKOUT_MS },
  perAddress: { limit: 20, windowMs: LOCKOUT_MS },
  overall: { limit: 300, windowMs: 60 * 1000 },
} as const;

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

/** Co-ordinators and assessors need a second factor when the centre says so; anyone may choose one. */
export function secondFactorStep(user: { accessRole: string; totpEnabledAt: Date | null }, centreRequiresIt: boolean): "code" | "enrol" | null {
  if (user.totpEnabledAt) return "code";
  if (centreRequiresIt && (user.accessRole === "coordinator" || user.accessRole === "assessor")) return "enrol";
  return null;
}
