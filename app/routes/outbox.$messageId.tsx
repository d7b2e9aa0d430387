import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { prisma } from "~/db.server";
import { invariantResponse, requirePermission } from "~/modules/auth/session.server";
import { formatLondonDateTime } from "~/utils/dates";
import { clock } from "~/utils/clock.server";
import type { Attachment } from "~/modules/email/outbox.server";

export const meta: MetaFunction<typeof loader> = ({ data }) => [{ title: data?.subject ?? "Email" }];

/**
 * One email. Sent: as it went (links that sign someone in redacted). Not sent yet: as it would be
 * sent now, from today's facts, so a co-ordinator reading the outbox sees what the person would get.
 */
export async function loader({ request, params }: LoaderFunctionArgs) {
  const user = await requirePermission(request, "rota:manage");
  const message = await prisma.emailMessage.findFirst({ where: { id: params.messageId, centreId: user.centreId } });
  invariantResponse(message, "We could not find that email.");
  const { CANCEL_WORDS, renderForSending } = await import("~/modules/email/kinds.server");
  const base = {
    id: message.id, toName: message.toName, toEmail: message.toEmail, status: message.status, attempts: message.attempts, lastError: message.lastError,
    bodyRemoved: false, sentAt: message.sentAt, expiresAt: message.expiresAt, closedReason: message.closedReason ? CANCEL_WORDS[message.closedReason as keyof typeof CANCEL_WORDS] ?? message.closedReason : null,
  };
  if (message.bodyRemovedAt) {
    return { ...base, bodyRemoved: true, asOf: `removed on ${formatLondonDateTime(message.bodyRemovedAt)}: it named people with their DBS outcomes, and the centre keeps that only for a set number of days after sending`, subject: message.subject, html: "", text: "", attachments: [] };
  }
  if (message.status === "sent" || message.html) {
    return { ...base, asOf: "as sent", subject: message.subject, html: message.html, text: message.text, attachments: (JSON.parse(message.attachments) as Attachment[]).map((a) => a.filename) };
  }
  const fresh = await renderForSending(message, { now: clock.now(), dryRun: true });
  if ("cancel" in fresh) return { ...base, asOf: `not to be sent: ${CANCEL_WORDS[fresh.cancel]}`, subject: message.subject, html: "", text: "", attachments: [] };
  return { ...base, asOf: "as it would be sent now", subject: fresh.subject, html: fresh.storedHtml, text: fresh.storedText, attachments: fresh.attachments.map((a) => a.filename) };
}

export default function Message() {
  const m = useLoaderData<typeof loader>();
  return (
    <>
      <p><Link to="/outbox">Back to the outbox</Link></p>
      <h1>{m.subject}</h1>
      <dl className="summary">
        <dt>To</dt><dd>{m.toName} &lt;{m.toEmail}&gt;</dd>
        <dt>Status</dt><dd>{m.status}{m.sentAt ? `, ${formatLondonDateTime(new Date(m.sentAt))}` : ""}{m.closedReason ? ` (${m.closedReason})` : ""}{m.lastError ? ` (last error: ${m.lastError})` : ""}</dd>
        {m.expiresAt && m.status !== "sent" ? <><dt>Worth sending until</dt><dd>{formatLondonDateTime(new Date(m.expiresAt))}</dd></> : null}
        <dt>Attempts</dt><dd>{m.attempts}</dd>
        {m.attachments.length ? <><dt>Attachments</dt><dd>{m.attachments.join(", ")}</dd></> : null}
      </dl>
      {m.html ? (
        <>
          <h2>As it looks ({m.asOf})</h2>
          <iframe title={`The email: ${m.subject}`} srcDoc={m.html} sandbox="" style={{ width: "100%", maxWidth: "640px", height: "32rem", border: "1px solid #b1b4b6" }} />
          <h2>Plain text version</h2>
          <pre style={{ whiteSpace: "pre-wrap" }}>{m.text}</pre>
        </>
      ) : m.bodyRemoved ? <p>What this email said was {m.asOf}.</p> : <p>This email is {m.asOf}.</p>}
    </>
  );
}
