import { beforeAll, describe, expect, it } from "vitest";
import ICAL from "ical.js";
import { prisma } from "~/db.server";
import { action as sessionAction, loader as sessionLoader } from "~/routes/rota.sessions.$sessionId";
import { action as rotasAction, loader as rotasLoader } from "~/routes/rota._index";
import { action as rotaAction, loader as rotaLoader } from "~/routes/rota.$rotaId._index";
import { action as shiftAction, loader as shiftLoader } from "~/routes/rota.$rotaId.shifts.$shiftId";
import { action as myShiftsAction, loader as myShiftsLoader } from "~/routes/my-shifts";
import { loader as feedLoader } from "~/routes/calendar.$token[.]ics";
import { loader as shiftIcsLoader } from "~/routes/my-shifts.$assignmentId[.]ics";
import { action as availabilityAction } from "~/routes/me_.availability";
import { loader as dashboardLoader } from "~/routes/compliance._index";
import { addDaysIso, formatUkDate, formatUkDateWithDay } from "~/utils/dates";
import { createCentre, createPerson, createUser } from "../helpers/factories";
import { args, getRequest, postRequest, thrownResponse } from "../helpers/requests";
import { clock } from "~/utils/clock.server";
import { weekStart } from "~/modules/rota/weeks";

const today = clock.today();
let centreId: string;
let coordinator: Awaited<ReturnType<typeof createUser>>;
let volunteer: Awaited<ReturnType<typeof createUser>>;
let assessor: Awaited<ReturnType<typeof createUser>>;
let vol: { id: string };

/** A volunteer cleared to work: DBS and two references on record. */
async function clearedVolunteer(firstName: string, roles: ("volunteer" | "coordinator")[] = ["volunteer"]) {
  const person = await createPerson(centreId, { firstName, lastName: "Test", roles, startedOn: "2024-01-01" });
  await prisma.dbsCheck.create({ data: { personId: person.id, level: "enhanced", workforce: "child", certificateNumber: "001234567890", issuedOn: addDaysIso(today, -100), decision: "clear", seenBy: "X", seenOn: addDaysIso(today, -99) } });
  for (const n of [1, 2]) await prisma.reference.create({ data: { personId: person.id, refereeName: `R${n}`, relationship: "x", contact: "x", requestedOn: "2023-12-01", receivedOn: "2023-12-10", outcome: "satisfactory" } });
  return person;
}

const sessionForm = (overrides: Record<string, string | string[]> = {}) => ({
  intent: "save", name: "Saturday", location: "Hall", frequency: "weekly", interval: "1", weekdays: ["SA"], weekOfMonth: "",
  startsOn: formatUkDate(addDaysIso(today, -30)), endsOn: "", startTime: "10:00", endTime: "12:30",
  coordinatorsNeeded: "0", staffNeeded: "0", volunteersNeeded: "2", skipBankHolidays: "on", ...overrides,
});

beforeAll(async () => {
  centreId = (await createCentre("Rota Centre")).id;
  coordinator = await createUser(centreId, "coordinator", { name: "Cora" });
  assessor = await createUser(centreId, "assessor");
  vol = await clearedVolunteer("Vera");
  for (const name of ["Abe", "Bea", "Cal", "Dot", "Eve", "Fay", "Gus"]) await clearedVolunteer(name);
  await createPerson(centreId, { firstName: "Nolan", lastName: "NoChecks" });
  volunteer = await createUser(centreId, "volunteer", { personId: vol.id });
});

describe("the session form", () => {
  it("previews the rule in words and the next dates without saving", async () => {
    const result = await sessionAction(args(await postRequest("/rota/sessions/new", sessionForm({ intent: "preview", interval: "2", weekdays: ["SU"] }), coordinator), { sessionId: "new" }));
    expect(result).toMatchObject({ intent: "preview", preview: { text: "Every 2 weeks on Sunday, 10:00 to 12:30" } });
    expect(result && "preview" in result && result.preview ? result.preview.dates.length : 0).toBe(6);
    expect(await prisma.contactSession.count({ where: { centreId } })).toBe(0);
  });

  it("refuses a finish before the start, no days, and a monthly rule without its week", async () => {
    const result = await sessionAction(args(await postRequest("/rota/sessions/new", sessionForm({ endTime: "09:00", weekdays: [], frequency: "monthly" }), coordinator), { sessionId: "new" }));
    expect(result).toMatchObject({
      errors: {
        endTime: "The finish time must be after the start time (10:00)",
        weekdays: "Choose at least one day of the week",
        weekOfMonth: "Choose which week of the month: first, second, third, fourth or last",
      },
    });
  });

  it("refuses a time that is not on the 24-hour clock", async () => {
    const result = await sessionAction(args(await postRequest("/rota/sessions/new", sessionForm({ startTime: "10am" }), coordinator), { sessionId: "new" }));
    expect(result).toMatchObject({ errors: { startTime: "Enter a time on the 24-hour clock, like 10:00 or 14:30" } });
  });

  it("saves a session and shows its preview when opened again", async () => {
    const response = await thrownResponse(async () => sessionAction(args(await postRequest("/rota/sessions/new", sessionForm(), coordinator), { sessionId: "new" })));
    const id = response.headers.get("Location")!.split("/")[3].split("?")[0];
    const data = await sessionLoader(args(await getRequest(`/rota/sessions/${id}`, coordinator), { sessionId: id }));
    expect(data.preview?.text).toBe("Every week on Saturday, 10:00 to 12:30");
  });

  it("is for co-ordinators only", async () => {
    for (const user of [assessor, volunteer]) {
      expect((await thrownResponse(async () => sessionAction(args(await postRequest("/rota/sessions/new", sessionForm(), user), { sessionId: "new" })))).status).toBe(403);
      expect((await thrownResponse(async () => rotasLoader(args(await getRequest("/rota", user))))).status).toBe(403);
    }
  });
});

describe("the Rotas page", () => {
  it("counts the sessions still run and the teams, to say what to set up first", async () => {
    const otherCentre = (await createCentre("Counting Centre")).id;
    const other = await createUser(otherCentre, "coordinator");
    expect(await rotasLoader(args(await getRequest("/rota", other)))).toMatchObject({ sessionCount: 0, teamCount: 0 });
    for (const name of ["Saturday", "Sunday", "Old Friday"]) await sessionAction(args(await postRequest("/rota/sessions/new", sessionForm({ name }), other), { sessionId: "new" })).catch((thrown) => thrown);
    await prisma.contactSession.updateMany({ where: { centreId: otherCentre, name: "Old Friday" }, data: { retired: true } });
    for (const name of ["Red", "Blue"]) await prisma.team.create({ data: { centreId: otherCentre, name } });
    expect(await rotasLoader(args(await getRequest("/rota", other)))).toMatchObject({ sessionCount: 2, teamCount: 2 });
    // Another centre's sessions and teams are its own.
    expect(await prisma.contactSession.count({ where: { centreId } })).toBeGreaterThan(0);
    expect((await rotasLoader(args(await getRequest("/rota", coordinator)))).sessionCount).toBe(await prisma.contactSession.count({ where: { centreId, retired: false } }));
  });
});

describe("drafting, editing and publishing a rota", () => {
  let rotaId: string;

  it("drafts a rota of cleared people only, two per Saturday", async () => {
    const response = await thrownResponse(async () => rotasAction(args(await postRequest("/rota", { startsOn: formatUkDate(today), weeks: "4", mode: "individuals" }, coordinator))));
    rotaId = response.headers.get("Location")!.split("/")[2];
    const { rota } = await rotaLoader(args(await getRequest(`/rota/${rotaId}`, coordinator), { rotaId }));
    expect(rota.status).toBe("draft");
    expect(rota.shifts.length).toBeGreaterThanOrEqual(4);
    const names = rota.shifts.flatMap((s) => s.assignments.map((a) => a.name));
    expect(names).not.toContain("Nolan NoChecks");
    expect(rota.shifts[0].assignments).toHaveLength(2);
    // Each shift lists its people in the order they were placed: a draft's placements share one
    // createdAt, so that is the order the rows were written in, the generator's.
    const written = await prisma.$queryRawUnsafe<{ shiftId: string; id: string }[]>("SELECT shiftId, id FROM ShiftAssignment WHERE shiftId IN (SELECT id FROM Shift WHERE rotaId = ?) ORDER BY rowid", rotaId);
    for (const shift of rota.shifts) expect(shift.assignments.map((a) => a.id)).toEqual(written.filter((w) => w.shiftId === shift.id).map((w) => w.id));
  });

  it("refuses to put someone not cleared to work on a shift, saying why", async () => {
    const nolan = await prisma.person.findFirstOrThrow({ where: { firstName: "Nolan" } });
    const { rota } = await rotaLoader(args(await getRequest(`/rota/${rotaId}`, coordinator), { rotaId }));
    const result = await rotaAction(args(await postRequest(`/rota/${rotaId}`, { intent: "assign", shiftId: rota.shifts[0].id, personId: nolan.id, slot: "volunteer" }, coordinator), { rotaId }));
    expect(result).toMatchObject({ kind: "refused", message: expect.stringMatching(/^Nolan NoChecks is not cleared to work on .*: no DBS check, references outstanding$/) });
    expect(await prisma.shiftAssignment.count({ where: { personId: nolan.id } })).toBe(0);
  });

  it("warns, naming the rule, and only saves once confirmed", async () => {
    const { rota } = await rotaLoader(args(await getRequest(`/rota/${rotaId}`, coordinator), { rotaId }));
    const first = rota.shifts[0];
    const someoneOnSecond = rota.shifts[1].assignments[0];
    const fields = { intent: "assign", shiftId: first.id, personId: someoneOnSecond.personId, slot: "volunteer" };
    const warned = await rotaAction(args(await postRequest(`/rota/${rotaId}`, fields, coordinator), { rotaId }));
    expect(warned).toMatchObject({ kind: "confirm" });
    const warnings = warned && "warnings" in warned ? warned.warnings : [];
    expect(warnings).toContain(`${someoneOnSecond.name} is also on ${formatUkDateWithDay(rota.shifts[1].date).replace(/ \d{4}$/, "")}, within their 4-week gap`);
    expect(warnings).toContain("This shift already has the 2 volunteers it needs");
    const before = await prisma.shiftAssignment.count({ where: { shiftId: first.id } });
    expect(before).toBe(2);
    const done = await rotaAction(args(await postRequest(`/rota/${rotaId}`, { ...fields, confirmed: "yes" }, coordinator), { rotaId }));
    expect(done).toMatchObject({ kind: "done", warnings });
    expect(await prisma.shiftAssignment.count({ where: { shiftId: first.id } })).toBe(3);
    const audit = await prisma.auditEvent.findFirstOrThrow({ where: { entityId: rotaId, action: "edited-draft" }, orderBy: { at: "desc" } });
    expect(JSON.parse(audit.changes).map((c: { to: string }) => c.to)).toEqual(warnings);
  });

  it("removes and swaps, then publishes; later changes are audited as changes to a published rota", async () => {
    const { rota } = await rotaLoader(args(await getRequest(`/rota/${rotaId}`, coordinator), { rotaId }));
    const extra = rota.shifts[0].assignments[2];
    await rotaAction(args(await postRequest(`/rota/${rotaId}`, { intent: "remove", assignmentId: extra.id }, coordinator), { rotaId }));
    expect(await prisma.shiftAssignment.count({ where: { id: extra.id } })).toBe(0);

    const [a, b] = [rota.shifts[0].assignments[0], rota.shifts[3].assignments[0]];
    const swapped = await rotaAction(args(await postRequest(`/rota/${rotaId}`, { intent: "swap", first: a.id, second: b.id, confirmed: "yes" }, coordinator), { rotaId }));
    expect(swapped).toMatchObject({ kind: "done" });
    expect((await prisma.shiftAssignment.findUniqueOrThrow({ where: { id: a.id } })).personId).toBe(b.personId);

    await rotaAction(args(await postRequest(`/rota/${rotaId}`, { intent: "publish" }, coordinator), { rotaId }));
    expect((await prisma.rota.findUniqueOrThrow({ where: { id: rotaId } })).status).toBe("published");
    const again = rota.shifts[1].assignments[0];
    await rotaAction(args(await postRequest(`/rota/${rotaId}`, { intent: "remove", assignmentId: again.id }, coordinator), { rotaId }));
    const audit = await prisma.auditEvent.findFirstOrThrow({ where: { entityId: rotaId, action: "changed-published" } });
    expect(audit.summary).toMatch(/^Took .* off Saturday, .* \(published rota\)$/);
  });

  it("shows the gap with people who could cover, and fills it in one click", async () => {
    const { rota } = await rotaLoader(args(await getRequest(`/rota/${rotaId}`, coordinator), { rotaId }));
    const gapShift = rota.shifts[1];
    expect(gapShift.gaps[0]).toMatchObject({ slot: "volunteer", missing: 1 });
    expect(gapShift.gaps[0].explanation).toMatch(/one volunteer short — /);
    const best = gapShift.gaps[0].cover[0];
    const done = await rotaAction(args(await postRequest(`/rota/${rotaId}`, { intent: "assign", shiftId: gapShift.id, personId: best.personId, slot: "volunteer" }, coordinator), { rotaId }));
    expect(done).toMatchObject({ kind: "done", warnings: [] });
  });

  it("has a page per shift that edits the same way, and only shifts of that rota", async () => {
    const { rota } = await rotaLoader(args(await getRequest(`/rota/${rotaId}`, coordinator), { rotaId }));
    const target = rota.shifts.find((s) => !s.past && s.assignments.some((a) => a.status === "assigned"))!;
    const page = await shiftLoader(args(await getRequest(`/rota/${rotaId}/shifts/${target.id}`, coordinator), { rotaId, shiftId: target.id }));
    expect(page.shift).toMatchObject({ id: target.id, date: target.date });
    const placed = page.shift.assignments.find((a) => a.status === "assigned")!;
    expect(await shiftAction(args(await postRequest(`/rota/${rotaId}/shifts/${target.id}`, { intent: "remove", assignmentId: placed.id }, coordinator), { rotaId, shiftId: target.id })))
      .toMatchObject({ kind: "done", message: "Taken off the shift." });
    expect(await prisma.shiftAssignment.count({ where: { shiftId: target.id, personId: placed.personId, status: "assigned" } })).toBe(0);
    const again = await shiftAction(args(await postRequest(`/rota/${rotaId}/shifts/${target.id}`, { intent: "assign", shiftId: target.id, personId: placed.personId, slot: placed.slot }, coordinator), { rotaId, shiftId: target.id }));
    expect(again).toMatchObject({ kind: "done" });
    expect(await prisma.shiftAssignment.count({ where: { shiftId: target.id, personId: placed.personId, status: "assigned" } })).toBe(1);
    expect((await thrownResponse(async () => shiftLoader(args(await getRequest(`/rota/${rotaId}/shifts/nothing`, coordinator), { rotaId, shiftId: "nothing" })))).status).toBe(404);
    expect((await thrownResponse(async () => shiftLoader(args(await getRequest(`/rota/${rotaId}/shifts/${target.id}`, volunteer), { rotaId, shiftId: target.id })))).status).toBe(403);
  });

  it("is not open to volunteers", async () => {
    expect((await thrownResponse(async () => rotaLoader(args(await getRequest(`/rota/${rotaId}`, volunteer), { rotaId })))).status).toBe(403);
    expect((await thrownResponse(async () => rotaAction(args(await postRequest(`/rota/${rotaId}`, { intent: "publish" }, volunteer), { rotaId })))).status).toBe(403);
  });
});

describe("a volunteer's shifts and calendar", () => {
  beforeAll(async () => {
    // Make sure Vera is on the first upcoming shift of the published rota.
    const shift = await prisma.shift.findFirstOrThrow({ where: { rota: { centreId, status: "published" }, date: { gte: today } }, orderBy: { startsAt: "asc" }, include: { assignments: true } });
    if (!shift.assignments.some((a) => a.personId === vol.id)) await prisma.shiftAssignment.update({ where: { id: shift.assignments[0].id }, data: { personId: vol.id } });
  });

  it("lists their upcoming shifts, with a calendar feed that a real ICS parser reads at the right times", async () => {
    const data = await myShiftsLoader(args(await getRequest("/my-shifts", volunteer)));
    if (!data.linked) throw new Error("not linked");
    expect(data.upcoming.length).toBeGreaterThan(0);
    expect(data.upcoming[0].time).toBe("10:00 to 12:30");
    const token = data.feedUrl.split("/calendar/")[1].replace(".ics", "");
    const response = await feedLoader(args(await getRequest(`/calendar/${token}.ics`), { token }));
    expect(response.headers.get("Content-Type")).toBe("text/calendar; charset=utf-8");
    const calendar = new ICAL.Component(ICAL.parse(await response.text()));
    const events = calendar.getAllSubcomponents("vevent").map((e) => new ICAL.Event(e));
    expect(events.length).toBe(await prisma.shiftAssignment.count({ where: { personId: vol.id, shift: { rota: { status: "published" } } } }));
    const first = events.sort((x, y) => x.startDate.toJSDate().getTime() - y.startDate.toJSDate().getTime()).find((e) => e.startDate.toJSDate() >= new Date(`${today}T00:00:00Z`))!;
    const londonStart = new Intl.DateTimeFormat("en-GB", { timeZone: "Europe/London", hour: "2-digit", minute: "2-digit" }).format(first.startDate.toJSDate());
    expect(londonStart).toBe("10:00");
    expect(first.summary).toBe("Saturday: volunteer at Rota Centre");
    expect(first.location).toBe("Hall");
  });

  it("stops the old feed link working when they reset it", async () => {
    const before = await myShiftsLoader(args(await getRequest("/my-shifts", volunteer)));
    const oldToken = before.linked ? before.feedUrl.split("/calendar/")[1].replace(".ics", "") : "";
    // The first press only asks; the link still works.
    expect(await myShiftsAction(args(await postRequest("/my-shifts", { intent: "reset-feed" }, volunteer)))).toEqual({ confirmReset: true });
    expect((await feedLoader(args(await getRequest(`/calendar/${oldToken}.ics`), { token: oldToken }))).status).toBe(200);
    await myShiftsAction(args(await postRequest("/my-shifts", { intent: "reset-feed", confirmed: "yes" }, volunteer)));
    expect((await feedLoader(args(await getRequest(`/calendar/${oldToken}.ics`), { token: oldToken }))).status).toBe(404);
  });

  it("downloads one shift as .ics, only their own", async () => {
    const mine = await prisma.shiftAssignment.findFirstOrThrow({ where: { personId: vol.id } });
    const response = await shiftIcsLoader(args(await getRequest(`/my-shifts/${mine.id}.ics`, volunteer), { assignmentId: mine.id }));
    expect(ICAL.parse(await response.text())[0]).toBe("vcalendar");
    const someoneElses = await prisma.shiftAssignment.findFirstOrThrow({ where: { personId: { not: vol.id } } });
    expect((await thrownResponse(async () => shiftIcsLoader(args(await getRequest(`/my-shifts/${someoneElses.id}.ics`, volunteer), { assignmentId: someoneElses.id })))).status).toBe(404);
  });

  it("lets them say they cannot come: the gap shows on the co-ordinator's dashboard at once", async () => {
    // A Saturday always falls within the next seven days, and beforeAll put Vera on the first one.
    const mine = await prisma.shiftAssignment.findFirstOrThrow({ where: { personId: vol.id, status: "assigned", shift: { date: { gte: today, lte: addDaysIso(today, 7) } } }, include: { shift: true } });
    const before = await dashboardLoader(args(await getRequest("/compliance", coordinator)));
    expect(before.short.some((s) => s.shiftId === mine.shiftId)).toBe(false);
    await myShiftsAction(args(await postRequest("/my-shifts", { intent: "cannot-attend", assignmentId: mine.id, note: "Car broke down" }, volunteer)));
    expect(await prisma.shiftAssignment.findUniqueOrThrow({ where: { id: mine.id } })).toMatchObject({ status: "cannot_attend", note: "Car broke down" });
    const after = await dashboardLoader(args(await getRequest("/compliance", coordinator)));
    expect(after.short.find((s) => s.shiftId === mine.shiftId)?.short).toBe("1 volunteer");
    // The chart of places filled loses the place in that week, and only there.
    const week = (d: typeof before) => d.staffing!.find((w) => w.weekStart === weekStart(mine.shift.date))!;
    expect(week(after)).toEqual({ ...week(before), filled: week(before).filled - 1 });
    expect(after.trend).toHaveLength(12);
    expect(after.trend[11]).toMatchObject({ date: today, people: after.summary.people, cleared: after.summary.cleared });
    const other = await prisma.shiftAssignment.findFirstOrThrow({ where: { personId: { not: vol.id }, status: "assigned" } });
    expect((await thrownResponse(async () => myShiftsAction(args(await postRequest("/my-shifts", { intent: "cannot-attend", assignmentId: other.id }, volunteer))))).status).toBe(404);
  });

  it("charts the weeks before today on the dashboard from the records of published rotas", async () => {
    const rota = await prisma.rota.findFirstOrThrow({ where: { centreId, status: "published" } });
    const template = await prisma.shift.findFirstOrThrow({ where: { rotaId: rota.id } });
    const date = addDaysIso(today, -15);
    const shift = await prisma.shift.create({
      data: {
        rotaId: rota.id, sessionId: template.sessionId, date, startsAt: new Date(`${date}T10:00:00Z`), endsAt: new Date(`${date}T13:00:00Z`),
        coordinatorsNeeded: 1, staffNeeded: 0, volunteersNeeded: 2,
        assignments: { create: [{ personId: vol.id, slot: "volunteer" }] },
      },
    });
    try {
      const week = (await dashboardLoader(args(await getRequest("/compliance", coordinator)))).staffing!.find((w) => w.weekStart === weekStart(date))!;
      const monday = weekStart(date);
      const inWeek = await prisma.shift.findMany({
        where: { rota: { centreId, status: "published" }, date: { gte: monday, lte: addDaysIso(monday, 6) } },
        include: { assignments: { where: { status: "assigned" } } },
      });
      const needed = inWeek.reduce((n, s) => n + s.coordinatorsNeeded + s.staffNeeded + s.volunteersNeeded, 0);
      const filled = inWeek.reduce((n, s) => n + Math.min(s.assignments.length, s.coordinatorsNeeded + s.staffNeeded + s.volunteersNeeded), 0);
      expect(week).toEqual({ weekStart: monday, needed, filled });
      expect(week.filled).toBeGreaterThanOrEqual(1);
    } finally {
      await prisma.shift.delete({ where: { id: shift.id } });
    }
  });

  it("records dates they cannot do, which the next draft respects", async () => {
    const saturday = (await prisma.shift.findFirstOrThrow({ where: { rota: { centreId }, date: { gte: today } }, orderBy: { startsAt: "asc" } })).date;
    const bad = await availabilityAction(args(await postRequest("/me/availability", { intent: "add-dates", startsOn: formatUkDate(saturday), endsOn: formatUkDate(addDaysIso(saturday, -1)) }, volunteer)));
    expect(bad).toMatchObject({ ok: false, errors: { endsOn: `The last date must be on or after the first (${formatUkDate(saturday)})` } });
    await availabilityAction(args(await postRequest("/me/availability", { intent: "add-dates", startsOn: formatUkDate(addDaysIso(today, 0)), endsOn: formatUkDate(addDaysIso(today, 60)), reason: "Travelling" }, volunteer)));
    const response = await thrownResponse(async () => rotasAction(args(await postRequest("/rota", { startsOn: formatUkDate(addDaysIso(today, 35)), weeks: "4", mode: "individuals" }, coordinator))));
    const rotaId = response.headers.get("Location")!.split("/")[2];
    const placed = await prisma.shiftAssignment.findMany({ where: { shift: { rotaId, date: { lte: addDaysIso(today, 60) } }, personId: vol.id } });
    expect(placed).toEqual([]);
  });
});
