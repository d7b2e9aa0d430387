/**
 * Hot reads as prepared SQL. Prisma 6 compiles every query in WebAssembly on the main thread
 * (about a millisecond each, whatever its size) and its adapter prepares the statement afresh;
 * here a statement is prepared once per process and then costs microseconds.
 *
 * Outside a transaction the statements run on a second connection to the same file, which only
 * reads (WAL mode lets it read while the other writes) and sees only committed data. Inside a
 * transaction the same SQL goes through that transaction, so it sees the transaction's writes.
 */
import type { Prisma } from "@prisma/client";
import Database from "better-sqlite3";
import { prisma } from "~/db.server";
import { env } from "~/env.server";

type Db = Prisma.TransactionClient;

let connection: Database.Database | null = null;
const statements = new Map<string, Database.Statement>();

function reader() {
  if (!connection) {
    // The adapter reads the URL the same way: the path after "file:", from the working directory.
    connection = new Database(env().DATABASE_URL.replace(/^file:/, ""), { fileMustExist: true, timeout: 10_000 });
    connection.pragma("query_only = ON");
  }
  return connection;
}

/** Closes the reading connection (a test file's database is about to be removed). */
export function closeReads() {
  connection?.close();
  connection = null;
  statements.clear();
}

/** Rows of a SELECT, in SQLite's own types (integers for booleans, text for dates). */
export async function readRows<Row>(db: Db, sql: string, ...params: unknown[]): Promise<Row[]> {
  if (db !== prisma) return db.$queryRawUnsafe<Row[]>(sql, ...params);
  let statement = statements.get(sql);
  if (!statement) {
    statement = reader().prepare(sql);
    statements.set(sql, statement);
  }
  return statement.all(...params) as Row[];
}

/** SQLite's integers, however the driver returned them (number, or bigint through Prisma). */
export const asNumber = (value: unknown) => (value === null || value === undefined ? null : Number(value));
export const asBoolean = (value: unknown) => Number(value) === 1;
// Through a transaction Prisma hands DateTime columns back as Dates already (String() of one would drop its milliseconds).
export const asDate = (value: unknown) => (value === null || value === undefined ? null : value instanceof Date ? value : new Date(String(value)));

/**
 * The people a read is about (their table aliased `p`): a centre's, or only those listed, passed
 * as one JSON parameter so one statement serves any number. Its parameters: peopleParams.
 */
export const WHO = "p.centreId = ? AND (? IS NULL OR p.id IN (SELECT value FROM json_each(?)))";

export function peopleParams(centreId: string, personIds?: string[]) {
  const ids = personIds ? JSON.stringify(personIds) : null;
  return [centreId, ids, ids];
}
