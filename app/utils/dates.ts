/**
 * Calendar dates as ISO text ("2024-03-01") and UK-style input and display.
 * Pure: no I/O; "now" is always passed in so callers and tests decide what today is.
 */
import { TZDate } from "@date-fns/tz";
import { addDays, addMonths, addYears, differenceInCalendarDays, format } from "date-fns";

/** A calendar day as "YYYY-MM-DD". Sorts and compares correctly as text. */
export type IsoDate = string;

export const LONDON = "Europe/London";

const MONTHS = [
  "january", "february", "march", "april", "may", "june",
  "july", "august", "september", "october", "november", "december",
];

export type DateParseResult = { ok: true; date: IsoDate } | { ok: false; message: string };

/**
 * Reads a date the way people in the UK write it: 27/3/2024, 27-03-2024, 27.03.2024,
 * 27 March 2024, 27 Mar 2024, and also the ISO form a date picker sends (2024-03-27).
 * Messages say what was wrong, not just that something was.
 */
export function parseUkDate(raw: string): DateParseResult {
  const input = raw.trim().replace(/\s+/g, " ");
  if (input === "") return { ok: false, message: "Enter a date" };

  let day: number, month: number, year: number;
  const iso = /^(\d{4})-(\d{1,2})-(\d{1,2})$/.exec(input);
  const numeric = /^(\d{1,2})[/.\- ](\d{1,2})[/.\- ](\d{2,4})$/.exec(input);
  const worded = /^(\d{1,2})(?:st|nd|rd|th)? ([a-z]+),? (\d{2,4})$/i.exec(input);
  if (iso) {
    [year, month, day] = [Number(iso[1]), Number(iso[2]), Number(iso[3])];
  } else if (numeric) {
    [day, month, year] = [Number(numeric[1]), Number(numeric[2]), Number(numeric[3])];
    if (numeric[3].length !== 4) return { ok: false, message: "Enter the year in full, for example 2024" };
  } else if (worded) {
    const name = worded[2].toLowerCase();
    const index = MONTHS.findIndex((m) => m === name || (name.length >= 3 && m.startsWith(name)));
    if (index === -1) return { ok: false, message: `“${worded[2]}” is not a month` };
    [day, month, year] = [Number(worded[1]), index + 1, Number(worded[3])];
    if (worded[3].length !== 4) return { ok: false, message: "Enter the year in full, for example 2024" };
  } else {
    return { ok: false, message: "Enter the date as day, month and year, for example 27/03/2024" };
  }

  if (month < 1 || month > 12) return { ok: false, message: "The month must be between 1 and 12" };
  if (year < 1900 || year > 2200) return { ok: false, message: "Enter a year between 1900 and 2200" };
  const daysInMonth = new Date(Date.UTC(year, month, 0)).getUTCDate();
  if (day < 1 || day > daysInMonth) {
    return {
      ok: false,
      message: `${capitalise(MONTHS[month - 1])} ${year} has ${daysInMonth} days: ${day} is not a day in it`,
    };
  }
  return { ok: true, date: toIso(year, month, day) };
}

function capitalise(word: string) {
  return word[0].toUpperCase() + word.slice(1);
}

function toIso(year: number, month: number, day: number): IsoDate {
  return `${String(year).padStart(4, "0")}-${String(month).padStart(2, "0")}-${String(day).padStart(2, "0")}`;
}

/** Midnight UTC of a calendar day: date-fns arithmetic on it never meets a clock change. */
function toUtcDate(iso: IsoDate): Date {
  const [y, m, d] = iso.split("-").map(Number);
  return new Date(Date.UTC(y, m - 1, d));
}

function fromUtcDate(date: Date): IsoDate {
  return toIso(date.getUTCFullYear(), date.getUTCMonth() + 1, date.getUTCDate());
}

export function isIsoDate(value: unknown): value is IsoDate {
  return typeof value === "string" && /^\d{4}-\d{2}-\d{2}$/.test(value);
}

/** The calendar day it is in London at the given instant. */
export function londonToday(now: Date): IsoDate {
  return format(new TZDate(now.getTime(), LONDON), "yyyy-MM-dd");
}

/** Adding years to 29 February lands on 28 February in a common year (date-fns clamps). */
export function addYearsIso(iso: IsoDate, years: number): IsoDate {
  return fromUtcDate(addYears(toUtcDate(iso), years));
}

export function addMonthsIso(iso: IsoDate, months: number): IsoDate {
  return fromUtcDate(addMonths(toUtcDate(iso), months));
}

export function addDaysIso(iso: IsoDate, days: number): IsoDate {
  return fromUtcDate(addDays(toUtcDate(iso), days));
}

/** Whole days from `from` to `to` (negative when `to` is earlier). */
export function daysBetween(from: IsoDate, to: IsoDate): number {
  return differenceInCalendarDays(toUtcDate(to), toUtcDate(from));
}

/** "5 Mar 2024": day, month, year, never ambiguous. */
export function formatUkDate(iso: IsoDate | null | undefined): string {
  if (!iso) return "";
  return format(toUtcDate(iso), "d MMM yyyy");
}

/** "05/03/2024": what Excel in a UK locale reads as a date. */
export function formatUkNumericDate(iso: IsoDate | null | undefined): string {
  if (!iso) return "";
  return format(toUtcDate(iso), "dd/MM/yyyy");
}

/** "Tue 5 Mar 2024" */
export function formatUkDateWithDay(iso: IsoDate): string {
  return format(toUtcDate(iso), "EEE d MMM yyyy");
}

/** An instant as London wall-clock time: "5 Mar 2024, 14:05". */
export function formatLondonDateTime(instant: Date): string {
  return format(new TZDate(instant.getTime(), LONDON), "d MMM yyyy, HH:mm");
}

/** The London wall-clock time of an instant: "14:05". */
export function formatLondonTime(instant: Date): string {
  return format(new TZDate(instant.getTime(), LONDON), "HH:mm");
}
