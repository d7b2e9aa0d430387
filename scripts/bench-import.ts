/**
 * Benchmark (not a test): importing a centre's spreadsheet of 5,000 people.
 *   npm run bench:import            (ROWS=… RUNS=… to change)
 *
 * A real .xlsx written by exceljs: one row per person with a DBS check, two references and a date
 * for each of the 13 default courses (80,000 records). Timed on a throwaway SQLite file:
 *   - reading the file (exceljs) and reading it and planning every row (the preview);
 *   - confirming: planning again and saving everything in one transaction (once: it adds the rows);
 *   - the same file again: every person matched, every record already held, nothing added;
 *   - a plain SQLite read of the rows the import wrote, as the yardstick.
 */
import Database from "better-sqlite3";
import ExcelJS from "exceljs";
import { performance } from "node:perf_hooks";
import { benchDatabase } from "./bench-seed";
import { time } from "./bench-timing";
import { clock } from "~/utils/clock.server";

const ROWS = Number(process.env.ROWS ?? 5000);
const RUNS = Number(process.env.RUNS ?? 5);

const database = benchDatabase("import");
const { prisma } = await import("~/db.server");
const { ensureDefaultCourses, getCourses } = await import("~/modules/compliance/compliance.server");
const { confirmUpload, createUpload, loadUpload, readSpreadsheet } = await import("~/modules/import/import.server");
const { templateHeaders } = await import("~/modules/import/template");
const { addDaysIso } = await import("~/utils/dates");

const today = clock.today();
const centre = await prisma.centre.create({ data: { name: "Benchmark centre", organisation: { create: { name: "Benchmark" } } } });
await ensureDefaultCourses(prisma, centre.id);
const user = await prisma.user.create({ data: { centreId: centre.id, email: "coordinator@example.org", name: "Co-ordinator", accessRole: "coordinator" } });
const actor = { id: user.id, name: user.name, centreId: centre.id };
const courses = await getCourses(centre.id);

const workbook = new ExcelJS.Workbook();
const sheet = workbook.addWorksheet("People");
sheet.addRow(templateHeaders(courses));
const date = (days: number) => new Date(`${addDaysIso(today, -days)}T00:00:00Z`);
for (let i = 0; i < ROWS; i++) {
  sheet.addRow([
    `First${i}`, `Person${i}`, `person${i}@example.org`, "07700 900 000", i % 7 === 0 ? "Staff" : "Volunteer", date(400 + (i % 900)),
    date(300 + (i % 700)), String(100000000000 + i), "Enhanced", "Clear", i % 3 === 0 ? "yes" : "no",
    date(420 + (i % 900)), `Referee A${i}`, date(410 + (i % 900)), `Referee B${i}`,
    ...courses.map((_, n) => date(10 + ((i + n * 37) % 300))),
  ]);
}
const bytes = new Uint8Array(await workbook.xlsx.writeBuffer());
console.log(`Spreadsheet import, Node ${process.version}, ${today}: ${ROWS} rows, ${courses.length} courses, ${(bytes.length / 1048576).toFixed(1)} MiB .xlsx\n`);

const created = await createUpload(actor, "bench.xlsx", bytes);
if (!created.ok) throw new Error(created.problem);
await time("read the .xlsx (exceljs)", RUNS, () => readSpreadsheet("bench.xlsx", bytes, courses));
const preview = await time("preview: read and plan every row", RUNS, () => loadUpload(centre.id, created.id, today));

const start = performance.now();
const saved = await confirmUpload(actor, created.id, today);
const confirmMs = performance.now() - start;
if (!saved.ok) throw new Error(saved.reason);

/** The rows the import wrote, read with plain SQL: the floor under anything the app can do. */
function plainRead() {
  const db = new Database(database.file, { readonly: true });
  for (const table of ["Person", "PersonRole", "PersonStatusChange", "DbsCheck", "Reference", "TrainingRecord"]) db.prepare(`SELECT * FROM "${table}"`).all();
  db.close();
}
const plain = await time("plain SQLite read of the rows it wrote (yardstick)", RUNS, plainRead);
const rows = saved.result.recordsAdded + saved.result.peopleAdded;
console.log(`${"confirm: plan again and save, one transaction (once)".padEnd(64)} ${confirmMs.toFixed(0).padStart(7)} ms   ${(confirmMs / plain).toFixed(1)}x the plain read; ${saved.result.peopleAdded} people, ${saved.result.recordsAdded} records (${rows} rows)`);

const again = await createUpload(actor, "bench.xlsx", bytes);
if (!again.ok) throw new Error(again.problem);
const second = performance.now();
const repeat = await confirmUpload(actor, again.id, today);
const repeatMs = performance.now() - second;
if (!repeat.ok) throw new Error(repeat.reason);
console.log(`${"the same file again: all matched, nothing added".padEnd(64)} ${repeatMs.toFixed(0).padStart(7)} ms   ${(repeatMs / plain).toFixed(1)}x; added ${repeat.result.peopleAdded} people, ${repeat.result.recordsAdded} records`);
console.log(`\npreview ${(preview / ROWS).toFixed(2)} ms a row; confirm ${(confirmMs / ROWS).toFixed(2)} ms a row`);
const memory = process.memoryUsage();
console.log(`memory after: rss ${(memory.rss / 1048576).toFixed(0)} MiB, heap used ${(memory.heapUsed / 1048576).toFixed(0)} MiB`);
await prisma.$disconnect();
database.remove();
