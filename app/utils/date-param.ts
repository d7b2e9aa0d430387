/** The "as on" date of a report: UK-style in the URL (?date=27/03/2024), today when absent. */
import { formatUkDate, parseUkDate, type IsoDate } from "./dates";

export type DateParam = { date: IsoDate; isToday: boolean; input: string; error: string | null };

export function dateParam(url: URL, today: IsoDate): DateParam {
  const raw = url.searchParams.get("date")?.trim() ?? "";
  if (!raw) return { date: today, isToday: true, input: formatUkDate(today), error: null };
  const parsed = parseUkDate(raw);
  if (!parsed.ok) return { date: today, isToday: true, input: raw, error: `${parsed.message}. Showing today instead.` };
  return { date: parsed.date, isToday: parsed.date === today, input: raw, error: null };
}
