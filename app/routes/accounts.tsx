import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData } from "@remix-run/react";
import { z } from "zod";
import { DateField, ErrorSummary, TextField, ValidatedForm, valueOf } from "~/components/forms";
import { SignInLinkNotice } from "~/components/sign-in-link";
import { accessLabel, addAssessor, listSignIns, newLinkFor, removeAccess, resetSignIn, setAssessorEnd, signOutEverywhere } from "~/modules/accounts/accounts.server";
import { actorOf } from "~/modules/auth/actor";
import { requirePermission } from "~/modules/auth/session.server";
import { formatLondonDateTime, formatUkDate } from "~/utils/dates";
import { formFailure, formValues, parseForm } from "~/utils/form";
import { assessorSchema, extendSchema } from "~/modules/accounts/validation";
import { deliverSoon } from "~/modules/email/outbox.server";
import { clock } from "~/utils/clock.server";
import { prisma } from "~/db.server";

export const meta: MetaFunction = () => [{ title: "Sign-ins" }];

export async function loader({ request }: LoaderFunctionArgs) {
  const user = await requirePermission(request, "accounts:manage");
  const today = clock.today();
  const users = await listSignIns(user.centreId);
  return {
    today,
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
      devices: u._count.sessions,
      twoFactor: Boolean(u.totpEnabledAt),
    })),
  };
}

const userSchema = z.object({ userId: z.string().min(1) });

/** Actions that cannot be undone are asked about once before they are done. */
const CONFIRM: Record<string, (name: string) => { question: string; button: string }> = {
  remove: (name) => ({ question: `Turn off ${name}'s sign-in? They are signed out at once and can no longer sign in. Their record is kept.`, button: `Yes, turn off ${name}'s sign-in` }),
  reset: (name) => ({ question: `Reset ${name}'s sign-in? Their password and two-factor set-up stop working, they are signed out everywhere, and they get a new link to set a password.`, button: `Yes, reset ${name}'s sign-in` }),
  "sign-out": (name) => ({ question: `Sign ${name} out of every device they are signed in on?`, button: `Yes, sign ${name} out everywhere` }),
};

export async function action({ request }: ActionFunctionArgs) {
  const user = await requirePermission(request, "accounts:manage");
  const actor = actorOf(user);
  const formData = await request.formData();
  const intent = String(formData.get("intent"));
  const linkOutcome = (r: { name: string; email: string; emailed: boolean; handOver: string | null; invitation: boolean }) => {
    deliverSoon();
    return { ok: true as const, intent, link: { name: r.name, email: r.email, emailed: r.emailed, handOver: r.handOver, invitation: r.invitation } };
  };

  if (intent === "add-assessor") {
    const parsed = parseForm(assessorSchema(clock.today()), formData);
    if (!parsed.ok) return { ...parsed, intent };
    const result = await addAssessor(actor, parsed.data);
    if (!result.ok) return { ...formFailure(result.errors, formValues(formData)), intent };
    return linkOutcome(result);
  }
  if (intent === "extend") {
    const parsed = parseForm(extendSchema(clock.today()), formData);
    if (!parsed.ok) return { ...parsed, intent, userId: String(formData.get("userId")) };
    await setAssessorEnd(actor, parsed.data.userId, parsed.data.accessEndsOn);
    return { ok: true as const, intent, message: `Access now ends on ${formatUkDate(parsed.data.accessEndsOn)}.` };
  }
  const parsed = parseForm(userSchema, formData);
  if (!parsed.ok) throw new Response("Choose a sign-in", { status: 400 });
  const target = await prisma.user.findFirst({ where: { id: parsed.data.userId, centreId: user.centreId }, select: { id: true, name: true } });
  if (!target) throw new Response("Sign-in not found", { status: 404 });
  if (CONFIRM[intent] && formData.get("confirmed") !== "yes") {
    return { ok: true as const, intent, confirm: { userId: target.id, intent, ...CONFIRM[intent](target.name) } };
  }
  if (intent === "new-link") {
    const result = await newLinkFor(actor, target.id);
    return result.ok ? linkOutcome(result) : { ...formFailure(result.errors, {}), intent };
  }
  if (intent === "reset") {
    const result = await resetSignIn(actor, target.id);
    return result.ok ? linkOutcome(result) : { ...formFailure(result.errors, {}), intent };
  }
  if (intent === "sign-out") {
    const ended = await signOutEverywhere(actor, target.id);
    return { ok: true as const, intent, message: `${target.name} has been signed out of ${ended === 1 ? "1 device" : `${ended} devices`}.` };
  }
  if (intent === "remove") {
    const result = await removeAccess(actor, target.id);
    if (!result.ok) return { ...formFailure(result.errors, {}), intent };
    return { ok: true as const, intent, message: `${target.name}'s sign-in is turned off. They can no longer sign in.` };
  }
  throw new Response("Unknown action", { status: 400 });
}

export default function Accounts() {
  const { users, me, today } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const failed = actionData && !actionData.ok ? actionData : undefined;
  const addFailure = failed?.intent === "add-assessor" ? failed : null;
  const extendFor = failed?.intent === "extend" && "userId" in failed ? failed.userId : undefined;
  return (
    <>
      <h1>Sign-ins</h1>
      <p className="lead">Who can sign in, and what they may do. To give a volunteer or co-ordinator a sign-in, open their record under <Link to="/people">People</Link>.</p>
      {actionData?.ok && "link" in actionData && actionData.link ? <SignInLinkNotice outcome={actionData.link} /> : null}
      {actionData?.ok && "confirm" in actionData && actionData.confirm ? (
        <div className="notice notice--warning" role="alert">
          <h2>Are you sure?</h2>
          <p>{actionData.confirm.question}</p>
          <Form method="post" className="button-row">
            <input type="hidden" name="userId" value={actionData.confirm.userId} />
            <input type="hidden" name="intent" value={actionData.confirm.intent} />
            <input type="hidden" name="confirmed" value="yes" />
            <button type="submit" className="button button--warning">{actionData.confirm.button}</button>
            <Link to="/accounts">Cancel</Link>
          </Form>
        </div>
      ) : null}
      {actionData?.ok && "message" in actionData ? <div className="notice notice--success" role="status">{actionData.message}</div> : null}
      {failed && failed.intent !== "add-assessor" && failed.intent !== "extend" ? <ErrorSummary errors={failed.errors} /> : null}

      <div className="table-wrap">
        <table className="cards">
          <thead><tr><th scope="col">Name</th><th scope="col">Access</th><th scope="col">State</th><th scope="col">Last signed in</th><th scope="col"><span className="visually-hidden">Actions</span></th></tr></thead>
          <tbody>
            {users.map((u) => (
              <tr key={u.id}>
                <th scope="row">{u.personId ? <Link to={`/people/${u.personId}`}>{u.name}</Link> : u.name}<br /><span className="muted wrap-anywhere">{u.email}</span></th>
                <td data-label="Access">{u.access}{u.isAssessor && u.accessEndsOn ? <><br />until {formatUkDate(u.accessEndsOn)}</> : null}</td>
                <td data-label="State">{u.state}{u.twoFactor ? <><br />Two-factor on</> : null}{u.devices ? <><br />Signed in on {u.devices} device{u.devices === 1 ? "" : "s"}</> : null}</td>
                <td data-label="Last signed in">{u.lastSignInAt ? formatLondonDateTime(new Date(u.lastSignInAt)) : "Never"}</td>
                <td>
                  {!u.disabled && u.id !== me ? (
                    <div className="button-row">
                      <Form method="post">
                        <input type="hidden" name="userId" value={u.id} />
                        <button type="submit" name="intent" value="new-link" className="button button--secondary">{u.state === "Active" ? "Email a password reset link" : "New sign-in link"}<span className="visually-hidden"> for {u.name}</span></button>
                      </Form>
                      <Form method="post">
                        <input type="hidden" name="userId" value={u.id} />
                        <button type="submit" name="intent" value="reset" className="button button--secondary">Reset sign-in<span className="visually-hidden"> of {u.name}</span></button>
                      </Form>
                      {u.devices ? (
                        <Form method="post">
                          <input type="hidden" name="userId" value={u.id} />
                          <button type="submit" name="intent" value="sign-out" className="button button--secondary">Sign out everywhere<span className="visually-hidden"> ({u.name})</span></button>
                        </Form>
                      ) : null}
                      <Form method="post">
                        <input type="hidden" name="userId" value={u.id} />
                        <button type="submit" name="intent" value="remove" className="button button--warning">Turn off<span className="visually-hidden"> {u.name}'s sign-in</span></button>
                      </Form>
                    </div>
                  ) : null}
                  {u.isAssessor && !u.disabled ? (
                    <ValidatedForm id={`extend-${u.id}`} schema={extendSchema(today)} failure={extendFor === u.id ? failed : null}>
                      <input type="hidden" name="intent" value="extend" />
                      <input type="hidden" name="userId" value={u.id} />
                      <DateField
                        name="accessEndsOn"
                        label={`Change ${u.name}'s last day of access`}
                        defaultValue={extendFor === u.id ? valueOf(failed?.values, "accessEndsOn") : formatUkDate(u.accessEndsOn)}
                      />
                      <button type="submit" className="button button--secondary">Save date<span className="visually-hidden"> for {u.name}</span></button>
                    </ValidatedForm>
                  ) : null}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>

      <h2 id="add-assessor">Add an accreditation assessor</h2>
      <p>Assessors can read everything (people, checks, training, the audit log) and change nothing. Their access ends on the date you set.</p>
      <ValidatedForm id="new-assessor" schema={assessorSchema(today)} failure={addFailure} labels={{ name: "Name", email: "Email address", accessEndsOn: "Last day of access" }}>
        <input type="hidden" name="intent" value="add-assessor" />
        <TextField name="name" label="Name" defaultValue={valueOf(addFailure?.values, "name")} />
        <TextField name="email" label="Email address" type="email" defaultValue={valueOf(addFailure?.values, "email")} />
        <DateField name="accessEndsOn" label="Last day of access" defaultValue={valueOf(addFailure?.values, "accessEndsOn")} />
        <button type="submit">Add assessor</button>
      </ValidatedForm>
    </>
  );
}
