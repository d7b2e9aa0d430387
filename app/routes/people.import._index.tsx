import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { MaxPartSizeExceededError, redirect, unstable_createMemoryUploadHandler, unstable_parseMultipartFormData } from "@remix-run/node";
import { Link, useActionData, useLoaderData } from "@remix-run/react";
import { FileField, ValidatedForm } from "~/components/forms";
import { actorOf } from "~/modules/auth/actor";
import { requirePermission } from "~/modules/auth/session.server";
import { clearStaleUploads, createUpload, MAX_FILE_BYTES, READ_PROBLEM_WORDS, recentImports } from "~/modules/import/import.server";
import { clock } from "~/utils/clock.server";
import { formatLondonDateTime } from "~/utils/dates";

export const meta: MetaFunction = () => [{ title: "Import people from a spreadsheet" }];

export async function loader({ request }: LoaderFunctionArgs) {
  const user = await requirePermission(request, "people:write");
  await clearStaleUploads(user.centreId, clock.now());
  return { imports: await recentImports(user.centreId) };
}

export async function action({ request }: ActionFunctionArgs) {
  const user = await requirePermission(request, "people:write");
  let formData: FormData;
  try {
    formData = await unstable_parseMultipartFormData(request, unstable_createMemoryUploadHandler({ maxPartSize: MAX_FILE_BYTES }));
  } catch (error) {
    if (error instanceof MaxPartSizeExceededError) return { ok: false as const, errors: { file: READ_PROBLEM_WORDS["too-big"] } };
    throw error;
  }
  const file = formData.get("file");
  if (!(file instanceof File) || file.size === 0) return { ok: false as const, errors: { file: READ_PROBLEM_WORDS.empty } };
  const created = await createUpload({ ...actorOf(user), id: user.id }, file.name || "spreadsheet", new Uint8Array(await file.arrayBuffer()));
  if (!created.ok) return { ok: false as const, errors: { file: READ_PROBLEM_WORDS[created.problem] } };
  return redirect(`/people/import/${created.id}`);
}

export default function ImportStart() {
  const { imports } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  return (
    <>
      <p><Link to="/people">Back to people</Link></p>
      <h1>Import people from a spreadsheet</h1>
      <p className="lead">Bring in the people, DBS checks, references and training dates your centre keeps in Excel or another spreadsheet.</p>
      <ol>
        <li>Upload the file (.xlsx or .csv).</li>
        <li>Check which column holds what: we guess from the headers, and you correct any guess.</li>
        <li>See every row before anything is saved: who is new, who is already here, and any cell we cannot read, with why.</li>
        <li>Confirm, and it is all saved at once. Importing the same file again adds nothing.</li>
      </ol>
      <p>
        Starting a new sheet? Download the <a href="/people/import/template.xlsx" download>template (.xlsx)</a> or the{" "}
        <a href="/people/import/template.csv" download>template (.csv)</a>. Want to try it first? Import the{" "}
        <a href="/examples/centre-spreadsheet.xlsx" download>example spreadsheet</a>.
      </p>
      <ValidatedForm id="upload" encType="multipart/form-data" failure={actionData} labels={{ file: "Spreadsheet" }}>
        <FileField
          name="file" label="Spreadsheet" hint="An .xlsx or .csv file up to 5 MB. Only the first sheet is read."
          accept=".xlsx,.csv,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet,text/csv"
        />
        <button type="submit">Upload and match columns</button>
      </ValidatedForm>

      {imports.length ? (
        <>
          <h2>Recent uploads</h2>
          <ul>
            {imports.map((i) => (
              <li key={i.id}>
                <Link to={`/people/import/${i.id}`}>{i.fileName}</Link>, {i.rowCount} rows, uploaded {formatLondonDateTime(new Date(i.createdAt))}
                {i.importedAt ? `: imported ${formatLondonDateTime(new Date(i.importedAt))}` : ": not imported"}
              </li>
            ))}
          </ul>
        </>
      ) : null}
    </>
  );
}
