import type { ActionFunctionArgs, MetaFunction } from "@remix-run/node";
import { Form, Link, useActionData } from "@remix-run/react";
import { z } from "zod";
import { ErrorSummary, TextField, valueOf } from "~/components/forms";
import { LINK_VALID_DAYS, requestPasswordReset } from "~/modules/accounts/accounts.server";
import { deliverSoon } from "~/modules/email/outbox.server";
import { queueSignInLink } from "~/modules/email/notices.server";
import { parseForm, requiredEmail } from "~/utils/form";

export const meta: MetaFunction = () => [{ title: "Forgotten your password?" }];

const schema = z.object({ email: requiredEmail });

export async function action({ request }: ActionFunctionArgs) {
  const parsed = parseForm(schema, await request.formData());
  if (!parsed.ok) return { ...parsed, done: false };
  const reset = await requestPasswordReset(parsed.data.email);
  if (reset) {
    await queueSignInLink(reset.userId, reset.token, false);
    deliverSoon();
  }
  return { ok: true as const, done: true, email: parsed.data.email };
}

export default function ForgotPassword() {
  const actionData = useActionData<typeof action>();
  if (actionData?.ok) {
    return (
      <>
        <h1>Check your email</h1>
        <p>If an account uses {actionData.email}, we have sent it a link to choose a new password. The link works once, for {LINK_VALID_DAYS} days.</p>
        <p>Nothing arrived? Check your junk folder, or ask your centre's co-ordinator for a new link.</p>
        <p><Link to="/login">Back to sign in</Link></p>
      </>
    );
  }
  const errors = actionData && !actionData.ok ? actionData.errors : undefined;
  return (
    <>
      <h1>Forgotten your password?</h1>
      <p>Enter the email address you sign in with and we will send you a link to choose a new password.</p>
      <ErrorSummary errors={errors} labels={{ email: "Email address" }} />
      <Form method="post" noValidate>
        <TextField name="email" label="Email address" type="email" autoComplete="username" defaultValue={valueOf(actionData && !actionData.ok ? actionData.values : undefined, "email")} error={errors?.email} />
        <button type="submit">Send me a link</button>
      </Form>
    </>
  );
}
