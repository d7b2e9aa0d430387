/**
 * Once per run: a migrated base database that each test file copies (so every file starts
 * from a fresh, real SQLite file), and a production build for the browser tests.
 */
import { execFileSync } from "node:child_process";
import { mkdirSync, rmSync } from "node:fs";

export const TMP_DIR = "tests/.tmp";
export const BASE_DB = `${TMP_DIR}/base.db`;

export default function setup() {
  rmSync(TMP_DIR, { recursive: true, force: true });
  mkdirSync(TMP_DIR, { recursive: true });
  const quiet = { stdio: ["ignore", "ignore", "inherit"] as ("ignore" | "inherit")[] };
  execFileSync("node_modules/.bin/prisma", ["migrate", "deploy"], { ...quiet, env: { ...process.env, DATABASE_URL: `file:./${BASE_DB}` } });
  execFileSync("node_modules/.bin/remix", ["build"], { ...quiet, env: { ...process.env, NODE_ENV: "production" } });
}
