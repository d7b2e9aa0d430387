/**
 * The web server: Express in front of the Remix build. It refuses cross-site writes before any
 * action runs, sets the security headers, serves the built assets, and tells the app each
 * request's client address (for rate limits) and its script nonce.
 *
 * WEB_CONCURRENCY=n (default 1) runs n such processes on one port (Node's cluster), one a core:
 * a process renders one page at a time (it lets two in at once, the rest wait their turn:
 * request-gate.mjs). Everything they share lives in the database (sessions, the limits on
 * guessing, the outbox's claims), and a process that dies is replaced.
 *
 *   node scripts/server.mjs        (npm start and npm run demo call it; PORT, HOST, TRUST_PROXY, WEB_CONCURRENCY)
 */
import cluster from "node:cluster";
import { randomBytes } from "node:crypto";
import { readdir } from "node:fs/promises";
import v8 from "node:v8";

// V8 grows its heap by up to four times what survives each full collection when collecting is
// cheap, and a page's data is short-lived: under ten requests at once the demo's live heap of
// about 45 MB held 200 to 300 MB. Growing by 30% at a time keeps the peak about 100 MB lower for
// the same requests a second (npm run bench:http), without a hard cap that a 5,000-row import
// would hit. V8 reads this flag whenever it sets the next limit; the command line still wins.
if (!process.execArgv.some((flag) => flag.startsWith("--heap-growing-percent"))) v8.setFlagsFromString("--heap-growing-percent=30");

const processes = Math.max(1, Math.floor(Number(process.env.WEB_CONCURRENCY ?? 1)) || 1);

if (processes > 1 && cluster.isPrimary) superviseWorkers(processes);
else await serveApp();

/** The primary process only starts, replaces and stops the workers; it never loads the app. */
function superviseWorkers(count) {
  const startedAt = new Map();
  const start = () => startedAt.set(cluster.fork().id, performance.now());
  for (let i = 0; i < count; i++) start();
  let stopping = false;
  cluster.on("exit", (worker, code, signal) => {
    if (stopping) {
      if (!Object.keys(cluster.workers ?? {}).length) process.exit(0);
      return;
    }
    // One that dies at once (bad configuration, say) would die again: stop rather than loop.
    if (performance.now() - startedAt.get(worker.id) < 10_000) {
      console.error(`A server process stopped as it started (${signal ?? `exit code ${code}`}); stopping.`);
      stopping = true;
      for (const other of Object.values(cluster.workers ?? {})) other?.kill();
      process.exitCode = 1;
      return;
    }
    console.error(`A server process stopped (${signal ?? `exit code ${code}`}); starting another.`);
    start();
  });
  for (const signal of ["SIGINT", "SIGTERM"]) {
    process.on(signal, () => {
      stopping = true;
      for (const worker of Object.values(cluster.workers ?? {})) worker?.process.kill(signal);
    });
  }
}

async function serveApp() {
  const [
    { createRequestHandler }, { default: compression }, { default: express }, { default: morgan },
    { allowedOrigins, crossSiteRefusal, securityHeaders }, { fetchRequest, sendResponse }, { requestGate },
  ] = await Promise.all([
    import("@remix-run/node"), import("compression"), import("express"), import("morgan"),
    import("./http-guards.mjs"), import("./express-to-remix.mjs"), import("./request-gate.mjs"),
  ]);
  const build = await import(new URL("../build/index.js", import.meta.url).href);
  // The app has checked its configuration (APP_URL, secrets) by the time its build has loaded.
  const appUrl = process.env.APP_URL ?? "http://localhost:3000";
  const https = appUrl.startsWith("https:");

  const app = express();
  app.disable("x-powered-by");
  // Behind a reverse proxy, TRUST_PROXY (e.g. 1, or "loopback") lets req.ip be the client's address.
  if (process.env.TRUST_PROXY) app.set("trust proxy", /^\d+$/.test(process.env.TRUST_PROXY) ? Number(process.env.TRUST_PROXY) : process.env.TRUST_PROXY);
  app.use(compression());

  app.use((req, res, next) => {
    res.locals.nonce = randomBytes(16).toString("base64");
    res.set(securityHeaders({ nonce: res.locals.nonce, https }));
    const refusal = crossSiteRefusal(req.method, req.headers, allowedOrigins(appUrl, req.protocol, req.get("host")));
    if (refusal) {
      res.status(403).type("text/plain").send(`Refused: ${refusal} may not change anything here.`);
      return;
    }
    next();
  });

  // Fingerprinted build assets never change; other public files are re-checked hourly.
  app.use(build.publicPath, express.static(build.assetsBuildDirectory, { immutable: true, maxAge: "1y", setHeaders: (res) => res.set("Cache-Control", "public, max-age=31536000, immutable") }));
  // Other public files (the icon, the example spreadsheet) are looked for only under public's own
  // names: looking on disk for every page's path cost each page a failed stat and its error.
  const publicFiles = express.static("public", { maxAge: "1h", setHeaders: (res) => res.set("Cache-Control", "public, max-age=3600") });
  const publicNames = new Set(await readdir("public"));
  app.use((req, res, next) => (publicNames.has(req.path.split("/")[1]) ? publicFiles(req, res, next) : next()));
  app.use(morgan("tiny"));
  // A GET's loaders share what is worked out once per request (who is signed in): see app/utils/request-scope.server.ts.
  const { inRequestScope } = build.entry.module;
  // A page (GET or HEAD) only reads; the rest change things.
  const isPage = (req) => req.method === "GET" || req.method === "HEAD";
  app.use((req, _res, next) => (isPage(req) ? inRequestScope(next) : next()));

  const handleRequest = createRequestHandler(build, process.env.NODE_ENV);
  // Pages (GET and HEAD: their loaders and render, the thread's work) two at a time, in the order
  // asked, so that one slow page does not hold up the rest; see request-gate.mjs. Changes (POST)
  // go straight in: sign-in spends 0.2 s hashing off the thread, and must not keep pages waiting.
  const pageGate = requestGate(2);
  app.all("*", async (req, res, next) => {
    let response;
    try {
      const request = fetchRequest(req, res);
      const context = { clientAddress: req.ip ?? "unknown", nonce: res.locals.nonce };
      if (isPage(req)) {
        // A page whose client has gone by its turn is not worked out.
        response = await pageGate(() => (request.signal.aborted ? null : handleRequest(request, context)));
        if (!response) return;
      } else {
        response = await handleRequest(request, context);
      }
    } catch (error) {
      // A Host header that makes no address is the client's mistake, not the server's.
      if (error?.code === "ERR_INVALID_URL") return void res.status(400).type("text/plain").send("Bad request: the Host header is not a host name.");
      return next(error);
    }
    await sendResponse(res, response);
  });

  const port = Number(process.env.PORT ?? 3000);
  const host = process.env.HOST;
  const server = host ? app.listen(port, host, listening) : app.listen(port, listening);
  // A client may send its next request on a connection just as the server closes it for being
  // idle, and that request is lost (a proxy's 502, a browser's or script's ECONNRESET). Node closes
  // idle connections after 5 s, before a reverse proxy would (nginx keeps them 60 s): keep them longer.
  server.keepAliveTimeout = 65_000;
  server.headersTimeout = 66_000;
  function listening() {
    console.log(`Listening on http://${host ?? "localhost"}:${port} (public address ${appUrl})`);
  }
  for (const signal of ["SIGINT", "SIGTERM"]) process.on(signal, () => server.close(() => process.exit(0)));
}
