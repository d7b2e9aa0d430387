/**
 * The daily reminder run, for cron (see README):  npm run reminders   or   npm run reminders -- --dry-run
 * Picks the reminders due, queues them, the co-ordinators' weekly digests and shift reminders,
 * then sends whatever is queued (retrying earlier failures). Running it twice sends nothing twice.
 */
import { prisma } from "~/db.server";
import { describeRun, runReminders } from "~/modules/reminders/run.server";

const dryRun = process.argv.includes("--dry-run");
const summary = await runReminders({ dryRun });
for (const line of describeRun(summary)) console.log(line);
await prisma.$disconnect();
if (summary.delivery?.failed) process.exitCode = 1;
