import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData } from "@remix-run/react";
import { DateField, SelectField, TextField, ValidatedForm, valueOf } from "~/components/forms";
import { actorOf } from "~/modules/auth/actor";
import { requirePermission } from "~/modules/auth/session.server";
import { describePattern } from "~/modules/rota/recurrence";
import { listSessions, toPattern } from "~/modules/rota/rota.server";
import { addClosure, listClosures, removeClosure, setSessionRetired } from "~/modules/rota/setup.server";
import { closureSchema } from "~/modules/rota/validation";
import { formatUkDateWithDay } from "~/utils/dates";
import { formFailure, formValues, parseForm } from "~/utils/form";
import { clock } from "~/utils/clock.server";

export const meta: MetaFunction = () => [{ title: "Sessions and closures" }];

export async function loader({ request }: LoaderFunctionArgs) {
  const user = await requirePermission(request, "rota:manage");
  const [sessions, closures] = await Promise.all([listSessions(user.centreId), listClosures(user.centreId, clock.today())]);
  return {
    today: clock.today(),
    sessions: sessions.map((s) => ({
      id: s.id, name: s.name, location: s.location, retired: s.retired, pattern: describePattern(toPattern(s)),
      needs: `${s.coordinatorsNeeded} co-ordinator or deputy, ${s.staffNeeded} staff, ${s.volunteersNeeded} volunteers`,
    })),
    closures: closures.map((c) => ({ id: c.id, date: c.date, reason: c.reason, session: c.session?.name ?? null })),
  };
}

export async function action({ request }: ActionFunctionArgs) {
  const user = await requirePermission(request, "rota:manage");
  const formData = await request.formData();
  const intent = formData.get("intent");
  if (intent === "add-closure") {
    const parsed = parseForm(closureSchema(clock.today()), formData);
    if (!parsed.ok) return parsed;
    const errors = await addClosure(actorOf(user), parsed.data);
    return Object.keys(errors).length ? formFailure(errors, formValues(formData)) : { ok: true as const };
  }
  if (intent === "remove-closure") {
    await removeClosure(actorOf(user), String(formData.get("closureId")));
    return { ok: true as const };
  }
  if (intent === "retire" || intent === "restart") {
    await setSessionRetired(actorOf(user), String(formData.get("sessionId")), intent === "retire");
    return { ok: true as const };
  }
  throw new Response("Unknown action", { status: 400 });
}

export default function Sessions() {
  const { sessions, closures, today } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const failure = actionData && !actionData.ok ? actionData : null;
  const values = actionData && !actionData.ok ? actionData.values : undefined;
  return (
    <>
      <p><Link to="/rota">Back to rotas</Link></p>
      <h1>Sessions and closures</h1>
      <p><Link to="/rota/sessions/new" className="button">Add a session</Link></p>
      {sessions.length ? (
        <div className="table-wrap">
          <table className="cards">
            <thead><tr><th scope="col">Session</th><th scope="col">When</th><th scope="col">On duty</th><th scope="col"><span className="visually-hidden">Actions</span></th></tr></thead>
            <tbody>
              {sessions.map((s) => (
                <tr key={s.id}>
                  <th scope="row"><Link to={`/rota/sessions/${s.id}`}>{s.name}</Link>{s.location ? <><br /><span className="muted">{s.location}</span></> : null}{s.retired ? " (stopped)" : ""}</th>
                  <td data-label="When">{s.pattern}</td>
                  <td data-label="On duty">{s.needs}</td>
                  <td>
                    <Form method="post">
                      <input type="hidden" name="sessionId" value={s.id} />
                      <button type="submit" name="intent" value={s.retired ? "restart" : "retire"} className="button button--secondary">
                        {s.retired ? "Restart" : "Stop"}<span className="visually-hidden"> {s.name}</span>
                      </button>
                    </Form>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      ) : <p>No sessions yet. Add the sessions your centre runs, such as every Saturday 10:00 to 12:30.</p>}

      <h2>Closures</h2>
      <p>Sessions do not run on these days. England and Wales bank holidays are skipped automatically unless a session says otherwise.</p>
      {closures.length ? (
        <ul>
          {closures.map((c) => (
            <li key={c.id}>
              {formatUkDateWithDay(c.date)}: {c.reason}{c.session ? ` (${c.session} only)` : " (whole centre)"}{" "}
              <Form method="post" style={{ display: "inline" }}>
                <input type="hidden" name="closureId" value={c.id} />
                <button type="submit" name="intent" value="remove-closure" className="button button--secondary">Remove<span className="visually-hidden"> closure on {formatUkDateWithDay(c.date)}</span></button>
              </Form>
            </li>
          ))}
        </ul>
      ) : <p>No closures coming up.</p>}
      <h3>Add a closure</h3>
      <ValidatedForm id="add-closure" schema={closureSchema(today)} failure={failure} labels={{ date: "Date", reason: "Reason", sessionId: "Session" }}>
        <input type="hidden" name="intent" value="add-closure" />
        <DateField name="date" label="Date" defaultValue={valueOf(values, "date")} />
        <TextField name="reason" label="Reason" defaultValue={valueOf(values, "reason")} />
        <SelectField name="sessionId" label="Which sessions" options={[["", "The whole centre"], ...sessions.map((s) => [s.id, `${s.name} only`] as const)]} defaultValue={valueOf(values, "sessionId")} />
        <button type="submit">Add closure</button>
      </ValidatedForm>
    </>
  );
}
