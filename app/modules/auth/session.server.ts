/**
 * Cookie sessions and the guards every loader and action calls. The cookie holds only the
 * user's id and a session version; the user is re-read on every request so removed access,
 * an ended assessor period or a changed password take effect at once.
 */
import { createCookieSessionStorage, redirect } from "@remix-run/node";
import { prisma } from "~/db.server";
import { env, sessionSecret } from "~/env.server";
import { londonToday } from "~/utils/dates";
import { can, type Permission } from "./permissions";
import { accessState } from "./sign-in-policy";
import { clock } from "~/utils/clock.server";

export const sessionStorage = createCookieSessionStorage({
  cookie: {
    name: "__session",
    httpOnly: true,
    sameSite: "lax",
    path: "/",
    secure: env().NODE_ENV === "production" && env().APP_URL.startsWith("https:"),
    secrets: [sessionSecret()],
    maxAge: 60 * 60 * 12,
  },
});

export type CurrentUser = Awaited<ReturnType<typeof loadUser>> & {};

function loadUser(id: string) {
  return prisma.user.findUnique({
    where: { id },
    select: {
      id: true,
      name: true,
      email: true,
      accessRole: true,
      accessEndsOn: true,
      disabledAt: true,
      passwordHash: true,
      sessionVersion: true,
      centreId: true,
      personId: true,
      centre: { select: { id: true, name: true } },
    },
  });
}

export async function getSession(request: Request) {
  return sessionStorage.getSession(request.headers.get("Cookie"));
}

/** The signed-in user, or null when there is none or their access has ended. */
export async function getUser(request: Request, now = clock.now()) {
  const session = await getSession(request);
  const userId = session.get("userId");
  if (typeof userId !== "string") return null;
  const user = await loadUser(userId);
  if (!user || user.sessionVersion !== session.get("sessionVersion")) return null;
  if (!accessState(user, londonToday(now)).allowed) return null;
  return user;
}

export async function requireUser(request: Request) {
  const user = await getUser(request);
  if (!user) {
    const url = new URL(request.url);
    const redirectTo = url.pathname + url.search;
    throw redirect(`/login?${new URLSearchParams({ redirectTo })}`);
  }
  return user;
}

export async function requirePermission(request: Request, permission: Permission) {
  const user = await requireUser(request);
  if (!can(user.accessRole, permission)) {
    throw new Response("You do not have permission to see this page.", { status: 403 });
  }
  return user;
}

export async function createUserSession(user: { id: string; sessionVersion: number }, redirectTo: string) {
  const session = await sessionStorage.getSession();
  session.set("userId", user.id);
  session.set("sessionVersion", user.sessionVersion);
  return redirect(redirectTo, { headers: { "Set-Cookie": await sessionStorage.commitSession(session) } });
}

export async function destroyUserSession(request: Request) {
  const session = await getSession(request);
  return redirect("/login", { headers: { "Set-Cookie": await sessionStorage.destroySession(session) } });
}

/** Where a user lands after signing in: their own page for volunteers, the overview for others. */
export function homeFor(accessRole: string) {
  return accessRole === "volunteer" ? "/me" : "/compliance";
}

/** Only follow redirects within this site. */
export function safeRedirect(to: FormDataEntryValue | string | null | undefined, fallback: string) {
  if (typeof to !== "string" || !to.startsWith("/") || to.startsWith("//")) return fallback;
  return to;
}

export function invariantResponse(condition: unknown, message: string, status = 404): asserts condition {
  if (!condition) throw new Response(message, { status });
}
