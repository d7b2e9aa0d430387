/**
 * The bridge between Express and Remix (scripts/express-to-remix.mjs), on a real HTTP server:
 * a body is made only as fast as the client takes it, arrives whole, and a forwarded host is
 * believed only from a trusted proxy.
 */
import { afterEach, describe, expect, it } from "vitest";
import { connect } from "node:net";
import type { AddressInfo } from "node:net";
import type { Server } from "node:http";
import express from "express";
import { fetchRequest, sendResponse } from "../../scripts/express-to-remix.mjs";

let server: Server | undefined;
afterEach(() => new Promise<void>((resolve) => (server ? server.close(() => resolve()) : resolve())));

async function serve(app: express.Express) {
  server = await new Promise<Server>((resolve) => {
    const listening = app.listen(0, "127.0.0.1", () => resolve(listening));
  });
  return (server.address() as AddressInfo).port;
}

const PIECE = 64 * 1024;
const PIECES = 400; // 25 MB in all: far more than the sockets between client and server hold

/** A body of PIECES pieces, each made only when asked for; counts how many were made. */
function countedBody() {
  const made = { count: 0 };
  const body = new ReadableStream<Uint8Array>({
    pull(controller) {
      if (made.count === PIECES) return controller.close();
      made.count++;
      controller.enqueue(new Uint8Array(PIECE).fill(65 + (made.count % 26)));
    },
  });
  return { made, body };
}

const pause = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

describe("a response's body", () => {
  it("is made only as fast as the client reads it, and arrives whole", async () => {
    const { made, body } = countedBody();
    const port = await serve(express().get("/big", (_req, res) => void sendResponse(res, new Response(body, { headers: { "Content-Type": "text/csv" } }))));
    const socket = connect(port, "127.0.0.1");
    socket.write("GET /big HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\n\r\n");
    socket.pause();
    await pause(500);
    // Unread, the client holds what the sockets' buffers take (a few MB), and the server stops making more.
    const madeWhileUnread = made.count;
    expect(madeWhileUnread).toBeGreaterThan(0);
    expect(madeWhileUnread).toBeLessThan(PIECES / 2);
    await pause(300);
    expect(made.count).toBe(madeWhileUnread);

    let received = 0;
    socket.on("data", (data: Buffer) => (received += data.length));
    socket.resume();
    await new Promise((resolve) => socket.on("end", resolve));
    expect(made.count).toBe(PIECES);
    expect(received).toBeGreaterThan(PIECE * PIECES);
  });

  it("stops being made when the client goes away part-way", async () => {
    const { made, body } = countedBody();
    const port = await serve(express().get("/big", (_req, res) => void sendResponse(res, new Response(body))));
    const socket = connect(port, "127.0.0.1");
    socket.write("GET /big HTTP/1.1\r\nHost: localhost\r\n\r\n");
    socket.pause();
    await pause(300);
    socket.destroy();
    await pause(300);
    const afterLeaving = made.count;
    await pause(300);
    expect(made.count).toBe(afterLeaving);
    expect(afterLeaving).toBeLessThan(PIECES);
  });
});

describe("the request Remix reads", () => {
  async function urlSeen(trustProxy: boolean, headers: Record<string, string>) {
    const app = express();
    if (trustProxy) app.set("trust proxy", "loopback");
    app.get("*", (req, res) => void res.send(fetchRequest(req, res).url));
    const port = await serve(app);
    return { port, url: await (await fetch(`http://127.0.0.1:${port}/rota?week=2`, { headers })).text() };
  }

  it("names the host the client asked for, with its port", async () => {
    const { port, url } = await urlSeen(false, {});
    expect(url).toBe(`http://127.0.0.1:${port}/rota?week=2`);
  });

  it("ignores a forwarded host and protocol unless a trusted proxy sent them", async () => {
    const { port, url } = await urlSeen(false, { "X-Forwarded-Host": "evil.example:8443", "X-Forwarded-Proto": "https" });
    expect(url).toBe(`http://127.0.0.1:${port}/rota?week=2`);
  });

  it("takes the forwarded host, port and protocol from a trusted proxy", async () => {
    const { url } = await urlSeen(true, { "X-Forwarded-Host": "centre.example:8443", "X-Forwarded-Proto": "https" });
    expect(url).toBe("https://centre.example:8443/rota?week=2");
    // No port forwarded: none, not the port the proxy reached this server on.
    expect((await urlSeen(true, { "X-Forwarded-Host": "centre.example", "X-Forwarded-Proto": "https" })).url).toBe("https://centre.example/rota?week=2");
  });

  it("carries a form's body and headers", async () => {
    const app = express();
    app.post("/form", async (req, res) => {
      const request = fetchRequest(req, res);
      res.json({ method: request.method, type: request.headers.get("content-type"), form: Object.fromEntries(await request.formData()) });
    });
    const port = await serve(app);
    const response = await fetch(`http://127.0.0.1:${port}/form`, { method: "POST", body: new URLSearchParams({ name: "Amira Haddad", date: "29/02/2028" }) });
    expect(await response.json()).toEqual({ method: "POST", type: "application/x-www-form-urlencoded;charset=UTF-8", form: { name: "Amira Haddad", date: "29/02/2028" } });
  });
});
