/**
 * Record of service: shifts served and hours, by month, by year and per person, and how well each
 * session's places were filled. Pure: shifts in, figures out. Hours come from the shift's own
 * start and end instants, so a shift across a clock change counts the hours really worked.
 */
import { addDaysIso, daysBetween, formatUkNumericDate, parseUkDate, type IsoDate } from "~/utils/dates";
import { safe } from "~/modules/compliance/csv";
import { csvLines } from "~/utils/csv";

export type ServedShift = { date: IsoDate; startsAt: number; endsAt: number };

const HOUR_MS = 60 * 60 * 1000;

/** Hours, to the nearest quarter hour: how sessions are timed. */
function hours(ms: number) {
  return Math.round((ms / HOUR_MS) * 4) / 4;
}

type Tally = { shifts: number; hours: number };

function tallyBy<K extends string>(shifts: readonly ServedShift[], keyOf: (s: ServedShift) => K) {
  const totals = new Map<K, { shifts: number; ms: number }>();
  for (const s of shifts) {
    const t = totals.get(keyOf(s)) ?? { shifts: 0, ms: 0 };
    t.shifts++;
    t.ms += s.endsAt - s.startsAt;
    totals.set(keyOf(s), t);
  }
  return [...totals.entries()].sort(([a], [b]) => b.localeCompare(a)).map(([key, t]) => ({ key, shifts: t.shifts, hours: hours(t.ms) }));
}

/** Shifts and hours in each month served ("2026-11"), latest first. */
export function servedByMonth(shifts: readonly ServedShift[]): ({ month: string } & Tally)[] {
  return tallyBy(shifts, (s) => s.date.slice(0, 7)).map(({ key, ...t }) => ({ month: key, ...t }));
}

/** Shifts and hours in each calendar year served, latest first. */
export function servedByYear(shifts: readonly ServedShift[]): ({ year: string } & Tally)[] {
  return tallyBy(shifts, (s) => s.date.slice(0, 4)).map(({ key, ...t }) => ({ year: key, ...t }));
}

export type PersonShift = ServedShift & { personId: string; name: string };

/** Per person: shifts, hours and their last shift in the period, most shifts first. */
export function servedPerPerson(rows: readonly PersonShift[]) {
  const byPerson = new Map<string, { personId: string; name: string; shifts: number; ms: number; last: IsoDate }>();
  for (const r of rows) {
    const p = byPerson.get(r.personId) ?? { personId: r.personId, name: r.name, shifts: 0, ms: 0, last: r.date };
    p.shifts++;
    p.ms += r.endsAt - r.startsAt;
    if (r.date > p.last) p.last = r.date;
    byPerson.set(r.personId, p);
  }
  return [...byPerson.values()]
    .map(({ ms, ...p }) => ({ ...p, hours: hours(ms) }))
    .sort((a, b) => b.shifts - a.shifts || a.name.localeCompare(b.name));
}

export type SessionStaffing = { sessionId: string; session: string; needed: number; filled: number };

/** Per session: how many of the places needed were filled (extra people do not make up for a gap elsewhere). */
export function fillRates(shifts: readonly SessionStaffing[]) {
  const bySession = new Map<string, { sessionId: string; session: string; shifts: number; needed: number; filled: number }>();
  for (const s of shifts) {
    const t = bySession.get(s.sessionId) ?? { sessionId: s.sessionId, session: s.session, shifts: 0, needed: 0, filled: 0 };
    t.shifts++;
    t.needed += s.needed;
    t.filled += Math.min(s.filled, s.needed);
    bySession.set(s.sessionId, t);
  }
  return [...bySession.values()]
    .map((t) => ({ ...t, rate: t.needed ? t.filled / t.needed : null }))
    .sort((a, b) => a.session.localeCompare(b.session));
}

/** The longest period one report covers: five years of shifts is plenty, and keeps a request bounded. */
export const MAX_PERIOD_DAYS = 5 * 366;

export type PeriodParse = { ok: true; from: IsoDate; to: IsoDate } | { ok: false; errors: { from?: string; to?: string } };

/** A report's period from UK dates typed in (either may be blank: the last twelve months up to today). */
export function parsePeriod(fromRaw: string, toRaw: string, today: IsoDate): PeriodParse {
  const errors: { from?: string; to?: string } = {};
  const read = (raw: string, field: "from" | "to", fallback: IsoDate) => {
    if (!raw.trim()) return fallback;
    const parsed = parseUkDate(raw);
    if (!parsed.ok) {
      errors[field] = parsed.message;
      return fallback;
    }
    return parsed.date;
  };
  const to = read(toRaw, "to", today);
  const from = read(fromRaw, "from", addDaysIso(to, -364));
  if (!errors.from && !errors.to) {
    if (from > to) errors.to = "The end of the period must be on or after its start";
    else if (daysBetween(from, to) > MAX_PERIOD_DAYS) errors.from = "Choose a period of at most five years";
  }
  return Object.keys(errors).length ? { ok: false, errors } : { ok: true, from, to };
}

/** The record of service as CSV for Excel (UTF-8 with BOM, CRLF, UK dates, no formula cells). */
export function serviceCsv(what: "people" | "sessions", report: { people: ReturnType<typeof servedPerPerson>; sessions: ReturnType<typeof fillRates> }, from: IsoDate, to: IsoDate): string {
  const period = [formatUkNumericDate(from), formatUkNumericDate(to)];
  const rows = what === "people"
    ? [["Name", "Shifts served", "Hours", "Last shift", "From", "To"], ...report.people.map((p) => [safe(p.name), p.shifts, p.hours, formatUkNumericDate(p.last), ...period])]
    : [["Session", "Shifts", "Places needed", "Places filled", "Fill rate (%)", "From", "To"],
      ...report.sessions.map((s) => [safe(s.session), s.shifts, s.needed, s.filled, s.rate === null ? "" : Math.round(s.rate * 100), ...period])];
  return "\uFEFF" + csvLines(rows);
}
