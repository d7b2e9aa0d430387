/**
 * Benchmark (not a test): time the pure rota generator.
 *   npm run bench:rota
 * 1. One centre: 200 people, three sessions a week, a six-week rota (target: well under 100 ms).
 * 2. The network: 340 centres of 15 people, one six-week rota each (two sessions a week).
 * Clearance is computed from real compliance rules first (as the app does), then timed apart.
 */
import { time } from "./bench-timing";
import { generateRota } from "~/modules/rota/generate";
import type { RotaPerson, RotaShift } from "~/modules/rota/eligibility";
import { clearanceOn } from "~/modules/rota/eligibility";
import { DEFAULT_SETTINGS } from "~/modules/compliance/requirements";
import type { PersonFacts } from "~/modules/compliance/rules";
import { addDaysIso, londonInstant } from "~/utils/dates";

const RUNS = Number(process.env.RUNS ?? 20);
const START = "2027-03-06"; // a Saturday; the period crosses the clock change on 28 March

function shifts(sessionsPerWeek: number): RotaShift[] {
  const times: [number, string, string][] = [[0, "10:00", "12:30"], [0, "13:30", "16:00"], [1, "10:00", "12:30"]];
  return Array.from({ length: 6 }, (_, week) =>
    times.slice(0, sessionsPerWeek).map(([dayOffset, start, end], k) => {
      const date = addDaysIso(START, week * 7 + dayOffset);
      return {
        key: `${week}-${k}`, series: `s${k}`, sessionName: `Session ${k}`, date,
        startsAt: londonInstant(date, start).getTime(), endsAt: londonInstant(date, end).getTime(),
        needs: { coordinator: 1, staff: 0, volunteer: 3 },
      };
    }),
  ).flat();
}

function people(count: number, prefix: string, dates: string[]): RotaPerson[] {
  return Array.from({ length: count }, (_, i) => {
    const facts: PersonFacts = {
      startedOn: "2020-01-01", leftOn: null,
      roles: [{ role: i % 10 === 0 ? "deputy_coordinator" : "volunteer", startedOn: "2020-01-01", endedOn: null }],
      dbsChecks: [{ issuedOn: addDaysIso("2024-03-20", (i * 37) % 400), level: "enhanced", workforce: "child", childrenBarredListChecked: false, decision: "clear", updateServiceSubscribed: false, statusChecks: [] }],
      references: [{ requestedOn: "2019-11-01", receivedOn: "2019-12-01", outcome: "satisfactory" }, { requestedOn: "2019-11-01", receivedOn: "2019-12-02", outcome: "satisfactory" }],
      training: [],
    };
    return {
      id: `${prefix}${i}`, name: `${prefix} Person ${String(i).padStart(4, "0")}`, status: i % 25 === 0 ? "paused" : "active", startedOn: "2020-01-01", leftOn: null, statusChanges: [],
      conflict: i % 97 === 0, serveEveryWeeks: 4 + (i % 3), preferredDays: i % 4 === 0 ? ["SU"] : [],
      roles: facts.roles, unavailable: i % 7 === 0 ? [{ startsOn: addDaysIso(START, 7), endsOn: addDaysIso(START, 20) }] : [],
      otherShifts: i % 3 === 0 ? [{ date: addDaysIso(START, -((i * 5) % 40)), startsAt: 0, endsAt: 1 }] : [],
      clearance: clearanceOn(facts, DEFAULT_SETTINGS, dates),
    };
  });
}



const centreShifts = shifts(3);
const centreDates = centreShifts.map((s) => s.date);
let centrePeople: RotaPerson[] = [];
await time("Clearance from compliance rules: 200 people x 18 dates", RUNS, () => { centrePeople = people(200, "P", centreDates); });
const result = generateRota(centreShifts, centrePeople);
await time("Generate: 200 people, 3 sessions a week, 6 weeks (18 sessions)", RUNS, () => generateRota(centreShifts, centrePeople));
console.log(`   ${result.placements.length} places filled, ${result.shortfalls.length} shortfalls`);

const networkShifts = shifts(2);
const networkDates = networkShifts.map((s) => s.date);
const centres = Array.from({ length: 340 }, (_, c) => people(15, `C${c}-`, networkDates));
await time("Generate: 340 centres of 15 people, 2 sessions a week, 6 weeks", RUNS, () => {
  for (const centre of centres) generateRota(networkShifts, centre);
});
console.log(`\nRuns: ${RUNS} each, Node ${process.version}`);
