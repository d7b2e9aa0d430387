/** Personal calendar feeds: a secret token per person, which they can reset. */
import { randomBytes } from "node:crypto";
import { prisma } from "~/db.server";
import { recordAudit, type Actor } from "~/modules/audit/audit.server";
import { formatUkDateWithDay } from "~/utils/dates";
import { readRows } from "~/utils/sql-read.server";
import { shiftsToIcs, type CalendarShift } from "./calendar";
import { isSlot } from "./eligibility";
import { SLOT_LABELS } from "./words";
import { shiftsOfPerson } from "./rota.server";

/** Someone's calendar link's secret, made (and audited) the first time they need one. */
export async function calendarToken(actor: Actor, personId: string) {
  // Prepared SQL: My shifts asks on every load, and the token is made only once.
  const [person] = await readRows<{ calendarToken: string | null }>(prisma, "SELECT calendarToken FROM Person WHERE id = ?", personId);
  if (!person) throw new Error(`No person ${personId}`);
  return person.calendarToken ?? setCalendarToken(actor, personId, "made");
}

/** A new secret: the old link stops working at once. Audited: the link opens someone's shifts. */
export function resetCalendarToken(actor: Actor, personId: string) {
  return setCalendarToken(actor, personId, "changed");
}

async function setCalendarToken(actor: Actor, personId: string, verb: "made" | "changed") {
  const token = randomBytes(24).toString("base64url");
  await prisma.$transaction(async (tx) => {
    const person = await tx.person.update({ where: { id: personId }, data: { calendarToken: token }, select: { firstName: true, lastName: true, user: { select: { id: true } } } });
    const own = actor.id !== null && actor.id === person.user?.id;
    const whose = own ? "their" : `${person.firstName} ${person.lastName}'s`;
    await recordAudit(tx, actor, {
      entityType: "Person", entityId: personId, personId, action: "calendar-link",
      summary: `${actor.name} ${verb} ${whose} calendar link${verb === "changed" ? " (the old one stops working)" : ""}`,
    });
  });
  return token;
}

type Assignment = {
  id: string;
  slot: string;
  status: string;
  shift: { date: string; startsAt: Date; endsAt: Date; session: { name: string; location: string }; rota: { centre: { name: string } } };
};

export function toCalendarShift(a: Assignment): CalendarShift {
  const s = a.shift;
  return {
    uid: `${a.id}@contact-centre-rota`,
    title: `${s.session.name}: ${isSlot(a.slot) ? SLOT_LABELS[a.slot].one : a.slot} at ${s.rota.centre.name}`,
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
  // A placement that no longer stands on its date (not cleared that day, say), or waits for a
  // co-ordinator's yes, is not in their calendar.
  const assignments = (await shiftsOfPerson(person.id)).filter((a) => a.voids.length === 0 && a.status !== "pending");
  return shiftsToIcs(assignments.map(toCalendarShift), `${person.centre.name} shifts (${person.firstName})`);
}
