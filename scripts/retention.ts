/**
 * Leavers due for removal, for cron or by hand (see README):
 *   npm run retention              lists, for every centre, who is due and who will be soon
 *   npm run retention -- --remove  removes the personal data of everyone due (audited as this command)
 */
import { prisma } from "~/db.server";
import { removePersonalData, retentionOverview, UPCOMING_DAYS } from "~/modules/people/retention.server";
import { clock } from "~/utils/clock.server";
import { formatUkDate } from "~/utils/dates";

const remove = process.argv.includes("--remove");
const today = clock.today();
try {
  for (const centre of await prisma.centre.findMany({ select: { id: true, name: true }, orderBy: { name: "asc" } })) {
    const overview = await retentionOverview(centre.id, today);
    console.log(`${centre.name}: leavers' records are kept ${overview.years} years. Due for removal: ${overview.due.length}.`);
    for (const person of overview.due) {
      const line = `  ${person.name}, last day ${formatUkDate(person.leftOn)}, due since ${formatUkDate(person.dueOn)}`;
      if (!remove) {
        console.log(line);
        continue;
      }
      const result = await removePersonalData({ id: null, name: "Retention command", centreId: centre.id }, person.id, today);
      console.log(`${line}: ${result.ok ? `personal data removed (${result.auditEntriesRedacted} audit entries redacted)` : `not removed (${result.code})`}`);
    }
    if (overview.upcoming.length) console.log(`  Due in the next ${UPCOMING_DAYS} days: ${overview.upcoming.map((p) => `${p.name} (${formatUkDate(p.dueOn)})`).join(", ")}`);
    if (overview.due.length && !remove) console.log("  Run with --remove to remove their personal data, or use People → Leavers due for removal.");
  }
} finally {
  await prisma.$disconnect();
}
