/**
 * The dashboard's compliance: today's counts and the last twelve month ends from stored standing
 * (comparisons, however large the centre), and full evaluation only of the people its lists can
 * name (needing attention now, or with something falling due or lapsing within 90 days).
 */
import type { IsoDate } from "~/utils/dates";
import { centreCompliance } from "./compliance.server";
import { DUE_WINDOWS, monthEnds } from "./overview";
import { peopleToWatch, refreshStanding, standingCountsOn } from "./standing.server";

export async function dashboardCompliance(centreId: string, today: IsoDate) {
  await refreshStanding(centreId);
  const [trend, watched] = await Promise.all([
    standingCountsOn(centreId, monthEnds(today)),
    peopleToWatch(centreId, today, Math.max(...DUE_WINDOWS)),
  ]);
  const { rows } = await centreCompliance(centreId, today, watched);
  const { date: _today, ...summary } = trend.at(-1)!;
  return { rows, trend, summary };
}
