/**
 * Volunteers helping themselves: which open places someone may take, whether a take, a swap or a
 * co-ordinator's yes still stands, and when a swap request closes. Pure, and built on
 * `problemsFor`, the one set of eligibility rules the generator and manual edits use.
 */
import { SLOTS, problemsFor, type Problem, type RotaContext, type RotaPerson, type RotaShift, type Slot } from "./eligibility";

/** Why someone may not take a place: a rule they break, or the place itself. */
export type TakeRefusal =
  | Problem
  | { code: "no_place_free" }
  | { code: "shift_started" }
  | { code: "swap_closed" };

export type TakeCheck = { refused: TakeRefusal | null; notes: Problem[] };

/** The open places of one kind on a shift, given the placements that hold one (standing or waiting for a yes). */
export function freePlaces(shift: RotaShift, slot: Slot, context: RotaContext): number {
  const held = context.placements.filter((p) => p.shiftKey === shift.key && p.slot === slot).length;
  return Math.max(0, shift.needs[slot] - held);
}

/**
 * May `person` take a place as `slot` on `shift` at `now` (epoch ms)? Hard rules and a role that
 * does not fit refuse; soft ones (they said they were away, they served recently) are theirs to
 * weigh and come back as notes. `replacing`: they take someone else's place (a swap), so the
 * place need not be free.
 */
export function checkTake(person: RotaPerson, shift: RotaShift, slot: Slot, context: RotaContext, now: number, { replacing = false } = {}): TakeCheck {
  if (shift.startsAt <= now) return { refused: { code: "shift_started" }, notes: [] };
  const problems = problemsFor(person, shift, slot, context);
  const refused = problems.find((p) => p.blocks) ?? problems.find((p) => p.code === "wrong_role");
  if (refused) return { refused, notes: [] };
  if (!replacing && freePlaces(shift, slot, context) === 0) return { refused: { code: "no_place_free" }, notes: [] };
  return { refused: null, notes: problems };
}

export type OpenPlace = { shift: RotaShift; slot: Slot; free: number; notes: Problem[] };

/** Every open place `person` could take now, soonest first: one entry per shift and kind of place. */
export function openPlacesFor(person: RotaPerson, shifts: readonly RotaShift[], context: RotaContext, now: number): OpenPlace[] {
  const places: OpenPlace[] = [];
  for (const shift of [...shifts].sort((a, b) => a.startsAt - b.startsAt)) {
    if (shift.startsAt <= now) continue;
    for (const slot of SLOTS) {
      const free = freePlaces(shift, slot, context);
      if (!free) continue;
      const check = checkTake(person, shift, slot, context, now);
      if (!check.refused) places.push({ shift, slot, free, notes: check.notes });
    }
  }
  return places;
}

/** The context without one placement: the asker's, when someone considers taking it over. */
export function withoutPlacement(context: RotaContext, shiftKey: string, personId: string): RotaContext {
  return { ...context, placements: context.placements.filter((p) => !(p.shiftKey === shiftKey && p.personId === personId)) };
}

const HOUR_MS = 60 * 60 * 1000;

/** When a swap request for a shift starting at `startsAt` stops being offered: `cutoffHours` before. */
export function swapClosesAt(startsAt: number, cutoffHours: number): number {
  return startsAt - cutoffHours * HOUR_MS;
}

export type SwapState = "offered" | "unanswered" | "over";

/**
 * Where an open swap request stands at `now`: offered to colleagues until it closes; then, until
 * the shift starts, a gap the co-ordinator must fill; after that, history.
 */
export function swapState(swap: { closesAt: number; shiftStartsAt: number }, now: number): SwapState {
  if (now < swap.closesAt) return "offered";
  return now < swap.shiftStartsAt ? "unanswered" : "over";
}
