/**
 * At most `limit` pieces of work at once; the rest wait their turn, first come first served.
 *
 * The server renders pages through one (scripts/server.mjs): a process's one thread renders one
 * page at a time whatever it starts, so letting every request in at once only gave each a slice of
 * the thread, and each its page's data held in memory meanwhile. Under a hundred connections the
 * newest requests' work kept overtaking the oldest's: p50 0.8 s, p95 5.2 s on the demo dashboard.
 */
export function requestGate(limit) {
  if (!(limit >= 1)) throw new RangeError(`A gate lets at least one in (given ${limit})`);
  let inside = 0;
  const waiting = [];
  return async function through(work) {
    if (inside < limit) inside++;
    else await new Promise((resolve) => waiting.push(resolve));
    try {
      return await work();
    } finally {
      // The place passes straight to the next in line, so a newcomer cannot take it first.
      const next = waiting.shift();
      if (next) next();
      else inside--;
    }
  };
}
