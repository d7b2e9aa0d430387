import { Link } from "@remix-run/react";
import type { ReactNode } from "react";
import { STATUS_WORDS, isOutstanding, type RequirementResult, type RequirementStatus } from "~/modules/compliance/rules";
import { requirementWords } from "~/modules/compliance/words";

const TAG_CLASS: Record<RequirementStatus, string> = {
  met: "tag--met", due: "tag--due", expired: "tag--expired", missing: "tag--missing", not_accepted: "tag--expired", not_required: "tag--not-required",
};

/** A status in words and colour; the symbol helps in print and for colour-blind readers. */
export function ComplianceTag({ status, words }: { status: RequirementStatus; words?: string }) {
  const symbol = { met: "✓", due: "!", expired: "✗", missing: "✗", not_accepted: "✗", not_required: "–" }[status];
  return (
    <span className={`tag ${TAG_CLASS[status]}`}>
      <span aria-hidden="true">{symbol} </span>
      {words ?? STATUS_WORDS[status]}
    </span>
  );
}

export function ClearedTag({ cleared }: { cleared: boolean }) {
  return cleared ? <span className="tag tag--met">✓ Cleared to work</span> : <span className="tag tag--expired">✗ Not cleared to work</span>;
}

/** Where on the person's compliance page to add the record a requirement needs. */
export function addRecordAnchor(key: string) {
  if (key === "dbs") return "add-dbs";
  if (key === "references") return "add-reference";
  return "add-training";
}

export function RequirementTable({ requirements, personId, canEdit, caption }: { requirements: RequirementResult[]; personId: string; canEdit: boolean; caption?: string }) {
  return (
    <div className="table-wrap">
      <table className="cards">
        {caption ? <caption>{caption}</caption> : null}
        <thead><tr><th scope="col">Requirement</th><th scope="col">Status</th><th scope="col">Details</th></tr></thead>
        <tbody>
          {requirements.map((r) => (
            <tr key={r.key}>
              <th scope="row">{r.label}</th>
              <td data-label="Status"><ComplianceTag status={r.status} /></td>
              <td data-label="Details">
                {requirementWords(r)}
                {canEdit && (isOutstanding(r.status) || r.status === "due") ? (
                  <> <Link to={`/people/${personId}/compliance?course=${encodeURIComponent(r.key)}#${addRecordAnchor(r.key)}`}>Add a record<span className="visually-hidden"> for {r.label}</span></Link></>
                ) : null}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

/** A record entered in error reads struck through, wherever it is shown. */
export function RecordText({ struck, children }: { struck: boolean; children: ReactNode }) {
  return struck ? <s>{children}</s> : <>{children}</>;
}
