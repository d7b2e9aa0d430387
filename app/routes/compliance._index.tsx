import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { PairedBarChart, ShareLineChart } from "~/components/charts";
import { ComplianceTag, addRecordAnchor } from "~/components/compliance";
import { can } from "~/modules/auth/permissions";
import { requirePermission } from "~/modules/auth/session.server";
import { dashboardCompliance } from "~/modules/compliance/dashboard.server";
import { DUE_WINDOWS, type AttentionItem, type PersonAttention } from "~/modules/compliance/overview";
import { combineNumbered } from "~/modules/compliance/words";
import { dashboardRotaOverview } from "~/modules/rota/self-service.server";
import { VolunteerRequests } from "~/components/volunteer-requests";
import { weekStart } from "~/modules/rota/weeks";
import { addDaysIso, formatUkDate, formatUkDateWithDay } from "~/utils/dates";
import { clock } from "~/utils/clock.server";

export const meta: MetaFunction = () => [{ title: "Compliance dashboard" }];

export async function loader({ request }: LoaderFunctionArgs) {
  const user = await requirePermission(request, "compliance:read");
  const today = clock.today();
  const canManageRota = can(user.accessRole, "rota:manage");
  // The staffing chart: the last eight weeks and the six ahead (a rota's usual length).
  const staffingFrom = addDaysIso(weekStart(today), -56);
  const staffingTo = addDaysIso(weekStart(today), 6 * 7 - 1);
  const [compliance, rota] = await Promise.all([
    dashboardCompliance(user.centreId, today),
    canManageRota ? dashboardRotaOverview(user.centreId, clock.now(), { gapsTo: addDaysIso(today, 42), staffingFrom, staffingTo }) : Promise.resolve(null),
  ]);
  const gaps = rota?.gaps ?? null;
  const staffing = rota?.staffing ?? null;
  const requests = rota?.requests ?? null;
  const weekAhead = addDaysIso(today, 7);
  return {
    ...compliance,
    expired: { ...compliance.expired, first: compliance.expired.first.map(personRow) },
    missing: { ...compliance.missing, first: compliance.missing.first.map(personRow) },
    staffing,
    requests,
    short: gaps ? gaps.short.filter((s) => s.date <= weekAhead) : [],
    voided: gaps?.voided ?? [],
    today,
    canEdit: can(user.accessRole, "compliance:write"),
  };
}

function daysWords(item: AttentionItem) {
  if (item.days === null) return "";
  if (item.status === "expired") return item.days === 0 ? "today" : `${-item.days} day${item.days === -1 ? "" : "s"} ago`;
  return item.days === 0 ? "today" : `in ${item.days} day${item.days === 1 ? "" : "s"}`;
}

// One formatter for every label: toLocaleDateString builds a new one (about a millisecond) each call.
const MONTH_LABEL = new Intl.DateTimeFormat("en-GB", { month: "short", year: "2-digit", timeZone: "UTC" });

function monthLabel(date: string, today: string) {
  return date === today ? "Today" : MONTH_LABEL.format(new Date(`${date}T12:00:00Z`));
}

/**
 * A person's row of the expired or missing list as the page shows it: the browser is sent the
 * words, not every item with the person's name and id again (most of the page's data before).
 */
function personRow(person: PersonAttention) {
  const dated = person.items.filter((item) => item.days !== null).map((item) => `${item.requirement} (${daysWords(item)})`);
  const undated = combineNumbered(person.items.filter((item) => item.days === null).map((item) => item.requirement));
  return {
    personId: person.personId,
    personName: person.personName,
    count: person.items.length,
    what: [...dated, ...undated].join(", "),
    firstKey: person.items[0].requirementKey,
  };
}

/** Everything one person has missing or expired, in one row with one link to put it right. */
function PeopleTable({ people, canEdit, caption, empty }: { people: ReturnType<typeof personRow>[]; canEdit: boolean; caption: string; empty: string }) {
  if (!people.length) return <p>{empty}</p>;
  return (
    <div className="table-wrap">
      <table className="cards">
        <caption className="visually-hidden">{caption}</caption>
        <thead><tr><th scope="col">Person</th><th scope="col">What</th><th scope="col"><span className="visually-hidden">Action</span></th></tr></thead>
        <tbody>
          {people.map((person) => (
            <tr key={person.personId}>
              <th scope="row">{person.personName}</th>
              <td data-label="What">
                {person.count > 3 ? <strong>{person.count} requirements: </strong> : null}
                {person.what}
              </td>
              <td>
                <Link to={`/people/${person.personId}/compliance${canEdit ? `?course=${encodeURIComponent(person.firstKey)}#${addRecordAnchor(person.firstKey)}` : ""}`}>
                  {canEdit ? "Add records" : "See records"}<span className="visually-hidden"> for {person.personName}</span>
                </Link>
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

function AttentionTable({ items, canEdit, caption, empty }: { items: (AttentionItem & { reason: string })[]; canEdit: boolean; caption: string; empty: string }) {
  if (!items.length) return <p>{empty}</p>;
  return (
    <div className="table-wrap">
      <table className="cards">
        <caption className="visually-hidden">{caption}</caption>
        <thead><tr><th scope="col">Person</th><th scope="col">Requirement</th><th scope="col">Status</th><th scope="col">Details</th></tr></thead>
        <tbody>
          {items.map((item) => (
            <tr key={`${item.personId}-${item.requirementKey}`}>
              <th scope="row"><Link to={`/people/${item.personId}/compliance`}>{item.personName}</Link></th>
              <td data-label="Requirement">{item.requirement}</td>
              <td data-label="Status"><ComplianceTag status={item.status} />{item.days !== null ? <> {daysWords(item)}</> : null}</td>
              <td data-label="Details">
                {item.reason}
                {canEdit ? (
                  <> <Link to={`/people/${item.personId}/compliance?course=${encodeURIComponent(item.requirementKey)}#${addRecordAnchor(item.requirementKey)}`}>
                    Add a record<span className="visually-hidden"> of {item.requirement} for {item.personName}</span>
                  </Link></>
                ) : null}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

/** "The first 10 of 64: see them all in the matrix", when the list is longer than shown. */
function SeeAll({ shown, total, to, what }: { shown: number; total: number; to: string; what: string }) {
  if (total <= shown) return null;
  return <p>The first {shown} of {total}. <Link to={to}>See all {what} in the matrix</Link>.</p>;
}

function percentOf(part: number, whole: number) {
  return whole ? `${Math.round((part / whole) * 100)}%` : "none";
}

export default function Dashboard() {
  const { today, summary, notCleared, expired, missing, due, canEdit, short, voided, trend, staffing, requests } = useLoaderData<typeof loader>();
  const dueLabels = { 30: "Due in the next 30 days", 60: "Due in 31 to 60 days", 90: "Due in 61 to 90 days" };
  return (
    <>
      <h1>What needs attention</h1>
      <p className="lead">
        On {formatUkDate(today)}: {summary.people} people counted, {summary.cleared} cleared to work, {summary.fullyCompliant} fully compliant.{" "}
        <Link to="/compliance/matrix">See everyone in the compliance matrix</Link>.
      </p>
      {short.length ? (
        <div className="notice notice--warning" role="status">
          <h2>Sessions short in the next week</h2>
          <ul>{short.map((s) => <li key={s.shiftId}><a href={`/rota/${s.rotaId}/shifts/${s.shiftId}`}>{s.session}, {formatUkDateWithDay(s.date)}</a>: {s.short} short</li>)}</ul>
        </div>
      ) : null}
      {voided.length ? (
        <div className="notice notice--warning" role="status">
          <h2>On the rota but no longer able to do the shift</h2>
          <p>Checked again on each shift's date. Each is a gap on its rota, with who could cover.</p>
          <ul>{voided.map((v) => <li key={`${v.shiftId}-${v.name}`}><a href={`/rota/${v.rotaId}/shifts/${v.shiftId}`}>{v.session}, {formatUkDateWithDay(v.date)}</a>: {v.name}, {v.why}</li>)}</ul>
        </div>
      ) : null}
      {requests && (requests.pending.length || requests.unanswered.length || requests.offered.length) ? (
        <section id="volunteer-requests" className="notice" aria-labelledby="volunteer-requests-heading">
          <h2 id="volunteer-requests-heading">Volunteers' requests</h2>
          <VolunteerRequests data={requests} headingLevel={3} />
        </section>
      ) : null}
      <nav aria-label="On this page" className="no-print">
        <ul>
          <li><a href="#not-cleared">Not cleared to work ({notCleared.total})</a></li>
          <li><a href="#expired">Expired ({expired.total} {expired.total === 1 ? "person" : "people"})</a></li>
          <li><a href="#missing">Missing ({missing.total} {missing.total === 1 ? "person" : "people"})</a></li>
          {DUE_WINDOWS.map((w) => <li key={w}><a href={`#due-${w}`}>{dueLabels[w]} ({due[w].total})</a></li>)}
        </ul>
      </nav>

      <h2 id="not-cleared">Not cleared to work</h2>
      {notCleared.total ? (
        <ul>
          {notCleared.first.map((p) => (
            <li key={p.personId}><Link to={`/people/${p.personId}/compliance`}>{p.personName}</Link>: {p.reason}</li>
          ))}
        </ul>
      ) : <p>Everyone counted today is cleared to work.</p>}
      <SeeAll shown={notCleared.first.length} total={notCleared.total} to="/compliance/matrix?view=not_cleared" what="people not cleared to work" />

      <h2 id="expired">Expired</h2>
      <PeopleTable people={expired.first} canEdit={canEdit} caption="Expired, by person" empty="Nothing has expired." />
      <SeeAll shown={expired.first.length} total={expired.total} to="/compliance/matrix?view=attention" what="people with something expired, missing or due" />
      <h2 id="missing">Missing</h2>
      <PeopleTable people={missing.first} canEdit={canEdit} caption="Missing, by person" empty="Nothing is missing." />
      <SeeAll shown={missing.first.length} total={missing.total} to="/compliance/matrix?view=attention" what="people with something expired, missing or due" />
      {DUE_WINDOWS.map((w) => (
        <section key={w}>
          <h2 id={`due-${w}`}>{dueLabels[w]}</h2>
          <AttentionTable items={due[w].first} canEdit={canEdit} caption={dueLabels[w]} empty="Nothing falls due in this period." />
          <SeeAll shown={due[w].first.length} total={due[w].total} to="/compliance/matrix?view=attention" what="people with something expired, missing or due" />
        </section>
      ))}

      <h2 id="trends">Over time</h2>
      <div className="charts">
        <ShareLineChart
          title="People cleared and fully compliant, last 12 months"
          description={`At each month end, the share of people counted then who were cleared to work and who were fully compliant. Today: ${percentOf(trend[trend.length - 1].cleared, trend[trend.length - 1].people)} cleared, ${percentOf(trend[trend.length - 1].fullyCompliant, trend[trend.length - 1].people)} fully compliant.`}
          labels={trend.map((t) => monthLabel(t.date, today))}
          series={[
            { name: "Cleared to work", values: trend.map((t) => (t.people ? t.cleared / t.people : null)) },
            { name: "Fully compliant", values: trend.map((t) => (t.people ? t.fullyCompliant / t.people : null)) },
          ]}
        />
        {staffing ? (
          <PairedBarChart
            title="Places filled against places needed, by week"
            description={`Published rotas, eight weeks back and six ahead: ${staffing.reduce((n, w) => n + w.filled, 0)} of ${staffing.reduce((n, w) => n + w.needed, 0)} places filled.`}
            labels={staffing.map((w) => formatUkDate(w.weekStart).replace(/ \d{4}$/, ""))}
            needed={staffing.map((w) => w.needed)}
            filled={staffing.map((w) => w.filled)}
            neededName="Needed"
            filledName="Filled"
          />
        ) : null}
      </div>
    </>
  );
}
