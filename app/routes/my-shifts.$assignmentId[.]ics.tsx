import type { LoaderFunctionArgs } from "@remix-run/node";
import { requirePermission } from "~/modules/auth/session.server";
import { shiftsToIcs } from "~/modules/rota/calendar";
import { toCalendarShift } from "~/modules/rota/calendar.server";
import { shiftsOfPerson } from "~/modules/rota/rota.server";

/** One shift as an .ics file: only the person's own. */
export async function loader({ request, params }: LoaderFunctionArgs) {
  const user = await requirePermission(request, "self:read");
  const assignment = user.personId ? (await shiftsOfPerson(user.personId)).find((a) => a.id === params.assignmentId) : undefined;
  if (!assignment) throw new Response("Shift not found", { status: 404 });
  return new Response(shiftsToIcs([toCalendarShift(assignment)], "My shift"), {
    headers: { "Content-Type": "text/calendar; charset=utf-8", "Content-Disposition": `attachment; filename="shift-${assignment.shift.date}.ics"` },
  });
}
