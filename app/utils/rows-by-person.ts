/** Rows of one flat query, looked up by a key in constant time (a filter per key grows with the square of the rows). */
export function rowsBy<T>(rows: T[], key: (row: T) => string): (id: string) => T[] {
  const groups = new Map<string, T[]>();
  for (const row of rows) {
    const list = groups.get(key(row));
    if (list) list.push(row);
    else groups.set(key(row), [row]);
  }
  return (id: string) => groups.get(id) ?? [];
}

/** Rows of one flat query, looked up by person. */
export function rowsByPerson<T extends { personId: string }>(rows: T[]): (personId: string) => T[] {
  return rowsBy(rows, (row) => row.personId);
}
