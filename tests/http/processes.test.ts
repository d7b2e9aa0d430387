/**
 * The built server as several processes (WEB_CONCURRENCY): the limits on guessing are counted in
 * the database, so they hold across processes (each would otherwise allow its own share, and an
 * unknown email would be paused later than a real account); a process that dies is replaced; an
 * idle connection stays open as long as a proxy keeps it.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { readFileSync } from "node:fs";
import { Agent, get } from "node:http";
import { LIMITS, MAX_FAILED_SIGN_INS } from "~/modules/auth/sign-in-policy";
import { DEMO_SIGN_INS } from "~/modules/demo/demo-data.server";
import { startServer } from "../helpers/server";

let server: Awaited<ReturnType<typeof startServer>>;
let startedAt: number;

beforeAll(async () => {
  startedAt = performance.now();
  // TRUST_PROXY lets each request say which address it comes from, as behind a reverse proxy.
  server = await startServer({ WEB_CONCURRENCY: "2", TRUST_PROXY: "loopback" });
});
afterAll(() => server?.stop());

async function signIn(email: string, password: string, from: string) {
  const response = await fetch(`${server.url}/login`, {
    method: "POST", redirect: "manual",
    headers: { "Content-Type": "application/x-www-form-urlencoded", Origin: server.url, "Sec-Fetch-Site": "same-origin", "X-Forwarded-For": from },
    body: new URLSearchParams({ email, password }),
  });
  if (response.status === 302) return "signed in";
  const page = await response.text();
  if (page.includes("Too many sign-in attempts from this connection")) return "throttled";
  if (page.includes("sign-in to this account is paused")) return "paused";
  if (page.includes("The email address or password is not right")) return "wrong";
  throw new Error(`Unexpected answer ${response.status}`);
}

/** The server's worker processes (the children of the process the test started), from Linux's /proc. */
function workers(primaryPid: number) {
  return readFileSync(`/proc/${primaryPid}/task/${primaryPid}/children`, "utf8").split(" ").filter(Boolean).map(Number);
}

describe("several server processes", () => {
  it("share the limit per client address: the attempts past it are refused whichever process answers", async () => {
    const answers: string[] = [];
    for (let i = 0; i < LIMITS.perAddress.limit + 6; i++) answers.push(await signIn(`nobody-${i}@example.org`, "a guess", "198.51.100.7"));
    expect(answers.filter((a) => a === "wrong")).toHaveLength(LIMITS.perAddress.limit);
    expect(answers.slice(LIMITS.perAddress.limit)).toEqual(Array(6).fill("throttled"));
    // Another address is not held back by that one.
    expect(await signIn(DEMO_SIGN_INS.volunteer.email, DEMO_SIGN_INS.volunteer.password, "198.51.100.8")).toBe("signed in");
  });

  it("pause an unknown email after as many tries as a real account, so a pause tells nothing", async () => {
    const tries = async (email: string, prefix: string) => {
      const answers: string[] = [];
      for (let i = 0; i <= MAX_FAILED_SIGN_INS; i++) answers.push(await signIn(email, `guess ${i}`, `${prefix}.${i + 1}`));
      return answers;
    };
    const expected = [...Array(MAX_FAILED_SIGN_INS).fill("wrong"), "paused"];
    expect(await tries("no-such-person@example.org", "203.0.113")).toEqual(expected);
    expect(await tries(DEMO_SIGN_INS.assessor.email, "192.0.2")).toEqual(expected);
  });

  it("keep an idle connection open longer than a reverse proxy would (Node's own default closes it after 5 s)", async () => {
    const agent = new Agent({ keepAlive: true, maxSockets: 1 });
    const ask = () => new Promise<{ status: number; reused: boolean }>((resolve, reject) => {
      const request = get(`${server.url}/login`, { agent }, (response) => {
        response.resume();
        response.on("end", () => resolve({ status: response.statusCode!, reused: request.reusedSocket }));
      });
      request.on("error", reject);
    });
    try {
      expect(await ask()).toEqual({ status: 200, reused: false });
      await new Promise((resolve) => setTimeout(resolve, 6_000));
      expect(await ask()).toEqual({ status: 200, reused: true });
    } finally {
      agent.destroy();
    }
  }, 30_000);

  it("replace a process that dies", async () => {
    const before = workers(server.pid);
    expect(before).toHaveLength(2);
    // The supervisor stops, rather than loops, when a process dies within ten seconds of starting.
    await new Promise((resolve) => setTimeout(resolve, Math.max(0, 10_500 - (performance.now() - startedAt))));
    process.kill(before[0], "SIGKILL");
    const said = "A server process stopped (SIGKILL); starting another.";
    let after: number[] = [];
    // The new process can show in /proc before the supervisor's line has come through its pipe to us.
    for (let i = 0; i < 100 && (after.length < 2 || !server.output().includes(said)); i++) {
      await new Promise((resolve) => setTimeout(resolve, 100));
      after = workers(server.pid).filter((p) => p !== before[0]);
    }
    expect(after).toHaveLength(2);
    expect(server.output()).toContain(said);
    for (let i = 0; i < 20; i++) expect((await fetch(`${server.url}/login`, { signal: AbortSignal.timeout(10_000) })).status).toBe(200);
  }, 60_000);
});
