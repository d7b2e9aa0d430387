import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { redirect } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData } from "@remix-run/react";
import { DateField, ErrorSummary, SelectField, valueOf } from "~/components/forms";
import { actorOf } from "~/modules/auth/actor";
import { requirePermission } from "~/modules/auth/session.server";
import { createDraftRota, listRotas, shortShifts } from "~/modules/rota/rota.server";
import { rotaPlanSchema } from "~/modules/rota/validation";
import { prisma } from "~/db.server";
import { addDaysIso, formatUkDate, formatUkDateWithDay } from "~/utils/dates";
import { parseForm } from "~/utils/form";
import { clock } from "~/utils/clock.server";

export const meta: MetaFunction = () => [{ title: "Rotas" }];

export async function loader({ request }: LoaderFunctionArgs) {
  const user = await requirePermission(request, "rota:manage");
  const today = clock.today();
  const [rotas, short, sessionCount, teamCount] = await Promise.all([
    listRotas(user.centreId),
    shortShifts(user.centreId, today, addDaysIso(today, 7), { publishedOnly: true }),
    prisma.contactSession.count({ where: { centreId: user.centreId, retired: false } }),
    prisma.team.count({ where: { centreId: user.centreId } }),
  ]);
  const lastEnd = rotas.map((r) => r.endsOn).sort().at(-1);
  return {
    short,
    sessionCount,
    teamCount,
    suggestedStart: lastEnd && lastEnd >= today ? addDaysIso(lastEnd, 1) : today,
    rotas: rotas.map((r) => {
      const needed = r.shifts.reduce((n, s) => n + s.coordinatorsNeeded + s.staffNeeded + s.volunteersNeeded, 0);
      const filled = r.shifts.reduce((n, s) => n + s.assignments.length, 0);
      return { id: r.id, startsOn: r.startsOn, endsOn: r.endsOn, status: r.status, mode: r.mode, sessions: r.shifts.length, needed, filled };
    }),
  };
}

export async function action({ request }: ActionFunctionArgs) {
  const user = await requirePermission(request, "rota:manage");
  const parsed = parseForm(rotaPlanSchema, await request.formData());
  if (!parsed.ok) return parsed;
  const rota = await createDraftRota(actorOf(user), parsed.data);
  return redirect(`/rota/${rota.id}`);
}

export default function Rotas() {
  const { rotas, short, suggestedStart, sessionCount, teamCount } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const errors = actionData && !actionData.ok ? actionData.errors : undefined;
  const values = actionData && !actionData.ok ? actionData.values : undefined;
  return (
    <>
      <h1>Rotas</h1>
      <p><Link to="/rota/sessions">Sessions and closures</Link> · <Link to="/rota/teams">Teams</Link></p>
      {short.length ? (
        <div className="notice notice--warning" role="status">
          <h2>Short in the next week</h2>
          <ul>{short.map((s) => <li key={s.shiftId}><Link to={`/rota/${s.rotaId}#shift-${s.shiftId}`}>{s.session}, {formatUkDateWithDay(s.date)}</Link>: {s.short} short</li>)}</ul>
        </div>
      ) : null}

      <h2>Plan a new rota</h2>
      {sessionCount === 0 ? <p>First <Link to="/rota/sessions/new">add the sessions your centre runs</Link>.</p> : (
        <>
          <p>The app drafts the rota: only people cleared to work on each date, respecting availability and how often each person serves. You then adjust it and publish.</p>
          <ErrorSummary errors={errors} labels={{ startsOn: "First day", weeks: "Length", mode: "Who is rostered" }} />
          <Form method="post" noValidate>
            <DateField name="startsOn" label="First day of the rota" defaultValue={valueOf(values, "startsOn", formatUkDate(suggestedStart))} error={errors?.startsOn} />
            <SelectField name="weeks" label="Length" options={[["4", "4 weeks"], ["5", "5 weeks"], ["6", "6 weeks"]]} defaultValue={valueOf(values, "weeks", "6")} error={errors?.weeks} />
            <SelectField
              name="mode" label="Who is rostered"
              options={[["individuals", "Individuals, shared out fairly"], ["teams", teamCount ? `Fixed teams taking turns (${teamCount} teams)` : "Fixed teams taking turns (set up teams first)"]]}
              defaultValue={valueOf(values, "mode", "individuals")} error={errors?.mode}
            />
            <button type="submit">Draft the rota</button>
          </Form>
        </>
      )}

      <h2>All rotas</h2>
      {rotas.length ? (
        <div className="table-wrap">
          <table>
            <thead><tr><th scope="col">Period</th><th scope="col">Status</th><th scope="col">Sessions</th><th scope="col">Places filled</th></tr></thead>
            <tbody>
              {rotas.map((r) => (
                <tr key={r.id}>
                  <th scope="row"><Link to={`/rota/${r.id}`}>{formatUkDate(r.startsOn)} to {formatUkDate(r.endsOn)}</Link></th>
                  <td><span className={`tag ${r.status === "published" ? "tag--met" : "tag--due"}`}>{r.status === "published" ? "Published" : "Draft"}</span>{r.mode === "teams" ? " (teams)" : ""}</td>
                  <td>{r.sessions}</td>
                  <td>{r.filled} of {r.needed}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      ) : <p>No rotas yet.</p>}
    </>
  );
}
