/** Stored standing against full evaluation: every person of a centre, on each of the dates. */
import { prisma } from "~/db.server";
import { loadCentreFacts } from "~/modules/compliance/compliance.server";
import { standingOn } from "~/modules/compliance/standing";
import { refreshStanding } from "~/modules/compliance/standing.server";
import { addDaysIso, type IsoDate } from "~/utils/dates";

/** 50 dates: today, the ends of the last 12 months' windows, and a spread over ten years back and two ahead. */
export function fiftyDates(today: IsoDate): IsoDate[] {
  const dates = new Set<IsoDate>([today]);
  for (let i = 0; dates.size < 50; i++) dates.add(addDaysIso(today, 730 - i * 83));
  return [...dates];
}

/** Every disagreement, as "person on date: stored … evaluated …"; empty when they agree. */
export async function storedAgainstEvaluated(centreId: string, dates: IsoDate[]) {
  await refreshStanding(centreId);
  const [{ settings, courses, people }, stored] = await Promise.all([
    loadCentreFacts(centreId),
    prisma.personStanding.findMany({ where: { centreId } }),
  ]);
  const problems: string[] = [];
  for (const person of people) {
    const segments = stored.filter((s) => s.personId === person.id);
    for (const date of dates) {
      const inForce = segments.filter((s) => s.fromDate <= date && (s.untilDate === null || date < s.untilDate));
      const expected = standingOn({ ...person.facts, status: person.status, statusChanges: person.statusChanges }, courses, settings, date);
      if (inForce.length !== 1) {
        problems.push(`${person.name} on ${date}: ${inForce.length} stored segments`);
        continue;
      }
      const s = inForce[0];
      const got = { counted: s.counted, cleared: s.cleared, fullyCompliant: s.fullyCompliant, attention: s.attention, status: s.status, roles: s.roles };
      if (JSON.stringify(got) !== JSON.stringify(expected)) problems.push(`${person.name} on ${date}: stored ${JSON.stringify(got)}, evaluated ${JSON.stringify(expected)}`);
    }
  }
  return { problems, checked: people.length * dates.length };
}
