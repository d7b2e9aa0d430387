/**
 * The web server: Express in front of the Remix build. It refuses cross-site writes before any
 * action runs, sets the security headers, serves the built assets, and tells the app each
 * request's client address (for rate limits) and its script nonce.
 *
 *   node scripts/server.mjs        (npm start and npm run demo call it; PORT, HOST, TRUST_PROXY)
 */
import { randomBytes } from "node:crypto";
import { createRequestHandler } from "@remix-run/express";
import compression from "compression";
import express from "express";
import morgan from "morgan";
import { allowedOrigins, crossSiteRefusal, securityHeaders } from "./http-guards.mjs";

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
app.use(express.static("public", { maxAge: "1h", setHeaders: (res) => res.set("Cache-Control", "public, max-age=3600") }));
app.use(morgan("tiny"));
// A GET's loaders share what is worked out once per request (who is signed in): see app/utils/request-scope.server.ts.
const { inRequestScope } = build.entry.module;
app.use((req, _res, next) => (req.method === "GET" || req.method === "HEAD" ? inRequestScope(next) : next()));

app.all(
  "*",
  createRequestHandler({
    build,
    mode: process.env.NODE_ENV,
    getLoadContext: (req, res) => ({ clientAddress: req.ip ?? "unknown", nonce: res.locals.nonce }),
  }),
);

const port = Number(process.env.PORT ?? 3000);
const host = process.env.HOST;
const server = host ? app.listen(port, host, listening) : app.listen(port, listening);
function listening() {
  console.log(`Listening on http://${host ?? "localhost"}:${port} (public address ${appUrl})`);
}
for (const signal of ["SIGINT", "SIGTERM"]) process.on(signal, () => server.close(() => process.exit(0)));
