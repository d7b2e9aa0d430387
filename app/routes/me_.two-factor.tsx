import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Link, useActionData, useLoaderData } from "@remix-run/react";
import { TextField, ValidatedForm } from "~/components/forms";
import { twoFactorCodeSchema } from "~/modules/auth/validation";
import { parseForm } from "~/utils/form";
import { RecoveryCodes, TwoFactorSetup } from "~/components/two-factor";
import { mustSetUpTwoFactor, requireUser } from "~/modules/auth/session.server";
import { beginSetup, checkCurrentCode, confirmSetup, pendingSetup, turnOff } from "~/modules/auth/two-factor.server";

export const meta: MetaFunction = () => [{ title: "Two-factor sign-in" }];

export async function loader({ request }: LoaderFunctionArgs) {
  const user = await requireUser(request, { settingUpTwoFactor: true });
  const required = user.centre.requireTwoFactor && (user.accessRole === "coordinator" || user.accessRole === "assessor");
  if (user.totpEnabledAt) return { on: true as const, required, mustSetUp: false, setup: null };
  const setup = (await pendingSetup(user, user.centre.name)) ?? (await beginSetup(user, user.centre.name));
  return { on: false as const, required, mustSetUp: mustSetUpTwoFactor(user), setup: { secret: setup.secret, qrDataUrl: setup.qrDataUrl } };
}

export async function action({ request }: ActionFunctionArgs) {
  const user = await requireUser(request, { settingUpTwoFactor: true });
  const formData = await request.formData();
  const parsed = parseForm(twoFactorCodeSchema, formData);
  if (!parsed.ok) return { ...parsed, codes: null };
  const { code } = parsed.data;
  if (formData.get("intent") === "turn-off") {
    if (user.centre.requireTwoFactor && (user.accessRole === "coordinator" || user.accessRole === "assessor")) {
      return { ok: false as const, errors: { code: "Your centre requires two-factor sign-in for co-ordinators and assessors, so it cannot be turned off" }, codes: null };
    }
    if (!(await checkCurrentCode(user.id, code))) return { ok: false as const, errors: { code: "That code is not right: enter the code your authenticator app shows now" }, codes: null };
    await turnOff(user);
    return { ok: true as const, errors: null, codes: null, message: "Two-factor sign-in is off." };
  }
  const codes = await confirmSetup(user, code);
  if (!codes) return { ok: false as const, errors: { code: "That code is not right. Check the app shows this account, and enter the code it shows now" }, codes: null };
  return { ok: true as const, errors: null, codes, message: "Two-factor sign-in is on." };
}

export default function TwoFactorSettings() {
  const { on, required, mustSetUp, setup } = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  const failure = result && !result.ok ? result : null;
  if (result?.ok) {
    return (
      <>
        <h1>Two-factor sign-in</h1>
        <div className="notice notice--success" role="status">{result.message}</div>
        {result.codes ? <RecoveryCodes codes={result.codes} /> : null}
        <p><Link to="/me/sign-in">Back to your sign-in</Link></p>
      </>
    );
  }
  return (
    <>
      <h1>Two-factor sign-in</h1>
      {on ? (
        <>
          <p>On: you sign in with your password and a code from your authenticator app.</p>
          {required ? <p>Your centre requires it for co-ordinators and assessors. If you lose your phone, use a recovery code, or ask another co-ordinator to reset your sign-in.</p> : (
            <ValidatedForm id="turn-off-two-factor" schema={twoFactorCodeSchema} failure={failure} labels={{ code: "Code" }}>
              <input type="hidden" name="intent" value="turn-off" />
              <TextField name="code" label="To turn it off, enter the code your app shows now" autoComplete="one-time-code" width="medium" />
              <button type="submit" className="button button--warning">Turn off two-factor sign-in</button>
            </ValidatedForm>
          )}
        </>
      ) : (
        <>
          {mustSetUp ? <div className="notice notice--warning" role="status">Your centre requires two-factor sign-in for co-ordinators and assessors. Set it up to carry on.</div> : null}
          <p>Sign in with your password and a code from an authenticator app on your phone (for example Microsoft Authenticator, Google Authenticator or 2FAS).</p>
          {setup ? <TwoFactorSetup secret={setup.secret} qrDataUrl={setup.qrDataUrl} /> : null}
          <ValidatedForm id="turn-on-two-factor" schema={twoFactorCodeSchema} failure={failure} labels={{ code: "Code" }}>
            <TextField name="code" label="The 6-digit code the app shows" autoComplete="one-time-code" width="medium" />
            <button type="submit">Turn on two-factor sign-in</button>
          </ValidatedForm>
        </>
      )}
      {!mustSetUp ? <p><Link to="/me/sign-in">Back to your sign-in</Link></p> : null}
    </>
  );
}
