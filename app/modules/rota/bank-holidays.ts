/**
 * Bank holidays for each UK nation, computed by rule with the date-holidays library (Easter,
 * "first Monday in May", substitute days), so they never run out the way a typed-in list does.
 * As GOV.UK lists them, a holiday that falls on a weekend is replaced by its substitute weekday.
 * One-off holidays (a coronation, a state funeral) are the centre's closures to add by hand.
 */
import Holidays from "date-holidays";
import type { IsoDate } from "~/utils/dates";
import type { Nation } from "./nations";

const REGION: Record<Nation, string> = { england_wales: "ENG", scotland: "SCT", northern_ireland: "NIR" };

export type BankHoliday = { date: IsoDate; name: string };

const SUBSTITUTE = " (substitute day)";
const cache = new Map<string, BankHoliday[]>();

function holidaysIn(nation: Nation, year: number): BankHoliday[] {
  const key = `${nation}:${year}`;
  const cached = cache.get(key);
  if (cached) return cached;
  const all = new Holidays("GB", REGION[nation])
    .getHolidays(year)
    .filter((h) => h.type === "public" || h.type === "bank")
    .map((h) => ({ date: h.date.slice(0, 10), name: h.name }));
  const substituted = new Set(all.filter((h) => h.name.endsWith(SUBSTITUTE)).map((h) => h.name.slice(0, -SUBSTITUTE.length)));
  const days = all.filter((h) => h.name.endsWith(SUBSTITUTE) || !substituted.has(h.name));
  cache.set(key, days);
  return days;
}

/** The bank holidays in a nation between two dates, inclusive, in date order. */
export function bankHolidays(nation: Nation, from: IsoDate, to: IsoDate): BankHoliday[] {
  const days: BankHoliday[] = [];
  for (let year = Number(from.slice(0, 4)); year <= Number(to.slice(0, 4)); year++) {
    for (const h of holidaysIn(nation, year)) if (h.date >= from && h.date <= to) days.push(h);
  }
  return days;
}
