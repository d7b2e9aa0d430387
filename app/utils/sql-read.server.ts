/**
 * Hot reads as prepared SQL. Prisma 6 compiles every query in WebAssembly on the main thread
 * (about a millisecond each, whatever its size) and its adapter prepares the statement afresh;
 * here a statement is prepared once per process and then costs microseconds.
 *
 * Outside a transaction the statements run on a second connection to the same file, which only
 * reads (WAL mode lets it read while the other writes) and sees only committed data. Inside a
 * transaction the same SQL goes through that transaction, so it sees the transaction's writes.
 */
import { Prisma } from "@prisma/client";
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

type Scalars<Model extends Prisma.ModelName> = Prisma.TypeMap["model"][Model]["payload"]["scalars"];

/** Each model's Boolean and DateTime columns, from the schema Prisma was generated from. */
const convertedColumns = new Map(Prisma.dmmf.datamodel.models.map((model) => [model.name, {
  booleans: model.fields.filter((f) => f.kind === "scalar" && f.type === "Boolean").map((f) => f.name),
  dates: model.fields.filter((f) => f.kind === "scalar" && f.type === "DateTime").map((f) => f.name),
}]));

/**
 * Whole rows of one table (`SELECT *` with the condition and order given), in the types Prisma
 * gives them: Booleans and Dates made from SQLite's integers and text, as the schema says, so a
 * column added later comes out right too.
 */
export async function readRecords<Model extends Prisma.ModelName>(model: Model, condition: string, ...params: unknown[]): Promise<Scalars<Model>[]> {
  return readRecordsIn(prisma, model, condition, ...params);
}

/** readRecords through the client or an open transaction (which then sees its own writes). */
export async function readRecordsIn<Model extends Prisma.ModelName>(db: Db, model: Model, condition: string, ...params: unknown[]): Promise<Scalars<Model>[]> {
  const { booleans, dates } = convertedColumns.get(model)!;
  const rows = await readRows<Record<string, unknown>>(db, `SELECT * FROM "${model}" WHERE ${condition}`, ...params);
  for (const row of rows) {
    for (const column of booleans) if (row[column] !== null) row[column] = asBoolean(row[column]);
    for (const column of dates) row[column] = asDate(row[column]);
  }
  return rows as Scalars<Model>[];
}

/** SQLite's integers, however the driver returned them (number, or bigint through Prisma). */
export const asNumber = (value: unknown) => (value === null || value === undefined ? null : Number(value));
export const asBoolean = (value: unknown) => Number(value) === 1;
// Through a transaction Prisma hands DateTime columns back as Dates already (String() of one would drop its milliseconds).
export const asDate = (value: unknown) => (value === null || value === undefined ? null : value instanceof Date ? value : new Date(String(value)));

/**
 * The people a read is about (their table aliased `p`): write `${WHO}` once, where the condition goes,
 * before any other parameter, and read through `whoFor`. A centre's people, or only those listed
 * (one JSON parameter, so that one statement serves any number). Two statements, because SQLite
 * plans each well only alone: one condition for both scanned every person of the centre to pick
 * out the listed ones (about a millisecond a query at 5,000 people, to read 20).
 */
export const WHO = "/* who */";
const variants = new Map<string, { centre: string; listed: string }>();

/** The statement and its leading parameters, for a centre's people or only those listed. */
export function whoFor(sql: string, centreId: string, personIds?: readonly string[]): [string, ...unknown[]] {
  let variant = variants.get(sql);
  if (!variant) {
    variant = {
      centre: sql.replaceAll(WHO, "p.centreId = ?"),
      // The unary + keeps SQLite off the centre's index, so that the ids drive the read.
      listed: sql.replaceAll(WHO, "+p.centreId = ? AND p.id IN (SELECT value FROM json_each(?))"),
    };
    variants.set(sql, variant);
  }
  return personIds ? [variant.listed, centreId, JSON.stringify(personIds)] : [variant.centre, centreId];
}
