/**
 * What the server loads when it starts. Email rendering (react-email), the password dictionaries
 * (zxcvbn) and all of date-fns together cost about 50 MB and half a second at start-up; each is
 * loaded when first needed instead. The built server (made by the global setup) may only import
 * them lazily, with import().
 */
import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";

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
