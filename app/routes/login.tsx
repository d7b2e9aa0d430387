import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { redirect } from "@remix-run/node";
import { Form, Link, useActionData, useSearchParams } from "@remix-run/react";
import { z } from "zod";
import { ErrorSummary, TextField, valueOf } from "~/components/forms";
import { MAX_PASSWORD_LENGTH } from "~/modules/auth/password.server";
import { createUserSession, getUser, homeFor, safeRedirect, startSession } from "~/modules/auth/session.server";
import { signIn } from "~/modules/auth/sign-in.server";
import { formFailure, parseForm, requiredEmail } from "~/utils/form";

export const meta: MetaFunction = () => [{ title: "Sign in" }];

const schema = z.object({
  email: requiredEmail,
  password: z.string({ error: "Enter your password" }).min(1, "Enter your password").max(MAX_PASSWORD_LENGTH, `Password must be ${MAX_PASSWORD_LENGTH} characters or fewer`),
  redirectTo: z.string().optional(),
});

export async function loader({ request }: LoaderFunctionArgs) {
  const user = await getUser(request);
  if (user) throw redirect(homeFor(user.accessRole));
  return null;
}

export async function action({ request, context }: ActionFunctionArgs) {
  const formData = await request.formData();
  const parsed = parseForm(schema, formData);
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
  const { form: formError, ...fieldErrors } = errors ?? {};
  return (
    <div className="narrow">
      <h1>Sign in</h1>
      {formError ? (
        <div className="error-summary" role="alert" tabIndex={-1}>
          <h2>Could not sign you in</h2>
          <p>{formError}</p>
        </div>
      ) : null}
      <ErrorSummary errors={fieldErrors} />
      <Form method="post" noValidate>
        <input type="hidden" name="redirectTo" value={searchParams.get("redirectTo") ?? ""} />
        <TextField name="email" label="Email address" type="email" autoComplete="username" defaultValue={valueOf(values, "email")} error={fieldErrors.email} />
        <TextField name="password" label="Password" type="password" autoComplete="current-password" error={fieldErrors.password} />
        <button type="submit">Sign in</button>
      </Form>
      <p><Link to="/forgot-password">Forgotten your password?</Link></p>
      <p className="muted">Not set one up yet? Use the link in your invitation email, or ask your centre's co-ordinator for a new one.</p>
    </div>
  );
}
