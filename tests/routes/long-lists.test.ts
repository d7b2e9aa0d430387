/** A centre of 120: pages show a page of rows and the dashboard the first few, with counts of all. */
import { beforeAll, describe, expect, it } from "vitest";
import { prisma } from "~/db.server";
import { loader as dashboardLoader } from "~/routes/compliance._index";
import { loader as matrixLoader } from "~/routes/compliance.matrix";
import { loader as peopleLoader } from "~/routes/people._index";
import { loader as csvLoader } from "~/routes/compliance.matrix[.]csv";
import { complianceInBatches } from "~/modules/compliance/compliance.server";
import { refreshStanding, shownInNameOrder, standingPeople } from "~/modules/compliance/standing.server";
import { readRows } from "~/utils/sql-read.server";
import { clock } from "~/utils/clock.server";
import { addDaysIso, addMonthsIso } from "~/utils/dates";
import { fiftyDates, storedListsAgainstEvaluated } from "../helpers/standing";
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
    // What a row shows, and nothing it does not (the words for "not cleared" were sent unshown).
    expect(Object.keys(first.rows[0]).sort()).toEqual(["cells", "cleared", "fullyCompliant", "id", "name", "roles"]);
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
    // A row as shown (the words, one link's requirement), not each item with the person again.
    expect(data.missing.first[0]).toEqual({ personId: expect.any(String), personName: "Vol000 Adams", count: 14, firstKey: "dbs",
      what: "Enhanced DBS check, Induction, NACCC module 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, References, Safeguarding refresher",
    });
    expect(JSON.stringify(data).length).toBeLessThan(8_000); // 29,400 before
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

  it("shows the first ten items due, never cutting one person's items of a day out of their order", async () => {
    // Two refreshers lapsing on the same day for each person; their labels sort against the
    // rules' own order (Zebra first), so the items of a day must be put in label order after reading.
    const centre = await createCentre("Due Centre");
    const today = clock.today();
    const [zebra, alpha] = await Promise.all(["Zebra refresher", "Alpha refresher"].map((name, i) => prisma.course.create({
      data: { centreId: centre.id, name, kind: "custom", validityMonths: 12, requiredFor: "volunteer", sortOrder: 100 + i },
    })));
    // One item alone first (the Alpha refresher only, due in 3 days), then six people with two each, due in 5 days: the 10th and 11th items are one person's.
    for (let i = 0; i < 7; i++) {
      const person = await prisma.person.create({
        data: { centreId: centre.id, firstName: `Due${i}`, lastName: "Same", status: "active", startedOn: "2024-01-01", roles: { create: [{ role: "volunteer", startedOn: "2024-01-01" }] } },
      });
      const courses = i === 0 ? [alpha] : [zebra, alpha];
      for (const course of courses) {
        await prisma.trainingRecord.create({ data: { personId: person.id, courseId: course.id, completedOn: addMonthsIso(addDaysIso(today, i === 0 ? 3 : 5), -12), deliveryMethod: "face_to_face" } });
      }
    }
    const user = await createUser(centre.id, "coordinator");
    const data = await dashboardLoader(args(await getRequest("/compliance", user)));
    expect(data.due[30].total).toBe(13);
    expect(data.due[30].first.map((item) => `${item.personName}: ${item.requirement} in ${item.days}`)).toEqual([
      "Due0 Same: Alpha refresher in 3",
      ...[1, 2, 3, 4].flatMap((i) => [`Due${i} Same: Alpha refresher in 5`, `Due${i} Same: Zebra refresher in 5`]),
      "Due5 Same: Alpha refresher in 5",
    ]);
    expect(await storedListsAgainstEvaluated(centre.id, fiftyDates(today))).toEqual([]);
  });

  it("reads a page of the matrix by walking the people in name order, never sorting everyone", async () => {
    // At 5,042 people a sort of all of them cost 4 ms a page; a plan that looked each person's
    // standing up by the centre instead of by person took 8 s. Whatever the filters:
    for (const filters of [{}, { view: "attention" as const }, { role: "volunteer", personStatus: "active", view: "not_cleared" as const }]) {
      const [sql, ...params] = shownInNameOrder(centreId, clock.today(), filters, true);
      const plan = (await readRows<{ detail: string }>(prisma, `EXPLAIN QUERY PLAN ${sql}`, ...params, 50, 0)).map((step) => step.detail);
      expect(plan).toEqual([
        expect.stringMatching(/^SEARCH p USING (COVERING )?INDEX Person_centreId_lastName_firstName_id_idx \(centreId=\?\)$/),
        expect.stringMatching(/^SEARCH s USING (COVERING )?INDEX PersonStanding_personId_fromDate_untilDate_counted_idx \(personId=\? AND fromDate<\?\)$/),
      ]);
    }
  });
});
