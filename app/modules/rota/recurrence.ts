/**
 * Recurring sessions with rrule. rrule works on "floating" dates: we give it calendar days as UTC
 * midnights and read the days back, then place the session's wall-clock times in Europe/London,
 * so a 10:00 session stays at 10:00 on both sides of a clock change. Pure.
 */
import * as rruleModule from "rrule";
import type { Weekday } from "rrule";
import { addDaysIso, londonInstant, type IsoDate } from "~/utils/dates";

export const WEEKDAYS = ["MO", "TU", "WE", "TH", "FR", "SA", "SU"] as const;
export type WeekdayCode = (typeof WEEKDAYS)[number];
export const WEEKDAY_NAMES: Record<WeekdayCode, string> = {
  MO: "Monday", TU: "Tuesday", WE: "Wednesday", TH: "Thursday", FR: "Friday", SA: "Saturday", SU: "Sunday",
};

export type SessionPattern = {
  frequency: "weekly" | "monthly";
  interval: number;
  weekdays: WeekdayCode[];
  /** Monthly: 1-4 for the first to fourth, -1 for the last; ignored for weekly. */
  weekOfMonth: number | null;
  startsOn: IsoDate;
  endsOn: IsoDate | null;
  /** "HH:MM" in Europe/London. */
  startTime: string;
  endTime: string;
};

// rrule is CommonJS: Node's ESM loader (tsx scripts) only sees it as a default export, while
// bundlers and vitest see named exports. This finds RRule either way.
const RRule: typeof rruleModule.RRule =
  rruleModule.RRule ?? (rruleModule as unknown as { default: typeof rruleModule }).default.RRule;

function floating(iso: IsoDate, endOfDay = false): Date {
  const [y, m, d] = iso.split("-").map(Number);
  return new Date(Date.UTC(y, m - 1, d, endOfDay ? 23 : 0, endOfDay ? 59 : 0));
}

function isoOfFloating(date: Date): IsoDate {
  return date.toISOString().slice(0, 10);
}

const RRULE_DAYS: Record<WeekdayCode, Weekday> = {
  MO: RRule.MO, TU: RRule.TU, WE: RRule.WE, TH: RRule.TH, FR: RRule.FR, SA: RRule.SA, SU: RRule.SU,
};

export function toRRule(pattern: SessionPattern): rruleModule.RRule {
  const days = pattern.weekdays.map((code) => RRULE_DAYS[code]);
  return new RRule({
    freq: pattern.frequency === "weekly" ? RRule.WEEKLY : RRule.MONTHLY,
    interval: pattern.interval,
    byweekday: pattern.frequency === "monthly" && pattern.weekOfMonth ? days.map((day) => day.nth(pattern.weekOfMonth!)) : days,
    dtstart: floating(pattern.startsOn),
    until: pattern.endsOn ? floating(pattern.endsOn, true) : null,
    wkst: RRule.MO,
  });
}

/** The rule in words for the form's preview: "Every 2 weeks on Sunday, 10:00 to 12:30". */
export function describePattern(pattern: SessionPattern): string {
  const text = toRRule(pattern).toText();
  return `${text[0].toUpperCase()}${text.slice(1)}, ${pattern.startTime} to ${pattern.endTime}`;
}

/** The calendar days the pattern falls on between two dates, inclusive. */
export function patternDates(pattern: SessionPattern, from: IsoDate, to: IsoDate): IsoDate[] {
  return toRRule(pattern).between(floating(from), floating(to, true), true).map(isoOfFloating);
}

/** The end of a day in London: after it, mail about that day is no longer worth sending. */
export function endOfLondonDay(date: IsoDate): Date {
  return londonInstant(addDaysIso(date, 1), "00:00");
}

export type Occurrence = {
  sessionId: string;
  date: IsoDate;
  startsAt: Date;
  endsAt: Date;
  /** Why it does not run that day (bank holiday, closure), or null when it runs. */
  skippedBecause: string | null;
  extra: boolean;
};

export type SessionForOccurrences = SessionPattern & { id: string; skipBankHolidays: boolean; extraDates: IsoDate[] };
export type ClosureDay = { date: IsoDate; sessionId: string | null; reason: string };

/** Every date a session runs in a period, with skipped dates kept (and explained) for display. */
export function sessionOccurrences(
  session: SessionForOccurrences,
  from: IsoDate,
  to: IsoDate,
  closures: ClosureDay[],
  bankHolidays: { date: IsoDate; name: string }[],
): Occurrence[] {
  const regular = patternDates(session, from, to).map((date) => ({ date, extra: false }));
  const extras = session.extraDates
    .filter((date) => date >= from && date <= to && !regular.some((r) => r.date === date))
    .map((date) => ({ date, extra: true }));
  return [...regular, ...extras]
    .sort((a, b) => a.date.localeCompare(b.date))
    .map(({ date, extra }) => {
      const closure = closures.find((c) => c.date === date && (c.sessionId === null || c.sessionId === session.id));
      const holiday = !extra && session.skipBankHolidays ? bankHolidays.find((h) => h.date === date) : undefined;
      return {
        sessionId: session.id,
        date,
        startsAt: londonInstant(date, session.startTime),
        endsAt: londonInstant(date, session.endTime),
        skippedBecause: closure ? `Closed: ${closure.reason}` : holiday ? `Bank holiday: ${holiday.name}` : null,
        extra,
      };
    });
}
