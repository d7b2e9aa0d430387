/**
 * The published rota by week or month, for everyone who works shifts. Colleagues are named only
 * as first name and surname, and (unless the reader manages the rota) only on the reader's own
 * shifts: who someone works with is theirs to know; the rest is nobody else's business.
 */
import { prisma } from "~/db.server";
import { fullName } from "~/modules/people/people.server";
import { clock } from "~/utils/clock.server";
import { formatLondonTime, type IsoDate } from "~/utils/dates";
import { SLOTS, staffingNeeds } from "./eligibility";
import { checkPlacements } from "./rota.server";
import { assignedOnly, readShifts } from "./shift-reads.server";
import { SLOT_LABELS } from "./words";

export async function publishedRotaBetween(centreId: string, from: IsoDate, to: IsoDate, reader: { personId: string | null; seesEveryone: boolean }, today: IsoDate = clock.today()) {
  const shifts = assignedOnly(await readShifts(prisma, centreId, { from, to, publishedOnly: true }));
  const voids = await checkPlacements(prisma, centreId, shifts, today);
  return shifts.map((shift) => {
    const standing = shift.assignments.filter((a) => !voids.has(a.id));
    const mine = standing.some((a) => a.personId === reader.personId);
    const needs = staffingNeeds(shift);
    const open = SLOTS.reduce((n, slot) => n + Math.max(0, needs[slot] - standing.filter((a) => a.slot === slot).length), 0);
    return {
      id: shift.id, date: shift.date, session: shift.session.name, location: shift.session.location,
      time: `${formatLondonTime(shift.startsAt)} to ${formatLondonTime(shift.endsAt)}`,
      mine, open, past: shift.date < today,
      filled: standing.length,
      // Names only where the reader may know them; nothing but names, ever.
      people: mine || reader.seesEveryone
        ? SLOTS.flatMap((slot) => standing.filter((a) => a.slot === slot).map((a) => ({ name: fullName(a.person), as: SLOT_LABELS[slot].one, you: a.personId === reader.personId })))
        : null,
    };
  });
}

export type PublishedShift = Awaited<ReturnType<typeof publishedRotaBetween>>[number];
