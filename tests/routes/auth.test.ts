/**
 * Signing in and sessions, as OWASP ASVS level 2 asks: server-side sessions, time-outs, limits
 * that hold under parallel attempts, passwords checked in full, two-factor sign-in, one-time
 * links, and a tamper-evident audit log. No mail server here (see auth-email.test.ts for that).
 */
import { createHash } from "node:crypto";
import { beforeAll, beforeEach, describe, expect, it, vi } from "vitest";
import { generateTOTP } from "@epic-web/totp";
import { prisma } from "~/db.server";
import { action as loginAction } from "~/routes/login";
import { action as twoFactorAction, loader as twoFactorLoader } from "~/routes/login_.two-factor";
import { action as logoutAction } from "~/routes/logout";
import { action as accountsAction, loader as accountsLoader } from "~/routes/accounts";
import { action as personAction, loader as personLoader } from "~/routes/people.$personId._index";
import { action as setPasswordAction, loader as setPasswordLoader } from "~/routes/set-password.$token";
import { action as signInSettingsAction, loader as signInSettingsLoader } from "~/routes/me_.sign-in";
import { action as meTwoFactorAction, loader as meTwoFactorLoader } from "~/routes/me_.two-factor";
import { action as myShiftsAction } from "~/routes/my-shifts";
import { loader as auditLoader } from "~/routes/audit";
import { loader as meLoader } from "~/routes/me";
import { loader as peopleLoader } from "~/routes/people._index";
import { createCoordinator } from "~/modules/accounts/setup.server";
import { recordAudit, verifyAuditChain } from "~/modules/audit/audit.server";
import { actorOf } from "~/modules/auth/actor";
import { hashPassword, verifyPassword } from "~/modules/auth/password.server";
import { ABSOLUTE_TIMEOUT_MS, IDLE_TIMEOUT_MS, getUser, safeRedirect } from "~/modules/auth/session.server";
import { inRequestScope } from "~/utils/request-scope.server";
import { LIMITS, MAX_FAILED_SIGN_INS } from "~/modules/auth/sign-in-policy";
import { resetSignInThrottles, signIn as signInDirect } from "~/modules/auth/sign-in.server";
import { formatUkDate } from "~/utils/dates";
import { clock } from "~/utils/clock.server";
import { TEST_PASSWORD, createCentre, createPerson, createUser } from "../helpers/factories";
import { args, cookieFor, dataOf, getRequest, postRequest, thrownResponse } from "../helpers/requests";

let centreId: string;
let coordinator: Awaited<ReturnType<typeof createUser>>;

beforeAll(async () => {
  centreId = (await createCentre("Auth Centre")).id;
  coordinator = await createUser(centreId, "coordinator", { email: "coord@example.org", name: "Cee Ordinator" });
});
beforeEach(() => resetSignInThrottles());

const signIn = async (email: string, password: string, redirectTo = "", clientAddress?: string) =>
  loginAction(args(await postRequest("/login", { email, password, redirectTo }), {}, clientAddress ? { clientAddress } : {}));

/** The cookie a response sets, as the next request sends it. */
const cookieFrom = (response: Response) => response.headers.get("Set-Cookie")!.split(";")[0];
const withCookie = (path: string, cookie: string, init: RequestInit = {}) =>
  new Request(`http://localhost:3000${path}`, { ...init, headers: { ...(init.headers as Record<string, string>), Cookie: cookie } });

describe("signing in", () => {
  it("signs a co-ordinator in with a server-side session and sends them on", async () => {
    const response = await thrownResponse(() => signIn("COORD@example.org ", TEST_PASSWORD, "/audit"));
    expect(response.status).toBe(302);
    expect(response.headers.get("Location")).toBe("/audit");
    expect(response.headers.get("Set-Cookie")).toMatch(/^__session=.+HttpOnly/i);
    expect(await prisma.userSession.count({ where: { userId: coordinator.id } })).toBeGreaterThan(0);
  });

  it("gives the same message for an unknown email and a wrong password", async () => {
    const unknown = await signIn("nobody@example.org", "whatever-it-is");
    const wrong = await signIn("coord@example.org", "wrong password");
    expect(unknown && "errors" in unknown ? unknown.errors : null).toEqual(wrong && "errors" in wrong ? wrong.errors : undefined);
    expect(wrong).toMatchObject({ ok: false, errors: { form: "The email address or password is not right. Check them and try again." } });
    expect(wrong && "values" in wrong ? wrong.values : {}).not.toHaveProperty("password");
  });

  it("tells an assessor whose access has ended, once the password is right", async () => {
    await createUser(centreId, "assessor", { email: "late@example.org", accessEndsOn: "2020-01-01" });
    expect(await signIn("late@example.org", TEST_PASSWORD)).toMatchObject({
      errors: { form: "Your assessor access has ended. Ask the centre's co-ordinator to extend it." },
    });
  });

  it("asks for the fields it needs", async () => {
    expect(await signIn("", "")).toMatchObject({ ok: false, errors: { email: "Enter an email address", password: "Enter your password" } });
  });
});

describe("redirects after signing in", () => {
  it("only ever go to a path on this site", () => {
    for (const evil of ["//evil.example/", "/\\evil.example", "/%5Cevil.example".replace("%5C", "\\"), "/\t/evil.example", "/\n/evil.example", "https://evil.example/", "javascript:alert(1)", "/\\/evil.example"]) {
      expect(safeRedirect(evil, "/home")).toBe("/home");
    }
    expect(safeRedirect("/people?status=left#top", "/home")).toBe("/people?status=left#top");
    expect(safeRedirect("/./..//evil.example", "/home")).toBe("/home");
    expect(safeRedirect("/people/../audit", "/home")).toBe("/audit");
  });

  it("refuses the backslash trick through the sign-in form", async () => {
    const response = await thrownResponse(() => signIn("coord@example.org", TEST_PASSWORD, "/\\evil.example"));
    expect(response.headers.get("Location")).toBe("/compliance");
  });
});

describe("sessions live on the server", () => {
  it("ends on signing out: the same cookie no longer opens a page", async () => {
    const user = await createUser(centreId, "volunteer", { personId: (await createPerson(centreId)).id });
    const cookie = cookieFrom(await thrownResponse(() => signIn(user.email, TEST_PASSWORD)));
    expect(await meLoader(args(withCookie("/me", cookie)))).toMatchObject({ person: expect.anything() });
    await logoutAction(args(withCookie("/logout", cookie, { method: "POST" })));
    const replayed = await thrownResponse(async () => meLoader(args(withCookie("/me", cookie))));
    expect(replayed.headers.get("Location")).toBe("/login?redirectTo=%2Fme");
  });

  it("ends after 30 minutes idle, and after 12 hours however active", async () => {
    const user = await createUser(centreId, "assessor");
    const cookie = await cookieFor(user);
    vi.useFakeTimers({ toFake: ["Date"], now: clock.now() });
    try {
      vi.setSystemTime(clock.now().getTime() + IDLE_TIMEOUT_MS - 60_000);
      await peopleLoader(args(withCookie("/people", cookie)));
      vi.setSystemTime(clock.now().getTime() + IDLE_TIMEOUT_MS + 1000);
      expect((await thrownResponse(async () => peopleLoader(args(withCookie("/people", cookie))))).status).toBe(302);

      const busy = await cookieFor(user);
      const start = clock.now().getTime();
      for (let t = start; t < start + ABSOLUTE_TIMEOUT_MS - 20 * 60_000; t += 20 * 60_000) {
        vi.setSystemTime(t);
        await peopleLoader(args(withCookie("/people", busy)));
      }
      vi.setSystemTime(start + ABSOLUTE_TIMEOUT_MS + 1000);
      expect((await thrownResponse(async () => peopleLoader(args(withCookie("/people", busy))))).status).toBe(302);
    } finally {
      vi.useRealTimers();
    }
  });

  it("lists the devices someone is signed in on, and signs out one, or all of them", async () => {
    const user = await createUser(centreId, "assessor");
    const [a, b, c] = [await cookieFor(user), await cookieFor(user), await cookieFor(user)];
    const page = await signInSettingsLoader(args(withCookie("/me/sign-in", a)));
    expect(page.devices).toHaveLength(3);
    expect(page.devices.filter((d) => d.current)).toHaveLength(1);
    const other = page.devices.find((d) => !d.current)!;
    await signInSettingsAction(args(withCookie("/me/sign-in", a, { method: "POST", body: new URLSearchParams({ intent: "sign-out-device", sessionId: other.id }) })));
    expect(await prisma.userSession.count({ where: { userId: user.id } })).toBe(2);
    await thrownResponse(async () => signInSettingsAction(args(withCookie("/me/sign-in", a, { method: "POST", body: new URLSearchParams({ intent: "sign-out-everywhere" }) }))));
    expect(await prisma.userSession.count({ where: { userId: user.id } })).toBe(0);
    for (const cookie of [b, c]) expect((await thrownResponse(async () => peopleLoader(args(withCookie("/people", cookie))))).status).toBe(302);
  });

  it("lists only sessions that still hold, the one last used first", async () => {
    const user = await createUser(centreId, "assessor");
    const cookie = await cookieFor(user);
    const now = clock.now().getTime();
    const [minute, hour] = [60_000, 3_600_000];
    const session = (id: string, ago: { created: number; seen: number; expires: number }, awaitingSecondFactor = false) => ({
      id, userId: user.id, createdAt: new Date(now - ago.created), lastSeenAt: new Date(now - ago.seen), expiresAt: new Date(now - ago.expires), awaitingSecondFactor,
    });
    await prisma.userSession.createMany({ data: [
      session("seen-10-minutes-ago", { created: 2 * hour, seen: 10 * minute, expires: -10 * hour }),
      session("past-12-hours", { created: 13 * hour, seen: minute, expires: hour }),
      session("idle-31-minutes", { created: hour, seen: 31 * minute, expires: -11 * hour }),
      session("owes-its-code", { created: minute, seen: minute, expires: -11 * hour }, true),
    ] });
    const page = await signInSettingsLoader(args(withCookie("/me/sign-in", cookie)));
    expect(page.devices.map((d) => (d.current ? "this one" : d.id))).toEqual(["this one", "seen-10-minutes-ago"]);
  });

  it("lets a co-ordinator sign someone else out everywhere, asking first, and audits it", async () => {
    const user = await createUser(centreId, "assessor", { name: "Lost Phone" });
    const cookie = await cookieFor(user);
    const asked = await accountsAction(args(await postRequest("/accounts", { intent: "sign-out", userId: user.id }, coordinator)));
    expect(asked).toMatchObject({ confirm: { intent: "sign-out", question: "Sign Lost Phone out of every device they are signed in on?" } });
    expect(await prisma.userSession.count({ where: { userId: user.id } })).toBe(1);
    await accountsAction(args(await postRequest("/accounts", { intent: "sign-out", userId: user.id, confirmed: "yes" }, coordinator)));
    expect((await thrownResponse(async () => peopleLoader(args(withCookie("/people", cookie))))).status).toBe(302);
    expect((await prisma.auditEvent.findFirstOrThrow({ where: { entityId: user.id, action: "signed-out" } })).summary).toBe("Signed Lost Phone out of every device (1 signed in)");
  });

  it("is looked up once per page request (root and page loaders get their own copies of the Request), but afresh by each request", async () => {
    const user = await createUser(centreId, "assessor");
    const cookie = await cookieFor(user);
    // Two loaders of one GET, as Remix calls them: the session ends between them, yet the page sees one answer.
    const [first, second] = await inRequestScope(async () => {
      const first = await getUser(withCookie("/people", cookie));
      await prisma.userSession.deleteMany({ where: { userId: user.id } });
      return [first, await getUser(withCookie("/people", cookie))];
    });
    expect(first?.id).toBe(user.id);
    expect(second?.id).toBe(user.id);
    // The next request, and any request outside a scope (an action's), looks again.
    expect(await inRequestScope(() => getUser(withCookie("/people", cookie)))).toBeNull();
    const again = await cookieFor(user);
    await inRequestScope(async () => {
      expect((await getUser(withCookie("/people", again)))?.id).toBe(user.id);
      await prisma.userSession.deleteMany({ where: { userId: user.id } });
    });
    expect(await getUser(withCookie("/people", again))).toBeNull();
  });

  it("ends when a sign-in is turned off", async () => {
    const assessor = await createUser(centreId, "assessor");
    const cookie = await cookieFor(assessor);
    await accountsAction(args(await postRequest("/accounts", { intent: "remove", userId: assessor.id, confirmed: "yes" }, coordinator)));
    expect((await thrownResponse(async () => peopleLoader(args(withCookie("/people", cookie))))).headers.get("Location")).toBe("/login?redirectTo=%2Fpeople");
  });
});

describe("limits on guessing passwords", () => {
  it("counts attempts before checking them: a hundred at once check at most five passwords", async () => {
    const user = await createUser(centreId, "volunteer", { email: "parallel@example.org" });
    const tries = Array.from({ length: 100 }, (_, i) => signInDirect("parallel@example.org", `guess number ${i}`, `203.0.113.${i}`));
    const results = await Promise.all(tries);
    expect(results.filter((r) => !r.ok && r.code === "wrong")).toHaveLength(MAX_FAILED_SIGN_INS);
    expect(results.filter((r) => !r.ok && r.code === "paused")).toHaveLength(100 - MAX_FAILED_SIGN_INS);
    expect((await prisma.user.findUniqueOrThrow({ where: { id: user.id } })).failedSignIns).toBe(MAX_FAILED_SIGN_INS);
    const right = await signInDirect("parallel@example.org", TEST_PASSWORD, "203.0.113.200");
    expect(right).toMatchObject({ ok: false, code: "paused" });
    expect(!right.ok && right.message).toMatch(/^Too many wrong passwords\. .* paused until \d\d:\d\d\. To get in now, use “Forgotten your password\?” for an emailed link\.$/);
  });

  it("answers a hundred attempts at once on an unknown email as on a real account: five wrong, then paused", async () => {
    const tries = Array.from({ length: 100 }, (_, i) => signInDirect("nobody-here@example.org", `guess number ${i}`, `198.51.100.${i}`));
    const results = await Promise.all(tries);
    expect(results.filter((r) => !r.ok && r.code === "wrong")).toHaveLength(MAX_FAILED_SIGN_INS);
    expect(results.filter((r) => !r.ok && r.code === "paused")).toHaveLength(100 - MAX_FAILED_SIGN_INS);
  });

  it("lets no single address pause somebody else's account: it is stopped first", async () => {
    const user = await createUser(centreId, "coordinator", { email: "target@example.org" });
    for (let i = 0; i < LIMITS.perAddressAndAccount.limit; i++) expect(await signInDirect("target@example.org", `guess ${i}`, "192.0.2.66")).toMatchObject({ code: "wrong" });
    for (let i = 0; i < 10; i++) expect(await signInDirect("target@example.org", `guess more ${i}`, "192.0.2.66")).toMatchObject({ code: "throttled" });
    expect((await prisma.user.findUniqueOrThrow({ where: { id: user.id } })).failedSignIns).toBe(LIMITS.perAddressAndAccount.limit);
    // The holder, elsewhere, still gets in.
    expect(await signInDirect("target@example.org", TEST_PASSWORD, "192.0.2.10")).toMatchObject({ ok: true });
  });

  it("limits one address trying many accounts, and says so the same way for any of them", async () => {
    for (let i = 0; i < LIMITS.perAddress.limit; i++) await signInDirect(`spray${i}@example.org`, "Password123", "192.0.2.99");
    expect(await signInDirect("coord@example.org", TEST_PASSWORD, "192.0.2.99")).toMatchObject({ ok: false, code: "throttled" });
    expect(await signInDirect("coord@example.org", TEST_PASSWORD, "192.0.2.98")).toMatchObject({ ok: true });
  });

  it("lets a room of people on one network all sign in: only wrong passwords count against the address", async () => {
    const room = [];
    for (let i = 0; i < LIMITS.perAddress.limit + 5; i++) room.push(await createUser(centreId, "volunteer", { email: `room${i}@example.org` }));
    for (const user of room) expect(await signInDirect(user.email, TEST_PASSWORD, "192.0.2.150")).toMatchObject({ ok: true });
    // Guesses from the same address are still counted and stopped at the limit.
    for (let i = 0; i < LIMITS.perAddress.limit; i++) expect(await signInDirect(`room-guess${i}@example.org`, "Password123", "192.0.2.150")).toMatchObject({ code: "wrong" });
    expect(await signInDirect(room[0].email, TEST_PASSWORD, "192.0.2.150")).toMatchObject({ ok: false, code: "throttled" });
  });

  it("lets the whole network sign in at once: only wrong passwords fill the overall limit", async () => {
    const people = [];
    for (let i = 0; i < LIMITS.overall.limit + 5; i++) people.push(await createUser(centreId, "volunteer", { email: `network${i}@example.org` }));
    // Each from its own address, all at the same moment.
    const now = clock.now();
    for (const [i, user] of people.entries()) expect(await signInDirect(user.email, TEST_PASSWORD, `10.9.${i >> 8}.${i & 255}`, now)).toMatchObject({ ok: true });
    // Guessing spread over many addresses, each well under its own limit, fills it.
    for (let i = 0; i < LIMITS.overall.limit; i++) expect(await signInDirect(`network-guess${i}@example.org`, "Password123", `10.8.${i >> 8}.${i & 255}`, now)).toMatchObject({ code: "wrong" });
    const refused = await signInDirect(people[0].email, TEST_PASSWORD, "10.7.0.1", now);
    expect(refused).toMatchObject({ ok: false, code: "throttled" });
    expect(refused.ok ? "" : refused.message).toContain("on this service just now");
  });

  it("keeps no address or email that a copy of the database would give back: keys are keyed hashes", async () => {
    await signInDirect("keyed@example.org", "not the password", "203.0.113.77");
    const stored = (await prisma.$queryRawUnsafe<{ keyHash: string }[]>("SELECT keyHash FROM ThrottleHit")).map((r) => r.keyHash);
    expect(stored.length).toBeGreaterThanOrEqual(3);
    const plain = ["203.0.113.77", "keyed@example.org", "*"].map((k) => createHash("sha256").update(k).digest("hex"));
    expect(stored.filter((hash) => plain.includes(hash) || hash.includes("203.0.113.77"))).toEqual([]);
    expect(stored.every((hash) => /^[0-9a-f]{64}$/.test(hash))).toBe(true);
  });

  it("pauses an unknown email just like a real account, so a pause says nothing about who has one", async () => {
    const answers = [];
    for (let i = 0; i <= MAX_FAILED_SIGN_INS; i++) answers.push(await signInDirect("ghost@example.org", `guess ${i}`, `198.18.0.${i}`));
    expect(answers.slice(0, MAX_FAILED_SIGN_INS).every((a) => !a.ok && a.code === "wrong")).toBe(true);
    expect(answers.at(-1)).toMatchObject({ ok: false, code: "paused" });
  });
});

describe("passwords", () => {
  it("count every character: two long passwords sharing their first 80 characters are different", async () => {
    const shared = "a-very-long-shared-prefix-".repeat(4).slice(0, 80);
    const hash = await hashPassword(`${shared}-first-ending-1234567890`);
    expect(await verifyPassword(`${shared}-first-ending-1234567890`, hash)).toBe(true);
    expect(await verifyPassword(`${shared}-other-ending-0987654321`, hash)).toBe(false);
  });

  it("still accept an old bcrypt hash, and replace it at sign-in", async () => {
    const bcrypt = (await import("bcryptjs")).default;
    const user = await createUser(centreId, "assessor", { email: "old-hash@example.org" });
    await prisma.user.update({ where: { id: user.id }, data: { passwordHash: await bcrypt.hash(TEST_PASSWORD, 4) } });
    expect(await signInDirect("old-hash@example.org", TEST_PASSWORD, "192.0.2.20")).toMatchObject({ ok: true });
    expect((await prisma.user.findUniqueOrThrow({ where: { id: user.id } })).passwordHash).toMatch(/^scrypt\$/);
  });

  it("refuse blank, common and personal passwords when one is chosen", async () => {
    const user = await createUser(centreId, "volunteer", { email: "chooser@example.org", name: "Chloe Chooser", password: null });
    const invite = await accountsAction(args(await postRequest("/accounts", { intent: "new-link", userId: user.id }, coordinator)));
    const token = invite && "link" in invite && invite.link ? invite.link.handOver!.split("/set-password/")[1] : "";
    const choose = async (password: string) => setPasswordAction(args(await postRequest(`/set-password/${token}`, { password, confirm: password }), { token }));
    expect(await choose("            ")).toMatchObject({ errors: { password: "Enter a password" } });
    expect(await choose("password123")).toMatchObject({ errors: { password: expect.stringMatching(/commonly used password: choose a password that is harder to guess/) } });
    expect(await choose("chloechooser1")).toMatchObject({ errors: { password: "Your password must not be made from your name or email address: choose a password that is harder to guess" } });
    expect(await choose("x".repeat(201))).toMatchObject({ errors: { password: "Your password must be 200 characters or fewer" } });
    expect((await prisma.user.findUniqueOrThrow({ where: { id: user.id } })).passwordHash).toBeNull();
  });

  it("can be changed by the holder with their current one, which signs them out everywhere else", async () => {
    const user = await createUser(centreId, "assessor", { email: "changer@example.org" });
    const elsewhere = await cookieFor(user);
    const here = await cookieFor(user);
    const wrong = await signInSettingsAction(args(withCookie("/me/sign-in", here, { method: "POST", body: new URLSearchParams({ intent: "password", current: "not it", password: "marmalade tuesday lantern", confirm: "marmalade tuesday lantern" }) })));
    expect(wrong).toMatchObject({ ok: false, errors: { current: "That is not your current password" } });
    const done = await thrownResponse(async () => signInSettingsAction(args(withCookie("/me/sign-in", here, { method: "POST", body: new URLSearchParams({ intent: "password", current: TEST_PASSWORD, password: "marmalade tuesday lantern", confirm: "marmalade tuesday lantern" }) }))));
    expect(done.headers.get("Location")).toBe("/me/sign-in?changed=password");
    expect((await thrownResponse(async () => peopleLoader(args(withCookie("/people", elsewhere))))).status).toBe(302);
    expect(await peopleLoader(args(withCookie("/people", cookieFrom(done))))).toMatchObject({ canEdit: false });
    expect((await prisma.auditEvent.findFirstOrThrow({ where: { entityId: user.id, action: "password-changed" } })).actorName).toBe(user.name);
  });
});

describe("one-time links (no mail server)", () => {
  it("hand an invitation over once: it sets a password, signs them in, spends the link, and is audited as theirs", async () => {
    const person = await createPerson(centreId, { firstName: "Ivy", lastName: "Invite", email: "ivy@example.org" });
    const result = await personAction(args(await postRequest(`/people/${person.id}`, { intent: "invite", accessRole: "volunteer" }, coordinator), { personId: person.id }));
    const link = result && "link" in result && result.link ? result.link : null;
    expect(link).toMatchObject({ emailed: false, invitation: true, name: "Ivy Invite" });
    expect(link!.handOver).toMatch(/^http:\/\/localhost:3000\/set-password\/[\w-]{40,}$/);
    const token = link!.handOver!.split("/set-password/")[1];
    expect(await setPasswordLoader(args(await getRequest(`/set-password/${token}`), { token }))).toMatchObject({ valid: true, email: "ivy@example.org" });
    expect(await setPasswordAction(args(await postRequest(`/set-password/${token}`, { password: "long enough pass", confirm: "long enough pas" }), { token }))).toMatchObject({ errors: { confirm: "The two passwords do not match" } });
    const done = await thrownResponse(async () => setPasswordAction(args(await postRequest(`/set-password/${token}`, { password: "purple elephant sandwich", confirm: "purple elephant sandwich" }), { token })));
    expect(done.headers.get("Location")).toBe("/me");
    const again = await setPasswordAction(args(await postRequest(`/set-password/${token}`, { password: "another good phrase here", confirm: "another good phrase here" }), { token }));
    expect(again).toMatchObject({ errors: { form: "This link has expired or has already been used. Ask your co-ordinator for a new one." } });
    const summaries = (await prisma.auditEvent.findMany({ where: { personId: person.id }, orderBy: { seq: "asc" } })).map((e) => [e.actorName, e.summary]);
    expect(summaries).toEqual([
      ["Cee Ordinator", "Invited Ivy Invite (Volunteer or staff): link handed over by the co-ordinator"],
      ["Ivy Invite", "Ivy Invite set their password from a one-time link (signed out everywhere else)"],
    ]);
  });

  it("are never shown to a co-ordinator for an account that has a password: they reset the sign-in instead", async () => {
    const user = await createUser(centreId, "coordinator", { email: "other.coord@example.org", name: "Olive Other" });
    const cookie = await cookieFor(user);
    const refused = await accountsAction(args(await postRequest("/accounts", { intent: "new-link", userId: user.id }, coordinator)));
    expect(refused).toMatchObject({ ok: false, errors: { form: expect.stringMatching(/^No mail server is configured, so a new link cannot be emailed to them\. To let them in, reset their sign-in/) } });
    expect(await prisma.passwordToken.count({ where: { userId: user.id } })).toBe(0);
    const reset = await accountsAction(args(await postRequest("/accounts", { intent: "reset", userId: user.id, confirmed: "yes" }, coordinator)));
    expect(reset).toMatchObject({ ok: true, link: { emailed: false, invitation: true } });
    expect(await prisma.user.findUniqueOrThrow({ where: { id: user.id } })).toMatchObject({ passwordHash: null, totpEnabledAt: null });
    expect((await thrownResponse(async () => peopleLoader(args(withCookie("/people", cookie))))).status).toBe(302);
    expect((await prisma.auditEvent.findFirstOrThrow({ where: { entityId: user.id, action: "sign-in-reset" } })).actorName).toBe("Cee Ordinator");
  });

  it("never sit readable in the outbox", async () => {
    const person = await createPerson(centreId, { firstName: "Otto", lastName: "Outbox", email: "otto@example.org" });
    await personAction(args(await postRequest(`/people/${person.id}`, { intent: "invite", accessRole: "volunteer" }, coordinator), { personId: person.id }));
    expect(await prisma.emailMessage.count({ where: { toEmail: "otto@example.org" } })).toBe(0);
  });

  it("audit every calendar link made or changed", async () => {
    const person = await createPerson(centreId, { firstName: "Cal", lastName: "Endar" });
    const user = await createUser(centreId, "volunteer", { personId: person.id });
    await myShiftsAction(args(await postRequest("/my-shifts", { intent: "reset-feed", confirmed: "yes" }, user)));
    const event = await prisma.auditEvent.findFirstOrThrow({ where: { personId: person.id, action: "calendar-link" } });
    expect(event).toMatchObject({ actorName: user.name, summary: `${user.name} changed their calendar link (the old one stops working)` });
  });
});

describe("two-factor sign-in", () => {
  async function turnOnTwoFactor(user: { id: string }) {
    const cookie = await cookieFor(user);
    const setup = await meTwoFactorLoader(args(withCookie("/me/two-factor", cookie)));
    const secret = setup.setup!.secret;
    const { otp } = await generateTOTP({ secret, period: 30, digits: 6, algorithm: "SHA-1" });
    const result = await meTwoFactorAction(args(withCookie("/me/two-factor", cookie, { method: "POST", body: new URLSearchParams({ code: otp }) })));
    return { secret, codes: result && "codes" in result ? result.codes ?? [] : [] };
  }

  it("is set up with a code from the app, gives ten recovery codes once, and is audited", async () => {
    const user = await createUser(centreId, "assessor", { email: "two@example.org" });
    const { codes } = await turnOnTwoFactor(user);
    expect(codes).toHaveLength(10);
    expect(new Set(codes).size).toBe(10);
    expect((await prisma.user.findUniqueOrThrow({ where: { id: user.id } })).totpSecret).toMatch(/^v1:/); // stored encrypted
    expect(await prisma.auditEvent.count({ where: { entityId: user.id, action: "two-factor-on" } })).toBe(1);
  });

  it("asks for the code after the password; the half-way session opens nothing; a code works once", async () => {
    const user = await createUser(centreId, "assessor", { email: "second@example.org" });
    const { secret, codes } = await turnOnTwoFactor(user);
    const afterPassword = await thrownResponse(() => signIn("second@example.org", TEST_PASSWORD, "/people"));
    expect(afterPassword.headers.get("Location")).toBe("/login/two-factor?redirectTo=%2Fpeople");
    const pending = cookieFrom(afterPassword);
    expect((await thrownResponse(async () => peopleLoader(args(withCookie("/people", pending))))).status).toBe(302);
    expect(await twoFactorLoader(args(withCookie("/login/two-factor", pending)))).toMatchObject({ mode: "code" });

    const wrong = await twoFactorAction(args(withCookie("/login/two-factor?redirectTo=%2Fpeople", pending, { method: "POST", body: new URLSearchParams({ code: "000000" }) })));
    expect(dataOf(wrong)).toMatchObject({ ok: false, errors: { code: expect.stringMatching(/^That code is not right/) } });
    // The code used to set it up was this period's: the next one comes thirty seconds later.
    vi.useFakeTimers({ toFake: ["Date"], now: clock.now().getTime() + 30_000 });
    const { otp } = await generateTOTP({ secret, period: 30, digits: 6, algorithm: "SHA-1" });
    const done = await thrownResponse(async () => twoFactorAction(args(withCookie("/login/two-factor?redirectTo=%2Fpeople", pending, { method: "POST", body: new URLSearchParams({ code: otp }) }))));
    vi.useRealTimers();
    expect(done.headers.get("Location")).toBe("/people");
    expect(await peopleLoader(args(withCookie("/people", cookieFrom(done))))).toMatchObject({ canEdit: false });
    expect((await thrownResponse(async () => peopleLoader(args(withCookie("/people", pending))))).status).toBe(302);

    // The same code again (a replay) is refused; a recovery code works once.
    const again = cookieFrom(await thrownResponse(() => signIn("second@example.org", TEST_PASSWORD)));
    expect(dataOf(await twoFactorAction(args(withCookie("/login/two-factor", again, { method: "POST", body: new URLSearchParams({ code: otp }) }))))).toMatchObject({ ok: false });
    expect((await thrownResponse(async () => twoFactorAction(args(withCookie("/login/two-factor", again, { method: "POST", body: new URLSearchParams({ code: codes[0] }) }))))).status).toBe(302);
    const third = cookieFrom(await thrownResponse(() => signIn("second@example.org", TEST_PASSWORD)));
    expect(dataOf(await twoFactorAction(args(withCookie("/login/two-factor", third, { method: "POST", body: new URLSearchParams({ code: codes[0] }) }))))).toMatchObject({ ok: false });
  });

  it("sends someone back to the password after five wrong codes", async () => {
    const user = await createUser(centreId, "assessor", { email: "fumble@example.org" });
    await turnOnTwoFactor(user);
    const pending = cookieFrom(await thrownResponse(() => signIn("fumble@example.org", TEST_PASSWORD)));
    for (let i = 0; i < 4; i++) {
      expect(dataOf(await twoFactorAction(args(withCookie("/login/two-factor", pending, { method: "POST", body: new URLSearchParams({ code: `12345${i}` }) }))))).toMatchObject({ ok: false });
    }
    const out = await thrownResponse(async () => twoFactorAction(args(withCookie("/login/two-factor", pending, { method: "POST", body: new URLSearchParams({ code: "999999" }) }))));
    expect(out.headers.get("Location")).toBe("/login?twoFactor=too-many");
    expect(await prisma.userSession.count({ where: { userId: user.id, awaitingSecondFactor: true } })).toBe(0);
  });

  it("is required of co-ordinators and assessors when the centre turns it on: they must set it up first", async () => {
    const centre = await createCentre("Strict Centre");
    await prisma.centre.update({ where: { id: centre.id }, data: { requireTwoFactor: true } });
    const strict = await createUser(centre.id, "coordinator", { email: "strict@example.org" });
    const volunteer = await createUser(centre.id, "volunteer", { email: "relaxed@example.org", personId: (await createPerson(centre.id)).id });
    const afterPassword = await thrownResponse(() => signIn("strict@example.org", TEST_PASSWORD));
    expect(afterPassword.headers.get("Location")).toBe("/login/two-factor?redirectTo=%2Fcompliance");
    expect(await twoFactorLoader(args(withCookie("/login/two-factor", cookieFrom(afterPassword))))).toMatchObject({ mode: "enrol" });
    expect((await thrownResponse(() => signIn("relaxed@example.org", TEST_PASSWORD))).headers.get("Location")).toBe("/me");
    // Signed in before the centre turned it on: every page sends them to set it up.
    const older = await cookieFor(strict);
    expect((await thrownResponse(async () => peopleLoader(args(withCookie("/people", older))))).headers.get("Location")).toBe("/me/two-factor");
    expect(await meTwoFactorLoader(args(withCookie("/me/two-factor", older)))).toMatchObject({ on: false, mustSetUp: true });
  });
});

describe("the audit log", () => {
  it("is readable by co-ordinators and assessors, not volunteers", async () => {
    const assessor = await createUser(centreId, "assessor");
    const volunteer = await createUser(centreId, "volunteer");
    const person = await createPerson(centreId, { firstName: "Aud", lastName: "Ited", email: null });
    await personAction(args(await postRequest(`/people/${person.id}`, { intent: "leave", leftOn: formatUkDate(clock.today()), confirmed: "yes" }, coordinator), { personId: person.id }));
    const expected = await prisma.auditEvent.count({ where: { centreId } });
    for (const reader of [assessor, coordinator]) {
      const log = await auditLoader(args(await getRequest("/audit", reader)));
      expect(log.total).toBe(expected);
      expect(log.entries[0]).toMatchObject({ actorName: "Cee Ordinator", summary: "Marked Aud Ited as left" });
    }
    expect((await thrownResponse(async () => auditLoader(args(await getRequest("/audit", volunteer))))).status).toBe(403);
  });

  it("pages newest first, and a person's page shows only theirs", async () => {
    const centre = await createCentre("Audit Paging Centre");
    const [reader, writer] = [await createUser(centre.id, "assessor"), await createUser(centre.id, "coordinator", { name: "Paige Writer" })];
    const [pip, other] = [await createPerson(centre.id, { firstName: "Pip", lastName: "Paged", email: null }), await createPerson(centre.id, { firstName: "Oth", lastName: "Er", email: null })];
    for (let i = 1; i <= 52; i++) {
      const about = i % 2 ? pip : other;
      await prisma.$transaction((tx) => recordAudit(tx, actorOf(writer), { entityType: "Person", entityId: about.id, personId: about.id, action: "updated", summary: `Entry ${i}` }));
    }
    const total = await prisma.auditEvent.count({ where: { centreId: centre.id } });
    const first = await auditLoader(args(await getRequest("/audit", reader)));
    expect(first).toMatchObject({ total, page: 1, pageCount: 2 });
    expect(first.entries.slice(0, 2).map((e) => e.summary)).toEqual(["Entry 52", "Entry 51"]);
    const last = await auditLoader(args(await getRequest("/audit?page=2", reader)));
    const oldest = await prisma.auditEvent.findMany({ where: { centreId: centre.id }, orderBy: { seq: "asc" }, take: 2 });
    expect(last.entries.slice(-2).map((e) => e.id)).toEqual(oldest.map((e) => e.id).reverse());
    expect(first.entries.length + last.entries.length).toBe(total);
    // A page number that is not a whole number from 1 gives the first page, not an error.
    for (const page of ["1.01", "1e400", "-3", "two"]) expect((await auditLoader(args(await getRequest(`/audit?page=${page}`, reader)))).entries[0].summary).toBe("Entry 52");
    const pipsPage = await personLoader(args(await getRequest(`/people/${pip.id}`, reader), { personId: pip.id }));
    expect(pipsPage.history.slice(0, 2).map((e) => e.summary)).toEqual(["Entry 51", "Entry 49"]);
    expect(pipsPage.history.every((e) => e.personId === pip.id)).toBe(true);
  });

  it("is a hash chain that says whether anything was changed behind the app's back", async () => {
    expect(await verifyAuditChain()).toMatchObject({ whole: true });
    const target = await prisma.auditEvent.findFirstOrThrow({ where: { seq: 2 } });
    // Someone with the database file turns the triggers off and rewrites an entry.
    await prisma.$executeRawUnsafe('DROP TRIGGER "AuditEvent_no_update"');
    await prisma.$executeRawUnsafe(`UPDATE "AuditEvent" SET "summary" = 'Nothing to see here' WHERE "id" = '${target.id}'`);
    expect(await verifyAuditChain()).toMatchObject({ whole: false, brokenAt: { seq: 2 }, problem: "its content has been changed since it was written" });
    await prisma.$executeRawUnsafe(`UPDATE "AuditEvent" SET "summary" = '${target.summary.replace(/'/g, "''")}' WHERE "id" = '${target.id}'`);
    expect(await verifyAuditChain()).toMatchObject({ whole: true });
    await prisma.$executeRawUnsafe('CREATE TRIGGER "AuditEvent_no_update" BEFORE UPDATE ON "AuditEvent" BEGIN SELECT RAISE(ABORT, \'The audit log is append-only: entries cannot be changed\'); END');
  });

  it("refuses updates, deletes and replacing inserts, even directly in the database", async () => {
    const entry = await prisma.auditEvent.findFirstOrThrow({ where: { seq: 1 } });
    await expect(prisma.auditEvent.update({ where: { id: entry.id }, data: { summary: "rewritten" } })).rejects.toThrow();
    await expect(prisma.auditEvent.delete({ where: { id: entry.id } })).rejects.toThrow();
    await expect(prisma.$executeRawUnsafe(`INSERT OR REPLACE INTO "AuditEvent" ("id", "centreId", "at", "actorName", "entityType", "entityId", "action", "summary", "changes") VALUES ('${entry.id}', '${centreId}', '2020-01-01T00:00:00.000+00:00', 'Forger', 'Person', 'x', 'created', 'Forged', '[]')`)).rejects.toThrow(/append-only|constraint/i);
    await expect(prisma.$executeRawUnsafe(`REPLACE INTO "AuditEvent" ("id", "centreId", "at", "actorName", "entityType", "entityId", "action", "summary", "changes") VALUES ('${entry.id}', '${centreId}', '2020-01-01T00:00:00.000+00:00', 'Forger', 'Person', 'x', 'created', 'Forged', '[]')`)).rejects.toThrow();
    expect(await prisma.auditEvent.findUniqueOrThrow({ where: { id: entry.id } })).toMatchObject({ summary: entry.summary, actorName: entry.actorName });
    expect(await verifyAuditChain()).toMatchObject({ whole: true });
  });
});

describe("what the pages send", () => {
  it("does not send an assessor anyone's sign-in details", async () => {
    const assessor = await createUser(centreId, "assessor");
    const person = await createPerson(centreId, { firstName: "Sid", lastName: "Signin" });
    await createUser(centreId, "volunteer", { personId: person.id });
    const page = await personLoader(args(await getRequest(`/people/${person.id}`, assessor), { personId: person.id }));
    expect(page.person.signIn).toBeFalsy();
    expect(JSON.stringify(page)).not.toMatch(/lastSignInAt|passwordHash/);
  });

  it("refuses names with line breaks or control characters", async () => {
    const { action: newPersonAction } = await import("~/routes/people.new");
    const result = await newPersonAction(args(await postRequest("/people/new", { firstName: "Evil\r\nBEGIN:VEVENT", lastName: "Name", roles: "volunteer", status: "applicant" }, coordinator)));
    expect(result).toMatchObject({ ok: false, errors: { firstName: "A first name must be on one line, without special characters" } });
  });
});

describe("sign-ins page", () => {
  it("is for co-ordinators only", async () => {
    const assessor = await createUser(centreId, "assessor");
    const volunteer = await createUser(centreId, "volunteer");
    for (const user of [assessor, volunteer]) {
      expect((await thrownResponse(async () => accountsLoader(args(await getRequest("/accounts", user))))).status).toBe(403);
      expect((await thrownResponse(async () => accountsAction(args(await postRequest("/accounts", { intent: "remove", userId: coordinator.id, confirmed: "yes" }, user))))).status).toBe(403);
    }
    expect((await prisma.user.findUniqueOrThrow({ where: { id: coordinator.id } })).disabledAt).toBeNull();
  });

  it("asks before turning off a sign-in", async () => {
    const assessor = await createUser(centreId, "assessor", { name: "Asked First" });
    const asked = await accountsAction(args(await postRequest("/accounts", { intent: "remove", userId: assessor.id }, coordinator)));
    expect(asked).toMatchObject({ confirm: { button: "Yes, turn off Asked First's sign-in" } });
    expect((await prisma.user.findUniqueOrThrow({ where: { id: assessor.id } })).disabledAt).toBeNull();
  });
});

describe("creating the first co-ordinator from the command line", () => {
  it("creates the centre, the person and a set-password link", async () => {
    const result = await createCoordinator({ centreName: "Brand New Centre", firstName: "Fi", lastName: "Rst", email: "first@example.org", offersSupervised: false });
    expect(result).toMatchObject({ ok: true, name: "Fi Rst", centreName: "Brand New Centre" });
    const user = await prisma.user.findUniqueOrThrow({ where: { email: "first@example.org" }, include: { person: { include: { roles: true } } } });
    expect(user.accessRole).toBe("coordinator");
    expect(user.person?.roles.map((r) => r.role)).toEqual(["coordinator"]);
    const token = result.ok ? result.token : "";
    expect(await setPasswordLoader(args(await getRequest(`/set-password/${token}`), { token }))).toMatchObject({ valid: true });
  });
  it("refuses a missing name and an email that can already sign in", async () => {
    expect(await createCoordinator({ centreName: "X", firstName: "", lastName: "Y", email: "coord@example.org", offersSupervised: false })).toMatchObject({
      ok: false, errors: { firstName: "Give the co-ordinator's first name with --first" },
    });
    expect(await createCoordinator({ centreName: "X", firstName: "A", lastName: "Y", email: "coord@example.org", offersSupervised: false })).toMatchObject({
      ok: false, errors: { email: "coord@example.org can already sign in" },
    });
  });
});
