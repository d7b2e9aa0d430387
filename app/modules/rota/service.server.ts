/** Record of service from the database: someone's own, and the centre's over a period. */
import { prisma } from "~/db.server";
import { fullName } from "~/modules/people/people.server";
import { clock } from "~/utils/clock.server";
import type { IsoDate } from "~/utils/dates";
import { checkPlacements } from "./rota.server";
import { fillRates, parsePeriod, servedByMonth, servedByYear, servedPerPerson } from "./service";

/** The period asked for in the URL (?from=01/01/2026&to=31/12/2026), or the last twelve months. */
export function periodFrom(url: URL) {
  const fromInput = url.searchParams.get("from") ?? "";
  const toInput = url.searchParams.get("to") ?? "";
  return { fromInput, toInput, period: parsePeriod(fromInput, toInput, clock.today()) };
}

/** Shifts served: on a published rota, on the shift when it happened (before today). */
const SERVED = { status: "assigned", shift: { rota: { status: "published" } } } as const;

/** One person's shifts served, by month and by year. */
export async function myService(personId: string, today: IsoDate = clock.today()) {
  const rows = await prisma.shiftAssignment.findMany({
    where: { ...SERVED, personId, shift: { ...SERVED.shift, date: { lt: today } } },
    select: { shift: { select: { date: true, startsAt: true, endsAt: true } } },
  });
  const shifts = rows.map((r) => ({ date: r.shift.date, startsAt: r.shift.startsAt.getTime(), endsAt: r.shift.endsAt.getTime() }));
  return { total: shifts.length, byMonth: servedByMonth(shifts), byYear: servedByYear(shifts) };
}

/**
 * The centre's service between two dates: each person's shifts served (past ones), and each
 * session's fill rate (places still to come counted as they stand today, re-checked).
 */
export async function centreService(centreId: string, from: IsoDate, to: IsoDate, today: IsoDate = clock.today()) {
  const shifts = await prisma.shift.findMany({
    where: { rota: { centreId, status: "published" }, date: { gte: from, lte: to } },
    include: {
      session: { select: { name: true } },
      assignments: { where: { status: "assigned" }, select: { id: true, personId: true, slot: true, status: true, person: { select: { firstName: true, lastName: true } } } },
    },
  });
  const voids = await checkPlacements(prisma, centreId, shifts, today);
  const served = shifts.filter((s) => s.date < today).flatMap((s) =>
    s.assignments.map((a) => ({ personId: a.personId, name: fullName(a.person), date: s.date, startsAt: s.startsAt.getTime(), endsAt: s.endsAt.getTime() })),
  );
  return {
    people: servedPerPerson(served),
    sessions: fillRates(shifts.map((s) => ({
      sessionId: s.sessionId, session: s.session.name,
      needed: s.coordinatorsNeeded + s.staffNeeded + s.volunteersNeeded,
      filled: s.assignments.filter((a) => !voids.has(a.id)).length,
    }))),
  };
}
