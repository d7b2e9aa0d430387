import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Link, useActionData, useLoaderData } from "@remix-run/react";
import { AvailabilityForms } from "~/components/availability";
import { actorOf } from "~/modules/auth/actor";
import { requirePermission } from "~/modules/auth/session.server";
import { availabilityAction, loadAvailability } from "~/modules/rota/availability.server";

export const meta: MetaFunction = () => [{ title: "My availability" }];

async function ownPerson(request: Request) {
  const user = await requirePermission(request, "self:read");
  if (!user.personId) throw new Response("Your sign-in is not linked to a record at the centre", { status: 400 });
  return { user, personId: user.personId };
}

export async function loader({ request }: LoaderFunctionArgs) {
  const { personId } = await ownPerson(request);
  return loadAvailability(personId);
}

export async function action({ request }: ActionFunctionArgs) {
  const { user, personId } = await ownPerson(request);
  return availabilityAction(actorOf(user), personId, await request.formData());
}

export default function MyAvailability() {
  const data = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  return (
    <>
      <p><Link to="/my-shifts">Back to my shifts</Link></p>
      <h1>My availability</h1>
      <p>The rota never puts you on a date you cannot do, or more often than you choose.</p>
      <AvailabilityForms data={data} result={result} self />
    </>
  );
}
