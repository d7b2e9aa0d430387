/** Small builders for real rows in the test database. */
import { prisma } from "~/db.server";
import { hashPassword } from "~/modules/auth/password.server";
import { ensureDefaultCourses } from "~/modules/compliance/compliance.server";
import type { Role, Status } from "~/modules/people/constants";

let counter = 0;
const next = () => ++counter;

/** A centre with the default course catalogue, as every real centre starts. */
export async function createCentre(name = `Centre ${next()}`) {
  return prisma.$transaction(async (tx) => {
    const centre = await tx.centre.create({ data: { name, organisation: { create: { name: `${name} charity` } } } });
    await ensureDefaultCourses(tx, centre.id);
    return centre;
  });
}

export async function createPerson(
  centreId: string,
  options: { firstName?: string; lastName?: string; email?: string | null; roles?: Role[]; status?: Status; startedOn?: string | null; leftOn?: string | null } = {},
) {
  const n = next();
  const startedOn = options.startedOn === undefined ? "2023-01-10" : options.startedOn;
  return prisma.person.create({
    data: {
      centreId,
      firstName: options.firstName ?? `Person${n}`,
      lastName: options.lastName ?? `Test${n}`,
      email: options.email === undefined ? `person${n}@example.org` : options.email,
      status: options.status ?? "active",
      startedOn,
      leftOn: options.leftOn ?? null,
      roles: { create: (options.roles ?? ["volunteer"]).map((role) => ({ role, startedOn: startedOn ?? "2023-01-10" })) },
    },
    include: { roles: true },
  });
}

export const TEST_PASSWORD = "correct horse battery";

export async function createUser(
  centreId: string,
  accessRole: "coordinator" | "volunteer" | "assessor",
  options: { personId?: string; accessEndsOn?: string; email?: string; name?: string; password?: string | null } = {},
) {
  const n = next();
  return prisma.user.create({
    data: {
      centreId,
      accessRole,
      email: options.email ?? `${accessRole}${n}@example.org`,
      name: options.name ?? `${accessRole} ${n}`,
      personId: options.personId ?? null,
      accessEndsOn: options.accessEndsOn ?? (accessRole === "assessor" ? "2999-12-31" : null),
      passwordHash: options.password === null ? null : await hashPassword(options.password ?? TEST_PASSWORD),
    },
  });
}
