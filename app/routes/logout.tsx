import type { ActionFunctionArgs } from "@remix-run/node";
import { redirect } from "@remix-run/node";
import { destroyUserSession } from "~/modules/auth/session.server";

export const loader = () => redirect("/");

export function action({ request }: ActionFunctionArgs) {
  return destroyUserSession(request);
}
