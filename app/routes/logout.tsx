import type { ActionFunctionArgs } from "@remix-run/node";
import { redirect } from "@remix-run/node";
import { destroyUserSession } from "~/modules/auth/session.server";

/** Signing out deletes the session on the server: the cookie is worthless from then on. */
export async function action({ request }: ActionFunctionArgs) {
  return destroyUserSession(request);
}

export async function loader() {
  return redirect("/");
}
