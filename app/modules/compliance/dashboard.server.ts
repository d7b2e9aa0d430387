/**
 * The dashboard's compliance: today's counts and the last twelve month ends, and its lists, all
 * from stored standing (comparisons, however large the centre). The rules run only for the people
 * whose reasons the page shows, to put those reasons into words.
 */
import type { IsoDate } from "~/utils/dates";
import { firstOf } from "~/utils/pages";
import { centreCompliance } from "./compliance.server";
import { DUE_WINDOWS, attentionList, explainItem, explainNotCleared, groupByPerson, monthEnds, type AttentionItem } from "./overview";
import { refreshStanding, standingCountsOn, statesToWatch } from "./standing.server";

export async function dashboardCompliance(centreId: string, today: IsoDate) {
  await refreshStanding(centreId);
  const [trend, states] = await Promise.all([
    standingCountsOn(centreId, monthEnds(today)),
    statesToWatch(centreId, today, Math.max(...DUE_WINDOWS)),
  ]);
  const attention = attentionList(states, today);
  const notCleared = firstOf(attention.notCleared);
  const due = { 30: firstOf(attention.due[30]), 60: firstOf(attention.due[60]), 90: firstOf(attention.due[90]) };
  const explained = new Set([...notCleared.first, ...DUE_WINDOWS.flatMap((w) => due[w].first)].map((item) => item.personId));
  const { rows } = await centreCompliance(centreId, today, [...explained]);
  const complianceOf = new Map(rows.map((row) => [row.id, row.compliance]));
  const explain = (list: { first: AttentionItem[]; total: number }) => ({ ...list, first: list.first.map((item) => explainItem(item, complianceOf.get(item.personId))) });
  const { date: _today, ...summary } = trend.at(-1)!;
  return {
    trend,
    summary,
    notCleared: { ...notCleared, first: notCleared.first.map((item) => explainNotCleared(item, complianceOf.get(item.personId))) },
    // These lists name what is missing or expired; their reasons are on the person's page.
    expired: firstOf(groupByPerson(attention.expired)),
    missing: firstOf(groupByPerson(attention.missing)),
    due: { 30: explain(due[30]), 60: explain(due[60]), 90: explain(due[90]) },
  };
}
