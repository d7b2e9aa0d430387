import { describe, expect, it } from "vitest";
import { groupByPerson, monthEnds, type AttentionItem } from "~/modules/compliance/overview";
import { combineNumbered } from "~/modules/compliance/words";

const item = (personId: string, personName: string, requirement: string): AttentionItem => ({
  personId, personName, requirementKey: requirement, requirement, status: "missing", days: null,
});

describe("the dashboard", () => {
  it("groups what is missing by person, people in name order, their items in the order given", () => {
    const groups = groupByPerson([item("2", "Zoe Young", "References"), item("1", "Amy Adams", "Induction"), item("2", "Zoe Young", "Induction")]);
    expect(groups.map((g) => [g.personName, g.items.map((i) => i.requirement)])).toEqual([
      ["Amy Adams", ["Induction"]],
      ["Zoe Young", ["References", "Induction"]],
    ]);
  });

  it("reads a numbered series once, in number order", () => {
    expect(combineNumbered(["NACCC module 10", "Induction", "NACCC module 7", "NACCC module 8"])).toEqual(["NACCC module 7, 8, 10", "Induction"]);
    expect(combineNumbered(["Safeguarding refresher"])).toEqual(["Safeguarding refresher"]);
  });

  it("charts twelve month ends, ending today, through a leap February", () => {
    expect(monthEnds("2026-11-30")).toEqual([
      "2025-12-31", "2026-01-31", "2026-02-28", "2026-03-31", "2026-04-30", "2026-05-31",
      "2026-06-30", "2026-07-31", "2026-08-31", "2026-09-30", "2026-10-31", "2026-11-30",
    ]);
    expect(monthEnds("2028-03-15", 3)).toEqual(["2028-01-31", "2028-02-29", "2028-03-15"]);
  });
});
