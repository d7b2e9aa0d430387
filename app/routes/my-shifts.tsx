import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData } from "@remix-run/react";
import { FieldScope, TextField } from "~/components/forms";
import { requirePermission } from "~/modules/auth/session.server";
import { calendarToken, resetCalendarToken } from "~/modules/rota/calendar.server";
import { SLOT_LABELS, voidWords } from "~/modules/rota/words";
import { isSlot } from "~/modules/rota/eligibility";
import { cannotAttend, shiftsOfPerson } from "~/modules/rota/rota.server";
import { formatLondonTime, formatUkDateWithDay } from "~/utils/dates";
import { clock } from "~/utils/clock.server";
import { actorOf } from "~/modules/auth/actor";
import { appLink } from "~/env.server";

export const meta: MetaFunction = () => [{ title: "My shifts" }];

export async function loader({ request }: LoaderFunctionArgs) {
  const user = await requirePermission(request, "self:read");
  if (!user.personId) return { linked: false as const };
  const today = clock.today();
  const [assignments, token] = await Promise.all([shiftsOfPerson(user.personId), calendarToken(actorOf(user), user.personId)]);
  const shifts = assignments.map((a) => ({
    id: a.id, date: a.shift.date, session: a.shift.session.name, location: a.shift.session.location,
    time: `${formatLondonTime(a.shift.startsAt)} to ${formatLondonTime(a.shift.endsAt)}`,
    as: isSlot(a.slot) ? SLOT_LABELS[a.slot].one : a.slot, status: a.status,
    onHold: a.voids.length ? voidWords(a.voids) : null,
  }));
  return {
    linked: true as const,
    feedUrl: appLink(`/calendar/${token}.ics`),
    upcoming: shifts.filter((s) => s.date >= today),
    past: shifts.filter((s) => s.date < today).reverse(),
  };
}

export async function action({ request }: ActionFunctionArgs) {
  const user = await requirePermission(request, "self:read");
  if (!user.personId) throw new Response("Your sign-in is not linked to a person", { status: 400 });
  const form = await request.formData();
  if (form.get("intent") === "reset-feed") {
    // Every calendar already subscribed stops updating: ask once first.
    if (form.get("confirmed") !== "yes") return { confirmReset: true as const };
    await resetCalendarToken(actorOf(user), user.personId);
    return { message: "Your calendar link has been changed. The old link no longer works: add the new one to your calendar." };
  }
  if (form.get("intent") === "cannot-attend") {
    await cannotAttend(user, String(form.get("assignmentId")), String(form.get("note") ?? "").slice(0, 300));
    return { message: "Thank you for letting us know. The co-ordinator can now see the gap and find cover." };
  }
  throw new Response("Unknown action", { status: 400 });
}

export default function MyShifts() {
  const data = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  if (!data.linked) return (<><h1>My shifts</h1><p>Your sign-in is not linked to a record at the centre. Ask your co-ordinator.</p></>);
  return (
    <>
      <h1>My shifts</h1>
      {actionData && "message" in actionData ? <div className="notice notice--success" role="status">{actionData.message}</div> : null}
      <h2>Coming up</h2>
      {data.upcoming.length ? (
        <ul className="record-list">
          {data.upcoming.map((s) => (
            <li key={s.id}>
              <strong>{formatUkDateWithDay(s.date)}, {s.time}</strong>: {s.session} as {s.as}{s.location ? `, ${s.location}` : ""}
              {s.status === "cannot_attend" ? <p><strong>You told us you cannot come.</strong></p> : s.onHold ? (
                <p><strong>On hold:</strong> you cannot do this shift as things stand ({s.onHold}). Your co-ordinator has been shown the gap; talk to them.</p>
              ) : (
                <>
                  <p><a href={`/my-shifts/${s.id}.ics`} download>Add this shift to my calendar (.ics)</a></p>
                  <details className="form-panel">
                    <summary>I can no longer make this shift</summary>
                    <Form method="post">
                      <input type="hidden" name="intent" value="cannot-attend" />
                      <input type="hidden" name="assignmentId" value={s.id} />
                      <FieldScope id={`shift-${s.id}`}>
                        <TextField name="note" label="Anything the co-ordinator should know (optional)" />
                      </FieldScope>
                      <button type="submit" className="button button--warning">Tell the co-ordinator I cannot come</button>
                    </Form>
                  </details>
                </>
              )}
            </li>
          ))}
        </ul>
      ) : <p>No shifts coming up on a published rota.</p>}

      <h2>Calendar</h2>
      <p>Add this link to your phone or computer calendar as a subscription, and your shifts will appear and stay up to date. Keep it private: anyone with it can see your shifts.</p>
      <p><code className="link-to-copy">{data.feedUrl}</code></p>
      {actionData && "confirmReset" in actionData ? (
        <div className="notice notice--warning" role="alert" id="reset-feed">
          <h3>Change your calendar link?</h3>
          <p>The link above stops working at once: every calendar you added it to stops showing your shifts until you add the new one. Do this if someone else may have the link.</p>
          <Form method="post" className="button-row">
            <input type="hidden" name="intent" value="reset-feed" />
            <input type="hidden" name="confirmed" value="yes" />
            <button type="submit" className="button button--warning">Yes, change my calendar link</button>
            <Link to="/my-shifts">Keep the link I have</Link>
          </Form>
        </div>
      ) : (
        <Form method="post">
          <button type="submit" name="intent" value="reset-feed" className="button button--secondary">Change my calendar link</button>
        </Form>
      )}

      <h2>Past shifts</h2>
      {data.past.length ? <ul>{data.past.map((s) => <li key={s.id}>{formatUkDateWithDay(s.date)}: {s.session}{s.status === "cannot_attend" ? " (could not come)" : ""}</li>)}</ul> : <p>None yet.</p>}
      <p><Link to="/me/availability">Dates I cannot do, and how often I serve</Link></p>
    </>
  );
}
