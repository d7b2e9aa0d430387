/**
 * Runs a benchmark on built code, not through tsx: `node scripts/bench.mjs compliance` compiles
 * scripts/bench-compliance.ts and the app code it uses with esbuild (production React, the same
 * bundling of rrule as the server build), then runs the result with plain Node.
 *   npm run bench:compliance | bench:rota | bench:reminders | bench:import   (bench:http measures the server)
 * NODE_FLAGS="--cpu-prof" npm run bench:rota passes flags to that Node, e.g. for a CPU profile.
 */
import { build } from "esbuild";
import { readFileSync } from "node:fs";
import { build as buildApp, run, serverEnv } from "./run.mjs";

const name = process.argv[2];
if (!name) {
  console.error("Which benchmark? node scripts/bench.mjs compliance|rota|reminders|import");
  process.exit(2);
}
// The HTTP benchmark measures the built server itself.
if (name === "http") buildApp({ ifStale: true });
const pkg = JSON.parse(readFileSync("package.json", "utf8"));
// Packages stay packages, as in the server build, except rrule (CommonJS whose named exports Node's ESM loader cannot see).
const external = Object.keys({ ...pkg.dependencies, ...pkg.devDependencies }).filter((p) => p !== "rrule").flatMap((p) => [p, `${p}/*`]);
const outfile = `build/bench/${name}.mjs`;
await build({
  entryPoints: [`scripts/bench-${name}.ts`], outfile, bundle: true, platform: "node", format: "esm", target: "node20",
  external: [...external, "node:*"], jsx: "automatic", tsconfig: "tsconfig.json",
  define: { "process.env.NODE_ENV": '"production"' }, logLevel: "warning",
  // Some CommonJS packages bundled into ESM still call require().
  banner: { js: "import { createRequire as __createRequire } from 'node:module'; const require = __createRequire(import.meta.url);" },
});
// With the server's memory settings (its young generation's size, glibc's arenas), so that what
// a benchmark times in one process is what the server would take.
run(process.execPath, [...(process.env.NODE_FLAGS ? process.env.NODE_FLAGS.split(" ") : []), outfile], { env: serverEnv({ ...process.env, NODE_ENV: "production" }) });
