/**
 * Calendar dates as ISO text ("2024-03-01") and UK-style input and display.
 * Pure: no I/O; "now" is always passed in so callers and tests decide what today is.
 */
import { TZDate } from "@date-fns/tz";
// The one function we use, from its own module: the package index loads all of date-fns (20 MB).
import { format } from "date-fns/format";

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

/** Midnight UTC of a calendar day: arithmetic on it never meets a clock change. */
function toUtcDate(iso: IsoDate): Date {
  return new Date(Date.UTC(Number(iso.slice(0, 4)), Number(iso.slice(5, 7)) - 1, Number(iso.slice(8, 10))));
}

function fromUtcDate(date: Date): IsoDate {
  return toIso(date.getUTCFullYear(), date.getUTCMonth() + 1, date.getUTCDate());
}

// Made once: every request asks what day it is, several times, and a TZDate with a format costs
// about ten times this.
const LONDON_DAY = new Intl.DateTimeFormat("en-GB", { timeZone: LONDON, year: "numeric", month: "2-digit", day: "2-digit" });

/** The calendar day it is in London at the given instant. */
export function londonToday(now: Date): IsoDate {
  const part = Object.fromEntries(LONDON_DAY.formatToParts(now).map((p) => [p.type, p.value]));
  return `${part.year}-${part.month}-${part.day}`;
}

/** The instant a London wall-clock time happens on a day. */
export function londonInstant(date: IsoDate, time: string): Date {
  const [y, m, d] = date.split("-").map(Number);
  const [hours, minutes] = time.split(":").map(Number);
  return new Date(new TZDate(y, m - 1, d, hours, minutes, LONDON).getTime());
}

// The compliance rules call the helpers below hundreds of thousands of times for a large centre,
// so they work on the ISO text directly rather than through date-fns (about ten times faster).

function daysInMonth(year: number, month: number) {
  return new Date(Date.UTC(year, month, 0)).getUTCDate();
}

/** Adding months to the 31st (or 29 February) lands on the last day of a shorter month. */
export function addMonthsIso(iso: IsoDate, months: number): IsoDate {
  const total = Number(iso.slice(0, 4)) * 12 + Number(iso.slice(5, 7)) - 1 + months;
  const year = Math.floor(total / 12);
  const month = total - year * 12 + 1;
  return toIso(year, month, Math.min(Number(iso.slice(8, 10)), daysInMonth(year, month)));
}

/** Adding years to 29 February lands on 28 February in a common year. */
export function addYearsIso(iso: IsoDate, years: number): IsoDate {
  return addMonthsIso(iso, years * 12);
}

export function addDaysIso(iso: IsoDate, days: number): IsoDate {
  const date = toUtcDate(iso);
  date.setUTCDate(date.getUTCDate() + days);
  return fromUtcDate(date);
}

const DAY_MS = 24 * 60 * 60 * 1000;

const dayNumbers = new Map<IsoDate, number>();

/**
 * The day as a whole number (days since 1 January 1970), for code that compares many dates:
 * subtracting two of them is daysBetween without parsing. Remembered, as the same few dates
 * come up thousands of times in a rota.
 */
export function dayNumber(iso: IsoDate): number {
  let day = dayNumbers.get(iso);
  if (day === undefined) {
    day = Math.round(toUtcDate(iso).getTime() / DAY_MS);
    if (dayNumbers.size > 100_000) dayNumbers.clear();
    dayNumbers.set(iso, day);
  }
  return day;
}

/** Whole days from `from` to `to` (negative when `to` is earlier). */
export function daysBetween(from: IsoDate, to: IsoDate): number {
  return dayNumber(to) - dayNumber(from);
}

const SHORT_MONTHS = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"];

/** "5 Mar 2024": day, month, year, never ambiguous. */
export function formatUkDate(iso: IsoDate | null | undefined): string {
  if (!iso) return "";
  return `${Number(iso.slice(8, 10))} ${SHORT_MONTHS[Number(iso.slice(5, 7)) - 1]} ${iso.slice(0, 4)}`;
}

const MONTH_NAMES = MONTHS.map((name) => name[0].toUpperCase() + name.slice(1));

/** "March 2024", for a month ("2024-03") or any date in it. */
export function formatUkMonth(isoMonthOrDate: string): string {
  return `${MONTH_NAMES[Number(isoMonthOrDate.slice(5, 7)) - 1]} ${isoMonthOrDate.slice(0, 4)}`;
}

/** "05/03/2024": what Excel in a UK locale reads as a date. */
export function formatUkNumericDate(iso: IsoDate | null | undefined): string {
  if (!iso) return "";
  return `${iso.slice(8, 10)}/${iso.slice(5, 7)}/${iso.slice(0, 4)}`;
}

const SHORT_DAYS = ["Sun", "Mon", "Tue", "Wed", "Thu", "Fri", "Sat"];

/** "Tue 5 Mar 2024" */
export function formatUkDateWithDay(iso: IsoDate): string {
  return `${SHORT_DAYS[toUtcDate(iso).getUTCDay()]} ${formatUkDate(iso)}`;
}

/** An instant as London wall-clock time: "5 Mar 2024, 14:05". */
export function formatLondonDateTime(instant: Date): string {
  return format(new TZDate(instant.getTime(), LONDON), "d MMM yyyy, HH:mm");
}

/** The London wall-clock time of an instant: "14:05". */
export function formatLondonTime(instant: Date): string {
  return format(new TZDate(instant.getTime(), LONDON), "HH:mm");
}
