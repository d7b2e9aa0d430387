import { prisma } from "~/db.server";
import { DEMO_PEOPLE, seedDemo } from "~/modules/demo/demo-data.server";

const added = await seedDemo();
console.log(added ? `Demo data added: ${DEMO_PEOPLE.length} people at Riverside Child Contact Centre.` : "Demo data already present; left as it is.");
await prisma.$disconnect();
