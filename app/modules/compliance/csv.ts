/**
 * The compliance matrix as a CSV that opens cleanly in Excel: UTF-8 with a byte-order mark,
 * CRLF lines, UK dates (dd/mm/yyyy), certificate numbers kept as text, and no cell that a
 * spreadsheet would run as a formula.
 */
import { csvLines } from "~/utils/csv";
import { formatUkNumericDate, type IsoDate } from "~/utils/dates";
import { STATUS_LABELS, roleList, type Status } from "~/modules/people/constants";
import { DBS_LEVELS, type DbsLevel } from "./requirements";
import { STATUS_WORDS } from "./rules";
import { decisionLabel, findingWords, requirementWords } from "./words";
import type { MatrixColumn, PersonRow } from "./overview";

export type DbsEvidence = { certificateNumber: string; issuedOn: IsoDate; level: string; decision: string; seenBy: string; seenOn: IsoDate } | null;

/** Cells starting with these would be read as formulas (CSV injection). */
export function safe(text: string) {
  return /^[=+\-@\t\r]/.test(text) ? `'${text}` : text;
}

/** Excel drops leading zeros and turns long numbers into 1.2E+11; ="…" keeps the digits as text. */
function asText(digits: string) {
  return `="${digits}"`;
}

/** The first line, with the byte-order mark Excel needs to read UTF-8. */
export function matrixCsvHeader(columns: MatrixColumn[]): string {
  const header = [
    "Name", "Status on date", "Roles on date", "Cleared to work", "Fully compliant",
    "DBS certificate number", "DBS issued", "DBS level", "DBS decision", "Certificate seen by", "Certificate seen on",
    // Course names are the centre's own words: protected like any other cell.
    ...columns.flatMap((c) => [safe(`${c.label}: status`), safe(`${c.label}: details`)]),
    "Safer-recruitment findings", "As on",
  ];
  return "\uFEFF" + csvLines([header]);
}

/** Lines for these rows: the export is written a batch of people at a time. */
export function matrixCsvRows(rows: (PersonRow & { dbs: DbsEvidence })[], columns: MatrixColumn[], date: IsoDate): string {
  const keys = columns.map((column) => column.requirementKeys[0]);
  // Everyone's results come in the same order (the centre's requirements): find each column's place once.
  const places = keys.map((key) => rows[0]?.compliance.requirements.findIndex((r) => r.key === key) ?? -1);
  const body = rows.map((row) => {
    const c = row.compliance;
    const cells: string[] = [];
    for (let i = 0; i < keys.length; i++) {
      const inPlace = c.requirements[places[i]];
      const result = inPlace?.key === keys[i] ? inPlace : c.requirements.find((r) => r.key === keys[i])!;
      cells.push(STATUS_WORDS[result.status], safe(requirementWords(result)));
    }
    return [
      safe(row.name), STATUS_LABELS[row.status as Status] ?? row.status, roleList(c.roles), c.cleared ? "Yes" : "No", c.fullyCompliant ? "Yes" : "No",
      row.dbs ? asText(row.dbs.certificateNumber) : "",
      row.dbs ? formatUkNumericDate(row.dbs.issuedOn) : "",
      row.dbs ? DBS_LEVELS[row.dbs.level as DbsLevel] ?? row.dbs.level : "",
      row.dbs ? decisionLabel(row.dbs.decision) : "",
      row.dbs ? safe(row.dbs.seenBy) : "",
      row.dbs ? formatUkNumericDate(row.dbs.seenOn) : "",
      ...cells,
      safe(c.findings.map(findingWords).join("; ")),
      formatUkNumericDate(date),
    ];
  });
  return csvLines(body);
}
