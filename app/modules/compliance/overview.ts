/**
 * Centre-wide views built from each person's compliance: what needs attention now (dashboard),
 * and the people × requirements matrix. Pure.
 */
import { addDaysIso, addMonthsIso, daysBetween, type IsoDate } from "~/utils/dates";
import { STATUS_SEVERITY, STATUS_WORDS, courseKey, isInDate, type PersonCompliance, type RequirementResult, type RequirementStatus } from "./rules";
import { notClearedWords, requirementWords } from "./words";

// One collator: the order of localeCompare, without looking up the locale on every comparison.
const LABEL_ORDER = new Intl.Collator();

export type PersonRow = { id: string; name: string; status: string; compliance: PersonCompliance };

/** What the attention lists read of a requirement: its status, dates and label, no words. */
export type RequirementState = Pick<RequirementResult, "key" | "label" | "status" | "validUntil" | "lapsedOn">;

/** What the attention lists read of a person on a date: from the rules, or from stored standing. */
export type PersonState = { id: string; name: string; counted: boolean; cleared: boolean; requirements: readonly RequirementState[] };

export const stateOf = (row: PersonRow): PersonState => ({
  id: row.id, name: row.name, counted: row.compliance.counted, cleared: row.compliance.cleared, requirements: row.compliance.requirements,
});

export type AttentionItem = {
  personId: string;
  personName: string;
  requirementKey: string;
  requirement: string;
  status: RequirementStatus;
  /** Days until it lapses (due) or since it lapsed (expired, negative). */
  days: number | null;
};

export type NotClearedItem = { personId: string; personName: string };

export const DUE_WINDOWS = [30, 60, 90] as const;

export type Attention = {
  expired: AttentionItem[];
  missing: AttentionItem[];
  /** Keyed by window end: due within 30 days, 31–60 days, 61–90 days. */
  due: Record<(typeof DUE_WINDOWS)[number], AttentionItem[]>;
  notCleared: NotClearedItem[];
};

/**
 * What needs a co-ordinator now, in codes and dates: words are added only to what is shown
 * (explainItem, explainNotCleared). Due windows are fixed at 30/60/90 days whatever the warning setting.
 * `people` come in the centre's name order (surname, first name: as the matrix and People list
 * them, and as loadCentreFacts and stored standing read them); within a list, people keep that order.
 */
export function attentionList(people: readonly PersonState[], today: IsoDate): Attention {
  const attention: Attention = { expired: [], missing: [], due: { 30: [], 60: [], 90: [] }, notCleared: [] };
  for (const person of people) {
    if (!person.counted) continue;
    if (!person.cleared) attention.notCleared.push({ personId: person.id, personName: person.name });
    for (const req of person.requirements) {
      const item: AttentionItem = { personId: person.id, personName: person.name, requirementKey: req.key, requirement: req.label, status: req.status, days: null };
      if (req.status === "expired") attention.expired.push({ ...item, days: req.lapsedOn ? -daysBetween(req.lapsedOn, today) : null });
      else if (req.status === "missing" || req.status === "not_accepted") attention.missing.push(item);
      else if (isInDate(req.status) && req.validUntil) {
        const days = daysBetween(today, req.validUntil);
        const window = DUE_WINDOWS.find((w) => days <= w);
        if (window) attention.due[window].push({ ...item, days });
      }
    }
  }
  const position = new Map(people.map((p, i) => [p.id, i]));
  const byName = (a: AttentionItem, b: AttentionItem) => position.get(a.personId)! - position.get(b.personId)! || LABEL_ORDER.compare(a.requirement, b.requirement);
  attention.expired.sort((a, b) => (a.days ?? 0) - (b.days ?? 0) || byName(a, b));
  attention.missing.sort(byName);
  for (const w of DUE_WINDOWS) attention.due[w].sort((a, b) => (a.days ?? 0) - (b.days ?? 0) || byName(a, b));
  return attention;
}

/** An item with the sentence a co-ordinator reads, from the person's evaluated compliance. */
export function explainItem(item: AttentionItem, compliance: PersonCompliance | undefined): AttentionItem & { reason: string } {
  // Records can change between the lists' read and this person's evaluation: then no words, never wrong ones.
  const result = compliance?.requirements.find((r) => r.key === item.requirementKey);
  return { ...item, reason: result && result.status === item.status ? requirementWords(result) : "" };
}

export function explainNotCleared(item: NotClearedItem, compliance: PersonCompliance | undefined): NotClearedItem & { reason: string } {
  return { ...item, reason: compliance && !compliance.cleared ? notClearedWords(compliance) : "" };
}

export type Cell = { status: RequirementStatus; words: string; detail: string };

/** Several requirements shown as one cell (NACCC's ten modules): the worst status leads. */
export function summariseGroup(results: RequirementResult[]): Cell {
  const required = results.filter((r) => r.status !== "not_required");
  if (required.length === 0) return { status: "not_required", words: STATUS_WORDS.not_required, detail: "" };
  const count = (status: RequirementStatus) => required.filter((r) => r.status === status).length;
  const worst = required.map((r) => r.status).sort((a, b) => STATUS_SEVERITY[a] - STATUS_SEVERITY[b])[0];
  const inDate = count("met") + count("due");
  const parts = [`${inDate} of ${required.length} in date`];
  if (count("expired")) parts.push(`${count("expired")} expired`);
  if (count("missing")) parts.push(`${count("missing")} missing`);
  if (count("not_accepted")) parts.push(`${count("not_accepted")} not accepted`);
  if (count("due")) parts.push(`${count("due")} due soon`);
  return { status: worst, words: STATUS_WORDS[worst], detail: parts.join(", ") };
}

export function cellOf(result: RequirementResult): Cell {
  return { status: result.status, words: STATUS_WORDS[result.status], detail: requirementWords(result) };
}

export const MATRIX_VIEWS = ["everyone", "attention", "not_cleared", "compliant"] as const;
export type MatrixView = (typeof MATRIX_VIEWS)[number];

/** Counted people on the date, filtered by role held then, record status, and compliance (see standing.server.ts). */
export type MatrixFilters = { role?: string; personStatus?: string; view?: MatrixView };

export type MatrixColumn = { key: string; label: string; requirementKeys: string[] };

/** DBS, references, then each course; NACCC's ten modules share one column on screen. */
export function matrixColumns(courses: { id: string; name: string; kind: string; retired: boolean }[], groupModules: boolean): MatrixColumn[] {
  const columns: MatrixColumn[] = [
    { key: "dbs", label: "DBS check", requirementKeys: ["dbs"] },
    { key: "references", label: "References", requirementKeys: ["references"] },
  ];
  const active = courses.filter((c) => !c.retired);
  const modules = active.filter((c) => c.kind === "naccc_module");
  for (const course of active) {
    if (groupModules && course.kind === "naccc_module") {
      if (course === modules[0]) columns.push({ key: "naccc_modules", label: `NACCC modules (${modules.length})`, requirementKeys: modules.map((m) => courseKey(m.id)) });
      continue;
    }
    columns.push({ key: courseKey(course.id), label: course.name, requirementKeys: [courseKey(course.id)] });
  }
  return columns;
}

export function cellFor(row: PersonRow, column: MatrixColumn): Cell {
  const results = row.compliance.requirements.filter((r) => column.requirementKeys.includes(r.key));
  return results.length === 1 ? cellOf(results[0]) : summariseGroup(results);
}

export type PersonAttention = { personId: string; personName: string; items: AttentionItem[] };

/**
 * The dashboard's lists one row per person: everything of theirs together, in the order of
 * `people` (the centre's name order); those with nothing in `items` are left out.
 */
export function groupByPerson(items: readonly AttentionItem[], people: readonly { id: string }[]): PersonAttention[] {
  const byPerson = new Map<string, PersonAttention>();
  for (const item of items) {
    const entry = byPerson.get(item.personId) ?? { personId: item.personId, personName: item.personName, items: [] };
    entry.items.push(item);
    byPerson.set(item.personId, entry);
  }
  return people.flatMap((p) => byPerson.get(p.id) ?? []);
}

type FirstOf<T> = { first: T[]; total: number };

/** What the dashboard shows of each list (its first people or items), and how long each is. */
export type DashboardLists = {
  notCleared: FirstOf<NotClearedItem>;
  expired: FirstOf<PersonAttention>;
  missing: FirstOf<PersonAttention>;
  due: Record<(typeof DUE_WINDOWS)[number], FirstOf<AttentionItem>>;
};

/** The last day of each of the `count` months up to today's, with today standing for its own month. */
export function monthEnds(today: IsoDate, count = 12): IsoDate[] {
  const firstOfThisMonth = `${today.slice(0, 8)}01`;
  const ends: IsoDate[] = [];
  for (let back = count - 1; back >= 1; back--) ends.push(addDaysIso(addMonthsIso(firstOfThisMonth, -back + 1), -1));
  ends.push(today);
  return ends;
}
