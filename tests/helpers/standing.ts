/** Stored standing against full evaluation: every person of a centre, on each of the dates. */
import { prisma } from "~/db.server";
import { loadCentreFacts } from "~/modules/compliance/compliance.server";
import { standingOn } from "~/modules/compliance/standing";
import { refreshStanding, standingCountsOn } from "~/modules/compliance/standing.server";
import { attentionList, groupByPerson, stateOf, type Attention, type DashboardLists } from "~/modules/compliance/overview";
import { DASHBOARD_FIRST } from "~/utils/pages";
import { listsFromStanding } from "~/modules/compliance/dashboard.server";
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
  const [{ settings, courses, people }, stored, storedRequirements] = await Promise.all([
    loadCentreFacts(centreId),
    prisma.personStanding.findMany({ where: { centreId } }),
    prisma.requirementStanding.findMany({ where: { centreId }, orderBy: { id: "asc" } }),
  ]);
  const problems: string[] = [];
  const inForceOn = <T extends { fromDate: string; untilDate: string | null }>(rows: T[], date: IsoDate) => rows.filter((s) => s.fromDate <= date && (s.untilDate === null || date < s.untilDate));
  for (const person of people) {
    const segments = stored.filter((s) => s.personId === person.id);
    const requirementSegments = storedRequirements.filter((s) => s.personId === person.id);
    for (const date of dates) {
      const inForce = inForceOn(segments, date);
      const expected = standingOn({ ...person.facts, status: person.status, statusChanges: person.statusChanges }, courses, settings, date);
      if (inForce.length !== 1) {
        problems.push(`${person.name} on ${date}: ${inForce.length} stored segments`);
        continue;
      }
      const s = inForce[0];
      const got = {
        counted: s.counted, cleared: s.cleared, fullyCompliant: s.fullyCompliant, attention: s.attention,
        anyExpired: s.anyExpired, anyMissing: s.anyMissing, status: s.status, roles: s.roles,
      };
      if (JSON.stringify(got) !== JSON.stringify(expected)) problems.push(`${person.name} on ${date}: stored ${JSON.stringify(got)}, evaluated ${JSON.stringify(expected)}`);
      // Each requirement: exactly one stored state in force, the one the rules give.
      const gotRequirements = inForceOn(requirementSegments, date).map((r) => ({ key: r.requirementKey, status: r.status, validUntil: r.validUntil, lapsedOn: r.lapsedOn }));
      const expectedRequirements = evaluatePerson(person.facts, courses, settings, date).requirements.map((r) => ({ key: r.key, status: r.status, validUntil: r.validUntil, lapsedOn: r.lapsedOn }));
      const byKey = (a: { key: string }, b: { key: string }) => a.key.localeCompare(b.key);
      if (JSON.stringify(gotRequirements.sort(byKey)) !== JSON.stringify(expectedRequirements.sort(byKey))) {
        problems.push(`${person.name}'s requirements on ${date}: stored ${JSON.stringify(gotRequirements)}, evaluated ${JSON.stringify(expectedRequirements)}`);
      }
    }
  }
  return { problems, checked: people.length * dates.length };
}

/**
 * The dashboard's counts and lists from stored standing (no rules run) against evaluating
 * everyone, on each date: how many are counted, cleared and fully compliant; every item of every list from everyone's stored states, and what the
 * dashboard shows of each list (its first people or items, and its length) as it reads them.
 * Any difference, as "date: …"; empty when they agree.
 */
export async function storedListsAgainstEvaluated(centreId: string, dates: IsoDate[]) {
  await refreshStanding(centreId);
  const { settings, courses, people } = await loadCentreFacts(centreId);
  const problems: string[] = [];
  for (const date of dates) {
    const evaluations = people.map((p) => ({ id: p.id, name: p.name, status: p.status, compliance: evaluatePerson(p.facts, courses, settings, date) }));
    const everyone = evaluations.map(stateOf);
    const counted = evaluations.filter((e) => e.compliance.counted);
    const counts = { people: counted.length, cleared: counted.filter((e) => e.compliance.cleared).length, fullyCompliant: counted.filter((e) => e.compliance.fullyCompliant).length };
    const [storedCounts] = await standingCountsOn(centreId, [date]);
    if (JSON.stringify(storedCounts) !== JSON.stringify({ date, ...counts })) problems.push(`${date}: counts stored ${JSON.stringify(storedCounts)}, evaluated ${JSON.stringify(counts)}`);
    const evaluated = attentionList(everyone, date);
    const shown = await listsFromStanding(centreId, date);
    if (JSON.stringify(shown) !== JSON.stringify(dashboardLists(evaluated, everyone))) problems.push(`${date}: the dashboard's first of each list or their lengths differ`);
  }
  return problems;
}

/** The first few of a whole list, and how many there are in all: what the dashboard shows of it. */
const firstOf = <T>(items: readonly T[]) => ({ first: items.slice(0, DASHBOARD_FIRST), total: items.length });

/** What the dashboard shows of each list, and how long each is, worked out from everyone's attention (everyone in name order). */
function dashboardLists(attention: Attention, everyone: readonly { id: string }[]): DashboardLists {
  return {
    notCleared: firstOf(attention.notCleared),
    expired: firstOf(groupByPerson(attention.expired, everyone)),
    missing: firstOf(groupByPerson(attention.missing, everyone)),
    due: { 30: firstOf(attention.due[30]), 60: firstOf(attention.due[60]), 90: firstOf(attention.due[90]) },
  };
}
