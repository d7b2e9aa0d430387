/**
 * The demo is seeded relative to the day `npm run demo` runs, and the demo's story (a drop-out,
 * a paused volunteer's withdrawn place, a placement failing its re-check, a colleague's swap the
 * demo volunteer can take) is what the demo and browser tests walk through. Whether the rota has
 * room for it depends on the day: on 8 and 24 December 2026 it did not. So the demo is seeded
 * afresh on the days around the coming Christmas and New Year (Boxing Day closed, a short rota
 * ahead) and on a day in each month of the year ahead, and the story checked on each.
 */
import { execFile } from "node:child_process";
import { copyFileSync, rmSync } from "node:fs";
import { promisify } from "node:util";
import Database from "better-sqlite3";
import { describe, expect, it } from "vitest";
import { DEMO_SIGN_INS } from "~/modules/demo/demo-data.server";
import { clock } from "~/utils/clock.server";
import { addDaysIso, londonInstant, type IsoDate } from "~/utils/dates";
import { BASE_DB, RUN_TIME, TMP_DIR } from "../setup/global-setup";

const run = promisify(execFile);

/** The days to seed on: 20 December to 2 January of the coming season, and every 30 days for a year. */
function daysToTry(today: IsoDate): IsoDate[] {
  const season = today.slice(5) <= "12-10" ? Number(today.slice(0, 4)) : Number(today.slice(0, 4)) + 1;
  const christmas = Array.from({ length: 14 }, (_, i) => addDaysIso(`${season}-12-20`, i));
  const year = Array.from({ length: 12 }, (_, i) => addDaysIso(today, 30 * i));
  return [...new Set([...christmas, ...year])].sort();
}

/** Seed the demo into a fresh copy of the migrated base, with every clock of the seed at 10:00 London time on `day`. */
async function seedOn(day: IsoDate) {
  const target = londonInstant(day, RUN_TIME).getTime();
  // The run's processes share one offset from the real clock; the seed's is moved on from it by what separates the two days.
  const offset = Number(process.env.TEST_CLOCK_OFFSET_MS ?? 0) + (target - clock.now().getTime());
  const file = `${TMP_DIR}/demo-on-${day}.db`;
  copyFileSync(BASE_DB, file);
  await run("node_modules/.bin/tsx", ["scripts/seed-demo.ts"], {
    env: { ...process.env, DATABASE_URL: `file:./${file}`, NODE_ENV: "test", TEST_CLOCK_OFFSET_MS: String(offset) },
  });
  return { file, now: new Date(target) };
}

type Placement = { shiftId: string; personId: string; status: string; notAccepted: number; paused: number };

/** What is wrong with the demo's story in this database, as seen at `now`: nothing, when all is well. */
function storyProblems(file: string, day: IsoDate, now: Date): string[] {
  const db = new Database(file, { readonly: true });
  try {
    const ruth = (db.prepare("SELECT id FROM Person WHERE email = ?").get(DEMO_SIGN_INS.volunteer.email) as { id: string }).id;
    const current = db.prepare("SELECT id FROM Rota WHERE status = 'published' AND startsOn <= ? AND endsOn >= ?").all(day, day) as { id: string }[];
    if (current.length !== 1) return ["no published rota today"];
    // Every placement still ahead on it, with whether its person may no longer do it.
    const ahead = db.prepare(`
      SELECT s.id AS shiftId, a.personId, a.status,
        EXISTS (SELECT 1 FROM DbsCheck d WHERE d.personId = a.personId AND d.decision = 'not_accepted') AS notAccepted,
        (SELECT p.status = 'paused' FROM Person p WHERE p.id = a.personId) AS paused
      FROM Shift s JOIN ShiftAssignment a ON a.shiftId = s.id
      WHERE s.rotaId = ? AND s.startsAt > ? ORDER BY s.startsAt, a.id`).all(current[0].id, now.toISOString()) as Placement[];
    const opensAPlace = (p: Placement) => p.status !== "assigned" || p.notAccepted === 1 || p.paused === 1;
    const problems: string[] = [];
    if (!ahead.some((p) => p.personId === ruth && p.status === "assigned")) problems.push("the demo volunteer has no shift ahead");
    if (ahead.filter((p) => p.status === "cannot_attend").length !== 1) problems.push("not one drop-out");
    if (!ahead.some((p) => p.status === "withdrawn" && p.paused === 1)) problems.push("no paused volunteer's withdrawn place");
    if (!ahead.some((p) => p.status === "assigned" && p.notAccepted === 1)) problems.push("no placement failing its re-check");
    const swaps = db.prepare(`
      SELECT a.shiftId, w.closesAt FROM SwapRequest w JOIN ShiftAssignment a ON a.id = w.assignmentId WHERE w.status = 'open'`).all() as { shiftId: string; closesAt: string }[];
    if (swaps.length !== 1) return [...problems, `${swaps.length} open swap requests`];
    const [swap] = swaps;
    const firstOpen = ahead.find(opensAPlace)?.shiftId;
    if (new Date(swap.closesAt) <= now) problems.push("the swap request has closed");
    if (ahead.some((p) => p.shiftId === swap.shiftId && p.personId === ruth)) problems.push("the demo volunteer is on the swap's shift");
    if (swap.shiftId === firstOpen) problems.push("the swap is on the shift with the first open place");
    return problems;
  } finally {
    db.close();
  }
}

describe("the demo on any day", () => {
  it("tells its whole story on each day around Christmas and New Year, and on a day in each month", { timeout: 300_000 }, async () => {
    const days = daysToTry(clock.today());
    expect(days.length).toBeGreaterThanOrEqual(24);
    const found: Record<string, string[]> = {};
    // Two seeds at a time: each is a process of its own.
    for (let i = 0; i < days.length; i += 2) {
      await Promise.all(days.slice(i, i + 2).map(async (day) => {
        const { file, now } = await seedOn(day);
        found[day] = storyProblems(file, day, now);
        rmSync(file, { force: true });
      }));
    }
    expect(Object.entries(found).filter(([, problems]) => problems.length)).toEqual([]);
  });
});
