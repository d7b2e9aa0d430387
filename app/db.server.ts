/**
 * The one Prisma client, on SQLite through the better-sqlite3 driver adapter.
 *
 * better-sqlite3 gives the process one connection. Left alone, a query from one request could
 * run inside another request's open transaction on that connection (and be rolled back with it),
 * so every query and transaction here takes turns through one gate. Transactions start with
 * BEGIN IMMEDIATE, taking the write lock at once, so a second process (the cron reminder run)
 * waits for it (busy timeout) rather than failing half way. The database runs in WAL mode so
 * readers never block the writer.
 */
import { PrismaClient } from "@prisma/client";
import { PrismaBetterSQLite3 } from "@prisma/adapter-better-sqlite3";
import { env } from "./env.server";

type Adapter = Awaited<ReturnType<PrismaBetterSQLite3["connect"]>>;
type Query = Parameters<Adapter["queryRaw"]>[0];

/** How long a writer waits for another process's write lock before giving up. */
export const BUSY_TIMEOUT_MS = 10_000;

/** A first-come, first-served lock. */
function gate() {
  let tail: Promise<void> = Promise.resolve();
  return async function acquire(): Promise<() => void> {
    let release!: () => void;
    const mine = new Promise<void>((resolve) => (release = resolve));
    const previous = tail;
    tail = previous.then(() => mine);
    await previous;
    return release;
  };
}

function takingTurns(inner: Adapter): Adapter {
  const acquire = gate();
  const exclusive = async <T>(run: () => Promise<T>) => {
    const release = await acquire();
    try {
      return await run();
    } finally {
      release();
    }
  };
  return {
    provider: inner.provider,
    adapterName: inner.adapterName,
    queryRaw: (query: Query) => exclusive(() => inner.queryRaw(query)),
    executeRaw: (query: Query) => exclusive(() => inner.executeRaw(query)),
    executeScript: (script: string) => exclusive(() => inner.executeScript(script)),
    getConnectionInfo: inner.getConnectionInfo?.bind(inner),
    dispose: () => inner.dispose(),
    async startTransaction() {
      const release = await acquire();
      try {
        await inner.executeScript("BEGIN IMMEDIATE");
      } catch (error) {
        release();
        throw error;
      }
      // Prisma sends COMMIT or ROLLBACK through executeRaw, then calls commit() or rollback().
      return {
        provider: inner.provider,
        adapterName: inner.adapterName,
        options: { usePhantomQuery: false },
        queryRaw: (query: Query) => inner.queryRaw(query),
        executeRaw: (query: Query) => inner.executeRaw(query),
        commit: async () => release(),
        rollback: async () => release(),
      };
    },
  } as Adapter;
}

function adapterFactory(url: string) {
  const factory = new PrismaBetterSQLite3({ url, timeout: BUSY_TIMEOUT_MS });
  const connect = factory.connect.bind(factory);
  factory.connect = async () => {
    const inner = await connect();
    await inner.executeScript("PRAGMA journal_mode = WAL; PRAGMA synchronous = NORMAL; PRAGMA foreign_keys = ON;");
    return takingTurns(inner);
  };
  return factory;
}

function createClient() {
  return new PrismaClient({
    adapter: adapterFactory(env().DATABASE_URL),
    // Transactions wait their turn at the gate: allow for a queue under load.
    transactionOptions: { maxWait: 15_000, timeout: 30_000 },
  });
}

// Remix's dev server reloads modules; keep one client per process rather than one per reload.
const globalForPrisma = globalThis as unknown as { prisma?: PrismaClient };
export const prisma = globalForPrisma.prisma ?? createClient();
if (env().NODE_ENV !== "production") globalForPrisma.prisma = prisma;
