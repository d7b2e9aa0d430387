import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { redirect } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData } from "@remix-run/react";
import { SelectField, ValidatedForm } from "~/components/forms";
import { useMemo } from "react";
import { actorOf } from "~/modules/auth/actor";
import { requirePermission } from "~/modules/auth/session.server";
import { DBS_FIELDS, PERSON_FIELDS, REFERENCE_FIELDS, isColumnField, looksLikeTraining, type ColumnField } from "~/modules/import/columns";
import { columnLetter, columnsFromForm, confirmUpload, loadUpload, saveColumns } from "~/modules/import/import.server";
import { cellText, type RowPlan } from "~/modules/import/rows";
import { columnProblemWords, fieldLabel, problemWords } from "~/modules/import/words";
import { DBS_DECISIONS, DBS_LEVELS, WORKFORCES } from "~/modules/compliance/requirements";
import { ROLE_LABELS } from "~/modules/people/constants";
import { clock } from "~/utils/clock.server";
import { formatLondonDateTime, formatUkDate } from "~/utils/dates";
import { paginate } from "~/utils/pages";
import { Pagination } from "~/components/pagination";

export const meta: MetaFunction<typeof loader> = ({ data }) => [{ title: data ? `Import ${data.upload.fileName}` : "Import" }];

/** Rows of each kind listed a page at a time; every row can be seen before anything is saved. */
const LISTED = 100;

export async function loader({ request, params }: LoaderFunctionArgs) {
  const user = await requirePermission(request, "people:write");
  const loaded = await loadUpload(user.centreId, params.importId!, clock.today());
  const labelOf = (field: ColumnField) => fieldLabel(field, loaded.courses);
  const base = { upload: loaded.upload, importedBefore: loaded.importedBefore };
  if (loaded.state === "imported") return { ...base, state: loaded.state, result: loaded.result };
  if (loaded.state === "expired") return { ...base, state: loaded.state };
  const { sheet, columns, plan } = loaded;
  const courseName = new Map(loaded.courses.map((c) => [c.id, c.name]));
  const cellName = (column: number | null, rowNumber: number) => (column === null ? `Row ${rowNumber}` : `${columnLetter(column)}${rowNumber} (${sheet.headers[column]})`);
  const describe = (row: RowPlan) => ({
    rowNumber: row.rowNumber,
    name: `${row.person.firstName} ${row.person.lastName}`.trim() || "(no name)",
    outcome: row.outcome,
    matchedBy: row.matchedBy,
    adds: [
      row.outcome === "new" ? `${row.person.roles.map((r) => ROLE_LABELS[r]).join(", ")}${row.person.startedOn ? `, started ${formatUkDate(row.person.startedOn)}` : ""}` : null,
      row.dbs ? `DBS issued ${formatUkDate(row.dbs.issuedOn)}${row.dbs.held ? " (already held)" : ""}` : null,
      ...row.references.map((r) => `Reference ${r.n} received ${formatUkDate(r.receivedOn)}${r.held ? " (already held)" : ""}`),
      ...row.training.map((t) => `${courseName.get(t.courseId) ?? "Training"} ${formatUkDate(t.completedOn)}${t.held ? " (already held)" : ""}`),
    ].filter((line): line is string => Boolean(line)),
    problems: row.problems.map((p) => ({ cell: cellName(p.column, row.rowNumber), words: problemWords(p) })),
  });
  const url = new URL(request.url);
  const listed = (rows: RowPlan[], param: string) => {
    const { items, page } = paginate(rows, Number(url.searchParams.get(param)) || 1, LISTED);
    return { rows: items.map(describe), page };
  };
  const refused = listed(plan?.rows.filter((r) => r.outcome === "refused") ?? [], "refused");
  const accepted = listed(plan?.rows.filter((r) => r.outcome !== "refused") ?? [], "rows");
  const has = (field: ColumnField) => columns.includes(field);
  return {
    ...base,
    state: loaded.state,
    columns: sheet.headers.map((header, i) => ({
      header, letter: columnLetter(i), field: columns[i],
      examples: sheet.rows.map((r) => cellText(r.cells[i] ?? null)).filter(Boolean).slice(0, 3),
      unmatchedTraining: columns[i] === "ignore" && looksLikeTraining(header),
    })),
    fieldOptions: [
      ["ignore", labelOf("ignore")] as const,
      ...[...PERSON_FIELDS, ...DBS_FIELDS, ...REFERENCE_FIELDS].map((f) => [f, labelOf(f)] as const),
      ...loaded.courses.filter((c) => !c.retired).map((c) => [`course:${c.id}`, labelOf(`course:${c.id}`)] as const),
    ],
    // Each problem sits at the column it is about (a missing name, at the first column).
    columnErrors: Object.fromEntries(loaded.columnProblems.map((p) => [`column-${"column" in p ? p.column : 0}`, columnProblemWords(p, sheet.headers, labelOf)])),
    assumptions: has("dbsIssuedOn")
      ? [
        !has("dbsLevel") && `every DBS check is recorded as ${DBS_LEVELS.enhanced}`,
        !has("dbsWorkforce") && `for the ${WORKFORCES.child.toLowerCase()}`,
        !has("dbsDecision") && `with the decision “${DBS_DECISIONS.clear}”`,
        !has("dbsSeenBy") && `seen by “Imported from ${loaded.upload.fileName}”`,
        !has("dbsSeenOn") && "on its date of issue",
      ].filter((a): a is string => Boolean(a))
      : [],
    hasTrainingOrReferences: columns.some((c) => c.startsWith("course:") || c.startsWith("reference")),
    counts: plan ? { ...plan.counts, blankRows: plan.blankRows, rows: sheet.rows.length } : null,
    refused,
    accepted,
  };
}

export async function action({ request, params }: ActionFunctionArgs) {
  const user = await requirePermission(request, "people:write");
  const formData = await request.formData();
  const id = params.importId!;
  const intent = String(formData.get("intent"));
  if (intent === "columns") {
    const loaded = await loadUpload(user.centreId, id, clock.today(), { plan: false });
    if (loaded.state !== "ready") return redirect(`/people/import/${id}`);
    const chosen = columnsFromForm(formData, loaded.sheet.headers.length);
    // Anything not on the list (a tampered form) is left out rather than trusted.
    await saveColumns(user.centreId, id, chosen.map((c) => (isColumnField(c, loaded.courses) ? c : "ignore")));
    return redirect(`/people/import/${id}#preview`);
  }
  if (intent === "confirm") {
    const saved = await confirmUpload(actorOf(user), id, clock.today());
    if (!saved.ok) return { ok: false as const, reason: saved.reason };
    return redirect(`/people/import/${id}?done=1`);
  }
  throw new Response("Unknown action", { status: 400 });
}

const REFUSED_WORDS = {
  expired: "This upload is more than a day old, so its file has been removed: upload it again.",
  columns: "Match the columns first: see the problems above.",
  imported: "This upload has already been imported.",
};

function RowTable({ rows, caption }: { rows: { rowNumber: number; name: string; outcome: string; matchedBy: string | null; adds: string[]; problems: { cell: string; words: string }[] }[]; caption: string }) {
  return (
    <div className="table-wrap">
      <table className="cards">
        <caption className="visually-hidden">{caption}</caption>
        <thead><tr><th scope="col">Row</th><th scope="col">Person</th><th scope="col">What happens</th><th scope="col">Details</th></tr></thead>
        <tbody>
          {rows.map((r) => (
            <tr key={r.rowNumber}>
              <td data-label="Row">{r.rowNumber}</td>
              <th scope="row">{r.name}</th>
              <td data-label="What happens">
                {r.outcome === "refused" ? <span className="tag tag--expired">Refused</span>
                  : r.outcome === "new" ? <span className="tag tag--met">New person</span>
                    : <span className="tag">Already here (same {r.matchedBy === "email" ? "email" : "name"})</span>}
              </td>
              <td data-label="Details">
                {r.problems.length ? <ul>{r.problems.map((p) => <li key={p.cell + p.words}><strong>{p.cell}</strong>: {p.words}</li>)}</ul> : null}
                {!r.problems.length && r.adds.length ? <ul>{r.adds.map((a) => <li key={a}>{a}</li>)}</ul> : null}
                {!r.problems.length && !r.adds.length ? "Nothing new to add" : null}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

export default function ImportUpload() {
  const data = useLoaderData<typeof loader>();
  // The column matching is checked when it is saved, and its problems kept with the upload.
  const columnErrors = "columnErrors" in data ? data.columnErrors : undefined;
  const columnFailure = useMemo(() => (columnErrors && Object.keys(columnErrors).length ? { errors: columnErrors } : null), [columnErrors]);
  const actionData = useActionData<typeof action>();
  const { upload } = data;
  return (
    <>
      <p><Link to="/people/import">Back to import</Link></p>
      {actionData && !actionData.ok ? <div className="notice notice--warning" role="alert">{REFUSED_WORDS[actionData.reason]}</div> : null}
      <h1>Import {upload.fileName}</h1>
      <p>{upload.rowCount} rows, uploaded {formatLondonDateTime(new Date(upload.createdAt))}.</p>
      {data.importedBefore && data.state === "ready" ? (
        <div className="notice notice--warning">This file was imported before, on {formatLondonDateTime(new Date(data.importedBefore))}. Everything already held is shown as such and will not be added again.</div>
      ) : null}

      {data.state === "imported" ? (
        <div className="notice notice--success" role="status">
          <h2>Imported {formatLondonDateTime(new Date(upload.importedAt!))}</h2>
          <ul>
            <li>People added: {data.result.peopleAdded}</li>
            <li>People already here, records added to them: {data.result.peopleMatched}</li>
            <li>Records added (DBS checks, references, training): {data.result.recordsAdded}</li>
            <li>Records already held, skipped: {data.result.recordsHeld}</li>
            <li>Rows refused, not imported: {data.result.rowsRefused}{data.result.blankRows ? `; blank rows skipped: ${data.result.blankRows}` : ""}</li>
          </ul>
          <p><Link to="/people">See everyone</Link> or <Link to="/compliance/matrix">the compliance matrix</Link>. The import is in the <Link to="/audit">audit log</Link>.</p>
        </div>
      ) : null}

      {data.state === "expired" ? <p>This upload is more than a day old, so its file has been removed (it holds personal data). <Link to="/people/import">Upload it again</Link>.</p> : null}

      {data.state === "ready" ? (
        <>
          <h2>1. Check what each column holds</h2>
          <p>We guessed from the headers. Correct any guess, choose “Leave out” for columns not to import, then show the preview.</p>
          <ValidatedForm id="columns" failure={columnFailure}>
            <input type="hidden" name="intent" value="columns" />
            {data.columns.map((c, i) => (
              <SelectField
                key={c.letter}
                name={`column-${i}`}
                label={`Column ${c.letter}: ${c.header}`}
                hint={[
                  c.examples.length ? `For example: ${c.examples.join("; ")}` : "Empty in every row",
                  c.unmatchedTraining ? "This looks like training, but no course has this name: choose the course, or leave it out" : "",
                ].filter(Boolean).join(". ")}
                options={data.fieldOptions}
                defaultValue={c.field}
              />
            ))}
            <button type="submit" className="button button--secondary">Show the preview with these columns</button>
          </ValidatedForm>

          {data.counts ? (
            <section aria-labelledby="preview">
              <h2 id="preview">2. Preview: nothing is saved yet</h2>
              <ul>
                <li>New people: {data.counts.newPeople}</li>
                <li>Already here (records added to them): {data.counts.matchedPeople}</li>
                <li>Records to add: {data.counts.recordsToAdd}{data.counts.recordsHeld ? `; already held, skipped: ${data.counts.recordsHeld}` : ""}</li>
                <li>Rows refused: {data.counts.refusedRows}{data.counts.blankRows ? `; blank rows skipped: ${data.counts.blankRows}` : ""}</li>
              </ul>
              {data.assumptions.length ? <p>The file does not say, so {data.assumptions.join(", ")}. Correct any that differ on the person's page afterwards.</p> : null}
              {data.hasTrainingOrReferences ? <p>Each reference date is recorded as a satisfactory reference received that day; each training date as the course completed that day.</p> : null}
              <p>People already here keep their details: only records they do not have are added.</p>
              {data.refused.rows.length ? (
                <>
                  <h3 id="refused">Refused rows ({data.counts.refusedRows})</h3>
                  <p>Correct these in your spreadsheet and upload it again, or import the rest now and add these by hand.</p>
                  <RowTable rows={data.refused.rows} caption="Refused rows, with the reason at each cell" />
                  <Pagination page={data.refused.page} label="Refused rows" param="refused" anchor="refused" />
                </>
              ) : null}
              {data.accepted.rows.length ? (
                <>
                  <h3 id="to-import">Rows to import ({data.counts.newPeople + data.counts.matchedPeople})</h3>
                  <RowTable rows={data.accepted.rows} caption="Rows to import, with what each adds" />
                  <Pagination page={data.accepted.page} label="Rows to import" param="rows" anchor="to-import" />
                </>
              ) : null}
              <h2>3. Import</h2>
              <Form method="post">
                <input type="hidden" name="intent" value="confirm" />
                <button type="submit" disabled={!data.counts.newPeople && !data.counts.recordsToAdd}>
                  Import {data.counts.newPeople} new people and {data.counts.recordsToAdd} records
                </button>
              </Form>
            </section>
          ) : null}
        </>
      ) : null}
    </>
  );
}
