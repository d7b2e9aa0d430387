import { describe, expect, it } from "vitest";
import type { RotaContext, RotaPerson, RotaShift } from "~/modules/rota/eligibility";
import { londonInstant } from "~/utils/dates";
import { checkTake, freePlaces, openPlacesFor, swapClosesAt, swapState, withoutPlacement } from "~/modules/rota/self-service";
import { takeNoteWords, takeRefusalWords } from "~/modules/rota/words";

const DATES = ["2026-03-07", "2026-03-14", "2026-03-28", "2026-04-04"];

function shift(date: string, needs: Partial<RotaShift["needs"]> = {}, time: [string, string] = ["10:00", "12:30"]): RotaShift {
  return {
    key: date, series: "sat", sessionName: "Saturday", date,
    startsAt: londonInstant(date, time[0]).getTime(), endsAt: londonInstant(date, time[1]).getTime(),
    needs: { coordinator: 0, staff: 0, volunteer: 2, ...needs },
  };
}

function person(id: string, overrides: Partial<RotaPerson> = {}): RotaPerson {
  return {
    id, name: id, status: "active", startedOn: "2020-01-01", leftOn: null, statusChanges: [], conflict: false, serveEveryWeeks: 4, preferredDays: [],
    roles: [{ role: "volunteer", startedOn: "2020-01-01", endedOn: null }], unavailable: [], otherShifts: [],
    clearance: Object.fromEntries(DATES.map((d) => [d, { cleared: true, blockers: [] }])), ...overrides,
  };
}

function context(shifts: RotaShift[], placements: [string, string][] = []): RotaContext {
  return { shifts: new Map(shifts.map((s) => [s.key, s])), placements: placements.map(([shiftKey, personId]) => ({ shiftKey, personId, slot: "volunteer" as const })) };
}

const BEFORE = londonInstant("2026-03-01", "09:00").getTime();
const said = (check: ReturnType<typeof checkTake>, s: RotaShift, slot: "volunteer" | "staff" = "volunteer") => check.refused ? takeRefusalWords(check.refused, s.date, slot) : null;

describe("taking an open place", () => {
  const sat = shift("2026-03-07");

  it("counts free places from those holding one", () => {
    expect(freePlaces(sat, "volunteer", context([sat]))).toBe(2);
    expect(freePlaces(sat, "volunteer", context([sat], [["2026-03-07", "A"]]))).toBe(1);
    expect(freePlaces(sat, "volunteer", context([sat], [["2026-03-07", "A"], ["2026-03-07", "B"], ["2026-03-07", "C"]]))).toBe(0);
    expect(freePlaces(sat, "staff", context([sat]))).toBe(0);
  });

  it("lets an eligible volunteer take a free place", () => {
    expect(checkTake(person("Ann"), sat, "volunteer", context([sat], [["2026-03-07", "B"]]), BEFORE)).toEqual({ refused: null, notes: [] });
  });

  it("refuses once the place is gone", () => {
    const full = context([sat], [["2026-03-07", "B"], ["2026-03-07", "C"]]);
    expect(said(checkTake(person("Ann"), sat, "volunteer", full, BEFORE), sat)).toBe("Someone else has just taken that place: it is no longer free");
  });

  it("refuses a shift that has started, to the millisecond", () => {
    expect(said(checkTake(person("Ann"), sat, "volunteer", context([sat]), sat.startsAt), sat)).toBe("That shift has already started");
    expect(checkTake(person("Ann"), sat, "volunteer", context([sat]), sat.startsAt - 1).refused).toBeNull();
  });

  it("refuses the hard rules, said to the volunteer", () => {
    const notCleared = person("Ann", { clearance: { "2026-03-07": { cleared: false, blockers: [{ code: "dbs_missing" }] as never } } });
    expect(said(checkTake(notCleared, sat, "volunteer", context([sat]), BEFORE), sat)).toMatch(/^You are not cleared to work on Sat 7 Mar \(.+\): talk to your co-ordinator$/);
    expect(said(checkTake(person("Ann", { status: "paused" }), sat, "volunteer", context([sat]), BEFORE), sat)).toBe("You are paused on Sat 7 Mar, so you cannot take shifts then");
    expect(said(checkTake(person("Ann", { conflict: true }), sat, "volunteer", context([sat]), BEFORE), sat)).toBe("You cannot take shifts while you use the centre for your own family's contact");
    expect(said(checkTake(person("Ann"), sat, "volunteer", context([sat], [["2026-03-07", "Ann"]]), BEFORE), sat)).toBe("You are already on that shift");
  });

  it("refuses a place whose role they do not hold (a soft warning for co-ordinators, a refusal here)", () => {
    const staffShift = shift("2026-03-07", { volunteer: 0, staff: 1 });
    expect(said(checkTake(person("Ann"), staffShift, "staff", context([staffShift]), BEFORE), staffShift, "staff")).toBe("That place is for a staff member, which you are not on Sat 7 Mar");
  });

  it("refuses a place at the same time as another of their shifts", () => {
    const other = { ...shift("2026-03-07", {}, ["11:00", "13:00"]), key: "other" };
    const check = checkTake(person("Ann", { otherShifts: [other] }), sat, "volunteer", context([sat]), BEFORE);
    expect(said(check, sat)).toBe("You are on another shift at the same time");
  });

  it("lets them weigh the soft rules themselves: away that day, served recently", () => {
    const away = checkTake(person("Ann", { unavailable: [{ startsOn: "2026-03-07", endsOn: "2026-03-07" }] }), sat, "volunteer", context([sat]), BEFORE);
    expect(away.refused).toBeNull();
    expect(away.notes.map(takeNoteWords)).toEqual(["you said you cannot do this date"]);
    const recent = checkTake(person("Ann", { otherShifts: [shift("2026-02-28")] }), sat, "volunteer", context([sat]), BEFORE);
    expect(recent.notes.map(takeNoteWords)).toEqual(["you are also on Sat 28 Feb (you asked for at most one shift every 4 weeks)"]);
  });

  it("takes over someone's place in a swap even when the shift is over-full", () => {
    const crowded = context([sat], [["2026-03-07", "B"], ["2026-03-07", "C"], ["2026-03-07", "Dee"]]);
    const without = withoutPlacement(crowded, "2026-03-07", "Dee");
    expect(without.placements.map((p) => p.personId)).toEqual(["B", "C"]);
    expect(checkTake(person("Ann"), sat, "volunteer", without, BEFORE).refused).toEqual({ code: "no_place_free" });
    expect(checkTake(person("Ann"), sat, "volunteer", without, BEFORE, { replacing: true }).refused).toBeNull();
  });
});

describe("the open list", () => {
  it("lists each shift and kind of place they could take, soonest first, leaving out the full, the started and the ineligible", () => {
    const shifts = [shift("2026-04-04"), shift("2026-03-14"), shift("2026-03-07"), shift("2026-03-28", { volunteer: 0, staff: 2 })];
    const ctx = context(shifts, [["2026-03-14", "B"], ["2026-03-14", "C"]]);
    const ann = person("Ann", { clearance: { "2026-03-07": { cleared: true, blockers: [] }, "2026-04-04": { cleared: true, blockers: [] } } });
    const now = londonInstant("2026-03-07", "10:00").getTime();
    expect(openPlacesFor(ann, shifts, ctx, now).map((p) => p.shift.date)).toEqual(["2026-04-04"]);
    expect(openPlacesFor(ann, shifts, ctx, now - 1).map((p) => [p.shift.date, p.slot, p.free])).toEqual([["2026-03-07", "volunteer", 2], ["2026-04-04", "volunteer", 2]]);
  });

  it("offers both kinds of place to someone who holds both roles", () => {
    const both = shift("2026-03-07", { coordinator: 1, volunteer: 1 });
    const cora = person("Cora", { roles: [{ role: "volunteer", startedOn: "2020-01-01", endedOn: null }, { role: "coordinator", startedOn: "2020-01-01", endedOn: null }] });
    expect(openPlacesFor(cora, [both], context([both]), BEFORE).map((p) => p.slot)).toEqual(["coordinator", "volunteer"]);
  });
});

describe("swap cut-off", () => {
  it("closes a whole 72 hours before the shift, counted in real hours across the clock change", () => {
    // Clocks go forward on Sunday 29 March 2026: 72 hours before 10:00 BST on 31 March is 09:00 GMT on 28 March.
    const startsAt = londonInstant("2026-03-31", "10:00").getTime();
    expect(new Date(swapClosesAt(startsAt, 72)).toISOString()).toBe("2026-03-28T09:00:00.000Z");
  });

  it("is offered until it closes, then a gap until the shift starts, then history", () => {
    const swap = { closesAt: 1_000, shiftStartsAt: 5_000 };
    expect(swapState(swap, 999)).toBe("offered");
    expect(swapState(swap, 1_000)).toBe("unanswered");
    expect(swapState(swap, 4_999)).toBe("unanswered");
    expect(swapState(swap, 5_000)).toBe("over");
  });
});
