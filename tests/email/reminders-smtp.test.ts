/**
 * Reminder runs through a real SMTP server on 127.0.0.1: what is due goes once, rendered on the
 * day it leaves; nothing stale leaves after weeks without a mail server; every email says how to
 * change or stop it; the weekly summary lists everything; runs never overlap; a mail server that
 * never answers does not hold a run up.
 */
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from "vitest";
import ICAL from "ical.js";
import { createServer, type Server } from "node:net";
import { prisma } from "~/db.server";
import { describeRun, runReminders } from "~/modules/reminders/run.server";
import { deliverQueued, queueEmail } from "~/modules/email/outbox.server";
import { queueRotaPublished } from "~/modules/email/notices.server";
import { withJobLock } from "~/modules/reminders/job-lock.server";
import { weekOf } from "~/modules/reminders/select";
import { loader as outboxLoader, action as outboxAction } from "~/routes/outbox._index";
import { action as stopAction } from "~/routes/email.$token_.stop.$kind";
import { addDaysIso, addMonthsIso, daysBetween, formatUkDate, londonInstant, parseUkDate } from "~/utils/dates";
import { clock } from "~/utils/clock.server";
import { createCentre, createPerson, createUser } from "../helpers/factories";
import { args, getRequest, postRequest, thrownResponse } from "../helpers/requests";
import { freePort, smtpTransport, startSmtp } from "../helpers/smtp";

const today = clock.today();
let smtp: Awaited<ReturnType<typeof startSmtp>>;

beforeAll(async () => {
  smtp = await startSmtp();
});
afterAll(async () => smtp?.stop());
afterEach(() => vi.useRealTimers());

/** A header as sent (mailparser folds List-* headers into an object). */
const header = (mail: { headerLines: readonly { key: string; line: string }[] }, name: string) =>
  mail.headerLines.find((h) => h.key === name)?.line.replace(/^[^:]+:\s*/, "") ?? null;

const mailTo = (address: string, from = 0) => smtp.received.slice(from).filter((m) => m.to && !Array.isArray(m.to) && m.to.value[0].address === address);

async function clearedPerson(centreId: string, firstName: string, email: string) {
  const person = await createPerson(centreId, { firstName, lastName: "Test", email, startedOn: "2024-01-01" });
  await prisma.dbsCheck.create({ data: { personId: person.id, level: "enhanced", workforce: "child", certificateNumber: "001234567890", issuedOn: addDaysIso(today, -200), decision: "clear", seenBy: "X", seenOn: addDaysIso(today, -199) } });
  for (const n of [1, 2]) await prisma.reference.create({ data: { personId: person.id, refereeName: `R${n}`, relationship: "x", contact: "x", requestedOn: "2023-12-01", receivedOn: "2023-12-10", outcome: "satisfactory" } });
  return person;
}

/**
 * Safeguarding completed so that it lapses about `daysLeft` days from today: exactly, except that a
 * year after a date is never 29 February, so a target on a leap day comes a day early. Returns
 * the days left and the last day it is in date, as the reminder will say them.
 */
async function safeguardingDueIn(centreId: string, personId: string, daysLeft: number) {
  const course = await prisma.course.findFirstOrThrow({ where: { centreId, kind: "safeguarding" } });
  const completedOn = addMonthsIso(addDaysIso(today, daysLeft), -12);
  await prisma.trainingRecord.create({ data: { personId, courseId: course.id, completedOn, deliveryMethod: "e_learning" } });
  const dueOn = addMonthsIso(completedOn, 12);
  return { days: daysBetween(today, dueOn), by: formatUkDate(dueOn) };
}

/** A published rota of Saturday shifts for a person, `dates` away from today. */
async function shiftsFor(centreId: string, personId: string, offsets: number[]) {
  const session = await prisma.contactSession.create({
    data: { centreId, name: "Saturday", location: "Hall", frequency: "weekly", interval: 1, weekdays: "SA", startsOn: addDaysIso(today, -30), startTime: "10:00", endTime: "12:30" },
  });
  const dates = offsets.map((d) => addDaysIso(today, d));
  const rota = await prisma.rota.create({ data: { centreId, startsOn: today, endsOn: addDaysIso(today, Math.max(...offsets)), status: "published" } });
  for (const date of dates) {
    await prisma.shift.create({
      data: {
        rotaId: rota.id, sessionId: session.id, date, startsAt: londonInstant(date, "10:00"), endsAt: londonInstant(date, "12:30"),
        coordinatorsNeeded: 0, volunteersNeeded: 1, staffNeeded: 0, assignments: { create: { personId, slot: "volunteer" } },
      },
    });
  }
  return { rota, dates };
}

/** Move the one clock to `date` at ten in the morning, London time. */
function setToday(date: string) {
  vi.useFakeTimers({ toFake: ["Date"], now: londonInstant(date, "10:00") });
}

describe("a reminder run over real SMTP", () => {
  let centreId: string;
  let pat: { id: string };
  let patDue: { days: number; by: string };

  beforeAll(async () => {
    centreId = (await createCentre("Mail Centre")).id;
    // Digests and weekly summaries go out today.
    await prisma.centre.update({ where: { id: centreId }, data: { summaryWeekday: ["SU", "MO", "TU", "WE", "TH", "FR", "SA"][new Date(`${today}T12:00:00Z`).getUTCDay()] } });
    await createUser(centreId, "coordinator", { name: "Cora Ordinator", email: "cora@example.org" });
    pat = await clearedPerson(centreId, "Pat", "pat@example.org");
    patDue = await safeguardingDueIn(centreId, pat.id, 30);
  });

  it("emails the person about what is due, with the due date, and the co-ordinator their digest", async () => {
    const summary = await runReminders({ centreId, transport: smtpTransport(smtp.port) });
    expect(summary.delivery).toMatchObject({ sent: 2, failed: 0 });
    const [toPat] = mailTo("pat@example.org");
    expect(toPat.subject).toBe(`Safeguarding refresher: due in ${patDue.days} days, by ${patDue.by}`);
    expect(toPat.text).toContain(`Due in ${patDue.days} days, by ${patDue.by}`);
    expect(toPat.text).toContain("Book your annual safeguarding refresher with your co-ordinator.");
    const [toCora] = mailTo("cora@example.org");
    expect(toCora.subject).toMatch(/^Week of .*: 0 expired, \d+ due in 90 days, 0 rota gaps$/);
    expect(toCora.text).toContain("Pat Test");
  });

  it("sends nothing twice when run again the same day", async () => {
    const before = smtp.received.length;
    const summary = await runReminders({ centreId, transport: smtpTransport(smtp.port) });
    expect(summary).toMatchObject({ remindersQueued: 0, digestsQueued: 0, delivery: { sent: 0, failed: 0 } });
    expect(smtp.received.length).toBe(before);
    expect(await prisma.emailMessage.count({ where: { toEmail: "pat@example.org" } })).toBe(1);
  });

  it("ends every email with a link to the person's email choices, and says what cannot be turned off", async () => {
    const [toPat] = mailTo("pat@example.org");
    expect(toPat.text).toMatch(/Change which emails you get: http:\/\/localhost:3000\/email\/[\w-]{20,}/);
    expect(toPat.text).toContain("Reminders about your checks and training cannot be turned off");
    expect(header(toPat, "list-unsubscribe")).toBeNull();
    const [toCora] = mailTo("cora@example.org");
    expect(toCora.text).toContain("You are the centre's only co-ordinator, so the weekly digest cannot be turned off");
    expect(header(toCora, "list-unsubscribe")).toBeNull();
  });

  it("offers one-click unsubscribe (RFC 8058) for what may be stopped, and it works", async () => {
    const { rota } = await shiftsFor(centreId, pat.id, [1, 8]);
    await queueRotaPublished(prisma, rota.id);
    const before = smtp.received.length;
    await runReminders({ centreId, transport: smtpTransport(smtp.port) });
    const reminder = mailTo("pat@example.org", before).find((m) => m.subject?.startsWith("Reminder: Saturday"))!;
    expect(header(reminder, "list-unsubscribe-post")).toBe("List-Unsubscribe=One-Click");
    const url = String(header(reminder, "list-unsubscribe")).replace(/^<|>$/g, "");
    expect(url).toMatch(/^http:\/\/localhost:3000\/email\/[\w-]+\/stop\/shift-reminders$/);
    const [token] = url.split("/email/")[1].split("/");
    // What a mail provider sends, without a browser.
    const response = await stopAction(args(new Request(url, { method: "POST", headers: { "Content-Type": "application/x-www-form-urlencoded" }, body: "List-Unsubscribe=One-Click" }), { token, kind: "shift-reminders" }));
    expect(response instanceof Response && response.status).toBe(200);
    expect((await prisma.person.findUniqueOrThrow({ where: { id: pat.id } })).shiftReminderEmails).toBe(false);
    // The rota's ".ics" and shift list came too.
    const notice = mailTo("pat@example.org", before).find((m) => m.subject?.startsWith("Your shifts on the rota"))!;
    const events = new ICAL.Component(ICAL.parse(notice.attachments.find((a) => a.filename === "shifts.ics")!.content.toString("utf8"))).getAllSubcomponents("vevent");
    expect(events).toHaveLength(2);
  });

  it("keeps a message as failed while the mail server is down, and sends it once when it is back", async () => {
    const port = await freePort();
    const owen = await clearedPerson(centreId, "Owen", "owen@example.org");
    const due = await safeguardingDueIn(centreId, owen.id, 7);
    const down = await runReminders({ centreId, transport: smtpTransport(port) });
    expect(down.delivery).toMatchObject({ sent: 0, failed: 1 });
    const failed = await prisma.emailMessage.findFirstOrThrow({ where: { toEmail: "owen@example.org" } });
    expect(failed).toMatchObject({ status: "failed", attempts: 1 });
    expect(failed.lastError).toMatch(/ECONNREFUSED|connect/i);
    expect(await deliverQueued({ transport: smtpTransport(port) })).toMatchObject({ sent: 0, failed: 0 }); // too soon: the back-off holds it
    const back = await startSmtp(port);
    try {
      const later = new Date(clock.now().getTime() + 6 * 60_000);
      expect(await deliverQueued({ transport: smtpTransport(port), now: later })).toMatchObject({ sent: 1, failed: 0 });
      expect(await deliverQueued({ transport: smtpTransport(port), now: later })).toMatchObject({ sent: 0, failed: 0 });
      expect(back.received.map((m) => m.subject)).toEqual([`Safeguarding refresher: due in ${due.days} days, by ${due.by}`]);
    } finally {
      await back.stop();
    }
  });
});

describe("nothing stale leaves after three weeks without a mail server", () => {
  it("expires what is no longer worth sending and renders the rest on the day it leaves", async () => {
    const centreId = (await createCentre("Quiet Centre")).id;
    // The centre's summary day is the weekday of day 21, chosen up front: had it been Monday, a
    // day 21 that is a Sunday would fall in a week whose summary already went (expired) on day 15.
    const day21 = addDaysIso(today, 21);
    await prisma.centre.update({ where: { id: centreId }, data: { summaryWeekday: ["SU", "MO", "TU", "WE", "TH", "FR", "SA"][new Date(`${day21}T12:00:00Z`).getUTCDay()] } });
    await createUser(centreId, "coordinator", { name: "Quinn Quiet", email: "quinn@example.org" });
    const sam = await clearedPerson(centreId, "Sam", "sam@example.org");
    await safeguardingDueIn(centreId, sam.id, 12);
    const wes = await clearedPerson(centreId, "Wes", "wes@example.org");
    await prisma.person.update({ where: { id: wes.id }, data: { reminderMode: "weekly" } });
    await safeguardingDueIn(centreId, wes.id, 40);
    const { dates } = await shiftsFor(centreId, sam.id, [3, 10, 17]);

    // Three weeks of daily runs with no mail server (the default): everything is kept.
    for (let day = 0; day < 21; day++) {
      setToday(addDaysIso(today, day));
      await runReminders({ centreId, transport: null });
    }
    expect(await prisma.emailMessage.count({ where: { centreId } })).toBeGreaterThan(8);

    // Then SMTP is switched on, on the centre's summary day (so this week's digest and summary go too).
    setToday(day21);
    const before = smtp.received.length;
    const summary = await runReminders({ centreId, transport: smtpTransport(smtp.port) });
    const sent = smtp.received.slice(before);
    expect(summary.delivery!.failed).toBe(0);
    expect(sent.length).toBe(summary.delivery!.sent);
    expect(sent.map((m) => m.subject).filter((s) => s?.startsWith("Week of ") || s?.startsWith("Your weekly summary"))).toHaveLength(2);

    for (const mail of sent) {
      const text = mail.text ?? "";
      // No reminder for a shift already over.
      if (mail.subject?.startsWith("Reminder: ")) {
        const shiftDate = dates.find((d) => mail.subject!.includes(formatUkDate(d)));
        expect(shiftDate && shiftDate >= day21).toBe(true);
      }
      // No digest or summary for a week gone by.
      if (mail.subject?.startsWith("Week of ")) expect(mail.subject).toContain(`Week of ${formatUkDate(weekOf(day21))}`);
      // Days left counted on the day it leaves.
      for (const match of text.matchAll(/Due in (\d+) days, by (\d{1,2} \w{3} \d{4})/g)) {
        const by = parseUkDate(match[2]);
        expect(by.ok && daysBetween(day21, by.date)).toBe(Number(match[1]));
      }
      // Links from APP_URL, never another address.
      for (const link of text.matchAll(/https?:\/\/[^\s)\]]+/g)) expect(link[0]).toMatch(/^http:\/\/localhost:3000\//);
    }
    const statuses = await prisma.emailMessage.groupBy({ by: ["status"], where: { centreId }, _count: true });
    expect(statuses.find((s) => s.status === "expired")?._count).toBeGreaterThan(0);
    expect(statuses.find((s) => s.status === "queued")).toBeUndefined();
    // Expired messages are kept, for the record, and say why.
    expect(await prisma.emailMessage.findFirst({ where: { centreId, status: "expired" } })).toMatchObject({ closedReason: "expired", sentAt: null });
  });
});

describe("the dry run", () => {
  it("lists everything the real run would send: new, already queued, and due for a retry", async () => {
    const centreId = (await createCentre("Dry Centre")).id;
    const dora = await clearedPerson(centreId, "Dora", "dora@example.org");
    const due = await safeguardingDueIn(centreId, dora.id, 60);
    // Queued before, with no mail server, and one that failed and is due again.
    const held = await queueEmail({ centreId, toEmail: "held@example.org", toName: "Held", template: "weekly-summary", subject: "Held summary", params: { week: today }, personId: dora.id, dedupeKey: "dry:held", expiresAt: new Date(clock.now().getTime() + 86_400_000) });
    await prisma.emailMessage.create({ data: { centreId, toEmail: "retry@example.org", toName: "Retry", template: "weekly-summary", subject: "Retry summary", params: "{}", dedupeKey: "dry:retry", status: "failed", attempts: 1, nextAttemptAt: new Date(clock.now().getTime() - 1000), expiresAt: new Date(clock.now().getTime() + 86_400_000) } });
    const count = await prisma.emailMessage.count();
    const summary = await runReminders({ centreId, dryRun: true });
    expect(summary.wouldSend).toEqual(expect.arrayContaining([
      { to: "dora@example.org", subject: `Safeguarding refresher: due in ${due.days} days, by ${due.by}`, queuedBefore: false },
      { to: "held@example.org", subject: "Held summary", queuedBefore: true },
      { to: "retry@example.org", subject: "Retry summary", queuedBefore: true },
    ]));
    expect(held).not.toBeNull();
    expect(summary.delivery).toBeNull();
    expect(await prisma.emailMessage.count()).toBe(count);
    expect(describeRun(summary)[0]).toMatch(/^Dry run: \d+ email\(s\) would be sent \(2 already waiting, \d+ new\)\.$/);
  });
});

describe("the weekly summary", () => {
  it("lists everything due or out of date, on the centre's weekday, with a subject that says what is inside", async () => {
    const centreId = (await createCentre("Summary Centre")).id;
    const wendy = await clearedPerson(centreId, "Wendy", "wendy@example.org");
    await prisma.person.update({ where: { id: wendy.id }, data: { reminderMode: "weekly" } });
    await safeguardingDueIn(centreId, wendy.id, 20);
    const module1 = await prisma.course.findFirstOrThrow({ where: { centreId, kind: "naccc_module" } });
    await prisma.trainingRecord.create({ data: { personId: wendy.id, courseId: module1.id, completedOn: addMonthsIso(addDaysIso(today, -10), -36), deliveryMethod: "workbook" } });

    const weekday = (date: string) => ["SU", "MO", "TU", "WE", "TH", "FR", "SA"][new Date(`${date}T12:00:00Z`).getUTCDay()];
    await prisma.centre.update({ where: { id: centreId }, data: { summaryWeekday: weekday(addDaysIso(today, 1)) } });
    expect((await runReminders({ centreId, transport: smtpTransport(smtp.port) })).summariesQueued).toBe(0); // not today
    setToday(addDaysIso(today, 1));
    const before = smtp.received.length;
    expect((await runReminders({ centreId, transport: smtpTransport(smtp.port) })).summariesQueued).toBe(1);
    const [mail] = mailTo("wendy@example.org", before);
    // Out of date (module 1), due soon (safeguarding), and not done (the other nine modules and induction).
    expect(mail.subject).toBe("Your weekly summary: 1 out of date, 10 not done yet, 1 due soon");
    expect(mail.text).toContain("Safeguarding refresher");
    expect(mail.text).toContain(module1.name);
    expect((await runReminders({ centreId, transport: smtpTransport(smtp.port) })).summariesQueued).toBe(0);
  });
});

describe("runs that overlap, and mail servers that do not answer", () => {
  it("lets a second run stop cleanly, saying another is in progress", async () => {
    const centreId = (await createCentre("Busy Centre")).id;
    const started = clock.now();
    const outcome = await withJobLock("reminders", started, async () => {
      const second = await runReminders({ centreId, transport: null });
      expect(describeRun(second)).toEqual([`Another reminder run has been going since ${started.toISOString()}; this one stopped without doing anything.`]);
      return second.alreadyRunning;
    });
    expect(outcome).toMatchObject({ ran: true, result: { since: started } });
    expect((await runReminders({ centreId, transport: null })).alreadyRunning).toBeNull();
  });

  it("gives up on a server that accepts and never answers after a few tries, leaving the rest queued", async () => {
    const centreId = (await createCentre("Hanging Centre")).id;
    for (let i = 0; i < 6; i++) {
      const p = await clearedPerson(centreId, `Hang${i}`, `hang${i}@example.org`);
      await safeguardingDueIn(centreId, p.id, 5);
    }
    const silent: Server = createServer(() => undefined); // accepts, says nothing
    const port = await freePort();
    await new Promise<void>((resolve) => silent.listen(port, "127.0.0.1", resolve));
    try {
      const nodemailer = (await import("nodemailer")).default;
      const hanging = nodemailer.createTransport({ host: "127.0.0.1", port, secure: false, ignoreTLS: true, connectionTimeout: 300, greetingTimeout: 300, socketTimeout: 300 });
      const started = performance.now();
      const summary = await runReminders({ centreId, transport: hanging });
      expect(performance.now() - started).toBeLessThan(5_000);
      expect(summary.delivery).toMatchObject({ sent: 0, failed: 3, stoppedAfterFailures: true, leftQueued: 3 });
      expect(describeRun(summary).at(-1)).toBe("Stopped after 3 failures in a row: the mail server is not answering. 3 message(s) left queued for the next run.");
      expect(await prisma.emailMessage.count({ where: { centreId, status: "queued" } })).toBe(3);
    } finally {
      silent.close();
    }
  });
});

describe("the outbox when no mail server is configured", () => {
  it("keeps every message, shows them to co-ordinators, and runs reminders from a button", async () => {
    const centreId = (await createCentre("Outbox Centre")).id;
    const coordinator = await createUser(centreId, "coordinator", { name: "Olga Outbox" });
    const p = await clearedPerson(centreId, "Ola", "ola@example.org");
    await safeguardingDueIn(centreId, p.id, 30);
    const result = await outboxAction(args(await postRequest("/outbox", { intent: "run" }, coordinator)));
    expect(result.lines.find((l) => l.startsWith("No mail server"))).toMatch(/^No mail server configured \(SMTP_URL\): \d+ message\(s\) kept in the outbox$/);
    const page = await outboxLoader(args(await getRequest("/outbox", coordinator)));
    expect(page.smtpConfigured).toBe(false);
    expect(page.messages.map((m) => m.toEmail)).toContain("ola@example.org");
    expect(page.messages.find((m) => m.toEmail === "ola@example.org")).toMatchObject({ status: "queued" });
    // Newest first; a status picks its own; a message's bodies are not sent to the page.
    const times = page.messages.map((m) => m.createdAt.getTime());
    expect(times).toEqual([...times].sort((a, b) => b - a));
    const queued = await outboxLoader(args(await getRequest("/outbox?status=queued", coordinator)));
    expect(queued.messages.length).toBe(page.messages.filter((m) => m.status === "queued").length);
    expect(queued.messages.every((m) => m.status === "queued")).toBe(true);
    expect((await outboxLoader(args(await getRequest("/outbox?status=sent", coordinator)))).messages).toEqual([]);
    expect(page.messages[0]).not.toHaveProperty("html");
    expect(page.messages[0]).not.toHaveProperty("text");
  });

  it("is for co-ordinators only", async () => {
    const centreId = (await createCentre("Private Outbox")).id;
    for (const role of ["assessor", "volunteer"] as const) {
      const user = await createUser(centreId, role);
      expect((await thrownResponse(async () => outboxLoader(args(await getRequest("/outbox", user))))).status).toBe(403);
      expect((await thrownResponse(async () => outboxAction(args(await postRequest("/outbox", { intent: "run" }, user))))).status).toBe(403);
    }
  });
});

describe("configuration", () => {
  it("refuses an EMAIL_FROM that is not an address", async () => {
    const { emailAddressOf } = await import("~/env.server");
    expect(emailAddressOf("Rota")).toBeNull();
    expect(emailAddressOf("Riverside Rota <rota@example.org>")).toBe("rota@example.org");
    expect(emailAddressOf("rota@example.org")).toBe("rota@example.org");
    expect(emailAddressOf("Rota <not an address>")).toBeNull();
  });
});

