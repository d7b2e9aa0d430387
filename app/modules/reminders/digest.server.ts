/** The co-ordinators' weekly digest, as the centre stands on a day: its content, and its subject for the Outbox. */
import { env } from "~/env.server";
import { prisma } from "~/db.server";
import { centreCompliance } from "~/modules/compliance/compliance.server";
import { DUE_WINDOWS, attentionList, explainItem, explainNotCleared, stateOf, type AttentionItem } from "~/modules/compliance/overview";
import { rotaGaps } from "~/modules/rota/rota.server";
import { addDaysIso, formatUkDate, formatUkDateWithDay, type IsoDate } from "~/utils/dates";
import { subjects } from "../../../emails/subjects";
import type { CoordinatorDigestProps } from "../../../emails/coordinator-digest";

type Rows = Awaited<ReturnType<typeof centreCompliance>>["rows"];

export async function digestProps(centreId: string, coordinatorName: string, today: IsoDate, week: IsoDate, rows?: Rows): Promise<Omit<CoordinatorDigestProps, "footer">> {
  const [centre, compliance, gaps] = await Promise.all([
    prisma.centre.findUniqueOrThrow({ where: { id: centreId }, select: { name: true } }),
    rows ? Promise.resolve({ rows }) : centreCompliance(centreId, today),
    rotaGaps(centreId, today, addDaysIso(today, 42), { publishedOnly: false }, today),
  ]);
  const attention = attentionList(compliance.rows.map(stateOf), today);
  // The digest lists everything, so every item is put into words.
  const complianceOf = new Map(compliance.rows.map((row) => [row.id, row.compliance]));
  const line = (item: AttentionItem) => ({ person: item.personName, requirement: item.requirement, detail: explainItem(item, complianceOf.get(item.personId)).reason });
  const labels = { 30: "Due in the next 30 days", 60: "Due in 31 to 60 days", 90: "Due in 61 to 90 days" };
  return {
    name: coordinatorName.split(" ")[0], centreName: centre.name, weekOf: formatUkDate(week), appUrl: env().APP_URL,
    notCleared: attention.notCleared.map((p) => ({ person: p.personName, reason: explainNotCleared(p, complianceOf.get(p.personId)).reason })),
    expired: attention.expired.map(line), missing: attention.missing.map(line),
    due: DUE_WINDOWS.map((w) => ({ window: labels[w], lines: attention.due[w].map(line) })),
    gaps: gaps.short.map((s) => ({ when: formatUkDateWithDay(s.date), session: s.session, short: s.short })),
  };
}

export async function digestSubject(centreId: string, today: IsoDate, week: IsoDate, rows?: Rows) {
  return subjects.digest(await digestProps(centreId, "", today, week, rows));
}
