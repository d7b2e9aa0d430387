/** The rota's rules and choices in words, built only where they are shown. Pure. */
import { formatUkDateWithDay, type IsoDate } from "~/utils/dates";
import { blockersInWords } from "~/modules/compliance/words";
import { STATUS_LABELS, isStatus } from "~/modules/people/constants";
import { SLOTS, type Problem, type ProblemCode, type Slot } from "./eligibility";
import type { Fairness, Shortfall } from "./generate";
import type { TakeRefusal } from "./self-service";

export const SLOT_LABELS: Record<Slot, { one: string; many: string }> = {
  coordinator: { one: "co-ordinator or deputy", many: "co-ordinators or deputies" },
  staff: { one: "staff member", many: "staff members" },
  volunteer: { one: "volunteer", many: "volunteers" },
};

/** "Sat 14 Mar": the year is clear from the rota around it. */
export function shortDate(date: IsoDate) {
  return formatUkDateWithDay(date).replace(/ \d{4}$/, "");
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

function statusWord(status: string) {
  if (status === "left") return "no longer at the centre";
  return isStatus(status) ? STATUS_LABELS[status].toLowerCase() : status;
}

/** One problem about one person and one shift, as a sentence. */
export function problemWords(problem: Problem, name: string, date: IsoDate, slot: Slot): string {
  const on = shortDate(date);
  switch (problem.code) {
    case "not_active": return `${name} is ${statusWord(problem.status)} on ${on}, not active`;
    case "conflict": return `${name} uses the centre for their own family's contact (conflict of interest)`;
    case "not_cleared": return `${name} is not cleared to work on ${on}: ${blockersInWords(problem.blockers) || "no compliance record"}`;
    case "role_gone": return `${name} holds no volunteer, staff or co-ordinator role on ${on}`;
    case "wrong_role": return `${name} is not a ${SLOT_LABELS[slot].one} on ${on}`;
    case "already_on_shift": return `${name} is already on this shift`;
    case "double_booked": return `${name} is on another shift at the same time`;
    case "unavailable": return `${name} has said they cannot do ${on}`;
    case "within_gap": return `${name} is also on ${shortDate(problem.otherDate)}, within their ${problem.weeks}-week gap`;
    case "place_full": return `This shift already has the ${problem.needed} ${SLOT_LABELS[slot].many} it needs`;
  }
}

/** Why a placement no longer stands, in a few words: "paused", "not cleared (DBS not accepted)". */
export function voidWords(problems: readonly Problem[]): string {
  return problems
    .map((p) => {
      switch (p.code) {
        case "not_active": return statusWord(p.status);
        case "conflict": return "conflict of interest";
        case "not_cleared": return `not cleared to work that day (${blockersInWords(p.blockers)})`;
        case "role_gone": return "no longer in a role that works shifts";
        default: return p.code;
      }
    })
    .join("; ");
}

/** Why the app took someone off a shift (ShiftAssignment.withdrawnReason). */
export const WITHDRAWN_WORDS: Record<string, string> = {
  left: "left the centre",
  paused: "paused",
  conflict: "conflict of interest",
};

const NUMBER_WORDS = ["no", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten"];

const RULED_OUT_WORDS: Partial<Record<ProblemCode, string>> = {
  unavailable: "unavailable",
  not_cleared: "not cleared",
  within_gap: "served too recently",
  double_booked: "on another shift at the time",
  not_active: "not active (paused, applicant or left)",
  conflict: "conflict of interest",
};

const RULED_OUT_ORDER: ProblemCode[] = ["unavailable", "not_cleared", "within_gap", "double_booked", "not_active", "conflict"];

function orList(numbers: readonly number[]) {
  return numbers.length <= 1 ? String(numbers[0]) : `${numbers.slice(0, -1).join(", ")} or ${numbers[numbers.length - 1]}`;
}

/** "Sat 14 Mar: one volunteer short — 3 unavailable, 2 not cleared (DBS recheck due), 1 served too recently (they asked for every 4 weeks)" */
export function shortfallWords(shortfall: Shortfall, date: IsoDate): string {
  const { slot, missing } = shortfall;
  const label = missing === 1 ? SLOT_LABELS[slot].one : SLOT_LABELS[slot].many;
  const head = `${shortDate(date)}: ${NUMBER_WORDS[missing] ?? missing} ${label} short`;
  const parts = RULED_OUT_ORDER.filter((code) => shortfall.ruledOut[code]).map((code) => {
    const why = code === "not_cleared" ? ` (${shortfall.notCleared.length ? blockersInWords(shortfall.notCleared).split(", ").join("; ") : "no compliance record"})`
      : code === "within_gap" && shortfall.gapWeeks.length ? ` (they asked for every ${orList(shortfall.gapWeeks)} weeks)` : "";
    return `${shortfall.ruledOut[code]} ${RULED_OUT_WORDS[code]}${why}`;
  });
  return `${head} — ${parts.length ? parts.join(", ") : `no one else holds the ${SLOT_LABELS[slot].one} role`}`;
}

/** Why someone is suggested for a place: "last on Sat 3 Oct", "no recent shifts". */
export function fairnessWords(fair: Fairness): string {
  const served = fair.last ? `last on ${shortDate(fair.last)}` : "no recent shifts";
  return fair.prefersOtherDays ? `${served}; prefers other days, but no one else could` : served;
}

/** " They were taken off 2 shifts, which now have a gap on the rota: Sat 12 Dec (Saturday supported contact), ..." */
export function openedWords(opened: readonly { date: IsoDate; session: string }[]): string {
  if (!opened.length) return "";
  const list = opened.map((o) => `${shortDate(o.date)} (${o.session})`).join(", ");
  return ` They were taken off ${opened.length === 1 ? "1 shift, which now has a gap" : `${opened.length} shifts, which now have gaps`} on the rota: ${list}.`;
}

/** Why a volunteer may not take a place, said to them. */
export function takeRefusalWords(refusal: TakeRefusal, date: IsoDate, slot: Slot): string {
  const on = shortDate(date);
  switch (refusal.code) {
    case "no_place_free": return "Someone else has just taken that place: it is no longer free";
    case "shift_started": return "That shift has already started";
    case "swap_closed": return "That swap is no longer on offer: it was taken, withdrawn or has closed";
    case "not_active": return `You are ${statusWord(refusal.status)} on ${on}, so you cannot take shifts then`;
    case "conflict": return "You cannot take shifts while you use the centre for your own family's contact";
    case "not_cleared": return `You are not cleared to work on ${on} (${blockersInWords(refusal.blockers) || "no compliance record"}): talk to your co-ordinator`;
    case "role_gone": return `You hold no volunteer, staff or co-ordinator role on ${on}`;
    case "wrong_role": return `That place is for a ${SLOT_LABELS[slot].one}, which you are not on ${on}`;
    case "already_on_shift": return "You are already on that shift";
    case "double_booked": return "You are on another shift at the same time";
    default: return problemWords(refusal, "You", date, slot);
  }
}

/** Why a place cannot be someone's, said about them (to a co-ordinator). */
export function refusalAbout(refusal: TakeRefusal, name: string, date: IsoDate, slot: Slot): string {
  switch (refusal.code) {
    case "no_place_free": return "the place is no longer free";
    case "shift_started": return "the shift has already started";
    case "swap_closed": return "the swap is no longer on offer";
    default: return problemWords(refusal, name, date, slot);
  }
}

/** Things a volunteer may weigh before taking a place, said to them. */
export function takeNoteWords(note: Problem): string {
  switch (note.code) {
    case "unavailable": return "you said you cannot do this date";
    case "within_gap": return `you are also on ${shortDate(note.otherDate)} (you asked for at most one shift every ${note.weeks} weeks)`;
    default: return "";
  }
}
