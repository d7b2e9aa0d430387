import type { LoaderFunctionArgs } from "@remix-run/node";
import { requirePermission } from "~/modules/auth/session.server";
import { serviceCsv } from "~/modules/rota/service";
import { centreService, periodFrom } from "~/modules/rota/service.server";

/** The record of service for a period as CSV: per person (?what=people) or per session (?what=sessions). */
export async function loader({ request }: LoaderFunctionArgs) {
  const user = await requirePermission(request, "rota:manage");
  const url = new URL(request.url);
  const what = url.searchParams.get("what") === "sessions" ? "sessions" : "people";
  const { period } = periodFrom(url);
  // A download must be of the period asked for, never silently of another.
  if (!period.ok) {
    return new Response(`Cannot export: ${Object.values(period.errors).join("; ")}.`, { status: 400, headers: { "Content-Type": "text/plain; charset=utf-8" } });
  }
  const report = await centreService(user.centreId, period.from, period.to);
  return new Response(serviceCsv(what, report, period.from, period.to), {
    headers: {
      "Content-Type": "text/csv; charset=utf-8",
      "Content-Disposition": `attachment; filename="service-${what}-${period.from}-to-${period.to}.csv"`,
      "Cache-Control": "no-store",
    },
  });
}
