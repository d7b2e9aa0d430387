/** Team mode across rotas: each session's turns run in their own series. */
import { beforeAll, describe, expect, it } from "vitest";
import { prisma } from "~/db.server";
import { action as rotasAction } from "~/routes/rota._index";
import { action as teamsAction } from "~/routes/rota.teams";
import { addDaysIso, formatUkDate } from "~/utils/dates";
import { clock } from "~/utils/clock.server";
import { createCentre, createPerson, createUser } from "../helpers/factories";
import { args, postRequest, thrownResponse } from "../helpers/requests";

const today = clock.today();
let centreId: string;
let coordinator: Awaited<ReturnType<typeof createUser>>;

/** The Saturday on or after today. */
function nextSaturday() {
  let date = today;
  while (new Date(`${date}T12:00:00Z`).getUTCDay() !== 6) date = addDaysIso(date, 1);
  return date;
}

beforeAll(async () => {
  centreId = (await createCentre("Teams Centre")).id;
  coordinator = await createUser(centreId, "coordinator");
  for (const [team, members] of [["Team A", ["A1", "A2"]], ["Team B", ["B1", "B2"]]] as const) {
    await teamsAction(args(await postRequest("/rota/teams", { intent: "add-team", name: team }, coordinator)));
    const teamRow = await prisma.team.findFirstOrThrow({ where: { centreId, name: team } });
    for (const first of members) {
      const person = await createPerson(centreId, { firstName: first, lastName: "Member", startedOn: "2024-01-01" });
      await prisma.dbsCheck.create({ data: { personId: person.id, level: "enhanced", workforce: "child", certificateNumber: "001234567890", issuedOn: addDaysIso(today, -100), decision: "clear", seenBy: "X", seenOn: addDaysIso(today, -99) } });
      for (const n of [1, 2]) await prisma.reference.create({ data: { personId: person.id, refereeName: `R${n}`, relationship: "x", contact: "x", requestedOn: "2023-12-01", receivedOn: "2023-12-10", outcome: "satisfactory" } });
      await teamsAction(args(await postRequest("/rota/teams", { intent: "add-member", teamId: teamRow.id, personId: person.id }, coordinator)));
    }
  }
  const base = { centreId, location: "", interval: 1, startsOn: addDaysIso(today, -400), startTime: "10:00", endTime: "12:00", volunteersNeeded: 2, skipBankHolidays: false };
  await prisma.contactSession.create({ data: { ...base, name: "Saturday", frequency: "weekly", weekdays: "SA" } });
  await prisma.contactSession.create({ data: { ...base, name: "Sunday", frequency: "monthly", weekdays: "SU", weekOfMonth: 2, startTime: "13:00", endTime: "15:00" } });
});

async function teamTurns(rotaId: string) {
  const shifts = await prisma.shift.findMany({ where: { rotaId }, include: { session: true, team: true }, orderBy: { startsAt: "asc" } });
  return shifts.map((s) => [s.session.name, s.team?.name]);
}

describe("team turns", () => {
  it("alternate on Saturdays whatever the monthly Sunday session does, and carry on into the next rota", async () => {
    const start = nextSaturday();
    const first = await thrownResponse(async () => rotasAction(args(await postRequest("/rota", { startsOn: formatUkDate(start), weeks: "6", mode: "teams" }, coordinator))));
    const firstId = first.headers.get("Location")!.split("/")[2];
    const turns = await teamTurns(firstId);
    const saturdays = turns.filter(([session]) => session === "Saturday").map(([, team]) => team);
    expect(saturdays).toEqual(["Team A", "Team B", "Team A", "Team B", "Team A", "Team B"]);
    const sundays = turns.filter(([session]) => session === "Sunday").map(([, team]) => team);
    expect(sundays[0]).toBe("Team A");

    // Six weeks always hold a second Sunday (they come 28 or 35 days apart).
    const second = await thrownResponse(async () => rotasAction(args(await postRequest("/rota", { startsOn: formatUkDate(addDaysIso(start, 42)), weeks: "6", mode: "teams" }, coordinator))));
    const next = await teamTurns(second.headers.get("Location")!.split("/")[2]);
    expect(next.filter(([session]) => session === "Saturday").map(([, team]) => team)).toEqual(["Team A", "Team B", "Team A", "Team B", "Team A", "Team B"]);
    const nextSunday = next.find(([session]) => session === "Sunday")?.[1];
    expect(nextSunday).toBe(sundays.length % 2 === 0 ? "Team A" : "Team B");
  });
});
