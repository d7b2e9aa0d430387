import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { redirect } from "@remix-run/node";
import { Form, useActionData, useLoaderData } from "@remix-run/react";
import { z } from "zod";
import { ErrorSummary, TextField } from "~/components/forms";
import { findValidToken, redeemToken } from "~/modules/accounts/accounts.server";
import { MAX_PASSWORD_LENGTH, MIN_PASSWORD_LENGTH } from "~/modules/auth/password.server";
import { passwordProblem } from "~/modules/auth/password-strength.server";
import { createUserSession, homeFor, startSession } from "~/modules/auth/session.server";
import { secondFactorStep } from "~/modules/auth/sign-in-policy";
import { parseForm } from "~/utils/form";

export const meta: MetaFunction = () => [{ title: "Choose your password" }];

export async function loader({ params }: LoaderFunctionArgs) {
  const found = await findValidToken(params.token!);
  return { valid: Boolean(found), name: found?.user.name ?? null, email: found?.user.email ?? null };
}

const schema = z
  .object({
    password: z.string({ error: "Enter a password" }).max(MAX_PASSWORD_LENGTH, `Your password must be ${MAX_PASSWORD_LENGTH} characters or fewer`),
    confirm: z.string({ error: "Type the password again" }).min(1, "Type the password again"),
  })
  .refine((form) => form.password === form.confirm, { path: ["confirm"], message: "The two passwords do not match" });

export async function action({ request, params, context }: ActionFunctionArgs) {
  const parsed = parseForm(schema, await request.formData());
  if (!parsed.ok) return { errors: parsed.errors };
  const found = await findValidToken(params.token!);
  if (!found) return { errors: { form: "This link has expired or has already been used. Ask your co-ordinator for a new one." } };
  const weak = await passwordProblem(parsed.data.password, [found.user.email, found.user.name]);
  if (weak) return { errors: { password: weak } };
  const user = await redeemToken(params.token!, parsed.data.password);
  if (!user) return { errors: { form: "This link has expired or has already been used. Ask your co-ordinator for a new one." } };
  if (secondFactorStep(user, user.centre.requireTwoFactor)) {
    const cookie = await startSession(user, request, context.clientAddress, { awaitingSecondFactor: true });
    throw redirect(`/login/two-factor?${new URLSearchParams({ redirectTo: homeFor(user.accessRole) })}`, { headers: { "Set-Cookie": cookie } });
  }
  return createUserSession(user, homeFor(user.accessRole), request, context.clientAddress);
}

export default function SetPassword() {
  const { valid, name, email } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  if (!valid) {
    return (
      <>
        <h1>This link has expired</h1>
        <p>Sign-in links work once, for 7 days. Ask your centre's co-ordinator for a new one.</p>
      </>
    );
  }
  return (
    <>
      <h1>Choose your password</h1>
      <p>Hello {name}. You will sign in with <strong>{email}</strong> and the password you choose here.</p>
      <ErrorSummary errors={actionData?.errors} labels={{ password: "Password", confirm: "Confirm password" }} />
      <Form method="post" noValidate>
        <input type="text" name="username" autoComplete="username" defaultValue={email ?? ""} hidden readOnly />
        <TextField name="password" label="Password" type="password" autoComplete="new-password" hint={`At least ${MIN_PASSWORD_LENGTH} characters, and not easy to guess. A few unrelated words make a strong password you can remember.`} error={actionData?.errors.password} />
        <TextField name="confirm" label="Confirm password" type="password" autoComplete="new-password" error={actionData?.errors.confirm} />
        <button type="submit">Save password and sign in</button>
      </Form>
    </>
  );
}
