/**
 * Every email goes through the outbox table. A message is queued with what it is about (its
 * kind and params), a dedupe key (so the same reminder or notice is never queued twice) and the
 * time after which it is no longer worth sending. It is rendered from current facts, with the
 * current APP_URL, only when it is sent (./kinds.server.ts): a reminder says how many days are
 * left on the day it leaves, a shift reminder is not sent once the shift is over or no longer
 * theirs, and a sign-in link is made at that moment (so no live link is ever stored).
 *
 * With SMTP configured, nodemailer sends over one pooled connection; a failure is retried later
 * (5 minutes, then doubling, at most daily) until the message expires, and a run stops after a
 * few failures in a row, leaving the rest queued. Without SMTP, messages stay in the outbox,
 * where co-ordinators read them.
 */
import type { Transporter } from "nodemailer";
import type { ReactElement } from "react";
import { Prisma } from "@prisma/client";
import { prisma } from "~/db.server";
import { emailAddressOf, env } from "~/env.server";
import { clock } from "~/utils/clock.server";
import { asDate, readRows } from "~/utils/sql-read.server";
import type { Db } from "~/modules/compliance/compliance.server";
import { retryDelayMinutes } from "./retry";
import { afterResponse } from "~/utils/after-response.server";
import { loadEmailComponents } from "../../../emails/components";

export type Attachment = { filename: string; contentType: string; content: string };

export type QueuedEmail = {
  centreId: string;
  toEmail: string;
  toName: string;
  template: string;
  /** As listed in the Outbox until it is sent. */
  subject: string;
  params: Record<string, unknown>;
  dedupeKey: string;
  expiresAt: Date;
  personId?: string | null;
  userId?: string | null;
};

/** Render an email to HTML and plain text. The renderer is loaded only when mail is rendered. */
export async function renderEmail(react: ReactElement) {
  const [{ render, toPlainText }] = await Promise.all([import("@react-email/render"), loadEmailComponents()]);
  const html = await render(react);
  return { html, text: toPlainText(html) };
}

/** Which of these dedupe keys were ever queued: dry runs ask this, and queueing checks it. */
export async function queuedKeys(keys: string[], db: Db = prisma): Promise<Set<string>> {
  const found = new Set<string>();
  for (let i = 0; i < keys.length; i += 500) {
    const rows = await db.emailMessage.findMany({ where: { dedupeKey: { in: keys.slice(i, i + 500) } }, select: { dedupeKey: true } });
    for (const row of rows) found.add(row.dedupeKey);
  }
  return found;
}

/**
 * Queue emails unless one with the same key exists. Returns the new messages' ids by dedupe key.
 * Nothing is rendered here, so a thousand reminders queue in moments.
 */
export async function queueEmails(emails: QueuedEmail[], db: Db = prisma): Promise<Map<string, string>> {
  const already = await queuedKeys(emails.map((e) => e.dedupeKey), db);
  const fresh = [...new Map(emails.filter((e) => !already.has(e.dedupeKey)).map((e) => [e.dedupeKey, e])).values()];
  const now = clock.now();
  const ids = new Map<string, string>();
  for (let i = 0; i < fresh.length; i += 200) {
    const batch = fresh.slice(i, i + 200).map((e) => ({
      id: `msg_${crypto.randomUUID()}`,
      centreId: e.centreId, toEmail: e.toEmail, toName: e.toName, template: e.template, subject: e.subject,
      params: JSON.stringify(e.params), dedupeKey: e.dedupeKey, expiresAt: e.expiresAt, personId: e.personId ?? null, userId: e.userId ?? null,
      createdAt: now, nextAttemptAt: now,
    }));
    await db.emailMessage.createMany({ data: batch });
    for (const row of batch) ids.set(row.dedupeKey, row.id);
  }
  return ids;
}

/** Queue one email; returns its id, or null when one with its key was queued before. */
export async function queueEmail(email: QueuedEmail, db: Db = prisma): Promise<string | null> {
  try {
    return (await queueEmails([email], db)).get(email.dedupeKey) ?? null;
  } catch (error) {
    // Another run queued it between our check and our insert: that is the same email.
    if (error instanceof Prisma.PrismaClientKnownRequestError && error.code === "P2002") return null;
    throw error;
  }
}

let cachedTransport: Transporter | null | undefined;

/** The SMTP transport from SMTP_URL (one pooled connection, short time-outs), or null for the outbox default. */
export async function transportFromEnv(): Promise<Transporter | null> {
  if (cachedTransport !== undefined) return cachedTransport;
  const url = env().SMTP_URL;
  if (!url) return (cachedTransport = null);
  const nodemailer = (await import("nodemailer")).default;
  // A mail server that accepts connections and never answers must not hold a run for minutes.
  const options = "pool=true&maxConnections=1&connectionTimeout=10000&greetingTimeout=10000&socketTimeout=15000";
  cachedTransport = nodemailer.createTransport(`${url}${url.includes("?") ? "&" : "?"}${options}`);
  return cachedTransport;
}

/** Close the pooled connection (at the end of a command-line run, so the process can exit). */
export function closeTransport() {
  cachedTransport?.close();
  cachedTransport = undefined;
}

export function smtpConfigured() {
  return Boolean(env().SMTP_URL);
}

export type DeliverySummary = { sent: number; failed: number; held: number; expired: number; cancelled: number; stoppedAfterFailures: boolean; leftQueued: number };

/** A message claimed longer ago than this by a run that died is tried again. */
const STALE_CLAIM_MS = 10 * 60 * 1000;
/** A run stops after this many failures in a row: the mail server is down or not answering. */
export const MAX_FAILURES_IN_A_ROW = 3;

/** Messages past their useful life are kept, marked expired, and never sent. */
export async function expireStale(now: Date, db: Db = prisma) {
  const expired = await db.emailMessage.updateMany({
    where: { status: { in: ["queued", "failed"] }, expiresAt: { lte: now } },
    data: { status: "expired", closedReason: "expired" },
  });
  return expired.count;
}

/** What a run would try to send now: new, due for a retry, or abandoned by a run that died. */
export function waitingFilter(now: Date) {
  return {
    OR: [
      { status: "queued" },
      { status: "failed", nextAttemptAt: { lte: now } },
      { status: "sending", updatedAt: { lt: new Date(now.getTime() - STALE_CLAIM_MS) } },
    ],
    AND: [{ OR: [{ expiresAt: null }, { expiresAt: { gt: now } }] }],
  } satisfies Prisma.EmailMessageWhereInput;
}

type DeliverOptions = { transport?: Transporter | null; now?: Date; centreId?: string };

/** Send every message that is due. Safe to run from several places at once: each message is claimed first. */
export async function deliverQueued({ transport, now = clock.now(), centreId }: DeliverOptions = {}): Promise<DeliverySummary> {
  const { FactsForRun, renderForSending } = await import("./kinds.server");
  const summary: DeliverySummary = { sent: 0, failed: 0, held: 0, expired: await expireStale(now), cancelled: 0, stoppedAfterFailures: false, leftQueued: 0 };
  const mailer = transport === undefined ? await transportFromEnv() : transport;
  const scope = centreId ? { centreId } : {};
  if (!mailer) {
    summary.held = await prisma.emailMessage.count({ where: { ...scope, status: { in: ["queued", "failed"] } } });
    return summary;
  }
  const from = env().EMAIL_FROM ?? "Contact centre rota <no-reply@localhost>";
  const due = await prisma.emailMessage.findMany({ where: { ...scope, ...waitingFilter(now) }, orderBy: { createdAt: "asc" } });
  const facts = new FactsForRun(due);
  let failuresInARow = 0;
  for (const [index, message] of due.entries()) {
    const claimed = await prisma.emailMessage.updateMany({ where: { id: message.id, status: message.status, updatedAt: message.updatedAt }, data: { status: "sending" } });
    if (claimed.count !== 1) continue;
    const outcome = await renderForSending(message, { now, dryRun: false, facts });
    if ("cancel" in outcome) {
      await prisma.emailMessage.update({ where: { id: message.id }, data: { status: "cancelled", closedReason: outcome.cancel } });
      summary.cancelled++;
      continue;
    }
    try {
      await mailer.sendMail({
        from,
        to: { name: message.toName, address: message.toEmail },
        subject: outcome.subject,
        html: outcome.html,
        text: outcome.text,
        headers: outcome.headers,
        attachments: outcome.attachments.map((a) => ({ filename: a.filename, contentType: a.contentType, content: a.content })),
      });
      await prisma.emailMessage.update({
        where: { id: message.id },
        data: {
          status: "sent", sentAt: clock.now(), attempts: { increment: 1 }, lastError: null, subject: outcome.subject,
          html: outcome.storedHtml, text: outcome.storedText, attachments: JSON.stringify(outcome.attachments),
        },
      });
      summary.sent++;
      failuresInARow = 0;
    } catch (error) {
      const attempts = message.attempts + 1;
      await prisma.emailMessage.update({
        where: { id: message.id },
        data: {
          status: "failed", attempts, lastError: (error instanceof Error ? error.message : String(error)).slice(0, 500),
          nextAttemptAt: new Date(now.getTime() + retryDelayMinutes(attempts) * 60_000),
        },
      });
      summary.failed++;
      if (++failuresInARow >= MAX_FAILURES_IN_A_ROW) {
        summary.stoppedAfterFailures = true;
        summary.leftQueued = due.length - index - 1;
        break;
      }
    }
  }
  return summary;
}

/** Deliver in the background after a user's action, so a slow mail server never holds up a page. */
export function deliverSoon() {
  if (!smtpConfigured()) return;
  afterResponse(() => deliverQueued().catch((error) => console.error("Email delivery failed; messages stay in the outbox for the next run:", error)));
}

// The list's columns only: a message's bodies and attachments can be large.
const OUTBOX_SQL = `SELECT id, toEmail, toName, template, subject, status, closedReason, attempts, lastError, createdAt, sentAt, expiresAt
  FROM EmailMessage WHERE centreId = ? AND (? IS NULL OR status = ?) ORDER BY createdAt DESC, rowid DESC LIMIT 200`;

type OutboxRow = {
  id: string; toEmail: string; toName: string; template: string; subject: string; status: string;
  closedReason: string | null; attempts: number; lastError: string | null; createdAt: unknown; sentAt: unknown; expiresAt: unknown;
};

/** The newest 200 messages of the centre (of one status, if given): a prepared read, for the Outbox page. */
export async function listOutbox(centreId: string, status?: string) {
  const rows = await readRows<OutboxRow>(prisma, OUTBOX_SQL, centreId, status ?? null, status ?? null);
  // SQLite gives dates as text.
  return rows.map((m) => ({ ...m, createdAt: asDate(m.createdAt)!, sentAt: asDate(m.sentAt), expiresAt: asDate(m.expiresAt) }));
}

/** The From address's email part, for checks at start-up and in tests. */
export function fromAddress() {
  const from = env().EMAIL_FROM;
  return from ? emailAddressOf(from) : null;
}

/** Templates whose content names people with their DBS outcomes and what they lack. */
export const SENSITIVE_TEMPLATES = ["coordinator-digest"];

/**
 * Once a sent digest is `sensitiveEmailDays` old, the Outbox keeps only who it went to, when and its
 * subject: what it said (names with DBS outcomes) is no longer needed to show it was sent.
 */
export async function removeSensitiveBodies(centre: { id: string; sensitiveEmailDays: number }, now: Date) {
  const { count } = await prisma.emailMessage.updateMany({
    where: {
      centreId: centre.id, template: { in: SENSITIVE_TEMPLATES }, bodyRemovedAt: null,
      sentAt: { lte: new Date(now.getTime() - centre.sensitiveEmailDays * 24 * 60 * 60 * 1000) },
    },
    data: { html: "", text: "", params: "{}", attachments: "[]", bodyRemovedAt: now },
  });
  return count;
}
