/** Stored standing against full evaluation: every person of a centre, on each of the dates. */
import { prisma } from "~/db.server";
import { loadCentreFacts } from "~/modules/compliance/compliance.server";
import { standingOn } from "~/modules/compliance/standing";
import { peopleToWatch, refreshStanding } from "~/modules/compliance/standing.server";
import { DUE_WINDOWS, attentionList } from "~/modules/compliance/overview";
import { evaluatePerson } from "~/modules/compliance/rules";
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

/**
 * The dashboard's lists from only the people stored standing says to watch, against the lists
 * from everyone, on each date: any difference, as "date: …"; empty when they agree.
 */
export async function watchedAgainstEveryone(centreId: string, dates: IsoDate[]) {
  await refreshStanding(centreId);
  const { settings, courses, people } = await loadCentreFacts(centreId);
  const problems: string[] = [];
  for (const date of dates) {
    const everyone = people.map((p) => ({ id: p.id, name: p.name, status: p.status, dbs: null, compliance: evaluatePerson(p.facts, courses, settings, date) }));
    const watched = new Set(await peopleToWatch(centreId, date, Math.max(...DUE_WINDOWS)));
    const fromAll = JSON.stringify(attentionList(everyone, date));
    const fromWatched = JSON.stringify(attentionList(everyone.filter((r) => watched.has(r.id)), date));
    if (fromAll !== fromWatched) problems.push(`${date}: lists differ (${watched.size} watched)`);
  }
  return problems;
}
