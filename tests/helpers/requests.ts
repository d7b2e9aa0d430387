/** Call Remix loaders and actions directly, as a given user, with real Requests and real server-side sessions. */
import { startSession } from "~/modules/auth/session.server";

type User = { id: string };

/** A fresh signed-in session for the user (as after signing in), as the Cookie header to send. */
export async function cookieFor(user: User) {
  const setCookie = await startSession(user, new Request(BASE, { headers: { "User-Agent": "Vitest" } }), "127.0.0.1");
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
    if (isDataWithInit(result) && result.init?.headers) return new Response(null, result.init);
  } catch (error) {
    if (error instanceof Response) return error;
    throw error;
  }
  throw new Error("Expected a Response to be thrown or returned, but the call returned data");
}

function isDataWithInit(value: unknown): value is { type: "DataWithResponseInit"; data: unknown; init: ResponseInit | null } {
  return typeof value === "object" && value !== null && (value as { type?: string }).type === "DataWithResponseInit";
}

/** An action's data, whether it returned it plainly or through data() with headers. */
export function dataOf<T>(result: T): T extends { type: "DataWithResponseInit"; data: infer D } ? D : T {
  return (isDataWithInit(result) ? result.data : result) as never;
}

let addresses = 0;

/**
 * A loader's or action's arguments. Each call comes from its own client address (from TEST-NET-2),
 * so per-address limits only apply where a test passes one address on purpose.
 */
export function args(request: Request, params: Record<string, string> = {}, context: Record<string, unknown> = {}) {
  addresses++;
  return { request, params, context: { clientAddress: `198.51.${100 + Math.floor(addresses / 250) % 100}.${addresses % 250}`, ...context } };
}
