import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { RotaGrid } from "~/components/rota-grid";
import { rotaPageData } from "~/modules/rota/rota-page.server";
import { formatUkDate } from "~/utils/dates";

export const meta: MetaFunction = () => [{ title: "Rota for the noticeboard" }];

export async function loader({ request, params }: LoaderFunctionArgs) {
  const { centre, rota } = await rotaPageData(request, params.rotaId!);
  return { centre, rota };
}

/** One A4 page for the noticeboard: the same grid as the co-ordinator's, only who stands on each date, no navigation when printed. */
export default function PrintRota() {
  const { centre, rota } = useLoaderData<typeof loader>();
  return (
    <div className="print-rota">
      <p className="no-print"><Link to="..">Back to the rota</Link> · Use your browser's Print command; it fits one A4 page.</p>
      <h1>{centre}: rota {formatUkDate(rota.startsOn)} to {formatUkDate(rota.endsOn)}{rota.status === "draft" ? " (DRAFT)" : ""}</h1>
      <div className="table-wrap">
        <RotaGrid rota={rota} forPrint />
      </div>
      <p className="muted">If you cannot make your shift, tell the co-ordinator in the app as soon as you can.</p>
    </div>
  );
}
