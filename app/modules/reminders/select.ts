/**
 * Which reminders are due today. Pure: compliance results and a date in, reminders out.
 *
 * For each requirement with an expiry, the lead times (default 60, 30 and 7 days before, and 0:
 * the day of expiry) form stages; a reminder belongs to the most urgent stage reached. Each
 * (person, requirement, expiry, stage) has a key, and a key is only ever sent once, so running
 * twice in a day, or after missing a few days, never repeats a reminder nor floods someone with
 * the stages they missed.
 */
import { addDaysIso, daysBetween, formatUkDate, type IsoDate } from "~/utils/dates";
import type { PersonCompliance, RequirementResult } from "~/modules/compliance/rules";

export const DEFAULT_LEAD_DAYS = [60, 30, 7, 0];

export function parseLeadDays(value: string): number[] {
  const days = value.split(",").map((d) => Number(d.trim())).filter((d) => Number.isInteger(d) && d >= 0 && d <= 365);
  return [...new Set(days)].sort((a, b) => b - a);
}

export type ReminderPerson = {
  personId: string;
  name: string;
  email: string | null;
  mode: string;
  compliance: PersonCompliance;
};

export type DueReminder = {
  key: string;
  personId: string;
  requirementKey: string;
  requirement: string;
  kind: RequirementResult["kind"];
  /** The last day it is (or was) in date. */
  expiresOn: IsoDate;
  lead: number;
  /** Days until it lapses; negative once it has. */
  daysLeft: number;
};

/** The last day a requirement is (or was) in date, if it can lapse at all. */
function lastValidDay(requirement: RequirementResult): IsoDate | null {
  if (requirement.validUntil) return requirement.validUntil;
  if (requirement.status === "expired" && requirement.lapsedOn) return addDaysIso(requirement.lapsedOn, -1);
  return null;
}

export function selectReminders(people: ReminderPerson[], leadDays: number[], today: IsoDate, alreadySent: ReadonlySet<string>): DueReminder[] {
  const leads = [...leadDays].sort((a, b) => a - b);
  const due: DueReminder[] = [];
  for (const person of people) {
    if (!person.compliance.counted) continue;
    for (const requirement of person.compliance.requirements) {
      const expiresOn = lastValidDay(requirement);
      if (!expiresOn) continue;
      const daysLeft = daysBetween(today, expiresOn);
      const lead = leads.find((l) => daysLeft <= l);
      if (lead === undefined) continue;
      const key = `${person.personId}:${requirement.key}:${expiresOn}:${lead}`;
      if (alreadySent.has(key)) continue;
      due.push({
        key, personId: person.personId, requirementKey: requirement.key, requirement: requirement.label, kind: requirement.kind,
        expiresOn, lead, daysLeft,
      });
    }
  }
  return due.sort((a, b) => a.personId.localeCompare(b.personId) || a.daysLeft - b.daysLeft || a.requirement.localeCompare(b.requirement));
}

/** "Expires in 30 days, on 1 Mar 2026" / "Expires today" / "Expired on 1 Mar 2026" */
export function whenWords(reminder: Pick<DueReminder, "daysLeft" | "expiresOn">): string {
  if (reminder.daysLeft > 1) return `Due in ${reminder.daysLeft} days, by ${formatUkDate(reminder.expiresOn)}`;
  if (reminder.daysLeft === 1) return `Due tomorrow, ${formatUkDate(reminder.expiresOn)}`;
  if (reminder.daysLeft === 0) return `Due today, ${formatUkDate(reminder.expiresOn)}`;
  return `Out of date since ${formatUkDate(addDaysIso(reminder.expiresOn, 1))}`;
}

/** What the person should do about it, in plain words. */
export function nextStep(kind: DueReminder["kind"]): string {
  switch (kind) {
    case "dbs":
      return "Talk to your co-ordinator about your DBS recheck. If you are on the DBS Update Service, the centre can run a status check with your consent instead.";
    case "safeguarding":
      return "Book your annual safeguarding refresher with your co-ordinator.";
    case "coordinator":
      return "Book NACCC co-ordinator training; it must be renewed every three years.";
    case "references":
      return "Your co-ordinator is waiting for your references.";
    default:
      return "Arrange this training with your co-ordinator, then let them know so they can record it.";
  }
}

/** The Monday that starts the week of `date`: weekly summaries and digests go once per week. */
export function weekOf(date: IsoDate): IsoDate {
  const weekday = (new Date(`${date}T00:00:00Z`).getUTCDay() + 6) % 7;
  return addDaysIso(date, -weekday);
}
