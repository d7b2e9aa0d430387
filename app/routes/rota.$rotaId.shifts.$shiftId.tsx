import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData } from "@remix-run/react";
import { useMemo } from "react";
import { SelectField, ValidatedForm } from "~/components/forms";
import { ActionNotices } from "~/components/rota-notices";
import { SLOTS } from "~/modules/rota/eligibility";
import { rotaAction, rotaPageData, type RotaActionResult } from "~/modules/rota/rota-page.server";
import { SLOT_LABELS } from "~/modules/rota/words";
import { formatUkDate, formatUkDateWithDay } from "~/utils/dates";

export const meta: MetaFunction<typeof loader> = ({ data }) => [{ title: data ? `${data.shift.session}, ${formatUkDateWithDay(data.shift.date)}` : "Shift" }];

export async function loader({ request, params }: LoaderFunctionArgs) {
  const { rota, people } = await rotaPageData(request, params.rotaId!);
  const shift = rota.shifts.find((s) => s.id === params.shiftId);
  if (!shift) throw new Response("Shift not found", { status: 404 });
  return { rota: { id: rota.id, startsOn: rota.startsOn, endsOn: rota.endsOn, status: rota.status }, shift, people };
}

export async function action({ request, params }: ActionFunctionArgs) {
  return rotaAction(request, params.rotaId!);
}

/** One shift of a rota: who is on, each with a Remove button, the gaps with why and who could cover, and adding someone. */
export default function ShiftPage() {
  const { rota, shift, people } = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>() as RotaActionResult | undefined;
  const here = `/rota/${rota.id}/shifts/${shift.id}`;
  const refused = useMemo(() => (result?.kind === "refused" ? { errors: { personId: result.message } } : null), [result]);
  return (
    <>
      <p><Link to={`/rota/${rota.id}`}>Back to the rota {formatUkDate(rota.startsOn)} to {formatUkDate(rota.endsOn)}</Link></p>
      <h1>{shift.session}, {formatUkDateWithDay(shift.date)}</h1>
      <p className="lead">{shift.time}{shift.location ? `, ${shift.location}` : ""}{shift.team ? `. ${shift.team}'s turn` : ""}. <span className={`tag ${rota.status === "published" ? "tag--met" : "tag--due"}`}>{rota.status === "published" ? "Published" : "Draft"}</span></p>
      <ActionNotices result={result} cancelTo={here} refusedField={{ formId: "add-to-shift", name: "personId" }} />
      {shift.past ? <p className="notice">This shift is in the past and can no longer be changed.</p> : null}

      {SLOTS.filter((slot) => shift.needs[slot] > 0 || shift.assignments.some((a) => a.slot === slot)).map((slot) => {
        const placed = shift.assignments.filter((a) => a.slot === slot);
        const standing = placed.filter((a) => a.status === "assigned" && !a.offBecause);
        return (
          <section key={slot}>
            <h2>{SLOT_LABELS[slot].many[0].toUpperCase() + SLOT_LABELS[slot].many.slice(1)}: {standing.length} of {shift.needs[slot]}</h2>
            {placed.length ? (
              <ul className="record-list">
                {placed.map((a) => (
                  <li key={a.id}>
                    {(a.status === "assigned" && !a.offBecause) || a.status === "pending" ? a.name : <s>{a.name}</s>}
                    {a.status === "cannot_attend" ? <strong> can no longer come{a.note ? `: “${a.note}”` : ""}</strong> : null}
                    {a.status === "pending" ? (
                      <>
                        <strong> asked to take this place from the open list: waiting for your yes</strong>
                        <Form method="post" action="/rota/requests" className="button-row">
                          <input type="hidden" name="assignmentId" value={a.id} />
                          <button type="submit" name="intent" value="approve" className="button">Yes<span className="visually-hidden">, {a.name}</span></button>
                          <button type="submit" name="intent" value="decline" className="button button--secondary">No<span className="visually-hidden">, not {a.name}</span></button>
                        </Form>
                      </>
                    ) : null}
                    {a.offBecause ? <strong> cannot do this shift: {a.offBecause}</strong> : null}{" "}
                    {a.status === "assigned" && !shift.past ? (
                      <Form method="post" className="inline-form">
                        <input type="hidden" name="assignmentId" value={a.id} />
                        <button type="submit" name="intent" value="remove" className="button button--secondary">Remove<span className="visually-hidden"> {a.name}</span></button>
                      </Form>
                    ) : null}
                  </li>
                ))}
              </ul>
            ) : <p>Nobody yet.</p>}
          </section>
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
                    <Form method="post" className="inline-form">
                      <input type="hidden" name="intent" value="assign" />
                      <input type="hidden" name="shiftId" value={shift.id} />
                      <input type="hidden" name="slot" value={gap.slot} />
                      <input type="hidden" name="personId" value={c.personId} />
                      <button type="submit" className="button button--secondary">Put on<span className="visually-hidden"> {c.name}</span></button>
                    </Form>
                  </li>
                ))}
              </ul>
            </>
          ) : <p>No one else is free and cleared for this place.</p>}
        </div>
      ))}

      {shift.past ? null : (
        <section>
          <h2>Add someone else</h2>
          <ValidatedForm id="add-to-shift" failure={refused} summary={false}>
            <input type="hidden" name="intent" value="assign" />
            <input type="hidden" name="shiftId" value={shift.id} />
            <SelectField name="personId" label="Person" options={[["", "Choose a person"], ...people.map((p) => [p.id, p.name] as const)]} />
            <SelectField name="slot" label="As" options={SLOTS.map((s) => [s, SLOT_LABELS[s].one] as const)} defaultValue="volunteer" />
            <button type="submit" className="button button--secondary">Add to shift</button>
          </ValidatedForm>
        </section>
      )}
    </>
  );
}
