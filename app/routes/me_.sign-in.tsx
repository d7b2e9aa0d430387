import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Link, useActionData, useLoaderData, useSearchParams } from "@remix-run/react";
import { TextField, ValidatedForm } from "~/components/forms";
import { EmailChoices } from "~/components/email-choices";
import { SignedInDevices } from "~/components/sign-in-settings";
import { prisma } from "~/db.server";
import { recordAudit } from "~/modules/audit/audit.server";
import { actorOf } from "~/modules/auth/actor";
import { hashPassword, verifyPassword } from "~/modules/auth/password.server";
import { MIN_PASSWORD_LENGTH, changePasswordSchema } from "~/modules/auth/validation";
import { passwordProblem } from "~/modules/auth/password-strength.server";
import { destroyUserSession, endSessions, listSessions, requireUser, startSession } from "~/modules/auth/session.server";
import { choicesOfUser, choicesView, saveChoices } from "~/modules/email/preferences.server";
import { parseForm } from "~/utils/form";

export const meta: MetaFunction = () => [{ title: "Your sign-in" }];

/** Everyone's own sign-in: password, two-factor, the devices they are signed in on, and which emails they get. */
export async function loader({ request }: LoaderFunctionArgs) {
  const user = await requireUser(request);
  const [sessions, choices] = await Promise.all([listSessions(user.id), choicesOfUser(user.id)]);
  return {
    name: user.name,
    email: user.email,
    twoFactor: Boolean(user.totpEnabledAt),
    twoFactorRequired: user.centre.requireTwoFactor && (user.accessRole === "coordinator" || user.accessRole === "assessor"),
    devices: sessions.map((s) => ({ ...s, current: s.id === user.sessionId })),
    choices: await choicesView(choices),
  };
}


export async function action({ request, context }: ActionFunctionArgs) {
  const user = await requireUser(request);
  const formData = await request.formData();
  const intent = String(formData.get("intent"));
  const audit = (action: string, summary: string) =>
    prisma.$transaction((tx) => recordAudit(tx, actorOf(user), { entityType: "User", entityId: user.id, personId: user.personId, action, summary }));

  if (intent === "sign-out-device") {
    const ended = await endSessions(user.id, String(formData.get("sessionId")));
    if (ended) await audit("signed-out", `${user.name} signed out another device`);
    return { ok: true as const, intent, message: ended ? "That device is signed out." : "That device was already signed out." };
  }
  if (intent === "sign-out-everywhere") {
    const ended = await endSessions(user.id);
    await audit("signed-out", `${user.name} signed out everywhere (${ended} devices)`);
    throw await destroyUserSession(request);
  }
  if (intent === "email-choices") {
    const problems = await saveChoices(await choicesOfUser(user.id), formData);
    return problems.length ? { ok: false as const, intent, errors: { form: problems.join(" ") } } : { ok: true as const, intent, message: "Email choices saved." };
  }
  if (intent === "password") {
    const parsed = parseForm(changePasswordSchema, formData);
    if (!parsed.ok) return { ...parsed, intent };
    const row = await prisma.user.findUniqueOrThrow({ where: { id: user.id }, select: { passwordHash: true } });
    if (!row.passwordHash || !(await verifyPassword(parsed.data.current, row.passwordHash))) {
      return { ok: false as const, intent, errors: { current: "That is not your current password" } };
    }
    const weak = await passwordProblem(parsed.data.password, [user.email, user.name]);
    if (weak) return { ok: false as const, intent, errors: { password: weak } };
    // A new password ends every other session; this device gets a fresh one.
    await prisma.user.update({ where: { id: user.id }, data: { passwordHash: await hashPassword(parsed.data.password) } });
    await endSessions(user.id);
    await audit("password-changed", `${user.name} changed their password (signed out everywhere else)`);
    const cookie = await startSession(user, request, context.clientAddress);
    return new Response(null, { status: 303, headers: { Location: "/me/sign-in?changed=password", "Set-Cookie": cookie } });
  }
  throw new Response("Unknown action", { status: 400 });
}

export default function YourSignIn() {
  const data = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  const passwordFailure = result && !result.ok && result.intent === "password" ? result : null;
  const choicesFailure = result && !result.ok && result.intent === "email-choices" ? result : null;
  const [searchParams] = useSearchParams();
  return (
    <>
      <h1>Your sign-in</h1>
      <p>{data.name}, signing in as <strong>{data.email}</strong>.</p>
      {result?.ok ? <div className="notice notice--success" role="status">{result.message}</div> : null}
      {searchParams.get("changed") === "password" ? <div className="notice notice--success" role="status">Password changed. You have been signed out everywhere else.</div> : null}

      <h2>Two-factor sign-in</h2>
      {data.twoFactor ? (
        <p>On: you sign in with your password and a code from your authenticator app. <Link to="/me/two-factor">Manage two-factor sign-in</Link></p>
      ) : (
        <p>Off. {data.twoFactorRequired ? "Your centre requires it." : "Adding a code from an authenticator app keeps your sign-in safe even if your password is guessed."} <Link to="/me/two-factor">Set up two-factor sign-in</Link></p>
      )}

      <h2 id="devices">Signed-in devices</h2>
      <SignedInDevices devices={data.devices} />

      <h2 id="email">Emails</h2>
      <EmailChoices choices={data.choices} action="/me/sign-in" failure={choicesFailure} />

      <h2 id="password">Change your password</h2>
      <ValidatedForm id="change-password" schema={changePasswordSchema} failure={passwordFailure} labels={{ current: "Current password", password: "New password", confirm: "Confirm new password" }}>
        <input type="hidden" name="intent" value="password" />
        <input type="text" name="username" autoComplete="username" defaultValue={data.email} hidden readOnly />
        <TextField name="current" label="Current password" type="password" autoComplete="current-password" />
        <TextField name="password" label="New password" type="password" autoComplete="new-password" hint={`At least ${MIN_PASSWORD_LENGTH} characters, and not easy to guess.`} />
        <TextField name="confirm" label="Confirm new password" type="password" autoComplete="new-password" />
        <button type="submit" className="button button--secondary">Change password</button>
      </ValidatedForm>
    </>
  );
}
