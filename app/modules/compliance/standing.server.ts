/**
 * Stored standing (PersonStanding): worked out again for anyone whose records changed, then read
 * as comparisons. Database triggers mark a person stale on any change the rules read (a record,
 * a role, a status, a date, the centre's policy or courses), however it was made; every read first
 * brings the stale up to date, so a stored answer is never older than the records.
 */
import type { Prisma } from "@prisma/client";
import { prisma } from "~/db.server";
import { insertRows } from "~/utils/insert-rows.server";
import { asNumber, readRows } from "~/utils/sql-read.server";
import { pageInfo, PAGE_SIZE } from "~/utils/pages";
import { addDaysIso, type IsoDate } from "~/utils/dates";
import { loadCentreFacts } from "./compliance.server";
import type { MatrixFilters } from "./overview";
import { standingTimeline } from "./standing";

/** People worked out per transaction: small enough that other writes never wait long behind one. */
const BATCH = 100;

/** Work out again the standing of everyone at the centre marked stale. Returns how many. */
export async function refreshStanding(centreId: string): Promise<number> {
  // Most requests find nothing stale: a prepared read says so without queueing for the write lock.
  if (!(await readRows(prisma, "SELECT 1 FROM Person WHERE centreId = ? AND standingStale = 1 LIMIT 1", centreId)).length) return 0;
  let done = 0;
  for (;;) {
    const refreshed = await prisma.$transaction(async (tx) => {
      // Read and write in one transaction: a change made meanwhile marks them stale again after.
      const stale = await tx.person.findMany({ where: { centreId, standingStale: true }, select: { id: true }, take: BATCH });
      if (!stale.length) return 0;
      const ids = stale.map((p) => p.id);
      const { settings, courses, people } = await loadCentreFacts(centreId, { db: tx, personIds: ids });
      const rows = people.flatMap((person) => standingTimeline({ ...person.facts, status: person.status, statusChanges: person.statusChanges }, courses, settings).map((s) => ({
        personId: person.id, centreId, fromDate: s.from, untilDate: s.until,
        counted: s.counted, cleared: s.cleared, fullyCompliant: s.fullyCompliant, attention: s.attention, status: s.status, roles: s.roles,
      })));
      await tx.personStanding.deleteMany({ where: { personId: { in: ids } } });
      await insertRows(tx, "PersonStanding", rows, []);
      await tx.person.updateMany({ where: { id: { in: ids } }, data: { standingStale: false } });
      return ids.length;
    }, { timeout: 120_000 });
    done += refreshed;
    if (refreshed < BATCH) return done;
  }
}

/** Counted people on `date` matching the matrix's filters, as a query on stored standing. */
function standingWhere(centreId: string, date: IsoDate, filters: MatrixFilters): Prisma.PersonStandingWhereInput {
  const view = filters.view ?? "everyone";
  return {
    centreId, counted: true, fromDate: { lte: date }, OR: [{ untilDate: null }, { untilDate: { gt: date } }],
    ...(filters.role ? { roles: { contains: `,${filters.role},` } } : {}),
    ...(filters.personStatus ? { status: filters.personStatus } : {}),
    ...(view === "attention" ? { attention: true } : view === "not_cleared" ? { cleared: false } : view === "compliant" ? { fullyCompliant: true } : {}),
  };
}

/** How many people the filters show on `date`, and how many of them are cleared and fully compliant. */
export async function standingSummary(centreId: string, date: IsoDate, filters: MatrixFilters) {
  const groups = await prisma.personStanding.groupBy({ by: ["cleared", "fullyCompliant"], where: standingWhere(centreId, date, filters), _count: { _all: true } });
  const count = (keep: (g: (typeof groups)[number]) => boolean) => groups.filter(keep).reduce((sum, g) => sum + g._count._all, 0);
  return { people: count(() => true), cleared: count((g) => g.cleared), fullyCompliant: count((g) => g.fullyCompliant) };
}

/** One page of the people the filters show on `date`, in name order. */
export async function standingPage(centreId: string, date: IsoDate, filters: MatrixFilters, total: number, requested: number) {
  const { skip, ...page } = pageInfo(total, requested);
  const rows = await prisma.personStanding.findMany({
    where: standingWhere(centreId, date, filters),
    orderBy: [{ person: { lastName: "asc" } }, { person: { firstName: "asc" } }, { personId: "asc" }],
    skip, take: PAGE_SIZE, select: { personId: true },
  });
  return { personIds: rows.map((r) => r.personId), page };
}

/** Counted, cleared and fully compliant on each of the dates (the dashboard's chart), in one query. */
export async function standingCountsOn(centreId: string, dates: readonly IsoDate[]) {
  if (!dates.length) return [];
  const rows = await readRows<{ date: string; people: unknown; cleared: unknown; fullyCompliant: unknown }>(
    prisma,
    `WITH d("date") AS (VALUES ${dates.map(() => "(?)").join(",")})
     SELECT d."date" AS "date", COUNT(s."id") AS "people", SUM(s."cleared") AS "cleared", SUM(s."fullyCompliant") AS "fullyCompliant"
     FROM d LEFT JOIN "PersonStanding" s
       ON s."centreId" = ? AND s."counted" = 1 AND s."fromDate" <= d."date" AND (s."untilDate" IS NULL OR s."untilDate" > d."date")
     GROUP BY d."date"`,
    ...dates, centreId,
  );
  const byDate = new Map(rows.map((r) => [r.date, { people: asNumber(r.people)!, cleared: asNumber(r.cleared) ?? 0, fullyCompliant: asNumber(r.fullyCompliant) ?? 0 }]));
  return dates.map((date) => ({ date, ...(byDate.get(date) ?? { people: 0, cleared: 0, fullyCompliant: 0 }) }));
}

/**
 * Everyone counted on `today` who needs attention now, or whose standing changes within `days`
 * (something falls due or lapses): the only people the dashboard's lists (not cleared, expired,
 * missing, due within 30/60/90 days) can name. Anything in date until within 90 days falls due
 * (the warning window is at least 7 days) or lapses within 90 days, so its segment ends by then.
 */
export async function peopleToWatch(centreId: string, today: IsoDate, days: number) {
  const rows = await prisma.personStanding.findMany({
    where: {
      centreId, counted: true, fromDate: { lte: today },
      AND: [
        { OR: [{ untilDate: null }, { untilDate: { gt: today } }] },
        { OR: [{ attention: true }, { untilDate: { lte: addDaysIso(today, days + 1) } }] },
      ],
    },
    select: { personId: true },
  });
  return rows.map((r) => r.personId);
}
