/** Subject access: everything held about a person, for a co-ordinator and for the person themselves. */
import { beforeAll, describe, expect, it } from "vitest";
import { prisma } from "~/db.server";
import { loader as personDataLoader } from "~/routes/people.$personId.data";
import { loader as myDataLoader } from "~/routes/me_.data";
import { addDaysIso } from "~/utils/dates";
import { clock } from "~/utils/clock.server";
import { createCentre, createPerson, createUser } from "../helpers/factories";
import { args, getRequest, thrownResponse } from "../helpers/requests";

const today = clock.today();
let centreId: string;
let person: { id: string };
let other: { id: string };
type User = Awaited<ReturnType<typeof createUser>>;
let coordinator: User, assessor: User, self: User, colleague: User;

beforeAll(async () => {
  centreId = (await createCentre("Data Centre")).id;
  person = await createPerson(centreId, { firstName: "Dana", lastName: "Subject", email: "dana@example.org" });
  other = await createPerson(centreId, { firstName: "Oli", lastName: "Other" });
  await prisma.person.update({ where: { id: person.id }, data: { calendarToken: "secret-calendar-token", emailToken: "secret-email-token" } });
  await prisma.dbsCheck.create({ data: { personId: person.id, level: "enhanced", workforce: "child", certificateNumber: "001122334455", issuedOn: addDaysIso(today, -50), decision: "clear", seenBy: "Cora", seenOn: addDaysIso(today, -49) } });
  await prisma.reference.create({ data: { personId: person.id, refereeName: "Rita Referee", relationship: "Former manager", contact: "rita@example.net", requestedOn: addDaysIso(today, -80), receivedOn: addDaysIso(today, -70), outcome: "satisfactory", notes: "Spoke warmly" } });
  coordinator = await createUser(centreId, "coordinator", { name: "Cora Ord" });
  assessor = await createUser(centreId, "assessor");
  self = await createUser(centreId, "volunteer", { personId: person.id, name: "Dana Subject" });
  colleague = await createUser(centreId, "volunteer", { personId: other.id });
});

describe("everything held about a person", () => {
  it("shows a co-ordinator all of it, with third parties' data flagged, and records that they looked", async () => {
    const { data } = await personDataLoader(args(await getRequest(`/people/${person.id}/data`, coordinator), { personId: person.id })) as { data: { [k: string]: unknown } };
    expect(data.person).toMatchObject({ firstName: "Dana", lastName: "Subject", email: "dana@example.org" });
    expect(data.dbsChecks).toEqual([expect.objectContaining({ certificateNumber: "001122334455", decision: "clear" })]);
    expect(data.references).toEqual([expect.objectContaining({ refereeName: "Rita Referee", refereeContact: "rita@example.net", notes: "Spoke warmly" })]);
    expect(data.reviewBeforeSending).toMatch(/^Referees' contact details/);
    expect(data.signIn).toMatchObject({ email: self.email, access: "volunteer" });
    expect(JSON.stringify(data)).not.toMatch(/secret-calendar-token|secret-email-token|passwordHash|scrypt|totpSecret/);
    expect(await prisma.auditEvent.findFirst({ where: { personId: person.id, action: "personal-data-exported" } })).toMatchObject({ summary: "Cora Ord viewed everything held about Dana Subject (subject access)" });
  });

  it("downloads it as JSON", async () => {
    const response = await thrownResponse(async () => personDataLoader(args(await getRequest(`/people/${person.id}/data?format=json`, coordinator), { personId: person.id })));
    expect(response.headers.get("Content-Disposition")).toBe('attachment; filename="personal-data-dana-subject.json"');
    const json = JSON.parse(await response.text());
    expect(json.changesRecorded.map((c: { what: string }) => c.what)).toContain("Cora Ord viewed everything held about Dana Subject (subject access)");
  });

  it("gives the person their own, without referees' contact details or the centre's notes on references", async () => {
    const { data } = await myDataLoader(args(await getRequest("/me/data", self))) as { data: { [k: string]: unknown } };
    expect(data.person).toMatchObject({ firstName: "Dana" });
    expect(data.references).toEqual([{ refereeName: "Rita Referee", relationship: "Former manager", requestedOn: addDaysIso(today, -80), receivedOn: addDaysIso(today, -70), outcome: "satisfactory", enteredInError: null }]);
    expect(data.reviewBeforeSending).toBeNull();
    const download = await thrownResponse(async () => myDataLoader(args(await getRequest("/me/data?format=json", self))));
    expect(JSON.parse(await download.text()).person.firstName).toBe("Dana");
  });

  it("is nobody else's: a colleague gets only their own, assessors and volunteers cannot ask for someone's", async () => {
    const { data } = await myDataLoader(args(await getRequest("/me/data", colleague))) as { data: { person: { firstName: string } } };
    expect(data.person.firstName).toBe("Oli");
    for (const user of [assessor, colleague, self]) {
      expect((await thrownResponse(async () => personDataLoader(args(await getRequest(`/people/${person.id}/data`, user), { personId: person.id })))).status).toBe(403);
    }
    expect((await thrownResponse(async () => myDataLoader(args(await getRequest("/me/data", coordinator))))).status).toBe(404);
    const elsewhere = await createUser((await createCentre("Elsewhere")).id, "coordinator");
    expect((await thrownResponse(async () => personDataLoader(args(await getRequest(`/people/${person.id}/data`, elsewhere), { personId: person.id })))).status).toBe(404);
  });

  it("cannot be removed by deleting the person: the database refuses while their records exist", async () => {
    await expect(prisma.person.delete({ where: { id: person.id } })).rejects.toThrow();
    expect(await prisma.person.count({ where: { id: person.id } })).toBe(1);
    expect(await prisma.dbsCheck.count({ where: { personId: person.id } })).toBe(1);
    expect(await prisma.reference.count({ where: { personId: person.id } })).toBe(1);
    expect(await prisma.personRole.count({ where: { personId: person.id } })).toBeGreaterThan(0);
  });
});
