import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { prisma } from "~/db.server";
import { invariantResponse, requirePermission } from "~/modules/auth/session.server";
import { formatLondonDateTime } from "~/utils/dates";
import type { Attachment } from "~/modules/email/outbox.server";

export const meta: MetaFunction<typeof loader> = ({ data }) => [{ title: data?.subject ?? "Email" }];

export async function loader({ request, params }: LoaderFunctionArgs) {
  const user = await requirePermission(request, "rota:manage");
  const message = await prisma.emailMessage.findFirst({ where: { id: params.messageId, centreId: user.centreId } });
  invariantResponse(message, "We could not find that email.");
  return { ...message, attachments: (JSON.parse(message.attachments) as Attachment[]).map((a) => a.filename) };
}

export default function Message() {
  const m = useLoaderData<typeof loader>();
  return (
    <>
      <p><Link to="/outbox">Back to the outbox</Link></p>
      <h1>{m.subject}</h1>
      <dl className="summary">
        <dt>To</dt><dd>{m.toName} &lt;{m.toEmail}&gt;</dd>
        <dt>Status</dt><dd>{m.status}{m.sentAt ? `, ${formatLondonDateTime(new Date(m.sentAt))}` : ""}{m.lastError ? ` (last error: ${m.lastError})` : ""}</dd>
        <dt>Attempts</dt><dd>{m.attempts}</dd>
        {m.attachments.length ? <><dt>Attachments</dt><dd>{m.attachments.join(", ")}</dd></> : null}
      </dl>
      <h2>As it looks</h2>
      <iframe title={`The email: ${m.subject}`} srcDoc={m.html} sandbox="" style={{ width: "100%", maxWidth: "640px", height: "32rem", border: "1px solid #b1b4b6" }} />
      <h2>Plain text version</h2>
      <pre style={{ whiteSpace: "pre-wrap" }}>{m.text}</pre>
    </>
  );
}
