/**
 * Benchmark (not a test): select the reminders due for 5,000 people.
 *   npm run bench:reminders
 * Compliance is evaluated first (as the run does), then the pure selection is timed on its own.
 */
import { time } from "./bench-timing";
import { DEFAULT_COURSES, DEFAULT_SETTINGS } from "~/modules/compliance/requirements";
import { evaluatePerson, type PersonFacts } from "~/modules/compliance/rules";
import { DEFAULT_LEAD_DAYS, selectReminders, type ReminderPerson } from "~/modules/reminders/select";
import { addDaysIso } from "~/utils/dates";

const PEOPLE = Number(process.env.PEOPLE ?? 5000);
const RUNS = Number(process.env.RUNS ?? 20);
const today = "2026-11-23";
const courses = DEFAULT_COURSES.map((c, i) => ({ id: `c${i}`, name: c.name, kind: c.kind, validityMonths: c.validityMonths, requiredFor: c.requiredFor, retired: false }));

function facts(i: number): PersonFacts {
  return {
    startedOn: "2020-01-01", leftOn: null,
    roles: [{ role: i % 10 === 0 ? "deputy_coordinator" : "volunteer", startedOn: "2020-01-01", endedOn: null }],
    dbsChecks: [{ issuedOn: addDaysIso("2023-06-01", i % 900), level: "enhanced", workforce: "child", childrenBarredListChecked: false, decision: "clear", updateServiceSubscribed: i % 3 === 0, statusChecks: [] }],
    references: [{ requestedOn: "2019-11-01", receivedOn: "2019-12-01", outcome: "satisfactory" }, { requestedOn: "2019-11-01", receivedOn: "2019-12-02", outcome: "satisfactory" }],
    training: courses.slice(0, 8).map((c, n) => ({ courseId: c.id, completedOn: addDaysIso("2024-01-01", (i * 7 + n * 97) % 1000) })),
  };
}


let people: ReminderPerson[] = [];
await time(`Evaluate compliance for ${PEOPLE} people`, RUNS, () => {
  people = Array.from({ length: PEOPLE }, (_, i) => ({
    personId: `p${i}`, name: `Person ${i}`, email: `p${i}@example.org`, mode: i % 4 === 0 ? "weekly" : "individual",
    compliance: evaluatePerson(facts(i), courses, DEFAULT_SETTINGS, today),
  }));
});
const sent = new Set<string>();
const due = selectReminders(people, DEFAULT_LEAD_DAYS, today, sent);
for (const r of due.slice(0, Math.floor(due.length / 2))) sent.add(r.key);
await time(`Select reminders for ${PEOPLE} people (${due.length} due, half already sent)`, RUNS, () => selectReminders(people, DEFAULT_LEAD_DAYS, today, sent));
console.log(`\nRuns: ${RUNS} each, Node ${process.version}`);
