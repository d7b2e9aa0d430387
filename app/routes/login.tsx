import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { redirect } from "@remix-run/node";
import { Link, useActionData, useSearchParams } from "@remix-run/react";
import { TextField, ValidatedForm, valueOf } from "~/components/forms";
import { useMemo } from "react";
import { signInSchema } from "~/modules/auth/validation";
import { createUserSession, getUser, homeFor, safeRedirect, startSession } from "~/modules/auth/session.server";
import { signIn } from "~/modules/auth/sign-in.server";
import { formFailure, parseForm } from "~/utils/form";

export const meta: MetaFunction = () => [{ title: "Sign in" }];


export async function loader({ request }: LoaderFunctionArgs) {
  const user = await getUser(request);
  if (user) throw redirect(homeFor(user.accessRole));
  return null;
}

export async function action({ request, context }: ActionFunctionArgs) {
  const formData = await request.formData();
  const parsed = parseForm(signInSchema, formData);
  if (!parsed.ok) return parsed;
  const result = await signIn(parsed.data.email, parsed.data.password, context.clientAddress);
  if (!result.ok) return formFailure({ form: result.message }, { email: parsed.data.email });
  const next = safeRedirect(parsed.data.redirectTo, homeFor(result.user.accessRole));
  if (result.secondFactor) {
    // Password checked; the authenticator code (or setting one up) comes next, on its own page.
    const cookie = await startSession(result.user, request, context.clientAddress, { awaitingSecondFactor: true });
    throw redirect(`/login/two-factor?${new URLSearchParams({ redirectTo: next })}`, { headers: { "Set-Cookie": cookie } });
  }
  return createUserSession(result.user, next, request, context.clientAddress);
}

export default function Login() {
  const actionData = useActionData<typeof action>();
  const [searchParams] = useSearchParams();
  const errors = actionData && !actionData.ok ? actionData.errors : undefined;
  const values = actionData && !actionData.ok ? actionData.values : undefined;
  // Wrong details are said once, above the form; field problems go with their fields.
  const formError = errors?.form;
  const fieldFailure = useMemo(() => (errors && !errors.form ? { errors, values } : null), [errors, values]);
  return (
    <div className="narrow">
      <h1>Sign in</h1>
      {formError ? (
        <div className="error-summary" role="alert" tabIndex={-1}>
          <h2>Could not sign you in</h2>
          <p>{formError}</p>
        </div>
      ) : null}
      <ValidatedForm id="sign-in" schema={signInSchema} failure={fieldFailure} labels={{ email: "Email address", password: "Password" }}>
        <input type="hidden" name="redirectTo" value={searchParams.get("redirectTo") ?? ""} />
        <TextField name="email" label="Email address" type="email" autoComplete="username" defaultValue={valueOf(values, "email")} />
        <TextField name="password" label="Password" type="password" autoComplete="current-password" />
        <button type="submit">Sign in</button>
      </ValidatedForm>
      <p><Link to="/forgot-password">Forgotten your password?</Link></p>
      <p className="muted">Not set one up yet? Use the link in your invitation email, or ask your centre's co-ordinator for a new one.</p>
    </div>
  );
}
