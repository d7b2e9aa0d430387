import type { LoaderFunctionArgs } from "@remix-run/node";
import { requirePermission } from "~/modules/auth/session.server";
import { complianceInBatches, getCourses } from "~/modules/compliance/compliance.server";
import { matrixCsvHeader, matrixCsvRows } from "~/modules/compliance/csv";
import { matrixParams } from "~/modules/compliance/matrix-params";
import { matrixColumns } from "~/modules/compliance/overview";
import { refreshStanding, standingPeople } from "~/modules/compliance/standing.server";
import { clock } from "~/utils/clock.server";

/**
 * The matrix for the chosen date and filters, one column per requirement, for assessors'
 * evidence: the people of all its pages. Streamed a batch of people at a time: the header leaves
 * at once and memory stays flat however large the centre.
 */
export async function loader({ request }: LoaderFunctionArgs) {
  const user = await requirePermission(request, "compliance:read");
  const { date, filters } = matrixParams(new URL(request.url), clock.today());
  // A download must be of the date asked for, never silently of another.
  if (date.problem) return new Response(`Cannot export the matrix: ${date.problem}.`, { status: 400, headers: { "Content-Type": "text/plain; charset=utf-8" } });
  const columns = matrixColumns(await getCourses(user.centreId), false);
  // Who is listed comes from stored standing, as on the matrix's pages; only they are evaluated.
  await refreshStanding(user.centreId);
  const batches = complianceInBatches(user.centreId, date.date, await standingPeople(user.centreId, date.date, filters));
  const encoder = new TextEncoder();
  let headerSent = false;
  const body = new ReadableStream<Uint8Array>({
    async pull(controller) {
      if (!headerSent) {
        headerSent = true;
        controller.enqueue(encoder.encode(matrixCsvHeader(columns)));
        return;
      }
      try {
        const next = await batches.next();
        if (next.done) return controller.close();
        if (next.value.length) controller.enqueue(encoder.encode(matrixCsvRows(next.value, columns, date.date)));
      } catch (error) {
        // The headers have gone: all the browser can see is a download cut short. Say why in the log.
        console.error("The matrix CSV export stopped part-way:", error);
        throw error;
      }
    },
    async cancel() {
      await batches.return(undefined);
    },
  });
  return new Response(body, {
    headers: {
      "Content-Type": "text/csv; charset=utf-8",
      "Content-Disposition": `attachment; filename="compliance-${date.date}.csv"`,
      "Cache-Control": "no-store",
    },
  });
}
