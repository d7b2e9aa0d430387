/**
 * Create the first co-ordinator on a real installation, without touching the database by hand:
 *   npm run create-coordinator -- --centre "Riverside Child Contact Centre" --first Sam --last Patel --email sam@example.org
 * Prints a one-time link where they choose their own password (no password on the command line).
 */
import { parseArgs } from "node:util";
import { prisma } from "~/db.server";
import { createCoordinator } from "~/modules/accounts/setup.server";
import { env } from "~/env.server";

const { values } = parseArgs({
  options: {
    centre: { type: "string" },
    organisation: { type: "string" },
    first: { type: "string" },
    last: { type: "string" },
    email: { type: "string" },
    supervised: { type: "boolean", default: false },
  },
});

const result = await createCoordinator({
  centreName: values.centre,
  organisationName: values.organisation,
  firstName: values.first ?? "",
  lastName: values.last ?? "",
  email: values.email ?? "",
  offersSupervised: values.supervised ?? false,
});
await prisma.$disconnect();
if (!result.ok) {
  console.error(`Could not create the co-ordinator:\n${Object.values(result.errors).map((m) => `  - ${m}`).join("\n")}`);
  process.exit(1);
}
console.log(`Created co-ordinator ${result.name} at ${result.centreName}.
Send them this link to choose a password (works once, for 7 days):
  ${env().APP_URL}/set-password/${result.token}`);
