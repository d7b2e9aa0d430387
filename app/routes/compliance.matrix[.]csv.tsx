import type { LoaderFunctionArgs } from "@remix-run/node";
import { requirePermission } from "~/modules/auth/session.server";
import { centreCompliance } from "~/modules/compliance/compliance.server";
import { matrixCsv } from "~/modules/compliance/csv";
import { matrixParams } from "~/modules/compliance/matrix-params";
import { filterRows, matrixColumns } from "~/modules/compliance/overview";
import { clock } from "~/utils/clock.server";

/** The matrix for the chosen date and filters, one column per requirement, for assessors' evidence. */
export async function loader({ request }: LoaderFunctionArgs) {
  const user = await requirePermission(request, "compliance:read");
  const { date, filters } = matrixParams(new URL(request.url), clock.today());
  // A download must be of the date asked for, never silently of another.
  if (date.problem) return new Response(`Cannot export the matrix: ${date.problem}.`, { status: 400, headers: { "Content-Type": "text/plain; charset=utf-8" } });
  const { courses, rows } = await centreCompliance(user.centreId, date.date);
  const csv = matrixCsv(filterRows(rows, filters) as typeof rows, matrixColumns(courses, false), date.date);
  return new Response(csv, {
    headers: {
      "Content-Type": "text/csv; charset=utf-8",
      "Content-Disposition": `attachment; filename="compliance-${date.date}.csv"`,
      "Cache-Control": "no-store",
    },
  });
}
