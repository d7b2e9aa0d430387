import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Link, useActionData, useLoaderData } from "@remix-run/react";
import { VolunteerRequests } from "~/components/volunteer-requests";
import { actorOf } from "~/modules/auth/actor";
import { requirePermission } from "~/modules/auth/session.server";
import { decideRequest, selfServiceOverview } from "~/modules/rota/self-service.server";
import { formatUkDateWithDay } from "~/utils/dates";

export const meta: MetaFunction = () => [{ title: "Volunteers' requests" }];

export async function loader({ request }: LoaderFunctionArgs) {
  const user = await requirePermission(request, "rota:manage");
  return { requests: await selfServiceOverview(user.centreId) };
}

export async function action({ request }: ActionFunctionArgs) {
  const user = await requirePermission(request, "rota:manage");
  const form = await request.formData();
  const intent = form.get("intent");
  if (intent !== "approve" && intent !== "decline") throw new Response("Unknown action", { status: 400 });
  const result = await decideRequest(actorOf(user), String(form.get("assignmentId")), intent === "approve");
  if (!result.ok) return { refused: result.refused };
  return { message: `${result.session}, ${formatUkDateWithDay(result.date)}: ${result.outcome === "approved" ? "confirmed. It is on their shifts and in their calendar." : "declined. The place is open again."}` };
}

export default function Requests() {
  const { requests } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  return (
    <>
      <p><Link to="/rota">Back to rotas</Link></p>
      <h1>Volunteers' requests</h1>
      <p>Places volunteers took from the open list, and swaps they asked for. Every change is in the audit log.</p>
      {actionData && "message" in actionData ? <div className="notice notice--success" role="status">{actionData.message}</div> : null}
      {actionData && "refused" in actionData ? <div className="notice notice--warning" role="alert"><p>{actionData.refused}</p></div> : null}
      <VolunteerRequests data={requests} />
    </>
  );
}
