/**
 * What the server loads when it starts. Email rendering (react-email), the password dictionaries
 * (zxcvbn) and all of date-fns together cost about 50 MB and half a second at start-up; each is
 * loaded when first needed instead. The built server (made by the global setup) may only import
 * them lazily, with import().
 */
import { execFileSync } from "node:child_process";
import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { serverEnv } from "../../scripts/run.mjs";

const LAZY = [/^@react-email\//, /^@zxcvbn-ts\//, /^date-fns$/];

describe("the server at start-up", () => {
  it("loads email rendering, password dictionaries and date-fns only when first needed", () => {
    const built = readFileSync("build/index.js", "utf8");
    const eager = [...built.matchAll(/^import\s[^;]*?\sfrom\s"([^"]+)"/gm)].map((m) => m[1]);
    expect(eager.length).toBeGreaterThan(5);
    expect(eager.filter((name) => LAZY.some((pattern) => pattern.test(name)))).toEqual([]);
    const lazy = [...built.matchAll(/import\("([^"]+)"\)/g)].map((m) => m[1]);
    expect(lazy).toEqual(expect.arrayContaining(["@react-email/components", "@react-email/render", "@zxcvbn-ts/core"]));
  });
});

/** The young generation's present size (both semi-spaces) in a Node process started with `env`, after much short-lived garbage. */
function youngGenerationMb(env: NodeJS.ProcessEnv) {
  const script = `
    const v8 = require("node:v8");
    let kept = [];
    for (let i = 0; i < 3e6; i++) { kept.push({ i, list: [i] }); if (kept.length > 20000) kept = []; }
    console.log(v8.getHeapSpaceStatistics().find((s) => s.space_name === "new_space").space_size);`;
  return Number(execFileSync(process.execPath, ["-e", script], { env, encoding: "utf8" })) / 1024 / 1024;
}

/** The server's password check for real (app/modules/auth/password.server.ts; tests themselves use a cheaper one). */
const SCRYPT_OPTIONS = { N: 2 ** 14, r: 8, p: 5, maxmem: 64 * 1024 * 1024 };

/** How much more memory a Node process started with `env` holds after seven password checks (three in turn, four at once), as sign-in makes them. */
function memoryKeptByPasswordChecksMb(env: NodeJS.ProcessEnv) {
  const script = `
    const { scrypt } = require("node:crypto");
    const rss = () => process.memoryUsage().rss / 1048576;
    const check = () => new Promise((ok, no) => scrypt("password", "salt-salt-salt-s", 64, ${JSON.stringify(SCRYPT_OPTIONS)}, (e, key) => (e ? no(e) : ok(key))));
    (async () => {
      const before = rss();
      for (let i = 0; i < 3; i++) await check();
      await Promise.all([check(), check(), check(), check()]);
      console.log(rss() - before);
    })();`;
  return Number(execFileSync(process.execPath, ["-e", script], { env, encoding: "utf8" }));
}

describe("the server's environment (scripts/run.mjs, as npm start, the demo and the benchmarks start it)", () => {
  const withoutOptions = { ...process.env, NODE_OPTIONS: "" };

  it("keeps V8's young generation to two 8 MB semi-spaces, where Node alone lets it grow to two of 16", () => {
    expect(youngGenerationMb(withoutOptions)).toBeGreaterThan(16);
    expect(youngGenerationMb(serverEnv(withoutOptions))).toBeLessThanOrEqual(16);
  });

  it("gives back a password check's 16 MiB when it is done, where glibc alone keeps them", () => {
    const plain: NodeJS.ProcessEnv = { ...withoutOptions, MALLOC_ARENA_MAX: "2" };
    delete plain.MALLOC_MMAP_THRESHOLD_;
    expect(memoryKeptByPasswordChecksMb(plain)).toBeGreaterThan(30);
    expect(memoryKeptByPasswordChecksMb(serverEnv(plain))).toBeLessThan(8);
  });

  it("keeps the NODE_OPTIONS it is given, and a size named there wins", () => {
    expect(serverEnv({ ...process.env, NODE_OPTIONS: "--enable-source-maps" }).NODE_OPTIONS).toBe("--enable-source-maps --max-semi-space-size=8");
    expect(serverEnv({ ...process.env, NODE_OPTIONS: "--max-semi-space-size=32" }).NODE_OPTIONS).toBe("--max-semi-space-size=32");
  });
});
