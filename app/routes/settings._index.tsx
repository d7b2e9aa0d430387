import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { redirect } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData, useSearchParams } from "@remix-run/react";
import { Checkbox, ErrorSummary, SelectField, TextField, valueOf } from "~/components/forms";
import { NATIONS } from "~/modules/rota/bank-holidays";
import { actorOf } from "~/modules/auth/actor";
import { requirePermission } from "~/modules/auth/session.server";
import { getCourses, getSettings, updateSettings } from "~/modules/compliance/compliance.server";
import { settingsSchema } from "~/modules/compliance/validation";
import { roleList } from "~/modules/people/constants";
import { parseForm } from "~/utils/form";
import { prisma } from "~/db.server";
import { setCentreSetting } from "~/modules/rota/setup.server";
import { reminderSettingsSchema, rotaSettingsSchema } from "~/modules/rota/validation";

export const meta: MetaFunction = () => [{ title: "Settings" }];

export async function loader({ request }: LoaderFunctionArgs) {
  const user = await requirePermission(request, "compliance:write");
  const [settings, courses, centre] = await Promise.all([
    getSettings(user.centreId),
    getCourses(user.centreId),
    prisma.centre.findUniqueOrThrow({ where: { id: user.centreId }, select: { serveEveryWeeks: true, reminderLeadDays: true, nation: true, offersSupervised: true } }),
  ]);
  return { settings, serveEveryWeeks: centre.serveEveryWeeks, reminderLeadDays: centre.reminderLeadDays, nation: centre.nation, offersSupervised: centre.offersSupervised, courses: courses.map((c) => ({ ...c, requiredFor: roleList(c.requiredFor) })) };
}

export async function action({ request }: ActionFunctionArgs) {
  const user = await requirePermission(request, "compliance:write");
  const formData = await request.formData();
  if (formData.get("intent") === "reminders") {
    const parsed = parseForm(reminderSettingsSchema, formData);
    if (!parsed.ok) return parsed;
    await setCentreSetting(actorOf(user), "reminderLeadDays", parsed.data.reminderLeadDays);
    return redirect("/settings?saved=1");
  }
  if (formData.get("intent") === "rota") {
    const parsed = parseForm(rotaSettingsSchema, formData);
    if (!parsed.ok) return parsed;
    await setCentreSetting(actorOf(user), "serveEveryWeeks", parsed.data.serveEveryWeeks);
    await setCentreSetting(actorOf(user), "nation", parsed.data.nation);
    return redirect("/settings?saved=1");
  }
  const parsed = parseForm(settingsSchema, formData);
  if (!parsed.ok) return parsed;
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
  const { settings, courses, serveEveryWeeks, reminderLeadDays, nation, offersSupervised } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const [searchParams] = useSearchParams();
  const errors = actionData && !actionData.ok ? actionData.errors : undefined;
  const values = actionData && !actionData.ok ? actionData.values : undefined;
  return (
    <>
      <h1>Settings</h1>
      {searchParams.get("saved") ? <div className="notice notice--success" role="status">Settings saved.</div> : null}
      <h2>Safer recruitment and reminders</h2>
      <p>These are your centre's policies. A DBS certificate has no legal expiry; the recheck period is how often your centre asks for a new one.</p>
      <ErrorSummary errors={errors} labels={LABELS} />
      <Form method="post" noValidate>
        {(Object.keys(LABELS) as (keyof typeof LABELS)[]).map((name) => (
          <TextField key={name} name={name} label={LABELS[name]} inputMode="numeric" width="short" defaultValue={valueOf(values, name, String(settings[name]))} error={errors?.[name]} />
        ))}
        <Checkbox
          name="requireChildrenBarredList"
          label="Only DBS checks that included the children's barred list clear someone to work"
          hint={offersSupervised ? "Your centre offers supervised contact, where this is usually required." : "Usually required by centres that offer supervised contact."}
          defaultChecked={values ? valueOf(values, "requireChildrenBarredList") === "on" : settings.requireChildrenBarredList}
        />
        <button type="submit">Save settings</button>
      </Form>

      <h2>Reminder emails</h2>
      <Form method="post" noValidate>
        <input type="hidden" name="intent" value="reminders" />
        <TextField
          name="reminderLeadDays"
          label="Send reminders this many days before something lapses"
          hint="Separate with commas; 0 means on the day it lapses. For example: 60, 30, 7, 0"
          width="medium"
          defaultValue={valueOf(values, "reminderLeadDays", reminderLeadDays.split(",").join(", "))}
          error={errors?.reminderLeadDays}
        />
        <button type="submit" className="button button--secondary">Save reminder setting</button>
      </Form>

      <h2>Rota</h2>
      <Form method="post" noValidate>
        <input type="hidden" name="intent" value="rota" />
        <SelectField
          name="serveEveryWeeks"
          label="How often people serve, unless they choose otherwise"
          hint="Volunteers typically serve once every four to six weeks"
          options={[["2", "Every 2 weeks"], ["3", "Every 3 weeks"], ["4", "Every 4 weeks"], ["5", "Every 5 weeks"], ["6", "Every 6 weeks"], ["8", "Every 8 weeks"]]}
          defaultValue={valueOf(values, "serveEveryWeeks", String(serveEveryWeeks))}
          error={errors?.serveEveryWeeks}
        />
        <SelectField
          name="nation"
          label="Skip the bank holidays of"
          hint="Sessions do not run on bank holidays unless a session says otherwise"
          options={Object.entries(NATIONS)}
          defaultValue={valueOf(values, "nation", nation)}
          error={errors?.nation}
        />
        <button type="submit" className="button button--secondary">Save rota settings</button>
      </Form>

      <h2>Training courses</h2>
      <p>NACCC's ten modules are listed as "NACCC module 1" to "NACCC module 10": rename them to the titles your centre uses. <Link to="/settings/courses/new">Add a course</Link>.</p>
      <div className="table-wrap">
        <table>
          <thead><tr><th scope="col">Course</th><th scope="col">Valid for</th><th scope="col">Required for</th><th scope="col"><span className="visually-hidden">Edit</span></th></tr></thead>
          <tbody>
            {courses.map((c) => (
              <tr key={c.id}>
                <th scope="row">{c.name}{c.retired ? " (retired)" : ""}</th>
                <td>{c.validityMonths === null ? "Never expires" : c.validityMonths % 12 === 0 ? `${c.validityMonths / 12} year${c.validityMonths === 12 ? "" : "s"}` : `${c.validityMonths} months`}</td>
                <td>{c.requiredFor || "Nobody (optional)"}</td>
                <td><Link to={`/settings/courses/${c.id}`}>Edit<span className="visually-hidden"> {c.name}</span></Link></td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </>
  );
}
