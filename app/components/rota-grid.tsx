/**
 * The rota as a grid: weeks down, sessions across (a phone shows each week as a card, sessions
 * inside). Each cell lists who is on, who cannot do it and why, and the places still to fill.
 * The same grid serves the co-ordinator's page (cells link to the shift) and the noticeboard print.
 */
import { Link } from "@remix-run/react";
import { SLOTS } from "~/modules/rota/eligibility";
import { rotaGrid } from "~/modules/rota/weeks";
import { SLOT_LABELS } from "~/modules/rota/words";
import type { RotaPageData, RotaPageShift } from "~/modules/rota/rota-page.server";
import { formatUkDate, formatUkDateWithDay } from "~/utils/dates";

type Rota = RotaPageData["rota"];

function capitalised(words: string) {
  return words[0].toUpperCase() + words.slice(1);
}

/** Who the grid (and so the noticeboard) shows as on a shift: placements that still stand on its date. */
export function standingOn(shift: Pick<RotaPageShift, "assignments">) {
  return shift.assignments.filter((a) => a.status === "assigned" && !a.offBecause);
}

function ShiftCell({ shift, rotaId, forPrint }: { shift: RotaPageShift; rotaId: string; forPrint: boolean }) {
  const standing = standingOn(shift);
  const off = shift.assignments.filter((a) => a.status === "cannot_attend" || a.status === "pending" || (a.status === "assigned" && a.offBecause));
  const short = shift.gaps.reduce((n, g) => n + g.missing, 0);
  return (
    <div className={`grid-shift${short ? " grid-shift--short" : ""}`}>
      <p className="grid-shift__when">
        {forPrint || shift.past
          ? <strong>{formatUkDateWithDay(shift.date)}</strong>
          : <Link to={`/rota/${rotaId}/shifts/${shift.id}`}><strong>{formatUkDateWithDay(shift.date)}</strong><span className="visually-hidden">, {shift.session}: change who is on</span></Link>}
        <br /><span className="muted">{shift.time}</span>
        {shift.team ? <><br /><span className="muted">{shift.team}'s turn</span></> : null}
      </p>
      {SLOTS.filter((slot) => shift.needs[slot] > 0 || standing.some((a) => a.slot === slot)).map((slot) => {
        const names = standing.filter((a) => a.slot === slot).map((a) => a.name);
        return (
          <p key={slot} className="grid-shift__slot">
            <span className="grid-shift__label">{capitalised(SLOT_LABELS[slot].many)}:</span> {names.join(", ") || "nobody yet"}
          </p>
        );
      })}
      {!forPrint && off.length ? (
        <ul className="grid-shift__off">
          {off.map((a) => a.status === "pending"
            ? <li key={a.id}>{a.name} asked to take a place: waiting for your yes</li>
            : <li key={a.id}><s>{a.name}</s> {a.status === "cannot_attend" ? "cannot come" : `cannot do it: ${a.offBecause}`}</li>)}
        </ul>
      ) : null}
      {short ? (
        <p className="grid-shift__gap">
          <strong>{shift.gaps.map((g) => `${g.missing} ${g.missing === 1 ? SLOT_LABELS[g.slot].one : SLOT_LABELS[g.slot].many}`).join(", ")} to find</strong>
        </p>
      ) : null}
      {shift.past && !forPrint ? <p className="muted">Past: read-only</p> : null}
    </div>
  );
}

export function RotaGrid({ rota, forPrint = false }: { rota: Rota; forPrint?: boolean }) {
  const weeks = rotaGrid(rota.shifts, rota.sessions);
  return (
    <table className="rota-grid">
      <caption className="visually-hidden">Rota {formatUkDate(rota.startsOn)} to {formatUkDate(rota.endsOn)}: weeks down, sessions across</caption>
      <thead>
        <tr><th scope="col">Week beginning</th>{rota.sessions.map((s) => <th key={s.id} scope="col">{s.name}</th>)}</tr>
      </thead>
      <tbody>
        {weeks.map((week) => (
          <tr key={week.weekStart}>
            <th scope="row">{formatUkDate(week.weekStart)}</th>
            {week.cells.map((shifts, i) => (
              <td key={rota.sessions[i].id} data-label={rota.sessions[i].name} className={shifts.length ? undefined : "grid-empty"}>
                {shifts.length ? shifts.map((shift) => <ShiftCell key={shift.id} shift={shift} rotaId={rota.id} forPrint={forPrint} />) : <span className="muted">No session</span>}
              </td>
            ))}
          </tr>
        ))}
      </tbody>
    </table>
  );
}
