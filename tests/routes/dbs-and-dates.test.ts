/**
 * The DBS rules as a co-ordinator records checks, the matrix and its CSV on a past date, dates far
 * off, bank holidays by nation, and team turns across rotas.
 */
import { beforeAll, describe, expect, it } from "vitest";
import { prisma } from "~/db.server";
import { action as complianceAction, loader as complianceLoader } from "~/routes/people.$personId.compliance";
import { action as settingsAction } from "~/routes/settings._index";
import { action as courseAction } from "~/routes/settings.courses.$courseId";
import { loader as csvLoader } from "~/routes/compliance.matrix[.]csv";
import { loader as matrixLoader } from "~/routes/compliance.matrix";
import { action as rotasAction } from "~/routes/rota._index";
import { action as sessionAction } from "~/routes/rota.sessions.$sessionId";
import { action as closuresAction } from "~/routes/rota.sessions._index";
import { action as availabilityAction } from "~/routes/me_.availability";
import { action as personAction } from "~/routes/people.$personId._index";
import { addDaysIso, addYearsIso, formatUkDate } from "~/utils/dates";
import { clock } from "~/utils/clock.server";
import { bankHolidays } from "~/modules/rota/bank-holidays";
import type { Nation } from "~/modules/rota/nations";
import { createCentre, createPerson, createUser } from "../helpers/factories";
import { args, getRequest, postRequest, thrownResponse } from "../helpers/requests";

const today = clock.today();
const uk = (days: number) => formatUkDate(addDaysIso(today, days));
let centreId: string;
let coordinator: Awaited<ReturnType<typeof createUser>>;

const withReferences = async (personId: string) => {
  for (const n of [1, 2]) await prisma.reference.create({ data: { personId, refereeName: `R${n}`, relationship: "x", contact: "x", requestedOn: "2023-12-01", receivedOn: "2023-12-10", outcome: "satisfactory" } });
};

const addDbs = async (personId: string, fields: Record<string, string>) =>
  complianceAction(args(await postRequest(`/people/${personId}/compliance`, {
    intent: "add-dbs", level: "enhanced", workforce: "child", certificateNumber: "001234567890", issuedOn: uk(-30), decision: "clear", seenBy: "Cora", seenOn: uk(-29), ...fields,
  }, coordinator), { personId }));

const complianceOf = async (personId: string) => (await complianceLoader(args(await getRequest(`/people/${personId}/compliance`, coordinator), { personId }))).compliance;

beforeAll(async () => {
  centreId = (await createCentre("Rules Centre")).id;
  coordinator = await createUser(centreId, "coordinator", { name: "Cora" });
});

describe("DBS checks for work with children", () => {
  it("does not clear someone whose certificate is for the adult workforce, and says why", async () => {
    const person = await createPerson(centreId, { firstName: "Adam", lastName: "Adult" });
    await withReferences(person.id);
    await thrownResponse(() => addDbs(person.id, { workforce: "adult" }));
    const compliance = await complianceOf(person.id);
    expect(compliance.cleared).toBe(false);
    expect(compliance.clearedWords).toBe(`Not cleared to work: Adult workforce check only (issued ${uk(-30)}): work with children needs a child workforce enhanced check`);
  });

  it("keeps only the last four digits of a certificate number in the audit log, which can never be erased", async () => {
    const person = await createPerson(centreId, { firstName: "Mo", lastName: "Masked" });
    await thrownResponse(() => addDbs(person.id, { certificateNumber: "009988776655" }));
    const entry = await prisma.auditEvent.findFirstOrThrow({ where: { personId: person.id, entityType: "DbsCheck", action: "created" } });
    expect(JSON.parse(entry.changes)).toContainEqual({ field: "Certificate number", from: "", to: "********6655" });
    expect(entry.changes + entry.summary).not.toContain("009988776655");
    expect((await prisma.dbsCheck.findFirstOrThrow({ where: { personId: person.id } })).certificateNumber).toBe("009988776655");
  });

  it("records whether the children's barred list was checked, refusing it on a check that cannot include it", async () => {
    const person = await createPerson(centreId, { firstName: "Bea", lastName: "Barred" });
    await withReferences(person.id);
    const bad = await addDbs(person.id, { level: "enhanced", childrenBarredListChecked: "on" });
    expect(bad).toMatchObject({ ok: false, errors: { childrenBarredListChecked: "Only an enhanced check with barred list checks includes the children's barred list: choose that level, or untick this" } });
    await thrownResponse(() => addDbs(person.id, { level: "enhanced_barred", childrenBarredListChecked: "on" }));
    expect(await prisma.dbsCheck.findFirstOrThrow({ where: { personId: person.id } })).toMatchObject({ childrenBarredListChecked: true });
  });

  it("lets a centre require the children's barred list, and audits the change", async () => {
    const without = await createPerson(centreId, { firstName: "Nat", lastName: "Nolist" });
    await withReferences(without.id);
    await thrownResponse(() => addDbs(without.id, {}));
    expect((await complianceOf(without.id)).cleared).toBe(true);
    await thrownResponse(async () => settingsAction(args(await postRequest("/settings", {
      referencesRequired: "2", dueSoonDays: "60", dbsRecheckYears: "3", updateServiceCheckMonths: "12", requireChildrenBarredList: "on",
    }, coordinator))));
    const after = await complianceOf(without.id);
    expect(after.cleared).toBe(false);
    expect(after.clearedWords).toContain("The children's barred list was not checked");
    const event = await prisma.auditEvent.findFirstOrThrow({ where: { centreId, entityType: "Centre" }, orderBy: { at: "desc" } });
    expect(JSON.parse(event.changes)).toEqual([{ field: "Require the children's barred list", from: "No", to: "Yes" }]);
    await thrownResponse(async () => settingsAction(args(await postRequest("/settings", { referencesRequired: "2", dueSoonDays: "60", dbsRecheckYears: "3", updateServiceCheckMonths: "12" }, coordinator))));
  });

  it("counts a status check recorded on an older subscribed certificate when the newer one is not subscribed", async () => {
    const person = await createPerson(centreId, { firstName: "Una", lastName: "Update" });
    await withReferences(person.id);
    await thrownResponse(() => addDbs(person.id, { issuedOn: formatUkDate(addYearsIso(today, -5)), seenOn: formatUkDate(addYearsIso(today, -5)), updateServiceSubscribed: "on" }));
    await thrownResponse(() => addDbs(person.id, { issuedOn: formatUkDate(addYearsIso(today, -4)), seenOn: formatUkDate(addYearsIso(today, -4)), certificateNumber: "001234567891" }));
    expect((await complianceOf(person.id)).cleared).toBe(false); // the newer certificate is past its recheck
    const older = await prisma.dbsCheck.findFirstOrThrow({ where: { personId: person.id, updateServiceSubscribed: true } });
    await thrownResponse(async () => complianceAction(args(await postRequest(`/people/${person.id}/compliance`, { intent: "add-status-check", dbsCheckId: older.id, checkedOn: uk(-10), result: "no_change", checkedBy: "Cora" }, coordinator), { personId: person.id })));
    const after = await complianceOf(person.id);
    expect(after.cleared).toBe(true);
    expect(after.requirements[0]).toMatchObject({ code: "dbs_update_service", validUntil: addYearsIso(addDaysIso(today, -10), 1) });
  });

  it("shows a refused certificate as Not accepted in the matrix, not Missing", async () => {
    const person = await createPerson(centreId, { firstName: "Rex", lastName: "Refused" });
    await thrownResponse(() => addDbs(person.id, { decision: "not_accepted" }));
    const matrix = await matrixLoader(args(await getRequest("/compliance/matrix", coordinator)));
    expect(matrix.rows.find((r) => r.name === "Rex Refused")!.cells[0]).toMatchObject({ status: "not_accepted", words: "Not accepted" });
  });
});

describe("records entered in error", () => {
  const markInError = async (personId: string, fields: Record<string, string>, user = coordinator) =>
    complianceAction(args(await postRequest(`/people/${personId}/compliance`, { intent: "entered-in-error", ...fields }, user), { personId }));

  it("keeps a mistyped DBS check, struck through with why, and stops it counting on any date", async () => {
    const person = await createPerson(centreId, { firstName: "Ed", lastName: "Error" });
    await withReferences(person.id);
    await thrownResponse(() => addDbs(person.id, {}));
    expect((await complianceOf(person.id)).cleared).toBe(true);
    const check = await prisma.dbsCheck.findFirstOrThrow({ where: { personId: person.id } });
    const saved = await thrownResponse(() => markInError(person.id, { kind: "dbs", recordId: check.id, reason: "Certificate number mistyped" }));
    expect(saved.headers.get("Location")).toBe(`/people/${person.id}/compliance?saved=entered-in-error#dbs`);
    expect((await complianceOf(person.id)).cleared).toBe(false);
    const past = await complianceLoader(args(await getRequest(`/people/${person.id}/compliance?date=${encodeURIComponent(uk(-1))}`, coordinator), { personId: person.id }));
    expect(past.compliance.cleared).toBe(false);
    expect(past.dbsChecks).toEqual([expect.objectContaining({ id: check.id, enteredInError: { on: today, by: "Cora", reason: "Certificate number mistyped" } })]);
    const entry = await prisma.auditEvent.findFirstOrThrow({ where: { personId: person.id, action: "entered-in-error" } });
    expect(entry.summary).toBe(`Marked the DBS check issued ${uk(-30)} (certificate ********7890) for Ed Error as entered in error`);
    expect(JSON.parse(entry.changes)).toEqual([{ field: "Why", from: "", to: "Certificate number mistyped" }]);
    expect((await matrixLoader(args(await getRequest("/compliance/matrix", coordinator)))).rows.find((r) => r.name === "Ed Error")?.cleared).toBe(false);
  });

  it("asks why, next to the field, and changes nothing without a reason; refuses marking twice", async () => {
    const person = await createPerson(centreId, { firstName: "Nia", lastName: "NoReason" });
    const course = await prisma.course.findFirstOrThrow({ where: { centreId } });
    const record = await prisma.trainingRecord.create({ data: { personId: person.id, courseId: course.id, completedOn: addDaysIso(today, -10), deliveryMethod: "in_person" } });
    const result = await markInError(person.id, { kind: "training", recordId: record.id, reason: "   " });
    expect(result).toMatchObject({ ok: false, intent: "entered-in-error", target: record.id, errors: { reason: "Say why this record was entered in error, for example: certificate number mistyped" } });
    expect((await prisma.trainingRecord.findUniqueOrThrow({ where: { id: record.id } })).enteredInErrorAt).toBeNull();
    await thrownResponse(() => markInError(person.id, { kind: "training", recordId: record.id, reason: "Wrong person" }));
    expect(await markInError(person.id, { kind: "training", recordId: record.id, reason: "Again" })).toMatchObject({ errors: { reason: "This record is already marked as entered in error" } });
  });

  it("shows assessors the struck-through record but lets only co-ordinators mark one", async () => {
    const person = await createPerson(centreId, { firstName: "Ray", lastName: "Ref" });
    await withReferences(person.id);
    const reference = await prisma.reference.findFirstOrThrow({ where: { personId: person.id } });
    const assessor = await createUser(centreId, "assessor");
    expect((await thrownResponse(async () => markInError(person.id, { kind: "reference", recordId: reference.id, reason: "x" }, assessor))).status).toBe(403);
    await thrownResponse(() => markInError(person.id, { kind: "reference", recordId: reference.id, reason: "Referee is a relative" }));
    const seen = await complianceLoader(args(await getRequest(`/people/${person.id}/compliance`, assessor), { personId: person.id }));
    expect(seen.canEdit).toBe(false);
    expect(seen.references.find((r) => r.id === reference.id)?.enteredInError).toMatchObject({ reason: "Referee is a relative" });
    expect(seen.compliance.requirements.find((r) => r.key === "references")?.status).toBe("missing");
  });
});

describe("correcting a record in place", () => {
  const correct = async (personId: string, fields: Record<string, string>, user = coordinator) =>
    complianceAction(args(await postRequest(`/people/${personId}/compliance`, fields, user), { personId }));
  const dbsFields = (recordId: string, fields: Record<string, string> = {}) => ({
    intent: "correct-dbs", recordId, level: "enhanced", workforce: "child", certificateNumber: "001234567890", issuedOn: uk(-30), decision: "clear", seenBy: "Cora", seenOn: uk(-29), ...fields,
  });

  it("corrects a mistyped issue date and certificate number, auditing old and new (number masked), and the rules follow", async () => {
    const person = await createPerson(centreId, { firstName: "Cal", lastName: "Correct" });
    await withReferences(person.id);
    await thrownResponse(() => addDbs(person.id, { issuedOn: formatUkDate(addYearsIso(today, -4)), seenOn: formatUkDate(addYearsIso(today, -4)) }));
    expect((await complianceOf(person.id)).cleared).toBe(false); // past the centre's three-year recheck
    const check = await prisma.dbsCheck.findFirstOrThrow({ where: { personId: person.id } });
    const saved = await thrownResponse(() => correct(person.id, dbsFields(check.id, { certificateNumber: "0012 3456 7899" })));
    expect(saved.headers.get("Location")).toBe(`/people/${person.id}/compliance?saved=corrected#dbs`);
    expect(await prisma.dbsCheck.findUniqueOrThrow({ where: { id: check.id } })).toMatchObject({ issuedOn: addDaysIso(today, -30), certificateNumber: "001234567899" });
    expect((await complianceOf(person.id)).cleared).toBe(true);
    const entry = await prisma.auditEvent.findFirstOrThrow({ where: { personId: person.id, action: "corrected" } });
    expect(entry.summary).toBe(`Corrected the DBS check issued ${uk(-30)} for Cal Correct`);
    expect(JSON.parse(entry.changes)).toEqual([
      { field: "Certificate number", from: "********7890", to: "********7899" },
      { field: "Issued", from: formatUkDate(addYearsIso(today, -4)), to: uk(-30) },
      { field: "Original seen on", from: formatUkDate(addYearsIso(today, -4)), to: uk(-29) },
    ]);
  });

  it("keeps what was typed and the saved record when a correction is wrong, and writes nothing when nothing changed", async () => {
    const person = await createPerson(centreId, { firstName: "Wes", lastName: "Wrong" });
    await thrownResponse(() => addDbs(person.id, {}));
    const check = await prisma.dbsCheck.findFirstOrThrow({ where: { personId: person.id } });
    const bad = await correct(person.id, dbsFields(check.id, { issuedOn: "31/02/2024", certificateNumber: "12345" }));
    expect(bad).toMatchObject({ ok: false, intent: "correct-dbs", target: check.id, values: { certificateNumber: "12345" } });
    expect(bad && "errors" in bad && Object.keys(bad.errors).sort()).toEqual(["certificateNumber", "issuedOn"]);
    expect((await prisma.dbsCheck.findUniqueOrThrow({ where: { id: check.id } })).certificateNumber).toBe("001234567890");
    const same = await thrownResponse(() => correct(person.id, dbsFields(check.id)));
    expect(same.headers.get("Location")).toContain("saved=unchanged");
    expect(await prisma.auditEvent.count({ where: { personId: person.id, action: "corrected" } })).toBe(0);
  });

  it("corrects a training date and course, and a reference's dates, but not a record entered in error", async () => {
    const person = await createPerson(centreId, { firstName: "Tia", lastName: "Training" });
    const [first, second] = await prisma.course.findMany({ where: { centreId }, orderBy: { sortOrder: "asc" }, take: 2 });
    const record = await prisma.trainingRecord.create({ data: { personId: person.id, courseId: first.id, completedOn: addDaysIso(today, -10), deliveryMethod: "face_to_face" } });
    await thrownResponse(() => correct(person.id, { intent: "correct-training", recordId: record.id, courseId: second.id, completedOn: uk(-12), deliveryMethod: "face_to_face" }));
    expect(await prisma.trainingRecord.findUniqueOrThrow({ where: { id: record.id } })).toMatchObject({ courseId: second.id, completedOn: addDaysIso(today, -12) });
    const entry = await prisma.auditEvent.findFirstOrThrow({ where: { personId: person.id, action: "corrected" } });
    expect(JSON.parse(entry.changes)).toEqual([{ field: "Course", from: first.name, to: second.name }, { field: "Completed", from: uk(-10), to: uk(-12) }]);

    await withReferences(person.id);
    const reference = await prisma.reference.findFirstOrThrow({ where: { personId: person.id } });
    const refFields = { intent: "correct-reference", recordId: reference.id, refereeName: "R1", relationship: "x", contact: "x", requestedOn: "01/12/2023", receivedOn: "01/11/2023", outcome: "satisfactory" };
    expect(await correct(person.id, refFields)).toMatchObject({ errors: { receivedOn: "The date received cannot be before the date requested (1 Dec 2023)" } });
    await thrownResponse(() => correct(person.id, { ...refFields, receivedOn: "11/12/2023" }));
    expect((await prisma.reference.findUniqueOrThrow({ where: { id: reference.id } })).receivedOn).toBe("2023-12-11");

    await prisma.trainingRecord.update({ where: { id: record.id }, data: { enteredInErrorAt: clock.now(), enteredInErrorReason: "x", enteredInErrorBy: "Cora" } });
    expect(await correct(person.id, { intent: "correct-training", recordId: record.id, courseId: first.id, completedOn: uk(-1), deliveryMethod: "face_to_face" }))
      .toMatchObject({ errors: { recordId: "This record is marked as entered in error, so it cannot be corrected: add a new one" } });
  });

  it("lets only co-ordinators correct, and only records of their own centre's people", async () => {
    const person = await createPerson(centreId, { firstName: "Oz", lastName: "Other" });
    await thrownResponse(() => addDbs(person.id, {}));
    const check = await prisma.dbsCheck.findFirstOrThrow({ where: { personId: person.id } });
    const assessor = await createUser(centreId, "assessor");
    expect((await thrownResponse(() => correct(person.id, dbsFields(check.id, { issuedOn: uk(-40) }), assessor))).status).toBe(403);
    const elsewhere = await createPerson(centreId, { firstName: "El", lastName: "Sewhere" });
    expect((await thrownResponse(() => correct(elsewhere.id, dbsFields(check.id, { issuedOn: uk(-40) })))).status).toBe(404);
    expect((await prisma.dbsCheck.findUniqueOrThrow({ where: { id: check.id } })).issuedOn).toBe(addDaysIso(today, -30));
  });
});

describe("the matrix and CSV on a past date", () => {
  it("shows each person's status as it was on that date, in words", async () => {
    const person = await createPerson(centreId, { firstName: "Lena", lastName: "Leaver", startedOn: "2022-01-01" });
    const lastDay = addDaysIso(today, -30);
    await personAction(args(await postRequest(`/people/${person.id}`, { intent: "leave", leftOn: formatUkDate(lastDay), confirmed: "yes" }, coordinator), { personId: person.id }));
    const before = await (await csvLoader(args(await getRequest(`/compliance/matrix.csv?date=${encodeURIComponent(formatUkDate(addDaysIso(lastDay, -1)))}`, coordinator)))).text();
    expect(before.split("\r\n").find((l) => l.startsWith("Lena Leaver"))!.split(",")[1]).toBe("Active");
    const page = await matrixLoader(args(await getRequest(`/compliance/matrix?status=active&date=${encodeURIComponent(formatUkDate(lastDay))}`, coordinator)));
    expect(page.rows.map((r) => r.name)).toContain("Lena Leaver");
  });

  it("answers 400 with the reason for a date it cannot read or one in the future", async () => {
    const bad = await csvLoader(args(await getRequest("/compliance/matrix.csv?date=31/02/2025", coordinator)));
    expect(bad.status).toBe(400);
    expect(await bad.text()).toBe("Cannot export the matrix: February 2025 has 28 days: 31 is not a day in it.");
    const future = await csvLoader(args(await getRequest("/compliance/matrix.csv?date=01/01/2199", coordinator)));
    expect(future.status).toBe(400);
    expect(await future.text()).toBe("Cannot export the matrix: 1 Jan 2199 is in the future: choose today or a past date.");
    const page = await matrixLoader(args(await getRequest("/compliance/matrix?date=01/01/2199", coordinator)));
    expect(page.date).toMatchObject({ isToday: true, error: "1 Jan 2199 is in the future: choose today or a past date. Showing today instead." });
  });

  it("protects course names in the header from being run as formulas", async () => {
    await thrownResponse(async () => courseAction(args(await postRequest("/settings/courses/new", { name: "=HYPERLINK(\"http://evil.example\")", validityMonths: "12", requiredFor: "volunteer" }, coordinator), { courseId: "new" })));
    const header = (await (await csvLoader(args(await getRequest("/compliance/matrix.csv", coordinator)))).text()).replace(/^\uFEFF/, "").split("\r\n")[0];
    expect(header).toContain(`"'=HYPERLINK(""http://evil.example""): status"`);
    expect(header).not.toMatch(/(^|,)"?=/);
  });
});

describe("dates far off are refused with the window they must fall in", () => {
  it("for a rota, a session, a closure and dates someone cannot do", async () => {
    const rota = await rotasAction(args(await postRequest("/rota", { startsOn: "06/01/1900", weeks: "6", mode: "individuals" }, coordinator)));
    expect(rota).toMatchObject({ ok: false, errors: { startsOn: `The first day of the rota cannot be before ${uk(-28)}` } });
    const later = await rotasAction(args(await postRequest("/rota", { startsOn: "06/01/2199", weeks: "6", mode: "individuals" }, coordinator)));
    expect(later).toMatchObject({ ok: false, errors: { startsOn: `The first day of the rota cannot be after ${formatUkDate(addYearsIso(today, 1))}` } });

    const session = await sessionAction(args(await postRequest("/rota/sessions/new", {
      intent: "save", name: "Far", location: "", frequency: "weekly", interval: "1", weekdays: "SA", weekOfMonth: "", startsOn: "01/01/2199", endsOn: "",
      startTime: "10:00", endTime: "12:00", coordinatorsNeeded: "0", staffNeeded: "0", volunteersNeeded: "1", skipBankHolidays: "on",
    }, coordinator), { sessionId: "new" }));
    expect(session).toMatchObject({ errors: { startsOn: `The first session cannot be after ${formatUkDate(addYearsIso(today, 2))}` } });

    const closure = await closuresAction(args(await postRequest("/rota/sessions", { intent: "add-closure", date: "01/01/1900", reason: "Old" }, coordinator)));
    expect(closure).toMatchObject({ ok: false, errors: { date: `The closure cannot be before ${formatUkDate(addYearsIso(today, -1))}` } });

    const person = await createPerson(centreId, { firstName: "Ava", lastName: "Away" });
    const volunteer = await createUser(centreId, "volunteer", { personId: person.id });
    const away = await availabilityAction(args(await postRequest("/me/availability", { intent: "add-dates", startsOn: uk(10), endsOn: formatUkDate(addYearsIso(today, 3)) }, volunteer)));
    expect(away).toMatchObject({ ok: false, errors: { endsOn: `The last date cannot be after ${formatUkDate(addDaysIso(addYearsIso(addDaysIso(today, 10), 1), -1))}: enter a year at most at once` } });
    expect(await prisma.closure.count({ where: { centreId } })).toBe(0);
    expect(await prisma.unavailability.count({ where: { personId: person.id } })).toBe(0);
  });

  it("refuses the same closure twice", async () => {
    await closuresAction(args(await postRequest("/rota/sessions", { intent: "add-closure", date: uk(20), reason: "Boiler repair" }, coordinator)));
    const again = await closuresAction(args(await postRequest("/rota/sessions", { intent: "add-closure", date: uk(20), reason: "Again" }, coordinator)));
    expect(again).toMatchObject({ ok: false, errors: { date: `The centre is already closed on ${uk(20)} (Boiler repair)` } });
    expect(await prisma.closure.count({ where: { centreId } })).toBe(1);
  });
});

describe("bank holidays follow the centre's nation", () => {
  it("skips Scotland's second day of the new year only for a centre in Scotland", async () => {
    const centre = await createCentre("Highland Centre");
    const { occurrencesFor } = await import("~/modules/rota/rota.server");
    const year = Number(today.slice(0, 4)) + 1;
    // A session every day in the first week of next year.
    await prisma.contactSession.create({
      data: { centreId: centre.id, name: "Daily", frequency: "weekly", interval: 1, weekdays: "MO,TU,WE,TH,FR,SA,SU", startsOn: `${year}-01-01`, startTime: "10:00", endTime: "11:00", volunteersNeeded: 1 },
    });
    const skipped = async () => (await occurrencesFor(centre.id, `${year}-01-01`, `${year}-01-07`)).filter((o) => o.skippedBecause).map((o) => o.date);
    const holidays = (nation: Nation) => bankHolidays(nation, `${year}-01-01`, `${year}-01-07`).map((h) => h.date);
    expect(await skipped()).toEqual(holidays("england_wales"));
    await thrownResponse(async () => settingsAction(args(await postRequest("/settings", { intent: "rota", serveEveryWeeks: "4", nation: "scotland" }, await createUser(centre.id, "coordinator")))));
    expect(await skipped()).toEqual(holidays("scotland"));
    expect(holidays("scotland").length).toBe(holidays("england_wales").length + 1);
  });
});
