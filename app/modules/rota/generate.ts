/**
 * Drafting a rota: dates and people in, placements and shortfalls out. Pure and deterministic:
 * the same input always gives the same rota (ties are broken by name, then id). Works with codes
 * and whole day numbers only; ./words.ts explains a shortfall or a choice when one is shown.
 *
 * The rules of who may go where are ./eligibility.ts, shared with manual edits, the cover list
 * and re-checking published rotas.
 */
import { dayNumber, type IsoDate } from "~/utils/dates";
import type { ClearanceBlocker } from "~/modules/compliance/rules";
import { SLOTS, problemsFor, shiftsOf, type Placement, type ProblemCode, type RotaContext, type RotaPerson, type RotaShift, type Slot } from "./eligibility";
import { WEEKDAYS, type WeekdayCode } from "./recurrence";

/** How far back "how often have they served" looks when sharing shifts out fairly. */
export const FAIRNESS_WINDOW_DAYS = 182;

function weekdayOf(date: IsoDate): WeekdayCode {
  const day = new Date(`${date}T00:00:00Z`).getUTCDay(); // 0 = Sunday
  return WEEKDAYS[(day + 6) % 7];
}

/** Why someone comes first for a place: who served least recently, and least often. */
export type Fairness = { last: IsoDate | null; recent: number; prefersOtherDays: boolean };

function fairness(person: RotaPerson, shift: RotaShift, context: RotaContext): Fairness {
  const shiftDay = dayNumber(shift.date);
  let last: IsoDate | null = null;
  let recent = 0;
  for (const o of shiftsOf(person, context)) {
    if (o.date > shift.date) continue;
    if (!last || o.date > last) last = o.date;
    if (shiftDay - dayNumber(o.date) <= FAIRNESS_WINDOW_DAYS) recent++;
  }
  const prefersOtherDays = person.preferredDays.length > 0 && !person.preferredDays.includes(weekdayOf(shift.date));
  return { last, recent, prefersOtherDays };
}

type Ranked = { person: RotaPerson; fair: Fairness };

/** Each person's place in name order (then id), worked out once, so ties cost no string comparison. */
function nameOrder(people: RotaPerson[]): Map<string, number> {
  const sorted = [...people].sort((a, b) => a.name.localeCompare(b.name) || a.id.localeCompare(b.id));
  return new Map(sorted.map((person, index) => [person.id, index]));
}

function compareFairness(a: Ranked, b: Ranked, order: Map<string, number>) {
  // ISO dates sort as text; "" (never served) comes first.
  const lastA = a.fair.last ?? "";
  const lastB = b.fair.last ?? "";
  return (
    Number(a.fair.prefersOtherDays) - Number(b.fair.prefersOtherDays) ||
    (lastA < lastB ? -1 : lastA > lastB ? 1 : 0) ||
    a.fair.recent - b.fair.recent ||
    order.get(a.person.id)! - order.get(b.person.id)!
  );
}

function eligible(shift: RotaShift, slot: Slot, people: RotaPerson[], context: RotaContext): Ranked[] {
  return people
    .filter((person) => problemsFor(person, shift, slot, context, true).length === 0)
    .map((person) => ({ person, fair: fairness(person, shift, context) }));
}

/** People who could fill `slot` on `shift`, fairest first. Also the co-ordinator's cover list. */
export function rankCandidates(shift: RotaShift, slot: Slot, people: RotaPerson[], context: RotaContext): Ranked[] {
  const order = nameOrder(people);
  return eligible(shift, slot, people, context).sort((a, b) => compareFairness(a, b, order));
}

/**
 * rankCandidates as if everyone were cleared to work on the shift's date: the same order, from
 * which the first who are cleared can be found by asking of a few at a time (clearance is the
 * one rule that needs a person's DBS checks and references, the most there is to read of them).
 * Asking rankCandidates of each batch in this order, with their clearance, gives its own answer.
 */
export function rankCandidatesIfCleared(shift: RotaShift, slot: Slot, people: RotaPerson[], context: RotaContext): Ranked[] {
  const cleared = { cleared: true, blockers: [] };
  return rankCandidates(shift, slot, people.map((person) => ({ ...person, clearance: { ...person.clearance, [shift.date]: cleared } })), context);
}

/** The fairest of them: the first rankCandidates would give, found without sorting them all. */
function bestCandidate(shift: RotaShift, slot: Slot, people: RotaPerson[], context: RotaContext, order: Map<string, number>): Ranked | undefined {
  let best: Ranked | undefined;
  for (const candidate of eligible(shift, slot, people, context)) {
    if (!best || compareFairness(candidate, best, order) < 0) best = candidate;
  }
  return best;
}

/** Why a place could not be filled: how many people each rule kept out, and why some are not cleared. */
export type Shortfall = {
  shiftKey: string;
  slot: Slot;
  missing: number;
  ruledOut: Partial<Record<ProblemCode, number>>;
  notCleared: ClearanceBlocker[];
  /** The breaks (in weeks) asked for by those who served too recently. */
  gapWeeks: number[];
};

/** Counts, for each rule, the people it alone kept from a place (their first problem). */
export function explainShortfall(shift: RotaShift, slot: Slot, missing: number, people: RotaPerson[], context: RotaContext): Shortfall {
  const ruledOut: Partial<Record<ProblemCode, number>> = {};
  const notCleared = new Set<ClearanceBlocker>();
  const gapWeeks = new Set<number>();
  for (const person of people) {
    const problems = problemsFor(person, shift, slot, context);
    if (problems.some((p) => p.code === "wrong_role" || p.code === "role_gone" || p.code === "already_on_shift")) continue;
    const first = problems[0];
    if (!first) continue;
    ruledOut[first.code] = (ruledOut[first.code] ?? 0) + 1;
    if (first.code === "not_cleared") for (const b of first.blockers) notCleared.add(b);
    if (first.code === "within_gap") gapWeeks.add(first.weeks);
  }
  return { shiftKey: shift.key, slot, missing, ruledOut, notCleared: [...notCleared].sort(), gapWeeks: [...gapWeeks].sort((a, b) => a - b) };
}

export type Team = { id: string; name: string; memberIds: string[] };

export type GenerateOptions = {
  mode: "individuals" | "teams";
  teams?: Team[];
  /** Team mode: for each session (series), the index of the team whose turn comes next. */
  nextTurn?: Record<string, number>;
};

/** A placement and why the generator chose them: a team's turn, or fairness. */
export type ChosenPlacement = Placement & { teamTurn: boolean; fair: Fairness | null };

export type GeneratedRota = {
  placements: ChosenPlacement[];
  shortfalls: Shortfall[];
  /** Team mode: the team whose turn each shift was. */
  teamOf: Record<string, string>;
};

export function generateRota(shifts: RotaShift[], people: RotaPerson[], options: GenerateOptions = { mode: "individuals" }): GeneratedRota {
  const ordered = [...shifts].sort((a, b) => a.startsAt - b.startsAt || a.sessionName.localeCompare(b.sessionName) || a.key.localeCompare(b.key));
  const context: RotaContext = { shifts: new Map(ordered.map((s) => [s.key, s])), placements: [] };
  const placements: ChosenPlacement[] = [];
  const shortfalls: Shortfall[] = [];
  const teamOf: Record<string, string> = {};
  const byId = new Map(people.map((p) => [p.id, p]));
  const teams = options.mode === "teams" ? options.teams ?? [] : [];
  const turns = { ...(options.nextTurn ?? {}) };
  const order = nameOrder(people);

  const place = (shift: RotaShift, person: RotaPerson, slot: Slot, teamTurn: boolean, fair: Fairness | null) => {
    const placement = { shiftKey: shift.key, personId: person.id, slot };
    context.placements.push(placement);
    placements.push({ ...placement, teamTurn, fair });
  };

  for (const shift of ordered) {
    const filled: Record<Slot, number> = { coordinator: 0, staff: 0, volunteer: 0 };
    let team: Team | null = null;
    if (teams.length) {
      // Each session has its own turns: a monthly Sunday never uses up a team's Saturday.
      const turn = turns[shift.series] ?? 0;
      team = teams[turn % teams.length];
      turns[shift.series] = turn + 1;
      teamOf[shift.key] = team.id;
      // The team on turn comes first; their turn is their gap, so only the hard rules apply.
      const members = team.memberIds.map((id) => byId.get(id)).filter((p): p is RotaPerson => Boolean(p)).sort((a, b) => a.name.localeCompare(b.name));
      for (const member of members) {
        const slot = SLOTS.find((s) => filled[s] < shift.needs[s] && problemsFor(member, shift, s, context).every((p) => p.code === "within_gap"));
        if (slot) {
          place(shift, member, slot, true, null);
          filled[slot]++;
        }
      }
    }

    for (const slot of SLOTS) {
      while (filled[slot] < shift.needs[slot]) {
        const best = bestCandidate(shift, slot, people, context, order);
        if (!best) break;
        place(shift, best.person, slot, false, best.fair);
        filled[slot]++;
      }
      const missing = shift.needs[slot] - filled[slot];
      if (missing > 0) shortfalls.push(explainShortfall(shift, slot, missing, people, context));
    }
  }
  return { placements, shortfalls, teamOf };
}
