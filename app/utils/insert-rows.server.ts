/** Writing many rows at once, for imports and stored standing. */
import type { Prisma } from "@prisma/client";
import { clock } from "./clock.server";

export type SqlValue = string | number | boolean | null;

/** SQLite's limit on a statement's parameters (32,766 since 3.32; better-sqlite3 bundles a newer one). */
const MAX_PARAMETERS = 32_000;

/**
 * Many rows into one table, as many to a statement as SQLite takes. Prisma's createMany costs
 * about 0.2 ms a row here (its query engine builds each row); one parameterised INSERT per chunk
 * does 85,000 rows in a fraction of that. Table and column names come from the caller's code, never from input.
 * Values are stored as Prisma stores them: booleans as 0/1, times as ISO text with "+00:00";
 * `timestamps` says which of createdAt and updatedAt the table has.
 */
export async function insertRows(tx: Prisma.TransactionClient, table: string, rows: Record<string, SqlValue>[], timestamps: ("createdAt" | "updatedAt")[] = ["createdAt", "updatedAt"]) {
  if (!rows.length) return;
  const now = clock.now().toISOString().replace("Z", "+00:00");
  const columns = [...Object.keys(rows[0]), ...timestamps];
  const perChunk = Math.floor(MAX_PARAMETERS / columns.length);
  for (let i = 0; i < rows.length; i += perChunk) {
    const chunk = rows.slice(i, i + perChunk);
    const values = chunk.flatMap((row) => columns.map((c) => (c === "createdAt" || c === "updatedAt" ? now : typeof row[c] === "boolean" ? (row[c] ? 1 : 0) : row[c] ?? null)));
    const placeholders = chunk.map(() => `(${columns.map(() => "?").join(",")})`).join(",");
    await tx.$executeRawUnsafe(`INSERT INTO "${table}" (${columns.map((c) => `"${c}"`).join(",")}) VALUES ${placeholders}`, ...values);
  }
}
