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
import { asBoolean, asNumber, readRows } from "~/utils/sql-read.server";
import { rowsByPerson } from "~/utils/rows-by-person";
import { pageInfo, PAGE_SIZE } from "~/utils/pages";
import { addDaysIso, type IsoDate } from "~/utils/dates";
import { fullName } from "~/modules/people/people.server";
import { getCourses, loadCentreFacts } from "./compliance.server";
import type { MatrixFilters, MatrixView, PersonState } from "./overview";
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

const VIEW_CONDITION: Record<MatrixView, string | null> = {
  everyone: null, attention: "s.attention = 1", not_cleared: "s.cleared = 0", compliant: "s.fullyCompliant = 1",
};

/**
 * Counted people on `date` matching the matrix's filters, as a condition on stored standing `s`
 * and its parameters: one condition for the matrix's counts, its pages and its CSV, so the export
 * lists exactly the people the pages show.
 */
function shownOn(centreId: string, date: IsoDate, filters: MatrixFilters): [string, ...SqlValue[]] {
  const conditions = ["s.centreId = ? AND s.counted = 1 AND s.fromDate <= ? AND (s.untilDate IS NULL OR s.untilDate > ?)"];
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

/** How many people the filters show on `date`, and how many of them are cleared and fully compliant. */
export async function standingSummary(centreId: string, date: IsoDate, filters: MatrixFilters) {
  const [where, ...params] = shownOn(centreId, date, filters);
  const [counts] = await readRows<Record<string, unknown>>(prisma, `SELECT COUNT(*) AS people, TOTAL(s.cleared) AS cleared, TOTAL(s.fullyCompliant) AS fullyCompliant
    FROM PersonStanding s WHERE ${where}`, ...params);
  return { people: asNumber(counts.people)!, cleared: asNumber(counts.cleared)!, fullyCompliant: asNumber(counts.fullyCompliant)! };
}

/** One page of the people the filters show on `date`, in name order. */
export async function standingPage(centreId: string, date: IsoDate, filters: MatrixFilters, total: number, requested: number) {
  const { skip, ...page } = pageInfo(total, requested);
  const [where, ...params] = shownOn(centreId, date, filters);
  const rows = await readRows<{ personId: string }>(prisma, `SELECT s.personId FROM PersonStanding s JOIN Person p ON p.id = s.personId
    WHERE ${where} ${IN_NAME_ORDER} LIMIT ? OFFSET ?`, ...params, PAGE_SIZE, skip);
  return { personIds: rows.map((r) => r.personId), page };
}

/** Everyone the filters show on `date`, in name order (the matrix's CSV). */
export async function standingPeople(centreId: string, date: IsoDate, filters: MatrixFilters) {
  const [where, ...params] = shownOn(centreId, date, filters);
  const rows = await readRows<{ personId: string }>(prisma, `SELECT s.personId FROM PersonStanding s JOIN Person p ON p.id = s.personId
    WHERE ${where} ${IN_NAME_ORDER}`, ...params);
  return rows.map((r) => r.personId);
}

// Segments in force on a date, in two parts that are each one range of an index: open-ended ones
// begun by then, and closed ones begun by then that end after it.
const COUNTED = "SELECT COUNT(*) AS people, TOTAL(cleared) AS cleared, TOTAL(fullyCompliant) AS fullyCompliant FROM PersonStanding WHERE centreId = ? AND counted = 1";
const COUNT_SQL = {
  open: `${COUNTED} AND untilDate IS NULL AND fromDate <= ?`,
  closed: `${COUNTED} AND untilDate > ? AND fromDate <= ?`,
};

/** Counted, cleared and fully compliant on each of the dates (the dashboard's chart). */
export async function standingCountsOn(centreId: string, dates: readonly IsoDate[]) {
  return Promise.all(dates.map(async (date) => {
    const [[open], [closed]] = await Promise.all([
      readRows<Record<string, unknown>>(prisma, COUNT_SQL.open, centreId, date),
      readRows<Record<string, unknown>>(prisma, COUNT_SQL.closed, centreId, date, date),
    ]);
    const both = (key: string) => asNumber(open[key])! + asNumber(closed[key])!;
    return { date, people: both("people"), cleared: both("cleared"), fullyCompliant: both("fullyCompliant") };
  }));
}

/**
 * The people counted on `today` who need attention now, or whose standing changes within `days`
 * (something falls due or lapses): the only people the dashboard's lists (not cleared, expired,
 * missing, due within 30/60/90 days) can name. Anything in date until within 90 days falls due
 * (the warning window is at least 7 days) or lapses within 90 days, so its segment ends by then.
 */
const WATCHED = `s.centreId = ? AND s.counted = 1 AND s.fromDate <= ? AND (s.untilDate IS NULL OR s.untilDate > ?) AND (s.attention = 1 OR s.untilDate <= ?)`;
// Requirements' states in force on `today`.
const IN_FORCE = "r.fromDate <= ? AND (r.untilDate IS NULL OR r.untilDate > ?)";
const REQUIREMENT_COLUMNS = "r.personId, r.requirementKey, r.status, r.validUntil, r.lapsedOn";

const STATE_SQL = {
  // With which lists each is on (anything expired, anything missing): a row a person, however many items.
  people: `SELECT p.id, p.firstName, p.lastName, s.cleared, s.anyExpired, s.anyMissing FROM PersonStanding s JOIN Person p ON p.id = s.personId
    WHERE ${WATCHED} ORDER BY p.lastName, p.firstName, p.id`,
  // Everything the lists can show of some people: out of date, missing, or in date until within `days`. Driven by the ids.
  listedOf: `SELECT ${REQUIREMENT_COLUMNS} FROM RequirementStanding r
    WHERE r.personId IN (SELECT value FROM json_each(?)) AND ${IN_FORCE}
      AND (r.status IN ('expired', 'missing', 'not_accepted') OR (r.status IN ('met', 'due') AND r.validUntil <= ?))`,
  // What falls due within `days` across the centre, by the date it lapses (its index): the due lists show items, not people.
  // Whoever it belongs to is watched (their standing changes by then), if counted.
  fallingDue: `SELECT ${REQUIREMENT_COLUMNS} FROM RequirementStanding r
    WHERE r.centreId = ? AND r.validUntil >= ? AND r.validUntil <= ? AND r.status IN ('met', 'due') AND ${IN_FORCE}`,
};

/** A person the dashboard's lists can name. */
export type WatchedPerson = { id: string; name: string; cleared: boolean };

/**
 * What the dashboard's lists read of these people, from stored standing: everything the lists can
 * show of those in `whole` (everyone when not given), and of the others only what falls due
 * within `days`. No rules run, and no words are built. People come in the order given; each one's
 * requirements in the rules' own order.
 */
export async function statesToWatch(centreId: string, today: IsoDate, days: number, people: readonly WatchedPerson[], whole?: ReadonlySet<string>): Promise<PersonState[]> {
  const until = addDaysIso(today, days);
  const readWhole = whole ? people.filter((p) => whole.has(p.id)) : people;
  const [listed, fallingDue, courses] = await Promise.all([
    readWhole.length ? readRows<Record<string, unknown>>(prisma, STATE_SQL.listedOf, JSON.stringify(readWhole.map((p) => p.id)), today, today, until) : [],
    readWhole.length < people.length ? readRows<Record<string, unknown>>(prisma, STATE_SQL.fallingDue, centreId, today, until, today, today) : [],
    getCourses(centreId),
  ]);
  const order = requirementsInOrder(courses);
  const position = new Map(order.map((r, i) => [r.key, i]));
  // Those read whole have their due items already.
  const othersDue = whole ? fallingDue.filter((r) => !whole.has(String(r.personId))) : [];
  const requirementsOf = rowsByPerson([...listed, ...othersDue].map((r) => ({
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
 * (something expired, something missing), from their stored standing: the lists' lengths, and who
 * comes first in each, without reading any item.
 */
export async function watchedLists(centreId: string, today: IsoDate, days: number) {
  const people = await readRows<Record<string, unknown>>(prisma, STATE_SQL.people, centreId, today, today, addDaysIso(today, days + 1));
  return people.map((p) => ({
    id: String(p.id),
    name: fullName({ firstName: String(p.firstName), lastName: String(p.lastName) }),
    cleared: asBoolean(p.cleared),
    on: { expired: asBoolean(p.anyExpired), missing: asBoolean(p.anyMissing) },
  }));
}
