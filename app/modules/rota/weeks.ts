/**
 * Rotas seen by the week (Monday to Sunday, the UK's week): the rota grid's rows and the
 * dashboard's chart of places filled against places needed. Pure.
 */
import { addDaysIso, type IsoDate } from "~/utils/dates";

/** The Monday of the week `date` falls in. */
export function weekStart(date: IsoDate): IsoDate {
  const weekday = new Date(`${date}T12:00:00Z`).getUTCDay(); // 0 Sunday … 6 Saturday
  return addDaysIso(date, -((weekday + 6) % 7));
}

/** Every Monday from the week of `from` to the week of `to`. */
export function weeksBetween(from: IsoDate, to: IsoDate): IsoDate[] {
  const weeks: IsoDate[] = [];
  for (let monday = weekStart(from); monday <= to; monday = addDaysIso(monday, 7)) weeks.push(monday);
  return weeks;
}

export type ShiftStaffing = { date: IsoDate; needed: number; filled: number };
export type WeekStaffing = { weekStart: IsoDate; needed: number; filled: number };

/** Places needed and filled, added up by week; weeks without shifts show as nothing needed. */
export function staffingByWeek(shifts: readonly ShiftStaffing[], from: IsoDate, to: IsoDate): WeekStaffing[] {
  const weeks = new Map(weeksBetween(from, to).map((w) => [w, { weekStart: w, needed: 0, filled: 0 }]));
  for (const shift of shifts) {
    const week = weeks.get(weekStart(shift.date));
    if (!week) continue;
    week.needed += shift.needed;
    week.filled += Math.min(shift.filled, shift.needed);
  }
  return [...weeks.values()];
}

/** The rota grid: one row per week, one column per session, each cell that week's shifts of it. */
export function rotaGrid<S extends { date: IsoDate; seriesId: string }>(shifts: readonly S[], sessions: readonly { id: string }[]) {
  if (!shifts.length) return [];
  const dates = shifts.map((s) => s.date).sort();
  return weeksBetween(dates[0], dates[dates.length - 1]).map((monday) => {
    const sunday = addDaysIso(monday, 6);
    return {
      weekStart: monday,
      cells: sessions.map((session) => shifts.filter((s) => s.seriesId === session.id && s.date >= monday && s.date <= sunday)),
    };
  });
}
