/**
 * The daily reminder run, for cron (see README):  npm run reminders   or   npm run reminders -- --dry-run
 * Picks the reminders due, queues them, the weekly summaries and co-ordinators' digests (on the
 * centre's weekday) and shift reminders, then sends whatever is waiting and still worth sending.
 * Running it twice sends nothing twice; a second run while one is going stops and says so.
 */
import { prisma } from "~/db.server";
import { closeTransport } from "~/modules/email/outbox.server";
import { describeRun, runReminders } from "~/modules/reminders/run.server";

const dryRun = process.argv.includes("--dry-run");
try {
  const summary = await runReminders({ dryRun });
  for (const line of describeRun(summary)) console.log(line);
  if (summary.delivery?.failed) process.exitCode = 1;
  if (summary.alreadyRunning) process.exitCode = 75; // EX_TEMPFAIL: try again later
} finally {
  closeTransport();
  await prisma.$disconnect();
}
