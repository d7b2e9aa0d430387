/**
 * Stored standing (PersonStanding, RequirementStanding): worked out again for anyone whose
 * records changed, then read as comparisons. Database triggers mark a person stale on any change
 * the rules read (a record, a role, a status, a date, the centre's policy or courses), however it
 * was made; every read first brings the stale up to date, so a stored answer is never older than
 * the records.
 */
import { setImmediate as yieldToOthers } from "node:timers/promises";
import { prisma } from "~/db.server";
import { insertRows, type SqlValue } from "~/utils/insert-rows.server";
import { asNumber, readRows } from "~/utils/sql-read.server";
import { rowsByPerson } from "~/utils/rows-by-person";
import { pageInfo, PAGE_SIZE } from "~/utils/pages";
import type { IsoDate } from "~/utils/dates";
import { fullName } from "~/modules/people/people.server";
import { loadCentreFacts } from "./compliance.server";
import type { MatrixFilters, MatrixView, PersonState } from "./overview";
import { requirementsInOrder, type RequirementStatus } from "./rules";
import { standingTimeline } from "./standing";

/**
 * People worked out per transaction: small enough that other writes never wait long behind one,
 * and that what one batch holds while it is written dies young. At 5,042 people, batches of 100
 * took the server to 242 MB and 8.6 s; of 25, 209 MB and 10.1 s.
 */
const BATCH = 25;

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
            counted: s.counted, cleared: s.cleared, fullyCompliant: s.fullyCompliant, attention: s.attention,
            anyExpired: s.anyExpired, anyMissing: s.anyMissing, status: s.status, roles: s.roles,
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
      await tx.$executeRawUnsafe(`UPDATE "Centre" SET "standingVersion" = "standingVersion" + 1 WHERE "id" = ?`, centreId);
      return ids.length;
    }, { timeout: 120_000 });
    done += refreshed;
    if (refreshed < BATCH) return done;
    // Let the server read other requests between batches. SQLite answers synchronously, so without
    // this the whole sweep runs in promises and nothing else is served until it ends (15 s at 5,000
    // people), and sockets idle past their keep-alive are closed under requests already sent on them.
    await yieldToOthers();
  }
}

// Stored standing `s` in force on a date (its two parameters) of people counted then.
const COUNTED_TODAY = "s.counted = 1 AND s.fromDate <= ? AND (s.untilDate IS NULL OR s.untilDate > ?)";

const VIEW_CONDITION: Record<MatrixView, string | null> = {
  everyone: null, attention: "s.attention = 1", not_cleared: "s.cleared = 0", compliant: "s.fullyCompliant = 1",
};

/**
 * Counted people on `date` matching the matrix's filters, as a condition on stored standing `s`
 * and its parameters: one condition for the matrix's counts, its pages and its CSV, so the export
 * lists exactly the people the pages show. The centre is named on `s` for counts, and on the
 * people `p` when they drive the read (see IN_NAME_ORDER_FROM).
 */
function shownOn(centreId: string, date: IsoDate, filters: MatrixFilters, centreOf: "s" | "p" = "s"): [string, ...SqlValue[]] {
  const conditions = [`${centreOf}.centreId = ? AND ${COUNTED_TODAY}`];
  const params: SqlValue[] = [centreId, date, date];
  if (filters.role) {
    conditions.push("instr(s.roles, ?) > 0");
    params.push(`,${filters.role},`);
  }
  if (filters.personStatus) {
    conditions.push("s.status = ?");
    params.push(filters.personStatus);
  }
  const view = VIEW_CONDITION[filters.view ?? "everyone"];
  if (view) conditions.push(view);
  return [conditions.join(" AND "), ...params];
}

const IN_NAME_ORDER = "ORDER BY p.lastName, p.firstName, p.id";
// The centre's people walked in name order (their index), each with their standing: a page or a
// list's first few stop at their last row. CROSS JOIN holds SQLite to that order, and the centre
// must be named on p alone: named on s too, SQLite chose s's centre index for every person.
const IN_NAME_ORDER_FROM = "FROM Person p CROSS JOIN PersonStanding s ON s.personId = p.id";

/** How many people the filters show on `date`, and how many of them are cleared and fully compliant. */
export async function standingSummary(centreId: string, date: IsoDate, filters: MatrixFilters) {
  const [where, ...params] = shownOn(centreId, date, filters);
  const kept = await keptCounts(centreId);
  return kept(`shown ${JSON.stringify(params)} ${where}`, async () => {
    const [counts] = await readRows<Record<string, unknown>>(prisma, `SELECT COUNT(*) AS people, TOTAL(s.cleared) AS cleared, TOTAL(s.fullyCompliant) AS fullyCompliant
      FROM PersonStanding s WHERE ${where}`, ...params);
    return { people: asNumber(counts.people)!, cleared: asNumber(counts.cleared)!, fullyCompliant: asNumber(counts.fullyCompliant)! };
  });
}

/** The statement for people the filters show on `date`, in name order, and its parameters (a page: add LIMIT and OFFSET's). */
export function shownInNameOrder(centreId: string, date: IsoDate, filters: MatrixFilters, paged: boolean): [string, ...SqlValue[]] {
  const [where, ...params] = shownOn(centreId, date, filters, "p");
  return [`SELECT s.personId ${IN_NAME_ORDER_FROM} WHERE ${where} ${IN_NAME_ORDER}${paged ? " LIMIT ? OFFSET ?" : ""}`, ...params];
}

/** One page of the people the filters show on `date`, in name order. */
export async function standingPage(centreId: string, date: IsoDate, filters: MatrixFilters, total: number, requested: number) {
  const { skip, ...page } = pageInfo(total, requested);
  const rows = await readRows<{ personId: string }>(prisma, ...shownInNameOrder(centreId, date, filters, true), PAGE_SIZE, skip);
  return { personIds: rows.map((r) => r.personId), page };
}

/** Everyone the filters show on `date`, in name order (the matrix's CSV). */
export async function standingPeople(centreId: string, date: IsoDate, filters: MatrixFilters) {
  const rows = await readRows<{ personId: string }>(prisma, ...shownInNameOrder(centreId, date, filters, false));
  return rows.map((r) => r.personId);
}

// Segments in force on a date, in two parts that are each one range of an index: open-ended ones
// begun by then, and closed ones begun by then that end after it.
const COUNTED = "SELECT COUNT(*) AS people, TOTAL(cleared) AS cleared, TOTAL(fullyCompliant) AS fullyCompliant FROM PersonStanding WHERE centreId = ? AND counted = 1";
const COUNT_SQL = {
  open: `${COUNTED} AND untilDate IS NULL AND fromDate <= ?`,
  closed: `${COUNTED} AND untilDate > ? AND fromDate <= ?`,
};

type StandingCounts = { date: IsoDate; people: number; cleared: number; fullyCompliant: number };

/**
 * Counts read from stored standing, by centre, for the standing version they were read at: they
 * change only when standing is written again (refreshStanding raises the version in the same
 * transaction, and a trigger raises it when a person is deleted with their standing). Every
 * dashboard and matrix page counts the same things until then, and counting grows with the
 * centre. At 5,042 people, keeping the lists' and the matrix's counts as well as the chart's took
 * the dashboard from 26 to 20 ms of CPU a page, and the matrix from 21 to 18.
 */
const countsKept = new Map<string, { version: number; byKey: Map<string, unknown> }>();
// Counts kept for one centre and version: a month of pages' chart dates, lists and matrix filters.
const COUNTS_KEPT = 256;

/** The store of counts for the centre's present standing version. */
async function keptCounts(centreId: string) {
  // The version is read before the counts: counts newer than their version are only read again.
  const [centre] = await readRows<{ standingVersion: unknown }>(prisma, `SELECT "standingVersion" FROM "Centre" WHERE "id" = ?`, centreId);
  const version = asNumber(centre?.standingVersion) ?? -1;
  let kept = countsKept.get(centreId);
  if (!kept || kept.version !== version || kept.byKey.size > COUNTS_KEPT) {
    kept = { version, byKey: new Map() };
    countsKept.set(centreId, kept);
  }
  const { byKey } = kept;
  return async <T>(key: string, count: () => Promise<T>): Promise<T> => {
    if (byKey.has(key)) return byKey.get(key) as T;
    const counted = await count();
    byKey.set(key, counted);
    return counted;
  };
}

/** Counted, cleared and fully compliant on each of the dates (the dashboard's chart). */
export async function standingCountsOn(centreId: string, dates: readonly IsoDate[]): Promise<StandingCounts[]> {
  const kept = await keptCounts(centreId);
  return Promise.all(dates.map((date) => kept(`on ${date}`, async () => {
    const [[open], [closed]] = await Promise.all([
      readRows<Record<string, unknown>>(prisma, COUNT_SQL.open, centreId, date),
      readRows<Record<string, unknown>>(prisma, COUNT_SQL.closed, centreId, date, date),
    ]);
    const both = (key: string) => asNumber(open[key])! + asNumber(closed[key])!;
    return { date, people: both("people"), cleared: both("cleared"), fullyCompliant: both("fullyCompliant") };
  })));
}

// Requirements' states in force on `today`.
const IN_FORCE = "r.fromDate <= ? AND (r.untilDate IS NULL OR r.untilDate > ?)";
const REQUIREMENT_COLUMNS = "r.personId, r.requirementKey, r.status, r.validUntil, r.lapsedOn";

/** The dashboard's lists that name people, each by a flag of the person's stored standing. */
const PEOPLE_LISTS = { notCleared: "s.cleared = 0", expired: "s.anyExpired = 1", missing: "s.anyMissing = 1" } as const;
type PeopleList = keyof typeof PEOPLE_LISTS;
const LIST_NAMES = Object.keys(PEOPLE_LISTS) as PeopleList[];
type PeopleLists = Record<PeopleList, { first: WatchedPerson[]; total: number }>;

const PEOPLE_SQL = {
  // Open-ended and closed segments in force, each one range of an index (see COUNT_SQL).
  counts: `SELECT ${Object.entries(PEOPLE_LISTS).map(([list, flag]) => `TOTAL(${flag}) AS ${list}`).join(", ")} FROM (
      SELECT cleared, anyExpired, anyMissing FROM PersonStanding WHERE centreId = ? AND counted = 1 AND untilDate IS NULL AND fromDate <= ?
      UNION ALL SELECT cleared, anyExpired, anyMissing FROM PersonStanding WHERE centreId = ? AND counted = 1 AND untilDate > ? AND fromDate <= ?) s`,
  ...Object.fromEntries(LIST_NAMES.map((list) => [list, `SELECT p.id, p.firstName, p.lastName ${IN_NAME_ORDER_FROM}
    WHERE p.centreId = ? AND ${COUNTED_TODAY} AND ${PEOPLE_LISTS[list]} ${IN_NAME_ORDER} LIMIT ?`])) as Record<PeopleList, string>,
};

/** A person the dashboard's lists can name. */
type WatchedPerson = { id: string; name: string };

const watchedPerson = (row: Record<string, unknown>): WatchedPerson => ({
  id: String(row.id), name: fullName({ firstName: String(row.firstName), lastName: String(row.lastName) }),
});

/**
 * The dashboard's lists of people on `today` (not cleared, anything expired, anything missing):
 * how long each is, and its `first` people in name order, from one row a person of stored
 * standing. However large the centre, only those shown are read.
 */
export async function peopleLists(centreId: string, today: IsoDate, first: number): Promise<PeopleLists> {
  const kept = await keptCounts(centreId);
  const [counts, ...firsts] = await Promise.all([
    kept(`lists ${today}`, async () => (await readRows<Record<string, unknown>>(prisma, PEOPLE_SQL.counts, centreId, today, centreId, today, today))[0]),
    ...LIST_NAMES.map((list) => readRows<Record<string, unknown>>(prisma, PEOPLE_SQL[list], centreId, today, today, first)),
  ]);
  return Object.fromEntries(LIST_NAMES.map((list, i) => [list, { first: firsts[i].map(watchedPerson), total: asNumber(counts[list])! }])) as PeopleLists;
}

// What falls due (in date until then) between two dates, of people counted on `today`, of the
// requirements listed (a JSON parameter), by the date it lapses (its index).
const DUE_FROM = `FROM RequirementStanding r JOIN PersonStanding s ON s.personId = r.personId AND ${COUNTED_TODAY}`;
const DUE_WHERE = `r.centreId = ? AND r.validUntil >= ? AND r.validUntil <= ? AND r.status IN ('met', 'due') AND ${IN_FORCE}
  AND r.requirementKey IN (SELECT value FROM json_each(?))`;
const DUE_SQL = {
  first: `SELECT ${REQUIREMENT_COLUMNS} ${DUE_FROM} JOIN Person p ON p.id = r.personId WHERE ${DUE_WHERE}
    ORDER BY r.validUntil, p.lastName, p.firstName, p.id LIMIT ?`,
  // Some people, in name order.
  inNameOrder: `SELECT p.id, p.firstName, p.lastName FROM Person p WHERE p.id IN (SELECT value FROM json_each(?)) ${IN_NAME_ORDER}`,
};
// How many lapse by each of some dates, in one pass: one statement for each number of dates.
const dueCountsSql = (dates: number) => `SELECT ${Array.from({ length: dates }, (_, i) => `TOTAL(r.validUntil <= ?) AS by${i}`).join(", ")} ${DUE_FROM} WHERE ${DUE_WHERE}`;

/** The requirements the lists show, in the rules' order (requirementsInOrder of the centre's courses). */
export type RequirementOrder = ReturnType<typeof requirementsInOrder>;

/** DUE_FROM and DUE_WHERE's parameters, in their order. */
const dueParams = (centreId: string, today: IsoDate, from: IsoDate, to: IsoDate, order: RequirementOrder) =>
  [today, today, centreId, from, to, today, today, JSON.stringify(order.map((r) => r.key))];

/** How many items fall due from `today` to each of the dates `ends` (ascending), of people counted on `today`. */
export async function dueCounts(centreId: string, today: IsoDate, ends: readonly IsoDate[], order: RequirementOrder): Promise<number[]> {
  const params = [...ends, ...dueParams(centreId, today, today, ends.at(-1)!, order)];
  const kept = await keptCounts(centreId);
  return kept(`due ${JSON.stringify(params)}`, async () => {
    const [counts] = await readRows<Record<string, unknown>>(prisma, dueCountsSql(ends.length), ...params);
    return ends.map((_, i) => asNumber(counts[`by${i}`])!);
  });
}

/**
 * The first of what falls due between `from` and `to` (inclusive) on `today`, of people counted
 * then: enough for the first `first` in the lists' own order (by date, then the people's name
 * order, then a person's items of a day in label order): `first` plus one person's whole set,
 * so that a person's items of a day are never cut. As people in name order with those items,
 * for attentionList.
 */
export async function firstFallingDue(centreId: string, today: IsoDate, from: IsoDate, to: IsoDate, first: number, order: RequirementOrder): Promise<PersonState[]> {
  const rows = await readRows<Record<string, unknown>>(prisma, DUE_SQL.first, ...dueParams(centreId, today, from, to, order), first + order.length);
  const ids = [...new Set(rows.map((r) => String(r.personId)))];
  const people = ids.length ? (await readRows<Record<string, unknown>>(prisma, DUE_SQL.inNameOrder, JSON.stringify(ids))).map(watchedPerson) : [];
  return statesOf(people, rows, order);
}

// What some people have out of date or missing on `today` (the expired and missing lists). Driven by the ids.
const OUTSTANDING_SQL = `SELECT ${REQUIREMENT_COLUMNS} FROM RequirementStanding r
  WHERE r.personId IN (SELECT value FROM json_each(?)) AND ${IN_FORCE} AND r.status IN ('expired', 'missing', 'not_accepted')`;

/**
 * What these people have expired or missing on `today`, from stored standing, for the dashboard's
 * expired and missing lists. No rules run, and no words are built. People come in the order
 * given; each one's requirements in the rules' own order.
 */
export async function outstandingOf(today: IsoDate, people: readonly WatchedPerson[], order: RequirementOrder): Promise<PersonState[]> {
  if (!people.length) return [];
  const rows = await readRows<Record<string, unknown>>(prisma, OUTSTANDING_SQL, JSON.stringify(people.map((p) => p.id)), today, today);
  return statesOf(people, rows, order);
}

/**
 * People (counted, as every list's are) with their stored requirement states, each one's in the
 * rules' order. Whether they are cleared is not read here: the not-cleared list comes from
 * peopleLists, and attentionList's own is not used.
 */
function statesOf(people: readonly WatchedPerson[], rows: readonly Record<string, unknown>[], order: RequirementOrder): PersonState[] {
  const position = new Map(order.map((r, i) => [r.key, i]));
  const requirementsOf = rowsByPerson(rows.map((r) => ({
    personId: String(r.personId), key: String(r.requirementKey), status: String(r.status) as RequirementStatus,
    validUntil: r.validUntil === null ? null : String(r.validUntil), lapsedOn: r.lapsedOn === null ? null : String(r.lapsedOn),
  })));
  return people.map((p) => ({
    id: p.id, name: p.name, cleared: false, counted: true,
    requirements: requirementsOf(p.id)
      .filter((r) => position.has(r.key))
      .sort((a, b) => position.get(a.key)! - position.get(b.key)!)
      .map((r) => ({ ...r, label: order[position.get(r.key)!].label })),
  }));
}
