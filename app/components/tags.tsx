import { STATUS_LABELS, isStatus } from "~/modules/people/constants";

/** Status in words and colour together: colour alone never carries the meaning. */
export function StatusTag({ status }: { status: string }) {
  return <span className={`tag tag--${status}`}>{isStatus(status) ? STATUS_LABELS[status] : status}</span>;
}

export function ConflictTag() {
  return <span className="tag tag--conflict">Conflict of interest: never rostered</span>;
}
