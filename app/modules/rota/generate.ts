/**
 * Drafting a rota: dates and people in, placements and reasons out. Pure and deterministic: the
 * same input always gives the same rota (ties are broken by name, then id).
 *
 * One set of checks (`problemsFor`) serves the generator, the co-ordinator's manual edits and
 * the cover list, so a rule is never enforced in one place and forgotten in another.
 */
import { daysBetween, formatUkDateWithDay, type IsoDate } from "~/utils/dates";
import { STATUS_LABELS, isStatus } from "~/modules/people/constants";
import { rolesOn, type RolePeriod } from "~/modules/people/roles";
import { WEEKDAYS, type WeekdayCode } from "./recurrence";

export const SLOTS = ["coordinator", "staff", "volunteer"] as const;
export type Slot = (typeof SLOTS)[number];

export const SLOT_LABELS: Record<Slot, { one: string; many: string }> = {
  coordinator: { one: "co-ordinator or deputy", many: "co-ordinators or deputies" },
  staff: { one: "staff member", many: "staff members" },
  volunteer: { one: "volunteer", many: "volunteers" },
};

/** Which roles can fill which place on a shift. */
export const SLOT_ROLES: Record<Slot, string[]> = {
  coordinator: ["coordinator", "deputy_coordinator"],
  staff: ["staff"],
  volunteer: ["volunteer"],
};

/** The places a session or shift needs, by kind. */
export function staffingNeeds(shift: { coordinatorsNeeded: number; staffNeeded: number; volunteersNeeded: number }): Record<Slot, number> {
  return { coordinator: shift.coordinatorsNeeded, staff: shift.staffNeeded, volunteer: shift.volunteersNeeded };
}

/** "1 volunteer, 2 staff members": the places still open given who fills which slot; "" when none. */
export function unfilledWords(needs: Record<Slot, number>, filledSlots: readonly string[]): string {
  return SLOTS.map((slot) => {
    const missing = needs[slot] - filledSlots.filter((s) => s === slot).length;
    return missing > 0 ? `${missing} ${missing === 1 ? SLOT_LABELS[slot].one : SLOT_LABELS[slot].many}` : null;
  })
    .filter(Boolean)
    .join(", ");
}

/** How far back "how often have they served" looks when sharing shifts out fairly. */
export const FAIRNESS_WINDOW_DAYS = 182;

export type RotaShift = {
  key: string;
  sessionName: string;
  date: IsoDate;
  /** Epoch milliseconds. */
  startsAt: number;
  endsAt: number;
  needs: Record<Slot, number>;
};

export type OtherShift = { date: IsoDate; startsAt: number; endsAt: number };

export type RotaPerson = {
  id: string;
  name: string;
  status: string;
  conflict: boolean;
  /** At most one shift every this many weeks (the person's choice or the centre's default). */
  serveEveryWeeks: number;
  preferredDays: WeekdayCode[];
  roles: RolePeriod[];
  unavailable: { startsOn: IsoDate; endsOn: IsoDate }[];
  /** Their shifts outside this rota: served in earlier rotas, or already on other rotas. */
  otherShifts: OtherShift[];
  /** Cleared to work on each shift date (from the compliance rules), with a short reason if not. */
  clearance: Record<IsoDate, { cleared: boolean; short: string }>;
  teamId?: string | null;
};

export type Placement = { shiftKey: string; personId: string; slot: Slot };
export type PlacementWithReason = Placement & { reason: string };

export type ProblemCode =
  | "not_active" | "conflict" | "wrong_role" | "unavailable" | "not_cleared" | "already_on_shift" | "double_booked" | "within_gap";

export type Problem = { code: ProblemCode; message: string; /** An edit that breaks this is refused, not just warned. */ blocks: boolean };

export type RotaContext = { shifts: Map<string, RotaShift>; placements: Placement[] };

function weekdayOf(date: IsoDate): WeekdayCode {
  const day = new Date(`${date}T00:00:00Z`).getUTCDay(); // 0 = Sunday
  return WEEKDAYS[(day + 6) % 7];
}

function shortDate(date: IsoDate) {
  return formatUkDateWithDay(date).replace(/ \d{4}$/, "");
}

/** The person's other shifts: elsewhere, and already placed in this rota. */
function shiftsOf(person: RotaPerson, context: RotaContext, exceptShiftKey?: string): OtherShift[] {
  const placed = context.placements
    .filter((p) => p.personId === person.id && p.shiftKey !== exceptShiftKey)
    .map((p) => context.shifts.get(p.shiftKey)!)
    .filter(Boolean);
  return [...person.otherShifts, ...placed];
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
  const on = () => shortDate(shift.date);
  if (person.status !== "active") {
    const word = isStatus(person.status) ? STATUS_LABELS[person.status].toLowerCase() : person.status;
    if (found({ code: "not_active", message: `${person.name} is ${word === "left" ? "no longer at the centre" : word}, not active`, blocks: true })) return problems;
  }
  if (person.conflict) {
    if (found({ code: "conflict", message: `${person.name} uses the centre for their own family's contact (conflict of interest)`, blocks: true })) return problems;
  }
  const clearance = person.clearance[shift.date];
  if (!clearance?.cleared) {
    if (found({ code: "not_cleared", message: `${person.name} is not cleared to work on ${on()}: ${clearance?.short ?? "no compliance record"}`, blocks: true })) return problems;
  }
  const roles = rolesOn(person.roles, shift.date);
  const wrongRole = !roles.some((role) => SLOT_ROLES[slot].includes(role));
  if (wrongRole && firstOnly) return [{ code: "wrong_role", message: `${person.name} is not a ${SLOT_LABELS[slot].one} on ${on()}`, blocks: false }];
  if (context.placements.some((p) => p.shiftKey === shift.key && p.personId === person.id)) {
    if (found({ code: "already_on_shift", message: `${person.name} is already on this shift`, blocks: true })) return problems;
  }
  const others = shiftsOf(person, context, shift.key);
  if (others.some((o) => o.startsAt < shift.endsAt && shift.startsAt < o.endsAt)) {
    if (found({ code: "double_booked", message: `${person.name} is on another shift at the same time`, blocks: true })) return problems;
  }
  if (wrongRole) problems.push({ code: "wrong_role", message: `${person.name} is not a ${SLOT_LABELS[slot].one} on ${on()}`, blocks: false });
  if (person.unavailable.some((u) => u.startsOn <= shift.date && shift.date <= u.endsOn)) {
    if (found({ code: "unavailable", message: `${person.name} has said they cannot do ${on()}`, blocks: false })) return problems;
  }
  const gapDays = person.serveEveryWeeks * 7;
  const near = others.filter((o) => Math.abs(daysBetween(o.date, shift.date)) < gapDays).sort((a, b) => a.date.localeCompare(b.date));
  if (near.length) {
    problems.push({
      code: "within_gap",
      message: `${person.name} is also on ${shortDate(near[0].date)}, within their ${person.serveEveryWeeks}-week gap`,
      blocks: false,
    });
  }
  return problems;
}

/** Fair order: preferred day first, then who served least recently, then least often. */
function fairness(person: RotaPerson, shift: RotaShift, context: RotaContext) {
  const past = shiftsOf(person, context).filter((o) => o.date <= shift.date);
  const last = past.map((o) => o.date).sort().at(-1) ?? null;
  const recent = past.filter((o) => daysBetween(o.date, shift.date) <= FAIRNESS_WINDOW_DAYS).length;
  const prefersOtherDays = person.preferredDays.length > 0 && !person.preferredDays.includes(weekdayOf(shift.date));
  return { last, recent, prefersOtherDays };
}

type Fairness = ReturnType<typeof fairness>;

function compareFairness(a: { person: RotaPerson; fair: Fairness }, b: { person: RotaPerson; fair: Fairness }) {
  return (
    Number(a.fair.prefersOtherDays) - Number(b.fair.prefersOtherDays) ||
    (a.fair.last ?? "").localeCompare(b.fair.last ?? "") ||
    a.fair.recent - b.fair.recent ||
    a.person.name.localeCompare(b.person.name) ||
    a.person.id.localeCompare(b.person.id)
  );
}

function fairnessReason(fair: Fairness) {
  const served = fair.last ? `last on ${shortDate(fair.last)}` : "no recent shifts";
  return fair.prefersOtherDays ? `${served}; prefers other days, but no one else could` : served;
}

/** People who could fill `slot` on `shift`, fairest first. Also the co-ordinator's cover list. */
export function rankCandidates(shift: RotaShift, slot: Slot, people: RotaPerson[], context: RotaContext) {
  return people
    .filter((person) => problemsFor(person, shift, slot, context, true).length === 0)
    .map((person) => ({ person, fair: fairness(person, shift, context) }))
    .sort(compareFairness)
    .map(({ person, fair }) => ({ person, reason: fairnessReason(fair) }));
}

export type Shortfall = { shiftKey: string; slot: Slot; missing: number; explanation: string };

const NUMBER_WORDS = ["no", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten"];

const PROBLEM_WORDS: Partial<Record<ProblemCode, string>> = {
  unavailable: "unavailable",
  not_cleared: "not cleared",
  within_gap: "served within their gap",
  double_booked: "on another shift at the time",
  not_active: "not active (paused, applicant or left)",
  conflict: "conflict of interest",
};

/** "Sat 14 Mar: one volunteer short — 3 unavailable, 2 not cleared (DBS recheck due), 1 served within their gap" */
export function explainShortfall(shift: RotaShift, slot: Slot, missing: number, people: RotaPerson[], context: RotaContext): string {
  const counts = new Map<ProblemCode, number>();
  const notClearedWhy = new Set<string>();
  for (const person of people) {
    const problems = problemsFor(person, shift, slot, context);
    if (problems.some((p) => p.code === "wrong_role" || p.code === "already_on_shift")) continue;
    const first = problems[0];
    if (!first) continue;
    counts.set(first.code, (counts.get(first.code) ?? 0) + 1);
    if (first.code === "not_cleared") notClearedWhy.add(person.clearance[shift.date]?.short ?? "no compliance record");
  }
  const label = missing === 1 ? SLOT_LABELS[slot].one : SLOT_LABELS[slot].many;
  const head = `${shortDate(shift.date)}: ${NUMBER_WORDS[missing] ?? missing} ${label} short`;
  const order: ProblemCode[] = ["unavailable", "not_cleared", "within_gap", "double_booked", "not_active", "conflict"];
  const parts = order
    .filter((code) => counts.get(code))
    .map((code) => `${counts.get(code)} ${PROBLEM_WORDS[code]}${code === "not_cleared" ? ` (${[...notClearedWhy].sort().join("; ")})` : ""}`);
  return `${head} — ${parts.length ? parts.join(", ") : `no one else holds the ${SLOT_LABELS[slot].one} role`}`;
}

export type Team = { id: string; name: string; memberIds: string[] };

export type GenerateOptions = {
  mode: "individuals" | "teams";
  teams?: Team[];
  /** Which team takes the first shift (continuing from the last rota). */
  firstTeamIndex?: number;
};

export type GeneratedRota = { placements: PlacementWithReason[]; shortfalls: Shortfall[] };

export function generateRota(shifts: RotaShift[], people: RotaPerson[], options: GenerateOptions = { mode: "individuals" }): GeneratedRota {
  const ordered = [...shifts].sort((a, b) => a.startsAt - b.startsAt || a.sessionName.localeCompare(b.sessionName) || a.key.localeCompare(b.key));
  const context: RotaContext = { shifts: new Map(ordered.map((s) => [s.key, s])), placements: [] };
  const placements: PlacementWithReason[] = [];
  const shortfalls: Shortfall[] = [];
  const byId = new Map(people.map((p) => [p.id, p]));
  const teams = options.mode === "teams" ? options.teams ?? [] : [];

  const place = (shift: RotaShift, person: RotaPerson, slot: Slot, reason: string) => {
    const placement = { shiftKey: shift.key, personId: person.id, slot };
    context.placements.push(placement);
    placements.push({ ...placement, reason });
  };

  ordered.forEach((shift, index) => {
    const filled: Record<Slot, number> = { coordinator: 0, staff: 0, volunteer: 0 };
    const team = teams.length ? teams[((options.firstTeamIndex ?? 0) + index) % teams.length] : null;

    if (team) {
      // The team on turn comes first; their turn is their gap, so only the hard rules apply.
      const members = team.memberIds.map((id) => byId.get(id)).filter((p): p is RotaPerson => Boolean(p)).sort((a, b) => a.name.localeCompare(b.name));
      for (const member of members) {
        const slot = SLOTS.find(
          (s) => filled[s] < shift.needs[s] && problemsFor(member, shift, s, context).every((p) => p.code === "within_gap"),
        );
        if (slot) {
          place(shift, member, slot, `${team.name}'s turn`);
          filled[slot]++;
        }
      }
    }

    for (const slot of SLOTS) {
      while (filled[slot] < shift.needs[slot]) {
        const best = rankCandidates(shift, slot, people, context)[0];
        if (!best) break;
        place(shift, best.person, slot, team ? `Filling a gap in ${team.name}: ${best.reason}` : best.reason);
        filled[slot]++;
      }
      const missing = shift.needs[slot] - filled[slot];
      if (missing > 0) shortfalls.push({ shiftKey: shift.key, slot, missing, explanation: explainShortfall(shift, slot, missing, people, context) });
    }
  });
  return { placements, shortfalls };
}

export type EditCheck = { refused: string | null; warnings: string[] };

/** A co-ordinator's manual placement: refused when it breaks a hard rule, otherwise warned. */
export function checkPlacement(person: RotaPerson, shift: RotaShift, slot: Slot, context: RotaContext): EditCheck {
  const problems = problemsFor(person, shift, slot, context);
  const refusal = problems.find((p) => p.blocks);
  const warnings = problems.filter((p) => !p.blocks).map((p) => p.message);
  const already = context.placements.filter((p) => p.shiftKey === shift.key && p.slot === slot).length;
  if (already >= shift.needs[slot]) warnings.push(`This shift already has the ${shift.needs[slot]} ${SLOT_LABELS[slot].many} it needs`);
  return { refused: refusal?.message ?? null, warnings };
}
