/**
 * A person's status over time. Pure. The current status is kept on the person for lists and
 * filters; the dated changes answer "what was their status on this date" for the matrix as on
 * a past date, and for whether they could serve on a shift's date.
 */
import { addDaysIso, type IsoDate } from "~/utils/dates";
import type { Status } from "./constants";

export type StatusChange = { status: string; effectiveOn: IsoDate };

export type StatusFacts = { status: string; startedOn: IsoDate | null; leftOn: IsoDate | null; statusChanges: StatusChange[] };

/**
 * Their status on `date`: the latest change in effect by then (changes on the same day: the last
 * written wins, so pass them oldest first). Before the first change they were working if they
 * had started, else an applicant.
 */
export function statusOn(person: StatusFacts, date: IsoDate): string {
  let found: StatusChange | null = null;
  for (const change of person.statusChanges) if (change.effectiveOn <= date && (!found || change.effectiveOn >= found.effectiveOn)) found = change;
  if (found) return found.status;
  if (person.statusChanges.length) return person.startedOn && date >= person.startedOn ? "active" : "applicant";
  // Records from before statuses were dated: the start and leaving dates tell.
  if (person.startedOn && date < person.startedOn) return "applicant";
  if (person.status === "left") return person.leftOn && date <= person.leftOn ? "active" : "left";
  return person.status;
}

/** The day a new status takes effect: the day after their last day for "left", else `today`. */
export function effectiveOnFor(status: Status, leftOn: IsoDate | null, today: IsoDate): IsoDate {
  return status === "left" && leftOn ? addDaysIso(leftOn, 1) : today;
}

/** The changes a new person starts with: active from their start date if they have started. */
export function initialStatusChanges(input: { status: Status; startedOn: IsoDate | null; leftOn: IsoDate | null }, today: IsoDate): StatusChange[] {
  const changes: StatusChange[] = [];
  if (input.startedOn && input.startedOn <= today && input.status !== "applicant") changes.push({ status: "active", effectiveOn: input.startedOn });
  if (input.status !== "active" || !changes.length) changes.push({ status: input.status, effectiveOn: effectiveOnFor(input.status, input.leftOn, today) });
  return changes;
}
