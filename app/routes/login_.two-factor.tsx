import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { data, redirect } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData, useSearchParams } from "@remix-run/react";
import { TextField, ValidatedForm } from "~/components/forms";
import { twoFactorCodeSchema } from "~/modules/auth/validation";
import { parseForm } from "~/utils/form";
import { RecoveryCodes, TwoFactorSetup } from "~/components/two-factor";
import { abandonSession, getPendingSecondFactor, homeFor, safeRedirect, upgradeSession } from "~/modules/auth/session.server";
import { beginSetup, checkSecondFactor, confirmSetup, pendingSetup } from "~/modules/auth/two-factor.server";

export const meta: MetaFunction = () => [{ title: "Two-factor sign-in" }];

/** The second step of signing in: a code from the authenticator app, or setting one up when the centre requires it. */
export async function loader({ request }: LoaderFunctionArgs) {
  const pending = await getPendingSecondFactor(request);
  if (!pending) throw redirect("/login");
  if (pending.totpEnabledAt) return { mode: "code" as const, setup: null };
  const setup = (await pendingSetup(pending, pending.centre.name)) ?? (await beginSetup(pending, pending.centre.name));
  return { mode: "enrol" as const, setup: { secret: setup.secret, qrDataUrl: setup.qrDataUrl } };
}

export async function action({ request, context }: ActionFunctionArgs) {
  const pending = await getPendingSecondFactor(request);
  if (!pending) throw redirect("/login");
  const formData = await request.formData();
  const parsed = parseForm(twoFactorCodeSchema, formData);
  const next = safeRedirect(new URL(request.url).searchParams.get("redirectTo"), homeFor(pending.accessRole));
  if (!parsed.ok) return { ...parsed, codes: null };
  const { code } = parsed.data;
  if (pending.totpEnabledAt) {
    const result = await checkSecondFactor(pending, pending.sessionId, code);
    if (result.ok) throw redirect(next, { headers: { "Set-Cookie": await upgradeSession(request, context.clientAddress) } });
    if (result.tooMany) throw await abandonSession(request, "/login?twoFactor=too-many");
    return { ok: false as const, errors: { code: "That code is not right. Enter the code your authenticator app shows now, or one of your recovery codes" }, codes: null };
  }
  const codes = await confirmSetup(pending, code);
  if (!codes) return { ok: false as const, errors: { code: "That code is not right. Check the app shows this account, and enter the code it shows now" }, codes: null };
  return data({ ok: true as const, errors: null, codes, next }, { headers: { "Set-Cookie": await upgradeSession(request, context.clientAddress) } });
}

export default function TwoFactorStep() {
  const { mode, setup } = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  const [searchParams] = useSearchParams();
  if (result?.ok && result.codes) {
    return (
      <div className="narrow">
        <h1>Two-factor sign-in is on</h1>
        <RecoveryCodes codes={result.codes} />
        <p><Link to={result.next} className="button">Continue</Link></p>
      </div>
    );
  }
  const failure = result && !result.ok ? result : null;
  return (
    <div className="narrow">
      <h1>{mode === "code" ? "Enter your code" : "Set up two-factor sign-in"}</h1>
      {mode === "enrol" && setup ? (
        <>
          <p>Your centre asks co-ordinators and assessors to sign in with a second step: a code from an authenticator app on your phone (for example Microsoft Authenticator, Google Authenticator or 2FAS).</p>
          <TwoFactorSetup secret={setup.secret} qrDataUrl={setup.qrDataUrl} />
        </>
      ) : (
        <p>Open the authenticator app on your phone and enter the 6-digit code it shows for this app. Lost your phone? Enter one of your recovery codes instead.</p>
      )}
      <ValidatedForm id="two-factor" schema={twoFactorCodeSchema} failure={failure} labels={{ code: "Code" }} action={`/login/two-factor?${searchParams.toString()}`}>
        <TextField name="code" label={mode === "code" ? "Code" : "The 6-digit code the app shows"} autoComplete="one-time-code" inputMode="text" width="medium" />
        <button type="submit">{mode === "code" ? "Sign in" : "Turn on two-factor sign-in"}</button>
      </ValidatedForm>
      <Form method="post" action="/logout"><button type="submit" className="button button--secondary">Cancel and sign out</button></Form>
    </div>
  );
}
