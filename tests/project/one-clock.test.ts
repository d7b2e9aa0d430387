/**
 * "Now" comes from one clock (app/utils/clock.server.ts). Anything else that reads the wall
 * clock would make a result depend on the day it is computed, and a test on the day it runs.
 */
import { readdirSync, readFileSync, statSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";

const ALLOWED = new Set([
  "app/utils/clock.server.ts",
  // Test infrastructure that sets the run's clock from the real one.
  "tests/setup/global-setup.ts",
  "tests/setup/shifted-clock.mjs",
  "scripts/test-later.mjs",
]);

function sourceFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (name === "node_modules" || name.startsWith(".")) return [];
    return statSync(path).isDirectory() ? sourceFiles(path) : /\.(tsx?|mjs|js)$/.test(name) ? [path] : [];
  });
}

// Built from parts so that this file does not match itself.
const WALL_CLOCK = new RegExp(["new Date\\(\\s*\\)", "Date\\.now\\(\\)"].join("|"));

describe("one clock", () => {
  it("is the only place the app, its scripts and its tests read the wall clock", () => {
    const offenders = ["app", "emails", "scripts", "tests"]
      .flatMap(sourceFiles)
      .filter((file) => !ALLOWED.has(file))
      .flatMap((file) =>
        readFileSync(file, "utf8")
          .split("\n")
          .map((line, i) => ({ where: `${file}:${i + 1}`, line: line.trim() }))
          .filter(({ line }) => WALL_CLOCK.test(line)),
      );
    expect(offenders).toEqual([]);
  });
});

describe("the run's clock", () => {
  it("reads 10:00 or a little after in London, on the run's day (TEST_TODAY when set)", async () => {
    const { clock } = await import("~/utils/clock.server");
    const { formatLondonTime } = await import("~/utils/dates");
    if (process.env.TEST_TODAY) expect(clock.today()).toBe(process.env.TEST_TODAY);
    const time = formatLondonTime(clock.now());
    expect(time >= "10:00" && time < "11:00").toBe(true);
  });
});
