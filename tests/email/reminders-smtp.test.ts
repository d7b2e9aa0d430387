import { afterAll, beforeAll, describe, expect, it } from "vitest";
import ICAL from "ical.js";
import { prisma } from "~/db.server";
import { runReminders } from "~/modules/reminders/run.server";
import { deliverQueued } from "~/modules/email/outbox.server";
import { queueRotaPublished } from "~/modules/email/notices.server";
import { loader as outboxLoader, action as outboxAction } from "~/routes/outbox._index";
import { action as personAction } from "~/routes/people.$personId._index";
import { addDaysIso, addMonthsIso, daysBetween, formatUkDate } from "~/utils/dates";
import { createCentre, createPerson, createUser } from "../helpers/factories";
import { args, getRequest, postRequest, thrownResponse } from "../helpers/requests";
import { freePort, smtpTransport, startSmtp } from "../helpers/smtp";
import { clock } from "~/utils/clock.server";

const today = clock.today();
let smtp: Awaited<ReturnType<typeof startSmtp>>;
let centreId: string;
let coordinator: Awaited<ReturnType<typeof createUser>>;
let pat: { id: string };

async function cleared(personId: string) {
  await prisma.dbsCheck.create({ data: { personId, level: "enhanced", workforce: "child", certificateNumber: "001234567890", issuedOn: addDaysIso(today, -200), decision: "clear", seenBy: "X", seenOn: addDaysIso(today, -199) } });
  for (const n of [1, 2]) await prisma.reference.create({ data: { personId, refereeName: `R${n}`, relationship: "x", contact: "x", requestedOn: "2023-12-01", receivedOn: "2023-12-10", outcome: "satisfactory" } });
}

/**
 * Safeguarding completed so that it lapses about `daysLeft` days from today: exactly, except that a
 * year after a date is never 29 February, so a target on a leap day comes a day early. Returns
 * the days left and the last day it is in date, as the reminder will say them.
 */
async function safeguardingDueIn(personId: string, daysLeft: number) {
  const course = await prisma.course.findFirstOrThrow({ where: { centreId, kind: "safeguarding" } });
  const completedOn = addMonthsIso(addDaysIso(today, daysLeft), -12);
  await prisma.trainingRecord.create({ data: { personId, courseId: course.id, completedOn, deliveryMethod: "e_learning" } });
  const dueOn = addMonthsIso(completedOn, 12);
  return { days: daysBetween(today, dueOn), by: formatUkDate(dueOn) };
}

let patDue: { days: number; by: string };

beforeAll(async () => {
  smtp = await startSmtp();
  centreId = (await createCentre("Mail Centre")).id;
  coordinator = await createUser(centreId, "coordinator", { name: "Cora Ordinator", email: "cora@example.org" });
  pat = await createPerson(centreId, { firstName: "Pat", lastName: "Reminded", email: "pat@example.org", startedOn: "2024-01-01" });
  await cleared(pat.id);
  patDue = await safeguardingDueIn(pat.id, 30);
});

afterAll(async () => smtp?.stop());

describe("a reminder run over real SMTP", () => {
  it("emails the person about what is due, with the due date, and the co-ordinator their digest", async () => {
    const summary = await runReminders({ centreId, transport: smtpTransport(smtp.port) });
    expect(summary.delivery).toEqual({ sent: 2, failed: 0, held: 0 });
    const { days, by: dueOn } = patDue;
    const toPat = smtp.received.find((m) => m.to && !Array.isArray(m.to) && m.to.value[0].address === "pat@example.org")!;
    expect(toPat.subject).toBe(`Safeguarding refresher: due in ${days} days, by ${dueOn}`);
    expect(toPat.text).toContain(`Due in ${days} days, by ${dueOn}`);
    expect(toPat.text).toContain("Book your annual safeguarding refresher with your co-ordinator.");
    expect(toPat.html).toContain("Safeguarding refresher");
    const toCora = smtp.received.find((m) => m.to && !Array.isArray(m.to) && m.to.value[0].address === "cora@example.org")!;
    expect(toCora.subject).toMatch(/^Week of .*: 0 expired, \d+ due in 90 days, 0 rota gaps$/);
    expect(toCora.text).toContain("Pat Reminded");
  });

  it("sends nothing twice when run again the same day", async () => {
    const before = smtp.received.length;
    const summary = await runReminders({ centreId, transport: smtpTransport(smtp.port) });
    expect(summary).toMatchObject({ remindersQueued: 0, digestsQueued: 0, delivery: { sent: 0, failed: 0 } });
    expect(smtp.received.length).toBe(before);
    expect(await prisma.emailMessage.count({ where: { toEmail: "pat@example.org" } })).toBe(1);
  });

  it("keeps a message as failed while the mail server is down, and sends it once when it is back", async () => {
    const port = await freePort();
    const person = await createPerson(centreId, { firstName: "Owen", lastName: "Outage", email: "owen@example.org", startedOn: "2024-01-01" });
    await cleared(person.id);
    const due = await safeguardingDueIn(person.id, 7);

    const down = await runReminders({ centreId, transport: smtpTransport(port) });
    expect(down.delivery).toMatchObject({ sent: 0, failed: 1 });
    const failed = await prisma.emailMessage.findFirstOrThrow({ where: { toEmail: "owen@example.org" } });
    expect(failed).toMatchObject({ status: "failed", attempts: 1 });
    expect(failed.lastError).toMatch(/ECONNREFUSED|connect/i);

    // Too soon to retry: the back-off holds it.
    expect(await deliverQueued(smtpTransport(port), clock.now())).toEqual({ sent: 0, failed: 0, held: 0 });

    const back = await startSmtp(port);
    try {
      const later = new Date(clock.now().getTime() + 6 * 60_000);
      expect(await deliverQueued(smtpTransport(port), later)).toEqual({ sent: 1, failed: 0, held: 0 });
      expect(await deliverQueued(smtpTransport(port), later)).toEqual({ sent: 0, failed: 0, held: 0 });
      expect(back.received.map((m) => m.subject)).toEqual([`Safeguarding refresher: due in ${due.days} days, by ${due.by}`]);
      expect(await prisma.emailMessage.findUniqueOrThrow({ where: { id: failed.id } })).toMatchObject({ status: "sent", attempts: 2, lastError: null });
    } finally {
      await back.stop();
    }
  });

  it("sends people who chose a weekly summary one email with everything, once a week", async () => {
    const person = await createPerson(centreId, { firstName: "Wendy", lastName: "Weekly", email: "wendy@example.org", startedOn: "2024-01-01" });
    await prisma.person.update({ where: { id: person.id }, data: { reminderMode: "weekly" } });
    await cleared(person.id);
    await safeguardingDueIn(person.id, 20);
    const nacccModule = await prisma.course.findFirstOrThrow({ where: { centreId, kind: "naccc_module" } });
    await prisma.trainingRecord.create({ data: { personId: person.id, courseId: nacccModule.id, completedOn: addMonthsIso(addDaysIso(today, 50), -36), deliveryMethod: "workbook" } });

    const before = smtp.received.length;
    const summary = await runReminders({ centreId, transport: smtpTransport(smtp.port) });
    expect(summary.summariesQueued).toBe(1);
    const mail = smtp.received.slice(before).find((m) => m.subject?.startsWith("Your weekly summary"))!;
    expect(mail.subject).toBe("Your weekly summary: 2 things to renew");
    expect(mail.text).toContain("Safeguarding refresher");
    expect(mail.text).toContain(nacccModule.name);
    const again = await runReminders({ centreId, transport: smtpTransport(smtp.port) });
    expect(again.summariesQueued).toBe(0);
  });

  it("lists what it would send on a dry run, and writes nothing", async () => {
    const person = await createPerson(centreId, { firstName: "Dora", lastName: "Dry", email: "dora@example.org", startedOn: "2024-01-01" });
    await cleared(person.id);
    const due = await safeguardingDueIn(person.id, 60);
    const count = await prisma.emailMessage.count();
    const summary = await runReminders({ centreId, dryRun: true });
    expect(summary.wouldSend).toContainEqual({ to: "dora@example.org", subject: `Safeguarding refresher: due in ${due.days} days, by ${due.by}` });
    expect(summary.delivery).toBeNull();
    expect(await prisma.emailMessage.count()).toBe(count);
  });
});

describe("rota and shift emails over real SMTP", () => {
  it("sends each person on a published rota their shifts with a valid .ics, and a shift reminder two days before", async () => {
    const session = await prisma.contactSession.create({
      data: { centreId, name: "Saturday", location: "Hall", frequency: "weekly", interval: 1, weekdays: "SA", startsOn: today, startTime: "10:00", endTime: "12:30" },
    });
    const rota = await prisma.rota.create({ data: { centreId, startsOn: today, endsOn: addDaysIso(today, 20), status: "published" } });
    const dates = [addDaysIso(today, 1), addDaysIso(today, 15)];
    for (const date of dates) {
      await prisma.shift.create({
        data: {
          rotaId: rota.id, sessionId: session.id, date, startsAt: new Date(`${date}T10:00:00Z`), endsAt: new Date(`${date}T12:30:00Z`),
          coordinatorsNeeded: 0, volunteersNeeded: 1, staffNeeded: 0, assignments: { create: { personId: pat.id, slot: "volunteer" } },
        },
      });
    }
    expect(await queueRotaPublished(prisma, rota.id)).toBe(1);
    expect(await queueRotaPublished(prisma, rota.id)).toBe(0);
    const before = smtp.received.length;
    await runReminders({ centreId, transport: smtpTransport(smtp.port) });
    const mails = smtp.received.slice(before).filter((m) => m.to && !Array.isArray(m.to) && m.to.value[0].address === "pat@example.org");
    const notice = mails.find((m) => m.subject?.startsWith("Your shifts on the rota"))!;
    expect(notice.subject).toBe(`Your shifts on the rota for ${formatUkDate(today)} to ${formatUkDate(addDaysIso(today, 20))} (2)`);
    const ics = notice.attachments.find((a) => a.filename === "shifts.ics")!;
    expect(ics.contentType).toBe("text/calendar");
    const events = new ICAL.Component(ICAL.parse(ics.content.toString("utf8"))).getAllSubcomponents("vevent");
    expect(events.map((e) => new ICAL.Event(e).startDate.toJSDate().toISOString())).toEqual(dates.map((d) => `${d}T10:00:00.000Z`));
    const reminder = mails.find((m) => m.subject?.startsWith("Reminder: Saturday"))!;
    expect(reminder.text).toContain("If you can no longer come");
    expect(reminder.attachments).toHaveLength(1);
  });
});

describe("the outbox when no mail server is configured", () => {
  it("keeps every message, shows them to co-ordinators, and runs reminders from a button", async () => {
    const person = await createPerson(centreId, { firstName: "Ivy", lastName: "Invited", email: "ivy@example.org" });
    await personAction(args(await postRequest(`/people/${person.id}`, { intent: "invite", accessRole: "volunteer" }, coordinator), { personId: person.id }));
    const invitation = await prisma.emailMessage.findFirstOrThrow({ where: { toEmail: "ivy@example.org" } });
    expect(invitation).toMatchObject({ template: "invitation", status: "queued", subject: "You are invited to Mail Centre's rota and compliance app" });
    expect(invitation.text).toMatch(/http:\/\/localhost:3000\/set-password\/[\w-]{30,}/);

    const page = await outboxLoader(args(await getRequest("/outbox", coordinator)));
    expect(page.smtpConfigured).toBe(false);
    expect(page.messages.map((m) => m.subject)).toContain(invitation.subject);
    const result = await outboxAction(args(await postRequest("/outbox", { intent: "run" }, coordinator)));
    expect(result.lines.at(-1)).toMatch(/^No mail server configured \(SMTP_URL\): \d+ message\(s\) kept in the outbox$/);
    expect((await prisma.emailMessage.findUniqueOrThrow({ where: { id: invitation.id } })).status).toBe("queued");
  });

  it("is for co-ordinators only", async () => {
    for (const role of ["assessor", "volunteer"] as const) {
      const user = await createUser(centreId, role);
      expect((await thrownResponse(async () => outboxLoader(args(await getRequest("/outbox", user))))).status).toBe(403);
      expect((await thrownResponse(async () => outboxAction(args(await postRequest("/outbox", { intent: "run" }, user))))).status).toBe(403);
    }
  });
});
