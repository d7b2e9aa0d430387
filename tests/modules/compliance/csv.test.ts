import { parse } from "csv-parse/sync";
import { describe, expect, it } from "vitest";
import { matrixCsvHeader, matrixCsvRows } from "~/modules/compliance/csv";
import { matrixColumns, type PersonRow } from "~/modules/compliance/overview";
import { DEFAULT_SETTINGS } from "~/modules/compliance/requirements";
import { evaluatePerson, type CourseFacts, type PersonFacts } from "~/modules/compliance/rules";

const induction: CourseFacts = { id: "in", name: "Induction", kind: "induction", validityMonths: null, requiredFor: ["volunteer"], retired: false };
const safeguarding: CourseFacts = { id: "sg", name: "Safeguarding refresher", kind: "safeguarding", validityMonths: 12, requiredFor: ["volunteer"], retired: false };
const coordinator: CourseFacts = { id: "co", name: "NACCC co-ordinator training", kind: "coordinator", validityMonths: 36, requiredFor: ["coordinator"], retired: false };
const courses = [induction, safeguarding, coordinator];
const date = "2026-06-01";

const volunteer: PersonFacts = {
  startedOn: "2024-01-10", leftOn: null,
  roles: [{ role: "volunteer", startedOn: "2024-01-10", endedOn: null }],
  dbsChecks: [{ issuedOn: "2024-01-02", level: "enhanced", workforce: "child", childrenBarredListChecked: true, decision: "clear", updateServiceSubscribed: false, statusChecks: [] }],
  references: [],
  // Inducted; safeguarding out of date since 2 Mar 2026.
  training: [{ courseId: "in", completedOn: "2024-01-05" }, { courseId: "sg", completedOn: "2025-03-01" }],
};

const row = (id: string, facts: PersonFacts): PersonRow & { dbs: null } => ({ id, name: `Person ${id}`, status: "active", compliance: evaluatePerson(facts, courses, DEFAULT_SETTINGS, date), dbs: null });

/** The CSV read back by another parser, as header name -> cell, one object a person. */
function readBack(rows: (PersonRow & { dbs: null })[]) {
  const columns = matrixColumns(courses, false);
  const [header, ...body] = parse(matrixCsvHeader(columns).slice(1) + matrixCsvRows(rows, columns, date), { record_delimiter: "\r\n" }) as string[][];
  return body.map((cells) => Object.fromEntries(header.map((name, i) => [name, cells[i]])));
}

describe("the matrix CSV", () => {
  it("puts each requirement's status and words under its own column", () => {
    const [person] = readBack([row("1", volunteer)]);
    expect(person["DBS check: status"]).toBe("In date");
    expect(person["References: status"]).toBe("Missing");
    expect(person["References: details"]).toBe("0 of 2 satisfactory references received; none requested yet");
    expect(person["Induction: status"]).toBe("In date");
    expect(person["Induction: details"]).toBe("Completed 5 Jan 2024; does not expire");
    expect(person["Safeguarding refresher: status"]).toBe("Expired");
    expect(person["Safeguarding refresher: details"]).toBe("Out of date since 2 Mar 2026 (completed 1 Mar 2025)");
    expect(person["NACCC co-ordinator training: status"]).toBe("Not required");
    expect(person["As on"]).toBe("01/06/2026");
  });

  it("keeps each column right for a person whose results come in another order", () => {
    const first = row("1", volunteer);
    const reordered = row("2", volunteer);
    reordered.compliance = { ...reordered.compliance, requirements: [...reordered.compliance.requirements].reverse() };
    const [, second] = readBack([first, reordered]);
    expect(second["Induction: status"]).toBe("In date");
    expect(second["Safeguarding refresher: status"]).toBe("Expired");
    expect(second["NACCC co-ordinator training: status"]).toBe("Not required");
    expect(second["DBS check: status"]).toBe("In date");
  });
});
