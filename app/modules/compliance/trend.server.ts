/**
 * The dashboard's compliance today and over the last twelve month ends. Today's lists need
 * everyone evaluated; the past month ends are counts of stored standing (comparisons, however
 * large the centre), so nothing needs keeping between requests.
 */
import type { IsoDate } from "~/utils/dates";
import { centreCompliance } from "./compliance.server";
import { filterRows, monthEnds, summarise } from "./overview";
import { refreshStanding, standingCountsOn } from "./standing.server";

export async function complianceWithTrend(centreId: string, today: IsoDate) {
  await refreshStanding(centreId);
  const [data, past] = await Promise.all([
    centreCompliance(centreId, today),
    standingCountsOn(centreId, monthEnds(today).slice(0, -1)),
  ]);
  return { ...data, trend: [...past, { date: today, ...summarise(filterRows(data.rows, {})) }] };
}
