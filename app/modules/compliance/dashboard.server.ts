/**
 * The dashboard's compliance: today's counts and the last twelve month ends, and its lists, all
 * from stored standing (comparisons, however large the centre). Each list's length and who comes
 * first in it are worked out from one row per person; only the people shown are read item by
 * item, and the rules run only for them, to put their reasons into words.
 */
import type { IsoDate } from "~/utils/dates";
import { DASHBOARD_FIRST, firstOf } from "~/utils/pages";
import { centreCompliance } from "./compliance.server";
import {
  DUE_WINDOWS, attentionList, explainItem, explainNotCleared, groupByPerson, monthEnds,
  type AttentionItem, type DashboardLists,
} from "./overview";
import { refreshStanding, standingCountsOn, statesToWatch, watchedLists } from "./standing.server";

const WATCH_DAYS = Math.max(...DUE_WINDOWS);

/**
 * The dashboard's lists on `today` from stored standing: what everyone's evaluated attention gives
 * (a test holds them equal), reading every item only of the first people of the expired
 * and missing lists, and what falls due of everyone else (the due lists show items, not people).
 * Every list is in the centre's name order, the order the watched people are read in.
 */
export async function listsFromStanding(centreId: string, today: IsoDate): Promise<DashboardLists> {
  const watched = await watchedLists(centreId, today, WATCH_DAYS);
  const [expired, missing] = [watched.filter((p) => p.on.expired), watched.filter((p) => p.on.missing)];
  const [firstExpired, firstMissing] = [expired.slice(0, DASHBOARD_FIRST), missing.slice(0, DASHBOARD_FIRST)];
  const shown = new Set([...firstExpired, ...firstMissing].map((p) => p.id));
  const attention = attentionList(await statesToWatch(centreId, today, WATCH_DAYS, watched, shown), today);
  return {
    notCleared: firstOf(watched.filter((p) => !p.cleared).map((p) => ({ personId: p.id, personName: p.name }))),
    expired: { first: groupByPerson(attention.expired, firstExpired), total: expired.length },
    missing: { first: groupByPerson(attention.missing, firstMissing), total: missing.length },
    due: { 30: firstOf(attention.due[30]), 60: firstOf(attention.due[60]), 90: firstOf(attention.due[90]) },
  };
}

export async function dashboardCompliance(centreId: string, today: IsoDate) {
  await refreshStanding(centreId);
  const [trend, lists] = await Promise.all([standingCountsOn(centreId, monthEnds(today)), listsFromStanding(centreId, today)]);
  const { notCleared, due } = lists;
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
    expired: lists.expired,
    missing: lists.missing,
    due: { 30: explain(due[30]), 60: explain(due[60]), 90: explain(due[90]) },
  };
}
