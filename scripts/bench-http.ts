/**
 * Benchmark (not a test): the built server over HTTP, as a co-ordinator uses it, on the 40-person
 * demo centre and on the same centre with 5,000 more people. For each page: requests a second,
 * median and 95th-percentile time, the median's ratio to a plain SQLite read of the centre's
 * compliance rows, and the server's peak memory under that page's load, after one request alone
 * (timed apart as "first": after 5,000 people arrive it also works out their stored standing);
 * then the first page with ten times the connections; then the server's memory, idle and at its peak.
 *   npm run bench:http            (CONNECTIONS=10 SECONDS=5 PEOPLE=5000 to change; WEB_CONCURRENCY=2 for two server processes)
 * scripts/bench.mjs builds the app first if a source changed. Prints figures, asserts nothing.
 */
import autocannon from "autocannon";
import { spawn } from "node:child_process";
import { readFileSync, writeFileSync } from "node:fs";
import { createServer } from "node:net";
import { performance } from "node:perf_hooks";
import { addDaysIso } from "~/utils/dates";
import { benchDatabase, plainCentreRead, seedBenchPeople } from "./bench-seed";
import { serverEnv } from "./run.mjs";

const CONNECTIONS = Number(process.env.CONNECTIONS ?? 10);
const SECONDS = Number(process.env.SECONDS ?? 5);
const PEOPLE = Number(process.env.PEOPLE ?? 5000);
const PAGES = ["/compliance", "/compliance/matrix", "/people", "/rota", "/my-shifts", "/compliance/matrix.csv"];

const database = benchDatabase("http");
const { prisma } = await import("~/db.server");
const { seedDemo, DEMO_SIGN_INS } = await import("~/modules/demo/demo-data.server");
const { clock } = await import("~/utils/clock.server");

await seedDemo();
const centre = await prisma.centre.findFirstOrThrow();

function freePort(): Promise<number> {
  return new Promise((resolve) => {
    const server = createServer();
    server.listen(0, "127.0.0.1", () => {
      const { port } = server.address() as { port: number };
      server.close(() => resolve(port));
    });
  });
}

const processesOf = (pid: number) => [pid, ...readFileSync(`/proc/${pid}/task/${pid}/children`, "utf8").split(" ").filter(Boolean).map(Number)];

/** Resident and peak memory of the server, from Linux's /proc: with WEB_CONCURRENCY, its processes' sum. */
function memoryOf(pid: number) {
  let rssMb = 0, peakMb = 0;
  for (const each of processesOf(pid)) {
    const status = readFileSync(`/proc/${each}/status`, "utf8");
    const kb = (field: string) => Number(new RegExp(`${field}:\\s+(\\d+)`).exec(status)?.[1] ?? 0);
    rssMb += kb("VmRSS") / 1024;
    peakMb += kb("VmHWM") / 1024;
  }
  return { rssMb, peakMb };
}

/** Linux starts the peak afresh from the present size, so that each page's own peak can be read. */
function resetPeak(pid: number) {
  for (const each of processesOf(pid)) writeFileSync(`/proc/${each}/clear_refs`, "5");
}

async function startServer() {
  const port = await freePort();
  const url = `http://127.0.0.1:${port}`;
  const child = spawn(process.execPath, ["scripts/server.mjs"], {
    env: serverEnv({ ...process.env, PORT: String(port), HOST: "127.0.0.1", NODE_ENV: "production", APP_URL: url }),
    stdio: ["ignore", "ignore", "inherit"],
  });
  for (let i = 0; i < 150; i++) {
    if (await fetch(`${url}/login`).then((r) => r.ok, () => false)) return { url, child };
    await new Promise((r) => setTimeout(r, 200));
  }
  throw new Error("The server did not start");
}

async function signIn(url: string) {
  const response = await fetch(`${url}/login`, {
    method: "POST", redirect: "manual",
    headers: { "Content-Type": "application/x-www-form-urlencoded", Origin: url },
    body: new URLSearchParams({ email: DEMO_SIGN_INS.coordinator.email, password: DEMO_SIGN_INS.coordinator.password, redirectTo: "" }),
  });
  const cookie = response.headers.get("set-cookie")?.split(";")[0];
  if (!cookie) throw new Error(`Could not sign in (${response.status})`);
  return cookie;
}

/**
 * `connections` clients asking for one page back to back for SECONDS, every response read in full
 * and, as a browser asks, gzipped. autocannon rather than fetch: it spends far less of the machine
 * the server shares, and does not unzip what it reads (fetch did, on the core the server's
 * compression and garbage collection threads use). Requests still out at the deadline are not counted.
 */
async function load(url: string, cookie: string, connections = CONNECTIONS) {
  const latencies: number[] = [];
  let failures = 0;
  await new Promise((resolve, reject) => {
    const options = { url, connections, duration: SECONDS, timeout: 30, headers: { Cookie: cookie, "Accept-Encoding": "gzip" } };
    const run = autocannon(options, (error, result) => (error ? reject(error) : resolve(result)));
    run.on("response", (_client, statusCode, _bytes, ms) => {
      latencies.push(ms);
      if (statusCode !== 200) failures++;
    });
    // A dropped connection is a failure to report, not a reason to stop measuring.
    run.on("reqError", (error) => {
      if (!failures++) console.error(`  ${url}: ${error instanceof Error ? error.message : error}`);
    });
  });
  latencies.sort((a, b) => a - b);
  const at = (q: number) => latencies[Math.min(latencies.length - 1, Math.floor(q * latencies.length))];
  return { perSecond: latencies.length / SECONDS, p50: at(0.5), p95: at(0.95), failures };
}

/** The yardstick: the centre's compliance rows read straight from SQLite. */
async function plainRead(centreId: string) {
  const plain = await plainCentreRead(database.file, centreId);
  const times: number[] = [];
  let rows = 0;
  for (let i = 0; i < 7; i++) {
    const start = performance.now();
    rows = plain.read();
    times.push(performance.now() - start);
  }
  plain.close();
  return { rows, ms: times.sort((a, b) => a - b)[3] };
}

async function measure(label: string) {
  const { url, child } = await startServer();
  const cookie = await signIn(url);
  const yardstick = await plainRead(centre.id);
  const idle = memoryOf(child.pid!);
  console.log(`\n${label}: ${await prisma.person.count({ where: { centreId: centre.id } })} people; plain read of their ${yardstick.rows} rows ${yardstick.ms.toFixed(1)} ms`);
  console.log(`${"page".padEnd(24)} ${"first ms".padStart(9)} ${"req/s".padStart(7)} ${"p50 ms".padStart(8)} ${"p95 ms".padStart(8)}  p50 / plain read  peak MB`);
  let peakMb = 0;
  for (const page of PAGES) {
    // Alone and untimed by the load: the first request after the people arrived also works out their stored standing.
    const first = performance.now();
    await fetch(`${url}${page}`, { headers: { Cookie: cookie } }).then((r) => r.arrayBuffer());
    const firstMs = performance.now() - first;
    resetPeak(child.pid!);
    const r = await load(`${url}${page}`, cookie);
    const pagePeakMb = memoryOf(child.pid!).peakMb;
    peakMb = Math.max(peakMb, pagePeakMb);
    const failed = r.failures ? `  (${r.failures} failed)` : "";
    console.log(`${page.padEnd(24)} ${firstMs.toFixed(0).padStart(9)} ${r.perSecond.toFixed(1).padStart(7)} ${r.p50.toFixed(1).padStart(8)} ${r.p95.toFixed(1).padStart(8)}  ${(r.p50 / yardstick.ms).toFixed(1).padStart(6)}x ${pagePeakMb.toFixed(0).padStart(16)}${failed}`);
  }
  // Ten times the clients on the first page: the server lets two pages in at once and queues the
  // rest in order, so the wait grows with the queue for everyone alike (p95 near p50).
  resetPeak(child.pid!);
  const crowd = await load(`${url}${PAGES[0]}`, cookie, CONNECTIONS * 10);
  const crowdPeakMb = memoryOf(child.pid!).peakMb;
  peakMb = Math.max(peakMb, crowdPeakMb);
  console.log(`${PAGES[0]} with ${CONNECTIONS * 10} connections: ${crowd.perSecond.toFixed(1)} req/s, p50 ${crowd.p50.toFixed(0)} ms, p95 ${crowd.p95.toFixed(0)} ms, peak ${crowdPeakMb.toFixed(0)} MB${crowd.failures ? ` (${crowd.failures} failed)` : ""}`);
  console.log(`server memory: ${idle.rssMb.toFixed(0)} MB after start and sign-in, peak ${peakMb.toFixed(0)} MB under load`);
  child.kill();
}

console.log(`Built server (${process.env.WEB_CONCURRENCY ?? 1} process${Number(process.env.WEB_CONCURRENCY ?? 1) > 1 ? "es" : ""}), ${CONNECTIONS} connections, ${SECONDS} s a page, Node ${process.version}`);
await measure("Demo centre");
const today = clock.today();
await seedBenchPeople(prisma, centre.id, {
  people: PEOPLE, today,
  dbsIssuedOn: (i) => addDaysIso(today, -(30 + (i % 1300))),
  trainingOn: (i, n) => (n < 7 ? addDaysIso(today, -((i * 7 + n * 97) % 1200)) : null),
});
await measure(`Demo centre with ${PEOPLE} more people`);

await prisma.$disconnect();
database.remove();
