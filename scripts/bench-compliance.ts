/**
 * Benchmark (not a test): build the compliance matrix for 5,000 people with 10 records each
 * (1 DBS check, 2 references, 7 training records) and print the time per request.
 *   npm run bench:compliance            (PEOPLE=… RUNS=… to change the size)
 * Uses its own throwaway SQLite file; prints figures, asserts nothing.
 */
import { performance } from "node:perf_hooks";
import { time } from "./bench-timing";
import { benchDatabase, plainCentreRead, seedBenchPeople } from "./bench-seed";
import { clock } from "~/utils/clock.server";

const PEOPLE = Number(process.env.PEOPLE ?? 5000);
const RUNS = Number(process.env.RUNS ?? 5);
const database = benchDatabase("compliance");

const { prisma } = await import("~/db.server");
const { ensureDefaultCourses, centreCompliance, complianceInBatches, loadCentreFacts } = await import("~/modules/compliance/compliance.server");
const { refreshStanding, standingPage, standingPeople, standingSummary } = await import("~/modules/compliance/standing.server");
const { matrixColumns, cellFor } = await import("~/modules/compliance/overview");
const { matrixCsvHeader, matrixCsvRows } = await import("~/modules/compliance/csv");
const { addDaysIso } = await import("~/utils/dates");

const today = clock.today();
const ago = (days: number) => addDaysIso(today, -days);

console.log(`Seeding ${PEOPLE} people with 10 records each...`);
const centre = await prisma.centre.create({ data: { name: "Benchmark centre", organisation: { create: { name: "Benchmark" } } } });
await ensureDefaultCourses(prisma, centre.id);
await seedBenchPeople(prisma, centre.id, {
  people: PEOPLE, today,
  dbsIssuedOn: (i) => ago(30 + (i % 1300)),
  trainingOn: (i, n) => (n < 7 ? ago((i * 7 + n * 97) % 1200) : null),
});

const data = await centreCompliance(centre.id, today);
const columns = matrixColumns(data.courses, true);
const csvColumns = matrixColumns(data.courses, false);
// The yardstick: the same rows read straight from SQLite, with no ORM and no rules.
const plain = await plainCentreRead(database.file, centre.id);
const rowCount = plain.read();

console.log(`\n${PEOPLE} people, ${rowCount} rows, ${data.courses.length} courses, Node ${process.version}, built code\n`);
const yardstick = {
  label: "the plain read",
  ms: await time(`Plain SQLite read of the same ${rowCount} rows (yardstick)`, RUNS, () => plain.read()),
};
await time("Read everyone's facts (prepared SQL, no rules)", RUNS, () => loadCentreFacts(centre.id), yardstick);
const most = data.rows.filter((_, i) => i % 8 !== 0).map((row) => row.id);
await time(`Read ${most.length} chosen people's facts`, RUNS, () => loadCentreFacts(centre.id, { personIds: most }), yardstick);
await time("Load and evaluate everyone (the matrix loader's work)", RUNS, () => centreCompliance(centre.id, today), yardstick);
await time("Build matrix cells from evaluated rows (no database)", RUNS, () =>
  data.rows.filter((row) => row.compliance.counted).map((row) => columns.map((column) => cellFor(row, column))), yardstick);
await time("Evaluating everyone, then a page of cells (the matrix before stored standing)", RUNS, async () => {
  const fresh = await centreCompliance(centre.id, today);
  return fresh.rows.filter((row) => row.compliance.counted).slice(0, 50).map((row) => columns.map((column) => cellFor(row, column)));
}, yardstick);

// Stored standing: worked out once (after any change, for the people changed), then read.
const started = performance.now();
await refreshStanding(centre.id);
const refreshMs = performance.now() - started;
console.log(`${"Work out everyone's stored standing (once; after a policy change)".padEnd(64)} ${refreshMs.toFixed(0).padStart(7)} ms   (${(refreshMs / PEOPLE).toFixed(2)} ms a person)`);
const matrixPage = async (date: string, filters: Parameters<typeof standingSummary>[2]) => {
  await refreshStanding(centre.id);
  const summary = await standingSummary(centre.id, date, filters);
  const { personIds } = await standingPage(centre.id, date, filters, summary.people, 1);
  const { rows } = await centreCompliance(centre.id, date, personIds);
  return rows.map((row) => columns.map((column) => cellFor(row, column)));
};
await time("Matrix page request from stored standing: counts, page, 50 evaluated", RUNS, () => matrixPage(today, {}), yardstick);
await time("The same, not cleared, on a date a year ago", RUNS, () => matrixPage(addDaysIso(today, -365), { view: "not_cleared" }), yardstick);
const { dashboardCompliance } = await import("~/modules/compliance/dashboard.server");
await time("Dashboard: counts, 12 month ends, lists from stored standing, reasons for those shown", RUNS, () => dashboardCompliance(centre.id, today), yardstick);
await time("CSV export request: who from stored standing, streamed a batch at a time", RUNS, async () => {
  let bytes = matrixCsvHeader(csvColumns).length;
  await refreshStanding(centre.id);
  for await (const rows of complianceInBatches(centre.id, today, await standingPeople(centre.id, today, {}))) bytes += matrixCsvRows(rows, csvColumns, today).length;
  return bytes;
}, yardstick);
await time("CSV export: first batch of rows ready", RUNS, async () => {
  await refreshStanding(centre.id);
  const batches = complianceInBatches(centre.id, today, await standingPeople(centre.id, today, {}));
  const first = await batches.next();
  await batches.return(undefined);
  return first;
}, yardstick);
const memory = process.memoryUsage();
console.log(`\nMemory after runs: rss ${(memory.rss / 1048576).toFixed(0)} MiB, heap used ${(memory.heapUsed / 1048576).toFixed(0)} MiB`);

plain.close();
await prisma.$disconnect();
database.remove();
