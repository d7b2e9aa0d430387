/** First-run set-up on a real installation: a centre and its first co-ordinator. */
import { z } from "zod";
import { prisma } from "~/db.server";
import { recordAudit } from "~/modules/audit/audit.server";
import { firstErrorPerField, requiredEmail, requiredText } from "~/utils/form";
import { londonToday } from "~/utils/dates";
import { newToken } from "~/modules/auth/password.server";
import { LINK_VALID_DAYS } from "./accounts.server";
import { ensureDefaultCourses } from "~/modules/compliance/compliance.server";
import { clock } from "~/utils/clock.server";

const schema = z.object({
  centreName: z.string().trim().max(150, "The centre name must be 150 characters or fewer").optional(),
  organisationName: z.string().trim().max(150).optional(),
  firstName: requiredText("a first name", 100, "Give the co-ordinator's first name with --first"),
  lastName: requiredText("a last name", 100, "Give the co-ordinator's last name with --last"),
  email: requiredEmail,
  offersSupervised: z.boolean(),
});

export async function createCoordinator(input: z.input<typeof schema>, now = clock.now()) {
  const parsed = schema.safeParse(input);
  if (!parsed.success) return { ok: false as const, errors: firstErrorPerField(parsed.error) };
  const data = parsed.data;

  if (await prisma.user.findUnique({ where: { email: data.email } })) {
    return { ok: false as const, errors: { email: `${data.email} can already sign in` } };
  }
  let centre = data.centreName ? await prisma.centre.findFirst({ where: { name: data.centreName } }) : null;
  if (!centre && !data.centreName) {
    const centres = await prisma.centre.findMany({ take: 2 });
    if (centres.length !== 1) return { ok: false as const, errors: { centreName: "Name the centre with --centre" } };
    centre = centres[0];
  }

  const today = londonToday(now);
  return prisma.$transaction(async (tx) => {
    const theCentre =
      centre ??
      (await tx.centre.create({
        data: {
          name: data.centreName!,
          offersSupervised: data.offersSupervised,
          organisation: { create: { name: data.organisationName || data.centreName! } },
        },
      }));
    await ensureDefaultCourses(tx, theCentre.id);
    const person = await tx.person.create({
      data: {
        centreId: theCentre.id, firstName: data.firstName, lastName: data.lastName, email: data.email,
        status: "active", startedOn: today, roles: { create: { role: "coordinator", startedOn: today } },
      },
    });
    const name = `${data.firstName} ${data.lastName}`;
    const user = await tx.user.create({
      data: { centreId: theCentre.id, personId: person.id, email: data.email, name, accessRole: "coordinator" },
    });
    const { token, tokenHash } = newToken();
    await tx.passwordToken.create({
      data: { userId: user.id, tokenHash, expiresAt: new Date(now.getTime() + LINK_VALID_DAYS * 86_400_000) },
    });
    await recordAudit(tx, { id: null, name: "Set-up command", centreId: theCentre.id }, {
      entityType: "Person", entityId: person.id, personId: person.id, action: "created",
      summary: `Added ${name} as the centre's co-ordinator`,
    });
    return { ok: true as const, name, centreName: theCentre.name, token };
  });
}
