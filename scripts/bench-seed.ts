/**
 * For the benchmark scripts: a throwaway migrated SQLite file, and a centre of many people with a
 * DBS check, two references and training each. Import this before ~/db.server: it sets DATABASE_URL.
 */
import { execFileSync } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import type { PrismaClient } from "@prisma/client";
import { addDaysIso, type IsoDate } from "~/utils/dates";

/** Points DATABASE_URL at a new, migrated file; call before importing ~/db.server. */
export function benchDatabase(name: string) {
  const dir = mkdtempSync(join(tmpdir(), `bench-${name}-`));
  const file = join(dir, "bench.db");
  process.env.DATABASE_URL = `file:${file}`;
  process.env.SESSION_SECRET ??= "benchmark-only-secret-benchmark-only-secret";
  // Built code runs in production mode; throwaway data on this machine is the demo's case, not a real deployment.
  process.env.APP_MODE ??= "demo";
  execFileSync("node_modules/.bin/prisma", ["migrate", "deploy"], { stdio: "ignore", env: process.env });
  return { file, remove: () => rmSync(dir, { recursive: true, force: true }) };
}

export type SeedPlan = {
  people: number;
  today: IsoDate;
  /** When person `i` completed course number `n` (of kind `kind`), or null if they have not. */
  trainingOn: (i: number, n: number, kind: string) => IsoDate | null;
  dbsIssuedOn: (i: number) => IsoDate;
  reminderMode?: (i: number) => "individual" | "weekly";
};

const ROLES = ["volunteer", "volunteer", "volunteer", "staff", "trustee", "deputy_coordinator"];

export async function seedBenchPeople(prisma: PrismaClient, centreId: string, plan: SeedPlan) {
  const courses = await prisma.course.findMany({ where: { centreId }, orderBy: { sortOrder: "asc" } });
  const ago = (days: number) => addDaysIso(plan.today, -days);
  for (let start = 0; start < plan.people; start += 500) {
    const batch = Array.from({ length: Math.min(500, plan.people - start) }, (_, k) => start + k);
    await prisma.person.createMany({
      data: batch.map((i) => ({
        id: `p${i}`, centreId, firstName: `First${i}`, lastName: `Last${i}`, email: `p${i}@example.org`, status: "active",
        startedOn: ago(400 + (i % 2000)), reminderMode: plan.reminderMode?.(i) ?? "individual",
      })),
    });
    await prisma.personRole.createMany({ data: batch.map((i) => ({ personId: `p${i}`, role: ROLES[i % ROLES.length], startedOn: ago(400 + (i % 2000)) })) });
    await prisma.dbsCheck.createMany({
      data: batch.map((i) => ({
        personId: `p${i}`, level: "enhanced", workforce: "child", certificateNumber: String(100000000000 + i), issuedOn: plan.dbsIssuedOn(i),
        decision: "clear", seenBy: "Bench", seenOn: addDaysIso(plan.dbsIssuedOn(i), 1), updateServiceSubscribed: i % 3 === 0,
      })),
    });
    await prisma.reference.createMany({
      data: batch.flatMap((i) => [0, 1].map((n) => ({ personId: `p${i}`, refereeName: `Ref ${n}`, relationship: "Employer", contact: "x", requestedOn: ago(500 + (i % 2000)), receivedOn: ago(450 + (i % 2000)), outcome: "satisfactory" }))),
    });
    await prisma.trainingRecord.createMany({
      data: batch.flatMap((i) => courses.flatMap((c, n) => {
        const completedOn = plan.trainingOn(i, n, c.kind);
        return completedOn ? [{ personId: `p${i}`, courseId: c.id, completedOn, deliveryMethod: "workbook" }] : [];
      })),
    });
  }
  return courses;
}

/**
 * The benchmarks' yardstick: a centre's compliance rows (people, roles, statuses, DBS checks and
 * their status checks, references, training) read straight from SQLite, with no ORM and no rules.
 * `read()` returns how many rows it read; `close()` when done.
 */
export async function plainCentreRead(file: string, centreId: string) {
  const Database = (await import("better-sqlite3")).default;
  const raw = new Database(file, { readonly: true });
  const ofCentre = (table: string) => raw.prepare(`SELECT t.* FROM "${table}" t JOIN "Person" p ON p.id = t."personId" WHERE p."centreId" = ?`);
  const queries = [
    raw.prepare(`SELECT * FROM "Person" WHERE "centreId" = ?`), ofCentre("PersonRole"), ofCentre("DbsCheck"), ofCentre("Reference"), ofCentre("TrainingRecord"), ofCentre("PersonStatusChange"),
    raw.prepare(`SELECT s.* FROM "DbsStatusCheck" s JOIN "DbsCheck" d ON d.id = s."dbsCheckId" JOIN "Person" p ON p.id = d."personId" WHERE p."centreId" = ?`),
  ];
  return { read: () => queries.reduce((n, q) => n + q.all(centreId).length, 0), close: () => raw.close() };
}
