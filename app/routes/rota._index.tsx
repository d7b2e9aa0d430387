import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { redirect } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData } from "@remix-run/react";
import { DateField, SelectField, ValidatedForm, valueOf } from "~/components/forms";
import { actorOf } from "~/modules/auth/actor";
import { requirePermission } from "~/modules/auth/session.server";
import { createDraftRota, rotaGaps, rotaList } from "~/modules/rota/rota.server";
import { setupCounts } from "~/modules/rota/setup.server";
import { rotaPlanSchema } from "~/modules/rota/validation";
import { addDaysIso, formatUkDate, formatUkDateWithDay } from "~/utils/dates";
import { formValues, parseForm, type FieldErrors } from "~/utils/form";
import { clock } from "~/utils/clock.server";

export const meta: MetaFunction = () => [{ title: "Rotas" }];

export async function loader({ request }: LoaderFunctionArgs) {
  const user = await requirePermission(request, "rota:manage");
  const today = clock.today();
  const [rotas, gaps, { sessions: sessionCount, teams: teamCount }] = await Promise.all([
    rotaList(user.centreId, today),
    rotaGaps(user.centreId, today, addDaysIso(today, 7), { publishedOnly: true }, today),
    setupCounts(user.centreId),
  ]);
  const lastEnd = rotas.map((r) => r.endsOn).sort().at(-1);
  return {
    short: gaps.short,
    sessionCount,
    teamCount,
    today,
    suggestedStart: lastEnd && lastEnd >= today ? addDaysIso(lastEnd, 1) : today,
    rotas,
  };
}

export async function action({ request }: ActionFunctionArgs) {
  const user = await requirePermission(request, "rota:manage");
  const formData = await request.formData();
  const parsed = parseForm(rotaPlanSchema(clock.today()), formData);
  if (!parsed.ok) return { ...parsed, overlap: null };
  const replaceDraftId = String(formData.get("replaceDraftId") ?? "") || undefined;
  const result = await createDraftRota(actorOf(user), parsed.data, { replaceDraftId });
  if (result.ok) return redirect(`/rota/${result.rotaId}`);
  const { rota, code } = result.refusal;
  const period = `${formatUkDate(rota.startsOn)} to ${formatUkDate(rota.endsOn)}`;
  const message = code === "overlaps_published"
    ? `These dates overlap the published rota for ${period}. A published rota is never replaced: start the new one on ${formatUkDate(addDaysIso(rota.endsOn, 1))} or later, or change the published rota itself.`
    : `These dates overlap the draft rota for ${period}. Replace that draft with a new one, or choose other dates.`;
  return { ok: false as const, errors: { startsOn: message } as FieldErrors, values: formValues(formData), overlap: code === "overlaps_draft" ? { rotaId: rota.id, period } : null };
}

export default function Rotas() {
  const { rotas, short, suggestedStart, sessionCount, teamCount, today } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const failure = actionData && !actionData.ok ? actionData : null;
  const values = actionData && !actionData.ok ? actionData.values : undefined;
  const overlap = actionData && !actionData.ok ? actionData.overlap : null;
  return (
    <>
      <h1>Rotas</h1>
      <p><Link to="/rota/sessions">Sessions and closures</Link> · <Link to="/rota/teams">Teams</Link> · <Link to="/rota/requests">Volunteers' requests</Link> · <Link to="/rota/service">Record of service</Link> · <Link to="/shifts">Week and month view</Link></p>
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
          <ValidatedForm id="plan-rota" schema={rotaPlanSchema(today)} failure={failure} labels={{ startsOn: "First day", weeks: "Length", mode: "Who is rostered" }}>
            <DateField name="startsOn" label="First day of the rota" defaultValue={valueOf(values, "startsOn", formatUkDate(suggestedStart))} />
            <SelectField name="weeks" label="Length" options={[["4", "4 weeks"], ["5", "5 weeks"], ["6", "6 weeks"]]} defaultValue={valueOf(values, "weeks", "6")} />
            <SelectField
              name="mode" label="Who is rostered"
              options={[["individuals", "Individuals, shared out fairly"], ["teams", teamCount ? `Fixed teams taking turns (${teamCount} teams)` : "Fixed teams taking turns (set up teams first)"]]}
              defaultValue={valueOf(values, "mode", "individuals")}
            />
            <button type="submit">Draft the rota</button>
          </ValidatedForm>
          {overlap ? (
            <Form method="post" className="notice notice--warning">
              <p>Replacing the draft for {overlap.period} discards it and its changes, and drafts these dates afresh.</p>
              {(["startsOn", "weeks", "mode"] as const).map((name) => <input key={name} type="hidden" name={name} value={valueOf(values, name)} />)}
              <input type="hidden" name="replaceDraftId" value={overlap.rotaId} />
              <button type="submit" className="button button--warning">Replace the draft for {overlap.period}</button>
            </Form>
          ) : null}
        </>
      )}

      <h2>All rotas</h2>
      {rotas.length ? (
        <div className="table-wrap">
          <table className="cards">
            <thead><tr><th scope="col">Period</th><th scope="col">Status</th><th scope="col">Sessions</th><th scope="col">Places filled</th></tr></thead>
            <tbody>
              {rotas.map((r) => (
                <tr key={r.id}>
                  <th scope="row"><Link to={`/rota/${r.id}`}>{formatUkDate(r.startsOn)} to {formatUkDate(r.endsOn)}</Link></th>
                  <td data-label="Status"><span className={`tag ${r.status === "published" ? "tag--met" : "tag--due"}`}>{r.status === "published" ? "Published" : "Draft"}</span>{r.mode === "teams" ? " (teams)" : ""}</td>
                  <td data-label="Sessions">{r.sessions}</td>
                  <td data-label="Places filled">{r.filled} of {r.needed}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      ) : <p>No rotas yet.</p>}
    </>
  );
}
