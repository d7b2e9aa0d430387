/** The accreditation evidence pack, as co-ordinators and assessors produce it and check it. */
import { beforeAll, describe, expect, it } from "vitest";
import { prisma } from "~/db.server";
import { loader as evidenceLoader } from "~/routes/compliance.evidence";
import { action as complianceAction } from "~/routes/people.$personId.compliance";
import { action as settingsAction } from "~/routes/settings._index";
import { addDaysIso, formatUkDate } from "~/utils/dates";
import { clock } from "~/utils/clock.server";
import { createCentre, createPerson, createUser } from "../helpers/factories";
import { args, getRequest, postRequest, thrownResponse } from "../helpers/requests";

const today = clock.today();
const uk = (days: number) => formatUkDate(addDaysIso(today, days));
let centreId: string;
let coordinator: Awaited<ReturnType<typeof createUser>>;
let assessor: Awaited<ReturnType<typeof createUser>>;

const pack = async (query: string, user = coordinator) => evidenceLoader(args(await getRequest(`/compliance/evidence${query}`, user)));
const record = async (personId: string, fields: Record<string, string>) => thrownResponse(async () => complianceAction(args(await postRequest(`/people/${personId}/compliance`, fields, coordinator), { personId })));
const settings = (referencesRequired: string) => thrownResponse(async () => settingsAction(args(await postRequest("/settings", { referencesRequired, dueSoonDays: "60", dbsRecheckYears: "3", updateServiceCheckMonths: "12" }, coordinator))));

beforeAll(async () => {
  centreId = (await createCentre("Evidence Centre")).id;
  coordinator = await createUser(centreId, "coordinator", { name: "Eve Dence" });
  assessor = await createUser(centreId, "assessor", { name: "Ash Assessor" });
  const early = await createPerson(centreId, { firstName: "Ed", lastName: "Early", startedOn: addDaysIso(today, -100) });
  await record(early.id, { intent: "add-dbs", level: "enhanced", workforce: "child", certificateNumber: "001234567890", issuedOn: uk(-90), decision: "clear", seenBy: "Eve Dence", seenOn: uk(-90) });
  await record(early.id, { intent: "add-reference", refereeName: "Rev. Green", relationship: "Minister", contact: "g@example.org", requestedOn: uk(-120), receivedOn: uk(-110), outcome: "satisfactory" });
  const wrong = await record(early.id, { intent: "add-dbs", level: "enhanced", workforce: "child", certificateNumber: "009999999999", issuedOn: uk(-95), decision: "clear", seenBy: "Eve Dence", seenOn: uk(-95) });
  expect(wrong.status).toBe(302);
  const mistyped = await prisma.dbsCheck.findFirstOrThrow({ where: { personId: early.id, certificateNumber: "009999999999" } });
  await record(early.id, { intent: "entered-in-error", kind: "dbs", recordId: mistyped.id, reason: "Number mistyped" });
  await createPerson(centreId, { firstName: "Tia", lastName: "Trustee", roles: ["trustee"] });
});

describe("the evidence pack", () => {
  it("shows each person's evidence on the date, by the policy then, with findings and the year's changes", async () => {
    const yesterday = await pack(`?date=${encodeURIComponent(uk(-1))}`, assessor);
    const p = yesterday.pack!;
    expect(p.date).toBe(addDaysIso(today, -1));
    // Two references were required then: Ed has one, so nobody was cleared.
    expect(p.summary).toEqual({ people: 2, cleared: 0, fullyCompliant: 0, byRole: [{ role: "Volunteer", people: 1, cleared: 0, fullyCompliant: 0 }, { role: "Trustee", people: 1, cleared: 0, fullyCompliant: 0 }] });
    const ed = p.people.find((x) => x.name === "Ed Early")!;
    expect(ed.findings).toEqual([`Started ${uk(-100)}, before their enhanced DBS check (issued ${uk(-90)})`]);
    expect(ed.dbs.map((c) => [c.certificate, c.inError?.reason ?? null])).toEqual([["********9999", "Number mistyped"], ["********7890", null]]);
    expect(ed.references).toEqual([expect.objectContaining({ referee: "Rev. Green", received: `${uk(-110)}: Satisfactory` })]);
    expect(ed.requirements.map((r) => r.label)).toContain("Safeguarding refresher");
    expect(p.settings).toContainEqual({ label: "References required", value: "2" });
    // Everything was recorded today: yesterday's pack shows it as evidence, marked as recorded later, and no changes up to then.
    expect(ed.dbs[1].recordedLater).toBe(formatUkDate(today));
    expect(p.changes).toEqual([]);

    // Today the centre asks for one reference: today's pack clears Ed; yesterday's, by yesterday's policy, still does not.
    await settings("1");
    const now = (await pack(`?date=${encodeURIComponent(uk(0))}`)).pack!;
    expect(now.settings).toContainEqual({ label: "References required", value: "1" });
    expect(now.people.find((x) => x.name === "Ed Early")!.cleared).toBe(true);
    expect(now.people.find((x) => x.name === "Ed Early")!.dbs[1].recordedLater).toBeNull();
    expect(now.changes.map((c) => c.summary)).toEqual([
      "Recorded a DBS check for Ed Early", "Recorded a reference from Rev. Green for Ed Early", "Recorded a DBS check for Ed Early",
      `Marked the DBS check issued ${uk(-95)} (certificate ********9999) for Ed Early as entered in error`, "Changed compliance settings",
    ]);
    const again = (await pack(`?date=${encodeURIComponent(uk(-1))}`)).pack!;
    expect(again.settings).toContainEqual({ label: "References required", value: "2" });
    expect(again.people.find((x) => x.name === "Ed Early")!.cleared).toBe(false);
    expect(again.changes.map((c) => c.summary)).not.toContain("Changed compliance settings");
  });

  it("records each pack's fingerprint in the audit log, where a printed copy can be checked", async () => {
    const first = (await pack(`?date=${encodeURIComponent(uk(-5))}`, assessor)).pack!;
    expect(first.fingerprint).toMatch(/^[0-9a-f]{64}$/);
    const entry = await prisma.auditEvent.findFirstOrThrow({ where: { centreId, action: "produced" }, orderBy: { seq: "desc" } });
    expect(entry).toMatchObject({ actorName: "Ash Assessor", summary: `Produced the evidence pack as at ${uk(-5)}` });
    expect(JSON.parse(entry.changes)[0]).toEqual({ field: "Fingerprint", from: "", to: first.fingerprint });

    const checked = await pack(`?check=${first.fingerprint.toUpperCase()}`);
    expect(checked.pack).toBeNull();
    expect(checked.checked).toMatchObject({ code: "found", by: "Ash Assessor", summary: `Produced the evidence pack as at ${uk(-5)}` });
    const altered = `${first.fingerprint.slice(0, 63)}${first.fingerprint.endsWith("0") ? "1" : "0"}`;
    expect((await pack(`?check=${altered}`)).checked).toEqual({ code: "unknown" });
    expect((await pack("?check=abc")).checked).toEqual({ code: "malformed" });

    // The same date again: the log has moved on (the first pack is in it), so the fingerprint differs.
    const second = (await pack(`?date=${encodeURIComponent(uk(-5))}`, assessor)).pack!;
    expect(second.fingerprint).not.toBe(first.fingerprint);
    expect(second.people).toEqual(first.people);
  });

  it("refuses a future date, with the reason, and produces nothing", async () => {
    const before = await prisma.auditEvent.count({ where: { centreId, action: "produced" } });
    const page = await pack(`?date=${encodeURIComponent(uk(1))}`);
    expect(page.pack).toBeNull();
    expect(page.date.error).toBe(`${uk(1)} is in the future: choose today or a past date. Showing today instead.`);
    expect(await prisma.auditEvent.count({ where: { centreId, action: "produced" } })).toBe(before);
  });

  it("is for co-ordinators and assessors only", async () => {
    const volunteer = await createUser(centreId, "volunteer");
    expect((await thrownResponse(() => pack("", volunteer))).status).toBe(403);
    expect((await thrownResponse(() => pack(`?date=${encodeURIComponent(uk(0))}`, volunteer))).status).toBe(403);
  });
});
