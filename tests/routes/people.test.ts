import { beforeAll, describe, expect, it } from "vitest";
import { prisma } from "~/db.server";
import { action as newPersonAction, loader as newPersonLoader } from "~/routes/people.new";
import { action as editAction, loader as editLoader } from "~/routes/people.$personId.edit";
import { action as personAction, loader as personLoader } from "~/routes/people.$personId._index";
import { loader as peopleLoader } from "~/routes/people._index";
import { loader as meLoader } from "~/routes/me";
import { addDaysIso } from "~/utils/dates";
import { createCentre, createPerson, createUser } from "../helpers/factories";
import { args, getRequest, postRequest, thrownResponse } from "../helpers/requests";
import { clock } from "~/utils/clock.server";

let centreId: string;
let coordinator: Awaited<ReturnType<typeof createUser>>;
let assessor: Awaited<ReturnType<typeof createUser>>;
let volunteer: Awaited<ReturnType<typeof createUser>>;
let volunteerPerson: Awaited<ReturnType<typeof createPerson>>;

const newVolunteer = {
  firstName: "Grace", lastName: "Hopper", email: "grace@example.org", phone: "07700 900 111",
  roles: "volunteer", status: "active", startedOn: "03/02/2025", leftOn: "", conflictNote: "" };

beforeAll(async () => {
  const centre = await createCentre("Northside");
  centreId = centre.id;
  coordinator = await createUser(centreId, "coordinator", { name: "Cora Ordinator" });
  assessor = await createUser(centreId, "assessor");
  volunteerPerson = await createPerson(centreId, { firstName: "Vic", lastName: "Volunteer" });
  volunteer = await createUser(centreId, "volunteer", { personId: volunteerPerson.id });
});

describe("adding a person", () => {
  it("saves them with their roles from the start date and records who did it", async () => {
    const response = await thrownResponse(async () => newPersonAction(args(await postRequest("/people/new", newVolunteer, coordinator))));
    expect(response.status).toBe(302);
    const personId = response.headers.get("Location")!.match(/\/people\/([^?]+)/)![1];
    const saved = await prisma.person.findUniqueOrThrow({ where: { id: personId }, include: { roles: true } });
    expect(saved).toMatchObject({ firstName: "Grace", email: "grace@example.org", status: "active", startedOn: "2025-02-03" });
    expect(saved.roles.map((r) => [r.role, r.startedOn, r.endedOn])).toEqual([["volunteer", "2025-02-03", null]]);
    const audit = await prisma.auditEvent.findMany({ where: { personId } });
    expect(audit).toHaveLength(1);
    expect(audit[0]).toMatchObject({ actorName: "Cora Ordinator", action: "created", summary: "Added Grace Hopper" });
    expect(JSON.parse(audit[0].changes)).toContainEqual({ field: "Start date", from: "(blank)", to: "3 Feb 2025" });
  });

  it("refuses a duplicate email beside the field, keeping what was typed", async () => {
    const result = await newPersonAction(args(await postRequest("/people/new", { ...newVolunteer, firstName: "Other", email: "GRACE@example.org" }, coordinator)));
    expect(result).toMatchObject({ ok: false, errors: { email: "Grace Hopper already uses this email address: each person needs their own" } });
    expect(result && "values" in result ? result.values.firstName : null).toBe("Other");
    expect(await prisma.person.count({ where: { firstName: "Other" } })).toBe(0);
  });

  it("gives each bad field its own message at once", async () => {
    const result = await newPersonAction(args(await postRequest("/people/new", {
      ...newVolunteer, email: "not-an-email", roles: ["volunteer", "wizard"], status: "left", startedOn: "10/05/2025", leftOn: "09/05/2025", lastName: "L".repeat(101),
    }, coordinator)));
    expect(result).toMatchObject({
      ok: false,
      errors: {
        email: "Enter an email address in the correct format, like name@example.org",
        roles: "“wizard” is not a role at this centre",
        leftOn: "The leaving date must be on or after the start date (10 May 2025)",
        lastName: "A last name must be 100 characters or fewer",
      },
    });
  });

  it("is refused to assessors and volunteers, on the page and on the action", async () => {
    for (const user of [assessor, volunteer]) {
      expect((await thrownResponse(async () => newPersonLoader(args(await getRequest("/people/new", user))))).status).toBe(403);
      expect((await thrownResponse(async () => newPersonAction(args(await postRequest("/people/new", newVolunteer, user))))).status).toBe(403);
    }
    expect(await prisma.person.count({ where: { email: "grace@example.org" } })).toBe(1);
  });

  it("sends someone not signed in to the sign-in page, remembering where they were going", async () => {
    const response = await thrownResponse(async () => newPersonLoader(args(await getRequest("/people/new"))));
    expect(response.status).toBe(302);
    expect(response.headers.get("Location")).toBe("/login?redirectTo=%2Fpeople%2Fnew");
  });
});

describe("the people list", () => {
  beforeAll(async () => {
    await createPerson(centreId, { firstName: "Lena", lastName: "Left", status: "left", leftOn: "2024-12-01", roles: ["volunteer"] });
    await createPerson(centreId, { firstName: "Tara", lastName: "Trustee", roles: ["trustee"] });
    await createPerson(centreId, { firstName: "Paula", lastName: "Applicant", status: "applicant", startedOn: null, roles: ["staff"] });
  });
  const names = async (query: string, user = coordinator) =>
    (await peopleLoader(args(await getRequest(`/people${query}`, user)))).people.map((p) => p.name);

  it("shows everyone who has not left by default, sorted by last name", async () => {
    const list = await names("");
    expect(list).toContain("Tara Trustee");
    expect(list).not.toContain("Lena Left");
    expect(list).toEqual([...list].sort((a, b) => a.split(" ")[1].localeCompare(b.split(" ")[1])));
  });
  it("searches by name, case-insensitively, across first and last names", async () => {
    expect(await names("?q=grace%20HOP")).toEqual(["Grace Hopper"]);
  });
  it("searches email addresses too, and takes % and _ as themselves", async () => {
    await createPerson(centreId, { firstName: "Una", lastName: "Derscore", email: "una_d@example.org" });
    expect(await names("?q=una_d@")).toEqual(["Una Derscore"]);
    // As LIKE wildcards these would match every name and address.
    expect(await names("?q=%25")).toEqual([]);
    expect(await names("?q=a_a")).toEqual([]);
  });
  it("filters by a role someone still has, not one they had", async () => {
    const former = await createPerson(centreId, { firstName: "Fern", lastName: "Former", roles: ["trustee"] });
    await prisma.personRole.updateMany({ where: { personId: former.id }, data: { endedOn: "2025-01-31" } });
    await prisma.personRole.create({ data: { personId: former.id, role: "volunteer", startedOn: "2025-02-01" } });
    expect(await names("?role=trustee")).toEqual(["Tara Trustee"]);
    const listed = (await peopleLoader(args(await getRequest("/people?q=Fern", coordinator)))).people;
    expect(listed.map((p) => [p.name, p.roles])).toEqual([["Fern Former", "Volunteer"]]);
  });
  it("filters by role and by status", async () => {
    expect(await names("?role=trustee")).toEqual(["Tara Trustee"]);
    expect(await names("?status=left")).toEqual(["Lena Left"]);
    expect(await names("?status=applicant")).toEqual(["Paula Applicant"]);
  });
  it("is readable by assessors but not volunteers", async () => {
    expect((await names("?q=Tara", assessor))).toEqual(["Tara Trustee"]);
    expect((await thrownResponse(async () => peopleLoader(args(await getRequest("/people", volunteer))))).status).toBe(403);
  });
});

describe("editing a person", () => {
  it("saves changes, ends dropped roles the day before the change and audits from-to", async () => {
    const person = await createPerson(centreId, { firstName: "Dee", lastName: "Puty", roles: ["volunteer"], startedOn: "2022-01-01" });
    await thrownResponse(async () => editAction(args(await postRequest(`/people/${person.id}/edit`, {
      firstName: "Dee", lastName: "Puty", email: person.email!, phone: "", roles: "deputy_coordinator", status: "active",
      startedOn: "01/01/2022", leftOn: "", rolesChangeOn: "01/09/2025", conflictNote: "",
    }, coordinator), { personId: person.id })));
    const roles = await prisma.personRole.findMany({ where: { personId: person.id }, orderBy: { startedOn: "asc" } });
    expect(roles.map((r) => [r.role, r.startedOn, r.endedOn])).toEqual([
      ["volunteer", "2022-01-01", "2025-08-31"],
      ["deputy_coordinator", "2025-09-01", null],
    ]);
    const [event] = await prisma.auditEvent.findMany({ where: { personId: person.id, action: "updated" } });
    expect(JSON.parse(event.changes)).toEqual([
      { field: "Roles", from: "Volunteer", to: "Deputy co-ordinator" },
      { field: "Role changes take effect", from: "", to: "1 Sep 2025" },
    ]);
  });

  it("keeps the saved record untouched when the edit is invalid", async () => {
    const person = await createPerson(centreId, { firstName: "Kept", lastName: "Safe" });
    const result = await editAction(args(await postRequest(`/people/${person.id}/edit`, {
      firstName: "", lastName: "Safe", roles: "volunteer", status: "active", startedOn: "01/01/2023",
    }, coordinator), { personId: person.id }));
    expect(result).toMatchObject({ ok: false, errors: { firstName: "Enter their first name" } });
    expect((await prisma.person.findUniqueOrThrow({ where: { id: person.id } })).firstName).toBe("Kept");
  });

  it("answers 404 for a person at another centre", async () => {
    const elsewhere = await createPerson((await createCentre("Elsewhere")).id);
    expect((await thrownResponse(async () => editLoader(args(await getRequest(`/people/${elsewhere.id}/edit`, coordinator), { personId: elsewhere.id })))).status).toBe(404);
    expect((await thrownResponse(async () => personLoader(args(await getRequest(`/people/${elsewhere.id}`, assessor), { personId: elsewhere.id })))).status).toBe(404);
  });

  it("is refused to an assessor", async () => {
    const person = await createPerson(centreId);
    const response = await thrownResponse(async () => editAction(args(await postRequest(`/people/${person.id}/edit`, newVolunteer, assessor), { personId: person.id })));
    expect(response.status).toBe(403);
  });
});

describe("marking someone as left", () => {
  it("keeps the record, sets the date, ends their sign-in and audits it", async () => {
    const person = await createPerson(centreId, { firstName: "Les", lastName: "Leaving", startedOn: "2021-04-01" });
    const user = await createUser(centreId, "volunteer", { personId: person.id });
    // The first press only asks.
    const asked = await personAction(args(await postRequest(`/people/${person.id}`, { intent: "leave", leftOn: "30/06/2025" }, coordinator), { personId: person.id }));
    expect(asked).toEqual({ ok: true, intent: "leave", confirmLeave: "30 Jun 2025" });
    expect((await prisma.person.findUniqueOrThrow({ where: { id: person.id } })).status).toBe("active");
    const result = await personAction(args(await postRequest(`/people/${person.id}`, { intent: "leave", leftOn: "30/06/2025", confirmed: "yes" }, coordinator), { personId: person.id }));
    expect(result).toMatchObject({ ok: true });
    expect(await prisma.person.findUniqueOrThrow({ where: { id: person.id } })).toMatchObject({ status: "left", leftOn: "2025-06-30" });
    expect((await prisma.user.findUniqueOrThrow({ where: { id: user.id } })).disabledAt).not.toBeNull();
    // Their old session no longer works.
    const response = await thrownResponse(async () => meLoader(args(await getRequest("/me", user))));
    expect(response.headers.get("Location")).toContain("/login");
    const page = await personLoader(args(await getRequest(`/people/${person.id}`, assessor), { personId: person.id }));
    expect(page.history[0]).toMatchObject({ summary: "Marked Les Leaving as left" });
  });

  it("refuses a leaving date before they started", async () => {
    const person = await createPerson(centreId, { startedOn: "2024-03-01" });
    const result = await personAction(args(await postRequest(`/people/${person.id}`, { intent: "leave", leftOn: "29/02/2024", confirmed: "yes" }, coordinator), { personId: person.id }));
    expect(result).toMatchObject({ ok: false, errors: { leftOn: "The leaving date must be on or after their start date (1 Mar 2024)" } });
    expect((await prisma.person.findUniqueOrThrow({ where: { id: person.id } })).status).toBe("active");
  });
});

describe("a volunteer's own record", () => {
  it("shows only their own record", async () => {
    const data = await meLoader(args(await getRequest("/me", volunteer)));
    expect(data.person?.name).toBe("Vic Volunteer");
  });
  it("is not open to assessors", async () => {
    expect((await thrownResponse(async () => meLoader(args(await getRequest("/me", assessor))))).status).toBe(403);
  });
  it("cannot open another person's page", async () => {
    expect((await thrownResponse(async () => personLoader(args(await getRequest(`/people/${volunteerPerson.id}`, volunteer), { personId: volunteerPerson.id })))).status).toBe(403);
  });
});

describe("assessor access ends on the set date", () => {
  it("lets them in on the last day and not the day after", async () => {
    const today = clock.today();
    const lastDayToday = await createUser(centreId, "assessor", { accessEndsOn: today });
    const endedYesterday = await createUser(centreId, "assessor", { accessEndsOn: addDaysIso(today, -1) });
    expect((await peopleLoader(args(await getRequest("/people", lastDayToday)))).people.length).toBeGreaterThan(0);
    const response = await thrownResponse(async () => peopleLoader(args(await getRequest("/people", endedYesterday))));
    expect(response.headers.get("Location")).toBe("/login?redirectTo=%2Fpeople");
  });
});
