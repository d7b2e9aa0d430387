import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { useActionData, useLoaderData } from "@remix-run/react";
import { EmailChoices } from "~/components/email-choices";
import { useMemo } from "react";
import { choicesByToken, choicesView, saveChoices } from "~/modules/email/preferences.server";

export const meta: MetaFunction = () => [{ title: "Your email choices" }];

/** Behind the "change which emails you get" link in every email: the secret link is the key, no sign-in needed. */
async function whoFor(token: string | undefined) {
  const who = token ? await choicesByToken(token) : null;
  if (!who) throw new Response("This link is not valid any more. Sign in and open “Your sign-in” to change your email choices.", { status: 404 });
  return who;
}

export async function loader({ params }: LoaderFunctionArgs) {
  const who = await whoFor(params.token);
  return { name: who.name, choices: await choicesView(who) };
}

export async function action({ request, params }: ActionFunctionArgs) {
  const who = await whoFor(params.token);
  const problems = await saveChoices(who, await request.formData());
  return problems.length ? { ok: false as const, problems } : { ok: true as const, problems: [] };
}

export default function EmailChoicesPage() {
  const { name, choices } = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  const failure = useMemo(() => (result && !result.ok ? { errors: { form: result.problems.join(" ") } } : null), [result]);
  return (
    <div className="narrow">
      <h1>Your email choices</h1>
      <p>For {name}.</p>
      {result?.ok ? <div className="notice notice--success" role="status">Saved.</div> : null}
      <EmailChoices choices={choices} failure={failure} />
    </div>
  );
}
