/**
 * What each column of a centre's spreadsheet holds: guessed from its header, corrected by the
 * co-ordinator. Pure: headers and the centre's courses in, one field code per column out.
 */

export const PERSON_FIELDS = ["firstName", "lastName", "fullName", "email", "phone", "role", "startedOn"] as const;
export const DBS_FIELDS = ["dbsIssuedOn", "dbsNumber", "dbsLevel", "dbsWorkforce", "dbsDecision", "dbsSeenBy", "dbsSeenOn", "dbsUpdateService", "dbsBarredList"] as const;
/** Up to three references per person: when each was received, and (optionally) who gave it. */
export const REFERENCE_FIELDS = ["reference1", "reference2", "reference3", "referee1", "referee2", "referee3"] as const;

export type FixedField = (typeof PERSON_FIELDS)[number] | (typeof DBS_FIELDS)[number] | (typeof REFERENCE_FIELDS)[number];
/** `course:<id>`: the date that course was completed. `ignore`: not imported. */
export type ColumnField = FixedField | `course:${string}` | "ignore";

export type CourseRef = { id: string; name: string; kind: string };

/** Lower case, letters and digits only, single spaces: "Co-ordinator's  Training " → "co ordinator s training". */
export function normaliseHeader(header: string) {
  return header.toLowerCase().replace(/[’']/g, "").replace(/[^a-z0-9]+/g, " ").trim();
}

const SYNONYMS: Record<FixedField, string[]> = {
  firstName: ["first name", "forename", "forenames", "given name", "first", "christian name"],
  lastName: ["surname", "last name", "family name", "last"],
  fullName: ["name", "full name", "volunteer", "volunteer name", "person", "staff name"],
  email: ["email", "email address", "e mail", "e mail address"],
  phone: ["phone", "telephone", "mobile", "phone number", "tel", "mobile number", "telephone number"],
  role: ["role", "roles", "position", "role at centre", "job"],
  startedOn: ["start date", "started", "date started", "joined", "start", "date joined", "started on"],
  dbsIssuedOn: ["dbs date", "dbs issue date", "dbs issued", "date of dbs", "dbs certificate date", "dbs", "dbs check date", "date dbs issued"],
  dbsNumber: ["dbs number", "dbs no", "dbs certificate number", "certificate number", "dbs cert no", "dbs certificate no", "dbs cert number", "dbs ref"],
  dbsLevel: ["dbs level", "level", "dbs type", "type of dbs"],
  dbsWorkforce: ["workforce", "dbs workforce"],
  dbsDecision: ["dbs decision", "dbs outcome", "decision", "dbs result", "outcome"],
  dbsSeenBy: ["seen by", "dbs seen by", "checked by", "verified by", "original seen by"],
  dbsSeenOn: ["seen on", "dbs seen on", "date seen", "dbs seen", "date original seen"],
  dbsUpdateService: ["update service", "dbs update service", "on update service", "update service member"],
  dbsBarredList: ["barred list", "childrens barred list", "barred list checked", "children barred list"],
  reference1: ["reference 1", "ref 1", "reference 1 received", "ref 1 received", "reference 1 date", "first reference", "1st reference"],
  reference2: ["reference 2", "ref 2", "reference 2 received", "ref 2 received", "reference 2 date", "second reference", "2nd reference"],
  reference3: ["reference 3", "ref 3", "reference 3 received", "ref 3 received", "reference 3 date", "third reference", "3rd reference"],
  referee1: ["referee 1", "reference 1 name", "referee 1 name", "ref 1 name"],
  referee2: ["referee 2", "reference 2 name", "referee 2 name", "ref 2 name"],
  referee3: ["referee 3", "reference 3 name", "referee 3 name", "ref 3 name"],
};

const BY_SYNONYM = new Map(Object.entries(SYNONYMS).flatMap(([field, words]) => words.map((w) => [w, field as FixedField] as const)));

/** The course a header names: its own name, "Module 3", "Safeguarding", "Induction", "Co-ordinator training". */
export function courseForHeader(header: string, courses: readonly CourseRef[]): CourseRef | null {
  const wanted = normaliseHeader(header).replace(/ (date|completed|done|training date)$/, "");
  const exact = courses.find((c) => normaliseHeader(c.name) === wanted);
  if (exact) return exact;
  const module = /^(?:naccc )?(?:module|mod|m) ?(\d{1,2})$/.exec(wanted);
  if (module) return courses.find((c) => c.kind === "naccc_module" && new RegExp(`module ${Number(module[1])}$`).test(normaliseHeader(c.name))) ?? null;
  const byKind = (kind: string) => courses.find((c) => c.kind === kind) ?? null;
  if (/^safeguarding( refresher| training| update)?$/.test(wanted)) return byKind("safeguarding");
  if (/^induction( training)?$/.test(wanted)) return byKind("induction");
  if (/^(naccc )?co ?ordinator( training)?$/.test(wanted)) return byKind("coordinator");
  return null;
}

/** A header that names training we could not match: worth a word in the column-matching step. */
export function looksLikeTraining(header: string) {
  return /modu|course|training|refresher|safeguard|induction/.test(normaliseHeader(header));
}

/** One guess per column; a field already taken by an earlier column is not guessed twice. */
export function guessColumns(headers: readonly string[], courses: readonly CourseRef[]): ColumnField[] {
  const taken = new Set<ColumnField>();
  return headers.map((header) => {
    const course = courseForHeader(header, courses);
    const guess: ColumnField = BY_SYNONYM.get(normaliseHeader(header)) ?? (course ? `course:${course.id}` : "ignore");
    if (guess === "ignore" || taken.has(guess)) return "ignore";
    taken.add(guess);
    return guess;
  });
}

export type ColumnProblem = { code: "field-twice"; column: number; field: ColumnField; firstColumn: number } | { code: "no-name" } | { code: "unknown-field"; column: number };

/** Whether the matching can be previewed: someone must be named, and no field read from two columns. */
export function checkColumns(columns: readonly ColumnField[], courses: readonly CourseRef[]): ColumnProblem[] {
  const problems: ColumnProblem[] = [];
  const firstOf = new Map<ColumnField, number>();
  columns.forEach((field, column) => {
    if (!isColumnField(field, courses)) {
      problems.push({ code: "unknown-field", column });
      return;
    }
    if (field === "ignore") return;
    const first = firstOf.get(field);
    if (first !== undefined) problems.push({ code: "field-twice", column, field, firstColumn: first });
    else firstOf.set(field, column);
  });
  const has = (field: ColumnField) => columns.includes(field);
  if (!has("fullName") && !(has("firstName") && has("lastName"))) problems.push({ code: "no-name" });
  return problems;
}

export function isColumnField(value: string, courses: readonly CourseRef[]): value is ColumnField {
  if (value === "ignore") return true;
  if (value.startsWith("course:")) return courses.some((c) => c.id === value.slice("course:".length));
  return (PERSON_FIELDS as readonly string[]).includes(value) || (DBS_FIELDS as readonly string[]).includes(value) || (REFERENCE_FIELDS as readonly string[]).includes(value);
}

/**
 * Which of the first rows holds the headers: the one most of whose cells we recognise. Title rows
 * above it ("Volunteer training record", often merged across the sheet) and blank rows are skipped.
 */
export function findHeaderRow(rows: readonly (readonly string[])[], courses: readonly CourseRef[], lookAhead = 10): number {
  let best = { index: 0, known: -1 };
  rows.slice(0, lookAhead).forEach((row, index) => {
    const distinct = new Set(row.filter((cell) => cell.trim() !== ""));
    if (distinct.size < 2) return;
    const known = guessColumns(row, courses).filter((field) => field !== "ignore").length;
    if (known > best.known) best = { index, known };
  });
  return best.index;
}
