/**
 * The demo centre's sessions and rotas: a weekly Saturday supported session, a supervised
 * session on the 2nd Sunday of each month, a Christmas closure, two teams, last period's rota and the
 * current one (published), with one volunteer who can no longer make an upcoming shift.
 */
import { prisma } from "~/db.server";
import { recordAudit, type Actor } from "~/modules/audit/audit.server";
import { createDraftRota, publishRota } from "~/modules/rota/rota.server";
import { queueRotaPublished } from "~/modules/email/notices.server";
import { addClosure, addTeam, saveSession, setTeamMember } from "~/modules/rota/setup.server";
import { addDaysIso, formatUkDateWithDay, type IsoDate } from "~/utils/dates";
import { addDbsCheck } from "~/modules/compliance/compliance.server";
import { updatePerson } from "~/modules/people/people.server";
import type { Role } from "~/modules/people/constants";

/** The Saturday on or before a date. */
function saturdayOnOrBefore(date: IsoDate): IsoDate {
  const day = new Date(`${date}T00:00:00Z`).getUTCDay();
  return addDaysIso(date, -((day + 1) % 7));
}

export async function seedDemoRota(actor: Actor, today: IsoDate, volunteerPersonId: string, now: Date) {
  // A week into the current six weeks: four or five weeks of it ahead, enough to show drop-outs,
  // open places and a swap even with Christmas closed (two weeks in left two Saturdays in December).
  const thisPeriodStart = addDaysIso(saturdayOnOrBefore(today), -7);
  const lastPeriodStart = addDaysIso(thisPeriodStart, -42);
  await saveSession(actor, null, {
    name: "Saturday supported contact", location: "Main hall, St Mark's church", frequency: "weekly", interval: 1, weekdays: ["SA"],
    weekOfMonth: null, startsOn: addDaysIso(lastPeriodStart, -365), endsOn: null, startTime: "10:00", endTime: "12:30",
    coordinatorsNeeded: 1, staffNeeded: 0, volunteersNeeded: 3, skipBankHolidays: true,
  });
  await saveSession(actor, null, {
    name: "Sunday supervised contact", location: "Family room", frequency: "monthly", interval: 1, weekdays: ["SU"],
    weekOfMonth: 2, startsOn: addDaysIso(lastPeriodStart, -365), endsOn: null, startTime: "13:00", endTime: "16:00",
    coordinatorsNeeded: 1, staffNeeded: 2, volunteersNeeded: 1, skipBankHolidays: true,
  });
  const year = Number(today.slice(0, 4));
  for (const y of [year, year + 1]) {
    await addClosure(actor, { date: `${y}-12-26`, reason: "Christmas closure", sessionId: null });
  }
  for (const [team, members] of [["Team A", ["Margaret", "David", "Aisha"]], ["Team B", ["Jean", "Oluwaseun", "Claire"]]] as const) {
    await addTeam(actor, team);
    const teamRow = await prisma.team.findFirstOrThrow({ where: { centreId: actor.centreId, name: team } });
    for (const first of members) {
      const person = await prisma.person.findFirstOrThrow({ where: { centreId: actor.centreId, firstName: first } });
      await setTeamMember(actor, teamRow.id, person.id, true);
    }
  }

  const draft = async (startsOn: string, endsOn: string) => {
    const result = await createDraftRota(actor, { startsOn, endsOn, mode: "individuals" });
    if (!result.ok) throw new Error(`The demo rota for ${startsOn} overlaps another`);
    await publishRota(actor, result.rotaId, queueRotaPublished);
    return { id: result.rotaId };
  };
  await draft(lastPeriodStart, addDaysIso(thisPeriodStart, -1));
  const current = await draft(thisPeriodStart, addDaysIso(thisPeriodStart, 41));

  // The demo volunteer should have a shift coming up, and someone should have dropped out of one
  // (shifts not yet started: on a Saturday afternoon, the morning's is over).
  const upcoming = await prisma.shift.findMany({
    where: { rotaId: current.id, startsAt: { gt: now } }, orderBy: { startsAt: "asc" }, include: { assignments: true },
  });
  const ruthHasOne = upcoming.some((s) => s.assignments.some((a) => a.personId === volunteerPersonId));
  if (!ruthHasOne && upcoming.length > 1) {
    const target = upcoming[upcoming.length - 1];
    const swap = target.assignments.find((a) => a.slot === "volunteer");
    if (swap) {
      await prisma.shiftAssignment.update({ where: { id: swap.id }, data: { personId: volunteerPersonId } });
      // What follows picks people by who is on these shifts now.
      swap.personId = volunteerPersonId;
    }
  }
  const dropout = upcoming[0]?.assignments.find((a) => a.slot === "volunteer" && a.personId !== volunteerPersonId);
  if (dropout) await prisma.shiftAssignment.update({ where: { id: dropout.id }, data: { status: "cannot_attend", note: "Sorry, family emergency" } });

  // Two placements that no longer stand, each showing its gap and cover list on the rota: one
  // volunteer pauses (the app withdraws their shifts), and another's newer DBS certificate is not
  // accepted (the placement fails its re-check on the shift's date).
  const later = upcoming.slice(1).flatMap((s) => s.assignments).filter((a) => a.slot === "volunteer" && a.personId !== volunteerPersonId && a.personId !== dropout?.personId);
  const [pausing, refused] = [...new Set(later.map((a) => a.personId))];
  if (pausing) await pauseForDemo(actor, pausing, today);
  if (refused) {
    await addDbsCheck(actor, refused, {
      level: "enhanced", workforce: "child_and_adult", childrenBarredListChecked: false, certificateNumber: "009876543210",
      issuedOn: addDaysIso(today, -5), decision: "not_accepted", seenBy: "Sam Patel", seenOn: addDaysIso(today, -3), updateServiceSubscribed: false,
    });
  }
  await seedSelfService(actor, current.id, volunteerPersonId, [pausing, refused].filter(Boolean) as string[], now);
}

/**
 * Volunteers helping themselves: the demo volunteer hears about open places, and a colleague has
 * asked for someone to take their place on a shift, a week or more away where the rota has one
 * (near its end, or with Christmas closed, it may not), else the latest whose requests are open
 * for half a day yet.
 */
async function seedSelfService(actor: Actor, rotaId: string, volunteerPersonId: string, leaveAlone: string[], now: Date) {
  await prisma.person.update({ where: { id: volunteerPersonId }, data: { openShiftEmails: true } });
  const { swapCutoffHours } = await prisma.centre.findUniqueOrThrow({ where: { id: actor.centreId }, select: { swapCutoffHours: true } });
  const hours = (n: number) => new Date(now.getTime() + n * 3600_000);
  const ahead = await prisma.shift.findMany({
    where: { rotaId, startsAt: { gt: now } }, orderBy: { startsAt: "asc" },
    include: { session: { select: { name: true } }, assignments: { include: { person: true } } },
  });
  // The first place anyone could take (a drop-out, a withdrawn or failing placement) is not
  // where the swap goes: the demo volunteer taking that place would leave her none to take.
  const firstOpen = ahead.find((s) => s.assignments.some((a) => a.status !== "assigned" || leaveAlone.includes(a.personId)));
  const stillOpen = ahead.filter((s) => s.startsAt > hours(swapCutoffHours + 12) && s !== firstOpen);
  const weekAway = hours(7 * 24);
  const later = [...stillOpen.filter((s) => s.startsAt > weekAway), ...stillOpen.filter((s) => s.startsAt <= weekAway).reverse()];
  for (const shift of later) {
    // One the demo volunteer is not on, so she can be the one to take it.
    const asking = shift.assignments.find((a) => a.status === "assigned" && a.slot === "volunteer" && !leaveAlone.includes(a.personId));
    if (!asking || shift.assignments.some((a) => a.personId === volunteerPersonId)) continue;
    await prisma.$transaction(async (tx) => {
      await tx.swapRequest.create({ data: { assignmentId: asking.id, askedById: asking.personId, note: "Grandchild's christening that weekend", closesAt: new Date(shift.startsAt.getTime() - swapCutoffHours * 3600_000) } });
      await recordAudit(tx, { id: null, name: `${asking.person.firstName} ${asking.person.lastName}`, centreId: actor.centreId }, {
        entityType: "Rota", entityId: rotaId, personId: asking.personId, action: "asked-for-swap",
        summary: `${asking.person.firstName} ${asking.person.lastName} asked colleagues to take their place on ${shift.session.name}, ${formatUkDateWithDay(shift.date)}`,
      });
    });
    return;
  }
}

async function pauseForDemo(actor: Actor, personId: string, today: IsoDate) {
  const person = await prisma.person.findUniqueOrThrow({ where: { id: personId }, include: { roles: { where: { endedOn: null } } } });
  await updatePerson(actor, personId, {
    firstName: person.firstName, lastName: person.lastName, email: person.email, phone: person.phone,
    roles: person.roles.map((r) => r.role) as Role[], status: "paused", startedOn: person.startedOn, leftOn: null, rolesChangeOn: null,
    usesCentreForOwnFamily: false, conflictNote: null,
  }, today);
}
