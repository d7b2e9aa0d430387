import type { LoaderFunctionArgs } from "@remix-run/node";
import { requirePermission } from "~/modules/auth/session.server";
import { getCourses } from "~/modules/compliance/compliance.server";
import { templateCsv } from "~/modules/import/template.server";

export async function loader({ request }: LoaderFunctionArgs) {
  const user = await requirePermission(request, "people:write");
  return new Response(templateCsv(await getCourses(user.centreId)), {
    headers: {
      "Content-Type": "text/csv; charset=utf-8",
      "Content-Disposition": 'attachment; filename="people-import-template.csv"',
      "Cache-Control": "private, no-store",
    },
  });
}
