import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { ComplianceTag, addRecordAnchor } from "~/components/compliance";
import { can } from "~/modules/auth/permissions";
import { requirePermission } from "~/modules/auth/session.server";
import { centreCompliance } from "~/modules/compliance/compliance.server";
import { DUE_WINDOWS, attentionList, filterRows, summarise, type AttentionItem } from "~/modules/compliance/overview";
import { rotaGaps } from "~/modules/rota/rota.server";
import { addDaysIso, formatUkDate, formatUkDateWithDay } from "~/utils/dates";
import { clock } from "~/utils/clock.server";

export const meta: MetaFunction = () => [{ title: "Compliance dashboard" }];

export async function loader({ request }: LoaderFunctionArgs) {
  const user = await requirePermission(request, "compliance:read");
  const today = clock.today();
  const [{ rows }, gaps] = await Promise.all([
    centreCompliance(user.centreId, today),
    can(user.accessRole, "rota:manage") ? rotaGaps(user.centreId, today, addDaysIso(today, 42), { publishedOnly: true }, today) : Promise.resolve(null),
  ]);
  const weekAhead = addDaysIso(today, 7);
  return {
    short: gaps ? gaps.short.filter((s) => s.date <= weekAhead) : [],
    voided: gaps?.voided ?? [],
    today,
    canEdit: can(user.accessRole, "compliance:write"),
    summary: summarise(filterRows(rows, {})),
    attention: attentionList(rows, today),
  };
}

function daysWords(item: AttentionItem) {
  if (item.days === null) return "";
  if (item.status === "expired") return item.days === 0 ? "today" : `${-item.days} day${item.days === -1 ? "" : "s"} ago`;
  return item.days === 0 ? "today" : `in ${item.days} day${item.days === 1 ? "" : "s"}`;
}

function AttentionTable({ items, canEdit, caption, empty }: { items: AttentionItem[]; canEdit: boolean; caption: string; empty: string }) {
  if (!items.length) return <p>{empty}</p>;
  return (
    <div className="table-wrap">
      <table>
        <caption className="visually-hidden">{caption}</caption>
        <thead><tr><th scope="col">Person</th><th scope="col">Requirement</th><th scope="col">Status</th><th scope="col">Details</th></tr></thead>
        <tbody>
          {items.map((item) => (
            <tr key={`${item.personId}-${item.requirementKey}`}>
              <th scope="row"><Link to={`/people/${item.personId}/compliance`}>{item.personName}</Link></th>
              <td>{item.requirement}</td>
              <td><ComplianceTag status={item.status} />{item.days !== null ? <> {daysWords(item)}</> : null}</td>
              <td>
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

export default function Dashboard() {
  const { today, summary, attention, canEdit, short, voided } = useLoaderData<typeof loader>();
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
          <ul>{short.map((s) => <li key={s.shiftId}><a href={`/rota/${s.rotaId}#shift-${s.shiftId}`}>{s.session}, {formatUkDateWithDay(s.date)}</a>: {s.short} short</li>)}</ul>
        </div>
      ) : null}
      {voided.length ? (
        <div className="notice notice--warning" role="status">
          <h2>On the rota but no longer able to do the shift</h2>
          <p>Checked again on each shift's date. Each is a gap on its rota, with who could cover.</p>
          <ul>{voided.map((v) => <li key={`${v.shiftId}-${v.name}`}><a href={`/rota/${v.rotaId}#shift-${v.shiftId}`}>{v.session}, {formatUkDateWithDay(v.date)}</a>: {v.name}, {v.why}</li>)}</ul>
        </div>
      ) : null}
      <nav aria-label="On this page" className="no-print">
        <ul>
          <li><a href="#not-cleared">Not cleared to work ({attention.notCleared.length})</a></li>
          <li><a href="#expired">Expired ({attention.expired.length})</a></li>
          <li><a href="#missing">Missing ({attention.missing.length})</a></li>
          {DUE_WINDOWS.map((w) => <li key={w}><a href={`#due-${w}`}>{dueLabels[w]} ({attention.due[w].length})</a></li>)}
        </ul>
      </nav>

      <h2 id="not-cleared">Not cleared to work</h2>
      {attention.notCleared.length ? (
        <ul>
          {attention.notCleared.map((p) => (
            <li key={p.personId}><Link to={`/people/${p.personId}/compliance`}>{p.personName}</Link>: {p.reason}</li>
          ))}
        </ul>
      ) : <p>Everyone counted today is cleared to work.</p>}

      <h2 id="expired">Expired</h2>
      <AttentionTable items={attention.expired} canEdit={canEdit} caption="Expired" empty="Nothing has expired." />
      <h2 id="missing">Missing</h2>
      <AttentionTable items={attention.missing} canEdit={canEdit} caption="Missing" empty="Nothing is missing." />
      {DUE_WINDOWS.map((w) => (
        <section key={w}>
          <h2 id={`due-${w}`}>{dueLabels[w]}</h2>
          <AttentionTable items={attention.due[w]} canEdit={canEdit} caption={dueLabels[w]} empty="Nothing falls due in this period." />
        </section>
      ))}
    </>
  );
}
