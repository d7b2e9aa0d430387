/**
 * Work to do after answering a request, so that how long the answer takes says nothing about it
 * (a "forgotten password" request must not be faster for unknown emails). Tests wait for it.
 */
const pending = new Set<Promise<unknown>>();

export function afterResponse(work: () => Promise<unknown>) {
  const promise = new Promise((resolve) => setImmediate(resolve))
    .then(work)
    .catch((error) => console.error("Background work failed:", error))
    .finally(() => pending.delete(promise));
  pending.add(promise);
}

/** For tests: wait until background work started so far has finished. */
export async function backgroundWorkDone() {
  while (pending.size) await Promise.all([...pending]);
}
