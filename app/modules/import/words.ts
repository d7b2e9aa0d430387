/** The import's words: what each field is called, and each problem said at its cell. */
import type { ColumnField, ColumnProblem, CourseRef, FixedField } from "./columns";
import type { CellProblem } from "./rows";

export const FIELD_LABELS: Record<FixedField | "ignore", string> = {
  ignore: "Leave out",
  firstName: "First name",
  lastName: "Surname",
  fullName: "Full name (first name and surname together)",
  email: "Email",
  phone: "Phone",
  role: "Role (volunteer, staff, trustee, co-ordinator, deputy)",
  startedOn: "Start date",
  dbsIssuedOn: "DBS: date of issue",
  dbsNumber: "DBS: certificate number",
  dbsLevel: "DBS: level",
  dbsWorkforce: "DBS: workforce",
  dbsDecision: "DBS: the centre's decision",
  dbsSeenBy: "DBS: original seen by",
  dbsSeenOn: "DBS: date the original was seen",
  dbsUpdateService: "DBS: on the Update Service (yes or no)",
  dbsBarredList: "DBS: children's barred list checked (yes or no)",
  reference1: "Reference 1: date received",
  reference2: "Reference 2: date received",
  reference3: "Reference 3: date received",
  referee1: "Reference 1: referee's name",
  referee2: "Reference 2: referee's name",
  referee3: "Reference 3: referee's name",
};

export function fieldLabel(field: ColumnField, courses: readonly CourseRef[]) {
  if (field.startsWith("course:")) {
    const course = courses.find((c) => c.id === field.slice("course:".length));
    return `Training: ${course?.name ?? "a course no longer offered"} (date completed)`;
  }
  return FIELD_LABELS[field as FixedField | "ignore"];
}

export function problemWords(problem: CellProblem): string {
  switch (problem.code) {
    case "name-missing": return "No name: each row needs a first name and a surname";
    case "not-a-date": return `“${problem.value}” is not a date. ${problem.detail}`;
    case "future-date": return `${problem.value} is in the future: import only what has happened`;
    case "dbs-number":
      return problem.droppedZeros
        ? `DBS number must be 12 digits; ${problem.value} has ${problem.value.length}. The spreadsheet has probably dropped its leading zeros: format the column as text and type the number again`
        : `DBS number must be 12 digits (“${problem.value}”)`;
    case "dbs-needs-date": return "A DBS certificate number without its date of issue: add the date";
    case "unknown-value": return `“${problem.value}” is not one we know: use ${problem.allowed.join(", ")}`;
    case "email-invalid": return `“${problem.value}” is not an email address`;
    case "too-long": return `Longer than ${problem.max} characters`;
    case "in-file-twice": return `The same person is on row ${problem.firstRow}: put each person on one row`;
    case "same-name": return `${problem.count} people here have this name: add their email address to say which one`;
  }
}

export function columnProblemWords(problem: ColumnProblem, headers: readonly string[], labelOf: (field: ColumnField) => string): string {
  switch (problem.code) {
    case "no-name": return "Choose which columns hold people's names: a full name, or a first name and a surname";
    case "field-twice": return `“${headers[problem.column]}” and “${headers[problem.firstColumn]}” are both matched to ${labelOf(problem.field)}: choose one, and leave the other out`;
    case "unknown-field": return `Choose what “${headers[problem.column]}” holds from the list`;
  }
}
