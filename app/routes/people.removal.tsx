import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { redirect } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData, useSearchParams } from "@remix-run/react";
import { actorOf } from "~/modules/auth/actor";
import { requirePermission } from "~/modules/auth/session.server";
import { removePersonalData, retentionOverview, UPCOMING_DAYS } from "~/modules/people/retention.server";
import { prisma } from "~/db.server";
import { fullName } from "~/modules/people/people.server";
import { clock } from "~/utils/clock.server";
import { formatUkDate } from "~/utils/dates";

export const meta: MetaFunction = () => [{ title: "People due for removal" }];

export async function loader({ request }: LoaderFunctionArgs) {
  const user = await requirePermission(request, "people:write");
  return { today: clock.today(), ...(await retentionOverview(user.centreId, clock.today())) };
}

const REFUSED = {
  "not-due": (dueOn: string | null) => `Their records are kept until ${formatUkDate(dueOn)}: they cannot be removed before then.`,
  "already-removed": () => "Their personal data has already been removed.",
};

export async function action({ request }: ActionFunctionArgs) {
  const user = await requirePermission(request, "people:write");
  const formData = await request.formData();
  const personId = String(formData.get("personId") ?? "");
  const person = await prisma.person.findFirst({ where: { id: personId, centreId: user.centreId }, select: { id: true, firstName: true, lastName: true } });
  if (!person) throw new Response("Person not found", { status: 404 });
  // Removal cannot be undone: the first press asks, the second (with `confirmed`) does it.
  if (formData.get("confirmed") !== "yes") return { ok: true as const, confirm: { personId: person.id, name: fullName(person) } };
  const result = await removePersonalData(actorOf(user), person.id, clock.today());
  if (!result.ok) return { ok: false as const, message: `${fullName(person)}: ${REFUSED[result.code](result.dueOn)}` };
  return redirect("/people/removal?removed=1");
}

export default function PeopleDueForRemoval() {
  const data = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const [searchParams] = useSearchParams();
  return (
    <>
      <p><Link to="/people">Back to people</Link></p>
      <h1>People due for removal</h1>
      <p className="lead">
        Leavers' records are kept for {data.years} years after their last day (<Link to="/settings#retention">change this in Settings</Link>).
        After that, remove their personal data here.
      </p>
      <p>
        Removing keeps the person as “Removed person” with their roles, dates, DBS levels and outcomes, training dates and shifts, so your counts and
        history stay right. Names, contact details, certificate numbers, referees, notes and their sign-in go, and so does their name in the audit log.
        It cannot be undone. You can run the same from the command line: <code>npm run retention</code>.
      </p>
      {searchParams.get("removed") ? <div className="notice notice--success" role="status">Their personal data has been removed. The removal is in the audit log.</div> : null}
      {actionData && !actionData.ok ? <div className="notice notice--warning" role="alert">{actionData.message}</div> : null}
      {actionData?.ok && actionData.confirm ? (
        <div className="notice notice--warning" role="alert">
          <h2>Remove {actionData.confirm.name}'s personal data?</h2>
          <p>This cannot be undone. Their records stay, without anything that identifies them.</p>
          <Form method="post" className="button-row">
            <input type="hidden" name="personId" value={actionData.confirm.personId} />
            <input type="hidden" name="confirmed" value="yes" />
            <button type="submit" className="button button--warning">Yes, remove {actionData.confirm.name}'s personal data</button>
            <Link to="/people/removal">Cancel</Link>
          </Form>
        </div>
      ) : null}

      <h2>Due now ({data.due.length})</h2>
      {data.due.length ? (
        <div className="table-wrap">
          <table className="cards">
            <thead><tr><th scope="col">Name</th><th scope="col">Last day</th><th scope="col">Due since</th><th scope="col"><span className="visually-hidden">Action</span></th></tr></thead>
            <tbody>
              {data.due.map((p) => (
                <tr key={p.id}>
                  <th scope="row"><Link to={`/people/${p.id}`}>{p.name}</Link></th>
                  <td data-label="Last day">{formatUkDate(p.leftOn)}</td>
                  <td data-label="Due since">{formatUkDate(p.dueOn)}</td>
                  <td>
                    <Form method="post">
                      <input type="hidden" name="personId" value={p.id} />
                      <button type="submit" className="button button--warning">Remove personal data<span className="visually-hidden"> of {p.name}</span></button>
                    </Form>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      ) : <p>Nobody is due for removal.</p>}

      <h2>Due in the next {UPCOMING_DAYS} days ({data.upcoming.length})</h2>
      {data.upcoming.length ? (
        <ul>{data.upcoming.map((p) => <li key={p.id}><Link to={`/people/${p.id}`}>{p.name}</Link>: last day {formatUkDate(p.leftOn)}, due {formatUkDate(p.dueOn)}</li>)}</ul>
      ) : <p>Nobody.</p>}
      <p>Removed so far: {data.removed}.</p>
    </>
  );
}
