/**
 * Renders the whole document before sending it: our pages are small, must work without
 * JavaScript, and a complete response is simplest for screen readers and printing alike.
 */
import { Writable } from "node:stream";
import type { AppLoadContext, EntryContext } from "@remix-run/node";
import { RemixServer } from "@remix-run/react";
import { renderToPipeableStream } from "react-dom/server";
import { NonceContext } from "~/components/nonce";

// The web server runs each GET in a request scope (see request-scope.server.ts).
export { inRequestScope } from "~/utils/request-scope.server";

const ABORT_DELAY = 5_000;

export default function handleRequest(
  request: Request,
  responseStatusCode: number,
  responseHeaders: Headers,
  remixContext: EntryContext,
  loadContext: AppLoadContext,
) {
  // The web server (scripts/server.mjs) sets the security headers, including the CSP this nonce is for.
  const nonce = loadContext.nonce;
  return new Promise<Response>((resolve, reject) => {
    let shellRendered = false;
    // Cleared once the page is out: a pending timer would keep this request's data (its loaders'
    // results, the render) alive for the full five seconds, under load hundreds of pages' worth.
    const abortTimer = setTimeout(() => abort(), ABORT_DELAY);
    const { pipe, abort } = renderToPipeableStream(
      <NonceContext.Provider value={nonce}>
        <RemixServer context={remixContext} url={request.url} abortDelay={ABORT_DELAY} nonce={nonce} />
      </NonceContext.Provider>,
      {
        nonce,
        onAllReady() {
          shellRendered = true;
          responseHeaders.set("Content-Type", "text/html; charset=utf-8");
          pipe(wholeDocument((document) => {
            clearTimeout(abortTimer);
            resolve(new Response(document, { headers: responseHeaders, status: responseStatusCode }));
          }));
        },
        onShellError(error: unknown) {
          clearTimeout(abortTimer);
          reject(error);
        },
        onError(error: unknown) {
          responseStatusCode = 500;
          if (shellRendered) console.error(error);
        },
      },
    );
  });
}

/**
 * React writes a page in pieces of about 2 KB; sent as they come, each piece went on through the
 * compression stream and the thread pool alone (a 50 KB page made some thirty trips). Everything
 * is ready by now (onAllReady), so the page goes out as one buffer.
 */
function wholeDocument(done: (document: Uint8Array<ArrayBuffer>) => void) {
  const pieces: Buffer[] = [];
  return new Writable({
    // A Writable hands its write() Buffers, whatever React passed in.
    write(piece: Buffer, _encoding, next) {
      pieces.push(piece);
      next();
    },
    final(next) {
      // Buffer.concat always makes a new, plain ArrayBuffer (never a shared one).
      done(Buffer.concat(pieces) as Uint8Array<ArrayBuffer>);
      next();
    },
  });
}
