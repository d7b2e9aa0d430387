/**
 * Every email goes through the outbox table: queued with a dedupe key (so the same reminder or
 * notice is never queued twice), then delivered by nodemailer when SMTP is configured. A failed
 * send stays in the outbox and is retried later; nothing is dropped. With no SMTP configured,
 * messages stay queued and co-ordinators read them in the app (Outbox).
 */
import nodemailer, { type Transporter } from "nodemailer";
import { render } from "@react-email/render";
import type { ReactElement } from "react";
import { Prisma } from "@prisma/client";
import { prisma } from "~/db.server";
import { env } from "~/env.server";
import { retryDelayMinutes } from "./retry";
import { clock } from "~/utils/clock.server";

export type Attachment = { filename: string; contentType: string; content: string };

export type OutgoingEmail = {
  centreId: string;
  toEmail: string;
  toName: string;
  template: string;
  subject: string;
  react: ReactElement;
  attachments?: Attachment[];
  dedupeKey: string;
};

export async function renderEmail(react: ReactElement) {
  const [html, text] = await Promise.all([render(react), render(react, { plainText: true })]);
  return { html, text };
}

type Tx = Prisma.TransactionClient;

/** Whether an email with this key was ever queued: dry runs ask this, and queueing checks it. */
export async function alreadyQueued(dedupeKey: string, tx: Tx = prisma) {
  return Boolean(await tx.emailMessage.findUnique({ where: { dedupeKey }, select: { id: true } }));
}

/** Queue an email unless one with the same key exists. Returns the message id, or null if it was already queued. */
export async function queueEmail(email: OutgoingEmail, tx: Tx = prisma, extra?: (tx: Tx, messageId: string) => Promise<void>): Promise<string | null> {
  if (await alreadyQueued(email.dedupeKey, tx)) return null;
  const { html, text } = await renderEmail(email.react);
  try {
    const message = await tx.emailMessage.create({
      data: {
        centreId: email.centreId, toEmail: email.toEmail, toName: email.toName, template: email.template, subject: email.subject,
        html, text, attachments: JSON.stringify(email.attachments ?? []), dedupeKey: email.dedupeKey,
      },
    });
    await extra?.(tx, message.id);
    return message.id;
  } catch (error) {
    // Another run queued it between our check and our insert: that is the same email, so skip it.
    if (error instanceof Prisma.PrismaClientKnownRequestError && error.code === "P2002") return null;
    throw error;
  }
}

let cachedTransport: Transporter | null | undefined;

/** The SMTP transport from SMTP_URL, or null when none is configured (the outbox default). */
export function transportFromEnv(): Transporter | null {
  if (cachedTransport !== undefined) return cachedTransport;
  const url = env().SMTP_URL;
  // Short timeouts: a mail server that hangs must not hold a reminder run for minutes.
  const withTimeouts = url ? `${url}${url.includes("?") ? "&" : "?"}connectionTimeout=10000&greetingTimeout=10000&socketTimeout=20000` : null;
  cachedTransport = withTimeouts ? nodemailer.createTransport(withTimeouts) : null;
  return cachedTransport;
}

export type DeliverySummary = { sent: number; failed: number; held: number };

/** A message claimed longer ago than this by a run that died is tried again. */
const STALE_CLAIM_MS = 10 * 60 * 1000;

/** Send every message that is due. Safe to run from several places at once: each message is claimed first. */
export async function deliverQueued(transport: Transporter | null = transportFromEnv(), now = clock.now(), from = env().EMAIL_FROM): Promise<DeliverySummary> {
  // New messages go at once; failed ones wait for their back-off; a claim abandoned by a run that died is retried.
  const waiting = {
    OR: [
      { status: "queued" },
      { status: "failed", nextAttemptAt: { lte: now } },
      { status: "sending", updatedAt: { lt: new Date(now.getTime() - STALE_CLAIM_MS) } },
    ],
  };
  if (!transport) return { sent: 0, failed: 0, held: await prisma.emailMessage.count({ where: { status: { in: ["queued", "failed"] } } }) };
  const due = await prisma.emailMessage.findMany({ where: waiting, orderBy: { createdAt: "asc" } });
  const summary: DeliverySummary = { sent: 0, failed: 0, held: 0 };
  for (const message of due) {
    const claimed = await prisma.emailMessage.updateMany({ where: { id: message.id, status: message.status, updatedAt: message.updatedAt }, data: { status: "sending" } });
    if (claimed.count !== 1) continue;
    try {
      await transport.sendMail({
        from: from ?? "Contact centre rota <no-reply@localhost>",
        to: { name: message.toName, address: message.toEmail },
        subject: message.subject,
        html: message.html,
        text: message.text,
        attachments: (JSON.parse(message.attachments) as Attachment[]).map((a) => ({ filename: a.filename, contentType: a.contentType, content: a.content })),
      });
      await prisma.emailMessage.update({ where: { id: message.id }, data: { status: "sent", sentAt: clock.now(), attempts: { increment: 1 }, lastError: null } });
      summary.sent++;
    } catch (error) {
      const attempts = message.attempts + 1;
      await prisma.emailMessage.update({
        where: { id: message.id },
        data: {
          status: "failed", attempts, lastError: error instanceof Error ? error.message.slice(0, 500) : String(error).slice(0, 500),
          nextAttemptAt: new Date(now.getTime() + retryDelayMinutes(attempts) * 60_000),
        },
      });
      summary.failed++;
    }
  }
  return summary;
}

/** Deliver in the background after a user's action, so a slow mail server never holds up a page. */
export function deliverSoon() {
  if (!transportFromEnv()) return;
  deliverQueued().catch((error) => console.error("Email delivery failed; messages stay in the outbox for the next run:", error));
}

export function listOutbox(centreId: string, status?: string) {
  return prisma.emailMessage.findMany({
    where: { centreId, ...(status ? { status } : {}) },
    orderBy: { createdAt: "desc" },
    take: 200,
    select: { id: true, toEmail: true, toName: true, template: true, subject: true, status: true, attempts: true, lastError: true, createdAt: true, sentAt: true },
  });
}
