/**
 * `npm run backup [file]`: an online backup of the database (SQLite's backup API), safe while
 * the app and the reminder run are writing. Checks the copy's integrity before saying it is done.
 * Default file: backups/<database name>-<date and time>.db
 */
import Database from "better-sqlite3";
import { existsSync, mkdirSync } from "node:fs";
import { basename, dirname } from "node:path";
import { env } from "~/env.server";
import { clock } from "~/utils/clock.server";

const source = env().DATABASE_URL.replace(/^file:/, "");
const stamp = clock.now().toISOString().replace(/[:.]/g, "-").slice(0, 19);
if (!existsSync(source)) {
  console.error(`There is no database at ${source} to back up. Check DATABASE_URL (it is ${env().DATABASE_URL}).`);
  process.exit(1);
}
const target = process.argv[2] ?? `backups/${basename(source, ".db")}-${stamp}.db`;
mkdirSync(dirname(target), { recursive: true });

const db = new Database(source, { readonly: true, fileMustExist: true, timeout: 10_000 });
await db.backup(target);
db.close();

const copy = new Database(target, { readonly: true });
const check = copy.pragma("integrity_check", { simple: true });
const people = (copy.prepare('SELECT COUNT(*) AS n FROM "Person"').get() as { n: number }).n;
copy.close();
if (check !== "ok") {
  console.error(`The backup at ${target} failed its integrity check: ${check}`);
  process.exit(1);
}
console.log(`Backed up ${source} to ${target} (${people} people). To restore: stop the app, copy it over DATABASE_URL's file, start the app.`);
