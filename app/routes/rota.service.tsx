import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Form, Link, useLoaderData } from "@remix-run/react";
import { DateField, ErrorSummary } from "~/components/forms";
import { requirePermission } from "~/modules/auth/session.server";
import { centreService, periodFrom } from "~/modules/rota/service.server";
import { formatUkDate } from "~/utils/dates";

export const meta: MetaFunction = () => [{ title: "Record of service" }];

export async function loader({ request }: LoaderFunctionArgs) {
  const user = await requirePermission(request, "rota:manage");
  const url = new URL(request.url);
  const { fromInput, toInput, period } = periodFrom(url);
  if (!period.ok) return { fromInput, toInput, errors: period.errors, report: null, from: null, to: null, search: "" };
  const report = await centreService(user.centreId, period.from, period.to);
  return { fromInput, toInput, errors: null, report, from: period.from, to: period.to, search: url.search };
}

function percent(rate: number | null) {
  return rate === null ? "none needed" : `${Math.round(rate * 100)}%`;
}

export default function Service() {
  const { fromInput, toInput, errors, report, from, to, search } = useLoaderData<typeof loader>();
  return (
    <>
      <p><Link to="/rota">Back to rotas</Link></p>
      <h1>Record of service</h1>
      <p>Shifts served on published rotas, per person, and how well each session's places were filled. Volunteers see their own on My record.</p>
      <ErrorSummary errors={errors ?? undefined} labels={{ from: "From", to: "To" }} />
      <Form method="get" className="filters" aria-label="Choose the period">
        <DateField name="from" label="From" defaultValue={fromInput || (from ? formatUkDate(from) : "")} error={errors?.from} />
        <DateField name="to" label="To" defaultValue={toInput || (to ? formatUkDate(to) : "")} error={errors?.to} />
        <div className="field button-row"><button type="submit">Show</button></div>
      </Form>
      {report && from && to ? (
        <>
          <h2>Per person, {formatUkDate(from)} to {formatUkDate(to)}</h2>
          <p className="no-print"><a href={`/rota/service.csv${search ? `${search}&` : "?"}what=people`} download>Download per person as CSV</a></p>
          {report.people.length ? (
            <div className="table-wrap">
              <table className="cards">
                <caption className="visually-hidden">Shifts served per person</caption>
                <thead><tr><th scope="col">Person</th><th scope="col">Shifts served</th><th scope="col">Hours</th><th scope="col">Last shift</th></tr></thead>
                <tbody>
                  {report.people.map((p) => (
                    <tr key={p.personId}>
                      <th scope="row"><Link to={`/people/${p.personId}`}>{p.name}</Link></th>
                      <td data-label="Shifts served">{p.shifts}</td>
                      <td data-label="Hours">{p.hours}</td>
                      <td data-label="Last shift">{formatUkDate(p.last)}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
          ) : <p>No shifts served in this period.</p>}
          <h2>Places filled per session</h2>
          <p>Upcoming shifts count as they stand today: someone no longer able to do a shift does not fill its place.</p>
          <p className="no-print"><a href={`/rota/service.csv${search ? `${search}&` : "?"}what=sessions`} download>Download per session as CSV</a></p>
          {report.sessions.length ? (
            <div className="table-wrap">
              <table className="cards">
                <caption className="visually-hidden">Fill rate per session</caption>
                <thead><tr><th scope="col">Session</th><th scope="col">Shifts</th><th scope="col">Places filled</th><th scope="col">Fill rate</th></tr></thead>
                <tbody>
                  {report.sessions.map((s) => (
                    <tr key={s.sessionId}>
                      <th scope="row">{s.session}</th>
                      <td data-label="Shifts">{s.shifts}</td>
                      <td data-label="Places filled">{s.filled} of {s.needed}</td>
                      <td data-label="Fill rate">{percent(s.rate)}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
          ) : <p>No published shifts in this period.</p>}
        </>
      ) : null}
    </>
  );
}
