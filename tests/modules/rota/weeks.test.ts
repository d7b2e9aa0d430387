import { describe, expect, it } from "vitest";
import { rotaGrid, staffingByWeek, weekStart, weeksBetween } from "~/modules/rota/weeks";

describe("weeks of a rota", () => {
  it("start on the Monday, whatever the day, across a month and a year end", () => {
    expect(weekStart("2026-11-30")).toBe("2026-11-30"); // a Monday
    expect(weekStart("2026-12-06")).toBe("2026-11-30"); // the Sunday after
    expect(weekStart("2027-01-02")).toBe("2026-12-28"); // a Saturday in the next year
    expect(weekStart("2028-03-01")).toBe("2028-02-28"); // past a leap day
  });

  it("list every Monday between two dates", () => {
    expect(weeksBetween("2026-12-05", "2026-12-20")).toEqual(["2026-11-30", "2026-12-07", "2026-12-14"]);
  });

  it("add up places needed and filled by week, never counting more filled than needed", () => {
    const weeks = staffingByWeek([
      { date: "2026-12-05", needed: 4, filled: 3 },
      { date: "2026-12-06", needed: 4, filled: 6 },
      { date: "2026-12-19", needed: 4, filled: 4 },
      { date: "2027-03-01", needed: 4, filled: 4 }, // outside the range: left out
    ], "2026-11-30", "2026-12-20");
    expect(weeks).toEqual([
      { weekStart: "2026-11-30", needed: 8, filled: 7 },
      { weekStart: "2026-12-07", needed: 0, filled: 0 },
      { weekStart: "2026-12-14", needed: 4, filled: 4 },
    ]);
  });

  it("lay a rota out as weeks down and sessions across, with empty cells where a session does not run", () => {
    const sat = { id: "sat" };
    const sun = { id: "sun" };
    const grid = rotaGrid([
      { id: "a", date: "2026-12-05", seriesId: "sat" },
      { id: "b", date: "2026-12-06", seriesId: "sun" },
      { id: "c", date: "2026-12-12", seriesId: "sat" },
    ], [sat, sun]);
    expect(grid.map((w) => [w.weekStart, w.cells.map((c) => c.map((s) => s.id))])).toEqual([
      ["2026-11-30", [["a"], ["b"]]],
      ["2026-12-07", [["c"], []]],
    ]);
    expect(rotaGrid([], [sat])).toEqual([]);
  });
});
