import { beforeAll, describe, expect, it } from "vitest";
import { prisma } from "~/db.server";
import { loader as dashboardLoader } from "~/routes/compliance._index";
import { loader as matrixLoader } from "~/routes/compliance.matrix";
import { loader as csvLoader } from "~/routes/compliance.matrix[.]csv";
import { action as complianceAction, loader as complianceLoader } from "~/routes/people.$personId.compliance";
import { action as settingsAction, loader as settingsLoader } from "~/routes/settings._index";
import { action as courseAction, loader as courseLoader } from "~/routes/settings.courses.$courseId";
import { loader as meLoader } from "~/routes/me";
import { addDaysIso, formatUkDate, formatUkNumericDate } from "~/utils/dates";
import { createCentre, createPerson, createUser } from "../helpers/factories";
import { args, getRequest, postRequest, thrownResponse } from "../helpers/requests";
import { clock } from "~/utils/clock.server";
import { requirementWords } from "~/modules/compliance/words";

let centreId: string;
let coordinator: Awaited<ReturnType<typeof createUser>>;
let assessor: Awaited<ReturnType<typeof createUser>>;
let volunteer: Awaited<ReturnType<typeof createUser>>;
let person: Awaited<ReturnType<typeof createPerson>>;
const today = clock.today();
const uk = (daysAgo: number) => formatUkDate(addDaysIso(today, -daysAgo));

const dbsForm = (overrides: Record<string, string> = {}) => ({
  intent: "add-dbs", level: "enhanced", workforce: "child", certificateNumber: "001234567890",
  issuedOn: uk(100), decision: "clear", seenBy: "Cora", seenOn: uk(98), ...overrides,
});

beforeAll(async () => {
  centreId = (await createCentre("Compliance Centre")).id;
  coordinator = await createUser(centreId, "coordinator", { name: "Cora" });
  assessor = await createUser(centreId, "assessor");
  person = await createPerson(centreId, { firstName: "Rita", lastName: "Record", startedOn: addDaysIso(today, -90) });
  volunteer = await createUser(centreId, "volunteer", { personId: person.id });
});

const post = async (fields: Record<string, string>, user = coordinator) =>
  complianceAction(args(await postRequest(`/people/${person.id}/compliance`, fields, user), { personId: person.id }));

describe("recording checks and training", () => {
  it("starts with nothing: not cleared, DBS and references missing", async () => {
    const data = await complianceLoader(args(await getRequest(`/people/${person.id}/compliance`, coordinator), { personId: person.id }));
    expect(data.compliance.cleared).toBe(false);
    expect(data.compliance.requirements.slice(0, 2).map((r) => [r.key, r.status])).toEqual([["dbs", "missing"], ["references", "missing"]]);
  });

  it("refuses a bad DBS check beside each field, keeping what was typed", async () => {
    const result = await post(dbsForm({ certificateNumber: "12345", issuedOn: formatUkDate(addDaysIso(today, 1)) }));
    expect(result).toMatchObject({
      ok: false, intent: "add-dbs",
      errors: { certificateNumber: "The certificate number is the 12 digits printed on the certificate", issuedOn: "The date of issue cannot be in the future" },
      values: { certificateNumber: "12345", seenBy: "Cora" },
    });
    expect(await prisma.dbsCheck.count({ where: { personId: person.id } })).toBe(0);
  });

  it("saves a DBS check and two references, after which they are cleared, and audits each", async () => {
    const saved = await thrownResponse(() => post(dbsForm()));
    expect(saved.headers.get("Location")).toBe(`/people/${person.id}/compliance?saved=dbs#dbs`);
    await thrownResponse(() => post({ intent: "add-reference", refereeName: "Ann", relationship: "Employer", contact: "ann@example.net", requestedOn: uk(120), receivedOn: uk(110), outcome: "satisfactory" }));
    await thrownResponse(() => post({ intent: "add-reference", refereeName: "Ben", relationship: "Neighbour", contact: "01632 960 000", requestedOn: uk(120) }));

    let data = await complianceLoader(args(await getRequest(`/people/${person.id}/compliance`, coordinator), { personId: person.id }));
    expect(data.compliance.cleared).toBe(false);
    const awaited = data.references.find((r) => r.refereeName === "Ben")!;
    const early = await post({ intent: "reference-received", referenceId: awaited.id, receivedOn: uk(121), outcome: "satisfactory" });
    expect(early).toMatchObject({ ok: false, target: awaited.id, errors: { receivedOn: `The date received cannot be before the date requested (${uk(120)})` } });
    await thrownResponse(() => post({ intent: "reference-received", referenceId: awaited.id, receivedOn: uk(105), outcome: "satisfactory" }));

    data = await complianceLoader(args(await getRequest(`/people/${person.id}/compliance`, coordinator), { personId: person.id }));
    expect(data.compliance).toMatchObject({ cleared: true, clearedWords: "Cleared to work: enhanced DBS and references in place" });
    expect(data.dbsChecks[0]).toMatchObject({ certificateNumber: "001234567890", decision: "Clear: no information disclosed", seen: `Cora on ${uk(98)}` });
    const summaries = (await prisma.auditEvent.findMany({ where: { personId: person.id }, orderBy: { at: "asc" } })).map((e) => e.summary);
    expect(summaries).toEqual([
      "Recorded a DBS check for Rita Record",
      "Recorded a reference from Ann for Rita Record",
      "Recorded a reference from Ben for Rita Record",
      "Recorded the reference from Ben for Rita Record as received",
    ]);
  });

  it("refuses a status check on a certificate not on the Update Service", async () => {
    const check = await prisma.dbsCheck.findFirstOrThrow({ where: { personId: person.id } });
    const result = await post({ intent: "add-status-check", dbsCheckId: check.id, checkedOn: uk(1), result: "no_change", checkedBy: "Cora" });
    expect(result).toMatchObject({ ok: false, errors: { checkedOn: "This certificate is not on the Update Service, so it cannot be status-checked" } });
  });

  it("records training against a course of this centre only", async () => {
    const safeguarding = await prisma.course.findFirstOrThrow({ where: { centreId, kind: "safeguarding" } });
    const otherCentreCourse = await prisma.course.findFirstOrThrow({ where: { centreId: { not: centreId } } }).catch(async () => {
      const other = await createCentre("Other");
      return prisma.course.findFirstOrThrow({ where: { centreId: other.id } });
    });
    expect(await post({ intent: "add-training", courseId: otherCentreCourse.id, completedOn: uk(10), deliveryMethod: "workbook" })).toMatchObject({
      ok: false, errors: { courseId: "Choose a course from the list" },
    });
    await thrownResponse(() => post({ intent: "add-training", courseId: safeguarding.id, completedOn: uk(10), deliveryMethod: "e_learning", evidenceNote: "Certificate seen" }));
    const data = await complianceLoader(args(await getRequest(`/people/${person.id}/compliance`, coordinator), { personId: person.id }));
    expect(data.compliance.requirements.find((r) => r.key === `course:${safeguarding.id}`)).toMatchObject({ status: "met" });
  });

  it("shows the record as it stood on a past date", async () => {
    const data = await complianceLoader(args(await getRequest(`/people/${person.id}/compliance?date=${encodeURIComponent(uk(106))}`, assessor), { personId: person.id }));
    expect(data.date).toMatchObject({ isToday: false, date: addDaysIso(today, -106) });
    expect(data.compliance.cleared).toBe(false);
  });

  it("explains a date it cannot read and shows today instead", async () => {
    const data = await complianceLoader(args(await getRequest(`/people/${person.id}/compliance?date=31/02/2025`, assessor), { personId: person.id }));
    expect(data.date).toMatchObject({ isToday: true, error: "February 2025 has 28 days: 31 is not a day in it. Showing today instead." });
  });
});

describe("who may see and change compliance", () => {
  it("lets assessors read every compliance page but change nothing", async () => {
    // Rita is this centre's only person, cleared (DBS and references) but without her NACCC modules.
    expect((await dashboardLoader(args(await getRequest("/compliance", assessor)))).summary).toEqual({ people: 1, cleared: 1, fullyCompliant: 0 });
    expect((await matrixLoader(args(await getRequest("/compliance/matrix", assessor)))).rows.map((r) => r.name)).toEqual(["Rita Record"]);
    expect((await complianceLoader(args(await getRequest(`/people/${person.id}/compliance`, assessor), { personId: person.id }))).canEdit).toBe(false);
    const before = await prisma.dbsCheck.count();
    expect((await thrownResponse(() => post(dbsForm(), assessor))).status).toBe(403);
    expect(await prisma.dbsCheck.count()).toBe(before);
    expect((await thrownResponse(async () => settingsLoader(args(await getRequest("/settings", assessor))))).status).toBe(403);
    expect((await thrownResponse(async () => settingsAction(args(await postRequest("/settings", { referencesRequired: "0", dueSoonDays: "60", dbsRecheckYears: "3", updateServiceCheckMonths: "12" }, assessor))))).status).toBe(403);
  });

  it("keeps volunteers to their own record", async () => {
    for (const run of [
      async () => dashboardLoader(args(await getRequest("/compliance", volunteer))),
      async () => matrixLoader(args(await getRequest("/compliance/matrix", volunteer))),
      async () => csvLoader(args(await getRequest("/compliance/matrix.csv", volunteer))),
      async () => complianceLoader(args(await getRequest(`/people/${person.id}/compliance`, volunteer), { personId: person.id })),
      async () => post(dbsForm(), volunteer),
      async () => courseLoader(args(await getRequest("/settings/courses/new", volunteer), { courseId: "new" })),
    ]) {
      expect((await thrownResponse(run)).status).toBe(403);
    }
    const me = await meLoader(args(await getRequest("/me", volunteer)));
    expect(me.person).toMatchObject({ name: "Rita Record", cleared: true });
    expect(me.person?.requirements.map((r) => r.status)).not.toContain("not_required");
  });

  it("answers 404 for a person at another centre", async () => {
    const elsewhere = await createPerson((await createCentre("Far Away")).id);
    expect((await thrownResponse(async () => complianceLoader(args(await getRequest(`/people/${elsewhere.id}/compliance`, assessor), { personId: elsewhere.id })))).status).toBe(404);
    expect((await thrownResponse(async () => complianceAction(args(await postRequest(`/people/${elsewhere.id}/compliance`, dbsForm(), coordinator), { personId: elsewhere.id })))).status).toBe(404);
  });
});

describe("the matrix and its CSV export", () => {
  beforeAll(async () => {
    await createPerson(centreId, { firstName: "=cmd|'/c calc'!A1", lastName: "Injector" });
  });

  it("filters by role and by compliance", async () => {
    const notCleared = await matrixLoader(args(await getRequest("/compliance/matrix?view=not_cleared", coordinator)));
    expect(notCleared.rows.map((r) => r.name)).toContain("=cmd|'/c calc'!A1 Injector");
    expect(notCleared.rows.map((r) => r.name)).not.toContain("Rita Record");
    const trustees = await matrixLoader(args(await getRequest("/compliance/matrix?role=trustee", coordinator)));
    expect(trustees.rows).toEqual([]);
    expect(notCleared.columns.map((c) => c.label)).toEqual(["DBS check", "References", "Induction", "Safeguarding refresher", "NACCC co-ordinator training", "NACCC modules (10)"]);
  });

  it("downloads a CSV for Excel with UK dates, one column per requirement, and no live formulas", async () => {
    const response = await csvLoader(args(await getRequest("/compliance/matrix.csv", assessor)));
    expect(response.headers.get("Content-Type")).toBe("text/csv; charset=utf-8");
    expect(response.headers.get("Content-Disposition")).toBe(`attachment; filename="compliance-${today}.csv"`);
    const bytes = new Uint8Array(await response.arrayBuffer());
    expect([...bytes.slice(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const text = new TextDecoder().decode(bytes.slice(3));
    const lines = text.split("\r\n").filter(Boolean);
    expect(lines[0].split(",").slice(0, 7)).toEqual(["Name", "Status on date", "Roles on date", "Cleared to work", "Fully compliant", "DBS certificate number", "DBS issued"]);
    expect(lines[0]).toContain("NACCC module 10: status");
    const rita = lines.find((l) => l.startsWith("Rita Record"))!;
    expect(rita).toContain(`"=""001234567890"""`);
    expect(rita).toContain(`,${formatUkNumericDate(addDaysIso(today, -100))},`);
    expect(rita).toContain("Yes,");
    const injector = lines.find((l) => l.includes("Injector"))!;
    expect(injector.startsWith(`'=cmd`) || injector.startsWith(`"'=cmd`)).toBe(true);
  });

  it("exports the chosen past date, leaving out people who held no role then", async () => {
    const before = await (await csvLoader(args(await getRequest(`/compliance/matrix.csv?date=${encodeURIComponent(uk(106))}`, coordinator)))).text();
    expect(before.split("\r\n").some((l) => l.startsWith("Rita Record"))).toBe(false);
    const after = await (await csvLoader(args(await getRequest(`/compliance/matrix.csv?date=${encodeURIComponent(uk(80))}`, coordinator)))).text();
    const rita = after.split("\r\n").find((l) => l.startsWith("Rita Record"))!;
    expect(rita.split(",").slice(3, 5)).toEqual(["Yes", "No"]);
    expect(rita.endsWith(`,${formatUkNumericDate(addDaysIso(today, -80))}`)).toBe(true);
  });
});

describe("settings and courses", () => {
  it("changes a policy, which changes what is required, and audits it", async () => {
    const response = await thrownResponse(async () => settingsAction(args(await postRequest("/settings", { referencesRequired: "3", dueSoonDays: "60", dbsRecheckYears: "3", updateServiceCheckMonths: "12" }, coordinator))));
    expect(response.headers.get("Location")).toBe("/settings?saved=1");
    const data = await complianceLoader(args(await getRequest(`/people/${person.id}/compliance`, coordinator), { personId: person.id }));
    const references = data.compliance.requirements.find((r) => r.key === "references")!;
    expect(references.status).toBe("missing");
    expect(requirementWords(references)).toBe("2 of 3 satisfactory references received");
    const event = await prisma.auditEvent.findFirstOrThrow({ where: { centreId, entityType: "Centre" } });
    expect(JSON.parse(event.changes)).toEqual([{ field: "References required", from: "2", to: "3" }]);
  });

  it("renames a NACCC module and adds a course of the centre's own", async () => {
    const module1 = await prisma.course.findFirstOrThrow({ where: { centreId, name: "NACCC module 1" } });
    await thrownResponse(async () => courseAction(args(await postRequest(`/settings/courses/${module1.id}`, { name: "Understanding contact", validityMonths: "36", requiredFor: ["volunteer", "staff"] }, coordinator), { courseId: module1.id })));
    expect(await prisma.course.findUniqueOrThrow({ where: { id: module1.id } })).toMatchObject({ name: "Understanding contact", requiredFor: "volunteer,staff" });

    const duplicate = await courseAction(args(await postRequest("/settings/courses/new", { name: "Safeguarding refresher", validityMonths: "", requiredFor: "staff" }, coordinator), { courseId: "new" }));
    expect(duplicate).toMatchObject({ ok: false, errors: { name: "There is already a course called “Safeguarding refresher”" } });
    await thrownResponse(async () => courseAction(args(await postRequest("/settings/courses/new", { name: "Domestic abuse awareness", validityMonths: "24", requiredFor: "staff" }, coordinator), { courseId: "new" })));
    expect(await prisma.course.findFirst({ where: { centreId, name: "Domestic abuse awareness" } })).toMatchObject({ kind: "custom", validityMonths: 24 });
  });
});

describe("the rota setting", () => {
  it("sets how often people serve by default, refusing nonsense", async () => {
    const bad = await settingsAction(args(await postRequest("/settings", { intent: "rota", serveEveryWeeks: "0", nation: "england_wales" }, coordinator)));
    expect(bad).toMatchObject({ ok: false, errors: { serveEveryWeeks: "Choose how often people serve, from every week to every 26 weeks" } });
    await thrownResponse(async () => settingsAction(args(await postRequest("/settings", { intent: "rota", serveEveryWeeks: "6", nation: "england_wales" }, coordinator))));
    expect((await prisma.centre.findUniqueOrThrow({ where: { id: centreId } })).serveEveryWeeks).toBe(6);
    const { centre } = await settingsLoader(args(await getRequest("/settings", coordinator)));
    expect(centre.serveEveryWeeks).toBe(6);
    // The page is sent its settings, and nothing else of the centre's row.
    expect(Object.keys(centre).sort()).toEqual(["leaverRetentionYears", "nation", "offersSupervised", "openShiftTaking", "reminderLeadDays", "requireTwoFactor", "sensitiveEmailDays", "serveEveryWeeks", "summaryWeekday", "swapCutoffHours"]);
    expect(centre).toMatchObject({ nation: "england_wales", requireTwoFactor: false });
  });
});

describe("the reminder settings", () => {
  it("set when reminders go out and the weekday of the weekly summaries, audited, refusing nonsense", async () => {
    const bad = await settingsAction(args(await postRequest("/settings", { intent: "reminders", reminderLeadDays: "30, soon", summaryWeekday: "XX" }, coordinator)));
    expect(bad).toMatchObject({
      ok: false,
      errors: { reminderLeadDays: "Use whole numbers of days from 0 to 365, separated by commas, for example 60, 30, 7, 0", summaryWeekday: "Choose the day of the week the summaries go out" },
      values: { reminderLeadDays: "30, soon" },
    });
    await thrownResponse(async () => settingsAction(args(await postRequest("/settings", { intent: "reminders", reminderLeadDays: "7, 30, 30, 0", summaryWeekday: "TH" }, coordinator))));
    expect(await prisma.centre.findUniqueOrThrow({ where: { id: centreId }, select: { reminderLeadDays: true, summaryWeekday: true } })).toEqual({ reminderLeadDays: "30,7,0", summaryWeekday: "TH" });
    const audit = await prisma.auditEvent.findFirstOrThrow({ where: { centreId, summary: "Changed the day weekly summaries and digests go out" } });
    expect(JSON.parse(audit.changes)).toEqual([{ field: "Weekly summary day", from: "Monday", to: "Thursday" }]);
    expect((await settingsLoader(args(await getRequest("/settings", coordinator)))).centre.summaryWeekday).toBe("TH");
  });
});

describe("the sign-in setting", () => {
  it("turns required two-factor sign-in on and off for co-ordinators and assessors, audited, and only co-ordinators may", async () => {
    expect(await thrownResponse(async () => settingsAction(args(await postRequest("/settings", { intent: "sign-in", requireTwoFactor: "on" }, assessor))))).toMatchObject({ status: 403 });
    expect((await prisma.centre.findUniqueOrThrow({ where: { id: centreId } })).requireTwoFactor).toBe(false);
    await thrownResponse(async () => settingsAction(args(await postRequest("/settings", { intent: "sign-in", requireTwoFactor: "on" }, coordinator))));
    expect((await prisma.centre.findUniqueOrThrow({ where: { id: centreId } })).requireTwoFactor).toBe(true);
    const audit = await prisma.auditEvent.findFirstOrThrow({ where: { centreId, summary: "Changed whether co-ordinators and assessors must use two-factor sign-in" } });
    expect(JSON.parse(audit.changes)).toEqual([{ field: "Two-factor sign-in required", from: "No", to: "Yes" }]);
    await prisma.centre.update({ where: { id: centreId }, data: { requireTwoFactor: false } });
  });
});

describe("reading many people at once", () => {
  it("reads a list longer than SQLite's 999 parameters, keeping only the people asked for", async () => {
    const { loadCentreFacts } = await import("~/modules/compliance/compliance.server");
    const others = Array.from({ length: 1200 }, (_, i) => `not-a-person-${i}`);
    const { people } = await loadCentreFacts(centreId, { personIds: [...others, person.id] });
    expect(people.map((p) => p.id)).toEqual([person.id]);
  });
});
