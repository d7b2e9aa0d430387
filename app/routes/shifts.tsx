import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { can } from "~/modules/auth/permissions";
import { requirePermission } from "~/modules/auth/session.server";
import { publishedRotaBetween, type PublishedShift } from "~/modules/rota/views.server";
import { weekStart } from "~/modules/rota/weeks";
import { clock } from "~/utils/clock.server";
import { addDaysIso, addMonthsIso, formatUkDate, formatUkDateWithDay, formatUkMonth, parseUkDate, type IsoDate } from "~/utils/dates";

export const meta: MetaFunction = () => [{ title: "The rota by week and month" }];

/** ?view=week|month&date=… (any day in it; ISO in links, UK dates typed by hand also read). */
export async function loader({ request }: LoaderFunctionArgs) {
  const user = await requirePermission(request, "self:read");
  const url = new URL(request.url);
  const today = clock.today();
  const view = url.searchParams.get("view") === "month" ? "month" : "week";
  const raw = url.searchParams.get("date")?.trim() ?? "";
  const parsed = raw ? parseUkDate(raw) : null;
  const date = parsed?.ok ? parsed.date : today;
  const problem = parsed && !parsed.ok ? `${parsed.message}. Showing this ${view} instead.` : null;
  const from = view === "week" ? weekStart(date) : `${date.slice(0, 7)}-01`;
  const to = view === "week" ? addDaysIso(from, 6) : addDaysIso(addMonthsIso(from, 1), -1);
  const shifts = await publishedRotaBetween(user.centreId, from, to, { personId: user.personId, seesEveryone: can(user.accessRole, "rota:manage") }, today);
  return {
    view, from, to, today, problem, shifts,
    previous: view === "week" ? addDaysIso(from, -7) : addMonthsIso(from, -1),
    next: view === "week" ? addDaysIso(from, 7) : addMonthsIso(from, 1),
  };
}

function ShiftCard({ shift }: { shift: PublishedShift }) {
  return (
    <li className={`published-shift${shift.mine ? " published-shift--mine" : ""}`}>
      <strong>{shift.session}</strong>, {shift.time}{shift.location ? `, ${shift.location}` : ""}
      {shift.mine ? <> <span className="tag tag--met">You are on this</span></> : null}
      {shift.people ? (
        <ul>{shift.people.map((p, i) => <li key={i}>{p.you ? <strong>You</strong> : p.name} ({p.as})</li>)}</ul>
      ) : <p className="muted">{shift.filled} on this shift.</p>}
      {shift.open && !shift.past ? <p>{shift.open === 1 ? "One place" : `${shift.open} places`} still to fill. <Link to="/my-shifts#open-shifts">Could you take it?</Link></p> : null}
    </li>
  );
}

export default function PublishedRota() {
  const { view, from, to, today, problem, shifts, previous, next } = useLoaderData<typeof loader>();
  const days: IsoDate[] = [];
  for (let d = from; d <= to; d = addDaysIso(d, 1)) days.push(d);
  const title = view === "week" ? `Week of ${formatUkDate(from)}` : formatUkMonth(from);
  return (
    <>
      <h1>The rota: {title}</h1>
      <p>Published shifts only. You see who you are on with; for other shifts, only how many are on.</p>
      {problem ? <div className="notice notice--warning" role="alert"><p>{problem}</p></div> : null}
      <nav aria-label="Choose the period" className="button-row no-print">
        <Link to={`/shifts?view=${view}&date=${previous}`}>Previous {view}</Link>
        <Link to={`/shifts?view=${view}&date=${today}`}>This {view}</Link>
        <Link to={`/shifts?view=${view}&date=${next}`}>Next {view}</Link>
        {view === "week" ? <Link to={`/shifts?view=month&date=${from}`}>Month view</Link> : <Link to={`/shifts?view=week&date=${from <= today && today <= to ? today : from}`}>Week view</Link>}
      </nav>
      {shifts.length ? (
        <ol className="published-days">
          {days.map((day) => {
            const onDay = shifts.filter((s) => s.date === day);
            if (!onDay.length) return null;
            return (
              <li key={day}>
                <h2 className="published-days__date">{formatUkDateWithDay(day)}{day === today ? " (today)" : ""}</h2>
                <ul className="record-list">{onDay.map((s) => <ShiftCard key={s.id} shift={s} />)}</ul>
              </li>
            );
          })}
        </ol>
      ) : <p>No published shifts between {formatUkDate(from)} and {formatUkDate(to)}.</p>}
      <p><Link to="/my-shifts">My shifts</Link></p>
    </>
  );
}
