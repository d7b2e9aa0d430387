import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { redirect } from "@remix-run/node";
import { Link, useActionData, useLoaderData, useSearchParams } from "@remix-run/react";
import { Checkbox, SelectField, TextField, ValidatedForm, valueOf } from "~/components/forms";
import { NATIONS } from "~/modules/rota/nations";
import { actorOf } from "~/modules/auth/actor";
import { requirePermission } from "~/modules/auth/session.server";
import { getCourses, getSettings, updateSettings } from "~/modules/compliance/compliance.server";
import { settingsSchema } from "~/modules/compliance/validation";
import { roleList } from "~/modules/people/constants";
import { parseForm } from "~/utils/form";
import { readRecords } from "~/utils/sql-read.server";
import { setCentreSetting } from "~/modules/rota/setup.server";
import { OPEN_SHIFT_TAKING, reminderSettingsSchema, rotaSettingsSchema, retentionSettingsSchema, selfServiceSettingsSchema, signInSettingsSchema, WEEKDAY_OPTIONS } from "~/modules/rota/validation";

export const meta: MetaFunction = () => [{ title: "Settings" }];

export async function loader({ request }: LoaderFunctionArgs) {
  const user = await requirePermission(request, "compliance:write");
  const [settings, courses, [centre]] = await Promise.all([
    getSettings(user.centreId),
    getCourses(user.centreId),
    readRecords("Centre", "id = ?", user.centreId),
  ]);
  const { serveEveryWeeks, reminderLeadDays, summaryWeekday, nation, offersSupervised, requireTwoFactor, openShiftTaking, swapCutoffHours, leaverRetentionYears, sensitiveEmailDays } = centre;
  return {
    settings,
    centre: { serveEveryWeeks, reminderLeadDays, summaryWeekday, nation, offersSupervised, requireTwoFactor, openShiftTaking, swapCutoffHours, leaverRetentionYears, sensitiveEmailDays },
    courses: courses.map((c) => ({ ...c, requiredFor: roleList(c.requiredFor) })),
  };
}

export async function action({ request }: ActionFunctionArgs) {
  const user = await requirePermission(request, "compliance:write");
  const formData = await request.formData();
  if (formData.get("intent") === "reminders") {
    const parsed = parseForm(reminderSettingsSchema, formData);
    if (!parsed.ok) return { ...parsed, intent: "reminders" };
    await setCentreSetting(actorOf(user), "reminderLeadDays", parsed.data.reminderLeadDays);
    await setCentreSetting(actorOf(user), "summaryWeekday", parsed.data.summaryWeekday);
    return redirect("/settings?saved=1");
  }
  if (formData.get("intent") === "rota") {
    const parsed = parseForm(rotaSettingsSchema, formData);
    if (!parsed.ok) return { ...parsed, intent: "rota" };
    await setCentreSetting(actorOf(user), "serveEveryWeeks", parsed.data.serveEveryWeeks);
    await setCentreSetting(actorOf(user), "nation", parsed.data.nation);
    return redirect("/settings?saved=1");
  }
  if (formData.get("intent") === "self-service") {
    const parsed = parseForm(selfServiceSettingsSchema, formData);
    if (!parsed.ok) return { ...parsed, intent: "self-service" };
    await setCentreSetting(actorOf(user), "openShiftTaking", parsed.data.openShiftTaking);
    await setCentreSetting(actorOf(user), "swapCutoffHours", parsed.data.swapCutoffHours);
    return redirect("/settings?saved=1");
  }
  if (formData.get("intent") === "retention") {
    const parsed = parseForm(retentionSettingsSchema, formData);
    if (!parsed.ok) return { ...parsed, intent: "retention" };
    await setCentreSetting(actorOf(user), "leaverRetentionYears", parsed.data.leaverRetentionYears);
    await setCentreSetting(actorOf(user), "sensitiveEmailDays", parsed.data.sensitiveEmailDays);
    return redirect("/settings?saved=1");
  }
  if (formData.get("intent") === "sign-in") {
    const parsed = parseForm(signInSettingsSchema, formData);
    if (!parsed.ok) return { ...parsed, intent: "sign-in" };
    await setCentreSetting(actorOf(user), "requireTwoFactor", parsed.data.requireTwoFactor);
    return redirect("/settings?saved=1");
  }
  const parsed = parseForm(settingsSchema, formData);
  if (!parsed.ok) return { ...parsed, intent: "policy" };
  await updateSettings(actorOf(user), parsed.data);
  return redirect("/settings?saved=1");
}

const LABELS = {
  referencesRequired: "References needed before starting",
  dueSoonDays: "Warn this many days before something lapses",
  dbsRecheckYears: "Recheck DBS certificates after this many years",
  updateServiceCheckMonths: "For Update Service members, run a status check every this many months",
};

export default function Settings() {
  const { settings, courses, centre } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const [searchParams] = useSearchParams();
  const failed = (intent: string) => (actionData && !actionData.ok && actionData.intent === intent ? actionData : null);
  const values = actionData && !actionData.ok ? actionData.values : undefined;
  return (
    <>
      <h1>Settings</h1>
      {searchParams.get("saved") ? <div className="notice notice--success" role="status">Settings saved.</div> : null}
      <h2>Safer recruitment and reminders</h2>
      <p>These are your centre's policies. A DBS certificate has no legal expiry; the recheck period is how often your centre asks for a new one.</p>
      <ValidatedForm id="policy" schema={settingsSchema} failure={failed("policy")} labels={LABELS}>
        {(Object.keys(LABELS) as (keyof typeof LABELS)[]).map((name) => (
          <TextField key={name} name={name} label={LABELS[name]} inputMode="numeric" width="short" defaultValue={valueOf(values, name, String(settings[name]))} />
        ))}
        <Checkbox
          name="requireChildrenBarredList"
          label="Only DBS checks that included the children's barred list clear someone to work"
          hint={centre.offersSupervised ? "Your centre offers supervised contact, where this is usually required." : "Usually required by centres that offer supervised contact."}
          defaultChecked={values ? valueOf(values, "requireChildrenBarredList") === "on" : settings.requireChildrenBarredList}
        />
        <button type="submit">Save settings</button>
      </ValidatedForm>

      <h2>Reminder emails</h2>
      <ValidatedForm id="reminders-settings" schema={reminderSettingsSchema} failure={failed("reminders")}>
        <input type="hidden" name="intent" value="reminders" />
        <TextField
          name="reminderLeadDays"
          label="Send reminders this many days before something lapses"
          hint="Separate with commas; 0 means on the day it lapses. For example: 60, 30, 7, 0"
          width="medium"
          defaultValue={valueOf(values, "reminderLeadDays", centre.reminderLeadDays.split(",").join(", "))}
        />
        <SelectField
          name="summaryWeekday"
          label="Send weekly summaries and co-ordinators' digests on"
          hint="Everyone who chose a weekly summary gets one that day, listing everything due or out of date"
          options={WEEKDAY_OPTIONS}
          defaultValue={valueOf(values, "summaryWeekday", centre.summaryWeekday)}
        />
        <button type="submit" className="button button--secondary">Save reminder setting</button>
      </ValidatedForm>

      <h2>Rota</h2>
      <ValidatedForm id="rota-settings" schema={rotaSettingsSchema} failure={failed("rota")}>
        <input type="hidden" name="intent" value="rota" />
        <SelectField
          name="serveEveryWeeks"
          label="How often people serve, unless they choose otherwise"
          hint="Volunteers typically serve once every four to six weeks"
          options={[["2", "Every 2 weeks"], ["3", "Every 3 weeks"], ["4", "Every 4 weeks"], ["5", "Every 5 weeks"], ["6", "Every 6 weeks"], ["8", "Every 8 weeks"]]}
          defaultValue={valueOf(values, "serveEveryWeeks", String(centre.serveEveryWeeks))}
        />
        <SelectField
          name="nation"
          label="Skip the bank holidays of"
          hint="Sessions do not run on bank holidays unless a session says otherwise"
          options={Object.entries(NATIONS)}
          defaultValue={valueOf(values, "nation", centre.nation)}
        />
        <button type="submit" className="button button--secondary">Save rota settings</button>
      </ValidatedForm>

      <h2>Open shifts and swaps</h2>
      <p>Volunteers can take empty places on a published rota themselves, and ask colleagues to take theirs. Either way you are told, and it is in the audit log.</p>
      <ValidatedForm id="self-service-settings" schema={selfServiceSettingsSchema} failure={failed("self-service")}>
        <input type="hidden" name="intent" value="self-service" />
        <SelectField
          name="openShiftTaking"
          label="When a volunteer takes an open place, it is theirs"
          options={Object.entries(OPEN_SHIFT_TAKING)}
          defaultValue={valueOf(values, "openShiftTaking", centre.openShiftTaking)}
        />
        <TextField
          name="swapCutoffHours"
          label="Swap requests close this many hours before the shift"
          hint="A request nobody has taken by then shows on your dashboard as a gap, with who could cover. 72 hours is three days."
          inputMode="numeric"
          width="short"
          defaultValue={valueOf(values, "swapCutoffHours", String(centre.swapCutoffHours))}
        />
        <button type="submit" className="button button--secondary">Save open shift settings</button>
      </ValidatedForm>

      <h2 id="retention">Keeping personal data</h2>
      <p>After this, a leaver is listed under <Link to="/people/removal">People due for removal</Link>, where you remove their personal data. Counts and the audit trail are kept, without it.</p>
      <ValidatedForm id="retention-settings" schema={retentionSettingsSchema} failure={failed("retention")}>
        <input type="hidden" name="intent" value="retention" />
        <TextField
          name="leaverRetentionYears"
          label="Keep leavers' records for this many years after their last day"
          hint="Six years is usual: it covers claims that could be brought about their time with you. Check your safeguarding policy."
          inputMode="numeric"
          width="short"
          defaultValue={valueOf(values, "leaverRetentionYears", String(centre.leaverRetentionYears))}
        />
        <TextField
          name="sensitiveEmailDays"
          label="Keep what sent co-ordinators' digests said for this many days"
          hint="Digests name people and their DBS outcomes. After this the Outbox keeps only who each went to and when."
          inputMode="numeric"
          width="short"
          defaultValue={valueOf(values, "sensitiveEmailDays", String(centre.sensitiveEmailDays))}
        />
        <button type="submit" className="button button--secondary">Save retention settings</button>
      </ValidatedForm>

      <h2>Signing in</h2>
      <ValidatedForm id="sign-in-settings" schema={signInSettingsSchema} failure={failed("sign-in")}>
        <input type="hidden" name="intent" value="sign-in" />
        <Checkbox
          name="requireTwoFactor"
          label="Co-ordinators and assessors must use two-factor sign-in"
          hint="Each of them sets up an authenticator app the next time they sign in, before they can see anything else. Anyone else can turn it on for themselves under Sign-in and security."
          defaultChecked={centre.requireTwoFactor}
        />
        <button type="submit" className="button button--secondary">Save sign-in setting</button>
      </ValidatedForm>

      <h2>Training courses</h2>
      <p>NACCC's ten modules are listed as "NACCC module 1" to "NACCC module 10": rename them to the titles your centre uses. <Link to="/settings/courses/new">Add a course</Link>.</p>
      <div className="table-wrap">
        <table className="cards">
          <thead><tr><th scope="col">Course</th><th scope="col">Valid for</th><th scope="col">Required for</th><th scope="col"><span className="visually-hidden">Edit</span></th></tr></thead>
          <tbody>
            {courses.map((c) => (
              <tr key={c.id}>
                <th scope="row">{c.name}{c.retired ? " (retired)" : ""}</th>
                <td data-label="Valid for">{c.validityMonths === null ? "Never expires" : c.validityMonths % 12 === 0 ? `${c.validityMonths / 12} year${c.validityMonths === 12 ? "" : "s"}` : `${c.validityMonths} months`}</td>
                <td data-label="Required for">{c.requiredFor || "Nobody (optional)"}</td>
                <td><Link to={`/settings/courses/${c.id}`}>Edit<span className="visually-hidden"> {c.name}</span></Link></td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </>
  );
}
