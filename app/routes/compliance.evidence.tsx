import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Form, Link, useLoaderData } from "@remix-run/react";
import { TextField } from "~/components/forms";
import { RecordText } from "~/components/compliance";
import { actorOf } from "~/modules/auth/actor";
import { requirePermission } from "~/modules/auth/session.server";
import { evidencePack, findPack, recordPackProduced } from "~/modules/compliance/evidence.server";
import { clock } from "~/utils/clock.server";
import { dateParam } from "~/utils/date-param";
import { formatLondonDateTime, formatUkDate } from "~/utils/dates";
import { printedOnEveryPage } from "~/utils/print-css";

export const meta: MetaFunction<typeof loader> = ({ data }) => [
  { title: data?.pack ? `${data.pack.centre}: safer-recruitment evidence as at ${formatUkDate(data.pack.date)}` : "Accreditation evidence pack" },
];

const CHECK_WORDS = {
  malformed: "A fingerprint is 64 letters and digits (0 to 9, a to f): check it was copied in full.",
  unknown: "No evidence pack with this fingerprint was produced here. The copy you hold was not produced by this centre's app, or has been altered.",
};

/**
 * For co-ordinators and assessors. With ?date=, the pack as at that date (its production is
 * audited with its fingerprint); with ?check=, whether a printed pack's fingerprint is in the log.
 */
export async function loader({ request }: LoaderFunctionArgs) {
  const user = await requirePermission(request, "compliance:read");
  const url = new URL(request.url);
  const today = clock.today();
  const date = dateParam(url, today);
  const check = url.searchParams.get("check");
  const checked = check === null ? null : await findPack(user.centreId, check);
  const wanted = url.searchParams.has("date") && !date.problem;
  if (!wanted) return { today, date, check, checked, pack: null };
  const pack = await evidencePack(user.centreId, date.date);
  await recordPackProduced(actorOf(user), pack);
  return { today, date, check, checked, pack, producedBy: user.name, producedAt: clock.now() };
}

function Fingerprint({ value }: { value: string }) {
  return <code className="fingerprint">{value}</code>;
}

export default function EvidencePackPage() {
  const data = useLoaderData<typeof loader>();
  const { pack } = data;
  if (!pack) {
    return (
      <>
        <h1>Accreditation evidence pack</h1>
        <p className="lead">The centre's safer-recruitment evidence as it stood on a date you choose, ready to print for an assessment visit.</p>
        <p>
          It holds: everyone counted that day by role, who was cleared and fully compliant; each person's roles, start date, DBS checks (level, workforce,
          decision, who saw it, Update Service checks), references, every required course with its date and status, and findings such as starting before
          the DBS check was issued; the policy settings in force that day; and every change to compliance records in the year before it, from the audit log.
        </p>
        <Form method="get" className="filters">
          <TextField name="date" label="As at" hint="Today or any past date, for example 27/03/2025" width="short" defaultValue={data.date.input} error={data.date.error ?? undefined} />
          <div className="field button-row"><button type="submit">Produce the evidence pack</button></div>
        </Form>
        <h2 id="check-heading">Check a printed pack</h2>
        <p>Every page of a pack carries its fingerprint, and producing it puts the fingerprint in the audit log. Type a fingerprint to see whether and when it was produced here.</p>
        <Form method="get" className="filters" aria-labelledby="check-heading">
          <TextField name="check" label="Fingerprint" defaultValue={data.check ?? ""} error={data.checked && data.checked.code === "malformed" ? CHECK_WORDS.malformed : undefined} />
          <div className="field button-row"><button type="submit" className="button button--secondary">Check</button></div>
        </Form>
        {data.checked?.code === "found" ? (
          <div className="notice notice--success" role="status">Genuine: produced {formatLondonDateTime(new Date(data.checked.at))} by {data.checked.by} ({data.checked.summary.replace(/^Produced the/, "the")}).</div>
        ) : null}
        {data.checked?.code === "unknown" ? <div className="notice notice--warning" role="status">{CHECK_WORDS.unknown}</div> : null}
      </>
    );
  }
  const { summary } = pack;
  return (
    <article className="evidence-pack">
      <p className="no-print"><Link to="/compliance/evidence">Choose another date</Link> · Print it, or save it as a PDF, with your browser's Print command (A4).</p>
      <style>{printedOnEveryPage(`${pack.centre}, evidence as at ${formatUkDate(pack.date)}. Fingerprint ${pack.fingerprint}`)}</style>
      <h1>{pack.centre}: safer-recruitment evidence as at {formatUkDate(pack.date)}</h1>
      <p>
        Produced {formatLondonDateTime(new Date(data.producedAt!))} by {data.producedBy}, from the records as held then, by the policy in force on {formatUkDate(pack.date)}.
        {pack.auditHead ? ` The audit log's latest entry was number ${pack.auditHead.seq}.` : ""}
      </p>
      <p>Fingerprint: <Fingerprint value={pack.fingerprint} />. It is recorded in the audit log; check it under Evidence pack → Check a printed pack.</p>

      <h2>Summary</h2>
      <p>{summary.people} people counted on {formatUkDate(pack.date)}: {summary.cleared} cleared to work, {summary.fullyCompliant} fully compliant.</p>
      <div className="table-wrap">
        <table className="cards">
          <caption className="visually-hidden">People counted, cleared and fully compliant, by role</caption>
          <thead><tr><th scope="col">Role</th><th scope="col">People</th><th scope="col">Cleared</th><th scope="col">Fully compliant</th></tr></thead>
          <tbody>{summary.byRole.map((r) => <tr key={r.role}><th scope="row">{r.role}</th><td data-label="People">{r.people}</td><td data-label="Cleared">{r.cleared}</td><td data-label="Fully compliant">{r.fullyCompliant}</td></tr>)}</tbody>
        </table>
      </div>

      <h2>Policy in force on {formatUkDate(pack.date)}</h2>
      <dl className="summary">{pack.settings.map((s) => <div key={s.label}><dt>{s.label}</dt><dd>{s.value}</dd></div>)}</dl>
      <div className="table-wrap">
        <table className="cards">
          <caption>Required training</caption>
          <thead><tr><th scope="col">Course</th><th scope="col">Valid for</th><th scope="col">Required for</th></tr></thead>
          <tbody>{pack.courses.map((c) => <tr key={c.Name}><th scope="row">{c.Name}</th><td data-label="Valid for">{c["Valid for"]}</td><td data-label="Required for">{c["Required for"]}</td></tr>)}</tbody>
        </table>
      </div>

      <h2>People</h2>
      {pack.people.map((p) => (
        <section key={p.id} className="pack-person" aria-labelledby={`person-${p.id}`}>
          <h3 id={`person-${p.id}`}>{p.name}</h3>
          <p>{p.roles}{p.startedOn ? `, started ${formatUkDate(p.startedOn)}` : ", no start date"}. {p.clearedWords}.{p.fullyCompliant ? " Fully compliant." : ""}</p>
          {p.findings.length ? <ul className="pack-findings">{p.findings.map((f) => <li key={f}><strong>Finding:</strong> {f}</li>)}</ul> : null}
          <h4>DBS</h4>
          {p.dbs.length ? (
            <ul>
              {p.dbs.map((c) => (
                <li key={`${c.issuedOn}${c.certificate}`}>
                  {c.inError ? <><strong>Entered in error</strong> ({c.inError.on}: {c.inError.reason}): </> : null}
                  <RecordText struck={Boolean(c.inError)}>
                    Issued {formatUkDate(c.issuedOn)}, {c.level}, {c.workforce}{c.barredList ? ", children's barred list checked" : ""}, certificate {c.certificate}.
                    Decision: {c.decision}. Original seen by {c.seen}. Update Service: {c.updateService ? "subscribed" : "not subscribed"}.
                  </RecordText>
                  {c.statusChecks.length ? <> Status checks: {c.statusChecks.join("; ")}.</> : null}
                  {c.recordedLater ? <> (Recorded in this app on {c.recordedLater}, after this date.)</> : null}
                </li>
              ))}
            </ul>
          ) : <p>None issued by this date.</p>}
          <h4>References</h4>
          {p.references.length ? (
            <ul>
              {p.references.map((r, i) => {
                return (
                  <li key={`${r.referee}${i}`}>
                    {r.inError ? <><strong>Entered in error</strong> ({r.inError.reason}): </> : null}
                    <RecordText struck={Boolean(r.inError)}>{r.referee}: requested {formatUkDate(r.requestedOn)}; {r.received}.</RecordText>
                    {r.recordedLater ? <> (Recorded in this app on {r.recordedLater}, after this date.)</> : null}
                  </li>
                );
              })}
            </ul>
          ) : <p>None requested by this date.</p>}
          <div className="table-wrap">
            <table className="cards">
              <caption>Requirements for {p.name}</caption>
              <thead><tr><th scope="col">Requirement</th><th scope="col">Status</th><th scope="col">Detail</th></tr></thead>
              <tbody>{p.requirements.map((r) => <tr key={r.label}><th scope="row">{r.label}</th><td data-label="Status">{r.status}</td><td data-label="Detail">{r.words}</td></tr>)}</tbody>
            </table>
          </div>
        </section>
      ))}

      <h2>Changes to compliance records and policy, {formatUkDate(pack.date)} and the year before</h2>
      {pack.changes.length ? (
        <ul className="audit-list">
          {pack.changes.map((c, i) => (
            <li key={i}>
              {c.at}, {c.by}: {c.summary}
              {c.changes.length ? <ul>{c.changes.map((f, j) => <li key={j}>{f.field}: {f.from ? `${f.from} → ` : ""}{f.to}</li>)}</ul> : null}
            </li>
          ))}
        </ul>
      ) : <p>None recorded.</p>}
    </article>
  );
}
