import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { redirect } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData } from "@remix-run/react";
import { ErrorSummary, SelectField } from "~/components/forms";
import { actorOf } from "~/modules/auth/actor";
import { requirePermission } from "~/modules/auth/session.server";
import { SLOTS, isSlot, staffingNeeds, type Slot } from "~/modules/rota/eligibility";
import { SLOT_LABELS, WITHDRAWN_WORDS } from "~/modules/rota/words";
import { assignToShift, deleteDraftRota, publishRota, removeFromShift, rotaView, swapAssignments } from "~/modules/rota/rota.server";
import { formatLondonTime, formatUkDate, formatUkDateWithDay } from "~/utils/dates";
import { deliverSoon } from "~/modules/email/outbox.server";
import { queueRotaPublished } from "~/modules/email/notices.server";

export const meta: MetaFunction = () => [{ title: "Rota" }];

export async function loader({ request, params }: LoaderFunctionArgs) {
  const user = await requirePermission(request, "rota:manage");
  const { rota, people } = await rotaView(user.centreId, params.rotaId!);
  return {
    people,
    rota: {
      id: rota.id, startsOn: rota.startsOn, endsOn: rota.endsOn, status: rota.status, mode: rota.mode,
      shifts: rota.shifts.map((s) => ({
        id: s.id, date: s.date, session: s.session.name, location: s.session.location,
        time: `${formatLondonTime(s.startsAt)} to ${formatLondonTime(s.endsAt)}`,
        needs: staffingNeeds(s),
        past: s.past,
        team: s.team?.name ?? null,
        assignments: s.assignments.map((a) => ({
          id: a.id, personId: a.personId, name: `${a.person.firstName} ${a.person.lastName}`, slot: a.slot as Slot, status: a.status, note: a.note,
          offBecause: a.voidWords ?? (a.status === "withdrawn" ? WITHDRAWN_WORDS[a.withdrawnReason ?? ""] ?? "taken off" : null),
        })),
        gaps: s.gaps,
      })),
    },
  };
}

type ActionResult =
  | { kind: "done"; message: string; warnings: string[] }
  | { kind: "refused"; message: string; shiftId: string | null }
  | { kind: "confirm"; warnings: string[]; fields: Record<string, string>; shiftId: string | null };

export async function action({ request, params }: ActionFunctionArgs): Promise<ActionResult | Response> {
  const user = await requirePermission(request, "rota:manage");
  const actor = actorOf(user);
  const rotaId = params.rotaId!;
  const form = Object.fromEntries(await request.formData()) as Record<string, string>;
  const confirmed = form.confirmed === "yes";
  switch (form.intent) {
    case "assign": {
      if (!form.personId) return { kind: "refused", message: "Choose who to put on the shift", shiftId: form.shiftId ?? null };
      if (!isSlot(form.slot ?? "")) throw new Response("Unknown place", { status: 400 });
      const result = await assignToShift(actor, rotaId, form.shiftId, form.personId, form.slot as Slot, confirmed);
      if (result.ok) return { kind: "done", message: "Added to the shift.", warnings: result.warnings };
      return "refused" in result ? { kind: "refused", message: result.refused, shiftId: form.shiftId } : { kind: "confirm", warnings: result.needsConfirmation, fields: form, shiftId: form.shiftId };
    }
    case "swap": {
      if (!form.first || !form.second) return { kind: "refused", message: "Choose the two people to swap", shiftId: null };
      const result = await swapAssignments(actor, rotaId, form.first, form.second, confirmed);
      if (result.ok) return { kind: "done", message: "Swapped.", warnings: result.warnings };
      return "refused" in result ? { kind: "refused", message: result.refused, shiftId: null } : { kind: "confirm", warnings: result.needsConfirmation, fields: form, shiftId: null };
    }
    case "remove":
      await removeFromShift(actor, rotaId, form.assignmentId);
      return { kind: "done", message: "Taken off the shift.", warnings: [] };
    case "publish": {
      const published = await publishRota(actor, rotaId, queueRotaPublished);
      const emailed = published?.emailed ?? 0;
      deliverSoon();
      return { kind: "done", message: `Published. Everyone on it can now see their shifts; ${emailed} ${emailed === 1 ? "person has" : "people have"} been emailed their shifts.`, warnings: [] };
    }
    case "discard":
      await deleteDraftRota(actor, rotaId);
      return redirect("/rota");
    default:
      throw new Response("Unknown action", { status: 400 });
  }
}

export default function RotaPage() {
  const { rota, people } = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>() as ActionResult | undefined;
  const everyone = rota.shifts.flatMap((s) => (s.past ? [] : s.assignments.filter((a) => a.status === "assigned" && !a.offBecause)).map((a) => [a.id, `${a.name}: ${s.session}, ${formatUkDateWithDay(s.date)}`] as const));
  const totalGaps = rota.shifts.reduce((n, s) => n + s.gaps.reduce((m, g) => m + g.missing, 0), 0);
  return (
    <>
      <p className="no-print"><Link to="/rota">Back to rotas</Link></p>
      <h1>Rota {formatUkDate(rota.startsOn)} to {formatUkDate(rota.endsOn)}</h1>
      <p className="lead">
        <span className={`tag ${rota.status === "published" ? "tag--met" : "tag--due"}`}>{rota.status === "published" ? "Published" : "Draft"}</span>{" "}
        {rota.shifts.length} sessions; {totalGaps === 0 ? "every place is filled." : `${totalGaps} place${totalGaps === 1 ? "" : "s"} still to fill.`}{" "}
        <Link to={`/rota/${rota.id}/print`}>Printable version</Link>
      </p>

      {result && result.kind === "done" ? (
        <div className="notice notice--success" role="status">
          {result.message}
          {result.warnings.length ? <ul>{result.warnings.map((w) => <li key={w}>Accepted: {w}</li>)}</ul> : null}
        </div>
      ) : null}
      {result && result.kind === "refused" ? <ErrorSummary errors={{ [result.shiftId ? `assign-${result.shiftId}` : "swap"]: result.message }} /> : null}
      {result && result.kind === "confirm" ? (
        <div className="notice notice--warning" role="alert">
          <h2>This breaks {result.warnings.length === 1 ? "a rule" : `${result.warnings.length} rules`}</h2>
          <ul>{result.warnings.map((w) => <li key={w}>{w}</li>)}</ul>
          <Form method="post">
            {Object.entries(result.fields).filter(([k]) => k !== "confirmed").map(([k, v]) => <input key={k} type="hidden" name={k} value={v} />)}
            <input type="hidden" name="confirmed" value="yes" />
            <div className="button-row">
              <button type="submit" className="button button--warning">Do it anyway</button>
              <Link to={`/rota/${rota.id}`}>Cancel</Link>
            </div>
          </Form>
        </div>
      ) : null}

      {rota.status === "draft" ? (
        <div className="button-row no-print">
          <Form method="post"><button type="submit" name="intent" value="publish">Publish rota</button></Form>
          <Form method="post"><button type="submit" name="intent" value="discard" className="button button--secondary">Discard draft</button></Form>
        </div>
      ) : null}

      {rota.shifts.map((shift) => (
        <section key={shift.id} id={`shift-${shift.id}`} className="shift">
          <h2>{formatUkDateWithDay(shift.date)}: {shift.session}, {shift.time}{shift.location ? ` (${shift.location})` : ""}</h2>
          {shift.team ? <p>{shift.team}'s turn</p> : null}
          {shift.past ? <p className="muted">This shift is in the past and can no longer be changed.</p> : null}
          {SLOTS.filter((slot) => shift.needs[slot] > 0 || shift.assignments.some((a) => a.slot === slot)).map((slot) => {
            const placed = shift.assignments.filter((a) => a.slot === slot);
            const standing = placed.filter((a) => a.status === "assigned" && !a.offBecause);
            return (
              <div key={slot}>
                <h3>{SLOT_LABELS[slot].many[0].toUpperCase() + SLOT_LABELS[slot].many.slice(1)}: {standing.length} of {shift.needs[slot]}</h3>
                <ul>
                  {placed.map((a) => (
                    <li key={a.id}>
                      {a.status === "assigned" && !a.offBecause ? a.name : <s>{a.name}</s>}
                      {a.status === "cannot_attend" ? <strong> can no longer come{a.note ? `: “${a.note}”` : ""}</strong> : null}
                      {a.offBecause ? <strong> cannot do this shift: {a.offBecause}</strong> : null}{" "}
                      {a.status === "assigned" && !shift.past ? (
                        <Form method="post" style={{ display: "inline" }} className="no-print">
                          <input type="hidden" name="assignmentId" value={a.id} />
                          <button type="submit" name="intent" value="remove" className="button button--secondary">Remove<span className="visually-hidden"> {a.name} from {shift.session} on {formatUkDateWithDay(shift.date)}</span></button>
                        </Form>
                      ) : null}
                    </li>
                  ))}
                </ul>
              </div>
            );
          })}
          {shift.gaps.map((gap) => (
            <div key={gap.slot} className="notice notice--warning">
              <p><strong>{gap.explanation ?? `${gap.missing} ${gap.missing === 1 ? SLOT_LABELS[gap.slot].one : SLOT_LABELS[gap.slot].many} short`}</strong></p>
              {shift.past ? null : gap.cover.length ? (
                <>
                  <p>Could cover, best first:</p>
                  <ul>
                    {gap.cover.map((c) => (
                      <li key={c.personId}>
                        {c.name} ({c.reason}){" "}
                        <Form method="post" style={{ display: "inline" }} className="no-print">
                          <input type="hidden" name="intent" value="assign" />
                          <input type="hidden" name="shiftId" value={shift.id} />
                          <input type="hidden" name="slot" value={gap.slot} />
                          <input type="hidden" name="personId" value={c.personId} />
                          <button type="submit" className="button button--secondary">Put on<span className="visually-hidden"> {c.name}, {shift.session} {formatUkDateWithDay(shift.date)}</span></button>
                        </Form>
                      </li>
                    ))}
                  </ul>
                </>
              ) : <p>No one else is free and cleared for this place.</p>}
            </div>
          ))}
          {shift.past ? null : <details className="form-panel no-print">
            <summary>Add someone else to this shift</summary>
            <Form method="post" noValidate>
              <input type="hidden" name="intent" value="assign" />
              <input type="hidden" name="shiftId" value={shift.id} />
              <SelectField name="personId" label="Person" options={[["", "Choose a person"], ...people.map((p) => [p.id, p.name] as const)]} error={result?.kind === "refused" && result.shiftId === shift.id ? result.message : undefined} />
              <SelectField name="slot" label="As" options={SLOTS.map((s) => [s, SLOT_LABELS[s].one] as const)} defaultValue="volunteer" />
              <button type="submit" className="button button--secondary">Add to shift</button>
            </Form>
          </details>}
        </section>
      ))}

      {everyone.length > 1 ? (
        <section className="no-print">
          <h2 id="field-swap">Swap two people</h2>
          <Form method="post" noValidate>
            <input type="hidden" name="intent" value="swap" />
            <SelectField name="first" label="Swap" options={[["", "Choose"], ...everyone]} />
            <SelectField name="second" label="With" options={[["", "Choose"], ...everyone]} />
            <button type="submit" className="button button--secondary">Swap</button>
          </Form>
        </section>
      ) : null}
    </>
  );
}
