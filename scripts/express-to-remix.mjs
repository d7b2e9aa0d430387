/**
 * Between Express and Remix, in place of Remix's Express adapter (see sendResponse for why): an
 * Express request as the Fetch API Request Remix reads, and Remix's Response written back.
 */
import { Readable } from "node:stream";
import { pipeline } from "node:stream/promises";
import { createReadableStreamFromReadable } from "@remix-run/node";

/**
 * The request as Remix reads it, made as Remix's Express adapter makes it, except that a
 * forwarded host's port counts only from a trusted proxy (TRUST_PROXY), as the host does for
 * Express itself, and never mixes with the port the proxy itself was reached on; and a signal
 * that aborts the loaders if the client goes away before the response is complete.
 */
export function fetchRequest(req, res) {
  // The port goes with the host Express names (req.hostname): the forwarded one, from a trusted proxy.
  const fromTrustedProxy = req.app.get("trust proxy fn")(req.socket.remoteAddress, 0);
  const host = (fromTrustedProxy && req.get("X-Forwarded-Host")) || req.get("host") || "";
  const port = /:(\d+)$/.exec(host.split(",")[0].trim())?.[1];
  const url = new URL(`${req.protocol}://${req.hostname}${port ? `:${port}` : ""}${req.originalUrl}`);
  const controller = new AbortController();
  res.on("close", () => {
    if (!res.writableFinished) controller.abort();
  });
  const headers = new Headers();
  for (const [name, values] of Object.entries(req.headers)) {
    if (Array.isArray(values)) for (const value of values) headers.append(name, value);
    else if (values) headers.set(name, values);
  }
  const withBody = req.method !== "GET" && req.method !== "HEAD";
  return new Request(url.href, { method: req.method, headers, signal: controller.signal, ...(withBody ? { body: createReadableStreamFromReadable(req), duplex: "half" } : {}) });
}

/**
 * Why the server does not use Remix's Express adapter: it writes a body as fast as it is made,
 * whatever the connection takes (ten CSV exports of 5,000 people at once queued megabytes each in
 * the server). Piped, an export makes its next batch only as the client takes the last.
 */
export async function sendResponse(res, response) {
  res.statusMessage = response.statusText;
  res.status(response.status);
  for (const [name, value] of response.headers.entries()) res.append(name, value);
  if (!response.body) return void res.end();
  try {
    await pipeline(Readable.fromWeb(response.body), res);
  } catch (error) {
    // A client that goes away mid-download is no fault; a body that fails has said why already.
    if (error?.code !== "ERR_STREAM_PREMATURE_CLOSE") console.error("A response stopped part-way:", error);
  }
}
