import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData } from "@remix-run/react";
import { STOPPABLE, choicesByToken, isStoppable, setChoice } from "~/modules/email/preferences.server";

export const meta: MetaFunction = () => [{ title: "Stop these emails" }];

/**
 * "Stop these emails" (the footer link) and the List-Unsubscribe one-click POST (RFC 8058), which
 * a mail provider sends with the body "List-Unsubscribe=One-Click" and no browser.
 */
async function resolve(params: { token?: string; kind?: string }) {
  const who = params.token ? await choicesByToken(params.token) : null;
  if (!who || !params.kind || !isStoppable(params.kind)) throw new Response("This link is not valid any more.", { status: 404 });
  return { who, kind: params.kind };
}

export async function loader({ params }: LoaderFunctionArgs) {
  const { kind } = await resolve(params);
  return { token: params.token!, words: STOPPABLE[kind].words };
}

export async function action({ request, params }: ActionFunctionArgs) {
  const { who, kind } = await resolve(params);
  const problem = await setChoice(who, kind, false);
  const body = await request.text();
  if (body.includes("List-Unsubscribe=One-Click")) {
    return new Response(problem ?? "Unsubscribed.", { status: problem ? 409 : 200, headers: { "Content-Type": "text/plain; charset=utf-8" } });
  }
  return { ok: !problem, problem, words: STOPPABLE[kind].words };
}

export default function StopEmails() {
  const { token, words } = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  if (result) {
    return (
      <div className="narrow">
        <h1>{result.ok ? "Stopped" : "These emails cannot be stopped"}</h1>
        <p role="status">{result.ok ? `You will no longer get emails about ${result.words}.` : result.problem}</p>
        <p><Link to={`/email/${token}`}>See all your email choices</Link></p>
      </div>
    );
  }
  return (
    <div className="narrow">
      <h1>Stop these emails?</h1>
      <p>You will no longer get emails about {words}. You can turn them back on at any time.</p>
      <Form method="post">
        <button type="submit">Stop these emails</button>
      </Form>
      <p><Link to={`/email/${token}`}>See all your email choices</Link></p>
    </div>
  );
}
