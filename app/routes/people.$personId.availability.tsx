import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Link, useActionData, useLoaderData } from "@remix-run/react";
import { AvailabilityForms } from "~/components/availability";
import { prisma } from "~/db.server";
import { actorOf } from "~/modules/auth/actor";
import { invariantResponse, requirePermission } from "~/modules/auth/session.server";
import { availabilityAction, loadAvailability } from "~/modules/rota/availability.server";

export const meta: MetaFunction = () => [{ title: "Availability" }];

async function personOfCentre(centreId: string, personId: string) {
  const person = await prisma.person.findFirst({ where: { id: personId, centreId }, select: { id: true } });
  invariantResponse(person, "We could not find that person at your centre.");
  return person.id;
}

export async function loader({ request, params }: LoaderFunctionArgs) {
  const user = await requirePermission(request, "rota:manage");
  const personId = await personOfCentre(user.centreId, params.personId!);
  return { personId, ...(await loadAvailability(personId)) };
}

export async function action({ request, params }: ActionFunctionArgs) {
  const user = await requirePermission(request, "rota:manage");
  const personId = await personOfCentre(user.centreId, params.personId!);
  return availabilityAction(actorOf(user), personId, await request.formData());
}

export default function PersonAvailability() {
  const data = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  return (
    <>
      <p><Link to={`/people/${data.personId}`}>Back to {data.name}</Link></p>
      <h1>{data.name}: availability</h1>
      <AvailabilityForms data={data} result={result} self={false} />
    </>
  );
}
