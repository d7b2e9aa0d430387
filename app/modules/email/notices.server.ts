/**
 * Queueing the app's notices: sign-in links, "your shifts on the new rota", shift reminders.
 * Each is rendered when it is sent (./kinds.server.ts), so it says what is true on that day.
 */
import { prisma } from "~/db.server";
import { LINK_VALID_DAYS } from "~/modules/accounts/constants";
import type { Db } from "~/modules/compliance/compliance.server";
import { checkPlacements } from "~/modules/rota/rota.server";
import { endOfLondonDay } from "~/modules/rota/recurrence";
import { formatUkDate, type IsoDate } from "~/utils/dates";
import { clock } from "~/utils/clock.server";
import { subjects as SubjectOnly } from "../../../emails/subjects";
import { queueEmail, queueEmails, queuedKeys, type QueuedEmail } from "./outbox.server";

const DAY_MS = 24 * 60 * 60 * 1000;

/**
 * Email someone a link to set their password (an invitation if they never have). The link itself
 * is made when the email is sent, so none is ever stored; it is worth sending for a couple of days.
 */
export async function queueSignInLink(userId: string, db: Db = prisma) {
  const user = await db.user.findUniqueOrThrow({ where: { id: userId }, select: { email: true, name: true, passwordHash: true, centre: { select: { id: true, name: true } } } });
  const invitation = !user.passwordHash;
  const now = clock.now();
  return queueEmail({
    centreId: user.centre.id, toEmail: user.email, toName: user.name, template: invitation ? "invitation" : "sign-in-link",
    subject: SubjectOnly.signInLink({ centreName: user.centre.name, invitation }),
    params: {}, userId, dedupeKey: `link:${userId}:${now.getTime()}`, expiresAt: new Date(now.getTime() + Math.min(2, LINK_VALID_DAYS) * DAY_MS),
  }, db);
}

const ASSIGNMENT_INCLUDE = {
  person: { select: { id: true, firstName: true, email: true, rotaEmails: true, shiftReminderEmails: true } },
  shift: { include: { session: { select: { name: true, location: true } }, rota: { select: { centreId: true, startsOn: true, endsOn: true, centre: { select: { id: true, name: true } } } } } },
} as const;

/**
 * When a rota is published (inside the publishing transaction): each person on it is emailed
 * their shifts with an .ics file, once, leaving out placements that no longer stand on their date.
 */
export async function queueRotaPublished(tx: Db, rotaId: string) {
  const today = clock.today();
  const rota = await tx.rota.findUniqueOrThrow({ where: { id: rotaId }, include: { centre: { select: { id: true, name: true } } } });
  const all = await tx.shiftAssignment.findMany({
    where: { shift: { rotaId, date: { gte: today } }, status: "assigned" }, include: ASSIGNMENT_INCLUDE, orderBy: { shift: { startsAt: "asc" } },
  });
  const voids = await checkPlacements(tx, rota.centreId, all.map((a) => ({ ...a.shift, assignments: [a] })), today);
  const byPerson = new Map<string, typeof all>();
  for (const a of all) if (!voids.has(a.id)) byPerson.set(a.personId, [...(byPerson.get(a.personId) ?? []), a]);
  const period = `${formatUkDate(rota.startsOn)} to ${formatUkDate(rota.endsOn)}`;
  const emails: QueuedEmail[] = [...byPerson.values()]
    .filter((list) => list[0].person.email && list[0].person.rotaEmails)
    .map((list) => ({
      centreId: rota.centreId, toEmail: list[0].person.email!, toName: list[0].person.firstName, template: "rota-published",
      subject: SubjectOnly.rota({ period, count: list.length }),
      params: { rotaId }, personId: list[0].personId, dedupeKey: `rota:${rotaId}:${list[0].personId}`, expiresAt: endOfLondonDay(rota.endsOn),
    }));
  return (await queueEmails(emails, tx)).size;
}

/** A reminder for each shift between two dates (two days ahead, by default), once each. */
export async function shiftReminderEmails(centreId: string, from: IsoDate, to: IsoDate): Promise<QueuedEmail[]> {
  const all = await prisma.shiftAssignment.findMany({
    where: { status: "assigned", shift: { date: { gte: from, lte: to }, rota: { centreId, status: "published" } } },
    include: ASSIGNMENT_INCLUDE,
  });
  // Nobody is reminded of a shift they may no longer do, or that has started.
  const voids = await checkPlacements(prisma, centreId, all.map((a) => ({ ...a.shift, assignments: [a] })), from);
  const now = clock.now();
  return all
    .filter((a) => !voids.has(a.id) && a.person.email && a.person.shiftReminderEmails && a.shift.startsAt > now)
    .map((a) => ({
      centreId, toEmail: a.person.email!, toName: a.person.firstName, template: "shift-reminder",
      subject: SubjectOnly.shift({ session: a.shift.session.name, date: a.shift.date, startsAt: a.shift.startsAt, endsAt: a.shift.endsAt }),
      params: { assignmentId: a.id }, personId: a.personId, dedupeKey: `shift:${a.id}:${a.shift.date}`, expiresAt: a.shift.startsAt,
    }));
}

/** Shift reminders due now: queued (or, on a dry run, listed if not queued before). */
export async function queueShiftReminders(centreId: string, from: IsoDate, to: IsoDate, dryRun: boolean) {
  const emails = await shiftReminderEmails(centreId, from, to);
  if (dryRun) {
    const already = await queuedKeys(emails.map((e) => e.dedupeKey));
    return { queued: 0, would: emails.filter((e) => !already.has(e.dedupeKey)).map((e) => ({ to: e.toEmail, subject: e.subject })) };
  }
  return { queued: (await queueEmails(emails)).size, would: [] };
}
