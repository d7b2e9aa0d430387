/**
 * Importing a centre's spreadsheet as a co-ordinator meets it: real .xlsx files written by a
 * spreadsheet library (exceljs) and CSV, uploaded as multipart forms, matched, previewed, confirmed.
 */
import { readFile } from "node:fs/promises";
import ExcelJS from "exceljs";
import { beforeAll, describe, expect, it } from "vitest";
import { prisma } from "~/db.server";
import { action as uploadAction, loader as importLoader } from "~/routes/people.import._index";
import { action as stepAction, loader as stepLoader } from "~/routes/people.import.$importId";
import { loader as templateLoader } from "~/routes/people.import.template[.]xlsx";
import { guessColumns } from "~/modules/import/columns";
import { loader as complianceLoader } from "~/routes/people.$personId.compliance";
import { getCourses } from "~/modules/compliance/compliance.server";
import { verifyAuditChain } from "~/modules/audit/audit.server";
import { createCentre, createPerson, createUser } from "../helpers/factories";
import { args, cookieFor, getRequest, postRequest, thrownResponse } from "../helpers/requests";

let centreId: string;
let coordinator: Awaited<ReturnType<typeof createUser>>;

beforeAll(async () => {
  centreId = (await createCentre("Import Centre")).id;
  coordinator = await createUser(centreId, "coordinator", { name: "Ima Porter" });
});

async function uploadRequest(fileName: string, bytes: Uint8Array, user = coordinator, type = "application/octet-stream") {
  const body = new FormData();
  body.append("file", new File([new Uint8Array(bytes)], fileName, { type }));
  return new Request("http://localhost:3000/people/import", { method: "POST", body, headers: { Cookie: await cookieFor(user) } });
}

/** Uploads a file; returns the upload's id (from the redirect) or the action's answer. */
async function upload(fileName: string, bytes: Uint8Array, user = coordinator) {
  try {
    const result = await uploadAction(args(await uploadRequest(fileName, bytes, user)));
    if (result instanceof Response) return result.headers.get("Location")!.split("/").pop()!;
    return result;
  } catch (error) {
    if (error instanceof Response && error.status === 302) return error.headers.get("Location")!.split("/").pop()!;
    throw error;
  }
}

const step = async (id: string, user = coordinator) => stepLoader(args(await getRequest(`/people/import/${id}`, user), { importId: id }));
const post = async (id: string, fields: Record<string, string>, user = coordinator) => stepAction(args(await postRequest(`/people/import/${id}`, fields, user), { importId: id }));

type Row = (string | number | Date | null)[];
async function xlsx(build: (sheet: ExcelJS.Worksheet) => void) {
  const workbook = new ExcelJS.Workbook();
  build(workbook.addWorksheet("People"));
  return new Uint8Array(await workbook.xlsx.writeBuffer());
}
const d = (iso: string) => new Date(`${iso}T00:00:00Z`);

/** A sheet as centres keep them: a merged title, a blank row, headers with trailing spaces. */
const centreSheet = (rows: Row[]) => xlsx((sheet) => {
  sheet.addRow(["Volunteers 2024 (kept by Ima)"]);
  sheet.mergeCells(1, 1, 1, 8);
  sheet.addRow([]);
  sheet.addRow(["First name ", "Surname ", "Email", "Start date", "DBS date", "DBS No", "Safeguarding", "Modul 3"]);
  for (const row of rows) sheet.addRow(row);
});

describe("importing a spreadsheet", () => {
  it("guesses the columns under a merged title, previews every row with reasons at the cell, and saves nothing yet", async () => {
    const file = await centreSheet([
      ["Ann", "Lee", "ann.lee@example.org", d("2024-09-02"), d("2024-08-12"), "001234567801", d("2025-09-14"), d("2025-01-11")],
      [],
      ["Ben ", " Cole", "ben.cole@example.org", 45383, "12/03/24", "0012 3456 7802", "15/01/2025", null],
      ["Cal", "Day", "cal.day@example.org", d("2024-02-01"), "31/02/2024", 1234567803, null, null],
    ]);
    const id = await upload("volunteers.xlsx", file);
    expect(typeof id).toBe("string");
    const page = await step(id as string);
    if (page.state !== "ready") throw new Error(page.state);
    const courses = await getCourses(centreId);
    const refresher = courses.find((c) => c.kind === "safeguarding")!;
    expect(page.columns.map((c) => [c.letter, c.header, c.field])).toEqual([
      ["A", "First name", "firstName"], ["B", "Surname", "lastName"], ["C", "Email", "email"], ["D", "Start date", "startedOn"],
      ["E", "DBS date", "dbsIssuedOn"], ["F", "DBS No", "dbsNumber"], ["G", "Safeguarding", `course:${refresher.id}`], ["H", "Modul 3", "ignore"],
    ]);
    expect(page.columns[7].unmatchedTraining).toBe(true);
    expect(page.counts).toEqual({ newPeople: 2, matchedPeople: 0, refusedRows: 1, recordsToAdd: 4, recordsHeld: 0, blankRows: 1, rows: 4 });
    expect(page.refused.rows).toEqual([expect.objectContaining({
      rowNumber: 7, name: "Cal Day",
      problems: [
        { cell: "E7 (DBS date)", words: "“31/02/2024” is not a date. February 2024 has 29 days: 31 is not a day in it" },
        { cell: "F7 (DBS No)", words: expect.stringContaining("DBS number must be 12 digits; 1234567803 has 10. The spreadsheet has probably dropped its leading zeros") },
      ],
    })]);
    expect(page.accepted.rows.map((r) => [r.rowNumber, r.name, r.outcome])).toEqual([[4, "Ann Lee", "new"], [6, "Ben Cole", "new"]]);
    expect(page.accepted.rows[1].adds).toEqual(["Volunteer, started 1 Apr 2024", "DBS issued 12 Mar 2024", "Safeguarding refresher 15 Jan 2025"]);
    expect(await prisma.person.count({ where: { centreId } })).toBe(0);

    // The co-ordinator tells us "Modul 3" is module 3: the preview follows.
    const module3 = courses.find((c) => c.name === "NACCC module 3")!;
    const columns = Object.fromEntries(page.columns.map((c, i) => [`column-${i}`, c.field]));
    await thrownResponse(() => post(id as string, { intent: "columns", ...columns, "column-7": `course:${module3.id}` }));
    const corrected = await step(id as string);
    expect(corrected.state === "ready" && corrected.counts?.recordsToAdd).toBe(5);

    // Confirm: one transaction, one audit entry naming the file and its rows.
    expect((await thrownResponse(() => post(id as string, { intent: "confirm" }))).headers.get("Location")).toBe(`/people/import/${id}?done=1`);
    const ann = await prisma.person.findFirstOrThrow({ where: { centreId, email: "ann.lee@example.org" }, include: { roles: true, dbsChecks: true, trainingRecords: true, statusChanges: true } });
    expect(ann).toMatchObject({ firstName: "Ann", lastName: "Lee", status: "active", startedOn: "2024-09-02" });
    expect(ann.roles.map((r) => [r.role, r.startedOn])).toEqual([["volunteer", "2024-09-02"]]);
    expect(ann.dbsChecks).toEqual([expect.objectContaining({ certificateNumber: "001234567801", issuedOn: "2024-08-12", decision: "clear", seenBy: "Imported from volunteers.xlsx" })]);
    // Written by plain SQL, read back by Prisma as any other row: booleans, times, defaults.
    expect(ann.dbsChecks[0]).toMatchObject({ updateServiceSubscribed: false, childrenBarredListChecked: false, enteredInErrorAt: null });
    expect(ann.dbsChecks[0].createdAt).toBeInstanceOf(Date);
    expect(ann).toMatchObject({ reminderMode: "individual", preferredDays: "", openShiftEmails: false });
    const compliance = await complianceLoader(args(await getRequest(`/people/${ann.id}/compliance`, coordinator), { personId: ann.id }));
    // The rules read the imported check (whether it is in date depends on the day the test runs).
    expect(compliance.compliance.requirements.find((r) => r.kind === "dbs")).toMatchObject({ code: expect.stringMatching(/^dbs_(policy|update_service)$/), detail: { issuedOn: "2024-08-12" } });
    expect(ann.trainingRecords.map((t) => [t.courseId, t.completedOn]).sort()).toEqual([[refresher.id, "2025-09-14"], [module3.id, "2025-01-11"]].sort());
    expect(await prisma.person.count({ where: { centreId, firstName: "Cal" } })).toBe(0);
    const entry = await prisma.auditEvent.findFirstOrThrow({ where: { centreId, action: "imported" } });
    expect(entry.summary).toBe("Imported volunteers.xlsx (4 rows)");
    expect(JSON.parse(entry.changes)).toContainEqual({ field: "Records added", from: "", to: "5" });
    const done = await step(id as string);
    expect(done).toMatchObject({ state: "imported", result: { peopleAdded: 2, peopleMatched: 0, recordsAdded: 5, recordsHeld: 0, rowsRefused: 1, blankRows: 1 } });
    expect((await prisma.spreadsheetImport.findUniqueOrThrow({ where: { id: id as string } })).content).toBeNull();
    expect(await verifyAuditChain()).toMatchObject({ whole: true });

    // The same file again: recognised, everyone matched, nothing added.
    const again = await upload("volunteers.xlsx", file);
    const second = await step(again as string);
    expect(second.importedBefore).not.toBeNull();
    expect(second.state === "ready" && second.counts).toMatchObject({ newPeople: 0, matchedPeople: 2, recordsToAdd: 0, recordsHeld: 4 });
    await thrownResponse(() => post(again as string, { intent: "confirm" }));
    expect(await prisma.person.count({ where: { centreId } })).toBe(2);
    expect(await prisma.trainingRecord.count({ where: { person: { centreId } } })).toBe(3);
    expect(await post(id as string, { intent: "confirm" })).toEqual({ ok: false, reason: "imported" });
  });

  it("reads a CSV with UK dates, semicolons and a byte-order mark, and matches people already here", async () => {
    const existing = await createPerson(centreId, { firstName: "Dee", lastName: "Existing", email: "dee@example.org" });
    const csv = "\uFEFFName;Email;Role;DBS date;DBS number;Reference 1;Reference 2\r\nDee Existing;DEE@example.org;;3 March 2023;001234567804;1/2/2023;5 Feb 23\r\nEve New;eve@example.org;Deputy co-ordinator;;;;\r\n";
    const id = await upload("people.csv", new TextEncoder().encode(csv));
    const page = await step(id as string);
    if (page.state !== "ready") throw new Error(page.state);
    expect(page.accepted.rows.map((r) => [r.name, r.outcome, r.matchedBy])).toEqual([["Dee Existing", "match", "email"], ["Eve New", "new", null]]);
    await thrownResponse(() => post(id as string, { intent: "confirm" }));
    const dee = await prisma.person.findUniqueOrThrow({ where: { id: existing.id }, include: { references: true, dbsChecks: true } });
    expect(dee.references.map((r) => r.receivedOn).sort()).toEqual(["2023-02-01", "2023-02-05"]);
    expect(dee.dbsChecks.map((c) => c.issuedOn)).toEqual(["2023-03-03"]);
    const eve = await prisma.person.findFirstOrThrow({ where: { centreId, email: "eve@example.org" }, include: { roles: true } });
    expect(eve).toMatchObject({ status: "applicant", startedOn: null });
    expect(eve.roles.map((r) => r.role)).toEqual(["deputy_coordinator"]);
  });

  it("says next to the field what is wrong with a file it cannot use, and keeps nothing", async () => {
    const before = await prisma.spreadsheetImport.count();
    expect(await upload("old.xls", new Uint8Array([0xd0, 0xcf, 0x11, 0xe0, 1, 2, 3]))).toEqual({ ok: false, errors: { file: expect.stringContaining("old Excel file (.xls)") } });
    expect(await upload("empty.csv", new Uint8Array())).toEqual({ ok: false, errors: { file: "Choose a spreadsheet file to upload" } });
    expect(await upload("broken.xlsx", new Uint8Array([0x50, 0x4b, 3, 4, 9, 9, 9]))).toEqual({ ok: false, errors: { file: "We could not read that file as a spreadsheet: upload an .xlsx or .csv file" } });
    expect(await upload("headers.csv", new TextEncoder().encode("First name,Surname\r\n"))).toEqual({ ok: false, errors: { file: "The sheet has headers but no rows of people under them" } });
    // A zip bomb: its directory says it unpacks to gigabytes; refused before anything is unpacked.
    const bomb = await xlsx((sheet) => sheet.addRow(["Name"]));
    const view = new DataView(bomb.buffer);
    for (let i = 0; i < bomb.length - 4; i++) if (view.getUint32(i, true) === 0x02014b50) { view.setUint32(i + 24, 0xfffffff0, true); break; }
    expect(await upload("bomb.xlsx", bomb)).toEqual({ ok: false, errors: { file: expect.stringContaining("unpacks to more than 100 MB") } });
    expect(await prisma.spreadsheetImport.count()).toBe(before);
  });

  it("asks for a name column before it previews, with the problem at the column", async () => {
    const id = await upload("emails.csv", new TextEncoder().encode("Email,Phone\r\na@example.org,01632 960 001\r\n"));
    const page = await step(id as string);
    expect(page.state === "ready" && page.counts).toBeNull();
    expect(page.state === "ready" && page.columnErrors).toEqual({ "column-0": "Choose which columns hold people's names: a full name, or a first name and a surname" });
    expect(await post(id as string, { intent: "confirm" })).toEqual({ ok: false, reason: "columns" });
  });

  it("shows every row before anything is saved, a hundred at a time", async () => {
    const csv = `Name,Email\r\n${Array.from({ length: 150 }, (_, i) => `Row${String(i).padStart(3, "0")} Person,row${i}@example.org`).join("\r\n")}\r\n`;
    const id = await upload("many.csv", new TextEncoder().encode(csv));
    const first = await step(id as string);
    expect(first.state === "ready" && [first.accepted.rows.length, first.accepted.page]).toEqual([100, { page: 1, pages: 2, total: 150, first: 1, last: 100 }]);
    const second = await stepLoader(args(await getRequest(`/people/import/${id}?rows=2`, coordinator), { importId: id as string }));
    expect(second.state === "ready" && second.accepted.rows.map((r) => r.name).at(-1)).toBe("Row149 Person");
  });

  it("is for co-ordinators of the centre only", async () => {
    const id = await upload("mine.csv", new TextEncoder().encode("Name\r\nZed Zulu\r\n"));
    for (const role of ["volunteer", "assessor"] as const) {
      const other = await createUser(centreId, role);
      expect((await thrownResponse(async () => importLoader(args(await getRequest("/people/import", other))))).status).toBe(403);
      expect((await thrownResponse(async () => uploadAction(args(await uploadRequest("x.csv", new TextEncoder().encode("Name\r\nA B\r\n"), other))))).status).toBe(403);
      expect((await thrownResponse(() => step(id as string, other))).status).toBe(403);
      expect((await thrownResponse(() => post(id as string, { intent: "confirm" }, other))).status).toBe(403);
    }
    const elsewhere = await createUser((await createCentre()).id, "coordinator");
    expect((await thrownResponse(() => step(id as string, elsewhere))).status).toBe(404);
    expect((await thrownResponse(() => post(id as string, { intent: "confirm" }, elsewhere))).status).toBe(404);
  });

  it("offers a template whose every header is recognised, and imports the demo's example spreadsheet", async () => {
    const response = await templateLoader(args(await getRequest("/people/import/template.xlsx", coordinator)));
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(await response.arrayBuffer());
    const headers = (workbook.worksheets[0].getRow(1).values as string[]).slice(1);
    const courses = await getCourses(centreId);
    expect(headers).toHaveLength(15 + courses.length);
    expect(guessColumns(headers, courses)).not.toContain("ignore");

    await createPerson(centreId, { firstName: "Ruth", lastName: "Okafor", email: "volunteer@example.org" });
    const id = await upload("centre-spreadsheet.xlsx", new Uint8Array(await readFile("public/examples/centre-spreadsheet.xlsx")));
    const page = await step(id as string);
    if (page.state !== "ready" || !page.counts) throw new Error("not ready");
    expect(page.counts).toMatchObject({ newPeople: 3, matchedPeople: 1, refusedRows: 4, blankRows: 1 });
    expect(page.refused.rows.map((r) => [r.name, r.problems.map((p) => p.cell)])).toEqual([
      ["Keith Dunmore", ["F9 (DBS date)"]], ["Sandra Lowe", ["G10 (DBS No)"]], ["Tariq Hussain", ["D11 (Role)"]], ["Mary O'Neill", ["C12 (Email)"]],
    ]);
  });
});
