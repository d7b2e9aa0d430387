import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Form, Link, useLoaderData } from "@remix-run/react";
import { SelectField, TextField } from "~/components/forms";
import { ConflictTag, StatusTag } from "~/components/tags";
import { can } from "~/modules/auth/permissions";
import { requirePermission } from "~/modules/auth/session.server";
import { ROLE_OPTIONS, STATUS_LABELS, STATUSES, roleList } from "~/modules/people/constants";
import { fullName, listPeople } from "~/modules/people/people.server";
import { formatUkDate } from "~/utils/dates";
import { pageNumber } from "~/utils/pages";
import { Pagination } from "~/components/pagination";

export const meta: MetaFunction = () => [{ title: "People" }];

export async function loader({ request }: LoaderFunctionArgs) {
  const user = await requirePermission(request, "people:read");
  const url = new URL(request.url);
  const filters = {
    q: url.searchParams.get("q") ?? "",
    role: url.searchParams.get("role") ?? "",
    status: url.searchParams.get("status") ?? "current",
  };
  const { people, page } = await listPeople(user.centreId, filters, pageNumber(url));
  return {
    filters,
    page,
    canEdit: can(user.accessRole, "people:write"),
    people: people.map((p) => ({
      id: p.id,
      name: fullName(p),
      email: p.email,
      phone: p.phone,
      roles: roleList(p.roles.map((r) => r.role)),
      status: p.status,
      startedOn: p.startedOn,
      leftOn: p.leftOn,
      conflict: p.usesCentreForOwnFamily,
    })),
  };
}

const ROLE_FILTER = [["", "Any role"], ...ROLE_OPTIONS] as const;
const STATUS_FILTER = [
  ["current", "Everyone who has not left"],
  ["all", "Everyone, including people who have left"],
  ...STATUSES.map((s) => [s, STATUS_LABELS[s]] as const),
] as const;

export default function People() {
  const { people, filters, canEdit, page } = useLoaderData<typeof loader>();
  return (
    <>
      <h1>People</h1>
      {canEdit ? (
        <p className="button-row">
          <Link to="/people/new" className="button">Add a person</Link>
          <Link to="/people/import" className="button button--secondary">Import from a spreadsheet</Link>
          <Link to="/people/removal">Leavers due for removal</Link>
        </p>
      ) : null}
      <Form method="get" className="filters" role="search" aria-label="Find people">
        <TextField name="q" label="Name or email" type="search" defaultValue={filters.q} />
        <SelectField name="role" label="Role" options={ROLE_FILTER} defaultValue={filters.role} />
        <SelectField name="status" label="Status" options={STATUS_FILTER} defaultValue={filters.status} />
        <div className="field button-row"><button type="submit">Show people</button></div>
      </Form>
      <p aria-live="polite">{page.total === 1 ? "1 person" : `${page.total} people`}</p>
      {people.length ? (
        <div className="table-wrap">
          <table className="cards">
            <thead>
              <tr><th scope="col">Name</th><th scope="col">Roles</th><th scope="col">Status</th><th scope="col">Started</th><th scope="col">Contact</th></tr>
            </thead>
            <tbody>
              {people.map((person) => (
                <tr key={person.id}>
                  <th scope="row">
                    <Link to={`/people/${person.id}`}>{person.name}</Link>
                    {person.conflict ? <><br /><ConflictTag /></> : null}
                  </th>
                  <td data-label="Roles">{person.roles}</td>
                  <td data-label="Status"><StatusTag status={person.status} />{person.leftOn ? <> on {formatUkDate(person.leftOn)}</> : null}</td>
                  <td data-label="Started">{formatUkDate(person.startedOn) || "Not yet"}</td>
                  <td data-label="Contact" className="wrap-anywhere">{person.email}{person.email && person.phone ? <br /> : null}{person.phone}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      ) : (
        <p>No one matches. Try a different name, role or status.</p>
      )}
      <Pagination page={page} label="People" />
    </>
  );
}
