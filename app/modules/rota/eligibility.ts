/**
 * Who may be on a shift: the one set of rules behind drafting, a co-ordinator's edits, the cover
 * list, open shifts and the re-check of placements already made. Pure: people, a shift and the
 * placements around it in; problems with codes out (./words.ts says them in words).
 */
import { dayNumber, type IsoDate } from "~/utils/dates";
import type { CentreSettings } from "~/modules/compliance/requirements";
import { clearanceOnDate, type ClearanceBlocker, type PersonFacts } from "~/modules/compliance/rules";
import { rolesOn, type RolePeriod } from "~/modules/people/roles";
import { statusOn, type StatusChange } from "~/modules/people/status";
import type { WeekdayCode } from "./recurrence";

export const SLOTS = ["coordinator", "staff", "volunteer"] as const;
export type Slot = (typeof SLOTS)[number];

export function isSlot(value: string): value is Slot {
  return (SLOTS as readonly string[]).includes(value);
}

/** Which roles can fill which place on a shift. */
export const SLOT_ROLES: Record<Slot, string[]> = {
  coordinator: ["coordinator", "deputy_coordinator"],
  staff: ["staff"],
  volunteer: ["volunteer"],
};

/** Roles that work on shifts at all; a trustee who holds none of them is never rostered. */
const SHIFT_ROLES = new Set(Object.values(SLOT_ROLES).flat());

/** The places a session or shift needs, by kind. */
export function staffingNeeds(shift: { coordinatorsNeeded: number; staffNeeded: number; volunteersNeeded: number }): Record<Slot, number> {
  return { coordinator: shift.coordinatorsNeeded, staff: shift.staffNeeded, volunteer: shift.volunteersNeeded };
}

export type RotaShift = {
  key: string;
  /** The session this is one date of: team turns follow each session's own series. */
  series: string;
  sessionName: string;
  date: IsoDate;
  /** Epoch milliseconds. */
  startsAt: number;
  endsAt: number;
  needs: Record<Slot, number>;
};

export type OtherShift = { date: IsoDate; startsAt: number; endsAt: number };

/** Cleared to work on a date, and if not, what stands in the way. */
export type Clearance = { cleared: boolean; blockers: ClearanceBlocker[] };

export type RotaPerson = {
  id: string;
  name: string;
  /** The current status and its dated history: whether they are active on a shift's date. */
  status: string;
  startedOn: IsoDate | null;
  leftOn: IsoDate | null;
  statusChanges: StatusChange[];
  conflict: boolean;
  /** At most one shift every this many weeks (the person's choice or the centre's default). */
  serveEveryWeeks: number;
  preferredDays: WeekdayCode[];
  roles: RolePeriod[];
  unavailable: { startsOn: IsoDate; endsOn: IsoDate }[];
  /** Their shifts outside this rota: served in earlier rotas, or already on other rotas. */
  otherShifts: OtherShift[];
  /** Cleared to work on each shift date, from the compliance rules. */
  clearance: Record<IsoDate, Clearance>;
};

export type Placement = { shiftKey: string; personId: string; slot: Slot };

export type Problem =
  | { code: "not_active"; blocks: true; status: string }
  | { code: "conflict"; blocks: true }
  | { code: "not_cleared"; blocks: true; blockers: ClearanceBlocker[] }
  | { code: "role_gone"; blocks: true }
  | { code: "wrong_role"; blocks: false }
  | { code: "already_on_shift"; blocks: true }
  | { code: "double_booked"; blocks: true }
  | { code: "unavailable"; blocks: false }
  | { code: "within_gap"; blocks: false; otherDate: IsoDate; weeks: number }
  | { code: "place_full"; blocks: false; needed: number };

export type ProblemCode = Problem["code"];

export type RotaContext = { shifts: Map<string, RotaShift>; placements: Placement[] };

const NO_CONTEXT: RotaContext = { shifts: new Map(), placements: [] };

/** Cleared to work on each date, from the compliance rules. */
export function clearanceOn(facts: Pick<PersonFacts, "dbsChecks" | "references">, settings: CentreSettings, dates: Iterable<IsoDate>): Record<IsoDate, Clearance> {
  const clearance: Record<IsoDate, Clearance> = {};
  for (const date of new Set(dates)) {
    const { cleared, blockers } = clearanceOnDate(facts, settings, date);
    clearance[date] = { cleared, blockers };
  }
  return clearance;
}

/** The person's other shifts: elsewhere, and already placed in this rota. */
export function shiftsOf(person: RotaPerson, context: RotaContext, exceptShiftKey?: string): OtherShift[] {
  const placed: OtherShift[] = [];
  for (const p of context.placements) {
    if (p.personId !== person.id || p.shiftKey === exceptShiftKey) continue;
    const shift = context.shifts.get(p.shiftKey);
    if (shift) placed.push(shift);
  }
  return placed.length ? [...person.otherShifts, ...placed] : person.otherShifts;
}

/**
 * Everything that stands against putting `person` in `slot` on `shift`, hard rules first.
 * With `firstOnly` it stops at the first problem: the generator asks this of everyone for every
 * place, and only needs to know whether anything stands in the way.
 */
export function problemsFor(person: RotaPerson, shift: RotaShift, slot: Slot, context: RotaContext, firstOnly = false): Problem[] {
  const problems: Problem[] = [];
  const found = (problem: Problem) => {
    problems.push(problem);
    return firstOnly;
  };
  const status = statusOn(person, shift.date);
  if (status !== "active" && found({ code: "not_active", blocks: true, status })) return problems;
  if (person.conflict && found({ code: "conflict", blocks: true })) return problems;
  const clearance = person.clearance[shift.date];
  if (!clearance?.cleared && found({ code: "not_cleared", blocks: true, blockers: clearance?.blockers ?? [] })) return problems;
  const roles = rolesOn(person.roles, shift.date);
  if (!roles.some((role) => SHIFT_ROLES.has(role)) && found({ code: "role_gone", blocks: true })) return problems;
  const wrongRole = !roles.some((role) => SLOT_ROLES[slot].includes(role));
  if (wrongRole && firstOnly) return [{ code: "wrong_role", blocks: false }];
  if (context.placements.some((p) => p.shiftKey === shift.key && p.personId === person.id)) {
    if (found({ code: "already_on_shift", blocks: true })) return problems;
  }
  const others = shiftsOf(person, context, shift.key);
  if (others.some((o) => o.startsAt < shift.endsAt && shift.startsAt < o.endsAt)) {
    if (found({ code: "double_booked", blocks: true })) return problems;
  }
  if (wrongRole) problems.push({ code: "wrong_role", blocks: false });
  if (person.unavailable.some((u) => u.startsOn <= shift.date && shift.date <= u.endsOn)) {
    if (found({ code: "unavailable", blocks: false })) return problems;
  }
  const gapDays = person.serveEveryWeeks * 7;
  const shiftDay = dayNumber(shift.date);
  let nearest: IsoDate | null = null;
  for (const o of others) if (Math.abs(dayNumber(o.date) - shiftDay) < gapDays && (!nearest || o.date < nearest)) nearest = o.date;
  if (nearest) problems.push({ code: "within_gap", blocks: false, otherDate: nearest, weeks: person.serveEveryWeeks });
  return problems;
}

/**
 * What voids a placement already made, on its shift's date: left or paused by then, a conflict
 * of interest, no longer in a role that works shifts, or not cleared to work that day. The same
 * hard rules the generator applies, asked again whenever a rota is shown or sent.
 */
export function standingProblems(person: RotaPerson, shift: RotaShift, slot: Slot): Problem[] {
  // Their other shifts are not the question here (the placement itself is among them).
  return problemsFor({ ...person, otherShifts: [] }, shift, slot, NO_CONTEXT).filter((p) => VOIDS_A_PLACEMENT.has(p.code));
}

/** The hard rules that hold for a person on a date whatever else they are doing. */
const VOIDS_A_PLACEMENT = new Set<ProblemCode>(["not_active", "conflict", "not_cleared", "role_gone"]);

export type EditCheck = { refused: Problem | null; warnings: Problem[] };

/** A co-ordinator's manual placement: refused when it breaks a hard rule, otherwise warned. */
export function checkPlacement(person: RotaPerson, shift: RotaShift, slot: Slot, context: RotaContext): EditCheck {
  const problems = problemsFor(person, shift, slot, context);
  const warnings = problems.filter((p) => !p.blocks);
  const already = context.placements.filter((p) => p.shiftKey === shift.key && p.slot === slot).length;
  if (already >= shift.needs[slot]) warnings.push({ code: "place_full", blocks: false, needed: shift.needs[slot] });
  return { refused: problems.find((p) => p.blocks) ?? null, warnings };
}
