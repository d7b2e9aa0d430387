/** The "as on" date of a report: UK-style in the URL (?date=27/03/2024), today when absent. */
import { formatUkDate, parseUkDate, type IsoDate } from "./dates";

/** `problem`: why the date asked for could not be used (today is shown instead), for the page and a 400. */
export type DateParam = { date: IsoDate; isToday: boolean; input: string; problem: string | null; error: string | null };

export function dateParam(url: URL, today: IsoDate): DateParam {
  const raw = url.searchParams.get("date")?.trim() ?? "";
  if (!raw) return { date: today, isToday: true, input: formatUkDate(today), problem: null, error: null };
  const parsed = parseUkDate(raw);
  const problem = !parsed.ok
    ? parsed.message
    : parsed.date > today
      ? `${formatUkDate(parsed.date)} is in the future: choose today or a past date`
      : null;
  if (problem || !parsed.ok) return { date: today, isToday: true, input: raw, problem, error: `${problem}. Showing today instead.` };
  return { date: parsed.date, isToday: parsed.date === today, input: raw, problem: null, error: null };
}
