/** Small helpers for the npm scripts: run a command and stop loudly if it fails. */
import { spawnSync, spawn } from "node:child_process";
import { existsSync } from "node:fs";

const bin = (name) => `node_modules/.bin/${name}`;

export function run(command, args, options = {}) {
  const result = spawnSync(command, args, { stdio: "inherit", ...options });
  if (result.status !== 0) {
    console.error(`\n${command} ${args.join(" ")} failed (exit ${result.status}).`);
    process.exit(result.status ?? 1);
  }
}

export function migrate() {
  run(bin("prisma"), ["migrate", "deploy"]);
}

export function build({ ifMissing = false } = {}) {
  if (ifMissing && existsSync("build/index.js")) return;
  run(bin("remix"), ["build"]);
}

/** Serve the built app (scripts/server.mjs); the port comes from PORT (default 3000). */
export function serve() {
  const child = spawn(process.execPath, ["scripts/server.mjs"], { stdio: "inherit", env: process.env });
  for (const signal of ["SIGINT", "SIGTERM"]) process.on(signal, () => child.kill(signal));
  child.on("exit", (code) => process.exit(code ?? 0));
}
