import { Form } from "@remix-run/react";
import { CheckboxGroup, DateField, SelectField, TextField, ValidatedForm, valueOf, valuesOf } from "./forms";
import { WEEKDAY_OPTIONS, preferencesSchema, unavailabilitySchema } from "~/modules/rota/validation";
import { formatUkDate, type IsoDate } from "~/utils/dates";
import type { FieldErrors, FormValues } from "~/utils/form";

type Data = {
  today: IsoDate;
  name: string;
  serveEveryWeeks: number | null;
  centreDefault: number;
  preferredDays: string[];
  unavailable: { id: string; startsOn: string; endsOn: string; reason: string }[];
};
type Result = { ok: true; intent: string; message: string } | { ok: false; intent: string; errors: FieldErrors; values: FormValues } | undefined;

export function AvailabilityForms({ data, result, self }: { data: Data; result: Result; self: boolean }) {
  const failed = result && !result.ok ? result : undefined;
  const failedFor = (intent: string) => (failed?.intent === intent ? failed : null);
  const valuesFor = (intent: string) => failedFor(intent)?.values;
  const you = self ? "you" : data.name;
  return (
    <>
      {result?.ok ? <div className="notice notice--success" role="status">{result.message}</div> : null}
      <h2>Dates {self ? "I cannot do" : "they cannot do"}</h2>
      {data.unavailable.length ? (
        <ul>
          {data.unavailable.map((u) => (
            <li key={u.id}>
              {u.startsOn === u.endsOn ? formatUkDate(u.startsOn) : `${formatUkDate(u.startsOn)} to ${formatUkDate(u.endsOn)}`}{u.reason ? `: ${u.reason}` : ""}{" "}
              <Form method="post" style={{ display: "inline" }}>
                <input type="hidden" name="intent" value="remove-dates" />
                <input type="hidden" name="id" value={u.id} />
                <button type="submit" className="button button--secondary">Remove<span className="visually-hidden"> {formatUkDate(u.startsOn)}</span></button>
              </Form>
            </li>
          ))}
        </ul>
      ) : <p>None recorded.</p>}
      <ValidatedForm id="add-dates" schema={unavailabilitySchema(data.today)} failure={failedFor("add-dates")} labels={{ startsOn: "First date", endsOn: "Last date", reason: "Reason" }}>
        <input type="hidden" name="intent" value="add-dates" />
        <DateField name="startsOn" label="First date" defaultValue={valueOf(valuesFor("add-dates"), "startsOn")} />
        <DateField name="endsOn" label="Last date (leave blank for a single day)" defaultValue={valueOf(valuesFor("add-dates"), "endsOn")} />
        <TextField name="reason" label="Reason (optional)" hint="For example, on holiday" defaultValue={valueOf(valuesFor("add-dates"), "reason")} />
        <button type="submit">Save dates</button>
      </ValidatedForm>

      <h2>How often and which days</h2>
      <ValidatedForm id="preferences" schema={preferencesSchema} failure={failedFor("preferences")} labels={{ serveEveryWeeks: "How often", preferredDays: "Preferred days" }}>
        <input type="hidden" name="intent" value="preferences" />
        <SelectField
          name="serveEveryWeeks"
          label={`How often ${you} would like to serve, at most`}
          options={[["", `Centre default (every ${data.centreDefault} weeks)`], ["4", "Every 4 weeks"], ["5", "Every 5 weeks"], ["6", "Every 6 weeks"], ["8", "Every 8 weeks"], ["2", "Every 2 weeks"]]}
          defaultValue={valueOf(valuesFor("preferences"), "serveEveryWeeks", data.serveEveryWeeks?.toString() ?? "")}
        />
        <CheckboxGroup name="preferredDays" label="Preferred days (optional)" hint="Leave all unticked if any day suits" options={WEEKDAY_OPTIONS} checked={valuesOf(valuesFor("preferences"), "preferredDays", data.preferredDays)} />
        <button type="submit" className="button button--secondary">Save preferences</button>
      </ValidatedForm>
    </>
  );
}
