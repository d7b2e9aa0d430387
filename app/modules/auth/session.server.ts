/**
 * Server-side sessions and the guards every loader and action calls.
 *
 * The cookie holds a random token (signed); the database holds only its SHA-256, with the user,
 * when it was made and last used, and when it ends. Signing out deletes the row, so a copied
 * cookie stops working at once; a session also ends after 30 minutes idle or 12 hours in all
 * (NIST SP 800-63B at AAL2, OWASP ASVS 3.3). The user is re-read on every request, so removed
 * access, an ended assessor period or a changed password take effect at once.
 */
import { createCookie, redirect } from "@remix-run/node";
import { createHash, randomBytes } from "node:crypto";
import { prisma } from "~/db.server";
import { env, sessionSecret } from "~/env.server";
import { asBoolean, asDate, readRecords, readRows } from "~/utils/sql-read.server";
import { clock } from "~/utils/clock.server";
import { can, type Permission } from "./permissions";
import { accessState, secondFactorStep } from "./sign-in-policy";
import { oncePerRequest } from "~/utils/request-scope.server";

export const IDLE_TIMEOUT_MS = 30 * 60 * 1000;
export const ABSOLUTE_TIMEOUT_MS = 12 * 60 * 60 * 1000;
/** Between password and authenticator code: long enough to open the app, no longer. */
export const SECOND_FACTOR_WINDOW_MS = 10 * 60 * 1000;
/** "Last seen" is written at most this often, not on every request. */
const TOUCH_EVERY_MS = 60 * 1000;

const sessionCookie = createCookie("__session", {
  httpOnly: true,
  sameSite: "lax",
  path: "/",
  secure: env().APP_URL.startsWith("https:"),
  secrets: [sessionSecret()],
  maxAge: ABSOLUTE_TIMEOUT_MS / 1000,
});

const hashOf = (token: string) => createHash("sha256").update(token).digest("hex");

/**
 * Every request asks this: the session, its user and their centre in one prepared statement
 * (through Prisma it was three queries, each compiled afresh).
 */
const SESSION_SQL = `SELECT s.id, s.createdAt, s.lastSeenAt, s.expiresAt, s.awaitingSecondFactor,
    u.id AS userId, u.name, u.email, u.accessRole, u.accessEndsOn, u.disabledAt, u.passwordHash, u.centreId, u.personId, u.totpEnabledAt,
    c.name AS centreName, c.requireTwoFactor
  FROM UserSession s JOIN User u ON u.id = s.userId JOIN Centre c ON c.id = u.centreId
  WHERE s.id = ?`;

type SessionRow = Record<string, unknown>;

function toSession(row: SessionRow) {
  const text = (key: string) => row[key] as string;
  const textOrNull = (key: string) => (row[key] ?? null) as string | null;
  return {
    id: text("id"),
    createdAt: asDate(row.createdAt)!,
    lastSeenAt: asDate(row.lastSeenAt)!,
    expiresAt: asDate(row.expiresAt)!,
    awaitingSecondFactor: asBoolean(row.awaitingSecondFactor),
    user: {
      id: text("userId"), name: text("name"), email: text("email"), accessRole: text("accessRole"), accessEndsOn: textOrNull("accessEndsOn"),
      disabledAt: asDate(row.disabledAt), passwordHash: textOrNull("passwordHash"), centreId: text("centreId"), personId: textOrNull("personId"),
      totpEnabledAt: asDate(row.totpEnabledAt),
      centre: { id: text("centreId"), name: text("centreName"), requireTwoFactor: asBoolean(row.requireTwoFactor) },
    },
  };
}

async function tokenOf(request: Request): Promise<string | null> {
  const value = await sessionCookie.parse(request.headers.get("Cookie"));
  return typeof value === "string" && value.length > 20 ? value : null;
}

/** The session behind this request's cookie, still within its time limits, with its user. */
async function currentSession(request: Request, now = clock.now()) {
  const token = await tokenOf(request);
  if (!token) return null;
  const [row] = await readRows<SessionRow>(prisma, SESSION_SQL, hashOf(token));
  if (!row) return null;
  const session = toSession(row);
  const idleFor = now.getTime() - session.lastSeenAt.getTime();
  const awaitingTooLong = session.awaitingSecondFactor && now.getTime() - session.createdAt.getTime() > SECOND_FACTOR_WINDOW_MS;
  if (session.expiresAt <= now || idleFor > IDLE_TIMEOUT_MS || awaitingTooLong) {
    await prisma.userSession.deleteMany({ where: { id: session.id } });
    return null;
  }
  if (!accessState(session.user, clock.today()).allowed) return null;
  if (idleFor > TOUCH_EVERY_MS) await prisma.userSession.updateMany({ where: { id: session.id }, data: { lastSeenAt: now } });
  return session;
}

export type CurrentUser = NonNullable<Awaited<ReturnType<typeof currentSession>>>["user"] & { sessionId: string };

// The root loader and the page's own loader both ask who is signed in: look once per request
// (request-scope.server.ts), or at least once per Request object where there is no scope.
const sessionsByRequest = new WeakMap<Request, ReturnType<typeof currentSession>>();

function sessionFor(request: Request) {
  return oncePerRequest("session", () => {
    let found = sessionsByRequest.get(request);
    if (!found) {
      found = currentSession(request);
      sessionsByRequest.set(request, found);
    }
    return found;
  });
}

/** The signed-in user (fully: password and any second factor), or null. */
export async function getUser(request: Request): Promise<CurrentUser | null> {
  const session = await sessionFor(request);
  if (!session || session.awaitingSecondFactor) return null;
  return { ...session.user, sessionId: session.id };
}

/** A session that has passed the password but still owes an authenticator code. */
export async function getPendingSecondFactor(request: Request) {
  const session = await sessionFor(request);
  return session?.awaitingSecondFactor ? { ...session.user, sessionId: session.id } : null;
}

/** Co-ordinators and assessors at a centre that requires two-factor sign-in, who have not set it up yet. */
export function mustSetUpTwoFactor(user: Pick<CurrentUser, "accessRole" | "totpEnabledAt" | "centre">) {
  return secondFactorStep(user, user.centre.requireTwoFactor) === "enrol";
}

/**
 * The signed-in user, or a redirect to sign in. Someone who must set up two-factor sign-in
 * (the centre turned it on after they signed in) is sent to do that first.
 */
export async function requireUser(request: Request, { settingUpTwoFactor = false } = {}) {
  const user = await getUser(request);
  if (!user) {
    const url = new URL(request.url);
    throw redirect(`/login?${new URLSearchParams({ redirectTo: url.pathname + url.search })}`);
  }
  if (!settingUpTwoFactor && mustSetUpTwoFactor(user)) throw redirect("/me/two-factor");
  return user;
}

export async function requirePermission(request: Request, permission: Permission) {
  const user = await requireUser(request);
  if (!can(user.accessRole, permission)) {
    throw new Response("You do not have permission to see this page.", { status: 403 });
  }
  return user;
}

function describeDevice(userAgent: string | null) {
  return (userAgent ?? "").slice(0, 300);
}

/** Open a session (and set its cookie). `awaitingSecondFactor`: the authenticator code comes next. */
export async function startSession(user: { id: string }, request: Request, clientAddress: string | undefined, { awaitingSecondFactor = false } = {}) {
  const token = randomBytes(32).toString("base64url");
  const now = clock.now();
  await prisma.userSession.create({
    data: {
      id: hashOf(token), userId: user.id, createdAt: now, lastSeenAt: now, expiresAt: new Date(now.getTime() + ABSOLUTE_TIMEOUT_MS),
      userAgent: describeDevice(request.headers.get("User-Agent")), clientAddress: clientAddress ?? "", awaitingSecondFactor,
    },
  });
  return sessionCookie.serialize(token);
}

export async function createUserSession(user: { id: string }, redirectTo: string, request: Request, clientAddress?: string) {
  return redirect(redirectTo, { headers: { "Set-Cookie": await startSession(user, request, clientAddress) } });
}

/** Leave a pending sign-in (too many wrong codes): the session is deleted and the cookie cleared. */
export async function abandonSession(request: Request, to: string) {
  const token = await tokenOf(request);
  if (token) await prisma.userSession.deleteMany({ where: { id: hashOf(token) } });
  return redirect(to, { headers: { "Set-Cookie": await sessionCookie.serialize("", { maxAge: 0 }) } });
}

/**
 * The second factor was given: the pending session becomes a full one. A fresh token replaces the
 * pending one (so a cookie seen before this step is worthless). Returns the new cookie.
 */
export async function upgradeSession(request: Request, clientAddress?: string): Promise<string> {
  const pending = await getPendingSecondFactor(request);
  if (!pending) throw redirect("/login");
  const token = randomBytes(32).toString("base64url");
  const now = clock.now();
  await prisma.$transaction([
    prisma.userSession.delete({ where: { id: pending.sessionId } }),
    prisma.userSession.create({
      data: {
        id: hashOf(token), userId: pending.id, createdAt: now, lastSeenAt: now, expiresAt: new Date(now.getTime() + ABSOLUTE_TIMEOUT_MS),
        userAgent: describeDevice(request.headers.get("User-Agent")), clientAddress: clientAddress ?? "", awaitingSecondFactor: false,
      },
    }),
    prisma.user.update({ where: { id: pending.id }, data: { lastSignInAt: now } }),
  ]);
  return sessionCookie.serialize(token);
}

export async function destroyUserSession(request: Request) {
  const token = await tokenOf(request);
  if (token) await prisma.userSession.deleteMany({ where: { id: hashOf(token) } });
  return redirect("/login", { headers: { "Set-Cookie": await sessionCookie.serialize("", { maxAge: 0 }) } });
}

/**
 * The devices someone is signed in on, newest first. A prepared read (My record and Sign-in
 * show it on every load); someone has a few sessions, so which still hold is judged here.
 */
export async function listSessions(userId: string) {
  const now = clock.now().getTime();
  const sessions = await readRecords("UserSession", "userId = ? AND awaitingSecondFactor = 0", userId);
  return sessions
    .filter((s) => s.expiresAt.getTime() > now && s.lastSeenAt.getTime() > now - IDLE_TIMEOUT_MS)
    .sort((a, b) => b.lastSeenAt.getTime() - a.lastSeenAt.getTime())
    .map(({ id, createdAt, lastSeenAt, userAgent, clientAddress }) => ({ id, createdAt, lastSeenAt, userAgent, clientAddress }));
}

/** Sign a user out of one device, or of all of them (`sessionId` null). Returns how many ended. */
export async function endSessions(userId: string, sessionId: string | null = null) {
  const ended = await prisma.userSession.deleteMany({ where: { userId, ...(sessionId ? { id: sessionId } : {}) } });
  return ended.count;
}

/** Where a user lands after signing in: their own page for volunteers, the overview for others. */
export function homeFor(accessRole: string) {
  return accessRole === "volunteer" ? "/me" : "/compliance";
}

/**
 * Only follow redirects to a path on this site. Browsers read "/\evil.example" and "/\t/evil"
 * as other sites, so backslashes and control characters are refused outright, and the result is
 * whatever the URL parser makes of it against our own origin.
 */
export function safeRedirect(to: FormDataEntryValue | string | null | undefined, fallback: string) {
  if (typeof to !== "string" || !to.startsWith("/") || to.startsWith("//") || /[\\\u0000-\u001f\u007f]/.test(to)) return fallback;
  const base = new URL("http://this-site.invalid");
  const url = new URL(to, base);
  const path = `${url.pathname}${url.search}${url.hash}`;
  // Normalising "/./..//x" can itself produce "//x": check again after.
  return url.origin === base.origin && !path.startsWith("//") ? path : fallback;
}

export function invariantResponse(condition: unknown, message: string, status = 404): asserts condition {
  if (!condition) throw new Response(message, { status });
}
