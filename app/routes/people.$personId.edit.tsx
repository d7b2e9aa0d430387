import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { redirect } from "@remix-run/node";
import { announceOpenPlaces } from "~/modules/rota/self-service.server";
import { Link, useActionData, useLoaderData } from "@remix-run/react";
import { PersonForm } from "~/components/person-form";
import { actorOf } from "~/modules/auth/actor";
import { invariantResponse, requirePermission } from "~/modules/auth/session.server";
import { fullName, getPerson, updatePerson } from "~/modules/people/people.server";
import { currentRoles } from "~/modules/people/roles";
import { personSchema } from "~/modules/people/validation";
import { formFailure, formValues, parseForm } from "~/utils/form";
import { clock } from "~/utils/clock.server";

export const meta: MetaFunction<typeof loader> = ({ data }) => [{ title: data ? `Edit ${data.name}` : "Edit person" }];

export async function loader({ request, params }: LoaderFunctionArgs) {
  const user = await requirePermission(request, "people:write");
  const person = await getPerson(user.centreId, params.personId!);
  invariantResponse(person, "We could not find that person at your centre.");
  return {
    id: person.id,
    name: fullName(person),
    defaults: {
      firstName: person.firstName,
      lastName: person.lastName,
      email: person.email,
      phone: person.phone,
      roles: currentRoles(person.roles),
      status: person.status,
      startedOn: person.startedOn,
      leftOn: person.leftOn,
      usesCentreForOwnFamily: person.usesCentreForOwnFamily,
      conflictNote: person.conflictNote },
  };
}

export async function action({ request, params }: ActionFunctionArgs) {
  const user = await requirePermission(request, "people:write");
  const formData = await request.formData();
  const parsed = parseForm(personSchema, formData);
  if (!parsed.ok) return parsed;
  const result = await updatePerson(actorOf(user), params.personId!, parsed.data, clock.today());
  if (!result.ok) return formFailure(result.errors, formValues(formData));
  if (result.opened.length) await announceOpenPlaces(user.centreId);
  return redirect(`/people/${result.personId}?saved=updated`);
}

export default function EditPerson() {
  const { id, name, defaults } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  return (
    <>
      <p><Link to={`/people/${id}`}>Back to {name}</Link></p>
      <h1>Edit {name}</h1>
      <PersonForm defaults={defaults} failure={actionData} submitLabel="Save changes" isEdit />
    </>
  );
}
