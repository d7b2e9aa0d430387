/**
 * Every request matches its URL against the routes several times (Remix's handler, its data
 * router, the page's render and its manifest), and React Router built each route's regular
 * expression afresh on each try, after flattening and ranking all the routes again: a /login
 * match took 164 us. scripts/patches/@remix-run+router+*.patch compiles each pattern once and
 * ranks each (unchanging) list of routes once: 35 us. npm's postinstall applies it (patch-package).
 */
import { execFileSync } from "node:child_process";
import { describe, expect, it } from "vitest";

/** In a fresh Node (as the server loads the router): how many regular expressions matching builds, and what it finds. */
function matchInChildProcess() {
  const script = `
    const { matchRoutes } = require("@remix-run/router");
    const routes = [{ id: "root", path: "", children: [
      { id: "login", path: "login" },
      { id: "people", path: "people", children: [{ id: "people-index", index: true }, { id: "person", path: ":personId", children: [{ id: "compliance", path: "compliance" }] }] },
      { id: "rota", path: "rota/:rotaId" },
      { id: "splat", path: "*" },
    ] }];
    const urls = ["/login", "/people", "/people/p1/compliance", "/rota/r9", "/nowhere/at/all", "/LOGIN/"];
    for (const url of urls) matchRoutes(routes, url);
    let built = 0, ranked = 0;
    globalThis.RegExp = new Proxy(RegExp, { construct(target, args) { built++; return Reflect.construct(target, args); } });
    const sort = Array.prototype.sort;
    Array.prototype.sort = function (...args) { ranked++; return sort.apply(this, args); };
    const found = {};
    for (let round = 0; round < 50; round++) for (const url of urls) {
      const matches = matchRoutes(routes, url);
      found[url] = matches.map((m) => m.route.id).join(" ") + " " + JSON.stringify(matches.at(-1).params);
    }
    Array.prototype.sort = sort;
    console.log(JSON.stringify({ built, ranked, found }));`;
  return JSON.parse(execFileSync(process.execPath, ["-e", script], { encoding: "utf8" })) as { built: number; ranked: number; found: Record<string, string> };
}

describe("matching a URL to the app's routes", () => {
  const { built, ranked, found } = matchInChildProcess();

  it("compiles each route's pattern once, not on every match", () => {
    // Unpatched, these 300 matches build well over a thousand expressions.
    expect(built).toBe(0);
  });

  it("ranks a list of routes once, not on every match", () => {
    // Unpatched, each of the 300 matches sorts the routes again.
    expect(ranked).toBe(0);
  });

  it("still finds the same routes and parameters", () => {
    expect(found).toEqual({
      "/login": "root login {}",
      "/LOGIN/": "root login {}",
      "/people": "root people people-index {}",
      "/people/p1/compliance": 'root people person compliance {"personId":"p1"}',
      "/rota/r9": 'root rota {"rotaId":"r9"}',
      "/nowhere/at/all": 'root splat {"*":"nowhere/at/all"}',
    });
  });
});
