/** Call Remix loaders and actions directly, as a given user, with real Requests. */
import { sessionStorage } from "~/modules/auth/session.server";

type User = { id: string; sessionVersion: number };

export async function cookieFor(user: User) {
  const session = await sessionStorage.getSession();
  session.set("userId", user.id);
  session.set("sessionVersion", user.sessionVersion);
  const setCookie = await sessionStorage.commitSession(session);
  return setCookie.split(";")[0];
}

const BASE = "http://localhost:3000";

export async function getRequest(path: string, user?: User) {
  const headers = new Headers();
  if (user) headers.set("Cookie", await cookieFor(user));
  return new Request(BASE + path, { headers });
}

export async function postRequest(path: string, fields: Record<string, string | string[]>, user?: User) {
  const body = new URLSearchParams();
  for (const [key, value] of Object.entries(fields)) for (const v of [value].flat()) body.append(key, v);
  const headers = new Headers({ "Content-Type": "application/x-www-form-urlencoded" });
  if (user) headers.set("Cookie", await cookieFor(user));
  return new Request(BASE + path, { method: "POST", headers, body });
}

/** Runs a loader or action that should throw a Response (redirect, 403, 404) and returns it. */
export async function thrownResponse(run: () => Promise<unknown>): Promise<Response> {
  try {
    const result = await run();
    if (result instanceof Response) return result;
  } catch (error) {
    if (error instanceof Response) return error;
    throw error;
  }
  throw new Error("Expected a Response to be thrown or returned, but the call returned data");
}

export function args(request: Request, params: Record<string, string> = {}) {
  return { request, params, context: {} };
}
