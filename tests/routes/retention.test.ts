/**
 * Personal data kept only as long as needed: leavers due for removal, removing their personal data
 * (kept for counts, gone from the audit log too), and sent digests losing their content.
 */
import { beforeAll, describe, expect, it } from "vitest";
import { prisma } from "~/db.server";
import { action as removalAction, loader as removalLoader } from "~/routes/people.removal";
import { action as editAction } from "~/routes/people.$personId.edit";
import { loader as personLoader } from "~/routes/people.$personId._index";
import { loader as complianceLoader } from "~/routes/people.$personId.compliance";
import { loader as accountsLoader } from "~/routes/accounts";
import { loader as messageLoader } from "~/routes/outbox.$messageId";
import { action as settingsAction } from "~/routes/settings._index";
import { recordAudit, verifyAuditChain } from "~/modules/audit/audit.server";
import { signIn } from "~/modules/auth/sign-in.server";
import { removeSensitiveBodies } from "~/modules/email/outbox.server";
import { runReminders } from "~/modules/reminders/run.server";
import { addDaysIso, addYearsIso } from "~/utils/dates";
import { clock } from "~/utils/clock.server";
import { createCentre, createPerson, createUser, TEST_PASSWORD } from "../helpers/factories";
import { args, getRequest, postRequest, thrownResponse } from "../helpers/requests";

const today = clock.today();
let centreId: string;
let coordinator: Awaited<ReturnType<typeof createUser>>;

beforeAll(async () => {
  centreId = (await createCentre("Retention Centre")).id;
  coordinator = await createUser(centreId, "coordinator", { name: "Cora Keeper" });
});

/** A leaver with a history: a DBS check, a reference, training, a shift note, a sign-in and audit entries naming them. */
async function leaverWithHistory(firstName: string, lastName: string, leftOn: string) {
  const person = await createPerson(centreId, { firstName, lastName, email: `${firstName.toLowerCase()}@example.org`, status: "left", startedOn: "2010-01-01", leftOn });
  await prisma.person.update({ where: { id: person.id }, data: { phone: "07700 900123", conflictNote: "Knows the Smith family" } });
  const course = await prisma.course.findFirstOrThrow({ where: { centreId } });
  await prisma.dbsCheck.create({ data: { personId: person.id, level: "enhanced", workforce: "child", certificateNumber: "001122334455", issuedOn: "2010-01-01", decision: "clear", seenBy: "Cora Keeper", seenOn: "2010-01-02" } });
  await prisma.reference.create({ data: { personId: person.id, refereeName: "Rev. Green", relationship: "Minister", contact: "green@example.org", requestedOn: "2009-12-01", receivedOn: "2009-12-10", outcome: "satisfactory", notes: "Phoned" } });
  await prisma.trainingRecord.create({ data: { personId: person.id, courseId: course.id, completedOn: "2010-02-01", deliveryMethod: "face_to_face", evidenceNote: "Certificate seen" } });
  await prisma.unavailability.create({ data: { personId: person.id, startsOn: "2011-01-01", endsOn: "2011-01-10", reason: "Hospital" } });
  const user = await createUser(centreId, "volunteer", { personId: person.id, email: `${firstName.toLowerCase()}.signin@example.org`, name: `${firstName} ${lastName}` });
  await prisma.emailMessage.create({ data: { centreId, toEmail: user.email, toName: firstName, template: "shift-reminder", personId: person.id, subject: `Your shift, ${firstName}`, dedupeKey: `t:${person.id}`, status: "sent", sentAt: clock.now() } });
  await prisma.$transaction(async (tx) => {
    await recordAudit(tx, { id: coordinator.id, name: coordinator.name, centreId }, { entityType: "Person", entityId: person.id, personId: person.id, action: "created", summary: `Added ${firstName} ${lastName}`, changes: [{ field: "Email", from: "", to: `${firstName.toLowerCase()}@example.org` }] });
    // Entries about others that name them, and entries they made themselves.
    await recordAudit(tx, { id: coordinator.id, name: coordinator.name, centreId }, { entityType: "Shift", entityId: "s1", action: "updated", summary: `Swapped ${firstName} ${lastName} for Pat Other on a shift`, changes: [] });
    await recordAudit(tx, { id: user.id, name: `${firstName} ${lastName}`, centreId }, { entityType: "Shift", entityId: "s2", action: "taken", summary: "Took an open place", changes: [] });
    await recordAudit(tx, { id: user.id, name: `${firstName} ${lastName}`, centreId }, { entityType: "Unavailability", entityId: "u1", personId: person.id, action: "created", summary: "Added dates they cannot do", changes: [] });
  });
  return { person, user };
}

const post = async (fields: Record<string, string>, user = coordinator) => removalAction(args(await postRequest("/people/removal", fields, user)));

describe("leavers due for removal", () => {
  it("lists leavers whose retention period has ended, and those soon due, for co-ordinators only", async () => {
    await leaverWithHistory("Olive", "Older", addDaysIso(addYearsIso(today, -6), -1));
    await leaverWithHistory("Nora", "Nearly", addDaysIso(addYearsIso(today, -6), 30));
    await createPerson(centreId, { firstName: "Recent", lastName: "Leaver", status: "left", leftOn: addDaysIso(today, -10) });
    const page = await removalLoader(args(await getRequest("/people/removal", coordinator)));
    expect(page.years).toBe(6);
    expect(page.due.map((p) => p.name)).toContain("Olive Older");
    expect(page.due.map((p) => p.name)).not.toContain("Recent Leaver");
    expect(page.upcoming).toEqual([expect.objectContaining({ name: "Nora Nearly", dueOn: addDaysIso(today, 30) })]);
    for (const role of ["volunteer", "assessor"] as const) {
      const other = await createUser(centreId, role);
      expect((await thrownResponse(async () => removalLoader(args(await getRequest("/people/removal", other))))).status).toBe(403);
      expect((await thrownResponse(() => post({ personId: page.due[0].id, confirmed: "yes" }, other))).status).toBe(403);
    }
  });

  it("asks once, then removes the personal data, keeps the records for counts, and the audit log stays whole without the name", async () => {
    const { person, user } = await leaverWithHistory("Dora", "Departed", addYearsIso(today, -7));
    const asked = await post({ personId: person.id });
    expect(asked).toEqual({ ok: true, confirm: { personId: person.id, name: "Dora Departed" } });
    expect((await prisma.person.findUniqueOrThrow({ where: { id: person.id } })).anonymisedAt).toBeNull();

    const done = await thrownResponse(() => post({ personId: person.id, confirmed: "yes" }));
    expect(done.headers.get("Location")).toBe("/people/removal?removed=1");
    const after = await prisma.person.findUniqueOrThrow({ where: { id: person.id }, include: { dbsChecks: true, references: true, trainingRecords: true, unavailability: true, roles: true } });
    expect(after).toMatchObject({ firstName: "Removed", lastName: `person ${person.id.slice(-6)}`, email: null, phone: null, conflictNote: null, status: "left", leftOn: addYearsIso(today, -7) });
    expect(after.anonymisedAt).not.toBeNull();
    expect(after.dbsChecks).toEqual([expect.objectContaining({ certificateNumber: "", level: "enhanced", decision: "clear", issuedOn: "2010-01-01" })]);
    expect(after.references).toEqual([expect.objectContaining({ refereeName: "", contact: "", relationship: "", notes: null, outcome: "satisfactory" })]);
    expect(after.trainingRecords).toEqual([expect.objectContaining({ evidenceNote: null, completedOn: "2010-02-01" })]);
    expect(after.unavailability).toEqual([]);
    expect(after.roles.length).toBe(1);
    expect(await prisma.emailMessage.count({ where: { personId: person.id } })).toBe(0);

    const signIn_ = await prisma.user.findUniqueOrThrow({ where: { id: user.id } });
    expect(signIn_).toMatchObject({ name: "A removed user", passwordHash: null, email: `removed-${user.id}@removed.invalid` });
    expect(signIn_.disabledAt).not.toBeNull();
    expect((await signIn("dora.signin@example.org", TEST_PASSWORD)).ok).toBe(false);

    const log = await prisma.auditEvent.findMany({ where: { centreId } });
    const text = JSON.stringify(log.map((e) => [e.summary, e.changes, e.actorName]));
    expect(text).not.toMatch(/Dora|Departed|dora@example\.org/);
    expect(text).toContain("Swapped a removed person for Pat Other on a shift");
    const removal = log.find((e) => e.action === "anonymised" && e.personId === person.id)!;
    expect(removal.summary).toMatch(/^Removed the personal data of a leaver \(last day .+; the centre keeps leavers' records 6 years\)$/);
    expect(JSON.parse(removal.changes)).toEqual([
      { field: "Kept without personal data", from: "", to: "1 DBS checks, 1 references, 1 training records, 0 shifts" },
      { field: "Audit entries with personal data removed", from: "", to: "4" },
      { field: "Sign-in", from: "", to: "Removed" },
    ]);
    expect(await verifyAuditChain()).toMatchObject({ whole: true, redacted: 4 });

    const page = await personLoader(args(await getRequest(`/people/${person.id}`, coordinator), { personId: person.id }));
    expect(page.canEdit).toBe(false);
    expect((await complianceLoader(args(await getRequest(`/people/${person.id}/compliance`, coordinator), { personId: person.id }))).canEdit).toBe(false);
    expect((await accountsLoader(args(await getRequest("/accounts", coordinator)))).users.map((u) => u.id)).not.toContain(user.id);
    expect(page.person.removedOn).toBe(today);
    const edit = await thrownResponse(async () => editAction(args(await postRequest(`/people/${person.id}/edit`, { firstName: "Dora", lastName: "Departed", status: "left", roles: "volunteer", startedOn: "01/01/2010", leftOn: "01/01/2019" }, coordinator), { personId: person.id })));
    expect(edit.status).toBe(409);
    expect(await post({ personId: person.id, confirmed: "yes" })).toEqual({ ok: false, message: `Removed person ${person.id.slice(-6)}: Their personal data has already been removed.` });
  });

  it("leaves alone entries about someone whose name only looks alike to SQL (an _ is a letter)", async () => {
    const { person } = await leaverWithHistory("Jo_y", "Lookalike", addYearsIso(today, -7));
    await prisma.$transaction((tx) => recordAudit(tx, { id: coordinator.id, name: coordinator.name, centreId }, {
      entityType: "Person", entityId: "someone-else", action: "created", summary: "Added Joey Lookalike", changes: [{ field: "Email", from: "", to: "joey@example.org" }],
    }));
    await thrownResponse(() => post({ personId: person.id, confirmed: "yes" }));
    const after = await prisma.auditEvent.findFirstOrThrow({ where: { entityId: "someone-else", summary: { startsWith: "Added Joey" } } });
    expect(after).toMatchObject({ summary: "Added Joey Lookalike", redactedAt: null });
    expect(JSON.parse(after.changes)).toEqual([{ field: "Email", from: "", to: "joey@example.org" }]);
    const log = JSON.stringify((await prisma.auditEvent.findMany({ where: { centreId } })).map((e) => [e.summary, e.changes]));
    expect(log).not.toContain("Jo_y");
  });

  it("refuses to remove anyone before their period ends, whatever the form says", async () => {
    const recent = await createPerson(centreId, { firstName: "Rita", lastName: "Recent", status: "left", leftOn: addDaysIso(today, -100) });
    const result = await post({ personId: recent.id, confirmed: "yes" });
    expect(result).toMatchObject({ ok: false, message: expect.stringContaining("Their records are kept until") });
    const active = await createPerson(centreId, { firstName: "Abe", lastName: "Active" });
    expect(await post({ personId: active.id, confirmed: "yes" })).toMatchObject({ ok: false });
    expect(await prisma.person.count({ where: { id: { in: [recent.id, active.id] }, anonymisedAt: { not: null } } })).toBe(0);
    const elsewhere = await createPerson((await createCentre()).id, { status: "left", leftOn: "2001-01-01" });
    expect((await thrownResponse(() => post({ personId: elsewhere.id, confirmed: "yes" }))).status).toBe(404);
  });

  it("follows the centre's retention setting, changed and audited in Settings", async () => {
    const { person } = await leaverWithHistory("Lena", "Longer", addYearsIso(today, -7));
    const bad = await settingsAction(args(await postRequest("/settings", { intent: "retention", leaverRetentionYears: "0", sensitiveEmailDays: "30" }, coordinator)));
    expect(bad).toMatchObject({ ok: false, errors: { leaverRetentionYears: "Enter a number of years from 1 to 50" } });
    await thrownResponse(async () => settingsAction(args(await postRequest("/settings", { intent: "retention", leaverRetentionYears: "10", sensitiveEmailDays: "30" }, coordinator))));
    expect((await removalLoader(args(await getRequest("/people/removal", coordinator)))).due.map((p) => p.id)).not.toContain(person.id);
    const entry = await prisma.auditEvent.findFirstOrThrow({ where: { centreId, entityType: "Centre" }, orderBy: { seq: "desc" } });
    expect(JSON.parse(entry.changes)).toEqual([{ field: "Leavers' records kept for", from: "6 years after their last day", to: "10 years after their last day" }]);
    await thrownResponse(async () => settingsAction(args(await postRequest("/settings", { intent: "retention", leaverRetentionYears: "6", sensitiveEmailDays: "30" }, coordinator))));
  });

  it("lets the audit log's redaction change only content, never an entry's place in the chain", async () => {
    const entry = await prisma.auditEvent.findFirstOrThrow({ where: { centreId, seq: { not: null } } });
    await expect(prisma.auditEvent.update({ where: { id: entry.id }, data: { summary: "rewritten" } })).rejects.toThrow();
    await expect(prisma.auditEvent.update({ where: { id: entry.id }, data: { summary: "x", redactedAt: clock.now(), hash: "0".repeat(64) } })).rejects.toThrow();
    await expect(prisma.auditEvent.update({ where: { id: entry.id }, data: { redactedAt: clock.now(), seq: 999_999 } })).rejects.toThrow();
  });
});

describe("sent digests keep their content only for the centre's period", () => {
  it("removes what a digest said after the set days, keeping who it went to and when; other emails keep theirs", async () => {
    const now = clock.now();
    const daysAgo = (n: number) => new Date(now.getTime() - n * 24 * 60 * 60 * 1000);
    const make = (template: string, sentAt: Date, key: string) => prisma.emailMessage.create({
      data: { centreId, toEmail: "c@example.org", toName: "Cora", template, subject: `Weekly digest ${key}`, html: "<p>Robert Jenkins: DBS new information</p>", text: "Robert Jenkins: DBS new information", status: "sent", sentAt, dedupeKey: `digest:${key}` },
    });
    const old = await make("coordinator-digest", daysAgo(31), "old");
    const fresh = await make("coordinator-digest", daysAgo(29), "fresh");
    const reminder = await make("expiry-reminder", daysAgo(100), "reminder");
    const summary = await runReminders({ now, centreId, transport: null });
    expect(summary.bodiesRemoved).toBe(1);
    expect(await prisma.emailMessage.findUniqueOrThrow({ where: { id: old.id } })).toMatchObject({ html: "", text: "", subject: "Weekly digest old", toEmail: "c@example.org", status: "sent" });
    expect((await prisma.emailMessage.findUniqueOrThrow({ where: { id: fresh.id } })).text).toContain("Robert Jenkins");
    expect((await prisma.emailMessage.findUniqueOrThrow({ where: { id: reminder.id } })).text).toContain("Robert Jenkins");
    const shown = await messageLoader(args(await getRequest(`/outbox/${old.id}`, coordinator), { messageId: old.id }));
    expect(shown).toMatchObject({ bodyRemoved: true, html: "", text: "" });
    expect(shown.asOf).toMatch(/^removed on .+: it named people with their DBS outcomes/);
    expect(await removeSensitiveBodies({ id: centreId, sensitiveEmailDays: 30 }, now)).toBe(0);
  });
});
