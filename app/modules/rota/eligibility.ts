/** Who is cleared to work on each shift date, from the compliance rules. Pure. */
import type { IsoDate } from "~/utils/dates";
import type { CentreSettings } from "~/modules/compliance/requirements";
import { evaluatePerson, isInDate, type CourseFacts, type PersonCompliance, type PersonFacts } from "~/modules/compliance/rules";

/** A few words for a rota shortfall: "DBS recheck due", "no DBS check", "references outstanding". */
export function notClearedShort(compliance: PersonCompliance): string {
  const [dbs, references] = compliance.requirements;
  const reasons: string[] = [];
  if (dbs.status === "missing") reasons.push(/not accepted/.test(dbs.reason) ? "DBS not accepted" : "no DBS check");
  else if (!isInDate(dbs.status)) reasons.push(/new information/.test(dbs.reason) ? "new DBS check needed" : /status check/.test(dbs.reason) ? "Update Service check due" : "DBS recheck due");
  if (references.status !== "met") reasons.push("references outstanding");
  return reasons.join(", ");
}

export function clearanceOn(facts: PersonFacts, courses: CourseFacts[], settings: CentreSettings, dates: IsoDate[]) {
  const clearance: Record<IsoDate, { cleared: boolean; short: string }> = {};
  for (const date of new Set(dates)) {
    const compliance = evaluatePerson(facts, courses, settings, date);
    clearance[date] = { cleared: compliance.cleared, short: compliance.cleared ? "" : notClearedShort(compliance) };
  }
  return clearance;
}
