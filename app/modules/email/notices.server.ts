/** Building and queueing the app's emails from its records. */
import { createElement } from "react";
import { prisma } from "~/db.server";
import { env } from "~/env.server";
import SignInLink, { subjectForLink } from "../../../emails/sign-in-link";
import RotaPublished, { subjectForRota, type ShiftLine } from "../../../emails/rota-published";
import ShiftReminder, { subjectForShift } from "../../../emails/shift-reminder";
import { LINK_VALID_DAYS } from "~/modules/accounts/accounts.server";
import { shiftsToIcs } from "~/modules/rota/calendar";
import { toCalendarShift } from "~/modules/rota/calendar.server";
import { SLOT_LABELS } from "~/modules/rota/words";
import { isSlot } from "~/modules/rota/eligibility";
import { checkPlacements } from "~/modules/rota/rota.server";
import type { Db } from "~/modules/compliance/compliance.server";
import { formatLondonTime, formatUkDate, formatUkDateWithDay } from "~/utils/dates";
import { alreadyQueued, queueEmail, type Attachment } from "./outbox.server";

type AssignmentWithShift = Parameters<typeof toCalendarShift>[0];

export function shiftLine(a: AssignmentWithShift): ShiftLine {
  return {
    when: `${formatUkDateWithDay(a.shift.date)}, ${formatLondonTime(a.shift.startsAt)} to ${formatLondonTime(a.shift.endsAt)}`,
    session: a.shift.session.name,
    as: isSlot(a.slot) ? SLOT_LABELS[a.slot].one : a.slot,
    location: a.shift.session.location,
  };
}

function icsAttachment(assignments: AssignmentWithShift[], name: string): Attachment {
  return { filename: "shifts.ics", contentType: "text/calendar; charset=utf-8; method=PUBLISH", content: shiftsToIcs(assignments.map(toCalendarShift), name) };
}

/** The invitation or new-link email; the co-ordinator also sees the link on screen. */
export async function queueSignInLink(userId: string, token: string, invitation: boolean) {
  const user = await prisma.user.findUniqueOrThrow({ where: { id: userId }, select: { email: true, name: true, centre: { select: { id: true, name: true } } } });
  const centre = user.centre;
  const link = `${env().APP_URL}/set-password/${token}`;
  return queueEmail({
    centreId: centre.id, toEmail: user.email, toName: user.name, template: invitation ? "invitation" : "sign-in-link",
    subject: subjectForLink({ centreName: centre.name, invitation }),
    react: createElement(SignInLink, { name: user.name.split(" ")[0], centreName: centre.name, link, validDays: LINK_VALID_DAYS, invitation }),
    dedupeKey: `link:${token.slice(0, 16)}`,
  });
}

const ASSIGNMENT_INCLUDE = {
  person: { select: { id: true, firstName: true, email: true } },
  shift: { include: { session: { select: { name: true, location: true } }, rota: { select: { centreId: true, centre: { select: { id: true, name: true } } } } } },
} as const;

/**
 * When a rota is published (inside the publishing transaction): each person on it gets their
 * shifts with an .ics file, once, leaving out any placement that no longer stands on its date.
 */
export async function queueRotaPublished(tx: Db, rotaId: string) {
  const rota = await tx.rota.findUniqueOrThrow({ where: { id: rotaId }, include: { centre: { select: { id: true, name: true } } } });
  const all = await tx.shiftAssignment.findMany({
    where: { shift: { rotaId }, status: "assigned" }, include: ASSIGNMENT_INCLUDE, orderBy: { shift: { startsAt: "asc" } },
  });
  const voids = await checkPlacements(tx, rota.centreId, all.map((a) => ({ ...a.shift, assignments: [a] })));
  const assignments = all.filter((a) => !voids.has(a.id));
  const byPerson = new Map<string, typeof assignments>();
  for (const a of assignments) byPerson.set(a.personId, [...(byPerson.get(a.personId) ?? []), a]);
  let queued = 0;
  for (const list of byPerson.values()) {
    const person = list[0].person;
    if (!person.email) continue;
    const period = `${formatUkDate(rota.startsOn)} to ${formatUkDate(rota.endsOn)}`;
    const id = await queueEmail({
      centreId: rota.centre.id, toEmail: person.email, toName: person.firstName, template: "rota-published",
      subject: subjectForRota({ period, shifts: list.map(shiftLine) }),
      react: createElement(RotaPublished, { name: person.firstName, centreName: rota.centre.name, period, shifts: list.map(shiftLine), appUrl: env().APP_URL }),
      attachments: [icsAttachment(list, `${rota.centre.name} shifts`)],
      dedupeKey: `rota:${rotaId}:${person.id}`,
    }, tx);
    if (id) queued++;
  }
  return queued;
}

/** Shifts starting within `days` days: a reminder each, once. */
export async function queueShiftReminders(centreId: string, from: string, to: string, dryRun: boolean) {
  const all = await prisma.shiftAssignment.findMany({
    where: { status: "assigned", shift: { date: { gte: from, lte: to }, rota: { centreId, status: "published" } } },
    include: ASSIGNMENT_INCLUDE,
  });
  // Nobody is reminded of a shift they may no longer do.
  const voids = await checkPlacements(prisma, centreId, all.map((a) => ({ ...a.shift, assignments: [a] })));
  const assignments = all.filter((a) => !voids.has(a.id));
  const would: { to: string; subject: string }[] = [];
  let queued = 0;
  for (const a of assignments) {
    if (!a.person.email) continue;
    const line = shiftLine(a);
    const subject = subjectForShift({ shift: line });
    const dedupeKey = `shift:${a.id}:${a.shift.date}`;
    if (dryRun) {
      if (!(await alreadyQueued(dedupeKey))) would.push({ to: a.person.email, subject });
      continue;
    }
    const id = await queueEmail({
      centreId, toEmail: a.person.email, toName: a.person.firstName, template: "shift-reminder", subject,
      react: createElement(ShiftReminder, { name: a.person.firstName, centreName: a.shift.rota.centre.name, shift: line, appUrl: env().APP_URL }),
      attachments: [icsAttachment([a], "My shift")],
      dedupeKey,
    });
    if (id) queued++;
  }
  return { queued, would };
}
