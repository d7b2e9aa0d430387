/**
 * One reminder run, shared by `npm run reminders` (cron) and the co-ordinators' button: pick the
 * reminders due, queue them (one by one, or in a weekly summary on the centre's chosen weekday),
 * the co-ordinators' weekly digests and shift reminders, then deliver what is waiting.
 * Idempotent: every email has a dedupe key. Only one run at a time: a second one waits for the
 * first briefly, then stops, saying so.
 */
import type { Transporter } from "nodemailer";
import { prisma } from "~/db.server";
import { centreCompliance } from "~/modules/compliance/compliance.server";
import { isOutstanding } from "~/modules/compliance/rules";
import { deliverQueued, queueEmails, removeSensitiveBodies, queuedKeys, smtpConfigured, waitingFilter, type DeliverySummary, type QueuedEmail } from "~/modules/email/outbox.server";
import { shiftReminderEmails } from "~/modules/email/notices.server";
import { subjects } from "../../../emails/subjects";
import { addDaysIso, londonToday, type IsoDate } from "~/utils/dates";
import { clock } from "~/utils/clock.server";
import { WEEKDAYS } from "~/modules/rota/recurrence";
import { withJobLock } from "./job-lock.server";
import { nextStep, parseLeadDays, selectReminders, weekOf, whenWords, type DueReminder } from "./select";
import { digestSubject } from "./digest.server";
import { openShiftAnnouncements, queueOpenShiftAnnouncements } from "~/modules/rota/self-service.server";

export const SHIFT_REMINDER_DAYS = 2;
const DAY_MS = 24 * 60 * 60 * 1000;

export type RunSummary = {
  dryRun: boolean;
  /** Another run held the lock: this one did nothing. */
  alreadyRunning: { since: Date } | null;
  remindersQueued: number;
  summariesQueued: number;
  withoutEmail: number;
  digestsQueued: number;
  shiftRemindersQueued: number;
  /** Daily "shifts you could take" emails, to those who asked for them. */
  openShiftEmailsQueued: number;
  /** Sent digests whose content was removed this run, their centre's period having passed. */
  bodiesRemoved: number;
  /** Dry run: what the real run would send now, queued before or new. */
  wouldSend: { to: string; subject: string; queuedBefore: boolean }[];
  smtpConfigured: boolean;
  delivery: DeliverySummary | null;
};

type RunOptions = { now?: Date; dryRun?: boolean; centreId?: string; transport?: Transporter | null };

/** The weekday ("MO".."SU") of an ISO date. */
function weekdayOf(date: IsoDate) {
  return WEEKDAYS[(new Date(`${date}T12:00:00Z`).getUTCDay() + 6) % 7];
}

/** All the emails a run would queue for one centre now, with the reminders each one tells. */
async function emailsDue(centre: { id: string; name: string; reminderLeadDays: string; summaryWeekday: string }, today: IsoDate, now: Date, sent: ReadonlySet<string>) {
  const week = weekOf(today);
  const summaryDay = weekdayOf(today) === centre.summaryWeekday;
  const [{ rows }, people, coordinators] = await Promise.all([
    centreCompliance(centre.id, today),
    prisma.person.findMany({ where: { centreId: centre.id }, select: { id: true, firstName: true, email: true, reminderMode: true } }),
    prisma.user.findMany({ where: { centreId: centre.id, accessRole: "coordinator", disabledAt: null }, select: { id: true, name: true, email: true, digestEmails: true } }),
  ]);
  const personById = new Map(people.map((p) => [p.id, p]));
  const emails: { email: QueuedEmail; tells: DueReminder[]; kind: "reminder" | "summary" | "digest" | "shift" }[] = [];
  let withoutEmail = 0;

  // Single reminders, at the centre's lead times, each stage once.
  const due = selectReminders(
    rows.filter((r) => personById.get(r.id)?.reminderMode !== "weekly").map((r) => ({ personId: r.id, name: r.name, email: personById.get(r.id)?.email ?? null, mode: "individual", compliance: r.compliance })),
    parseLeadDays(centre.reminderLeadDays), today, sent,
  );
  for (const r of due) {
    const person = personById.get(r.personId)!;
    if (!person.email) {
      withoutEmail++;
      continue;
    }
    const item = { requirement: r.requirement, when: whenWords(r), nextStep: nextStep(r.kind), overdue: r.daysLeft < 0 };
    emails.push({
      kind: "reminder", tells: [r],
      email: {
        centreId: centre.id, toEmail: person.email, toName: person.firstName, template: "expiry-reminder", personId: person.id,
        subject: subjects.reminder({ items: [item], weekly: false }), params: { items: [{ key: r.requirementKey, expiresOn: r.expiresOn }] },
        dedupeKey: `reminder:${r.key}`, expiresAt: new Date(now.getTime() + 7 * DAY_MS),
      },
    });
  }

  // Weekly summaries: on the centre's weekday, everything due, out of date or not done, for those who chose them.
  if (summaryDay) {
    for (const row of rows) {
      const person = personById.get(row.id)!;
      if (person.reminderMode !== "weekly" || !row.compliance.counted) continue;
      const outstanding = row.compliance.requirements.filter((q) => isOutstanding(q.status) || q.status === "due");
      if (!outstanding.length) continue;
      if (!person.email) {
        withoutEmail++;
        continue;
      }
      const items = outstanding.map((q) => ({ requirement: q.label, when: "", overdue: q.status !== "due", state: q.status === "due" ? "due" as const : q.validUntil || q.lapsedOn ? "overdue" as const : "missing" as const }));
      emails.push({
        kind: "summary", tells: [],
        email: {
          centreId: centre.id, toEmail: person.email, toName: person.firstName, template: "weekly-summary", personId: person.id,
          subject: subjects.reminder({ items, weekly: true }), params: { week }, dedupeKey: `summary:${person.id}:${week}`,
          expiresAt: new Date(now.getTime() + 6 * DAY_MS),
        },
      });
    }
  }

  // Co-ordinators' weekly digest, on the same weekday.
  if (summaryDay) {
    const subject = await digestSubject(centre.id, today, week, rows);
    for (const c of coordinators) {
      if (!c.digestEmails && coordinators.length > 1) continue;
      emails.push({
        kind: "digest", tells: [],
        email: {
          centreId: centre.id, toEmail: c.email, toName: c.name, template: "coordinator-digest", userId: c.id, subject,
          params: { week }, dedupeKey: `digest:${c.id}:${week}`, expiresAt: new Date(now.getTime() + 6 * DAY_MS),
        },
      });
    }
  }

  for (const email of await shiftReminderEmails(centre.id, today, addDaysIso(today, SHIFT_REMINDER_DAYS))) emails.push({ kind: "shift", tells: [], email });
  return { emails, withoutEmail };
}

export async function runReminders(options: RunOptions = {}): Promise<RunSummary> {
  const now = options.now ?? clock.now();
  const dryRun = options.dryRun ?? false;
  const summary: RunSummary = {
    dryRun, alreadyRunning: null, remindersQueued: 0, summariesQueued: 0, withoutEmail: 0, digestsQueued: 0, shiftRemindersQueued: 0, openShiftEmailsQueued: 0, bodiesRemoved: 0,
    wouldSend: [], smtpConfigured: options.transport === undefined ? smtpConfigured() : options.transport !== null, delivery: null,
  };
  const run = async () => {
    const today = londonToday(now);
    const centres = await prisma.centre.findMany({ where: options.centreId ? { id: options.centreId } : {}, select: { id: true, name: true, reminderLeadDays: true, summaryWeekday: true, sensitiveEmailDays: true } });
    const sent = new Set((await prisma.reminderSent.findMany({ select: { key: true } })).map((r) => r.key));
    for (const centre of centres) {
      const { emails, withoutEmail } = await emailsDue(centre, today, now, sent);
      summary.withoutEmail += withoutEmail;
      if (dryRun) {
        const due = [...emails.map((e) => e.email), ...(await openShiftAnnouncements(centre.id, now))];
        const before = await queuedKeys(due.map((e) => e.dedupeKey));
        summary.wouldSend.push(...due.filter((e) => !before.has(e.dedupeKey)).map((e) => ({ to: e.toEmail, subject: e.subject, queuedBefore: false })));
        continue;
      }
      // The emails and the record of which reminders they tell are written together.
      const queued = await prisma.$transaction(async (tx) => {
        const ids = await queueEmails(emails.map((e) => e.email), tx);
        const told = emails.filter((e) => ids.has(e.email.dedupeKey)).flatMap((e) => e.tells.map((r) => ({ key: r.key, messageId: ids.get(e.email.dedupeKey)! })));
        for (let i = 0; i < told.length; i += 500) await tx.reminderSent.createMany({ data: told.slice(i, i + 500) });
        return ids;
      }, { timeout: 120_000 });
      for (const e of emails) {
        if (!queued.has(e.email.dedupeKey)) continue;
        if (e.kind === "reminder") summary.remindersQueued++;
        if (e.kind === "summary") summary.summariesQueued++;
        if (e.kind === "digest") summary.digestsQueued++;
        if (e.kind === "shift") summary.shiftRemindersQueued++;
        for (const r of e.tells) sent.add(r.key);
      }
      summary.openShiftEmailsQueued += await queueOpenShiftAnnouncements(centre.id, now);
      summary.bodiesRemoved += await removeSensitiveBodies(centre, now);
    }
    if (dryRun) {
      // Waiting from before (queued, or due a retry) and still worth sending: the real run sends these too.
      const waiting = await prisma.emailMessage.findMany({
        where: { ...(options.centreId ? { centreId: options.centreId } : {}), ...waitingFilter(now) },
        orderBy: { createdAt: "asc" }, select: { toEmail: true, subject: true },
      });
      summary.wouldSend.unshift(...waiting.map((m) => ({ to: m.toEmail, subject: m.subject, queuedBefore: true })));
    } else {
      summary.delivery = await deliverQueued({ transport: options.transport, now, centreId: options.centreId });
    }
  };
  if (dryRun) await run();
  else {
    const lock = await withJobLock("reminders", now, run);
    if (!lock.ran) summary.alreadyRunning = { since: lock.heldSince };
  }
  return summary;
}

export function describeRun(s: RunSummary): string[] {
  if (s.alreadyRunning) return [`Another reminder run has been going since ${s.alreadyRunning.since.toISOString()}; this one stopped without doing anything.`];
  if (s.dryRun) {
    const before = s.wouldSend.filter((w) => w.queuedBefore).length;
    return [
      `Dry run: ${s.wouldSend.length} email(s) would be sent (${before} already waiting, ${s.wouldSend.length - before} new).`,
      ...(s.smtpConfigured ? [] : ["No mail server is configured (SMTP_URL): they would be kept in the outbox."]),
      ...s.wouldSend.map((w) => `  to ${w.to}: ${w.subject}${w.queuedBefore ? " (waiting)" : ""}`),
    ];
  }
  const lines = [
    `Reminders queued: ${s.remindersQueued} single, ${s.summariesQueued} weekly summaries`,
    `Co-ordinator digests queued: ${s.digestsQueued}`,
    `Shift reminders queued: ${s.shiftRemindersQueued}`,
    `Open-shift emails queued: ${s.openShiftEmailsQueued}`,
  ];
  if (s.bodiesRemoved) lines.push(`Sent digests past the centre's keeping period, content removed: ${s.bodiesRemoved}`);
  if (s.withoutEmail) lines.push(`Not sent, no email address on record: ${s.withoutEmail}`);
  const d = s.delivery;
  if (d) {
    if (!s.smtpConfigured) lines.push(`No mail server configured (SMTP_URL): ${d.held} message(s) kept in the outbox`);
    else lines.push(`Delivered: ${d.sent} sent, ${d.failed} failed (will be retried until they expire)`);
    if (d.cancelled) lines.push(`Not sent because they no longer applied: ${d.cancelled}`);
    if (d.expired) lines.push(`Expired without being sent (too late to be worth it): ${d.expired}`);
    if (d.stoppedAfterFailures) lines.push(`Stopped after ${d.failed} failures in a row: the mail server is not answering. ${d.leftQueued} message(s) left queued for the next run.`);
  }
  return lines;
}

