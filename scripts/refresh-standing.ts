/**
 * Works out stored standing for everyone marked stale, before the server starts (`npm start` runs
 * this after migrating). A migration that changes what is stored marks everyone stale; without
 * this, the first page to read standing after an upgrade works out the whole centre while its user
 * waits (about 10 s at 5,000 people). Anything it leaves stale is still worked out on first read.
 */
import { prisma } from "~/db.server";
import { refreshStanding } from "~/modules/compliance/standing.server";

try {
  let total = 0;
  for (const centre of await prisma.centre.findMany({ where: { people: { some: { standingStale: true } } }, select: { id: true, name: true } })) {
    const people = await refreshStanding(centre.id);
    total += people;
    console.log(`${centre.name}: stored standing worked out for ${people} ${people === 1 ? "person" : "people"}.`);
  }
  if (!total) console.log("Stored standing is up to date.");
} finally {
  await prisma.$disconnect();
}
