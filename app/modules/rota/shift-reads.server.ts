/**
 * Shifts with their placements, as prepared SQL (see sql-read.server.ts): the dashboard, the rota
 * list, the digest and every self-service page read them, and as Prisma queries with nested
 * includes they cost a millisecond or more each to compile. Three flat reads (shifts, placements,
 * open swap requests) over the same shifts, put together here.
 */
import { rowsBy } from "~/utils/rows-by-person";
import { asDate, asNumber, readRecordsIn, readRows } from "~/utils/sql-read.server";
import type { Db } from "~/modules/compliance/compliance.server";
import type { IsoDate } from "~/utils/dates";

export type SwapRequestRow = { id: string; askedById: string; note: string; closesAt: Date; createdAt: Date };

export type PlacementRow = {
  id: string; personId: string; slot: string; status: string; createdAt: Date;
  person: { id: string; firstName: string; lastName: string };
  /** Only the open ones. */
  swapRequests: SwapRequestRow[];
};

export type ShiftWithPlacements = {
  id: string; rotaId: string; sessionId: string; teamId: string | null;
  date: IsoDate; startsAt: Date; endsAt: Date;
  coordinatorsNeeded: number; staffNeeded: number; volunteersNeeded: number;
  rota: { id: string; status: string };
  session: { name: string; location: string };
  /** In the order they were made. */
  assignments: PlacementRow[];
};

export type ShiftFilter = { from: IsoDate; to?: IsoDate; publishedOnly?: boolean };

// One WHERE for all three reads, so they are about the same shifts. Parameters: whichShifts().
const SHIFTS_WHERE = "r.centreId = ? AND (? = 0 OR r.status = 'published') AND s.date >= ? AND (? IS NULL OR s.date <= ?)";

const SHIFTS_SQL = `SELECT s.id, s.rotaId, s.sessionId, s.teamId, s.date, s.startsAt, s.endsAt, s.coordinatorsNeeded, s.staffNeeded, s.volunteersNeeded,
    r.status AS rotaStatus, c.name AS sessionName, c.location AS sessionLocation
  FROM Shift s JOIN Rota r ON r.id = s.rotaId JOIN ContactSession c ON c.id = s.sessionId
  WHERE ${SHIFTS_WHERE} ORDER BY s.startsAt, s.id`;

// Placements made together (a generated rota, one createMany) share a createdAt: rowid keeps
// the order they were written in, the generator's (an id or person id would be arbitrary).
const PLACEMENTS_SQL = `SELECT a.id, a.shiftId, a.personId, a.slot, a.status, a.createdAt, p.firstName, p.lastName
  FROM ShiftAssignment a JOIN Shift s ON s.id = a.shiftId JOIN Rota r ON r.id = s.rotaId JOIN Person p ON p.id = a.personId
  WHERE ${SHIFTS_WHERE} ORDER BY a.createdAt, a.rowid`;

const OPEN_SWAPS_SQL = `SELECT w.id, w.assignmentId, w.askedById, w.note, w.closesAt, w.createdAt
  FROM SwapRequest w JOIN ShiftAssignment a ON a.id = w.assignmentId JOIN Shift s ON s.id = a.shiftId JOIN Rota r ON r.id = s.rotaId
  WHERE ${SHIFTS_WHERE} AND w.status = 'open' ORDER BY w.createdAt, w.id`;

type Raw = Record<string, unknown>;
const text = (value: unknown) => value as string;

function whichShifts(centreId: string, { from, to, publishedOnly = false }: ShiftFilter) {
  return [centreId, publishedOnly ? 1 : 0, from, to ?? null, to ?? null];
}

/** A centre's shifts from one date (to another), each with its placements, in time order. */
export async function readShifts(db: Db, centreId: string, filter: ShiftFilter): Promise<ShiftWithPlacements[]> {
  const params = whichShifts(centreId, filter);
  const [shifts, placements, swaps] = await Promise.all([
    readRows<Raw>(db, SHIFTS_SQL, ...params),
    readRows<Raw>(db, PLACEMENTS_SQL, ...params),
    readRows<Raw>(db, OPEN_SWAPS_SQL, ...params),
  ]);
  const swapsOf = rowsBy(swaps, (w) => text(w.assignmentId));
  const placementsOf = rowsBy(placements, (a) => text(a.shiftId));
  return shifts.map((s) => ({
    id: text(s.id), rotaId: text(s.rotaId), sessionId: text(s.sessionId), teamId: (s.teamId ?? null) as string | null,
    date: text(s.date), startsAt: asDate(s.startsAt)!, endsAt: asDate(s.endsAt)!,
    coordinatorsNeeded: asNumber(s.coordinatorsNeeded)!, staffNeeded: asNumber(s.staffNeeded)!, volunteersNeeded: asNumber(s.volunteersNeeded)!,
    rota: { id: text(s.rotaId), status: text(s.rotaStatus) },
    session: { name: text(s.sessionName), location: text(s.sessionLocation) },
    assignments: placementsOf(text(s.id)).map((a) => ({
      id: text(a.id), personId: text(a.personId), slot: text(a.slot), status: text(a.status), createdAt: asDate(a.createdAt)!,
      person: { id: text(a.personId), firstName: text(a.firstName), lastName: text(a.lastName) },
      swapRequests: swapsOf(text(a.id)).map((w) => ({
        id: text(w.id), askedById: text(w.askedById), note: text(w.note), closesAt: asDate(w.closesAt)!, createdAt: asDate(w.createdAt)!,
      })),
    })),
  }));
}

/** The same shifts with only their placements that stand as made (not pending, declined or withdrawn). */
export function assignedOnly(shifts: ShiftWithPlacements[]): ShiftWithPlacements[] {
  return shifts.map((s) => ({ ...s, assignments: s.assignments.filter((a) => a.status === "assigned") }));
}

const OF_ROTA = "SELECT id FROM Shift WHERE rotaId = ?";

/**
 * One rota of a centre with its shifts (in time order), each with its session, team and every
 * placement (in the order made) with the person's name: the rota page, its print and every edit
 * of it read this, edits inside their transaction. As Prisma's nested includes it was six queries
 * compiled afresh each time (about 3.5 ms of the rota page's 20).
 */
export async function readRota(db: Db, centreId: string, rotaId: string) {
  const [rota] = await readRecordsIn(db, "Rota", "id = ? AND centreId = ?", rotaId, centreId);
  if (!rota) return null;
  const [shifts, sessions, teams, placements, people] = await Promise.all([
    readRecordsIn(db, "Shift", "rotaId = ? ORDER BY startsAt, id", rotaId),
    readRows<Raw>(db, "SELECT id, name, location FROM ContactSession WHERE id IN (SELECT sessionId FROM Shift WHERE rotaId = ?)", rotaId),
    readRows<Raw>(db, "SELECT id, name FROM Team WHERE id IN (SELECT teamId FROM Shift WHERE rotaId = ?)", rotaId),
    readRecordsIn(db, "ShiftAssignment", `shiftId IN (${OF_ROTA}) ORDER BY createdAt, rowid`, rotaId),
    readRows<Raw>(db, `SELECT id, firstName, lastName FROM Person WHERE id IN (SELECT personId FROM ShiftAssignment WHERE shiftId IN (${OF_ROTA}))`, rotaId),
  ]);
  const sessionOf = new Map(sessions.map((c) => [text(c.id), { name: text(c.name), location: text(c.location) }]));
  const teamOf = new Map(teams.map((t) => [text(t.id), { name: text(t.name) }]));
  const personOf = new Map(people.map((p) => [text(p.id), { id: text(p.id), firstName: text(p.firstName), lastName: text(p.lastName) }]));
  const placementsOf = rowsBy(placements, (a) => a.shiftId);
  return {
    ...rota,
    shifts: shifts.map((s) => ({
      ...s,
      session: sessionOf.get(s.sessionId)!,
      team: s.teamId === null ? null : teamOf.get(s.teamId)!,
      assignments: placementsOf(s.id).map((a) => ({ ...a, person: personOf.get(a.personId)! })),
    })),
  };
}

const ROTA_TOTALS_SQL = `SELECT r.id, r.startsOn, r.endsOn, r.status, r.mode,
    (SELECT COUNT(*) FROM Shift s WHERE s.rotaId = r.id) AS sessions,
    (SELECT COALESCE(SUM(s.coordinatorsNeeded + s.staffNeeded + s.volunteersNeeded), 0) FROM Shift s WHERE s.rotaId = r.id) AS needed,
    (SELECT COUNT(*) FROM ShiftAssignment a JOIN Shift s ON s.id = a.shiftId WHERE s.rotaId = r.id AND a.status = 'assigned') AS assigned
  FROM Rota r WHERE r.centreId = ? ORDER BY r.startsOn DESC, r.id`;

/** Every rota of a centre, newest first, with its sessions, places needed and placements made (counted in SQLite). */
export async function readRotaTotals(db: Db, centreId: string) {
  const rows = await readRows<Raw>(db, ROTA_TOTALS_SQL, centreId);
  return rows.map((r) => ({
    id: text(r.id), startsOn: text(r.startsOn), endsOn: text(r.endsOn), status: text(r.status), mode: text(r.mode),
    sessions: asNumber(r.sessions)!, needed: asNumber(r.needed)!, assigned: asNumber(r.assigned)!,
  }));
}

const PERSON_SHIFTS_SQL = `SELECT a.id, a.personId, a.slot, a.status,
    s.id AS shiftId, s.rotaId, s.sessionId, s.date, s.startsAt, s.endsAt, s.coordinatorsNeeded, s.staffNeeded, s.volunteersNeeded,
    c.name AS sessionName, c.location AS sessionLocation, r.centreId, ce.name AS centreName
  FROM ShiftAssignment a JOIN Shift s ON s.id = a.shiftId JOIN Rota r ON r.id = s.rotaId
    JOIN ContactSession c ON c.id = s.sessionId JOIN Centre ce ON ce.id = r.centreId
  WHERE a.personId = ? AND a.status <> 'withdrawn' AND r.status = 'published'
  ORDER BY s.startsAt, a.id`;

/** A person's placements on published rotas (not those the app took them off), in time order, each with its shift. */
export async function readPersonShifts(db: Db, personId: string) {
  const rows = await readRows<Raw>(db, PERSON_SHIFTS_SQL, personId);
  return rows.map((a) => ({
    id: text(a.id), personId: text(a.personId), slot: text(a.slot), status: text(a.status),
    shift: {
      id: text(a.shiftId), rotaId: text(a.rotaId), sessionId: text(a.sessionId), date: text(a.date), startsAt: asDate(a.startsAt)!, endsAt: asDate(a.endsAt)!,
      coordinatorsNeeded: asNumber(a.coordinatorsNeeded)!, staffNeeded: asNumber(a.staffNeeded)!, volunteersNeeded: asNumber(a.volunteersNeeded)!,
      session: { name: text(a.sessionName), location: text(a.sessionLocation) },
      rota: { centreId: text(a.centreId), centre: { name: text(a.centreName) } },
    },
  }));
}
