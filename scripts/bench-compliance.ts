/**
 * Benchmark (not a test): build the compliance matrix for 5,000 people with 10 records each
 * (1 DBS check, 2 references, 7 training records) and print the time per request.
 *   npm run bench:compliance            (PEOPLE=… RUNS=… to change the size)
 * Uses its own throwaway SQLite file; prints figures, asserts nothing.
 */
import { time } from "./bench-timing";
import { execFileSync } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { clock } from "~/utils/clock.server";

const PEOPLE = Number(process.env.PEOPLE ?? 5000);
const RUNS = Number(process.env.RUNS ?? 5);
const dir = mkdtempSync(join(tmpdir(), "bench-compliance-"));
process.env.DATABASE_URL = `file:${join(dir, "bench.db")}`;
process.env.SESSION_SECRET ??= "benchmark-only-secret-benchmark-only-secret";
execFileSync("node_modules/.bin/prisma", ["migrate", "deploy"], { stdio: "ignore", env: process.env });

const { prisma } = await import("~/db.server");
const { ensureDefaultCourses, centreCompliance } = await import("~/modules/compliance/compliance.server");
const { matrixColumns, filterRows, cellFor } = await import("~/modules/compliance/overview");
const { matrixCsv } = await import("~/modules/compliance/csv");
const { addDaysIso, londonToday } = await import("~/utils/dates");

const today = clock.today();
const ago = (days: number) => addDaysIso(today, -days);

console.log(`Seeding ${PEOPLE} people with 10 records each...`);
const centre = await prisma.centre.create({ data: { name: "Benchmark centre", organisation: { create: { name: "Benchmark" } } } });
await ensureDefaultCourses(prisma, centre.id);
const courses = await prisma.course.findMany({ where: { centreId: centre.id }, orderBy: { sortOrder: "asc" } });
const ROLES = ["volunteer", "volunteer", "volunteer", "staff", "trustee", "deputy_coordinator"];
for (let start = 0; start < PEOPLE; start += 500) {
  const batch = Array.from({ length: Math.min(500, PEOPLE - start) }, (_, k) => start + k);
  await prisma.person.createMany({
    data: batch.map((i) => ({ id: `p${i}`, centreId: centre.id, firstName: `First${i}`, lastName: `Last${i}`, email: `p${i}@example.org`, status: "active", startedOn: ago(400 + (i % 2000)) })) });
  await prisma.personRole.createMany({ data: batch.map((i) => ({ personId: `p${i}`, role: ROLES[i % ROLES.length], startedOn: ago(400 + (i % 2000)) })) });
  await prisma.dbsCheck.createMany({
    data: batch.map((i) => ({
      personId: `p${i}`, level: "enhanced", workforce: "child", certificateNumber: String(100000000000 + i), issuedOn: ago(30 + (i % 1300)),
      decision: "clear", seenBy: "Bench", seenOn: ago(29 + (i % 1300)), updateServiceSubscribed: i % 3 === 0,
    })),
  });
  await prisma.reference.createMany({
    data: batch.flatMap((i) => [0, 1].map((n) => ({ personId: `p${i}`, refereeName: `Ref ${n}`, relationship: "Employer", contact: "x", requestedOn: ago(500 + (i % 2000)), receivedOn: ago(450 + (i % 2000)), outcome: "satisfactory" }))),
  });
  await prisma.trainingRecord.createMany({
    data: batch.flatMap((i) => courses.slice(0, 7).map((c, n) => ({ personId: `p${i}`, courseId: c.id, completedOn: ago((i * 7 + n * 97) % 1200), deliveryMethod: "workbook" }))),
  });
}



const data = await centreCompliance(centre.id, today);
const columns = matrixColumns(data.courses, true);
const csvColumns = matrixColumns(data.courses, false);
console.log(`\n${PEOPLE} people, ${PEOPLE * 10} records, ${data.courses.length} courses, Node ${process.version}\n`);
await time("Load and evaluate everyone (the matrix loader's work)", RUNS, () => centreCompliance(centre.id, today));
await time("Build matrix cells from evaluated rows (no database)", RUNS, () =>
  filterRows(data.rows, {}).map((row) => columns.map((column) => cellFor(row, column))));
await time("Matrix page request: load, evaluate, cells", RUNS, async () => {
  const fresh = await centreCompliance(centre.id, today);
  return filterRows(fresh.rows, {}).map((row) => columns.map((column) => cellFor(row, column)));
});
await time("CSV export request: load, evaluate, CSV", RUNS, async () => {
  const fresh = await centreCompliance(centre.id, today);
  return matrixCsv(filterRows(fresh.rows, {}) as typeof fresh.rows, csvColumns, today);
});
const memory = process.memoryUsage();
console.log(`\nMemory after runs: rss ${(memory.rss / 1048576).toFixed(0)} MiB, heap used ${(memory.heapUsed / 1048576).toFixed(0)} MiB`);

await prisma.$disconnect();
if (process.env.KEEP_DB) execFileSync("cp", [join(dir, "bench.db"), process.env.KEEP_DB]); rmSync(dir, { recursive: true, force: true });
