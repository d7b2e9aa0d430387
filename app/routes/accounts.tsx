import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData } from "@remix-run/react";
import { z } from "zod";
import { DateField, ErrorSummary, TextField, valueOf } from "~/components/forms";
import { SignInLinkNotice } from "~/components/sign-in-link";
import { accessLabel, addAssessor, listSignIns, newLinkFor, removeAccess, setAssessorEnd } from "~/modules/accounts/accounts.server";
import { actorOf } from "~/modules/auth/actor";
import { requirePermission } from "~/modules/auth/session.server";
import { formatLondonDateTime, formatUkDate } from "~/utils/dates";
import { formFailure, formValues, parseForm, requiredEmail, requiredText, ukDate } from "~/utils/form";
import { deliverSoon } from "~/modules/email/outbox.server";
import { queueSignInLink } from "~/modules/email/notices.server";
import { clock } from "~/utils/clock.server";

export const meta: MetaFunction = () => [{ title: "Sign-ins" }];

export async function loader({ request }: LoaderFunctionArgs) {
  const user = await requirePermission(request, "accounts:manage");
  const today = clock.today();
  const users = await listSignIns(user.centreId);
  return {
    me: user.id,
    users: users.map((u) => ({
      id: u.id,
      name: u.name,
      email: u.email,
      access: accessLabel(u.accessRole),
      isAssessor: u.accessRole === "assessor",
      personId: u.personId,
      accessEndsOn: u.accessEndsOn,
      state: u.disabledAt
        ? "Turned off"
        : u.accessRole === "assessor" && u.accessEndsOn && u.accessEndsOn < today
          ? `Ended ${formatUkDate(u.accessEndsOn)}`
          : u.passwordHash ? "Active" : "Invited: password not set yet",
      lastSignInAt: u.lastSignInAt,
      disabled: Boolean(u.disabledAt),
    })),
  };
}

/** Assessor access must not already have ended; a year at most keeps it a deliberate choice. */
function accessEndsOnField() {
  return ukDate("Enter the last day the assessor may sign in").superRefine((date, ctx) => {
    const today = clock.today();
    if (date < today) ctx.addIssue({ code: "custom", message: "The last day of access cannot be in the past" });
    const limit = `${Number(today.slice(0, 4)) + 1}${today.slice(4)}`;
    if (date > limit) ctx.addIssue({ code: "custom", message: `Give access for a year at most (until ${formatUkDate(limit)}); you can extend it later` });
  });
}

const assessorSchema = z.object({
  name: requiredText("the assessor's name", 100, "Enter the assessor's name"),
  email: requiredEmail,
  accessEndsOn: accessEndsOnField(),
});

const extendSchema = z.object({ userId: z.string().min(1), accessEndsOn: accessEndsOnField() });
const userSchema = z.object({ userId: z.string().min(1) });

export async function action({ request }: ActionFunctionArgs) {
  const user = await requirePermission(request, "accounts:manage");
  const actor = actorOf(user);
  const formData = await request.formData();
  const intent = String(formData.get("intent"));
  const origin = new URL(request.url).origin;

  if (intent === "add-assessor") {
    const parsed = parseForm(assessorSchema, formData);
    if (!parsed.ok) return { ...parsed, intent };
    const result = await addAssessor(actor, parsed.data);
    if (!result.ok) return { ...formFailure(result.errors, formValues(formData)), intent };
    await queueSignInLink(result.userId, result.token, result.invitation);
    deliverSoon();
    return { ok: true as const, intent, name: parsed.data.name, link: `${origin}/set-password/${result.token}` };
  }
  if (intent === "extend") {
    const parsed = parseForm(extendSchema, formData);
    if (!parsed.ok) return { ...parsed, intent, userId: String(formData.get("userId")) };
    await setAssessorEnd(actor, parsed.data.userId, parsed.data.accessEndsOn);
    return { ok: true as const, intent, message: `Access now ends on ${formatUkDate(parsed.data.accessEndsOn)}.` };
  }
  const parsed = parseForm(userSchema, formData);
  if (!parsed.ok) throw new Response("Choose a sign-in", { status: 400 });
  if (intent === "new-link") {
    const result = await newLinkFor(actor, parsed.data.userId);
    if (!result.ok) return { ...formFailure(result.errors, {}), intent };
    await queueSignInLink(result.userId, result.token, result.invitation);
    deliverSoon();
    return { ok: true as const, intent, name: result.name, link: `${origin}/set-password/${result.token}` };
  }
  if (intent === "remove") {
    const result = await removeAccess(actor, parsed.data.userId);
    if (!result.ok) return { ...formFailure(result.errors, {}), intent };
    return { ok: true as const, intent, message: "Sign-in turned off. They can no longer sign in." };
  }
  throw new Response("Unknown action", { status: 400 });
}

export default function Accounts() {
  const { users, me } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const failed = actionData && !actionData.ok ? actionData : undefined;
  const addErrors = failed?.intent === "add-assessor" ? failed.errors : undefined;
  const extendFor = failed?.intent === "extend" && "userId" in failed ? failed.userId : undefined;
  return (
    <>
      <h1>Sign-ins</h1>
      <p className="lead">Who can sign in, and what they may do. To give a volunteer or co-ordinator a sign-in, open their record under <Link to="/people">People</Link>.</p>
      {actionData?.ok && "link" in actionData ? <SignInLinkNotice link={actionData.link} name={actionData.name} /> : null}
      {actionData?.ok && "message" in actionData ? <div className="notice notice--success" role="status">{actionData.message}</div> : null}
      {failed && failed.intent !== "add-assessor" ? <ErrorSummary errors={failed.errors} /> : null}

      <div className="table-wrap">
        <table>
          <thead><tr><th scope="col">Name</th><th scope="col">Access</th><th scope="col">State</th><th scope="col">Last signed in</th><th scope="col"><span className="visually-hidden">Actions</span></th></tr></thead>
          <tbody>
            {users.map((u) => (
              <tr key={u.id}>
                <th scope="row">{u.personId ? <Link to={`/people/${u.personId}`}>{u.name}</Link> : u.name}<br /><span className="muted">{u.email}</span></th>
                <td>{u.access}{u.isAssessor && u.accessEndsOn ? <><br />until {formatUkDate(u.accessEndsOn)}</> : null}</td>
                <td>{u.state}</td>
                <td>{u.lastSignInAt ? formatLondonDateTime(new Date(u.lastSignInAt)) : "Never"}</td>
                <td>
                  {!u.disabled && u.id !== me ? (
                    <div className="button-row">
                      <Form method="post">
                        <input type="hidden" name="userId" value={u.id} />
                        <button type="submit" name="intent" value="new-link" className="button button--secondary">New sign-in link<span className="visually-hidden"> for {u.name}</span></button>
                      </Form>
                      <Form method="post">
                        <input type="hidden" name="userId" value={u.id} />
                        <button type="submit" name="intent" value="remove" className="button button--warning">Turn off<span className="visually-hidden"> {u.name}'s sign-in</span></button>
                      </Form>
                    </div>
                  ) : null}
                  {u.isAssessor && !u.disabled ? (
                    <Form method="post" noValidate>
                      <input type="hidden" name="intent" value="extend" />
                      <input type="hidden" name="userId" value={u.id} />
                      <DateField
                        name="accessEndsOn"
                        label={`Change ${u.name}'s last day of access`}
                        defaultValue={extendFor === u.id ? valueOf(failed?.values, "accessEndsOn") : formatUkDate(u.accessEndsOn)}
                        error={extendFor === u.id ? failed?.errors.accessEndsOn : undefined}
                      />
                      <button type="submit" className="button button--secondary">Save date</button>
                    </Form>
                  ) : null}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>

      <h2 id="add-assessor">Add an accreditation assessor</h2>
      <p>Assessors can read everything (people, checks, training, the audit log) and change nothing. Their access ends on the date you set.</p>
      <ErrorSummary errors={addErrors} labels={{ name: "Name", email: "Email address", accessEndsOn: "Last day of access" }} />
      <Form method="post" noValidate>
        <input type="hidden" name="intent" value="add-assessor" />
        <TextField name="name" label="Name" defaultValue={valueOf(failed?.intent === "add-assessor" ? failed.values : undefined, "name")} error={addErrors?.name} />
        <TextField name="email" label="Email address" type="email" defaultValue={valueOf(failed?.intent === "add-assessor" ? failed.values : undefined, "email")} error={addErrors?.email} />
        <DateField name="accessEndsOn" label="Last day of access" defaultValue={valueOf(failed?.intent === "add-assessor" ? failed.values : undefined, "accessEndsOn")} error={addErrors?.accessEndsOn} />
        <button type="submit">Add assessor</button>
      </Form>
    </>
  );
}
