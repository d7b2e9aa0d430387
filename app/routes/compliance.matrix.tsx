import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Form, Link, useLoaderData, useLocation } from "@remix-run/react";
import { ClearedTag, ComplianceTag } from "~/components/compliance";
import { ErrorSummary, SelectField, TextField } from "~/components/forms";
import { requirePermission } from "~/modules/auth/session.server";
import { centreCompliance } from "~/modules/compliance/compliance.server";
import { refreshStanding, standingPage, standingSummary } from "~/modules/compliance/standing.server";
import { matrixParams } from "~/modules/compliance/matrix-params";
import { cellFor, matrixColumns } from "~/modules/compliance/overview";
import { ROLE_OPTIONS, STATUS_LABELS, STATUSES, roleList } from "~/modules/people/constants";
import { formatUkDate } from "~/utils/dates";
import { clock } from "~/utils/clock.server";
import { Pagination } from "~/components/pagination";
import { pageNumber } from "~/utils/pages";

export const meta: MetaFunction = () => [{ title: "Compliance matrix" }];

export async function loader({ request }: LoaderFunctionArgs) {
  const user = await requirePermission(request, "compliance:read");
  const { date, filters } = matrixParams(new URL(request.url), clock.today());
  // Who is shown, and the counts, come from stored standing; only the page shown is evaluated in full.
  await refreshStanding(user.centreId);
  const summary = await standingSummary(user.centreId, date.date, filters);
  const { personIds, page } = await standingPage(user.centreId, date.date, filters, summary.people, pageNumber(new URL(request.url)));
  const { courses, rows } = await centreCompliance(user.centreId, date.date, personIds);
  const columns = matrixColumns(courses, true);
  return {
    date,
    filters,
    page,
    columns: columns.map((c) => ({ key: c.key, label: c.label })),
    summary,
    rows: rows.map((row) => ({
      id: row.id,
      name: row.name,
      roles: roleList(row.compliance.roles),
      cleared: row.compliance.cleared,
      fullyCompliant: row.compliance.fullyCompliant,
      cells: columns.map((column) => cellFor(row, column)),
    })),
  };
}

const ROLE_FILTER = [["", "Any role"], ...ROLE_OPTIONS] as const;
const STATUS_FILTER = [["", "Any status"], ...STATUSES.filter((s) => s !== "left").map((s) => [s, STATUS_LABELS[s]] as const)] as const;
const VIEW_FILTER = [
  ["everyone", "Everyone"],
  ["attention", "Anything expired, missing or due soon"],
  ["not_cleared", "Not cleared to work"],
  ["compliant", "Fully compliant"],
] as const;

export default function Matrix() {
  const { date, filters, columns, rows, summary, page } = useLoaderData<typeof loader>();
  const location = useLocation();
  return (
    <>
      <h1>Compliance matrix</h1>
      <p className="lead">
        {date.isToday ? "Today" : `As it stood on ${formatUkDate(date.date)}`}: {summary.people} people, {summary.cleared} cleared to work, {summary.fullyCompliant} fully compliant.
      </p>
      <ErrorSummary errors={date.error ? { date: date.error } : undefined} labels={{ date: "Date" }} />
      <Form method="get" className="filters" aria-label="Filter the matrix">
        <TextField name="date" label="As on date" hint="Any past date, for example 27/03/2024" defaultValue={date.input} width="short" error={date.error ?? undefined} />
        <SelectField name="role" label="Role" options={ROLE_FILTER} defaultValue={filters.role ?? ""} />
        <SelectField name="status" label="Status" options={STATUS_FILTER} defaultValue={filters.personStatus ?? ""} />
        <SelectField name="view" label="Show" options={VIEW_FILTER} defaultValue={filters.view ?? "everyone"} />
        <div className="field button-row"><button type="submit">Show</button></div>
      </Form>
      <p className="no-print">
        <a href={`/compliance/matrix.csv${location.search}`} download>Download this matrix as CSV (opens in Excel)</a>
      </p>
      {rows.length ? (
        <div className="table-wrap matrix" tabIndex={0} role="region" aria-label="Compliance matrix (scrolls sideways)">
          <table>
            <caption className="visually-hidden">Compliance of each person on {formatUkDate(date.date)}</caption>
            <thead>
              <tr>
                <th scope="col">Person</th>
                <th scope="col">Cleared to work</th>
                {columns.map((c) => <th scope="col" key={c.key}>{c.label}</th>)}
              </tr>
            </thead>
            <tbody>
              {rows.map((row) => (
                <tr key={row.id}>
                  <th scope="row">
                    <Link to={`/people/${row.id}/compliance${date.isToday ? "" : `?date=${encodeURIComponent(formatUkDate(date.date))}`}`}>{row.name}</Link>
                    <br /><span className="muted">{row.roles}</span>
                  </th>
                  <td><ClearedTag cleared={row.cleared} />{row.fullyCompliant ? <><br /><span className="muted">Fully compliant</span></> : null}</td>
                  {row.cells.map((cell, i) => (
                    <td key={columns[i].key} title={cell.detail}>
                      <ComplianceTag status={cell.status} words={cell.words} />
                      {cell.detail && cell.status !== "not_required" ? <div className="cell-detail">{cell.detail}</div> : null}
                    </td>
                  ))}
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      ) : (
        <p>No one matches these filters on {formatUkDate(date.date)}.</p>
      )}
      <Pagination page={page} label="Compliance matrix" />
    </>
  );
}
