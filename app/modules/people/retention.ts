/**
 * How long a leaver's records are kept. Pure: people and a date in, who is due out. The centre sets
 * the period (six years is usual); the day it ends the person is due for removal, which anonymises
 * them (see retention.server.ts).
 */
import { addYearsIso, type IsoDate } from "~/utils/dates";

export type RetentionFacts = { id: string; status: string; leftOn: IsoDate | null; anonymisedAt: Date | null };

/** The first day a leaver's records may be removed: the same date, `years` after their last day. */
export function removalDueOn(leftOn: IsoDate, years: number): IsoDate {
  return addYearsIso(leftOn, years);
}

export type RetentionStanding =
  | { code: "due"; dueOn: IsoDate }
  | { code: "upcoming"; dueOn: IsoDate }
  | { code: "kept"; dueOn: IsoDate | null }
  | { code: "removed" };

/**
 * Where someone stands on `today`: removed already; due (their period has ended); upcoming (it
 * ends within `aheadDays`); or kept. Only leavers with a last day are ever due: someone who came
 * back is not a leaver.
 */
export function retentionStanding(person: RetentionFacts, years: number, today: IsoDate, upcomingUntil: IsoDate): RetentionStanding {
  if (person.anonymisedAt) return { code: "removed" };
  if (person.status !== "left" || !person.leftOn) return { code: "kept", dueOn: null };
  const dueOn = removalDueOn(person.leftOn, years);
  if (dueOn <= today) return { code: "due", dueOn };
  if (dueOn <= upcomingUntil) return { code: "upcoming", dueOn };
  return { code: "kept", dueOn };
}
