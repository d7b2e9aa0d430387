import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { useLoaderData } from "@remix-run/react";
import { StatusTag } from "~/components/tags";
import { requirePermission } from "~/modules/auth/session.server";
import { roleList } from "~/modules/people/constants";
import { fullName, getPerson } from "~/modules/people/people.server";
import { currentRoles } from "~/modules/people/roles";
import { formatUkDate } from "~/utils/dates";

export const meta: MetaFunction = () => [{ title: "My record" }];

/** A volunteer's own record: only ever their own, whatever they ask for. */
export async function loader({ request }: LoaderFunctionArgs) {
  const user = await requirePermission(request, "self:read");
  const person = user.personId ? await getPerson(user.centreId, user.personId) : null;
  return {
    name: user.name,
    person: person && {
      name: fullName(person),
      email: person.email,
      phone: person.phone,
      roles: roleList(currentRoles(person.roles)),
      status: person.status,
      startedOn: person.startedOn,
    },
  };
}

export default function Me() {
  const { name, person } = useLoaderData<typeof loader>();
  if (!person) {
    return (
      <>
        <h1>{name}</h1>
        <p>Your sign-in is not linked to a record at the centre. Ask your co-ordinator to link it.</p>
      </>
    );
  }
  return (
    <>
      <h1>My record</h1>
      <dl className="summary">
        <dt>Name</dt><dd>{person.name}</dd>
        <dt>Roles</dt><dd>{person.roles || "None"}</dd>
        <dt>Status</dt><dd><StatusTag status={person.status} /></dd>
        <dt>Started</dt><dd>{formatUkDate(person.startedOn) || "Not yet"}</dd>
        <dt>Email</dt><dd>{person.email ?? "None recorded"}</dd>
        <dt>Phone</dt><dd>{person.phone ?? "None recorded"}</dd>
      </dl>
      <p>If anything here is wrong, tell your co-ordinator.</p>
    </>
  );
}
