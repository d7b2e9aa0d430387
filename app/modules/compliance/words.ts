/**
 * Compliance results in words, for pages, the CSV and emails. Pure. Logic never reads these:
 * it reads the codes in ./rules.ts; these are built only where they are shown.
 */
import { formatUkDate } from "~/utils/dates";
import { ROLE_LABELS, isRole } from "~/modules/people/constants";
import { DBS_DECISIONS, WORKFORCES } from "./requirements";
import type { ClearanceBlocker, Finding, NotCounted, PersonCompliance, RequirementResult } from "./rules";

export function decisionLabel(decision: string) {
  return DBS_DECISIONS[decision as keyof typeof DBS_DECISIONS] ?? decision;
}

function rolesInWords(roles: readonly string[]) {
  return roles.map((role) => (isRole(role) ? ROLE_LABELS[role].toLowerCase() : role)).join(", ");
}

export function ordinal(n: number) {
  return ["zeroth", "first", "second", "third", "fourth", "fifth"][n] ?? `${n}th`;
}

function dbsIssuedWords(r: RequirementResult) {
  const decision = r.detail.decision === "clear" ? "clear" : "risk-assessed and accepted";
  return `issued ${formatUkDate(r.detail.issuedOn)} (${decision})`;
}

/** One line a co-ordinator or assessor reads about a requirement. */
export function requirementWords(r: RequirementResult): string {
  const d = r.detail;
  const until = formatUkDate(r.validUntil);
  const since = formatUkDate(r.lapsedOn);
  switch (r.code) {
    case "dbs_none":
      return "No DBS check on record";
    case "dbs_not_yet_issued":
      return `No DBS check on record on this date (first issued ${formatUkDate(d.firstIssuedOn)})`;
    case "dbs_not_accepted":
      return `Not accepted: the centre did not accept the latest DBS certificate (issued ${formatUkDate(d.issuedOn)})`;
    case "dbs_wrong_workforce":
      return `${WORKFORCES[d.workforce as keyof typeof WORKFORCES] ?? "Not a child workforce"} check only (issued ${formatUkDate(d.issuedOn)}): work with children needs a child workforce enhanced check`;
    case "dbs_no_children_barred_list":
      return `The children's barred list was not checked (certificate issued ${formatUkDate(d.issuedOn)}); this centre requires it`;
    case "dbs_new_information":
      return `Update Service check on ${formatUkDate(d.checkedOn)} found new information: a new DBS check is needed`;
    case "dbs_update_service": {
      const checked = `last Update Service check ${formatUkDate(d.checkedOn)} showed no new information`;
      if (r.status === "expired") return `Update Service status check due by our policy since ${since} (${checked})`;
      if (r.status === "due") return `Update Service status check due by ${until} (${checked})`;
      return `Enhanced DBS ${dbsIssuedWords(r)}; ${checked}; next status check by ${until}`;
    }
    case "dbs_policy": {
      const instead = d.subscribed ? "; on the Update Service, so a clear status check will do" : "";
      if (r.status === "expired") return `Recheck due by our policy since ${since} (DBS ${dbsIssuedWords(r)}${instead})`;
      if (r.status === "due") return `Recheck due by our policy by ${until} (DBS ${dbsIssuedWords(r)}${instead})`;
      return `Enhanced DBS ${dbsIssuedWords(r)}; recheck by ${until}`;
    }
    case "references_not_required":
      return "No references required by centre policy";
    case "references_in":
      return `${d.satisfactory} satisfactory references (the ${ordinal(d.required!)} received ${formatUkDate(d.completeOn)})`;
    case "references_outstanding": {
      const parts = [`${d.satisfactory} of ${d.required} satisfactory references received`];
      if (d.awaited) parts.push(`${d.awaited} awaited since ${formatUkDate(d.awaitedSince)}`);
      if (d.unsatisfactory) parts.push(`${d.unsatisfactory} not satisfactory`);
      if (!d.awaited && !d.satisfactory && !d.unsatisfactory) parts.push("none requested yet");
      return parts.join("; ");
    }
    case "course_retired":
      return "No longer required (course retired)";
    case "course_not_required":
      return `Not required for ${rolesInWords(d.roles ?? []) || "someone with no role"}`;
    case "course_not_done":
      return `Not completed; required for ${rolesInWords(d.roles ?? [])}`;
    case "course_never_expires":
      return `Completed ${formatUkDate(d.completedOn)}; does not expire`;
    case "course_timed": {
      const completed = `completed ${formatUkDate(d.completedOn)}`;
      if (r.status === "expired") return `Out of date since ${since} (${completed})`;
      if (r.status === "due") return `Due by ${until} (${completed})`;
      return `In date until ${until} (${completed})`;
    }
  }
}

/** The blockers' own sentences, e.g. "Recheck due by our policy since 2 Mar 2026 (...)". */
export function notClearedWords(compliance: Pick<PersonCompliance, "requirements" | "cleared">): string {
  const [dbs, references] = compliance.requirements;
  return [dbs, references].filter((r) => r.status !== "met" && r.status !== "due").map(requirementWords).join("; ");
}

export function clearedWords(compliance: Pick<PersonCompliance, "requirements" | "cleared">): string {
  return compliance.cleared ? "Cleared to work: enhanced DBS and references in place" : `Not cleared to work: ${notClearedWords(compliance)}`;
}

/** A few words for a rota shortfall or a gap: "DBS recheck due", "no DBS check". */
export const BLOCKER_WORDS: Record<ClearanceBlocker, string> = {
  dbs_none: "no DBS check",
  dbs_not_accepted: "DBS not accepted",
  dbs_wrong_workforce: "not a child workforce DBS check",
  dbs_no_children_barred_list: "children's barred list not checked",
  dbs_new_information: "new DBS check needed",
  dbs_status_check_due: "Update Service check due",
  dbs_recheck_due: "DBS recheck due",
  references_outstanding: "references outstanding",
};

export function blockersInWords(blockers: readonly ClearanceBlocker[]): string {
  return blockers.map((b) => BLOCKER_WORDS[b]).join(", ");
}

export function notCountedWords(notCounted: NotCounted): string {
  return notCounted.code === "left" ? `Left on ${formatUkDate(notCounted.leftOn)}` : "Held no role at the centre on this date";
}

export function findingWords(finding: Finding): string {
  if (finding.code === "started_before_dbs") {
    return `Started ${formatUkDate(finding.startedOn)}, before their enhanced DBS check (issued ${formatUkDate(finding.issuedOn)})`;
  }
  return `Started ${formatUkDate(finding.startedOn)}, before their references were in (the ${ordinal(finding.required)} received ${formatUkDate(finding.completeOn)})`;
}

/** "NACCC module 7", "NACCC module 10", "NACCC module 8" → "NACCC module 7, 8, 10": a numbered series read once. */
export function combineNumbered(labels: readonly string[]): string[] {
  const series = new Map<string, number[]>();
  const out: (string | { prefix: string })[] = [];
  for (const label of labels) {
    const match = /^(.*\S)\s+(\d+)$/.exec(label);
    if (!match) { out.push(label); continue; }
    const [, prefix, number] = match;
    if (!series.has(prefix)) { series.set(prefix, []); out.push({ prefix }); }
    series.get(prefix)!.push(Number(number));
  }
  return out.map((entry) => typeof entry === "string" ? entry : `${entry.prefix} ${series.get(entry.prefix)!.sort((a, b) => a - b).join(", ")}`);
}
