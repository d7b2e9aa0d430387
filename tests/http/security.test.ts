/**
 * The built server as a browser (or an attacker) meets it over HTTP: cross-site writes refused,
 * security headers, sessions that end, answers that do not tell who has an account, errors
 * inside the page frame, and every route as every kind of user.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { execFile } from "node:child_process";
import { connect } from "node:net";
import { readFile } from "node:fs/promises";
import { promisify } from "node:util";
import { prisma } from "~/db.server";
import { DEMO_SIGN_INS } from "~/modules/demo/demo-data.server";
import { crossSiteRefusal, securityHeaders } from "../../scripts/http-guards.mjs";
import { startServer } from "../helpers/server";

let server: Awaited<ReturnType<typeof startServer>>;
const cookies: Record<string, string> = {};

async function signIn(who: keyof typeof DEMO_SIGN_INS) {
  const response = await fetch(`${server.url}/login`, {
    method: "POST", redirect: "manual",
    headers: { "Content-Type": "application/x-www-form-urlencoded", Origin: server.url, "Sec-Fetch-Site": "same-origin" },
    body: new URLSearchParams({ email: DEMO_SIGN_INS[who].email, password: DEMO_SIGN_INS[who].password }),
  });
  expect(response.status).toBe(302);
  return response.headers.get("set-cookie")!.split(";")[0];
}

const get = (path: string, cookie?: string) => fetch(`${server.url}${path}`, { redirect: "manual", headers: cookie ? { Cookie: cookie } : {} });

beforeAll(async () => {
  server = await startServer();
  for (const who of ["coordinator", "volunteer", "assessor"] as const) cookies[who] = await signIn(who);
});
afterAll(() => server?.stop());

describe("cross-site requests", () => {
  it("are refused with 403 before anything changes, however they are addressed", async () => {
    const centre = await prisma.centre.findFirstOrThrow();
    for (const path of ["/settings", "/settings?_data=routes%2Fsettings._index", "/settings.data", "/login", "/logout"]) {
      const response = await fetch(`${server.url}${path}`, {
        method: "POST", redirect: "manual",
        headers: { "Content-Type": "application/x-www-form-urlencoded", Cookie: cookies.coordinator, Origin: "https://evil.example", "Sec-Fetch-Site": "cross-site" },
        body: new URLSearchParams({ intent: "rota", serveEveryWeeks: "2", nation: "scotland", email: DEMO_SIGN_INS.coordinator.email, password: DEMO_SIGN_INS.coordinator.password }),
      });
      expect([path, response.status]).toEqual([path, 403]);
      expect(response.headers.get("set-cookie")).toBeNull();
    }
    // An old browser without Sec-Fetch-Site is judged by its Origin.
    const noFetchMetadata = await fetch(`${server.url}/settings`, {
      method: "POST", redirect: "manual",
      headers: { "Content-Type": "application/x-www-form-urlencoded", Cookie: cookies.coordinator, Origin: "https://evil.example" },
      body: new URLSearchParams({ intent: "rota", serveEveryWeeks: "2", nation: "scotland" }),
    });
    expect(noFetchMetadata.status).toBe(403);
    expect(await prisma.centre.findUniqueOrThrow({ where: { id: centre.id } })).toMatchObject({ serveEveryWeeks: centre.serveEveryWeeks, nation: centre.nation });
  });

  it("from our own pages go through", async () => {
    const response = await fetch(`${server.url}/settings`, {
      method: "POST", redirect: "manual",
      headers: { "Content-Type": "application/x-www-form-urlencoded", Cookie: cookies.coordinator, Origin: server.url, "Sec-Fetch-Site": "same-origin" },
      body: new URLSearchParams({ intent: "rota", serveEveryWeeks: "5", nation: "england_wales" }),
    });
    expect(response.status).toBe(302);
    expect((await prisma.centre.findFirstOrThrow()).serveEveryWeeks).toBe(5);
  });

  it("are judged by the browser's own header first, then by Origin", () => {
    const ours = ["https://rota.example.org"];
    expect(crossSiteRefusal("POST", { "sec-fetch-site": "same-origin", origin: "null" }, ours)).toBeNull();
    expect(crossSiteRefusal("POST", { "sec-fetch-site": "same-site" }, ours)).toBe("a same-site request");
    expect(crossSiteRefusal("POST", { origin: "https://rota.example.org.evil.example" }, ours)).toMatch(/^a request from/);
    expect(crossSiteRefusal("POST", { origin: "null" }, ours)).toBe("a request from an opaque origin");
    expect(crossSiteRefusal("GET", { "sec-fetch-site": "cross-site" }, ours)).toBeNull();
    expect(crossSiteRefusal("POST", {}, ours)).toBeNull(); // not a browser page: cannot carry a victim's cookie
  });
});

describe("headers", () => {
  it("keep personal pages out of caches and frames, and scripts to our own", async () => {
    const response = await get("/people", cookies.coordinator);
    expect(response.status).toBe(200);
    expect(response.headers.get("cache-control")).toBe("no-store");
    expect(response.headers.get("referrer-policy")).toBe("same-origin");
    expect(response.headers.get("x-content-type-options")).toBe("nosniff");
    const csp = response.headers.get("content-security-policy")!;
    expect(csp).toContain("frame-ancestors 'none'");
    const nonce = /'nonce-([^']+)'/.exec(csp)![1];
    const html = await response.text();
    // Every inline script carries this response's nonce.
    const scripts = [...html.matchAll(/<script(?![^>]*\bsrc=)([^>]*)>/g)];
    expect(scripts.length).toBeGreaterThan(0);
    for (const [, attributes] of scripts) expect(attributes).toContain(`nonce="${nonce}"`);
    expect(response.headers.get("strict-transport-security")).toBeNull(); // plain http here
    expect(securityHeaders({ nonce: "n", https: true })["Strict-Transport-Security"]).toBe("max-age=31536000; includeSubDomains");
  });

  it("let fingerprinted build files be cached for good", async () => {
    const html = await (await get("/login")).text();
    const asset = /href="(\/build\/[^"]+\.css)"/.exec(html)![1];
    expect((await get(asset)).headers.get("cache-control")).toBe("public, max-age=31536000, immutable");
  });

  it("serve public's other files for an hour, and pages as pages", async () => {
    const icon = await get("/favicon.ico");
    expect(icon.status).toBe(200);
    expect(icon.headers.get("cache-control")).toBe("public, max-age=3600");
    const example = await get("/examples/centre-spreadsheet.xlsx");
    expect(example.status).toBe(200);
    expect(Buffer.from(await example.arrayBuffer())).toEqual(await readFile("public/examples/centre-spreadsheet.xlsx"));
    expect((await get("/examples/none.xlsx")).status).toBe(404);
    expect((await get("/login")).headers.get("content-type")).toContain("text/html");
  });
});

describe("sessions", () => {
  it("end on signing out: replaying the old cookie opens nothing", async () => {
    const cookie = await signIn("volunteer");
    expect((await get("/me", cookie)).status).toBe(200);
    const out = await fetch(`${server.url}/logout`, { method: "POST", redirect: "manual", headers: { Cookie: cookie, Origin: server.url, "Sec-Fetch-Site": "same-origin" } });
    expect(out.status).toBe(302);
    const replay = await get("/me", cookie);
    expect(replay.status).toBe(302);
    expect(replay.headers.get("location")).toBe("/login?redirectTo=%2Fme");
  });
});

describe("signing in", () => {
  it("takes the same time for an unknown email as for a wrong password", async () => {
    // The first (right) sign-in moved the demo co-ordinator's hash to full strength, like every real account.
    const attempt = async (email: string) => {
      const started = performance.now();
      const response = await fetch(`${server.url}/login`, {
        method: "POST", headers: { "Content-Type": "application/x-www-form-urlencoded", Origin: server.url, "Sec-Fetch-Site": "same-origin" },
        body: new URLSearchParams({ email, password: "not the password at all" }),
      });
      await response.text();
      return performance.now() - started;
    };
    // Other test files share the two cores, and load only ever adds time: the quickest of each
    // kind is the work the server itself does. Interleaved so a busy spell hits both kinds; three
    // is as many wrong tries as one address may make at one account before it is turned away.
    const known: number[] = [];
    const unknown: number[] = [];
    for (let i = 0; i < 3; i++) {
      known.push(await attempt(DEMO_SIGN_INS.coordinator.email));
      unknown.push(await attempt(`nobody${i}@example.org`));
    }
    // An unknown email answered without hashing would take a few ms to the hash's 100 or more (a
    // ratio near 0.03); the bounds leave room for a busy machine (2.3 seen with two suites running).
    const ratio = Math.min(...unknown) / Math.min(...known);
    expect(ratio).toBeGreaterThan(0.4);
    expect(ratio).toBeLessThan(3);
  });

  it("follows only same-site paths after signing in", async () => {
    const response = await fetch(`${server.url}/login`, {
      method: "POST", redirect: "manual",
      headers: { "Content-Type": "application/x-www-form-urlencoded", Origin: server.url, "Sec-Fetch-Site": "same-origin" },
      body: new URLSearchParams({ email: DEMO_SIGN_INS.assessor.email, password: DEMO_SIGN_INS.assessor.password, redirectTo: "/\\evil.example" }),
    });
    expect(response.headers.get("location")).toBe("/compliance");
  });
});

describe("error pages", () => {
  it("keep the header and navigation, and say 404 for things that are not there", async () => {
    for (const path of ["/people/nobody", "/people/nobody/compliance", "/people/nobody/edit", "/people/nobody/availability", "/rota/nothing", "/rota/nothing/print", "/rota/sessions/nothing", "/outbox/nothing", "/settings/courses/nothing", "/outbox/preview/nothing", "/no-such-page"]) {
      const response = await get(path, cookies.coordinator);
      expect([path, response.status]).toEqual([path, 404]);
      const html = await response.text();
      expect(html).toContain('aria-label="Main"');
      expect(html).toContain("Page not found");
    }
    const forbidden = await get("/accounts", cookies.volunteer);
    expect(forbidden.status).toBe(403);
    expect(await forbidden.text()).toContain('aria-label="Main"');
  });
});

describe("malformed requests", () => {
  /** The server's answer to a request written by hand, as no browser would send it. */
  function rawStatus(request: string) {
    const { port } = new URL(server.url);
    return new Promise<string>((resolve, reject) => {
      let answer = "";
      const socket = connect(Number(port), "127.0.0.1", () => socket.write(request));
      socket.on("data", (data: Buffer) => (answer += data.toString("latin1")));
      socket.on("end", () => resolve(answer.split("\r\n")[0]));
      socket.on("error", reject);
    });
  }

  it("with a Host that is no host name are refused as bad requests, and the server carries on", async () => {
    for (const host of ["[not-an-address", "two words", "%%"]) {
      expect(await rawStatus(`GET /compliance HTTP/1.1\r\nHost: ${host}\r\nConnection: close\r\n\r\n`)).toBe("HTTP/1.1 400 Bad Request");
    }
    expect((await get("/compliance", cookies.coordinator)).status).toBe(200);
  });
});

describe("every page as every kind of user", () => {
  const pages = ["/", "/compliance", "/compliance/matrix", "/compliance/matrix.csv", "/compliance/evidence", "/people", "/people/new", "/people/removal", "/people/import", "/people/import/template.xlsx", "/people/import/template.csv", "/rota", "/rota/sessions", "/rota/sessions/new", "/rota/teams", "/audit", "/accounts", "/outbox", "/settings", "/settings/courses/new", "/me", "/me/availability", "/me/sign-in", "/me/two-factor", "/my-shifts", "/forgot-password", "/login"];
  const expected: Record<string, Record<string, number>> = {
    anonymous: { "/login": 200, "/forgot-password": 200 },
    volunteer: { "/me": 200, "/me/availability": 200, "/me/sign-in": 200, "/me/two-factor": 200, "/my-shifts": 200, "/forgot-password": 200, "/login": 302, "/": 302 },
    assessor: { "/": 302, "/compliance": 200, "/compliance/matrix": 200, "/compliance/matrix.csv": 200, "/compliance/evidence": 200, "/people": 200, "/audit": 200, "/me/sign-in": 200, "/me/two-factor": 200, "/forgot-password": 200, "/login": 302 },
  };

  it("answers each with what that user may see, and never an error", async () => {
    for (const who of ["anonymous", "volunteer", "assessor", "coordinator"] as const) {
      for (const path of pages) {
        const response = await get(path, who === "anonymous" ? undefined : cookies[who]);
        const allowed = who === "coordinator" ? (path === "/login" || path === "/" ? 302 : 200) : expected[who][path] ?? (who === "anonymous" ? 302 : 403);
        expect([who, path, response.status]).toEqual([who, path, allowed]);
      }
    }
  });
});

describe("configuration", () => {
  const start = promisify(execFile);
  it("refuses to start for real with the demo's secret, without APP_URL, or with a plain-http address", async () => {
    const base = { ...process.env, NODE_ENV: "production" as const, APP_MODE: "", PORT: "0", DATABASE_URL: "file:./tests/.tmp/never-used.db" };
    const attempt = (env: Record<string, string>) => start("node_modules/.bin/tsx", ["scripts/check-config.ts"], { env: { ...base, ...env } }).then(() => "started", (e: { stderr: string }) => e.stderr);
    expect(await attempt({ SESSION_SECRET: "demo-only-session-secret-change-me-for-real-use", APP_URL: "https://rota.example.org" })).toContain("SESSION_SECRET is the demo's published secret");
    expect(await attempt({ SESSION_SECRET: "a-long-random-secret-0123456789abcdefABCDEF", APP_URL: "" })).toContain("APP_URL must be set to the app's public address");
    expect(await attempt({ SESSION_SECRET: "a-long-random-secret-0123456789abcdefABCDEF", APP_URL: "http://rota.example.org" })).toContain("APP_URL must start with https://");
    expect(await attempt({ SESSION_SECRET: "a-long-random-secret-0123456789abcdefABCDEF", APP_URL: "https://rota.example.org", SMTP_URL: "smtp://mail.example.org", EMAIL_FROM: "Rota" })).toContain("EMAIL_FROM must be an email address");
    expect(await attempt({ SESSION_SECRET: "a-long-random-secret-0123456789abcdefABCDEF", APP_URL: "https://rota.example.org" })).toBe("started");
  });
});
