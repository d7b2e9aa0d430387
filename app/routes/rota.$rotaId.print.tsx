import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { requirePermission } from "~/modules/auth/session.server";
import { SLOTS, staffingNeeds } from "~/modules/rota/eligibility";
import { SLOT_LABELS } from "~/modules/rota/words";
import { rotaView } from "~/modules/rota/rota.server";
import { formatLondonTime, formatUkDate, formatUkDateWithDay } from "~/utils/dates";

export const meta: MetaFunction = () => [{ title: "Rota for the noticeboard" }];

export async function loader({ request, params }: LoaderFunctionArgs) {
  const user = await requirePermission(request, "rota:manage");
  const { rota } = await rotaView(user.centreId, params.rotaId!);
  return {
    centre: user.centre.name,
    startsOn: rota.startsOn, endsOn: rota.endsOn, status: rota.status,
    shifts: rota.shifts.map((s) => ({
      id: s.id, date: s.date, session: s.session.name, time: `${formatLondonTime(s.startsAt)}–${formatLondonTime(s.endsAt)}`,
      bySlot: SLOTS.map((slot) => ({
        slot, label: SLOT_LABELS[slot].many,
        // Only placements that still stand on the shift's date go on the noticeboard.
        names: s.assignments.filter((a) => a.slot === slot && a.status === "assigned" && a.voids.length === 0).map((a) => `${a.person.firstName} ${a.person.lastName}`),
        needed: staffingNeeds(s)[slot],
      })).filter((x) => x.needed > 0 || x.names.length > 0),
    })),
  };
}

/** One A4 page for the noticeboard: compact, black on white, no navigation when printed. */
export default function PrintRota() {
  const { centre, startsOn, endsOn, status, shifts } = useLoaderData<typeof loader>();
  return (
    <div className="print-rota">
      <p className="no-print"><Link to="..">Back to the rota</Link> · Use your browser's Print command; it fits one A4 page.</p>
      <h1>{centre}: rota {formatUkDate(startsOn)} to {formatUkDate(endsOn)}{status === "draft" ? " (DRAFT)" : ""}</h1>
      <table>
        <thead><tr><th scope="col">Date</th><th scope="col">Session</th><th scope="col">On duty</th></tr></thead>
        <tbody>
          {shifts.map((s) => (
            <tr key={s.id}>
              <th scope="row">{formatUkDateWithDay(s.date)}</th>
              <td>{s.session}<br />{s.time}</td>
              <td>
                {s.bySlot.map((x) => (
                  <div key={x.slot}>
                    <strong>{x.label[0].toUpperCase() + x.label.slice(1)}:</strong> {x.names.join(", ") || "—"}
                    {x.names.length < x.needed ? ` (${x.needed - x.names.length} to find)` : ""}
                  </div>
                ))}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      <p className="muted">If you cannot make your shift, tell the co-ordinator in the app as soon as you can.</p>
    </div>
  );
}
