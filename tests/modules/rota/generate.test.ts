import { describe, expect, it } from "vitest";
import { checkPlacement, standingProblems, type Problem, type RotaPerson, type RotaShift, type Slot } from "~/modules/rota/eligibility";
import * as generate from "~/modules/rota/generate";
import { londonInstant } from "~/utils/dates";
import { fairnessWords, problemWords, shortfallWords } from "~/modules/rota/words";

const SATURDAYS = ["2026-03-07", "2026-03-14", "2026-03-21", "2026-03-28", "2026-04-04", "2026-04-11"];

function shift(date: string, needs: Partial<RotaShift["needs"]> = {}, key = date, time: [string, string] = ["10:00", "12:30"]): RotaShift {
  return {
    key, series: "saturday", sessionName: "Saturday", date,
    startsAt: londonInstant(date, time[0]).getTime(), endsAt: londonInstant(date, time[1]).getTime(),
    needs: { coordinator: 0, staff: 0, volunteer: 1, ...needs },
  };
}

function person(id: string, overrides: Partial<RotaPerson> = {}): RotaPerson {
  const clearance = Object.fromEntries([...SATURDAYS, "2026-03-08", "2026-03-29"].map((d) => [d, { cleared: true, blockers: [] }]));
  return {
    id, name: id, status: "active", startedOn: "2020-01-01", leftOn: null, statusChanges: [], conflict: false, serveEveryWeeks: 4, preferredDays: [],
    roles: [{ role: "volunteer", startedOn: "2020-01-01", endedOn: null }],
    unavailable: [], otherShifts: [], clearance, ...overrides,
  };
}

const names = (result: ReturnType<typeof generateRota>, key: string) => result.placements.filter((p) => p.shiftKey === key).map((p) => p.personId);

/** The generator with its codes said in words, as the rota page shows them. */
function generateRota(...args: Parameters<typeof generate.generateRota>) {
  const result = generate.generateRota(...args);
  const dateOf = (key: string) => args[0].find((s) => s.key === key)!.date;
  const teamName = (key: string) => args[2]?.teams?.find((t) => t.id === result.teamOf[key])?.name;
  return {
    ...result,
    placements: result.placements.map((p) => ({
      shiftKey: p.shiftKey, personId: p.personId, slot: p.slot,
      reason: p.teamTurn ? `${teamName(p.shiftKey)}'s turn` : teamName(p.shiftKey) ? `Filling a gap in ${teamName(p.shiftKey)}: ${fairnessWords(p.fair!)}` : fairnessWords(p.fair!),
    })),
    shortfalls: result.shortfalls.map((s) => ({ shiftKey: s.shiftKey, slot: s.slot, missing: s.missing, explanation: shortfallWords(s, dateOf(s.shiftKey)) })),
  };
}

const said = (check: ReturnType<typeof checkPlacement>, person: RotaPerson, s: RotaShift, slot: Slot) => ({
  refused: check.refused ? problemWords(check.refused, person.name, s.date, slot) : null,
  warnings: check.warnings.map((w: Problem) => problemWords(w, person.name, s.date, slot)),
});

const rankCandidates = (...args: Parameters<typeof generate.rankCandidates>) =>
  generate.rankCandidates(...args).map((r) => ({ person: r.person, reason: fairnessWords(r.fair) }));

describe("generating a rota", () => {
  it("shares six Saturdays among people so that nobody serves within their four-week gap", () => {
    const people = ["Ann", "Ben", "Cat", "Dan"].map((n) => person(n));
    const result = generateRota(SATURDAYS.map((d) => shift(d)), people);
    expect(SATURDAYS.map((d) => names(result, d)[0])).toEqual(["Ann", "Ben", "Cat", "Dan", "Ann", "Ben"]);
    expect(result.shortfalls).toEqual([]);
  });

  it("fills each place with whoever the cover list puts first (one ordering, whether sorted or scanned)", () => {
    // Ties on fairness fall to name order, including names only a locale-aware comparison orders well.
    const people = ["émile", "Zoë", "adam", "Émile", "Bea", "bea", "Ólafur", "Chloé"].map((n, i) =>
      person(n, { serveEveryWeeks: 1, preferredDays: i % 3 === 0 ? ["SU"] : [], otherShifts: i % 2 ? [{ date: SATURDAYS[0], startsAt: 0, endsAt: 1 }] : [] }),
    );
    const shifts = SATURDAYS.slice(1).map((d) => shift(d, { volunteer: 2 }));
    const result = generate.generateRota(shifts, people);
    const context = { shifts: new Map(shifts.map((s) => [s.key, s])), placements: [] as { shiftKey: string; personId: string; slot: Slot }[] };
    for (const placement of result.placements) {
      const s = context.shifts.get(placement.shiftKey)!;
      expect(generate.rankCandidates(s, "volunteer", people, context)[0].person.id).toBe(placement.personId);
      context.placements.push({ shiftKey: placement.shiftKey, personId: placement.personId, slot: placement.slot });
    }
    expect(result.placements.map((p) => p.personId).slice(0, 4)).toEqual(["adam", "Bea", "bea", "Chloé"]);
  });

  it("is deterministic: the same input gives the same rota", () => {
    const people = ["Zed", "Amy", "Kit", "Bo", "Lu"].map((n) => person(n));
    const shifts = SATURDAYS.map((d) => shift(d, { volunteer: 2 }));
    expect(generateRota(shifts, people)).toEqual(generateRota(shifts, [...people].reverse()));
  });

  it("puts whoever served least recently first, counting earlier rotas", () => {
    const people = [
      person("Ann", { otherShifts: [{ date: "2026-02-07", startsAt: 0, endsAt: 1 }] }),
      person("Ben", { otherShifts: [{ date: "2026-01-10", startsAt: 0, endsAt: 1 }] }),
      person("Cat", { otherShifts: [{ date: "2026-01-31", startsAt: 0, endsAt: 1 }] }),
    ];
    const result = generateRota([shift("2026-03-07")], people);
    expect(result.placements).toEqual([{ shiftKey: "2026-03-07", personId: "Ben", slot: "volunteer", reason: "last on Sat 10 Jan" }]);
  });

  it("breaks a tie between people who have never served by name, and says so", () => {
    const result = generateRota([shift("2026-03-07")], [person("Bea"), person("Abe")]);
    expect(result.placements[0]).toMatchObject({ personId: "Abe", reason: "no recent shifts" });
  });

  it("respects each person's own gap: every five weeks means no shift 28 days later", () => {
    const result = generateRota([shift("2026-03-07"), shift("2026-04-04")], [person("Ann", { serveEveryWeeks: 5 })]);
    expect(names(result, "2026-03-07")).toEqual(["Ann"]);
    expect(names(result, "2026-04-04")).toEqual([]);
    expect(result.shortfalls.map((s) => s.explanation)).toEqual(["Sat 4 Apr: one volunteer short — 1 served too recently (they asked for every 5 weeks)"]);
  });

  it("counts an earlier rota's shift in the gap", () => {
    const ann = person("Ann", { otherShifts: [{ date: "2026-02-21", startsAt: 0, endsAt: 1 }] });
    expect(names(generateRota([shift("2026-03-07")], [ann]), "2026-03-07")).toEqual([]);
  });

  it("never places someone on a date they cannot do", () => {
    const people = [person("Ann", { unavailable: [{ startsOn: "2026-03-01", endsOn: "2026-03-10" }] }), person("Ben")];
    expect(names(generateRota([shift("2026-03-07")], people), "2026-03-07")).toEqual(["Ben"]);
  });

  it("never places anyone flagged for conflict of interest, paused, left or still an applicant", () => {
    const people = [person("Ann", { conflict: true }), person("Ben", { status: "paused" }), person("Cat", { status: "left" }), person("Dan", { status: "applicant" })];
    const result = generateRota([shift("2026-03-07")], people);
    expect(result.placements).toEqual([]);
    expect(result.shortfalls[0].explanation).toBe("Sat 7 Mar: one volunteer short — 3 not active (paused, applicant or left), 1 conflict of interest");
  });

  it("does not place someone after their DBS recheck falls due mid-rota", () => {
    const clearance = Object.fromEntries(SATURDAYS.map((d) => [d, d < "2026-03-20" ? { cleared: true, blockers: [] } : { cleared: false, blockers: ["dbs_recheck_due" as const] }]));
    const ann = person("Ann", { clearance, serveEveryWeeks: 1 });
    const result = generateRota(SATURDAYS.map((d) => shift(d)), [ann]);
    expect(result.placements.map((p) => p.shiftKey)).toEqual(["2026-03-07", "2026-03-14"]);
    expect(result.shortfalls[0].explanation).toBe("Sat 21 Mar: one volunteer short — 1 not cleared (DBS recheck due)");
  });

  it("fills each place only with the roles that fit it", () => {
    const coordinator = person("Cora", { roles: [{ role: "coordinator", startedOn: "2020-01-01", endedOn: null }] });
    const deputy = person("Dee", { roles: [{ role: "deputy_coordinator", startedOn: "2020-01-01", endedOn: null }] });
    const staff = person("Stan", { roles: [{ role: "staff", startedOn: "2020-01-01", endedOn: null }] });
    const volunteer = person("Val");
    const result = generateRota([shift("2026-03-07", { coordinator: 1, staff: 1, volunteer: 1 })], [volunteer, staff, deputy, coordinator]);
    expect(result.placements.map((p) => [p.slot, p.personId])).toEqual([["coordinator", "Cora"], ["staff", "Stan"], ["volunteer", "Val"]]);
  });

  it("counts a role from the day it starts", () => {
    const promoted = person("Pat", { roles: [{ role: "volunteer", startedOn: "2020-01-01", endedOn: "2026-03-13" }, { role: "deputy_coordinator", startedOn: "2026-03-14", endedOn: null }], serveEveryWeeks: 1 });
    const result = generateRota([shift("2026-03-07", { coordinator: 1, volunteer: 0 }), shift("2026-03-14", { coordinator: 1, volunteer: 0 })], [promoted]);
    expect(result.placements.map((p) => p.shiftKey)).toEqual(["2026-03-14"]);
  });

  it("never puts one person in two places at once, but allows two sessions on the same day that do not overlap", () => {
    const morning = shift("2026-03-07", {}, "am", ["09:00", "12:00"]);
    const overlapping = shift("2026-03-07", {}, "mid", ["11:00", "13:00"]);
    const afternoon = shift("2026-03-07", {}, "pm", ["13:00", "16:00"]);
    const ann = person("Ann", { serveEveryWeeks: 0 });
    const result = generateRota([morning, overlapping, afternoon], [ann]);
    expect(result.placements.map((p) => p.shiftKey)).toEqual(["am", "pm"]);
    expect(result.shortfalls[0].explanation).toBe("Sat 7 Mar: one volunteer short — 1 on another shift at the time");
  });

  it("prefers people whose preferred days include the day, but uses others rather than leave a gap", () => {
    const sundayPerson = person("Ann", { preferredDays: ["SU"] });
    const anyDay = person("Zoe");
    expect(generateRota([shift("2026-03-07")], [sundayPerson, anyDay]).placements[0].personId).toBe("Zoe");
    const alone = generateRota([shift("2026-03-07")], [sundayPerson]).placements[0];
    expect(alone).toMatchObject({ personId: "Ann", reason: "no recent shifts; prefers other days, but no one else could" });
  });

  it("explains a shortfall by counting why each possible person could not be used", () => {
    const clearance = { "2026-03-14": { cleared: false, blockers: ["dbs_recheck_due" as const] } };
    const people = [
      person("A1", { unavailable: [{ startsOn: "2026-03-14", endsOn: "2026-03-14" }] }),
      person("A2", { unavailable: [{ startsOn: "2026-03-14", endsOn: "2026-03-14" }] }),
      person("A3", { unavailable: [{ startsOn: "2026-03-14", endsOn: "2026-03-14" }] }),
      person("C1", { clearance }),
      person("C2", { clearance }),
      person("G1", { otherShifts: [{ date: "2026-03-01", startsAt: 0, endsAt: 1 }] }),
      person("S1", { roles: [{ role: "staff", startedOn: "2020-01-01", endedOn: null }] }),
    ];
    const result = generateRota([shift("2026-03-14", { volunteer: 1 })], people);
    expect(result.shortfalls).toEqual([
      { shiftKey: "2026-03-14", slot: "volunteer", missing: 1, explanation: "Sat 14 Mar: one volunteer short — 3 unavailable, 2 not cleared (DBS recheck due), 1 served too recently (they asked for every 4 weeks)" },
    ]);
  });

  it("says when nobody holds the role at all", () => {
    const result = generateRota([shift("2026-03-07", { staff: 2, volunteer: 0 })], [person("Val")]);
    expect(result.shortfalls[0].explanation).toBe("Sat 7 Mar: two staff members short — no one else holds the staff member role");
  });

  it("works in the weeks of the clock changes", () => {
    const people = ["Ann", "Ben"].map((n) => person(n, { serveEveryWeeks: 1, clearance: { "2026-03-28": { cleared: true, blockers: [] }, "2026-03-29": { cleared: true, blockers: [] } } }));
    const saturday = shift("2026-03-28");
    const sunday = shift("2026-03-29", {}, "sun");
    expect(new Date(sunday.startsAt).toISOString()).toBe("2026-03-29T09:00:00.000Z");
    const result = generateRota([saturday, sunday], people);
    expect(result.placements.map((p) => [p.shiftKey, p.personId])).toEqual([["2026-03-28", "Ann"], ["sun", "Ben"]]);
  });

  it("handles 200 people and 18 shifts with everyone placed at most once in the gap", () => {
    const people = Array.from({ length: 200 }, (_, i) => person(`P${String(i).padStart(3, "0")}`));
    const shifts = SATURDAYS.flatMap((d) => [shift(d, { volunteer: 3 }, `${d}-a`, ["09:00", "11:00"]), shift(d, { volunteer: 3 }, `${d}-b`, ["11:30", "13:30"]), shift(d, { volunteer: 3 }, `${d}-c`, ["14:00", "16:00"])]);
    const result = generateRota(shifts, people);
    expect(result.placements).toHaveLength(54);
    expect(new Set(result.placements.map((p) => p.personId)).size).toBe(54);
  });
});

describe("team mode", () => {
  const teamA = { id: "A", name: "Team A", memberIds: ["A1", "A2"] };
  const teamB = { id: "B", name: "Team B", memberIds: ["B1", "B2"] };
  const people = ["A1", "A2", "B1", "B2", "X1"].map((id) => person(id));

  it("rotates the teams through the sessions", () => {
    const result = generateRota(SATURDAYS.slice(0, 4).map((d) => shift(d, { volunteer: 2 })), people, { mode: "teams", teams: [teamA, teamB] });
    expect(SATURDAYS.slice(0, 4).map((d) => names(result, d))).toEqual([["A1", "A2"], ["B1", "B2"], ["A1", "A2"], ["B1", "B2"]]);
    expect(result.placements[0].reason).toBe("Team A's turn");
  });

  it("continues from the team whose turn is next", () => {
    const result = generateRota([shift(SATURDAYS[0], { volunteer: 2 })], people, { mode: "teams", teams: [teamA, teamB], nextTurn: { saturday: 1 } });
    expect(names(result, SATURDAYS[0])).toEqual(["B1", "B2"]);
  });

  it("fills a gap left by an unavailable or uncleared member with someone else", () => {
    const withGaps = people.map((p) =>
      p.id === "A2" ? { ...p, unavailable: [{ startsOn: SATURDAYS[0], endsOn: SATURDAYS[0] }] } : p,
    );
    const result = generateRota([shift(SATURDAYS[0], { volunteer: 2 })], withGaps, { mode: "teams", teams: [teamA, teamB] });
    expect(result.placements.map((p) => [p.personId, p.reason])).toEqual([
      ["A1", "Team A's turn"],
      ["B1", "Filling a gap in Team A: no recent shifts"],
    ]);
  });
});

describe("checking a co-ordinator's edit", () => {
  const shifts = [shift("2026-03-07"), shift("2026-03-21")];
  const context = { shifts: new Map(shifts.map((s) => [s.key, s])), placements: [{ shiftKey: "2026-03-07", personId: "Ann", slot: "volunteer" as const }] };

  it("refuses someone not cleared to work, saying why", () => {
    const bob = person("Bob", { clearance: { "2026-03-21": { cleared: false, blockers: ["dbs_none"] } } });
    expect(said(checkPlacement(bob, shifts[1], "volunteer", context), bob, shifts[1], "volunteer")).toEqual({ refused: "Bob is not cleared to work on Sat 21 Mar: no DBS check", warnings: [] });
  });
  it("refuses conflict of interest and two places at once", () => {
    const cy = person("Cy", { conflict: true });
    expect(said(checkPlacement(cy, shifts[1], "volunteer", context), cy, shifts[1], "volunteer").refused).toBe("Cy uses the centre for their own family's contact (conflict of interest)");
    const double = { ...context, placements: [...context.placements, { shiftKey: "2026-03-21", personId: "Dot", slot: "volunteer" as const }] };
    const sameTime = shift("2026-03-21", {}, "other");
    double.shifts.set("other", sameTime);
    expect(said(checkPlacement(person("Dot"), sameTime, "volunteer", double), person("Dot"), sameTime, "volunteer").refused).toBe("Dot is on another shift at the same time");
  });
  it("warns, naming each rule, when an edit breaks a softer rule", () => {
    const ann = person("Ann", { unavailable: [{ startsOn: "2026-03-21", endsOn: "2026-03-21" }] });
    expect(said(checkPlacement(ann, shifts[1], "coordinator", context), ann, shifts[1], "coordinator")).toEqual({
      refused: null,
      warnings: [
        "Ann is not a co-ordinator or deputy on Sat 21 Mar",
        "Ann has said they cannot do Sat 21 Mar",
        "Ann is also on Sat 7 Mar, within their 4-week gap",
        "This shift already has the 0 co-ordinators or deputies it needs",
      ],
    });
  });
});

describe("cover", () => {
  it("ranks who could cover: cleared, available, longest since their last shift", () => {
    const s = shift("2026-03-21");
    const people = [
      person("Ann", { otherShifts: [{ date: "2026-02-14", startsAt: 0, endsAt: 1 }] }),
      person("Ben", { otherShifts: [{ date: "2026-01-03", startsAt: 0, endsAt: 1 }] }),
      person("Cat", { unavailable: [{ startsOn: "2026-03-21", endsOn: "2026-03-21" }] }),
      person("Dan", { clearance: {} }),
    ];
    const ranked = rankCandidates(s, "volunteer", people, { shifts: new Map([[s.key, s]]), placements: [] });
    expect(ranked.map((r) => [r.person.id, r.reason])).toEqual([["Ben", "last on Sat 3 Jan"], ["Ann", "last on Sat 14 Feb"]]);
  });

  it("ranks as if everyone were cleared, when clearance is to be asked of the first few only: every other rule still applies", () => {
    const s = shift("2026-03-21");
    const people = [
      person("Ann", { otherShifts: [{ date: "2026-02-14", startsAt: 0, endsAt: 1 }], clearance: {} }),
      person("Ben", { otherShifts: [{ date: "2026-01-03", startsAt: 0, endsAt: 1 }] }),
      person("Cat", { unavailable: [{ startsOn: "2026-03-21", endsOn: "2026-03-21" }], clearance: {} }),
      person("Dan", { clearance: { "2026-03-21": { cleared: false, blockers: ["dbs_none"] } } }),
      person("Eve", { conflict: true, clearance: {} }),
    ];
    const context = { shifts: new Map([[s.key, s]]), placements: [] };
    expect(generate.rankCandidatesIfCleared(s, "volunteer", people, context).map((r) => r.person.id)).toEqual(["Dan", "Ben", "Ann"]);
    // With everyone cleared in fact, the two agree.
    const cleared = people.map((p) => ({ ...p, clearance: { "2026-03-21": { cleared: true, blockers: [] } } }));
    expect(generate.rankCandidatesIfCleared(s, "volunteer", cleared, context).map((r) => r.person.id))
      .toEqual(generate.rankCandidates(s, "volunteer", cleared, context).map((r) => r.person.id));
  });
});

describe("unfilled places in words", () => {
  it("names each kind of place still open, and nothing when full", async () => {
    const { staffingNeeds } = await import("~/modules/rota/eligibility");
    const { unfilledWords } = await import("~/modules/rota/words");
    const needs = staffingNeeds({ coordinatorsNeeded: 1, staffNeeded: 2, volunteersNeeded: 3 });
    expect(unfilledWords(needs, ["volunteer", "staff"])).toBe("1 co-ordinator or deputy, 1 staff member, 2 volunteers");
    expect(unfilledWords(needs, ["coordinator", "staff", "staff", "volunteer", "volunteer", "volunteer", "volunteer"])).toBe("");
  });
});

describe("team turns follow each session's own series", () => {
  const teamA = { id: "A", name: "Team A", memberIds: ["A1"] };
  const teamB = { id: "B", name: "Team B", memberIds: ["B1"] };
  const people = ["A1", "B1"].map((id) => person(id, { serveEveryWeeks: 1, clearance: Object.fromEntries(["2026-03-07", "2026-03-08", "2026-03-14", "2026-03-21"].map((d) => [d, { cleared: true, blockers: [] }])) }));

  it("lets a monthly Sunday session take turns without using up a team's Saturday", () => {
    const saturdays = ["2026-03-07", "2026-03-14", "2026-03-21"].map((d) => shift(d));
    const sunday = { ...shift("2026-03-08", {}, "sun-2026-03-08", ["13:00", "16:00"]), series: "sunday", sessionName: "Sunday" };
    const result = generate.generateRota([...saturdays, sunday], people, { mode: "teams", teams: [teamA, teamB] });
    const teamOf = (key: string) => result.teamOf[key];
    // Saturdays alternate A, B, A whatever the Sunday does; the Sunday series starts with A too.
    expect(["2026-03-07", "2026-03-14", "2026-03-21"].map(teamOf)).toEqual(["A", "B", "A"]);
    expect(teamOf("sun-2026-03-08")).toBe("A");
  });

  it("continues each series from its own next turn", () => {
    const result = generate.generateRota([shift("2026-03-07")], people, { mode: "teams", teams: [teamA, teamB], nextTurn: { saturday: 1, sunday: 0 } });
    expect(result.teamOf["2026-03-07"]).toBe("B");
  });
});

describe("re-checking a placement already made, on its shift's date", () => {
  const s = shift("2026-03-21");
  const codes = (problems: Problem[]) => problems.map((p) => p.code);

  it("stands for someone still active, cleared and in role", () => {
    expect(standingProblems(person("Ann"), s, "volunteer")).toEqual([]);
  });

  it("ignores the softer rules: unavailable or within their gap does not void a placement", () => {
    const ann = person("Ann", { unavailable: [{ startsOn: "2026-03-21", endsOn: "2026-03-21" }], otherShifts: [{ date: "2026-03-14", startsAt: 0, endsAt: 1 }] });
    expect(standingProblems(ann, s, "volunteer")).toEqual([]);
  });

  it("voids it once they have left, but not for a shift on or before their last day", () => {
    const leaving = person("Lee", { status: "left", leftOn: "2026-03-20", statusChanges: [{ status: "active", effectiveOn: "2020-01-01" }, { status: "left", effectiveOn: "2026-03-21" }] });
    expect(codes(standingProblems(leaving, s, "volunteer"))).toEqual(["not_active"]);
    expect(standingProblems(leaving, shift("2026-03-14"), "volunteer")).toEqual([]);
  });

  it("voids it from the day a pause takes effect", () => {
    const pausing = person("Pam", { status: "paused", statusChanges: [{ status: "active", effectiveOn: "2020-01-01" }, { status: "paused", effectiveOn: "2026-03-15" }] });
    expect(standingProblems(pausing, shift("2026-03-14"), "volunteer")).toEqual([]);
    expect(standingProblems(pausing, s, "volunteer")).toEqual([{ code: "not_active", blocks: true, status: "paused" }]);
  });

  it("voids it for a conflict of interest, a role that has gone, or not being cleared that day", () => {
    expect(codes(standingProblems(person("Cy", { conflict: true }), s, "volunteer"))).toEqual(["conflict"]);
    const trustee = person("Tess", { roles: [{ role: "volunteer", startedOn: "2020-01-01", endedOn: "2026-03-01" }, { role: "trustee", startedOn: "2026-03-02", endedOn: null }] });
    expect(codes(standingProblems(trustee, s, "volunteer"))).toEqual(["role_gone"]);
    const refused = person("Rae", { clearance: { "2026-03-21": { cleared: false, blockers: ["dbs_not_accepted"] } } });
    const problems = standingProblems(refused, s, "volunteer");
    expect(problems).toEqual([{ code: "not_cleared", blocks: true, blockers: ["dbs_not_accepted"] }]);
    expect(problemWords(problems[0], "Rae", s.date, "volunteer")).toBe("Rae is not cleared to work on Sat 21 Mar: DBS not accepted");
  });

  it("keeps a co-ordinator's soft choice: a deputy placed as a volunteer still stands", () => {
    const deputy = person("Dee", { roles: [{ role: "deputy_coordinator", startedOn: "2020-01-01", endedOn: null }] });
    expect(standingProblems(deputy, s, "volunteer")).toEqual([]);
  });
});
