import type { LoaderFunctionArgs } from "@remix-run/node";
import { feedForToken } from "~/modules/rota/calendar.server";

/** A personal calendar subscription: the secret token in the URL is the only key. */
export async function loader({ params }: LoaderFunctionArgs) {
  const ics = await feedForToken(params.token ?? "");
  if (ics === null) return new Response("This calendar link is no longer valid.", { status: 404 });
  return new Response(ics, { headers: { "Content-Type": "text/calendar; charset=utf-8", "Cache-Control": "no-store" } });
}
