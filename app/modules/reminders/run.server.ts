/**
 * One reminder run, shared by `npm run reminders` (cron) and the co-ordinators' button: pick the
 * reminders due, queue them (one by one, or as a weekly summary), the co-ordinators' weekly
 * digest and shift reminders, then deliver. Idempotent: every email has a dedupe key.
 */
import { createElement } from "react";
import { prisma } from "~/db.server";
import { env } from "~/env.server";
import ExpiryReminder, { subjectForReminder, type ReminderItem } from "../../../emails/expiry-reminder";
import CoordinatorDigest, { subjectForDigest } from "../../../emails/coordinator-digest";
import { centreCompliance } from "~/modules/compliance/compliance.server";
import { DUE_WINDOWS, attentionList } from "~/modules/compliance/overview";
import { alreadyQueued, deliverQueued, queueEmail, type DeliverySummary } from "~/modules/email/outbox.server";
import { queueShiftReminders } from "~/modules/email/notices.server";
import { rotaGaps } from "~/modules/rota/rota.server";
import { addDaysIso, formatUkDate, formatUkDateWithDay, londonToday, type IsoDate } from "~/utils/dates";
import type { Transporter } from "nodemailer";
import { nextStep, parseLeadDays, selectReminders, weekOf, whenWords, type DueReminder } from "./select";
import { clock } from "~/utils/clock.server";

export const SHIFT_REMINDER_DAYS = 2;

export type RunSummary = {
  dryRun: boolean;
  remindersQueued: number;
  summariesQueued: number;
  waitingForWeeklySummary: number;
  withoutEmail: number;
  digestsQueued: number;
  shiftRemindersQueued: number;
  wouldSend: { to: string; subject: string }[];
  delivery: DeliverySummary | null;
};

type RunOptions = { now?: Date; dryRun?: boolean; centreId?: string; transport?: Transporter | null };

function items(reminders: DueReminder[]): ReminderItem[] {
  return reminders.map((r) => ({ requirement: r.requirement, when: whenWords(r), nextStep: nextStep(r.kind), overdue: r.daysLeft < 0 }));
}

export async function runReminders(options: RunOptions = {}): Promise<RunSummary> {
  const now = options.now ?? clock.now();
  const dryRun = options.dryRun ?? false;
  const summary: RunSummary = {
    dryRun, remindersQueued: 0, summariesQueued: 0, waitingForWeeklySummary: 0, withoutEmail: 0, digestsQueued: 0, shiftRemindersQueued: 0, wouldSend: [], delivery: null,
  };
  const centres = await prisma.centre.findMany({ where: options.centreId ? { id: options.centreId } : {}, select: { id: true, name: true, reminderLeadDays: true } });
  const sent = new Set((await prisma.reminderSent.findMany({ select: { key: true } })).map((r) => r.key));

  for (const centre of centres) {
    const today = londonToday(now);
    const week = weekOf(today);
    const [{ rows }, people] = await Promise.all([
      centreCompliance(centre.id, today),
      prisma.person.findMany({ where: { centreId: centre.id }, select: { id: true, firstName: true, email: true, reminderMode: true } }),
    ]);
    const personById = new Map(people.map((p) => [p.id, p]));
    const due = selectReminders(
      rows.map((r) => ({ personId: r.id, name: r.name, email: personById.get(r.id)?.email ?? null, mode: personById.get(r.id)?.reminderMode ?? "individual", compliance: r.compliance })),
      parseLeadDays(centre.reminderLeadDays), today, sent,
    );

    const byPerson = new Map<string, DueReminder[]>();
    for (const reminder of due) byPerson.set(reminder.personId, [...(byPerson.get(reminder.personId) ?? []), reminder]);
    for (const [personId, reminders] of byPerson) {
      const person = personById.get(personId)!;
      if (!person.email) {
        summary.withoutEmail += reminders.length;
        continue;
      }
      const weekly = person.reminderMode === "weekly";
      const batches = weekly ? [{ list: reminders, dedupeKey: `summary:${personId}:${week}` }] : reminders.map((r) => ({ list: [r], dedupeKey: `reminder:${r.key}` }));
      for (const batch of batches) {
        const props = { name: person.firstName, centreName: centre.name, items: items(batch.list), weekly, appUrl: env().APP_URL };
        const subject = subjectForReminder(props);
        if (dryRun) {
          if (!(await alreadyQueued(batch.dedupeKey))) summary.wouldSend.push({ to: person.email, subject });
          else if (weekly) summary.waitingForWeeklySummary += batch.list.length;
          continue;
        }
        // The email and the record that its reminders were told are written together.
        const id = await prisma.$transaction((tx) =>
          queueEmail(
            { centreId: centre.id, toEmail: person.email!, toName: person.firstName, template: weekly ? "weekly-summary" : "expiry-reminder", subject, react: createElement(ExpiryReminder, props), dedupeKey: batch.dedupeKey },
            tx,
            async (tx, messageId) => {
              await tx.reminderSent.createMany({ data: batch.list.map((r) => ({ key: r.key, messageId })) });
            },
          ),
        );
        if (id) {
          if (weekly) summary.summariesQueued++;
          else summary.remindersQueued++;
          for (const r of batch.list) sent.add(r.key);
        } else if (weekly) {
          summary.waitingForWeeklySummary += batch.list.length;
        }
      }
    }

    await queueDigests(centre, rows, today, week, dryRun, summary);
    const shifts = await queueShiftReminders(centre.id, today, addDaysIso(today, SHIFT_REMINDER_DAYS), dryRun);
    summary.shiftRemindersQueued += shifts.queued;
    summary.wouldSend.push(...shifts.would);
  }
  if (!dryRun) summary.delivery = await deliverQueued(options.transport === undefined ? undefined : options.transport, now);
  return summary;
}

async function queueDigests(
  centre: { id: string; name: string },
  rows: Awaited<ReturnType<typeof centreCompliance>>["rows"],
  today: IsoDate,
  week: IsoDate,
  dryRun: boolean,
  summary: RunSummary,
) {
  const coordinators = await prisma.user.findMany({ where: { centreId: centre.id, accessRole: "coordinator", disabledAt: null }, select: { id: true, name: true, email: true } });
  if (!coordinators.length) return;
  const attention = attentionList(rows, today);
  const line = (i: { personName: string; requirement: string; reason: string }) => ({ person: i.personName, requirement: i.requirement, detail: i.reason });
  const labels = { 30: "Due in the next 30 days", 60: "Due in 31 to 60 days", 90: "Due in 61 to 90 days" };
  const gaps = (await rotaGaps(centre.id, today, addDaysIso(today, 42), { publishedOnly: false }, today)).short
    .map((s) => ({ when: formatUkDateWithDay(s.date), session: s.session, short: s.short }));
  for (const coordinator of coordinators) {
    const props = {
      name: coordinator.name.split(" ")[0], centreName: centre.name, weekOf: formatUkDate(week), appUrl: env().APP_URL,
      notCleared: attention.notCleared.map((p) => ({ person: p.personName, reason: p.reason })),
      expired: attention.expired.map(line), missing: attention.missing.map(line),
      due: DUE_WINDOWS.map((w) => ({ window: labels[w], lines: attention.due[w].map(line) })),
      gaps,
    };
    const dedupeKey = `digest:${coordinator.id}:${week}`;
    if (dryRun) {
      if (!(await alreadyQueued(dedupeKey))) summary.wouldSend.push({ to: coordinator.email, subject: subjectForDigest(props) });
      continue;
    }
    const id = await queueEmail({
      centreId: centre.id, toEmail: coordinator.email, toName: coordinator.name, template: "coordinator-digest",
      subject: subjectForDigest(props), react: createElement(CoordinatorDigest, props), dedupeKey,
    });
    if (id) summary.digestsQueued++;
  }
}

export function describeRun(s: RunSummary): string[] {
  if (s.dryRun) {
    return [`Dry run: ${s.wouldSend.length} email(s) would be sent.`, ...s.wouldSend.map((w) => `  to ${w.to}: ${w.subject}`)];
  }
  const lines = [
    `Reminders queued: ${s.remindersQueued} single, ${s.summariesQueued} weekly summaries (${s.waitingForWeeklySummary} waiting for next week's summary)`,
    `Co-ordinator digests queued: ${s.digestsQueued}`,
    `Shift reminders queued: ${s.shiftRemindersQueued}`,
  ];
  if (s.withoutEmail) lines.push(`Not sent, no email address on record: ${s.withoutEmail}`);
  if (s.delivery) {
    lines.push(s.delivery.held
      ? `No mail server configured (SMTP_URL): ${s.delivery.held} message(s) kept in the outbox`
      : `Delivered: ${s.delivery.sent} sent, ${s.delivery.failed} failed (will be retried)`);
  }
  return lines;
}
