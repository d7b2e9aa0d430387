/**
 * The dashboard's compliance today and over the last twelve month ends. Working out a past month
 * end means evaluating everyone again on that date (at 5,000 people, seconds), and its figures
 * only change when records or settings do, each of which is audited. So past month ends are kept
 * until the audit log moves on or the day changes; today's figures are always worked out afresh.
 */
import { prisma } from "~/db.server";
import type { IsoDate } from "~/utils/dates";
import { centreCompliance } from "./compliance.server";
import { filterRows, monthEnds, summarise, type MatrixSummary } from "./overview";

type TrendPoint = { date: IsoDate } & MatrixSummary;

const kept = new Map<string, { stamp: string; points: TrendPoint[] }>();

export async function complianceWithTrend(centreId: string, today: IsoDate) {
  const latest = await prisma.auditEvent.findFirst({ where: { seq: { not: null } }, orderBy: { seq: "desc" }, select: { seq: true } });
  const stamp = `${today}:${latest?.seq ?? 0}`;
  const cached = kept.get(centreId);
  const fresh = cached?.stamp !== stamp;
  const data = await centreCompliance(centreId, today, { trendDates: fresh ? monthEnds(today).slice(0, -1) : [] });
  const past = fresh ? data.trend : cached.points;
  if (fresh) kept.set(centreId, { stamp, points: data.trend });
  return { ...data, trend: [...past, { date: today, ...summarise(filterRows(data.rows, {})) }] };
}
