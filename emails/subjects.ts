/**
 * Email subjects, without React: the outbox lists a message by its subject from the moment it is
 * queued, long before (and without) the template being rendered.
 */
import { formatLondonTime, formatUkDateWithDay, type IsoDate } from "../app/utils/dates";

export type ReminderSubjectItem = { requirement: string; when: string; overdue: boolean; state?: "due" | "overdue" | "missing" };

export const subjects = {
  signInLink({ centreName, invitation }: { centreName: string; invitation: boolean }) {
    return invitation ? `You are invited to ${centreName}'s rota and compliance app` : `Your new sign-in link for ${centreName}`;
  },
  rota({ period, count }: { period: string; count: number }) {
    return `Your shifts on the rota for ${period} (${count})`;
  },
  shift({ session, date, startsAt, endsAt }: { session: string; date: IsoDate; startsAt: Date; endsAt: Date }) {
    return subjects.shiftLine({ session, when: `${formatUkDateWithDay(date)}, ${formatLondonTime(startsAt)} to ${formatLondonTime(endsAt)}` });
  },
  shiftLine({ session, when }: { session: string; when: string }) {
    return `Reminder: ${session}, ${when}`;
  },
  /** A weekly summary's subject says what is inside: "Your weekly summary: 1 out of date, 2 due soon". */
  reminder({ items, weekly }: { items: ReminderSubjectItem[]; weekly: boolean }) {
    if (weekly) {
      const count = (state: string) => items.filter((i) => (i.state ?? (i.overdue ? "overdue" : "due")) === state).length;
      const parts = [
        count("overdue") ? `${count("overdue")} out of date` : null,
        count("missing") ? `${count("missing")} not done yet` : null,
        count("due") ? `${count("due")} due soon` : null,
      ].filter(Boolean);
      return `Your weekly summary: ${parts.join(", ")}`;
    }
    const [item] = items;
    return `${item.requirement}: ${item.when.charAt(0).toLowerCase()}${item.when.slice(1)}`;
  },
  rotaChange({ event, session, date }: { event: "took" | "requested" | "swap-taken" | "your-swap-taken"; session: string; date: IsoDate }) {
    const on = `${session}, ${formatUkDateWithDay(date)}`;
    switch (event) {
      case "took": return `Rota change: a volunteer took an open place on ${on}`;
      case "requested": return `Waiting for your yes: a volunteer asked to take a place on ${on}`;
      case "swap-taken": return `Rota change: a swap was taken on ${on}`;
      case "your-swap-taken": return `Your swap was taken: you are no longer on ${on}`;
    }
  },
  openShifts() {
    return "Shifts that need someone, which you could take";
  },
  digest({ weekOf, expired, due, gaps }: { weekOf: string; expired: unknown[]; due: { lines: unknown[] }[]; gaps: unknown[] }) {
    const dueCount = due.reduce((n, d) => n + d.lines.length, 0);
    return `Week of ${weekOf}: ${expired.length} expired, ${dueCount} due in 90 days, ${gaps.length} rota gaps`;
  },
};
