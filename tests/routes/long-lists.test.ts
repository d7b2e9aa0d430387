/** A centre of 120: pages show a page of rows and the dashboard the first few, with counts of all. */
import { beforeAll, describe, expect, it } from "vitest";
import { prisma } from "~/db.server";
import { loader as dashboardLoader } from "~/routes/compliance._index";
import { loader as matrixLoader } from "~/routes/compliance.matrix";
import { loader as peopleLoader } from "~/routes/people._index";
import { loader as csvLoader } from "~/routes/compliance.matrix[.]csv";
import { complianceInBatches } from "~/modules/compliance/compliance.server";
import { refreshStanding, standingPeople } from "~/modules/compliance/standing.server";
import { clock } from "~/utils/clock.server";
import { addDaysIso } from "~/utils/dates";
import { createCentre, createUser } from "../helpers/factories";
import { args, getRequest } from "../helpers/requests";

let coordinator: Awaited<ReturnType<typeof createUser>>;
let centreId: string;

beforeAll(async () => {
  const centre = await createCentre("Big Centre");
  centreId = centre.id;
  coordinator = await createUser(centre.id, "coordinator");
  for (let i = 0; i < 120; i++) {
    await prisma.person.create({
      data: {
        centreId: centre.id, firstName: `Vol${String(i).padStart(3, "0")}`, lastName: i < 60 ? "Adams" : "Baker", status: "active", startedOn: "2024-01-01",
        email: `vol${i}@example.org`, roles: { create: [{ role: "volunteer", startedOn: "2024-01-01" }] },
      },
    });
  }
});

describe("long lists", () => {
  it("pages the matrix at 50, counting everyone in the summary", async () => {
    const first = await matrixLoader(args(await getRequest("/compliance/matrix", coordinator)));
    expect(first.summary.people).toBe(120);
    expect(first.rows).toHaveLength(50);
    expect(first.page).toEqual({ page: 1, pages: 3, total: 120, first: 1, last: 50 });
    const last = await matrixLoader(args(await getRequest("/compliance/matrix?page=3&view=not_cleared", coordinator)));
    expect(last.rows).toHaveLength(20);
    expect(last.page).toMatchObject({ page: 3, first: 101, last: 120 });
    const second = await matrixLoader(args(await getRequest("/compliance/matrix?page=2", coordinator)));
    expect(new Set([...first.rows, ...second.rows, ...last.rows].map((r) => r.id)).size).toBe(120);
    expect((await matrixLoader(args(await getRequest("/compliance/matrix?page=999", coordinator)))).page.page).toBe(3);
    expect((await matrixLoader(args(await getRequest("/compliance/matrix?page=-1", coordinator)))).page.page).toBe(1);
  });

  it("pages People in the database, by surname, keeping the filters", async () => {
    const first = await peopleLoader(args(await getRequest("/people", coordinator)));
    expect(first.people).toHaveLength(50);
    expect(first.page).toEqual({ page: 1, pages: 3, total: 120, first: 1, last: 50 });
    const found = await peopleLoader(args(await getRequest("/people?q=Baker&page=2", coordinator)));
    expect(found.page).toEqual({ page: 2, pages: 2, total: 60, first: 51, last: 60 });
    expect(found.people.map((p) => p.name)).toEqual(Array.from({ length: 10 }, (_, i) => `Vol${String(110 + i).padStart(3, "0")} Baker`));
  });

  it("shows the dashboard's counts of all and the first ten of each list", async () => {
    const data = await dashboardLoader(args(await getRequest("/compliance", coordinator)));
    expect(data.summary).toEqual({ people: 120, cleared: 0, fullyCompliant: 0 });
    expect(data.notCleared.total).toBe(120);
    expect(data.notCleared.first).toHaveLength(10);
    expect(data.missing.total).toBe(120);
    expect(data.missing.first).toHaveLength(10);
    expect(data.missing.first[0].personName).toBe("Vol000 Adams");
    expect(JSON.stringify(data).length).toBeLessThan(40_000);
  });

  it("streams the CSV a batch of people at a time, everyone once and in name order", async () => {
    const sizes: number[] = [];
    const names: string[] = [];
    await refreshStanding(centreId);
    for await (const batch of complianceInBatches(centreId, clock.today(), await standingPeople(centreId, clock.today(), {}), 50)) {
      sizes.push(batch.length);
      names.push(...batch.map((r) => r.name));
    }
    expect(sizes).toEqual([50, 50, 20]);
    expect(names).toEqual([...names].sort((a, b) => a.split(" ")[1].localeCompare(b.split(" ")[1]) || a.localeCompare(b)));
    expect(new Set(names).size).toBe(120);
    const response = await csvLoader(args(await getRequest("/compliance/matrix.csv", coordinator)));
    expect(response.body).toBeInstanceOf(ReadableStream);
    const lines = (await response.text()).split("\r\n").filter(Boolean);
    expect(lines).toHaveLength(121);
    expect(lines[1].startsWith("Vol000 Adams,Active,Volunteer,No,No,")).toBe(true);
  });

  it("draws past month ends from stored standing, which follows every change, even one made behind the app's back", async () => {
    const first = await dashboardLoader(args(await getRequest("/compliance", coordinator)));
    expect(first.trend.map((t) => t.cleared)).toEqual(Array(12).fill(0));
    // Cleared since 200 days ago, written straight to the database (no audit entry): the triggers still mark them stale.
    const person = await prisma.person.findFirstOrThrow({ where: { centreId, firstName: "Vol000" } });
    const longAgo = addDaysIso(clock.today(), -200);
    await prisma.dbsCheck.create({ data: { personId: person.id, level: "enhanced", workforce: "child", certificateNumber: "001234567890", issuedOn: longAgo, decision: "clear", seenBy: "X", seenOn: longAgo } });
    for (const n of [1, 2]) await prisma.reference.create({ data: { personId: person.id, refereeName: `R${n}`, relationship: "x", contact: "x", requestedOn: longAgo, receivedOn: longAgo, outcome: "satisfactory" } });
    const after = await dashboardLoader(args(await getRequest("/compliance", coordinator)));
    const expected = after.trend.map((t) => (t.date >= longAgo ? 1 : 0));
    expect(after.trend.map((t) => t.cleared)).toEqual(expected);
    expect(expected.filter(Boolean).length).toBeGreaterThanOrEqual(6);
  });
});
