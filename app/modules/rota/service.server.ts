/** Record of service from the database: someone's own, and the centre's over a period. */
import { prisma } from "~/db.server";
import { fullName } from "~/modules/people/people.server";
import { clock } from "~/utils/clock.server";
import type { IsoDate } from "~/utils/dates";
import { checkPlacements } from "./rota.server";
import { assignedOnly, readPersonShifts, readShifts } from "./shift-reads.server";
import { fillRates, parsePeriod, servedByMonth, servedByYear, servedPerPerson } from "./service";

/** The period asked for in the URL (?from=01/01/2026&to=31/12/2026), or the last twelve months. */
export function periodFrom(url: URL) {
  const fromInput = url.searchParams.get("from") ?? "";
  const toInput = url.searchParams.get("to") ?? "";
  return { fromInput, toInput, period: parsePeriod(fromInput, toInput, clock.today()) };
}

/**
 * One person's shifts served (on a published rota, on the shift when it happened, before today),
 * by month and by year. One prepared read of their placements: My record shows this on every load.
 */
export async function myService(personId: string, today: IsoDate = clock.today()) {
  const served = (await readPersonShifts(prisma, personId)).filter((a) => a.status === "assigned" && a.shift.date < today);
  const shifts = served.map(({ shift }) => ({ date: shift.date, startsAt: shift.startsAt.getTime(), endsAt: shift.endsAt.getTime() }));
  return { total: shifts.length, byMonth: servedByMonth(shifts), byYear: servedByYear(shifts) };
}

/**
 * The centre's service between two dates: each person's shifts served (past ones), and each
 * session's fill rate (places still to come counted as they stand today, re-checked).
 */
export async function centreService(centreId: string, from: IsoDate, to: IsoDate, today: IsoDate = clock.today()) {
  const shifts = assignedOnly(await readShifts(prisma, centreId, { from, to, publishedOnly: true }));
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
