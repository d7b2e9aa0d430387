import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Link, useActionData, useLoaderData } from "@remix-run/react";
import { TextField, ValidatedForm, valueOf } from "~/components/forms";
import { forgotPasswordSchema } from "~/modules/auth/validation";
import { LINK_VALID_DAYS, requestPasswordReset } from "~/modules/accounts/accounts.server";
import { deliverSoon, smtpConfigured } from "~/modules/email/outbox.server";
import { afterResponse } from "~/utils/after-response.server";
import { parseForm } from "~/utils/form";

export const meta: MetaFunction = () => [{ title: "Forgotten your password?" }];


export async function loader(_: LoaderFunctionArgs) {
  return { canEmail: smtpConfigured() };
}

/**
 * The same answer, in the same time, whether or not an account uses the address: the lookup and
 * the email happen after the answer has gone.
 */
export async function action({ request, context }: ActionFunctionArgs) {
  const parsed = parseForm(forgotPasswordSchema, await request.formData());
  if (!parsed.ok) return { ...parsed, done: false };
  const email = parsed.data.email;
  afterResponse(async () => {
    if (await requestPasswordReset(email, context.clientAddress)) deliverSoon();
  });
  return { ok: true as const, done: true, email };
}

export default function ForgotPassword() {
  const { canEmail } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  if (actionData?.ok) {
    return (
      <>
        <h1>Check your email</h1>
        <p>If an account uses {actionData.email}, we have sent it a link to choose a new password. The link works once, for {LINK_VALID_DAYS} days.</p>
        <p>Nothing arrived? Check your junk folder, or ask your centre's co-ordinator to reset your sign-in.</p>
        <p><Link to="/login">Back to sign in</Link></p>
      </>
    );
  }
  const failure = actionData && !actionData.ok ? actionData : null;
  return (
    <>
      <h1>Forgotten your password?</h1>
      {canEmail ? (
        <p>Enter the email address you sign in with and we will send you a link to choose a new password. It also gets you in if sign-in to your account has been paused.</p>
      ) : (
        <div className="notice notice--warning">This centre has not set up email, so a link cannot be sent. Ask your centre's co-ordinator to reset your sign-in: they will give you a link.</div>
      )}
      {canEmail ? (
        <ValidatedForm id="forgot-password" schema={forgotPasswordSchema} failure={failure} labels={{ email: "Email address" }}>
          <TextField name="email" label="Email address" type="email" autoComplete="username" defaultValue={valueOf(failure?.values, "email")} />
          <button type="submit">Send me a link</button>
        </ValidatedForm>
      ) : null}
    </>
  );
}
