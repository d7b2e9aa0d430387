import { describe, expect, it } from "vitest";
import { checkColumns, courseForHeader, findHeaderRow, guessColumns, looksLikeTraining, type ColumnField } from "~/modules/import/columns";
import { excelSerialToIso, planImport, readDate, type Held, type Sheet } from "~/modules/import/rows";
import { problemWords } from "~/modules/import/words";
import { templateHeaders } from "~/modules/import/template";
import { DEFAULT_COURSES } from "~/modules/compliance/requirements";

const courses = DEFAULT_COURSES.map((c, i) => ({ id: `c${i}`, name: c.name, kind: c.kind }));
const idOf = (name: string) => courses.find((c) => c.name === name)!.id;
const TODAY = "2026-11-30";

describe("guessing what each column holds", () => {
  it("recognises every header of our own template, with no correction", () => {
    expect(guessColumns(templateHeaders(courses), courses)).not.toContain("ignore");
  });

  it("reads the headers centres actually write", () => {
    expect(guessColumns(["Surname", "Forename", "E-mail address", "DBS date", "DBS No.", "Safeguarding refresher", "Module 3", "M10", "Co-ordinator training", "Ref 1", "Notes"], courses)).toEqual([
      "lastName", "firstName", "email", "dbsIssuedOn", "dbsNumber", `course:${idOf("Safeguarding refresher")}`, `course:${idOf("NACCC module 3")}`,
      `course:${idOf("NACCC module 10")}`, `course:${idOf("NACCC co-ordinator training")}`, "reference1", "ignore",
    ]);
  });

  it("leaves a misspelt course out, but says it looks like training", () => {
    expect(courseForHeader("Modul 3", courses)).toBeNull();
    expect(guessColumns(["Modul 3"], courses)).toEqual(["ignore"]);
    expect(looksLikeTraining("Modul 3")).toBe(true);
    expect(looksLikeTraining("Notes")).toBe(false);
  });

  it("guesses a field once: a second column with the same meaning is left out", () => {
    expect(guessColumns(["Email", "Email address"], courses)).toEqual(["email", "ignore"]);
  });

  it("finds the header row below a title row and a blank row", () => {
    expect(findHeaderRow([["Riverside volunteers 2024", "", ""], ["", "", ""], ["First name", "Surname", "DBS date"], ["Ann", "Lee", "1/1/2024"]], courses)).toBe(2);
    expect(findHeaderRow([["Name", "Email"], ["Ann Lee", "ann@example.org"]], courses)).toBe(0);
  });

  it("needs someone's name, and each field from one column only", () => {
    expect(checkColumns(["email"], courses)).toEqual([{ code: "no-name" }]);
    expect(checkColumns(["fullName", "email", "email"], courses)).toEqual([{ code: "field-twice", column: 2, field: "email", firstColumn: 1 }]);
    expect(checkColumns(["fullName", "course:nope" as ColumnField], courses)).toEqual([{ code: "unknown-field", column: 1 }]);
    expect(checkColumns(["firstName", "lastName", "ignore", "ignore"], courses)).toEqual([]);
  });
});

describe("reading dates the UK way", () => {
  const read = (cell: string | number | Date) => readDate(cell, TODAY);
  it.each([
    ["27/03/2024", "2024-03-27"], ["27-03-2024", "2024-03-27"], ["27.3.2024", "2024-03-27"], ["3/4/24", "2024-04-03"], ["3/4/99", "1999-04-03"],
    ["27 March 2024", "2024-03-27"], ["27th Mar 2024", "2024-03-27"], ["1 Mar 24", "2024-03-01"], ["2024-03-27", "2024-03-27"], [" 27/03/2024 ", "2024-03-27"],
  ])("reads %s", (text, iso) => {
    expect(read(text)).toEqual({ ok: true, date: iso });
  });

  it("reads Excel's own dates and its day numbers, as a number or as text", () => {
    expect(read(new Date(Date.UTC(2024, 3, 1)))).toEqual({ ok: true, date: "2024-04-01" });
    expect(read(45383)).toEqual({ ok: true, date: "2024-04-01" });
    expect(read(45383.75)).toEqual({ ok: true, date: "2024-04-01" });
    expect(read("45383")).toEqual({ ok: true, date: "2024-04-01" });
    expect(excelSerialToIso(1)).toBe("1899-12-31");
    expect(excelSerialToIso(0)).toBeNull();
  });

  it("says why a date is not one", () => {
    expect(read("31/02/2024")).toEqual({ ok: false, detail: "February 2024 has 29 days: 31 is not a day in it" });
    expect(read("next week")).toMatchObject({ ok: false });
    expect(read("")).toEqual({ ok: "blank" });
  });
});

const nothingHeld: Held = { people: [], dbsChecks: [], references: [], training: [] };
const sheetOf = (headers: string[], ...rows: (string | number | Date | null)[][]): Sheet => ({ headers, rows: rows.map((cells, i) => ({ rowNumber: i + 2, cells })) });
const plan = (sheet: Sheet, held = nothingHeld) => planImport({ sheet, columns: guessColumns(sheet.headers, courses), held, today: TODAY, fileName: "volunteers.xlsx" });

describe("what each row would do", () => {
  const HEADERS = ["First name", "Surname", "Email", "Role", "Start date", "DBS date", "DBS number", "Ref 1", "Ref 2", "Safeguarding refresher"];

  it("adds a new person with their DBS check, references and training, filling what the sheet does not say", () => {
    const result = plan(sheetOf(HEADERS, ["Ann ", " Lee", "Ann@Example.org", "Volunteer, trustee", "01/09/2024", "12/08/2024", "0012 3456 7890", "20/07/2024", "28/07/2024", "14/09/2025"]));
    expect(result.rows[0]).toMatchObject({
      outcome: "new", problems: [],
      person: { firstName: "Ann", lastName: "Lee", email: "ann@example.org", roles: ["volunteer", "trustee"], startedOn: "2024-09-01" },
      dbs: { certificateNumber: "001234567890", issuedOn: "2024-08-12", level: "enhanced", workforce: "child", decision: "clear", seenBy: "Imported from volunteers.xlsx", seenOn: "2024-08-12", held: false },
      references: [{ n: 1, receivedOn: "2024-07-20", held: false }, { n: 2, receivedOn: "2024-07-28", held: false }],
      training: [{ courseId: idOf("Safeguarding refresher"), completedOn: "2025-09-14", held: false }],
    });
    expect(result.counts).toEqual({ newPeople: 1, matchedPeople: 0, refusedRows: 0, recordsToAdd: 4, recordsHeld: 0 });
  });

  it("matches someone already here by email, else by name, and adds only what they do not have", () => {
    const held: Held = {
      people: [{ id: "p1", firstName: "Ann", lastName: "Lee", email: "ann@example.org" }, { id: "p2", firstName: "Bob", lastName: "Ray", email: null }],
      dbsChecks: [{ personId: "p1", certificateNumber: "001234567890", issuedOn: "2024-08-12" }],
      references: [{ personId: "p1", receivedOn: "2024-07-20" }],
      training: [{ personId: "p2", courseId: idOf("Safeguarding refresher"), completedOn: "2025-09-14" }],
    };
    const result = plan(sheetOf(HEADERS,
      ["Annie", "Lee", "ANN@example.org", "", "", "12/08/2024", "001234567890", "20/07/2024", "28/07/2024", ""],
      ["bob", "ray", "", "", "", "", "", "", "", "14/09/2025"],
    ), held);
    expect(result.rows.map((r) => [r.outcome, r.matchedBy, r.personId])).toEqual([["match", "email", "p1"], ["match", "name", "p2"]]);
    expect(result.rows[0].dbs?.held).toBe(true);
    expect(result.rows[0].references.map((r) => r.held)).toEqual([true, false]);
    expect(result.counts).toMatchObject({ recordsToAdd: 1, recordsHeld: 3 });
  });

  it("refuses a row with the reason at each cell, and counts blank rows apart", () => {
    const result = plan(sheetOf(HEADERS,
      ["Cal", "Day", "cal@example.org", "Helper", "", "31/02/2024", "1234567890", "", "", ""],
      [null, "", "  ", null, null, null, null, null, null, null],
      ["", "", "x@example.org", "", "", "", "", "", "", ""],
    ));
    expect(result.blankRows).toBe(1);
    const [cal, noName] = result.rows;
    expect(cal.outcome).toBe("refused");
    expect(cal.problems.map((p) => [p.column, problemWords(p)])).toEqual([
      [3, "“Helper” is not one we know: use volunteer, staff, trustee, coordinator, deputy coordinator"],
      [5, "“31/02/2024” is not a date. February 2024 has 29 days: 31 is not a day in it"],
      [6, "DBS number must be 12 digits (“1234567890”)"],
    ]);
    expect(noName.problems.map((p) => p.code)).toEqual(["name-missing"]);
    expect(result.counts.refusedRows).toBe(2);
  });

  it("says when a DBS number lost its leading zeros to the spreadsheet", () => {
    const [row] = plan(sheetOf(["Name", "DBS date", "DBS number"], ["Dee Zero", "01/01/2024", 1234567890])).rows;
    expect(row.problems).toEqual([{ code: "dbs-number", value: "1234567890", droppedZeros: true, column: 2 }]);
    expect(problemWords(row.problems[0])).toContain("dropped its leading zeros");
  });

  it("refuses a record dated in the future, a person twice in the file, and a name two people share", () => {
    const held: Held = { ...nothingHeld, people: [{ id: "a", firstName: "Jo", lastName: "Smith", email: null }, { id: "b", firstName: "Jo", lastName: "Smith", email: null }] };
    const result = plan(sheetOf(["Name", "Email", "Safeguarding refresher"], ["Ann Lee", "ann@example.org", "01/12/2026"], ["Ann Lee", "ann@example.org", ""], ["Jo Smith", "", ""]), held);
    expect(result.rows.map((r) => r.problems.map((p) => p.code))).toEqual([["future-date"], ["in-file-twice"], ["same-name"]]);
    expect(problemWords(result.rows[1].problems[0])).toBe("The same person is on row 2: put each person on one row");
  });

  it("splits a full name on its last space", () => {
    const [row] = plan(sheetOf(["Name"], ["Mary Ann  O'Neill"])).rows;
    expect(row.person).toMatchObject({ firstName: "Mary Ann", lastName: "O'Neill", roles: ["volunteer"] });
  });
});
