import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData } from "@remix-run/react";
import { TextField, ValidatedForm } from "~/components/forms";
import { requirePermission } from "~/modules/auth/session.server";
import { calendarToken, resetCalendarToken } from "~/modules/rota/calendar.server";
import { SLOT_LABELS, voidWords } from "~/modules/rota/words";
import { isSlot } from "~/modules/rota/eligibility";
import { cannotAttend, shiftsOfPerson } from "~/modules/rota/rota.server";
import { announceOpenPlaces, askForSwap, mySwapRequests, openToPerson, takeOpenPlace, takeSwap, withdrawSwap, type SelfServiceResult } from "~/modules/rota/self-service.server";
import { deliverSoon } from "~/modules/email/outbox.server";
import { formatLondonDateTime, formatLondonTime, formatUkDateWithDay } from "~/utils/dates";
import { clock } from "~/utils/clock.server";
import { actorOf } from "~/modules/auth/actor";
import { appLink } from "~/env.server";

export const meta: MetaFunction = () => [{ title: "My shifts" }];

export async function loader({ request }: LoaderFunctionArgs) {
  const user = await requirePermission(request, "self:read");
  if (!user.personId) return { linked: false as const };
  const today = clock.today();
  const [assignments, token, open, swapRequests] = await Promise.all([
    shiftsOfPerson(user.personId), calendarToken(actorOf(user), user.personId), openToPerson(user.centreId, user.personId), mySwapRequests(user.personId),
  ]);
  const shifts = assignments.map((a) => ({
    id: a.id, date: a.shift.date, session: a.shift.session.name, location: a.shift.session.location,
    time: `${formatLondonTime(a.shift.startsAt)} to ${formatLondonTime(a.shift.endsAt)}`,
    as: isSlot(a.slot) ? SLOT_LABELS[a.slot].one : a.slot, status: a.status,
    onHold: a.voids.length ? voidWords(a.voids) : null,
    swap: swapRequests.has(a.id) ? { id: swapRequests.get(a.id)!.id, closesAt: formatLondonDateTime(swapRequests.get(a.id)!.closesAt), closed: swapRequests.get(a.id)!.closesAt <= clock.now() } : null,
  }));
  return {
    linked: true as const,
    feedUrl: appLink(`/calendar/${token}.ics`),
    open,
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
    await announceOpenPlaces(user.centreId);
    return { message: "Thank you for letting us know. The co-ordinator can now see the gap and find cover." };
  }
  const taker = await requirePermission(request, "shifts:take");
  const intent = form.get("intent");
  if (intent === "take-place") {
    const slot = String(form.get("slot"));
    if (!isSlot(slot)) throw new Response("Unknown kind of place", { status: 400 });
    return outcome(await takeOpenPlace(taker, String(form.get("shiftId")), slot), String(form.get("shiftId")));
  }
  if (intent === "take-swap") return outcome(await takeSwap(taker, String(form.get("swapId"))), String(form.get("swapId")));
  if (intent === "withdraw-swap") return outcome(await withdrawSwap(taker, String(form.get("swapId"))), String(form.get("swapId")));
  if (intent === "ask-swap") {
    const result = await askForSwap(taker, String(form.get("assignmentId")), String(form.get("note") ?? "").trim().slice(0, 300));
    if (result.ok) await announceOpenPlaces(user.centreId);
    return outcome(result, String(form.get("assignmentId")));
  }
  throw new Response("Unknown action", { status: 400 });
}

const DONE_WORDS = {
  taken: "It is yours: it is on your shifts below and in your calendar.",
  requested: "You have asked for it. The co-ordinator will say yes or no; until then the place is held for you.",
  asked: "Your colleagues who could do it have been offered it. You stay on the shift until someone takes it.",
  withdrawn: "You have withdrawn your swap request: you are still on the shift.",
  approved: "", declined: "",
} as const;

function outcome(result: SelfServiceResult, about: string) {
  deliverSoon();
  if (!result.ok) return { refused: result.refused, about };
  return { message: `${result.session}, ${formatUkDateWithDay(result.date)}: ${DONE_WORDS[result.outcome]}` };
}

export default function MyShifts() {
  const data = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  if (!data.linked) return (<><h1>My shifts</h1><p>Your sign-in is not linked to a record at the centre. Ask your co-ordinator.</p></>);
  return (
    <>
      <h1>My shifts</h1>
      {actionData && "message" in actionData ? <div className="notice notice--success" role="status">{actionData.message}</div> : null}
      {actionData && "refused" in actionData ? <div className="notice notice--warning" role="alert" tabIndex={-1} id="refused"><h2>That did not work</h2><p>{actionData.refused}</p></div> : null}
      <h2>Coming up</h2>
      {data.upcoming.length ? (
        <ul className="record-list">
          {data.upcoming.map((s) => (
            <li key={s.id}>
              <strong>{formatUkDateWithDay(s.date)}, {s.time}</strong>: {s.session} as {s.as}{s.location ? `, ${s.location}` : ""}
              {s.status === "pending" ? <p><strong>Waiting for the co-ordinator's yes.</strong> The place is held for you until they answer.</p> : s.status === "cannot_attend" ? <p><strong>You told us you cannot come.</strong></p> : s.onHold ? (
                <p><strong>On hold:</strong> you cannot do this shift as things stand ({s.onHold}). Your co-ordinator has been shown the gap; talk to them.</p>
              ) : (
                <>
                  <p><a href={`/my-shifts/${s.id}.ics`} download>Add this shift to my calendar (.ics)</a></p>
                  {s.swap ? (
                    <Form method="post" className="button-row">
                      <p>
                        <strong>{s.swap.closed ? "Nobody took your swap request." : "You asked for a swap."}</strong>{" "}
                        {s.swap.closed ? "The co-ordinator can see the gap and will find cover." : `Colleagues are offered it until ${s.swap.closesAt}.`}
                      </p>
                      <input type="hidden" name="intent" value="withdraw-swap" />
                      <input type="hidden" name="swapId" value={s.swap.id} />
                      <button type="submit" className="button button--secondary">I can do it after all: withdraw my request<span className="visually-hidden"> for {formatUkDateWithDay(s.date)}</span></button>
                    </Form>
                  ) : (
                    <details className="form-panel">
                      <summary>Ask a colleague to take this shift (a swap)</summary>
                      <ValidatedForm id={`swap-${s.id}`}>
                        <input type="hidden" name="intent" value="ask-swap" />
                        <input type="hidden" name="assignmentId" value={s.id} />
                        <TextField name="note" label="A note for colleagues (optional)" hint="Only why you need a swap: they see your name, the shift and this note." />
                        <button type="submit" className="button">Offer my place to colleagues</button>
                      </ValidatedForm>
                    </details>
                  )}
                  <details className="form-panel">
                    <summary>I can no longer make this shift</summary>
                    <ValidatedForm id={`cannot-attend-${s.id}`}>
                      <input type="hidden" name="intent" value="cannot-attend" />
                      <input type="hidden" name="assignmentId" value={s.id} />
                      <TextField name="note" label="Anything the co-ordinator should know (optional)" />
                      <button type="submit" className="button button--warning">Tell the co-ordinator I cannot come</button>
                    </ValidatedForm>
                  </details>
                </>
              )}
            </li>
          ))}
        </ul>
      ) : <p>No shifts coming up on a published rota.</p>}

      <h2 id="open-shifts">Shifts you could take</h2>
      {data.open.places.length || data.open.swaps.length ? (
        <>
          <p>These need someone, and you could do them. The first to take a place gets it.</p>
          <ul className="record-list">
            {data.open.places.map((p) => (
              <li key={`${p.shiftId}-${p.slot}`}>
                <strong>{formatUkDateWithDay(p.date)}, {p.time}</strong>: {p.session}{p.location ? `, ${p.location}` : ""}. {p.free === 1 ? "One place" : `${p.free} places`} for a {p.as}.
                {p.notes.length ? <p>Before you take it: {p.notes.join("; ")}.</p> : null}
                <Form method="post">
                  <input type="hidden" name="intent" value="take-place" />
                  <input type="hidden" name="shiftId" value={p.shiftId} />
                  <input type="hidden" name="slot" value={p.slot} />
                  <button type="submit" className="button">Take this shift<span className="visually-hidden">: {p.session}, {formatUkDateWithDay(p.date)}, as {p.as}</span></button>
                </Form>
              </li>
            ))}
            {data.open.swaps.map((w) => (
              <li key={w.swapId}>
                <strong>{formatUkDateWithDay(w.date)}, {w.time}</strong>: {w.session}{w.location ? `, ${w.location}` : ""}. {w.asker} asks someone to take their place as {w.as} (until {w.closesAt}).
                {w.note ? <p>Their note: {w.note}</p> : null}
                <Form method="post">
                  <input type="hidden" name="intent" value="take-swap" />
                  <input type="hidden" name="swapId" value={w.swapId} />
                  <button type="submit" className="button">Take {w.asker}'s place<span className="visually-hidden">: {w.session}, {formatUkDateWithDay(w.date)}</span></button>
                </Form>
              </li>
            ))}
          </ul>
        </>
      ) : <p>Nothing open that you could take right now. <Link to="/me/sign-in#email">Get an email when there is</Link> (at most one a day).</p>}
      <p><Link to="/shifts">See the whole rota by week or month</Link></p>

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
      {data.past.length ? <ul>{data.past.map((s) => <li key={s.id}>{formatUkDateWithDay(s.date)}: {s.session}{s.status === "cannot_attend" ? " (could not come)" : s.status === "pending" ? " (never confirmed)" : ""}</li>)}</ul> : <p>None yet.</p>}
      <p><Link to="/me/availability">Dates I cannot do, and how often I serve</Link></p>
    </>
  );
}
