/// <reference types="@remix-run/dev" />
/// <reference types="@remix-run/node" />

export {};

declare module "@remix-run/node" {
  // Single fetch (remix.config.js): loader and action types as single fetch sends them.
  interface Future {
    v3_singleFetch: true;
  }
  interface AppLoadContext {
    /** The client's address (for rate limits), from the web server; absent in tests that call routes directly. */
    clientAddress?: string;
    /** This request's script nonce, for the Content-Security-Policy. */
    nonce?: string;
  }
}
