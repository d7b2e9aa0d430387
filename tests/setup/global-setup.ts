/**
 * Once per run:
 * - the clock every process of the run shares (see shifted-clock.mjs): 10:00 London time on
 *   TEST_TODAY (an ISO date; default today), so the whole suite can be run on any date;
 * - a migrated base database, and the demo centre seeded once on top of it: each test file
 *   copies one of them, so every file starts from a fresh, real SQLite file;
 * - a production build for the browser tests.
 */
import { execFile } from "node:child_process";
import { copyFileSync, mkdirSync, rmSync } from "node:fs";
import { resolve } from "node:path";
import { promisify } from "node:util";
import { londonInstant, londonToday } from "../../app/utils/dates";

export const TMP_DIR = "tests/.tmp";
export const BASE_DB = `${TMP_DIR}/base.db`;
export const DEMO_DB = `${TMP_DIR}/demo.db`;

const run = promisify(execFile);

/** A run's "now" on a day: 10:00 London time, well clear of midnight. */
export const RUN_TIME = "10:00";

function testClockOffset(): number {
  const wanted = process.env.TEST_TODAY ?? londonToday(new Date(Date.now()));
  if (!/^\d{4}-\d\d-\d\d$/.test(wanted)) throw new Error(`TEST_TODAY must be an ISO date such as 2028-02-29, not "${wanted}"`);
  return londonInstant(wanted, RUN_TIME).getTime() - Date.now();
}

export default async function setup() {
  process.env.TEST_CLOCK_OFFSET_MS = String(testClockOffset());
  process.env.NODE_OPTIONS = `${process.env.NODE_OPTIONS ?? ""} --import=${resolve("tests/setup/shifted-clock.mjs")}`.trim();

  rmSync(TMP_DIR, { recursive: true, force: true });
  mkdirSync(TMP_DIR, { recursive: true });
  await run("node_modules/.bin/prisma", ["migrate", "deploy"], { env: { ...process.env, DATABASE_URL: `file:./${BASE_DB}` } });
  copyFileSync(BASE_DB, DEMO_DB);
  await Promise.all([
    run("node_modules/.bin/tsx", ["scripts/seed-demo.ts"], { env: { ...process.env, DATABASE_URL: `file:./${DEMO_DB}`, NODE_ENV: "test" } }),
    run("node_modules/.bin/remix", ["build"], { env: { ...process.env, NODE_ENV: "production" } }),
  ]);
}
