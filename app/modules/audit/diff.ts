/** What changed between two versions of a record, in words a reader of the audit log follows. */
export type FieldChange = { field: string; from: string; to: string };

export type FieldSpec<T> = { label: string; show?: (value: T[keyof T]) => string };

export function describeValue(value: unknown): string {
  if (value === null || value === undefined || value === "") return "(blank)";
  if (typeof value === "boolean") return value ? "Yes" : "No";
  if (Array.isArray(value)) return value.length ? value.join(", ") : "(none)";
  return String(value);
}

export function diffRecords<T extends Record<string, unknown>>(
  before: Partial<T> | null,
  after: Partial<T>,
  fields: { [K in keyof T]?: FieldSpec<T> },
): FieldChange[] {
  const changes: FieldChange[] = [];
  for (const key of Object.keys(fields) as (keyof T)[]) {
    const spec = fields[key]!;
    const show = (value: unknown) => (value === null || value === undefined || value === "" ? "(blank)" : spec.show ? spec.show(value as T[keyof T]) : describeValue(value));
    const from = before ? show(before[key]) : "(blank)";
    const to = show(after[key]);
    if (from !== to) changes.push({ field: spec.label, from, to });
  }
  return changes;
}
