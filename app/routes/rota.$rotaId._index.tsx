import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData } from "@remix-run/react";
import { useMemo } from "react";
import { SelectField, ValidatedForm } from "~/components/forms";
import { RotaGrid } from "~/components/rota-grid";
import { ActionNotices } from "~/components/rota-notices";
import { rotaAction, rotaPageData, type RotaActionResult } from "~/modules/rota/rota-page.server";
import { formatUkDate, formatUkDateWithDay } from "~/utils/dates";

export const meta: MetaFunction = () => [{ title: "Rota" }];

export async function loader({ request, params }: LoaderFunctionArgs) {
  return rotaPageData(request, params.rotaId!);
}

export async function action({ request, params }: ActionFunctionArgs) {
  return rotaAction(request, params.rotaId!);
}

export default function RotaPage() {
  const { rota } = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>() as RotaActionResult | undefined;
  const swapRefused = useMemo(() => (result?.kind === "refused" && !result.shiftId ? { errors: { first: result.message } } : null), [result]);
  const everyone = rota.shifts.flatMap((s) => (s.past ? [] : s.assignments.filter((a) => a.status === "assigned" && !a.offBecause)).map((a) => [a.id, `${a.name}: ${s.session}, ${formatUkDateWithDay(s.date)}`] as const));
  const totalGaps = rota.shifts.reduce((n, s) => n + s.gaps.reduce((m, g) => m + g.missing, 0), 0);
  return (
    <>
      <p className="no-print"><Link to="/rota">Back to rotas</Link></p>
      <h1>Rota {formatUkDate(rota.startsOn)} to {formatUkDate(rota.endsOn)}</h1>
      <p className="lead">
        <span className={`tag ${rota.status === "published" ? "tag--met" : "tag--due"}`}>{rota.status === "published" ? "Published" : "Draft"}</span>{" "}
        {rota.shifts.length} sessions; {totalGaps === 0 ? "every place is filled." : `${totalGaps} place${totalGaps === 1 ? "" : "s"} still to fill.`}{" "}
        <Link to={`/rota/${rota.id}/print`}>Printable version</Link>
      </p>

      <ActionNotices result={result} cancelTo={`/rota/${rota.id}`} refusedField={{ formId: "swap-people", name: "first" }} />
      {result?.kind === "confirm-discard" ? (
        <div className="notice notice--warning" role="alert">
          <h2>Discard this draft?</h2>
          <p>The draft rota for {formatUkDate(rota.startsOn)} to {formatUkDate(rota.endsOn)} and every change made to it will be deleted. Nobody has been told about it, so nobody else is affected.</p>
          <Form method="post" className="button-row">
            <input type="hidden" name="intent" value="discard" />
            <input type="hidden" name="confirmed" value="yes" />
            <button type="submit" className="button button--warning">Discard the draft</button>
            <Link to={`/rota/${rota.id}`}>Keep it</Link>
          </Form>
        </div>
      ) : null}

      {rota.status === "draft" ? (
        <div className="button-row no-print">
          <Form method="post"><button type="submit" name="intent" value="publish">Publish rota</button></Form>
          <Form method="post"><button type="submit" name="intent" value="discard" className="button button--secondary">Discard draft</button></Form>
        </div>
      ) : null}

      <p className="no-print">Choose a date to change who is on that shift, see why a place is empty, and who could cover it.</p>
      <div className="table-wrap">
        <RotaGrid rota={rota} />
      </div>

      {everyone.length > 1 ? (
        <section className="no-print">
          <h2 id="swap">Swap two people</h2>
          <ValidatedForm id="swap-people" failure={swapRefused} summary={false}>
            <input type="hidden" name="intent" value="swap" />
            <SelectField name="first" label="Swap" options={[["", "Choose"], ...everyone]} />
            <SelectField name="second" label="With" options={[["", "Choose"], ...everyone]} />
            <button type="submit" className="button button--secondary">Swap</button>
          </ValidatedForm>
        </section>
      ) : null}
    </>
  );
}
