/**
 * Stored standing (PersonStanding, RequirementStanding): worked out again for anyone whose
 * records changed, then read as comparisons. Database triggers mark a person stale on any change
 * the rules read (a record, a role, a status, a date, the centre's policy or courses), however it
 * was made; every read first brings the stale up to date, so a stored answer is never older than
 * the records.
 */
import type { Prisma } from "@prisma/client";
import { prisma } from "~/db.server";
import { insertRows, type SqlValue } from "~/utils/insert-rows.server";
import { asBoolean, asNumber, readRows } from "~/utils/sql-read.server";
import { rowsByPerson } from "~/utils/rows-by-person";
import { pageInfo, PAGE_SIZE } from "~/utils/pages";
import { addDaysIso, type IsoDate } from "~/utils/dates";
import { fullName } from "~/modules/people/people.server";
import { getCourses, loadCentreFacts } from "./compliance.server";
import type { MatrixFilters, PersonState } from "./overview";
import { requirementsInOrder, type RequirementStatus } from "./rules";
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
      const standingRows: Record<string, SqlValue>[] = [];
      const requirementRows: Record<string, SqlValue>[] = [];
      for (const person of people) {
        const timeline = standingTimeline({ ...person.facts, status: person.status, statusChanges: person.statusChanges }, courses, settings);
        for (const s of timeline.standing) {
          standingRows.push({
            personId: person.id, centreId, fromDate: s.from, untilDate: s.until,
            counted: s.counted, cleared: s.cleared, fullyCompliant: s.fullyCompliant, attention: s.attention, status: s.status, roles: s.roles,
          });
        }
        for (const r of timeline.requirements) {
          requirementRows.push({ personId: person.id, centreId, requirementKey: r.key, fromDate: r.from, untilDate: r.until, status: r.status, validUntil: r.validUntil, lapsedOn: r.lapsedOn });
        }
      }
      await tx.personStanding.deleteMany({ where: { personId: { in: ids } } });
      await tx.requirementStanding.deleteMany({ where: { personId: { in: ids } } });
      await insertRows(tx, "PersonStanding", standingRows, []);
      await insertRows(tx, "RequirementStanding", requirementRows, []);
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
 * The people counted on `today` who need attention now, or whose standing changes within `days`
 * (something falls due or lapses): the only people the dashboard's lists (not cleared, expired,
 * missing, due within 30/60/90 days) can name. Anything in date until within 90 days falls due
 * (the warning window is at least 7 days) or lapses within 90 days, so its segment ends by then.
 */
const WATCHED = `s.centreId = ? AND s.counted = 1 AND s.fromDate <= ? AND (s.untilDate IS NULL OR s.untilDate > ?) AND (s.attention = 1 OR s.untilDate <= ?)`;
// Their requirements' states on `today` that the lists can show: out of date, missing, or in date until within `days`.
const LISTED = `FROM RequirementStanding r JOIN PersonStanding s ON s.personId = r.personId AND ${WATCHED}
    WHERE r.fromDate <= ? AND (r.untilDate IS NULL OR r.untilDate > ?)
      AND (r.status IN ('expired', 'missing', 'not_accepted') OR (r.status IN ('met', 'due') AND r.validUntil <= ?))`;

const STATE_SQL = {
  people: `SELECT p.id, p.firstName, p.lastName, s.cleared FROM PersonStanding s JOIN Person p ON p.id = s.personId
    WHERE ${WATCHED} ORDER BY p.lastName, p.firstName, p.id`,
  // Everything listed of some people; of others only what falls due (the due lists are the only ones read whole).
  // Driven by the ids, so that it reads only their rows.
  requirementsOf: `SELECT r.personId, r.requirementKey, r.status, r.validUntil, r.lapsedOn FROM RequirementStanding r
      WHERE r.personId IN (SELECT value FROM json_each(?)) AND r.fromDate <= ? AND (r.untilDate IS NULL OR r.untilDate > ?)
        AND (r.status IN ('expired', 'missing', 'not_accepted') OR (r.status IN ('met', 'due') AND r.validUntil <= ?))
    UNION ALL
    SELECT r.personId, r.requirementKey, r.status, r.validUntil, r.lapsedOn FROM RequirementStanding r
      WHERE r.personId IN (SELECT value FROM json_each(?)) AND r.fromDate <= ? AND (r.untilDate IS NULL OR r.untilDate > ?)
        AND r.status IN ('met', 'due') AND r.validUntil <= ?`,
  // Per person, which lists they are on: a few thousand rows where the items are tens of thousands.
  lists: `SELECT r.personId, MAX(r.status = 'expired') AS expired, MAX(r.status IN ('missing', 'not_accepted')) AS missing, MAX(r.status IN ('met', 'due')) AS due
    ${LISTED} GROUP BY r.personId`,
};

// Parameters of WATCHED, and of LISTED's own conditions (requirements in force on `today`, in date until within `days`).
const watchedParams = (centreId: string, today: IsoDate, days: number) => [centreId, today, today, addDaysIso(today, days + 1)];
const listedParams = (today: IsoDate, days: number) => [today, today, addDaysIso(today, days)];

/** A person the dashboard's lists can name. */
export type WatchedPerson = { id: string; name: string; cleared: boolean };

/**
 * What the dashboard's lists read of these people, from stored standing: everything the lists can
 * show, or of those in `dueOnly` only what falls due. No rules run, and no words are built. People
 * come in the order given; each one's requirements in the rules' own order.
 */
export async function statesToWatch(centreId: string, today: IsoDate, days: number, people: readonly WatchedPerson[], dueOnly: ReadonlySet<string> = new Set()): Promise<PersonState[]> {
  const ids = (keep: (p: WatchedPerson) => boolean) => JSON.stringify(people.filter(keep).map((p) => p.id));
  const listed = listedParams(today, days);
  const [requirements, courses] = await Promise.all([
    readRows<Record<string, unknown>>(prisma, STATE_SQL.requirementsOf, ids((p) => !dueOnly.has(p.id)), ...listed, ids((p) => dueOnly.has(p.id)), ...listed),
    getCourses(centreId),
  ]);
  const order = requirementsInOrder(courses);
  const position = new Map(order.map((r, i) => [r.key, i]));
  const requirementsOf = rowsByPerson(requirements.map((r) => ({
    personId: String(r.personId), key: String(r.requirementKey), status: String(r.status) as RequirementStatus,
    validUntil: r.validUntil === null ? null : String(r.validUntil), lapsedOn: r.lapsedOn === null ? null : String(r.lapsedOn),
  })));
  return people.map((p) => ({
    id: p.id, name: p.name, cleared: p.cleared, counted: true,
    requirements: requirementsOf(p.id)
      .filter((r) => position.has(r.key))
      .sort((a, b) => position.get(a.key)! - position.get(b.key)!)
      .map((r) => ({ ...r, label: order[position.get(r.key)!].label })),
  }));
}

/**
 * Everyone the dashboard's lists can name, in the people's order, with which lists each is on
 * (something expired, something missing, something falling due within `days`), counted in SQLite:
 * the lists' lengths, and who comes first in each, without reading every item.
 */
export async function watchedLists(centreId: string, today: IsoDate, days: number) {
  const watched = watchedParams(centreId, today, days);
  const [people, lists] = await Promise.all([
    readRows<Record<string, unknown>>(prisma, STATE_SQL.people, ...watched),
    readRows<Record<string, unknown>>(prisma, STATE_SQL.lists, ...watched, ...listedParams(today, days)),
  ]);
  const on = new Map(lists.map((l) => [String(l.personId), { expired: asBoolean(l.expired), missing: asBoolean(l.missing), due: asBoolean(l.due) }]));
  const none = { expired: false, missing: false, due: false };
  return people.map((p) => {
    const id = String(p.id);
    return { id, name: fullName({ firstName: String(p.firstName), lastName: String(p.lastName) }), cleared: asBoolean(p.cleared), on: on.get(id) ?? none };
  });
}
