/**
 * Benchmark (not a test): the daily reminder run at network scale, and reminder selection alone.
 *   npm run bench:reminders            (SIZES=1000,5000 RUNS=… to change)
 *
 * For each size, a throwaway SQLite file holds a centre where every person has one thing due at a
 * reminder lead time (a quarter of them on a weekly summary, sent today), and a local SMTP server
 * (`smtp-server` on 127.0.0.1) receives the mail. Timed, each on the same rows:
 *   - a plain SQLite read of the rows the run reads (people and their records), for scale;
 *   - the dry run (select and list);
 *   - the whole run: select, queue, render and send over one pooled SMTP connection;
 *   - queueing alone (the same run with no mail server, after clearing what was sent).
 * Prints figures and the ratio to the plain read; asserts nothing.
 */
import Database from "better-sqlite3";
import { performance } from "node:perf_hooks";
import { SMTPServer } from "smtp-server";
import { time } from "./bench-timing";
import { benchDatabase, seedBenchPeople } from "./bench-seed";
import { clock } from "~/utils/clock.server";

const SIZES = (process.env.SIZES ?? "1000,5000").split(",").map(Number);
const RUNS = Number(process.env.RUNS ?? 20);

// A local mail server that accepts and discards: what is timed is our side of the conversation.
let received = 0;
const smtp = new SMTPServer({
  authOptional: true, disabledCommands: ["STARTTLS", "AUTH"], logger: false,
  onData(stream, _session, callback) {
    stream.on("end", () => { received++; callback(); });
    stream.resume();
  },
});
await new Promise<void>((resolve) => smtp.listen(0, "127.0.0.1", resolve));
const port = (smtp.server.address() as { port: number }).port;
process.env.SMTP_URL = `smtp://127.0.0.1:${port}`;
process.env.EMAIL_FROM = "Benchmark Rota <rota@example.org>";
process.env.APP_URL = "https://rota.example.org";

const database = benchDatabase("reminders");
const { prisma } = await import("~/db.server");
const { ensureDefaultCourses } = await import("~/modules/compliance/compliance.server");
const { runReminders } = await import("~/modules/reminders/run.server");
const { closeTransport } = await import("~/modules/email/outbox.server");
const { WEEKDAYS } = await import("~/modules/rota/recurrence");
const { addDaysIso, addMonthsIso } = await import("~/utils/dates");

const today = clock.today();
const ms = (n: number) => `${n.toFixed(0)} ms`;
const seconds = async (run: () => Promise<unknown>) => {
  const start = performance.now();
  await run();
  return performance.now() - start;
};

/** The rows a run reads, read with plain SQL: the floor under anything the app can do. */
function plainRead(file: string) {
  const db = new Database(file, { readonly: true });
  for (const table of ["Person", "PersonRole", "PersonStatusChange", "DbsCheck", "Reference", "TrainingRecord", "Course"]) db.prepare(`SELECT * FROM "${table}"`).all();
  db.close();
}

let first = true;
console.log(`Reminder runs, Node ${process.version}, ${today}\n`);
for (const size of SIZES) {
  // One database, seeded afresh for each size: each starts with nothing sent.
  const centre = first
    ? await prisma.centre.create({ data: { name: "Benchmark centre", organisation: { create: { name: "Benchmark" } }, summaryWeekday: WEEKDAYS[(new Date(`${today}T12:00:00Z`).getUTCDay() + 6) % 7] } })
    : await prisma.centre.findFirstOrThrow();
  if (first) {
    await ensureDefaultCourses(prisma, centre.id);
    await prisma.user.create({ data: { centreId: centre.id, email: "coordinator@example.org", name: "Co-ordinator", accessRole: "coordinator" } });
  }
  await prisma.emailMessage.deleteMany();
  await prisma.reminderSent.deleteMany();
  // A person's records refuse to go with them (the schema restricts it): clear them first.
  const ofCentre = { person: { centreId: centre.id } };
  await prisma.$transaction([
    prisma.dbsStatusCheck.deleteMany({ where: { dbsCheck: ofCentre } }), prisma.dbsCheck.deleteMany({ where: ofCentre }),
    prisma.reference.deleteMany({ where: ofCentre }), prisma.trainingRecord.deleteMany({ where: ofCentre }),
    prisma.personRole.deleteMany({ where: ofCentre }), prisma.personStatusChange.deleteMany({ where: ofCentre }),
    prisma.person.deleteMany({ where: { centreId: centre.id } }),
  ]);
  await seedBenchPeople(prisma, centre.id, {
    people: size, today,
    dbsIssuedOn: (i) => addDaysIso(today, -(30 + (i % 300))),
    // Everything in date for a good while, except the safeguarding refresher: due 0 to 59 days from now.
    trainingOn: (i, _n, kind) => (kind === "safeguarding" ? addMonthsIso(addDaysIso(today, i % 60), -12) : addDaysIso(today, -(i % 200))),
    reminderMode: (i) => (i % 4 === 0 ? "weekly" : "individual"),
  });
  first = false;

  const plain: number[] = [];
  for (let r = 0; r < RUNS; r++) plain.push(await seconds(async () => plainRead(database.file)));
  plain.sort((a, b) => a - b);
  const plainMs = plain[Math.floor(RUNS / 2)];

  let wouldSend = 0;
  const dryRun = await seconds(async () => { wouldSend = (await runReminders({ dryRun: true })).wouldSend.length; });

  received = 0;
  let summary: Awaited<ReturnType<typeof runReminders>> | undefined;
  const whole = await seconds(async () => { summary = await runReminders(); });
  const sent = summary!.delivery!.sent;

  await prisma.emailMessage.deleteMany();
  await prisma.reminderSent.deleteMany();
  const queueOnly = await seconds(() => runReminders({ transport: null }));

  console.log(`${size} people: ${sent} emails sent (${received} received by the local SMTP server), dry run listed ${wouldSend}`);
  console.log(`  plain SQLite read of their rows        ${ms(plainMs).padStart(9)}`);
  console.log(`  dry run                                ${ms(dryRun).padStart(9)}   ${(dryRun / plainMs).toFixed(0)}x the plain read`);
  console.log(`  select and queue (no mail server)      ${ms(queueOnly).padStart(9)}   ${(queueOnly / plainMs).toFixed(0)}x, ${(queueOnly / sent).toFixed(2)} ms an email`);
  console.log(`  whole run: select, queue, render, send ${ms(whole).padStart(9)}   ${(whole / plainMs).toFixed(0)}x, ${(whole / sent).toFixed(2)} ms an email`);
  const memory = process.memoryUsage();
  console.log(`  memory after: rss ${(memory.rss / 1048576).toFixed(0)} MiB, heap used ${(memory.heapUsed / 1048576).toFixed(0)} MiB\n`);
}
closeTransport();
await prisma.$disconnect();
await new Promise<void>((resolve) => smtp.close(() => resolve()));
database.remove();

// Selection alone, pure: evaluated compliance in, reminders out.
const { DEFAULT_COURSES, DEFAULT_SETTINGS } = await import("~/modules/compliance/requirements");
const { evaluatePerson } = await import("~/modules/compliance/rules");
const { DEFAULT_LEAD_DAYS, selectReminders } = await import("~/modules/reminders/select");
type ReminderPerson = Parameters<typeof selectReminders>[0][number];
const courses = DEFAULT_COURSES.map((c, i) => ({ id: `c${i}`, name: c.name, kind: c.kind, validityMonths: c.validityMonths, requiredFor: c.requiredFor, retired: false }));
const PEOPLE = Math.max(...SIZES);
let people: ReminderPerson[] = [];
await time(`Evaluate compliance for ${PEOPLE} people (pure)`, RUNS, () => {
  people = Array.from({ length: PEOPLE }, (_, i) => ({
    personId: `p${i}`, name: `Person ${i}`, email: `p${i}@example.org`, mode: i % 4 === 0 ? "weekly" : "individual",
    compliance: evaluatePerson({
      startedOn: "2020-01-01", leftOn: null,
      roles: [{ role: i % 10 === 0 ? "deputy_coordinator" : "volunteer", startedOn: "2020-01-01", endedOn: null }],
      dbsChecks: [{ issuedOn: addDaysIso("2023-06-01", i % 900), level: "enhanced", workforce: "child", childrenBarredListChecked: false, decision: "clear", updateServiceSubscribed: i % 3 === 0, statusChecks: [] }],
      references: [{ requestedOn: "2019-11-01", receivedOn: "2019-12-01", outcome: "satisfactory" }, { requestedOn: "2019-11-01", receivedOn: "2019-12-02", outcome: "satisfactory" }],
      training: courses.slice(0, 8).map((c, n) => ({ courseId: c.id, completedOn: addDaysIso("2024-01-01", (i * 7 + n * 97) % 1000) })),
    }, courses, DEFAULT_SETTINGS, today),
  }));
});
const alreadySent = new Set<string>();
const due = selectReminders(people, DEFAULT_LEAD_DAYS, today, alreadySent);
for (const r of due.slice(0, Math.floor(due.length / 2))) alreadySent.add(r.key);
await time(`Select reminders for ${PEOPLE} people (${due.length} due, half already sent; pure)`, RUNS, () => selectReminders(people, DEFAULT_LEAD_DAYS, today, alreadySent));
