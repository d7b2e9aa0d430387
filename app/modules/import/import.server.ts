/**
 * Bringing a centre's spreadsheet in: read the file (exceljs for .xlsx, csv-parse for .csv; both
 * loaded only when a file is read), keep it between the matching, preview and confirm steps, and
 * save the plan in one transaction, audited as one import.
 */
import { createHash, randomUUID } from "node:crypto";
import type { Prisma } from "@prisma/client";
import { prisma } from "~/db.server";
import { recordAudit, type Actor } from "~/modules/audit/audit.server";
import { getCourses } from "~/modules/compliance/compliance.server";
import { initialStatusChanges } from "~/modules/people/status";
import type { IsoDate } from "~/utils/dates";
import { insertRows, type SqlValue } from "~/utils/insert-rows.server";
import { clock } from "~/utils/clock.server";
import { checkColumns, findHeaderRow, guessColumns, isColumnField, type ColumnField, type CourseRef } from "./columns";
import { cellText, planImport, type Cell, type Held, type ImportPlan, type Sheet } from "./rows";
import { unpackedSize } from "./zip";

type Tx = Prisma.TransactionClient;

export const MAX_FILE_BYTES = 5 * 1024 * 1024;
export const MAX_ROWS = 10_000;
/** What an .xlsx may unpack to: 5,000 people with a dozen columns is a few megabytes. */
export const MAX_UNPACKED_BYTES = 100 * 1024 * 1024;
/** An upload not imported is kept this long for the co-ordinator to come back to, then its file goes. */
const KEEP_UNIMPORTED_MS = 24 * 60 * 60 * 1000;

export type ReadProblem = "empty" | "too-big" | "unpacks-too-big" | "old-excel" | "unreadable" | "too-many-rows" | "no-rows";

export const READ_PROBLEM_WORDS: Record<ReadProblem, string> = {
  empty: "Choose a spreadsheet file to upload",
  "too-big": "The file is larger than 5 MB: save just the sheet of people as .xlsx or .csv",
  "unpacks-too-big": "This .xlsx file unpacks to more than 100 MB, far more than a sheet of people: save just that sheet as .xlsx or .csv",
  "old-excel": "This is an old Excel file (.xls): open it in Excel or LibreOffice and save it as .xlsx, then upload that",
  unreadable: "We could not read that file as a spreadsheet: upload an .xlsx or .csv file",
  "too-many-rows": `The sheet has more than ${MAX_ROWS.toLocaleString("en-GB")} rows: split it into smaller files`,
  "no-rows": "The sheet has headers but no rows of people under them",
};

/** An .xlsx cell's value as plain data: rich text, links (emails often are), formulas' results. */
function plainCell(value: unknown): Cell {
  if (value === null || value === undefined) return null;
  if (value instanceof Date || typeof value === "string" || typeof value === "number" || typeof value === "boolean") return value;
  if (typeof value === "object") {
    const v = value as { richText?: { text: string }[]; text?: unknown; result?: unknown; error?: unknown };
    if (v.richText) return v.richText.map((part) => part.text).join("");
    if ("result" in v) return plainCell(v.result);
    if (v.text !== undefined) return plainCell(v.text);
  }
  return null;
}

async function readXlsx(bytes: Uint8Array): Promise<Cell[][]> {
  const { default: ExcelJS } = await import("exceljs");
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load(bytes as unknown as ArrayBuffer);
  const sheet = workbook.worksheets.find((ws) => ws.actualRowCount > 0);
  if (!sheet) return [];
  const rows: Cell[][] = [];
  // exceljs works out both counts by walking every row: read them once, not once a row.
  const [rowCount, columnCount] = [sheet.rowCount, sheet.columnCount];
  for (let r = 1; r <= rowCount; r++) {
    const row = sheet.getRow(r);
    const cells: Cell[] = [];
    for (let c = 1; c <= Math.max(row.cellCount, columnCount); c++) {
      const cell = row.getCell(c);
      // A merged range's value is its first cell's; repeating it under each column would read a title as data.
      cells.push(cell.isMerged && cell.master !== cell ? null : plainCell(cell.value));
    }
    rows.push(cells);
  }
  return rows;
}

async function readCsv(bytes: Uint8Array): Promise<Cell[][]> {
  const { parse } = await import("csv-parse/sync");
  return parse(Buffer.from(bytes), { bom: true, relax_column_count: true, relax_quotes: true, skip_empty_lines: false, delimiter: [",", ";", "\t"] }) as string[][];
}

/** The sheet: headers from the row that looks most like headers, then every row below with its number in the file. */
export async function readSpreadsheet(fileName: string, bytes: Uint8Array, courses: readonly CourseRef[]): Promise<{ ok: true; sheet: Sheet } | { ok: false; problem: ReadProblem }> {
  if (bytes.length === 0) return { ok: false, problem: "empty" };
  if (bytes.length > MAX_FILE_BYTES) return { ok: false, problem: "too-big" };
  const zip = bytes[0] === 0x50 && bytes[1] === 0x4b;
  const oldExcel = bytes[0] === 0xd0 && bytes[1] === 0xcf;
  if (oldExcel || /\.xls$/i.test(fileName)) return { ok: false, problem: "old-excel" };
  if (zip) {
    const unpacked = unpackedSize(bytes);
    if (unpacked === null) return { ok: false, problem: "unreadable" };
    if (unpacked > MAX_UNPACKED_BYTES) return { ok: false, problem: "unpacks-too-big" };
  }
  // Text never holds a zero byte: anything else that is not a zip is not a spreadsheet we read.
  if (!zip && bytes.subarray(0, 2048).includes(0)) return { ok: false, problem: "unreadable" };
  let matrix: Cell[][];
  try {
    matrix = zip ? await readXlsx(bytes) : await readCsv(bytes);
  } catch {
    return { ok: false, problem: "unreadable" };
  }
  const texts = matrix.map((row) => row.map(cellText));
  const headerIndex = findHeaderRow(texts, courses);
  const width = Math.max(0, ...matrix.map((row) => row.length));
  const headers = Array.from({ length: width }, (_, c) => texts[headerIndex]?.[c] || `Column ${columnLetter(c)}`);
  // Trailing empty columns (a sheet's formatting often reaches beyond its data) are dropped.
  while (headers.length && headers.at(-1)!.startsWith("Column ") && matrix.every((row) => cellText(row[headers.length - 1] ?? null) === "")) headers.pop();
  const rows = matrix.slice(headerIndex + 1).map((cells, i) => ({ rowNumber: headerIndex + 2 + i, cells: cells.slice(0, headers.length) }));
  while (rows.length && rows.at(-1)!.cells.every((c) => cellText(c) === "")) rows.pop();
  if (rows.length > MAX_ROWS) return { ok: false, problem: "too-many-rows" };
  if (!rows.length || headers.length === 0) return { ok: false, problem: "no-rows" };
  return { ok: true, sheet: { headers, rows } };
}

export function columnLetter(index: number): string {
  return index < 26 ? String.fromCharCode(65 + index) : columnLetter(Math.floor(index / 26) - 1) + columnLetter(index % 26);
}

const sha256 = (bytes: Uint8Array) => createHash("sha256").update(bytes).digest("hex");

export async function createUpload(actor: Actor & { id: string }, fileName: string, bytes: Uint8Array): Promise<{ ok: true; id: string } | { ok: false; problem: ReadProblem }> {
  const courses = await getCourses(actor.centreId);
  const read = await readSpreadsheet(fileName, bytes, courses);
  if (!read.ok) return read;
  const upload = await prisma.spreadsheetImport.create({
    data: {
      centreId: actor.centreId, uploadedById: actor.id, fileName: fileName.slice(0, 200), sha256: sha256(bytes), rowCount: read.sheet.rows.length,
      content: Buffer.from(bytes), columns: JSON.stringify(guessColumns(read.sheet.headers, courses)),
    },
  });
  return { ok: true, id: upload.id };
}

/** Uploads left unimported for a day lose their file: it holds personal data nobody is using. */
export async function clearStaleUploads(centreId: string, now: Date) {
  await prisma.spreadsheetImport.updateMany({ where: { centreId, importedAt: null, content: { not: null }, createdAt: { lt: new Date(now.getTime() - KEEP_UNIMPORTED_MS) } }, data: { content: null } });
}

export async function recentImports(centreId: string) {
  return prisma.spreadsheetImport.findMany({
    where: { centreId }, orderBy: { createdAt: "desc" }, take: 10,
    select: { id: true, fileName: true, rowCount: true, createdAt: true, importedAt: true, content: false },
  });
}

async function heldAt(centreId: string, db: Tx): Promise<Held> {
  const ofCentre = { person: { centreId } };
  const [people, dbsChecks, references, training] = await Promise.all([
    db.person.findMany({ where: { centreId, anonymisedAt: null }, select: { id: true, firstName: true, lastName: true, email: true } }),
    db.dbsCheck.findMany({ where: { ...ofCentre, enteredInErrorAt: null }, select: { personId: true, certificateNumber: true, issuedOn: true } }),
    db.reference.findMany({ where: { ...ofCentre, enteredInErrorAt: null }, select: { personId: true, receivedOn: true } }),
    db.trainingRecord.findMany({ where: { ...ofCentre, enteredInErrorAt: null }, select: { personId: true, courseId: true, completedOn: true } }),
  ]);
  return { people, dbsChecks, references, training };
}

export type ImportResult = { peopleAdded: number; peopleMatched: number; recordsAdded: number; recordsHeld: number; rowsRefused: number; blankRows: number };

/** An upload with its sheet, columns, courses and (unless imported or the file is gone) its plan for `today`. */
export async function loadUpload(centreId: string, id: string, today: IsoDate, { db = prisma, plan = true }: { db?: Tx; plan?: boolean } = {}) {
  const upload = await db.spreadsheetImport.findFirst({ where: { id, centreId } });
  if (!upload) throw new Response("We could not find that upload.", { status: 404 });
  const courses = await getCourses(centreId, db);
  const columns = (JSON.parse(upload.columns) as string[]).map((c) => (isColumnField(c, courses) ? c : "ignore")) as ColumnField[];
  const earlier = await db.spreadsheetImport.findFirst({ where: { centreId, sha256: upload.sha256, importedAt: { not: null }, id: { not: upload.id } }, orderBy: { importedAt: "desc" }, select: { importedAt: true } });
  const base = { upload: { id: upload.id, fileName: upload.fileName, rowCount: upload.rowCount, createdAt: upload.createdAt, importedAt: upload.importedAt }, courses, columns, importedBefore: earlier?.importedAt ?? null };
  if (upload.importedAt) return { ...base, state: "imported" as const, result: JSON.parse(upload.result ?? "{}") as ImportResult };
  if (!upload.content) return { ...base, state: "expired" as const };
  const read = await readSpreadsheet(upload.fileName, new Uint8Array(upload.content), courses);
  if (!read.ok) return { ...base, state: "expired" as const };
  const problems = checkColumns(columns, courses);
  // Saving a column matching needs only the sheet; the plan is made when the preview is shown.
  const planned = plan && !problems.length ? planImport({ sheet: read.sheet, columns, held: await heldAt(centreId, db), today, fileName: upload.fileName }) : null;
  return { ...base, state: "ready" as const, sheet: read.sheet, columnProblems: problems, plan: planned };
}

export async function saveColumns(centreId: string, id: string, columns: ColumnField[]) {
  const { count } = await prisma.spreadsheetImport.updateMany({ where: { id, centreId, importedAt: null }, data: { columns: JSON.stringify(columns) } });
  if (!count) throw new Response("We could not find that upload.", { status: 404 });
}

/**
 * Save what the preview showed, planned again inside the transaction against what is held now, so
 * two co-ordinators confirming at once, or the same file twice, add nothing twice.
 */
export async function confirmUpload(actor: Actor, id: string, today: IsoDate): Promise<{ ok: true; result: ImportResult } | { ok: false; reason: "expired" | "columns" | "imported" }> {
  return prisma.$transaction(async (tx) => {
    const loaded = await loadUpload(actor.centreId, id, today, { db: tx });
    if (loaded.state === "imported") return { ok: false, reason: "imported" };
    if (loaded.state === "expired") return { ok: false, reason: "expired" };
    if (!loaded.plan) return { ok: false, reason: "columns" };
    const result = await savePlan(tx, actor.centreId, loaded.plan, today);
    await recordAudit(tx, actor, {
      entityType: "SpreadsheetImport", entityId: id, action: "imported",
      summary: `Imported ${loaded.upload.fileName} (${loaded.upload.rowCount} rows)`,
      changes: [
        { field: "File", from: "", to: loaded.upload.fileName },
        { field: "Rows", from: "", to: String(loaded.upload.rowCount) },
        { field: "People added", from: "", to: String(result.peopleAdded) },
        { field: "People already here", from: "", to: String(result.peopleMatched) },
        { field: "Records added", from: "", to: String(result.recordsAdded) },
        { field: "Records already held (skipped)", from: "", to: String(result.recordsHeld) },
        { field: "Rows refused", from: "", to: String(result.rowsRefused) },
      ],
    });
    await tx.spreadsheetImport.update({ where: { id }, data: { importedAt: clock.now(), result: JSON.stringify(result), content: null } });
    return { ok: true, result };
  }, { timeout: 120_000 });
}

async function savePlan(tx: Tx, centreId: string, plan: ImportPlan, today: IsoDate): Promise<ImportResult> {
  const id = () => randomUUID();
  const people: Record<string, SqlValue>[] = [];
  const roles: Record<string, SqlValue>[] = [];
  const statusChanges: Record<string, SqlValue>[] = [];
  const dbsChecks: Record<string, SqlValue>[] = [];
  const references: Record<string, SqlValue>[] = [];
  const training: Record<string, SqlValue>[] = [];
  for (const row of plan.rows) {
    if (row.outcome === "refused") continue;
    let personId = row.personId;
    if (row.outcome === "new") {
      personId = randomUUID();
      const { firstName, lastName, email, phone, startedOn } = row.person;
      const status = startedOn && startedOn <= today ? "active" : "applicant";
      people.push({ id: personId, centreId, firstName, lastName, email, phone, startedOn, status });
      for (const role of row.person.roles) roles.push({ id: id(), personId, role, startedOn: startedOn ?? today });
      for (const change of initialStatusChanges({ status, startedOn, leftOn: null }, today)) statusChanges.push({ id: id(), personId, ...change });
    }
    const of = personId!;
    if (row.dbs && !row.dbs.held) {
      const { held: _held, ...dbs } = row.dbs;
      dbsChecks.push({ id: id(), personId: of, ...dbs });
    }
    for (const r of row.references) {
      if (!r.held) references.push({ id: id(), personId: of, refereeName: r.refereeName, relationship: "(from the imported spreadsheet)", contact: "(not in the spreadsheet)", requestedOn: r.receivedOn, receivedOn: r.receivedOn, outcome: "satisfactory" });
    }
    for (const t of row.training) if (!t.held) training.push({ id: id(), personId: of, courseId: t.courseId, completedOn: t.completedOn, deliveryMethod: "face_to_face", evidenceNote: "From the imported spreadsheet, which did not say how it was delivered" });
  }
  await insertRows(tx, "Person", people);
  await insertRows(tx, "PersonRole", roles);
  await insertRows(tx, "PersonStatusChange", statusChanges, ["createdAt"]);
  await insertRows(tx, "DbsCheck", dbsChecks);
  await insertRows(tx, "Reference", references);
  await insertRows(tx, "TrainingRecord", training);
  return {
    peopleAdded: plan.counts.newPeople, peopleMatched: plan.counts.matchedPeople, recordsAdded: dbsChecks.length + references.length + training.length,
    recordsHeld: plan.counts.recordsHeld, rowsRefused: plan.counts.refusedRows, blankRows: plan.blankRows,
  };
}

/** Uploads' columns come from a form: anything not a field is left out. */
export function columnsFromForm(formData: FormData, count: number): string[] {
  return Array.from({ length: count }, (_, i) => String(formData.get(`column-${i}`) ?? "ignore"));
}
