/** What a rota edit answered: done (with rules knowingly broken), refused, or "this breaks a rule: do it anyway?". */
import { Form, Link } from "@remix-run/react";
import { ErrorSummary } from "~/components/forms";
import type { RotaActionResult } from "~/modules/rota/rota-page.server";

/** `refusedField` is the field a refusal is about: the summary links to it. */
export function ActionNotices({ result, cancelTo, refusedField }: { result: RotaActionResult | undefined; cancelTo: string; refusedField: { formId: string; name: string } }) {
  if (!result) return null;
  if (result.kind === "done") {
    return (
      <div className="notice notice--success" role="status">
        {result.message}
        {result.warnings.length ? <ul>{result.warnings.map((w) => <li key={w}>Accepted: {w}</li>)}</ul> : null}
      </div>
    );
  }
  if (result.kind === "refused") {
    return <ErrorSummary errors={{ [refusedField.name]: result.message }} formId={refusedField.formId} />;
  }
  if (result.kind === "confirm") {
    return (
      <div className="notice notice--warning" role="alert">
        <h2>This breaks {result.warnings.length === 1 ? "a rule" : `${result.warnings.length} rules`}</h2>
        <ul>{result.warnings.map((w) => <li key={w}>{w}</li>)}</ul>
        <Form method="post">
          {Object.entries(result.fields).filter(([k]) => k !== "confirmed").map(([k, v]) => <input key={k} type="hidden" name={k} value={v} />)}
          <input type="hidden" name="confirmed" value="yes" />
          <div className="button-row">
            <button type="submit" className="button button--warning">Do it anyway</button>
            <Link to={cancelTo}>Cancel</Link>
          </div>
        </Form>
      </div>
    );
  }
  return null;
}
