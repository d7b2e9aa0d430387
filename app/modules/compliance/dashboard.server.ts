/**
 * The dashboard's compliance: today's counts and the last twelve month ends, and its lists, all
 * from stored standing (comparisons, however large the centre). Each list's length is counted in
 * the database; only what is shown is read, and the rules run only for the people shown, to put
 * their reasons into words.
 */
import { addDaysIso, type IsoDate } from "~/utils/dates";
import { DASHBOARD_FIRST } from "~/utils/pages";
import { centreCompliance, getCourses } from "./compliance.server";
import { requirementsInOrder } from "./rules";
import {
  DUE_WINDOWS, attentionList, explainItem, explainNotCleared, groupByPerson, monthEnds,
  type AttentionItem, type DashboardLists,
} from "./overview";
import { dueCounts, firstFallingDue, outstandingOf, peopleLists, refreshStanding, standingCountsOn } from "./standing.server";

/**
 * The dashboard's lists on `today` from stored standing: what everyone's evaluated attention gives
 * (a test holds them equal). Each list's length is counted in the database and only what is shown
 * is read: the first people of the people lists, all that the first expired and missing people
 * have to put right, and the first items due in each window. Every list is in the centre's name order.
 */
export async function listsFromStanding(centreId: string, today: IsoDate): Promise<DashboardLists> {
  const windowEnds = DUE_WINDOWS.map((w) => addDaysIso(today, w));
  const windowStarts = DUE_WINDOWS.map((_, i) => (i === 0 ? today : addDaysIso(windowEnds[i - 1], 1)));
  const order = requirementsInOrder(await getCourses(centreId));
  const [people, dueBy, ...firstDue] = await Promise.all([
    peopleLists(centreId, today, DASHBOARD_FIRST),
    dueCounts(centreId, today, windowEnds, order),
    ...DUE_WINDOWS.map((_, i) => firstFallingDue(centreId, today, windowStarts[i], windowEnds[i], DASHBOARD_FIRST, order)),
  ]);
  const { notCleared, expired, missing } = people;
  const shown = [...expired.first, ...missing.first.filter((p) => !expired.first.some((e) => e.id === p.id))];
  const attention = attentionList(await outstandingOf(today, shown, order), today);
  const due = (i: number) => {
    const w = DUE_WINDOWS[i];
    return { first: attentionList(firstDue[i], today).due[w].slice(0, DASHBOARD_FIRST), total: dueBy[i] - (i ? dueBy[i - 1] : 0) };
  };
  return {
    notCleared: { first: notCleared.first.map((p) => ({ personId: p.id, personName: p.name })), total: notCleared.total },
    expired: { first: groupByPerson(attention.expired, expired.first), total: expired.total },
    missing: { first: groupByPerson(attention.missing, missing.first), total: missing.total },
    due: { 30: due(0), 60: due(1), 90: due(2) },
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
