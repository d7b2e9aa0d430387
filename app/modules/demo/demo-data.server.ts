/**
 * A believable supported-and-supervised centre: 40 people across every role and status, with
 * dates relative to today so the demo stays realistic whenever it is run.
 */
import { prisma } from "~/db.server";
import { hashPassword } from "~/modules/auth/password.server";
import { addDaysIso, londonToday, type IsoDate } from "~/utils/dates";
import type { Role, Status } from "~/modules/people/constants";
import { ensureDefaultCourses } from "~/modules/compliance/compliance.server";
import { initialStatusChanges } from "~/modules/people/status";
import { recordAudit } from "~/modules/audit/audit.server";
import { WEEKDAYS } from "~/modules/rota/recurrence";
import { seedDemoCompliance } from "./demo-compliance.server";
import { seedDemoRota } from "./demo-rota.server";
import { runReminders } from "~/modules/reminders/run.server";
import { clock } from "~/utils/clock.server";

export const DEMO_SIGN_INS = {
  coordinator: { email: "coordinator@example.org", password: "demo-coordinator" },
  volunteer: { email: "volunteer@example.org", password: "demo-volunteer" },
  assessor: { email: "assessor@example.org", password: "demo-assessor" },
} as const;

type DemoPerson = {
  first: string;
  last: string;
  roles: Role[];
  status: Status;
  /** Days before today that they started (absent: not started yet). */
  startedDaysAgo?: number;
  leftDaysAgo?: number;
  email?: string;
  phone?: string;
  conflictNote?: string;
  /** An earlier role they held until they took on `roles`, and when they switched. */
  previously?: { roles: Role[]; switchedDaysAgo: number };
};

const Y = 365;

export const DEMO_PEOPLE: DemoPerson[] = [
  { first: "Sam", last: "Patel", roles: ["coordinator"], status: "active", startedDaysAgo: 6 * Y, email: DEMO_SIGN_INS.coordinator.email, phone: "01632 960 101" },
  { first: "Gareth", last: "Hughes", roles: ["deputy_coordinator"], status: "active", startedDaysAgo: 4 * Y, previously: { roles: ["volunteer"], switchedDaysAgo: 240 }, phone: "07700 900 102" },
  { first: "Priya", last: "Sharma", roles: ["deputy_coordinator", "staff"], status: "active", startedDaysAgo: 3 * Y + 40 },
  { first: "Ruth", last: "Okafor", roles: ["volunteer"], status: "active", startedDaysAgo: 3 * Y + 20, email: DEMO_SIGN_INS.volunteer.email, phone: "07700 900 104" },
  { first: "Margaret", last: "Ellis", roles: ["volunteer"], status: "active", startedDaysAgo: 11 * Y },
  { first: "David", last: "Thompson", roles: ["volunteer"], status: "active", startedDaysAgo: 9 * Y },
  { first: "Aisha", last: "Rahman", roles: ["volunteer"], status: "active", startedDaysAgo: 5 * Y },
  { first: "Tom", last: "Fletcher", roles: ["volunteer"], status: "active", startedDaysAgo: 4 * Y + 100 },
  { first: "Jean", last: "McAllister", roles: ["volunteer"], status: "active", startedDaysAgo: 7 * Y },
  { first: "Oluwaseun", last: "Adeyemi", roles: ["volunteer"], status: "active", startedDaysAgo: 2 * Y },
  { first: "Claire", last: "Whitfield", roles: ["volunteer"], status: "active", startedDaysAgo: 3 * Y - 30 },
  { first: "Peter", last: "Nowak", roles: ["volunteer"], status: "active", startedDaysAgo: Y + 200 },
  { first: "Helen", last: "Carter", roles: ["volunteer"], status: "active", startedDaysAgo: Y + 90 },
  { first: "Michael", last: "Byrne", roles: ["volunteer"], status: "active", startedDaysAgo: 8 * Y },
  { first: "Fatima", last: "Begum", roles: ["volunteer"], status: "active", startedDaysAgo: 300 },
  { first: "Robert", last: "Jenkins", roles: ["volunteer"], status: "active", startedDaysAgo: 2 * Y + 150 },
  { first: "Susan", last: "Price", roles: ["volunteer"], status: "active", startedDaysAgo: 6 * Y + 60 },
  { first: "Daniel", last: "Kowalski", roles: ["volunteer"], status: "active", startedDaysAgo: 180 },
  { first: "Grace", last: "Mensah", roles: ["volunteer"], status: "active", startedDaysAgo: 120 },
  { first: "Ian", last: "Robertson", roles: ["volunteer"], status: "active", startedDaysAgo: 10 * Y },
  { first: "Linda", last: "Hall", roles: ["volunteer", "trustee"], status: "active", startedDaysAgo: 12 * Y },
  { first: "Mark", last: "Davies", roles: ["volunteer"], status: "active", startedDaysAgo: 3 * Y },
  { first: "Natalie", last: "Green", roles: ["volunteer"], status: "active", startedDaysAgo: 400 },
  { first: "Chris", last: "Morgan", roles: ["volunteer"], status: "active", startedDaysAgo: 5 * Y + 10, conflictNote: "Started using the centre for contact with his own children in the spring; agreed he steps back from volunteering until that ends." },
  { first: "Bethan", last: "Lloyd", roles: ["staff"], status: "active", startedDaysAgo: 3 * Y, phone: "07700 900 125" },
  { first: "Kwame", last: "Asante", roles: ["staff"], status: "active", startedDaysAgo: Y + 30 },
  { first: "Rachel", last: "Stein", roles: ["staff"], status: "active", startedDaysAgo: 200 },
  { first: "Philip", last: "Ward", roles: ["trustee"], status: "active", startedDaysAgo: 6 * Y },
  { first: "Anne", last: "Fitzgerald", roles: ["trustee"], status: "active", startedDaysAgo: 4 * Y },
  { first: "Jonathan", last: "Reid", roles: ["trustee"], status: "active", startedDaysAgo: 2 * Y },
  { first: "Emma", last: "Walsh", roles: ["volunteer"], status: "applicant" },
  { first: "Yusuf", last: "Ali", roles: ["volunteer"], status: "applicant" },
  { first: "Sophie", last: "Turner", roles: ["volunteer"], status: "applicant", startedDaysAgo: -21 },
  { first: "Liam", last: "O'Connor", roles: ["staff"], status: "applicant" },
  { first: "Brenda", last: "Hughes", roles: ["volunteer"], status: "paused", startedDaysAgo: 7 * Y + 50 },
  { first: "Kevin", last: "Shaw", roles: ["volunteer"], status: "paused", startedDaysAgo: 2 * Y + 10 },
  { first: "Patricia", last: "Moore", roles: ["volunteer"], status: "left", startedDaysAgo: 9 * Y, leftDaysAgo: 200 },
  { first: "George", last: "Bailey", roles: ["volunteer"], status: "left", startedDaysAgo: 3 * Y, leftDaysAgo: 60 },
  { first: "Zara", last: "Khan", roles: ["staff"], status: "left", startedDaysAgo: 2 * Y, leftDaysAgo: Y },
  { first: "Alan", last: "Pritchard", roles: ["trustee"], status: "left", startedDaysAgo: 8 * Y, leftDaysAgo: 2 * Y },
  // Past the centre's six years' retention (due for removal), and nearly so (due within weeks).
  { first: "Maureen", last: "Oakley", roles: ["volunteer"], status: "left", startedDaysAgo: 12 * Y, leftDaysAgo: 7 * Y },
  { first: "Derek", last: "Fenwick", roles: ["volunteer"], status: "left", startedDaysAgo: 10 * Y, leftDaysAgo: 6 * Y - 40 },
];

function emailFor(person: DemoPerson) {
  return person.email ?? `${person.first}.${person.last}`.toLowerCase().replace(/[^a-z.]/g, "") + "@example.org";
}

/** Fills an empty database; returns false (and changes nothing) if there is already a centre. */
export async function seedDemo(now = clock.now()): Promise<boolean> {
  if ((await prisma.centre.count()) > 0) return false;
  const today = londonToday(now);
  const ago = (days: number | undefined): IsoDate | null => (days === undefined ? null : addDaysIso(today, -days));

  const centre = await prisma.centre.create({
    data: {
      name: "Riverside Child Contact Centre",
      offersSupported: true,
      offersSupervised: true,
      // Weekly summaries and digests go out on the day the demo is made, so its outbox has one to read.
      summaryWeekday: WEEKDAYS[(new Date(`${today}T12:00:00Z`).getUTCDay() + 6) % 7],
      organisation: { create: { name: "Riverside Family Support" } },
    },
  });

  await ensureDefaultCourses(prisma, centre.id);
  const personIds = new Map<string, string>();
  const records: Parameters<typeof seedDemoCompliance>[1] = [];
  for (const [index, demo] of DEMO_PEOPLE.entries()) {
    const startedOn = ago(demo.startedDaysAgo);
    const rolesFrom = startedOn ?? today;
    const roleRows = demo.previously
      ? [
          ...demo.previously.roles.map((role) => ({ role, startedOn: rolesFrom, endedOn: ago(demo.previously!.switchedDaysAgo + 1) })),
          ...demo.roles.map((role) => ({ role, startedOn: ago(demo.previously!.switchedDaysAgo)! })),
        ]
      : demo.roles.map((role) => ({ role, startedOn: rolesFrom }));
    const person = await prisma.person.create({
      data: {
        centreId: centre.id,
        firstName: demo.first,
        lastName: demo.last,
        email: emailFor(demo),
        phone: demo.phone ?? null,
        status: demo.status,
        startedOn,
        leftOn: ago(demo.leftDaysAgo),
        usesCentreForOwnFamily: Boolean(demo.conflictNote),
        conflictNote: demo.conflictNote ?? null,
        roles: { create: roleRows },
        statusChanges: { create: initialStatusChanges({ status: demo.status, startedOn, leftOn: ago(demo.leftDaysAgo) }, today) },
      },
    });
    personIds.set(emailFor(demo), person.id);
    records.push({ personId: person.id, first: demo.first, status: demo.status, startedDaysAgo: demo.startedDaysAgo, index });
  }
  const courses = await prisma.course.findMany({ where: { centreId: centre.id } });
  await prisma.$transaction((tx) => seedDemoCompliance(tx, records, courses, today), { timeout: 60_000 });

  const signIn = async (accessRole: string, name: string, email: string, password: string, extra: object = {}) =>
    prisma.user.create({
      data: { centreId: centre.id, accessRole, name, email, passwordHash: await hashPassword(password), ...extra },
    });
  const coordinator = await signIn("coordinator", "Sam Patel", DEMO_SIGN_INS.coordinator.email, DEMO_SIGN_INS.coordinator.password, {
    personId: personIds.get(DEMO_SIGN_INS.coordinator.email),
  });
  await signIn("volunteer", "Ruth Okafor", DEMO_SIGN_INS.volunteer.email, DEMO_SIGN_INS.volunteer.password, {
    personId: personIds.get(DEMO_SIGN_INS.volunteer.email),
  });
  await signIn("assessor", "Dr Helen Price (NACCC assessor)", DEMO_SIGN_INS.assessor.email, DEMO_SIGN_INS.assessor.password, {
    accessEndsOn: addDaysIso(today, 60),
  });

  await prisma.$transaction((tx) =>
    recordAudit(tx, { id: coordinator.id, name: "Sam Patel", centreId: centre.id }, {
      entityType: "Centre", entityId: centre.id, action: "created", summary: `Imported ${DEMO_PEOPLE.length} people from the centre's spreadsheet`,
    }),
  );
  await seedDemoRota({ id: coordinator.id, name: "Sam Patel", centreId: centre.id }, today, personIds.get(DEMO_SIGN_INS.volunteer.email)!, now);
  // Today's reminder run, so the outbox shows real reminders, the digest and shift reminders.
  await runReminders({ now, centreId: centre.id, transport: null });
  return true;
}
