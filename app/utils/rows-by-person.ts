/** Rows of one flat query, looked up by person in constant time (a filter per person grows with the square of the centre). */
export function rowsByPerson<T extends { personId: string }>(rows: T[]): (personId: string) => T[] {
  const groups = new Map<string, T[]>();
  for (const row of rows) {
    const list = groups.get(row.personId);
    if (list) list.push(row);
    else groups.set(row.personId, [row]);
  }
  return (personId: string) => groups.get(personId) ?? [];
}
