/**
 * What each row of a spreadsheet would do: add a person, add records to someone already here, or
 * be refused with the reason at the cell. Pure: the sheet, the column matching, who and what the
 * centre already holds, and today in; a plan out. The same plan is shown as the preview and saved
 * on confirm, so what the co-ordinator saw is what happens. Problems carry codes; words.ts says them.
 */
import { ROLES, type Role } from "~/modules/people/constants";
import { parseUkDate, type IsoDate } from "~/utils/dates";
import { DBS_DECISIONS, DBS_LEVELS, WORKFORCES } from "~/modules/compliance/requirements";
import type { ColumnField } from "./columns";

export type Cell = string | number | boolean | Date | null;
export type SheetRow = { rowNumber: number; cells: Cell[] };
export type Sheet = { headers: string[]; rows: SheetRow[] };

export type Held = {
  people: { id: string; firstName: string; lastName: string; email: string | null }[];
  dbsChecks: { personId: string; certificateNumber: string; issuedOn: IsoDate }[];
  references: { personId: string; receivedOn: IsoDate | null }[];
  training: { personId: string; courseId: string; completedOn: IsoDate }[];
};

export type CellProblem =
  | { code: "name-missing" }
  | { code: "not-a-date"; value: string; detail: string }
  | { code: "future-date"; value: string }
  | { code: "dbs-number"; value: string; droppedZeros: boolean }
  | { code: "dbs-needs-date" }
  | { code: "unknown-value"; value: string; allowed: string[] }
  | { code: "email-invalid"; value: string }
  | { code: "too-long"; max: number }
  | { code: "in-file-twice"; firstRow: number }
  | { code: "same-name"; count: number };
export type Problem = CellProblem & { column: number | null };

export type DbsPlan = {
  certificateNumber: string; issuedOn: IsoDate; level: keyof typeof DBS_LEVELS; workforce: keyof typeof WORKFORCES; decision: keyof typeof DBS_DECISIONS;
  seenBy: string; seenOn: IsoDate; updateServiceSubscribed: boolean; childrenBarredListChecked: boolean; held: boolean;
};
export type ReferencePlan = { n: number; receivedOn: IsoDate; refereeName: string; held: boolean };
export type TrainingPlan = { courseId: string; completedOn: IsoDate; held: boolean };
export type PersonPlan = { firstName: string; lastName: string; email: string | null; phone: string | null; roles: Role[]; startedOn: IsoDate | null };

export type RowPlan = {
  rowNumber: number;
  outcome: "new" | "match" | "refused";
  matchedBy: "email" | "name" | null;
  /** The person matched, or (new) the key that ties rows of the same new person. */
  personId: string | null;
  person: PersonPlan;
  dbs: DbsPlan | null;
  references: ReferencePlan[];
  training: TrainingPlan[];
  problems: Problem[];
};

export type ImportPlan = {
  rows: RowPlan[];
  blankRows: number;
  counts: { newPeople: number; matchedPeople: number; refusedRows: number; recordsToAdd: number; recordsHeld: number };
};

const clean = (text: string) => text.replace(/\s+/g, " ").trim();

/** A cell as text: numbers without a trailing ".0", dates as the UK writes them. */
export function cellText(cell: Cell): string {
  if (cell === null || cell === undefined) return "";
  if (cell instanceof Date) return `${cell.getUTCDate()}/${cell.getUTCMonth() + 1}/${cell.getUTCFullYear()}`;
  if (typeof cell === "boolean") return cell ? "yes" : "no";
  return clean(String(cell));
}

const EXCEL_EPOCH = Date.UTC(1899, 11, 30);

/** Excel's day number (45383 is 1 April 2024), as spreadsheets store unformatted dates. */
export function excelSerialToIso(serial: number): IsoDate | null {
  if (!Number.isFinite(serial) || serial < 1 || serial > 110_000) return null;
  return new Date(EXCEL_EPOCH + Math.floor(serial) * 86_400_000).toISOString().slice(0, 10);
}

/** Two-digit years as people mean them: not after this year means this century. */
function fullYear(twoDigits: string, today: IsoDate) {
  const yy = Number(twoDigits);
  return String(yy <= Number(today.slice(2, 4)) ? 2000 + yy : 1900 + yy);
}

export type DateRead = { ok: true; date: IsoDate } | { ok: false; detail: string } | { ok: "blank" };

/** Every common UK spelling of a date, Excel's own dates and day numbers, and two-digit years. */
export function readDate(cell: Cell, today: IsoDate): DateRead {
  if (cell instanceof Date) return Number.isNaN(cell.getTime()) ? { ok: false, detail: "not a date" } : { ok: true, date: cell.toISOString().slice(0, 10) };
  if (typeof cell === "number") {
    const iso = excelSerialToIso(cell);
    return iso ? { ok: true, date: iso } : { ok: false, detail: "not a date" };
  }
  const text = cellText(cell);
  if (text === "") return { ok: "blank" };
  if (/^\d{5}$/.test(text)) return readDate(Number(text), today);
  const expanded = text
    .replace(/^(\d{1,2}[/.\- ]\d{1,2}[/.\- ])(\d{2})$/, (_, start: string, yy: string) => start + fullYear(yy, today))
    .replace(/^(\d{1,2}(?:st|nd|rd|th)? [a-z]+,? )(\d{2})$/i, (_, start: string, yy: string) => start + fullYear(yy, today));
  const parsed = parseUkDate(expanded);
  return parsed.ok ? { ok: true, date: parsed.date } : { ok: false, detail: parsed.message };
}

const YES = new Set(["yes", "y", "true", "1", "x", "✓", "✔"]);
const NO = new Set(["no", "n", "false", "0", ""]);

const LEVEL_WORDS: Record<string, keyof typeof DBS_LEVELS> = {
  enhanced: "enhanced", "enhanced dbs": "enhanced", "enhanced with barred list": "enhanced_barred", "enhanced with barred lists": "enhanced_barred",
  "enhanced barred": "enhanced_barred", "enhanced barred list": "enhanced_barred", "enhanced with barring": "enhanced_barred",
};
const WORKFORCE_WORDS: Record<string, keyof typeof WORKFORCES> = {
  child: "child", children: "child", "child workforce": "child", adult: "adult", "adult workforce": "adult",
  "child and adult": "child_and_adult", "child and adult workforce": "child_and_adult", both: "child_and_adult", other: "other", "other workforce": "other",
};
const DECISION_WORDS: Record<string, keyof typeof DBS_DECISIONS> = {
  clear: "clear", "no information": "clear", ok: "clear", accepted: "accepted_after_risk_assessment", "accepted after risk assessment": "accepted_after_risk_assessment",
  "risk assessed": "accepted_after_risk_assessment", "not accepted": "not_accepted", refused: "not_accepted", rejected: "not_accepted",
};
const ROLE_WORDS: Record<string, Role> = {
  volunteer: "volunteer", volunteers: "volunteer", staff: "staff", "staff member": "staff", paid: "staff", trustee: "trustee",
  coordinator: "coordinator", "co ordinator": "coordinator", "centre coordinator": "coordinator", "centre co ordinator": "coordinator",
  "deputy coordinator": "deputy_coordinator", "deputy co ordinator": "deputy_coordinator", deputy: "deputy_coordinator",
};

const wordKey = (text: string) => text.toLowerCase().replace(/-/g, " ").replace(/[^a-z ]/g, "").replace(/\s+/g, " ").trim();

/** Reads every row against the columns and what is held. `fileName` signs DBS checks with no "seen by" column. */
export function planImport({ sheet, columns, held, today, fileName }: { sheet: Sheet; columns: readonly ColumnField[]; held: Held; today: IsoDate; fileName: string }): ImportPlan {
  const columnOf = (field: ColumnField) => columns.indexOf(field);
  const courseColumns = columns.flatMap((field, column) => (field.startsWith("course:") ? [{ column, courseId: field.slice("course:".length) }] : []));

  const byEmail = new Map(held.people.filter((p) => p.email).map((p) => [p.email!.toLowerCase(), p]));
  const byName = new Map<string, Held["people"]>();
  for (const p of held.people) {
    const key = `${p.firstName} ${p.lastName}`.toLowerCase();
    byName.set(key, [...(byName.get(key) ?? []), p]);
  }
  const index = <T extends { personId: string }>(rows: T[]) => {
    const map = new Map<string, T[]>();
    for (const row of rows) map.set(row.personId, [...(map.get(row.personId) ?? []), row]);
    return (personId: string | null) => (personId ? map.get(personId) ?? [] : []);
  };
  const dbsOf = index(held.dbsChecks);
  const referencesOf = index(held.references);
  const trainingOf = index(held.training);
  const seenInFile = new Map<string, number>();

  const plans: RowPlan[] = [];
  let blankRows = 0;
  for (const row of sheet.rows) {
    if (row.cells.every((c) => cellText(c) === "")) {
      blankRows++;
      continue;
    }
    const problems: Problem[] = [];
    const at = (column: number) => (column >= 0 ? row.cells[column] ?? null : null);
    const text = (field: ColumnField) => cellText(at(columnOf(field)));
    const problem = (field: ColumnField | number, p: CellProblem) => problems.push({ ...p, column: typeof field === "number" ? field : columnOf(field) >= 0 ? columnOf(field) : null });
    const date = (column: number, { past = true } = {}): IsoDate | null => {
      if (column < 0) return null;
      const read = readDate(at(column), today);
      if (read.ok === "blank") return null;
      if (read.ok === false) {
        problem(column, { code: "not-a-date", value: cellText(at(column)), detail: read.detail });
        return null;
      }
      if (past && read.date > today) {
        problem(column, { code: "future-date", value: cellText(at(column)) });
        return null;
      }
      return read.date;
    };
    const choice = <T extends string>(field: ColumnField, words: Record<string, T>, fallback: T): T => {
      const value = text(field);
      if (value === "") return fallback;
      const found = words[wordKey(value)];
      if (!found) problem(field, { code: "unknown-value", value, allowed: [...new Set(Object.keys(words))].slice(0, 6) });
      return found ?? fallback;
    };
    const yesNo = (field: ColumnField) => {
      const value = text(field).toLowerCase();
      if (YES.has(value)) return true;
      if (!NO.has(value)) problem(field, { code: "unknown-value", value: text(field), allowed: ["yes", "no"] });
      return false;
    };
    const limited = (field: ColumnField, max: number) => {
      const value = text(field);
      if (value.length > max) problem(field, { code: "too-long", max });
      return value.slice(0, max);
    };

    // Who
    let firstName = limited("firstName", 100);
    let lastName = limited("lastName", 100);
    if (columnOf("fullName") >= 0 && !firstName && !lastName) {
      const parts = limited("fullName", 200).split(" ");
      lastName = parts.length > 1 ? parts.pop()! : "";
      firstName = parts.join(" ");
    }
    if (!firstName || !lastName) problem(columnOf("fullName") >= 0 ? "fullName" : !firstName ? "firstName" : "lastName", { code: "name-missing" });
    const email = text("email").toLowerCase() || null;
    if (email && !/^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(email)) problem("email", { code: "email-invalid", value: email });
    const phone = limited("phone", 30) || null;
    const roleText = text("role");
    const roles = roleText
      ? [...new Set(roleText.split(/\s*(?:,|\/|;|&|\band\b)\s*/i).filter(Boolean).map((word) => {
        const role = ROLE_WORDS[wordKey(word)];
        if (!role) problem("role", { code: "unknown-value", value: word, allowed: ROLES.map((r) => r.replace("_", " ")) });
        return role;
      }).filter((r): r is Role => Boolean(r)))]
      : (["volunteer"] as Role[]);
    const startedOn = date(columnOf("startedOn"), { past: false });

    // Is it someone already here, or someone earlier in the file?
    const nameKey = `${firstName} ${lastName}`.toLowerCase();
    const fileKey = email ?? `name:${nameKey}`;
    const firstRow = seenInFile.get(fileKey);
    if (firstRow !== undefined && firstName) problem(email ? "email" : columnOf("fullName") >= 0 ? "fullName" : "lastName", { code: "in-file-twice", firstRow });
    else seenInFile.set(fileKey, row.rowNumber);
    let matched: Held["people"][number] | null = email ? byEmail.get(email) ?? null : null;
    let matchedBy: RowPlan["matchedBy"] = matched ? "email" : null;
    if (!matched && !email && firstName && lastName) {
      const named = byName.get(nameKey) ?? [];
      if (named.length === 1) [matched, matchedBy] = [named[0], "name"];
      if (named.length > 1) problem(columnOf("fullName") >= 0 ? "fullName" : "lastName", { code: "same-name", count: named.length });
    }
    const personId = matched?.id ?? null;

    // DBS
    const issuedOn = date(columnOf("dbsIssuedOn"));
    const rawNumber = text("dbsNumber");
    const certificateNumber = rawNumber.replace(/[\s-]/g, "");
    if (rawNumber && !/^\d{12}$/.test(certificateNumber)) {
      const numeric = typeof at(columnOf("dbsNumber")) === "number" && /^\d{1,11}$/.test(certificateNumber);
      problem("dbsNumber", { code: "dbs-number", value: rawNumber, droppedZeros: numeric });
    }
    if (rawNumber && !issuedOn && !problems.some((p) => p.column === columnOf("dbsIssuedOn"))) problem("dbsNumber", { code: "dbs-needs-date" });
    const level = choice("dbsLevel", LEVEL_WORDS, "enhanced");
    const workforce = choice("dbsWorkforce", WORKFORCE_WORDS, "child");
    const decision = choice("dbsDecision", DECISION_WORDS, "clear");
    const updateServiceSubscribed = yesNo("dbsUpdateService");
    const childrenBarredListChecked = yesNo("dbsBarredList");
    const seenOn = date(columnOf("dbsSeenOn"));
    const dbs: DbsPlan | null = issuedOn
      ? {
        certificateNumber, issuedOn, level, workforce, decision, updateServiceSubscribed, childrenBarredListChecked: childrenBarredListChecked && level === "enhanced_barred",
        seenBy: limited("dbsSeenBy", 100) || `Imported from ${fileName}`.slice(0, 100), seenOn: seenOn ?? issuedOn,
        held: dbsOf(personId).some((c) => (certificateNumber ? c.certificateNumber === certificateNumber : c.issuedOn === issuedOn)),
      }
      : null;

    // References: each received date is a satisfactory reference (a spreadsheet records the ones that cleared).
    const heldReferences = referencesOf(personId).map((r) => r.receivedOn);
    const references: ReferencePlan[] = [];
    for (const n of [1, 2, 3]) {
      const receivedOn = date(columnOf(`reference${n}` as ColumnField));
      if (!receivedOn) continue;
      const held = heldReferences.indexOf(receivedOn);
      if (held >= 0) heldReferences.splice(held, 1);
      references.push({ n, receivedOn, refereeName: limited(`referee${n}` as ColumnField, 100) || `Referee ${n} (imported)`, held: held >= 0 });
    }

    const training = courseColumns.flatMap(({ column, courseId }) => {
      const completedOn = date(column);
      return completedOn ? [{ courseId, completedOn, held: trainingOf(personId).some((t) => t.courseId === courseId && t.completedOn === completedOn) }] : [];
    });

    plans.push({
      rowNumber: row.rowNumber,
      outcome: problems.length ? "refused" : matched ? "match" : "new",
      matchedBy, personId,
      person: { firstName, lastName, email, phone, roles, startedOn },
      dbs, references, training, problems,
    });
  }
  return { rows: plans, blankRows, counts: countPlan(plans) };
}

function countPlan(rows: RowPlan[]): ImportPlan["counts"] {
  const accepted = rows.filter((r) => r.outcome !== "refused");
  const records = accepted.flatMap((r) => [...(r.dbs ? [r.dbs] : []), ...r.references, ...r.training]);
  return {
    newPeople: accepted.filter((r) => r.outcome === "new").length,
    matchedPeople: accepted.filter((r) => r.outcome === "match").length,
    refusedRows: rows.length - accepted.length,
    recordsToAdd: records.filter((r) => !r.held).length,
    recordsHeld: records.filter((r) => r.held).length,
  };
}
