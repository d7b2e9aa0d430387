/** The one Prisma client, on SQLite through the better-sqlite3 driver adapter. */
import { PrismaClient } from "@prisma/client";
import { PrismaBetterSQLite3 } from "@prisma/adapter-better-sqlite3";
import { env } from "./env.server";

function createClient() {
  return new PrismaClient({ adapter: new PrismaBetterSQLite3({ url: env().DATABASE_URL }) });
}

// Remix's dev server reloads modules; keep one client per process rather than one per reload.
const globalForPrisma = globalThis as unknown as { prisma?: PrismaClient };
export const prisma = globalForPrisma.prisma ?? createClient();
if (env().NODE_ENV !== "production") globalForPrisma.prisma = prisma;
