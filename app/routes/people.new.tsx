import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { redirect } from "@remix-run/node";
import { Link, useActionData } from "@remix-run/react";
import { PersonForm } from "~/components/person-form";
import { actorOf } from "~/modules/auth/actor";
import { requirePermission } from "~/modules/auth/session.server";
import { createPerson } from "~/modules/people/people.server";
import { personSchema } from "~/modules/people/validation";
import { formFailure, formValues, parseForm } from "~/utils/form";
import { clock } from "~/utils/clock.server";

export const meta: MetaFunction = () => [{ title: "Add a person" }];

export async function loader({ request }: LoaderFunctionArgs) {
  await requirePermission(request, "people:write");
  return null;
}

export async function action({ request }: ActionFunctionArgs) {
  const user = await requirePermission(request, "people:write");
  const formData = await request.formData();
  const parsed = parseForm(personSchema, formData);
  if (!parsed.ok) return parsed;
  const result = await createPerson(actorOf(user), parsed.data, clock.today());
  if (!result.ok) return formFailure(result.errors, formValues(formData));
  return redirect(`/people/${result.personId}?saved=created`);
}

export default function NewPerson() {
  const actionData = useActionData<typeof action>();
  return (
    <>
      <p><Link to="/people">Back to people</Link></p>
      <h1>Add a person</h1>
      <PersonForm failure={actionData} submitLabel="Add person" />
    </>
  );
}
