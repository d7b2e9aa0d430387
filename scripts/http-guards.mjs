/**
 * What the web server does before the app sees a request, as plain functions the tests call:
 * refuse cross-site writes, and the security headers every response carries.
 */

const SAFE_METHODS = new Set(["GET", "HEAD", "OPTIONS"]);

/**
 * Why a request must be refused as cross-site (CSRF, login CSRF), or null. Any state-changing
 * request, whatever its path (`?_data`, `.data` and resource routes included), must come from the
 * app's own pages. Browsers that send Sec-Fetch-Site (a header pages cannot forge) are judged by
 * it alone; older ones by their Origin. Requests that carry neither do not come from a browser
 * page, so cannot be forged by one.
 */
export function crossSiteRefusal(method, headers, allowedOrigins) {
  if (SAFE_METHODS.has(method.toUpperCase())) return null;
  const site = headers["sec-fetch-site"];
  if (site) return site === "same-origin" || site === "none" ? null : `a ${site} request`;
  const origin = headers.origin;
  if (origin && !allowedOrigins.includes(origin)) return `a request from ${origin === "null" ? "an opaque origin" : origin}`;
  return null;
}

/** The origins our pages are served from: APP_URL's, and the one this request was addressed to. */
export function allowedOrigins(appUrl, protocol, host) {
  const origins = [new URL(appUrl).origin];
  if (host) origins.push(`${protocol}://${host}`);
  return origins;
}

/**
 * Headers for every response. Pages may run only our own scripts (the one inline script Remix
 * writes carries the request's nonce), cannot be framed, leak no referrer (calendar links carry a
 * secret), and are never cached: they hold personal data.
 */
export function securityHeaders({ nonce, https }) {
  const csp = [
    "default-src 'self'",
    `script-src 'self' 'nonce-${nonce}'`,
    "style-src 'self' 'unsafe-inline'",
    "img-src 'self' data:",
    "font-src 'self'",
    "connect-src 'self'",
    "frame-src 'self'",
    "frame-ancestors 'none'",
    "form-action 'self'",
    "base-uri 'none'",
    "object-src 'none'",
  ].join("; ");
  return {
    "Content-Security-Policy": csp,
    "Referrer-Policy": "same-origin",
    "X-Content-Type-Options": "nosniff",
    "X-Frame-Options": "DENY",
    "Cross-Origin-Opener-Policy": "same-origin",
    "Cross-Origin-Resource-Policy": "same-origin",
    "Permissions-Policy": "camera=(), microphone=(), geolocation=(), payment=()",
    "Cache-Control": "no-store",
    ...(https ? { "Strict-Transport-Security": "max-age=31536000; includeSubDomains" } : {}),
  };
}
