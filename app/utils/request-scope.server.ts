/**
 * Things worked out once per HTTP request. Remix hands each loader its own copy of the Request,
 * so a memo keyed by the Request object misses when the root loader and the page's loader both
 * ask who is signed in. The web server (scripts/server.mjs) runs each GET inside a scope, through
 * the server build's entry module; code outside one (tests calling a loader) gets no memo.
 *
 * Only reads (GET and HEAD) get a scope: a POST's action may change what a later loader of the
 * same request must see (the user it has just updated, say).
 */
import { AsyncLocalStorage } from "node:async_hooks";

const scope = new AsyncLocalStorage<Map<string, unknown>>();

export function inRequestScope<T>(run: () => T): T {
  return scope.run(new Map(), run);
}

/** `make()`'s result, made at most once in the current request's scope (every time outside one). */
export function oncePerRequest<T>(key: string, make: () => T): T {
  const memo = scope.getStore();
  if (!memo) return make();
  if (!memo.has(key)) memo.set(key, make());
  return memo.get(key) as T;
}
