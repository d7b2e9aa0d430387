/** Personal calendar feeds: a secret token per person, which they can reset. */
import { randomBytes } from "node:crypto";
import { prisma } from "~/db.server";
import { formatUkDateWithDay } from "~/utils/dates";
import { shiftsToIcs, type CalendarShift } from "./calendar";
import { SLOT_LABELS, type Slot } from "./generate";
import { shiftsOfPerson } from "./rota.server";

export async function calendarToken(personId: string) {
  const person = await prisma.person.findUniqueOrThrow({ where: { id: personId }, select: { calendarToken: true } });
  return person.calendarToken ?? resetCalendarToken(personId);
}

export async function resetCalendarToken(personId: string) {
  const token = randomBytes(24).toString("base64url");
  await prisma.person.update({ where: { id: personId }, data: { calendarToken: token } });
  return token;
}

type Assignment = Awaited<ReturnType<typeof shiftsOfPerson>>[number];

export function toCalendarShift(a: Assignment): CalendarShift {
  const s = a.shift;
  return {
    uid: `${a.id}@contact-centre-rota`,
    title: `${s.session.name}: ${SLOT_LABELS[a.slot as Slot]?.one ?? a.slot} at ${s.rota.centre.name}`,
    location: s.session.location,
    description: `Your shift on ${formatUkDateWithDay(s.date)}. If you cannot make it, tell the co-ordinator in the app.`,
    startsAt: s.startsAt,
    endsAt: s.endsAt,
    cancelled: a.status !== "assigned",
  };
}

/** The feed for a token, or null if no one has that token (it was reset, or never existed). */
export async function feedForToken(token: string) {
  const person = await prisma.person.findUnique({ where: { calendarToken: token }, select: { id: true, firstName: true, status: true, centre: { select: { name: true } } } });
  if (!person || person.status === "left") return null;
  const assignments = await shiftsOfPerson(person.id);
  return shiftsToIcs(assignments.map(toCalendarShift), `${person.centre.name} shifts (${person.firstName})`);
}
