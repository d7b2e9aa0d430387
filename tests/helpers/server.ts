/** Start the built app (as `npm start` would, through scripts/server.mjs) on a free port against this test file's database. */
import { spawn, type ChildProcess } from "node:child_process";
import { createServer } from "node:net";
import { serverEnv } from "../../scripts/run.mjs";

async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.listen(0, "127.0.0.1", () => {
      const address = server.address();
      server.close(() => (typeof address === "object" && address ? resolve(address.port) : reject(new Error("no port"))));
    });
  });
}

export async function startServer(env: Record<string, string> = {}): Promise<{ url: string; pid: number; stop: () => void; output: () => string }> {
  const port = await freePort();
  let output = "";
  const url = `http://127.0.0.1:${port}`;
  const child: ChildProcess = spawn(process.execPath, ["scripts/server.mjs"], {
    env: serverEnv({ ...process.env, PORT: String(port), HOST: "127.0.0.1", NODE_ENV: "production", APP_URL: url, ...env }),
    stdio: ["ignore", "pipe", "pipe"],
  });
  child.stdout!.on("data", (chunk) => (output += chunk));
  child.stderr!.on("data", (chunk) => (output += chunk));
  const deadline = performance.now() + 30_000;
  while (performance.now() < deadline) {
    if (child.exitCode !== null) throw new Error(`The server stopped at start:\n${output}`);
    const ok = await fetch(`${url}/login`).then((r) => r.ok, () => false);
    if (ok) return { url, pid: child.pid!, stop: () => child.kill(), output: () => output };
    await new Promise((r) => setTimeout(r, 200));
  }
  child.kill();
  throw new Error(`The server did not answer within 30 s:\n${output}`);
}
