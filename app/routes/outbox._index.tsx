import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData } from "@remix-run/react";
import { requirePermission } from "~/modules/auth/session.server";
import { listOutbox, smtpConfigured } from "~/modules/email/outbox.server";
import { CANCEL_WORDS } from "~/modules/email/closed-words";
import { PREVIEW_TITLES } from "~/modules/email/previews.server";
import { describeRun, runReminders } from "~/modules/reminders/run.server";
import { formatLondonDateTime } from "~/utils/dates";

export const meta: MetaFunction = () => [{ title: "Outbox" }];

export async function loader({ request }: LoaderFunctionArgs) {
  const user = await requirePermission(request, "rota:manage");
  const status = new URL(request.url).searchParams.get("status") ?? undefined;
  return {
    smtpConfigured: smtpConfigured(),
    status: status ?? "",
    messages: (await listOutbox(user.centreId, status)).map((m) => ({ ...m, closedWords: m.closedReason ? CANCEL_WORDS[m.closedReason] ?? m.closedReason : null })),
    previews: Object.entries(PREVIEW_TITLES).map(([id, title]) => ({ id, title })),
  };
}

/** The same run as `npm run reminders`, for this centre only. */
export async function action({ request }: ActionFunctionArgs) {
  const user = await requirePermission(request, "rota:manage");
  const dryRun = (await request.formData()).get("intent") === "dry-run";
  const summary = await runReminders({ centreId: user.centreId, dryRun });
  return { lines: describeRun(summary) };
}

const STATUS_TAG: Record<string, string> = { sent: "tag--met", queued: "tag--due", sending: "tag--due", failed: "tag--expired", expired: "tag--not-required", cancelled: "tag--not-required" };


export default function Outbox() {
  const { messages, smtpConfigured, previews, status } = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  return (
    <>
      <h1>Outbox</h1>
      <p className="lead">
        {smtpConfigured
          ? "Every email the app sends, with whether it went. Failed sends are retried automatically."
          : "No mail server is configured (SMTP_URL), so emails are kept here instead of being sent. Open one to read it, or set SMTP_URL and EMAIL_FROM to send them."}
      </p>
      {result ? <div className="notice notice--success" role="status"><ul>{result.lines.map((l) => <li key={l}>{l}</li>)}</ul></div> : null}
      <Form method="post" className="button-row">
        <button type="submit" name="intent" value="run">Send reminders now</button>
        <button type="submit" name="intent" value="dry-run" className="button button--secondary">Show what would be sent</button>
      </Form>
      <p className="muted">Reminders also go out automatically when the daily reminder job runs (see the README). Running twice never sends the same reminder twice.</p>

      <nav aria-label="Filter by status" className="button-row">
        {[["", "All"], ["queued", "Queued"], ["failed", "Failed"], ["sent", "Sent"], ["expired", "Expired"], ["cancelled", "Cancelled"]].map(([value, label]) => (
          <Link key={value} to={value ? `?status=${value}` : "."} aria-current={status === value ? "page" : undefined}>{label}</Link>
        ))}
      </nav>
      {messages.length ? (
        <div className="table-wrap">
          <table className="cards">
            <thead><tr><th scope="col">To</th><th scope="col">Subject</th><th scope="col">Status</th><th scope="col">Created</th></tr></thead>
            <tbody>
              {messages.map((m) => (
                <tr key={m.id}>
                  <th scope="row">{m.toName}<br /><span className="muted wrap-anywhere">{m.toEmail}</span></th>
                  <td data-label="Subject"><Link to={`/outbox/${m.id}`}>{m.subject}</Link></td>
                  <td data-label="Status">
                    <span className={`tag ${STATUS_TAG[m.status] ?? ""}`}>{m.status[0].toUpperCase() + m.status.slice(1)}</span>
                    {m.status === "failed" ? <><br /><span className="muted">{m.attempts} attempt{m.attempts === 1 ? "" : "s"}: {m.lastError}</span></> : null}
                    {m.closedWords ? <><br /><span className="muted">{m.closedWords}</span></> : null}
                    {m.sentAt ? <><br /><span className="muted">{formatLondonDateTime(new Date(m.sentAt))}</span></> : null}
                  </td>
                  <td data-label="Created">{formatLondonDateTime(new Date(m.createdAt))}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      ) : <p>No messages.</p>}

      <h2>What each email looks like</h2>
      <ul>{previews.map((p) => <li key={p.id}><Link to={`/outbox/preview/${p.id}`}>{p.title}</Link></li>)}</ul>
    </>
  );
}
