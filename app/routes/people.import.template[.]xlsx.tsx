import type { LoaderFunctionArgs } from "@remix-run/node";
import { requirePermission } from "~/modules/auth/session.server";
import { getCourses } from "~/modules/compliance/compliance.server";
import { templateXlsx } from "~/modules/import/template.server";

/** The template for centres starting a sheet fresh: one column per course the centre runs. */
export async function loader({ request }: LoaderFunctionArgs) {
  const user = await requirePermission(request, "people:write");
  const body = await templateXlsx(await getCourses(user.centreId));
  return new Response(new Blob([new Uint8Array(body)]), {
    headers: {
      "Content-Type": "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
      "Content-Disposition": 'attachment; filename="people-import-template.xlsx"',
      "Cache-Control": "private, no-store",
    },
  });
}
