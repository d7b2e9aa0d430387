/**
 * A lock with an expiry in the database, so that a cron run and a co-ordinator's button (or two
 * cron runs) never overlap. A run that died leaves a lock that expires on its own.
 */
import { randomUUID } from "node:crypto";
import { prisma } from "~/db.server";

/** Long enough for any run; a crashed run's lock is taken over after this. */
export const LOCK_MS = 30 * 60 * 1000;

export async function withJobLock<T>(name: string, now: Date, run: () => Promise<T>): Promise<{ ran: true; result: T } | { ran: false; heldSince: Date }> {
  const holder = randomUUID();
  const taken = await prisma.$transaction(async (tx) => {
    const current = await tx.jobLock.findUnique({ where: { name } });
    if (current && current.expiresAt > now) return current;
    await tx.jobLock.upsert({
      where: { name },
      create: { name, holder, acquiredAt: now, expiresAt: new Date(now.getTime() + LOCK_MS) },
      update: { holder, acquiredAt: now, expiresAt: new Date(now.getTime() + LOCK_MS) },
    });
    return null;
  });
  if (taken) return { ran: false, heldSince: taken.acquiredAt };
  try {
    return { ran: true, result: await run() };
  } finally {
    await prisma.jobLock.deleteMany({ where: { name, holder } });
  }
}
