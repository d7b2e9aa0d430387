/** What volunteers did for themselves that a co-ordinator should see: on the dashboard and its own page. */
import { Form } from "@remix-run/react";
import { formatUkDateWithDay } from "~/utils/dates";

type ShiftBits = { rotaId: string; shiftId: string; date: string; time: string; session: string; as: string };
export type VolunteerRequestsData = {
  pending: (ShiftBits & { assignmentId: string; name: string })[];
  offered: (ShiftBits & { swapId: string; name: string; note: string; closesAt: string })[];
  unanswered: (ShiftBits & { swapId: string; name: string; note: string; closesAt: string; cover: { personId: string; name: string; reason: string }[] })[];
};

const shiftLink = (s: ShiftBits) => <a href={`/rota/${s.rotaId}/shifts/${s.shiftId}`}>{s.session}, {formatUkDateWithDay(s.date)}</a>;

export function VolunteerRequests({ data, headingLevel = 2 }: { data: VolunteerRequestsData; headingLevel?: 2 | 3 }) {
  const H = `h${headingLevel}` as "h2" | "h3";
  return (
    <>
      <H>Waiting for your yes</H>
      {data.pending.length ? (
        <ul className="record-list">
          {data.pending.map((p) => (
            <li key={p.assignmentId}>
              {p.name} asked to take a place as {p.as}: {shiftLink(p)}, {p.time}.
              <Form method="post" action="/rota/requests" className="button-row">
                <input type="hidden" name="assignmentId" value={p.assignmentId} />
                <button type="submit" name="intent" value="approve" className="button">Yes<span className="visually-hidden">, {p.name} on {formatUkDateWithDay(p.date)}</span></button>
                <button type="submit" name="intent" value="decline" className="button button--secondary">No<span className="visually-hidden">, not {p.name} on {formatUkDateWithDay(p.date)}</span></button>
              </Form>
            </li>
          ))}
        </ul>
      ) : <p>No places waiting for an answer.</p>}
      <H>Swaps nobody took</H>
      {data.unanswered.length ? (
        <ul className="record-list">
          {data.unanswered.map((s) => (
            <li key={s.swapId}>
              <strong>{shiftLink(s)}</strong>: {s.name} asked for someone to take their place as {s.as}; nobody had by {s.closesAt}. Treat it as a gap.
              {s.note ? <> Their note: {s.note}.</> : null}
              <br />Who could cover: {s.cover.length ? s.cover.map((c) => `${c.name} (${c.reason})`).join(", ") : "no one eligible is free"}.
            </li>
          ))}
        </ul>
      ) : <p>None.</p>}
      <H>Swaps on offer</H>
      {data.offered.length ? (
        <ul>{data.offered.map((s) => <li key={s.swapId}>{shiftLink(s)}: {s.name}'s place as {s.as}, offered to eligible colleagues until {s.closesAt}.</li>)}</ul>
      ) : <p>None.</p>}
    </>
  );
}
