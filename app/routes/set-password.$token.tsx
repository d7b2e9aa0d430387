import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { redirect } from "@remix-run/node";
import { useActionData, useLoaderData } from "@remix-run/react";
import { TextField, ValidatedForm } from "~/components/forms";
import { findValidToken, redeemToken } from "~/modules/accounts/accounts.server";
import { MIN_PASSWORD_LENGTH, choosePasswordSchema } from "~/modules/auth/validation";
import { passwordProblem } from "~/modules/auth/password-strength.server";
import { createUserSession, homeFor, startSession } from "~/modules/auth/session.server";
import { secondFactorStep } from "~/modules/auth/sign-in-policy";
import { parseForm } from "~/utils/form";

export const meta: MetaFunction = () => [{ title: "Choose your password" }];

export async function loader({ params }: LoaderFunctionArgs) {
  const found = await findValidToken(params.token!);
  return { valid: Boolean(found), name: found?.user.name ?? null, email: found?.user.email ?? null };
}


export async function action({ request, params, context }: ActionFunctionArgs) {
  const parsed = parseForm(choosePasswordSchema, await request.formData());
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
      <ValidatedForm id="choose-password" schema={choosePasswordSchema} failure={actionData} labels={{ password: "Password", confirm: "Confirm password" }}>
        <input type="text" name="username" autoComplete="username" defaultValue={email ?? ""} hidden readOnly />
        <TextField name="password" label="Password" type="password" autoComplete="new-password" hint={`At least ${MIN_PASSWORD_LENGTH} characters, and not easy to guess. A few unrelated words make a strong password you can remember.`} />
        <TextField name="confirm" label="Confirm password" type="password" autoComplete="new-password" />
        <button type="submit">Save password and sign in</button>
      </ValidatedForm>
    </>
  );
}
