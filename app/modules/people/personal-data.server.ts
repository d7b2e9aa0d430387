/**
 * Everything the app holds about one person, for a subject access request (UK GDPR article 15):
 * their record, roles and statuses, checks and training, availability, shifts, swaps, their
 * sign-in (without secrets), the emails sent to them and the audit entries about them.
 *
 * `forSubject`: the copy the person downloads themselves leaves out third parties' data that a
 * co-ordinator would weigh before disclosing (referees' contact details and the centre's notes on
 * references). The co-ordinator's copy has it all, flagged for review.
 */
import { prisma } from "~/db.server";
import { recordAudit, type Actor } from "~/modules/audit/audit.server";
import { clock } from "~/utils/clock.server";
import { fullName } from "./people.server";

export async function personalData(centreId: string, personId: string, { forSubject }: { forSubject: boolean }) {
  const person = await prisma.person.findFirst({
    where: { id: personId, centreId },
    include: {
      centre: { select: { name: true } },
      roles: { orderBy: { startedOn: "asc" } },
      statusChanges: { orderBy: { createdAt: "asc" } },
      dbsChecks: { include: { statusChecks: { orderBy: { checkedOn: "asc" } } }, orderBy: { issuedOn: "asc" } },
      references: { orderBy: { requestedOn: "asc" } },
      trainingRecords: { include: { course: { select: { name: true } } }, orderBy: { completedOn: "asc" } },
      unavailability: { orderBy: { startsOn: "asc" } },
      teamMemberships: { include: { team: { select: { name: true } } } },
      assignments: { include: { shift: { include: { session: { select: { name: true } } } } }, orderBy: { shift: { startsAt: "asc" } } },
      swapsAsked: { include: { assignment: { include: { shift: { include: { session: { select: { name: true } } } } } } } },
      user: { select: { id: true, email: true, name: true, accessRole: true, createdAt: true, lastSignInAt: true, disabledAt: true, totpEnabledAt: true, accessEndsOn: true, digestEmails: true, sessions: { select: { createdAt: true, lastSeenAt: true, userAgent: true, clientAddress: true } } } },
    },
  });
  if (!person) return null;
  const [emails, audit] = await Promise.all([
    prisma.emailMessage.findMany({
      where: { centreId, OR: [{ personId }, ...(person.user ? [{ userId: person.user.id }] : [])] },
      select: { createdAt: true, toEmail: true, subject: true, status: true, sentAt: true },
      orderBy: { createdAt: "asc" },
    }),
    prisma.auditEvent.findMany({ where: { centreId, personId }, select: { at: true, actorName: true, summary: true, changes: true }, orderBy: [{ at: "asc" }, { seq: "asc" }] }),
  ]);
  const shiftName = (shift: { date: string; session: { name: string } }) => `${shift.session.name}, ${shift.date}`;
  return {
    about: `Everything ${person.centre.name}'s rota and compliance app holds about ${fullName(person)}`,
    exportedAt: clock.now().toISOString(),
    forSubject,
    reviewBeforeSending: forSubject ? null : "Referees' contact details and the notes on references are other people's data: decide what to disclose before sending this on.",
    person: {
      firstName: person.firstName, lastName: person.lastName, email: person.email, phone: person.phone, status: person.status,
      startedOn: person.startedOn, leftOn: person.leftOn, usesCentreForOwnFamily: person.usesCentreForOwnFamily, conflictNote: person.conflictNote,
      serveEveryWeeks: person.serveEveryWeeks, preferredDays: person.preferredDays,
      emailChoices: { reminderMode: person.reminderMode, shiftReminders: person.shiftReminderEmails, rotaEmails: person.rotaEmails, openShiftEmails: person.openShiftEmails },
      recordCreatedAt: person.createdAt.toISOString(),
    },
    roles: person.roles.map((r) => ({ role: r.role, startedOn: r.startedOn, endedOn: r.endedOn })),
    statusHistory: person.statusChanges.map((s) => ({ status: s.status, from: s.effectiveOn })),
    dbsChecks: person.dbsChecks.map((c) => ({
      certificateNumber: c.certificateNumber, issuedOn: c.issuedOn, level: c.level, workforce: c.workforce, childrenBarredListChecked: c.childrenBarredListChecked,
      decision: c.decision, seenBy: c.seenBy, seenOn: c.seenOn, updateServiceSubscribed: c.updateServiceSubscribed,
      updateServiceChecks: c.statusChecks.map((s) => ({ checkedOn: s.checkedOn, result: s.result })),
      enteredInError: inError(c),
    })),
    references: person.references.map((r) => ({
      refereeName: r.refereeName, relationship: r.relationship, requestedOn: r.requestedOn, receivedOn: r.receivedOn, outcome: r.outcome,
      ...(forSubject ? {} : { refereeContact: r.contact, notes: r.notes }),
      enteredInError: inError(r),
    })),
    training: person.trainingRecords.map((t) => ({ course: t.course.name, completedOn: t.completedOn, deliveryMethod: t.deliveryMethod, evidenceNote: t.evidenceNote, enteredInError: inError(t) })),
    datesUnavailable: person.unavailability.map((u) => ({ from: u.startsOn, to: u.endsOn, reason: u.reason })),
    teams: person.teamMemberships.map((m) => m.team.name),
    shifts: person.assignments.map((a) => ({ shift: shiftName(a.shift), as: a.slot, status: a.status, note: a.note, takenOffBecause: a.withdrawnReason })),
    swapRequests: person.swapsAsked.map((s) => ({ shift: shiftName(s.assignment.shift), note: s.note, status: s.status, askedAt: s.createdAt.toISOString() })),
    signIn: person.user ? {
      email: person.user.email, name: person.user.name, access: person.user.accessRole, createdAt: person.user.createdAt.toISOString(),
      lastSignInAt: person.user.lastSignInAt?.toISOString() ?? null, turnedOffAt: person.user.disabledAt?.toISOString() ?? null,
      twoFactorSince: person.user.totpEnabledAt?.toISOString() ?? null, accessEndsOn: person.user.accessEndsOn, weeklyDigest: person.user.digestEmails,
      devicesSignedIn: person.user.sessions.map((s) => ({ since: s.createdAt.toISOString(), lastSeen: s.lastSeenAt.toISOString(), device: s.userAgent, address: s.clientAddress })),
    } : null,
    emailsSent: emails.map((e) => ({ queuedAt: e.createdAt.toISOString(), to: e.toEmail, subject: e.subject, status: e.status, sentAt: e.sentAt?.toISOString() ?? null })),
    changesRecorded: audit.map((e) => ({ at: e.at.toISOString(), by: e.actorName, what: e.summary, changes: JSON.parse(e.changes) as unknown })),
  };
}

function inError(record: { enteredInErrorAt: Date | null; enteredInErrorReason: string | null; enteredInErrorBy: string | null }) {
  return record.enteredInErrorAt ? { at: record.enteredInErrorAt.toISOString(), by: record.enteredInErrorBy, why: record.enteredInErrorReason } : null;
}

export type PersonalData = NonNullable<Awaited<ReturnType<typeof personalData>>>;

/** A co-ordinator looking at or downloading someone's data is itself recorded. */
export async function auditPersonalDataExport(actor: Actor, personId: string, format: "page" | "json") {
  const person = await prisma.person.findUniqueOrThrow({ where: { id: personId }, select: { firstName: true, lastName: true } });
  await prisma.$transaction((tx) => recordAudit(tx, actor, {
    entityType: "Person", entityId: personId, personId, action: "personal-data-exported",
    summary: `${actor.name} ${format === "json" ? "downloaded" : "viewed"} everything held about ${fullName(person)} (subject access)`,
  }));
}

/** The data as a JSON file to download. */
export function personalDataDownload(data: PersonalData) {
  const name = `${data.person.firstName}-${data.person.lastName}`.toLowerCase().replace(/[^a-z0-9]+/g, "-");
  return new Response(JSON.stringify(data, null, 2), {
    headers: { "Content-Type": "application/json; charset=utf-8", "Content-Disposition": `attachment; filename="personal-data-${name}.json"`, "Cache-Control": "no-store" },
  });
}
