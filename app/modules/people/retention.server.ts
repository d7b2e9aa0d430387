/**
 * Leavers due for removal, and removing their personal data when their retention period ends.
 * Removal anonymises rather than deletes: the person, their roles, dates, DBS outcomes, training
 * dates and shifts stay (the centre's counts and history hold), while names, contact details,
 * certificate numbers, referees and free text go, and so does any trace of them in the audit log.
 */
import { prisma } from "~/db.server";
import { recordAudit, type Actor } from "~/modules/audit/audit.server";
import { clock } from "~/utils/clock.server";
import { addDaysIso, formatUkDate, type IsoDate } from "~/utils/dates";
import { fullName } from "./people.server";
import { retentionStanding } from "./retention";

/** How far ahead the page lists people who will soon be due. */
export const UPCOMING_DAYS = 90;

/** What a removed person is called everywhere from then on: distinct, and says what happened. */
const removedName = (personId: string) => ({ firstName: "Removed", lastName: `person ${personId.slice(-6)}` });
const REDACTED_SUMMARY = "Personal data removed when the person's retention period ended";
const REMOVED_USER = "A removed user";
const REMOVED_MENTION = "a removed person";

export async function retentionOverview(centreId: string, today: IsoDate) {
  const centre = await prisma.centre.findUniqueOrThrow({ where: { id: centreId }, select: { leaverRetentionYears: true } });
  const people = await prisma.person.findMany({
    where: { centreId, OR: [{ status: "left" }, { anonymisedAt: { not: null } }] },
    select: { id: true, firstName: true, lastName: true, status: true, leftOn: true, anonymisedAt: true },
    orderBy: [{ leftOn: "asc" }, { lastName: "asc" }],
  });
  const upcomingUntil = addDaysIso(today, UPCOMING_DAYS);
  const listed = people.map((p) => ({ id: p.id, name: fullName(p), leftOn: p.leftOn, standing: retentionStanding(p, centre.leaverRetentionYears, today, upcomingUntil) }));
  const withDue = (code: "due" | "upcoming") =>
    listed.flatMap((p) => (p.standing.code === code ? [{ id: p.id, name: p.name, leftOn: p.leftOn!, dueOn: p.standing.dueOn }] : []));
  return {
    years: centre.leaverRetentionYears,
    due: withDue("due"),
    upcoming: withDue("upcoming"),
    removed: listed.filter((p) => p.standing.code === "removed").length,
  };
}

export type RemovalResult =
  | { ok: true; name: string; auditEntriesRedacted: number }
  | { ok: false; code: "not-due" | "already-removed"; dueOn: IsoDate | null };

const escapeRegExp = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");

/**
 * Remove a leaver's personal data, if their retention period has ended on `today` (checked again
 * here, inside the transaction, whoever asks). Audited, without the data removed.
 */
export async function removePersonalData(actor: Actor, personId: string, today: IsoDate): Promise<RemovalResult> {
  const now = clock.now();
  return prisma.$transaction(async (tx): Promise<RemovalResult> => {
    const person = await tx.person.findFirst({ where: { id: personId, centreId: actor.centreId }, include: { user: { select: { id: true, disabledAt: true, email: true, name: true } } } });
    if (!person) throw new Response("Person not found", { status: 404 });
    const centre = await tx.centre.findUniqueOrThrow({ where: { id: actor.centreId }, select: { leaverRetentionYears: true } });
    const standing = retentionStanding(person, centre.leaverRetentionYears, today, today);
    if (standing.code === "removed") return { ok: false, code: "already-removed", dueOn: null };
    if (standing.code !== "due") return { ok: false, code: "not-due", dueOn: standing.dueOn };
    const name = fullName(person);
    const user = person.user;

    await tx.person.update({
      where: { id: personId },
      data: {
        ...removedName(personId), email: null, phone: null, conflictNote: null, emailToken: null, calendarToken: null,
        preferredDays: "", serveEveryWeeks: null, usesCentreForOwnFamily: false, shiftReminderEmails: false, rotaEmails: false, openShiftEmails: false,
        anonymisedAt: now,
      },
    });
    // What stays is what the centre's counts need: levels, outcomes and dates.
    await tx.dbsCheck.updateMany({ where: { personId }, data: { certificateNumber: "", enteredInErrorReason: null } });
    await tx.reference.updateMany({ where: { personId }, data: { refereeName: "", relationship: "", contact: "", notes: null, enteredInErrorReason: null } });
    await tx.trainingRecord.updateMany({ where: { personId }, data: { evidenceNote: null, enteredInErrorReason: null } });
    await tx.shiftAssignment.updateMany({ where: { personId }, data: { note: "" } });
    await tx.swapRequest.updateMany({ where: { askedById: personId }, data: { note: "" } });
    await tx.unavailability.deleteMany({ where: { personId } });
    await tx.emailMessage.deleteMany({ where: { centreId: actor.centreId, OR: [{ personId }, ...(user ? [{ userId: user.id }] : [])] } });
    if (user) {
      await tx.userSession.deleteMany({ where: { userId: user.id } });
      await tx.recoveryCode.deleteMany({ where: { userId: user.id } });
      await tx.passwordToken.deleteMany({ where: { userId: user.id } });
      await tx.user.update({
        where: { id: user.id },
        data: {
          email: `removed-${user.id}@removed.invalid`, name: REMOVED_USER, passwordHash: null, totpSecret: null, totpEnabledAt: null, totpLastStep: null,
          emailToken: null, disabledAt: user.disabledAt ?? now,
        },
      });
    }

    // The audit trail keeps every entry in its place; only the personal data in them goes.
    // Entries from before the hash chain began are left alone: changing one would break the chain's start.
    const chained = { centreId: actor.centreId, seq: { not: null } };
    await tx.auditEvent.updateMany({ where: { ...chained, personId }, data: { summary: REDACTED_SUMMARY, changes: "[]", redactedAt: now } });
    if (user) await tx.auditEvent.updateMany({ where: { ...chained, actorUserId: user.id }, data: { actorName: REMOVED_USER, redactedAt: now } });
    // (A plain NOT would also skip entries about nobody in particular: SQL's NULL is never "not" anything.)
    const aboutOthers = { OR: [{ personId: null }, { personId: { not: personId } }] };
    const mentions = [...new Set([name, user?.name, person.email, user?.email])].filter((m): m is string => Boolean(m && m.length >= 3));
    const pattern = new RegExp(mentions.map(escapeRegExp).join("|"), "gi");
    const mentioning = await tx.auditEvent.findMany({
      where: { ...chained, AND: [aboutOthers, { OR: mentions.flatMap((m) => [{ summary: { contains: m } }, { changes: { contains: m } }]) }] },
      select: { id: true, summary: true, changes: true },
    });
    for (const entry of mentioning) {
      const summary = entry.summary.replace(pattern, REMOVED_MENTION);
      const changes = entry.changes.replace(pattern, REMOVED_MENTION);
      // LIKE reads an _ or % in a name or address as a wildcard, so it finds a few that only look alike.
      if (summary === entry.summary && changes === entry.changes) continue;
      await tx.auditEvent.update({ where: { id: entry.id }, data: { summary, changes, redactedAt: now } });
    }
    const redacted = await tx.auditEvent.count({ where: { centreId: actor.centreId, redactedAt: now } });

    const [dbs, references, training, shifts] = await Promise.all([
      tx.dbsCheck.count({ where: { personId } }), tx.reference.count({ where: { personId } }),
      tx.trainingRecord.count({ where: { personId } }), tx.shiftAssignment.count({ where: { personId } }),
    ]);
    await recordAudit(tx, actor, {
      entityType: "Person", entityId: personId, personId, action: "anonymised",
      summary: `Removed the personal data of a leaver (last day ${formatUkDate(person.leftOn)}; the centre keeps leavers' records ${centre.leaverRetentionYears} years)`,
      changes: [
        { field: "Kept without personal data", from: "", to: `${dbs} DBS checks, ${references} references, ${training} training records, ${shifts} shifts` },
        { field: "Audit entries with personal data removed", from: "", to: String(redacted) },
        ...(user ? [{ field: "Sign-in", from: "", to: "Removed" }] : []),
      ],
    });
    return { ok: true, name, auditEntriesRedacted: redacted };
  }, { timeout: 60_000 });
}
