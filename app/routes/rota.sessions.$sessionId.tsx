import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { redirect } from "@remix-run/node";
import { Link, useActionData, useLoaderData } from "@remix-run/react";
import { Checkbox, CheckboxGroup, DateField, SelectField, TextField, ValidatedForm, valueOf, valuesOf } from "~/components/forms";
import { actorOf } from "~/modules/auth/actor";
import { invariantResponse, requirePermission } from "~/modules/auth/session.server";
import { previewSession } from "~/modules/rota/preview.server";
import { toPattern } from "~/modules/rota/rota.server";
import { addExtraDate, saveSession } from "~/modules/rota/setup.server";
import { WEEKDAY_OPTIONS, extraDateSchema, sessionSchema } from "~/modules/rota/validation";
import { prisma } from "~/db.server";
import { formatUkDate, formatUkDateWithDay } from "~/utils/dates";
import { formValues, parseForm, type FieldErrors } from "~/utils/form";
import { clock } from "~/utils/clock.server";

export const meta: MetaFunction<typeof loader> = ({ data }) => [{ title: data?.session ? `Edit ${data.session.name}` : "Add a session" }];

export async function loader({ request, params }: LoaderFunctionArgs) {
  const user = await requirePermission(request, "rota:manage");
  const isNew = params.sessionId === "new";
  const session = isNew
    ? null
    : await prisma.contactSession.findFirst({ where: { id: params.sessionId, centreId: user.centreId }, include: { extraDates: { orderBy: { date: "asc" } } } });
  invariantResponse(isNew || session, "We could not find that session.");
  const preview = session ? await previewSession(user.centreId, session.id, toPattern(session), session.skipBankHolidays, clock.today()) : null;
  const fields = session && {
    id: session.id, name: session.name, location: session.location, frequency: session.frequency, interval: session.interval,
    weekdays: session.weekdays, weekOfMonth: session.weekOfMonth, startsOn: session.startsOn, endsOn: session.endsOn,
    startTime: session.startTime, endTime: session.endTime, coordinatorsNeeded: session.coordinatorsNeeded,
    staffNeeded: session.staffNeeded, volunteersNeeded: session.volunteersNeeded, skipBankHolidays: session.skipBankHolidays,
  };
  return { today: clock.today(), session: fields, preview, extraDates: (session?.extraDates ?? []).map((e) => ({ id: e.id, date: e.date, note: e.note })) };
}

export async function action({ request, params }: ActionFunctionArgs) {
  const user = await requirePermission(request, "rota:manage");
  const formData = await request.formData();
  const intent = formData.get("intent");
  const sessionId = params.sessionId === "new" ? null : params.sessionId!;
  if (intent === "add-extra" && sessionId) {
    const parsed = parseForm(extraDateSchema(clock.today()), formData);
    if (!parsed.ok) return { ...parsed, intent, preview: null };
    await addExtraDate(actorOf(user), sessionId, parsed.data);
    return redirect(`/rota/sessions/${sessionId}?saved=extra`);
  }
  const parsed = parseForm(sessionSchema(clock.today()), formData);
  if (!parsed.ok) return { ...parsed, intent, preview: null };
  if (intent === "preview") {
    const preview = await previewSession(user.centreId, sessionId, parsed.data, parsed.data.skipBankHolidays, clock.today());
    return { ok: false as const, errors: {} as FieldErrors, values: formValues(formData), intent, preview };
  }
  const saved = await saveSession(actorOf(user), sessionId, parsed.data);
  return redirect(`/rota/sessions/${saved.id}?saved=session`);
}

const LABELS = {
  name: "Name", location: "Room or site", frequency: "How often", interval: "Every", weekdays: "Days", weekOfMonth: "Week of the month",
  startsOn: "First session", endsOn: "Last session", startTime: "Start time", endTime: "Finish time",
  coordinatorsNeeded: "Co-ordinators or deputies", staffNeeded: "Staff", volunteersNeeded: "Volunteers",
};

export default function SessionForm() {
  const { session, preview: savedPreview, extraDates, today } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const sessionFailure = actionData?.intent !== "add-extra" ? actionData : null;
  const values = sessionFailure?.values;
  const preview = actionData?.preview ?? savedPreview;
  const formValuesOrSaved = (name: string, saved: string | number | null | undefined) => valueOf(values, name, saved === null || saved === undefined ? "" : String(saved));
  const checkedDays = values ? valuesOf(values, "weekdays", []) : session ? session.weekdays.split(",") : ["SA"];
  return (
    <>
      <p><Link to="/rota/sessions">Back to sessions</Link></p>
      <h1>{session ? `Edit ${session.name}` : "Add a session"}</h1>
      {preview ? (
        <div className="notice" role="status" aria-live="polite">
          <h2>{preview.text}</h2>
          <p>The next dates:</p>
          <ul>
            {preview.dates.map((d) => (
              <li key={d.date}>{formatUkDateWithDay(d.date)}{d.extra ? " (extra session)" : ""}{d.skippedBecause ? ` — not running: ${d.skippedBecause}` : ""}</li>
            ))}
          </ul>
        </div>
      ) : null}
      <ValidatedForm id="session" schema={sessionSchema(today)} failure={sessionFailure} labels={LABELS}>
        <TextField name="name" label="Name" hint="For example, Saturday morning" defaultValue={formValuesOrSaved("name", session?.name)} />
        <TextField name="location" label="Room or site (optional)" defaultValue={formValuesOrSaved("location", session?.location)} />
        <SelectField name="frequency" label="How often" options={[["weekly", "Weekly"], ["monthly", "Monthly, on a particular week"]]} defaultValue={formValuesOrSaved("frequency", session?.frequency ?? "weekly")} />
        <TextField name="interval" label="Every how many weeks or months" hint="1 for every week, 2 for every other week" inputMode="numeric" width="short" defaultValue={formValuesOrSaved("interval", session?.interval ?? 1)} />
        <CheckboxGroup name="weekdays" label="Days" options={WEEKDAY_OPTIONS} checked={checkedDays} />
        <SelectField
          name="weekOfMonth" label="For monthly sessions: which week"
          options={[["", "Not monthly"], ["1", "First"], ["2", "Second"], ["3", "Third"], ["4", "Fourth"], ["-1", "Last"]]}
          defaultValue={formValuesOrSaved("weekOfMonth", session?.weekOfMonth)}
        />
        <DateField name="startsOn" label="First session" defaultValue={formValuesOrSaved("startsOn", formatUkDate(session?.startsOn))} />
        <DateField name="endsOn" label="Last session (optional)" hint="Leave blank if it carries on. For example, 27/03/2027" defaultValue={formValuesOrSaved("endsOn", formatUkDate(session?.endsOn))} />
        <TextField name="startTime" label="Start time" hint="24-hour clock, UK time, for example 10:00" width="short" defaultValue={formValuesOrSaved("startTime", session?.startTime ?? "10:00")} />
        <TextField name="endTime" label="Finish time" hint="For example, 12:30" width="short" defaultValue={formValuesOrSaved("endTime", session?.endTime ?? "12:30")} />
        <fieldset className="field">
          <legend>Who must be on duty</legend>
          <TextField name="coordinatorsNeeded" label="Co-ordinators or deputies" inputMode="numeric" width="short" defaultValue={formValuesOrSaved("coordinatorsNeeded", session?.coordinatorsNeeded ?? 1)} />
          <TextField name="staffNeeded" label="Staff (for supervised contact)" inputMode="numeric" width="short" defaultValue={formValuesOrSaved("staffNeeded", session?.staffNeeded ?? 0)} />
          <TextField name="volunteersNeeded" label="Volunteers" inputMode="numeric" width="short" defaultValue={formValuesOrSaved("volunteersNeeded", session?.volunteersNeeded ?? 3)} />
        </fieldset>
        <Checkbox name="skipBankHolidays" label="Do not run on bank holidays (England and Wales)" defaultChecked={values ? values.skipBankHolidays === "on" : session?.skipBankHolidays ?? true} />
        <div className="button-row">
          <button type="submit" name="intent" value="preview" className="button button--secondary">Preview dates</button>
          <button type="submit" name="intent" value="save">Save session</button>
        </div>
      </ValidatedForm>

      {session ? (
        <>
          <h2>Extra one-off dates</h2>
          {extraDates.length ? <ul>{extraDates.map((e) => <li key={e.id}>{formatUkDateWithDay(e.date)}{e.note ? `: ${e.note}` : ""}</li>)}</ul> : <p>None.</p>}
          <ValidatedForm id="add-extra" schema={extraDateSchema(today)} failure={actionData?.intent === "add-extra" ? actionData : null} labels={{ date: "Date", note: "Note" }}>
            <input type="hidden" name="intent" value="add-extra" />
            <DateField name="date" label="Date of the extra session" defaultValue={actionData?.intent === "add-extra" ? valueOf(actionData.values, "date") : ""} />
            <TextField name="note" label="Note (optional)" defaultValue={actionData?.intent === "add-extra" ? valueOf(actionData.values, "note") : ""} />
            <button type="submit" className="button button--secondary">Add extra date</button>
          </ValidatedForm>
        </>
      ) : null}
    </>
  );
}
