/**
 * The database as an operator meets it: the server and the cron job write at the same time,
 * backups are taken while both run, and a backup restores to a working, whole database.
 */
import { execFile } from "node:child_process";
import { copyFileSync, rmSync } from "node:fs";
import { randomUUID } from "node:crypto";
import { promisify } from "node:util";
import { afterAll, describe, expect, it } from "vitest";
import { prisma } from "~/db.server";
import { recordAudit } from "~/modules/audit/audit.server";
import { refreshStanding } from "~/modules/compliance/standing.server";

const run = promisify(execFile);
const databaseFile = process.env.DATABASE_URL!.replace(/^file:/, "");
const made: string[] = [];
afterAll(() => {
  for (const file of made) for (const suffix of ["", "-wal", "-shm"]) rmSync(file + suffix, { force: true });
});

/** Runs one of our npm scripts' commands against a database, as cron or an operator would. */
function script(name: string, args: string[] = [], database = databaseFile) {
  return run("node_modules/.bin/tsx", [`scripts/${name}.ts`, ...args], { env: { ...process.env, DATABASE_URL: `file:${database}` } }).then(
    ({ stdout, stderr }) => ({ code: 0, stdout, stderr }),
    (e: { code: number; stdout: string; stderr: string }) => ({ code: e.code, stdout: e.stdout, stderr: e.stderr }),
  );
}

/** What a busy server does: a small write, then back to the event loop for the next request. */
async function keepWriting(until: Promise<unknown>) {
  let writes = 0;
  let done = false;
  void until.finally(() => (done = true));
  const centre = await prisma.centre.findFirstOrThrow();
  while (!done) {
    await prisma.$transaction((tx) => recordAudit(tx, { id: null, name: "Test", centreId: centre.id }, { action: "test.write", entityType: "Centre", entityId: centre.id, summary: `Write ${writes}` }));
    writes += 1;
    await new Promise((resolve) => setTimeout(resolve, 2));
  }
  return writes;
}

describe("starting after an upgrade", () => {
  it("works out the stored standing a migration left stale before serving (npm start's step), and says so", async () => {
    const centre = await prisma.centre.findFirstOrThrow();
    await refreshStanding(centre.id);
    const before = await prisma.personStanding.findMany({ where: { centreId: centre.id }, orderBy: [{ personId: "asc" }, { fromDate: "asc" }], omit: { id: true } });
    // What a migration that changes stored standing does.
    const people = await prisma.person.updateMany({ where: { centreId: centre.id }, data: { standingStale: true } });
    const first = await script("refresh-standing");
    expect(first).toMatchObject({ code: 0, stderr: "" });
    expect(first.stdout).toContain(`${centre.name}: stored standing worked out for ${people.count} people.`);
    expect(await prisma.person.count({ where: { standingStale: true } })).toBe(0);
    expect(before.length).toBeGreaterThan(42);
    expect(await prisma.personStanding.findMany({ where: { centreId: centre.id }, orderBy: [{ personId: "asc" }, { fromDate: "asc" }], omit: { id: true } })).toEqual(before);
    expect((await script("refresh-standing")).stdout.trim()).toBe("Stored standing is up to date.");
  });
});

describe("the database", () => {
  it("runs in WAL mode, so readers never wait for the writer", async () => {
    const [mode] = await prisma.$queryRawUnsafe<{ journal_mode: string }[]>("PRAGMA journal_mode");
    expect(mode.journal_mode).toBe("wal");
  });

  it("lets two reminder runs start at once while the server writes: one runs, the other says so, neither crashes", async () => {
    await prisma.emailMessage.deleteMany(); // the demo's own run already queued today's reminders
    const runs = Promise.all([script("reminders"), script("reminders")]);
    const writes = await keepWriting(runs);
    const results = await runs;
    expect(writes).toBeGreaterThan(0);
    for (const result of results) {
      expect(result.stderr).toBe("");
      expect([0, 75]).toContain(result.code);
      if (result.code === 75) expect(result.stdout).toMatch(/^Another reminder run has been going since .+; this one stopped without doing anything\.$/m);
    }
    expect(results.some((r) => r.code === 0)).toBe(true);
    // Whatever the runs say they queued is in the outbox once, and nothing due was missed.
    const queued = results.flatMap((r) => [...r.stdout.matchAll(/queued: (\d+)(?: single, (\d+) weekly summaries)?/g)]).reduce((n, m) => n + Number(m[1]) + Number(m[2] ?? 0), 0);
    expect(queued).toBeGreaterThan(0);
    expect(await prisma.emailMessage.count()).toBe(queued);
    const dryRun = await script("reminders", ["--dry-run"]);
    expect(dryRun.stdout).toMatch(/^Dry run: \d+ email\(s\) would be sent \(\d+ already waiting, 0 new\)\.$/m);
  }, 60_000);
});

describe("npm run backup", () => {
  it("copies the live database while it is being written, and the copy restores to a whole, working database", async () => {
    const backupFile = `tests/.tmp/${randomUUID()}-backup.db`;
    made.push(backupFile);
    const backup = script("backup", [backupFile]);
    await keepWriting(backup);
    const result = await backup;
    expect(result.code).toBe(0);
    expect(result.stdout).toMatch(/^Backed up .+ to tests\/\.tmp\/.+-backup\.db \(\d+ people\)\./);
    const people = Number(result.stdout.match(/\((\d+) people\)/)![1]);
    expect(people).toBe(await prisma.person.count());

    // Restoring: copy the backup to where the database lives, and use it.
    const restored = `tests/.tmp/${randomUUID()}-restored.db`;
    made.push(restored);
    copyFileSync(backupFile, restored);
    const verify = await script("audit-verify", [], restored);
    expect(verify.stderr).toBe("");
    expect(verify.stdout).toMatch(/^The audit log is whole: \d+ entries, each as it was written\./);
    expect(verify.code).toBe(0);
    const dryRun = await script("reminders", ["--dry-run"], restored);
    expect(dryRun.code).toBe(0);
    expect(dryRun.stdout).toMatch(/^Dry run: \d+ email\(s\) would be sent/m);
  }, 60_000);

  it("refuses to back up a database that is not there, saying so", async () => {
    const result = await script("backup", ["tests/.tmp/never.db"], "tests/.tmp/no-such-database.db");
    expect(result.code).not.toBe(0);
    expect(result.stderr).toContain("no-such-database.db");
  });
});
