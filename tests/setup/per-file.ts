/**
 * Before each test file's imports: its own copy of a database made once by the global setup.
 * Files under tests/browser/, tests/demo/ and tests/http/ start from the demo centre; all others
 * from an empty, migrated database.
 */
import { copyFileSync, rmSync } from "node:fs";
import { randomUUID } from "node:crypto";
import { afterAll, expect } from "vitest";

const usesDemo = /[\\/]tests[\\/](browser|demo|http)[\\/]/.test(expect.getState().testPath ?? "");
const file = `tests/.tmp/${randomUUID()}.db`;
copyFileSync(usesDemo ? "tests/.tmp/demo.db" : "tests/.tmp/base.db", file);
process.env.DATABASE_URL = `file:./${file}`;
process.env.SESSION_SECRET = "test-session-secret-that-is-long-enough-0123456789";
process.env.APP_URL = "http://localhost:3000";

afterAll(async () => {
  const { prisma } = await import("~/db.server");
  await prisma.$disconnect();
  (await import("~/utils/sql-read.server")).closeReads();
  for (const suffix of ["", "-wal", "-shm", "-journal"]) rmSync(file + suffix, { force: true });
});
