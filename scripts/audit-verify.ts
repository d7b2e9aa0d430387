/**
 * `npm run audit:verify`: is the audit log whole? Walks the hash chain from the first entry and
 * says where it breaks, if it does. Exit code 0 when whole, 1 when not.
 */
import { prisma } from "~/db.server";
import { verifyAuditChain } from "~/modules/audit/audit.server";

const result = await verifyAuditChain();
if (result.whole) {
  const asWritten = result.redacted
    ? `each as it was written except ${result.redacted} whose personal data was removed at the end of a retention period (each removal is itself an entry)`
    : "each as it was written";
  console.log(`The audit log is whole: ${result.entries} entries, ${asWritten}.${result.lastHash ? ` Latest entry's hash: ${result.lastHash}` : ""}`);
} else {
  console.error(`The audit log has been tampered with: entry ${result.brokenAt.seq ?? "(before the chain)"} (id ${result.brokenAt.id}): ${result.problem}.`);
}
await prisma.$disconnect();
process.exit(result.whole ? 0 : 1);
