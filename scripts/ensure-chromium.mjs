/**
 * The browser tests drive Debian's Chromium (no browser download is possible on our machines).
 * Install it with apt when we can (root on Debian, as in CI); otherwise say exactly what to do.
 */
import { existsSync } from "node:fs";
import { spawnSync } from "node:child_process";

const path = process.env.CHROMIUM_PATH ?? "/usr/bin/chromium";
if (existsSync(path)) process.exit(0);

const canApt = process.getuid?.() === 0 && existsSync("/usr/bin/apt-get");
if (!canApt) {
  console.error(`Chromium is needed for the browser tests and was not found at ${path}.
Install it with:  sudo apt-get install -y chromium   (or set CHROMIUM_PATH to a Chromium binary)`);
  process.exit(1);
}
console.log("Installing Debian's chromium for the browser tests (once)...");
for (const args of [["update", "-qq"], ["install", "-y", "-qq", "chromium"]]) {
  const result = spawnSync("apt-get", args, { stdio: "inherit", env: { ...process.env, DEBIAN_FRONTEND: "noninteractive" } });
  if (result.status !== 0) process.exit(result.status ?? 1);
}
