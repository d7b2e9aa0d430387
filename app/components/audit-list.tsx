import type { FieldChange } from "~/modules/audit/diff";
import { formatLondonDateTime } from "~/utils/dates";

export type AuditItem = { id: string; at: string | Date; actorName: string; summary: string; changes: FieldChange[] };

/** The audit log as a reader wants it: when, who, what, and each field from what to what. */
export function AuditList({ entries }: { entries: AuditItem[] }) {
  if (!entries.length) return <p>No changes recorded yet.</p>;
  return (
    <ol className="audit-list">
      {entries.map((entry) => (
        <li key={entry.id}>
          <strong>{entry.summary}</strong>
          <div className="muted">{formatLondonDateTime(new Date(entry.at))} by {entry.actorName}</div>
          {entry.changes.length ? (
            <ul>
              {entry.changes.map((change, i) => (
                <li key={i}>
                  {change.field}: {change.from ? <>from “{change.from}” </> : null}to “{change.to}”
                </li>
              ))}
            </ul>
          ) : null}
        </li>
      ))}
    </ol>
  );
}
