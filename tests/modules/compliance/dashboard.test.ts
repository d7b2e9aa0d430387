import { describe, expect, it } from "vitest";
import { attentionList, groupByPerson, monthEnds, type AttentionItem, type PersonState } from "~/modules/compliance/overview";
import { combineNumbered } from "~/modules/compliance/words";

const item = (personId: string, personName: string, requirement: string): AttentionItem => ({
  personId, personName, requirementKey: requirement, requirement, status: "missing", days: null,
});

describe("the dashboard", () => {
  it("groups what is missing by person, people in the order given (the centre's name order), their items in the order found", () => {
    const items = [item("2", "Zoe Young", "References"), item("1", "Amy Adams", "Induction"), item("2", "Zoe Young", "Induction")];
    const inNameOrder = [{ id: "1" }, { id: "3" }, { id: "2" }];
    expect(groupByPerson(items, inNameOrder).map((g) => [g.personName, g.items.map((i) => i.requirement)])).toEqual([
      ["Amy Adams", ["Induction"]],
      ["Zoe Young", ["References", "Induction"]],
    ]);
    // Only those given, in their order: a dashboard's first people of a list.
    expect(groupByPerson(items, [{ id: "2" }]).map((g) => g.personName)).toEqual(["Zoe Young"]);
  });

  it("lists people in the order given, the centre's surname order, as its matrix and People pages do", () => {
    const person = (id: string, name: string, requirements: PersonState["requirements"]): PersonState => ({ id, name, counted: true, cleared: false, requirements });
    const missing = (label: string) => ({ key: label, label, status: "missing" as const, validUntil: null, lapsedOn: null });
    const expired = (label: string, lapsedOn: string) => ({ key: label, label, status: "expired" as const, validUntil: null, lapsedOn });
    // Surname order: Zoe Adams before Amy Young, though "Amy Young" comes first as written.
    const attention = attentionList([
      person("z", "Zoe Adams", [missing("References"), missing("Induction"), expired("DBS check", "2026-11-01")]),
      person("a", "Amy Young", [missing("Induction"), expired("DBS check", "2026-11-01"), expired("Safeguarding refresher", "2026-10-01")]),
    ], "2026-12-02");
    expect(attention.missing.map((i) => `${i.personName}: ${i.requirement}`)).toEqual(["Zoe Adams: Induction", "Zoe Adams: References", "Amy Young: Induction"]);
    // Expired: longest lapsed first, then in the people's order.
    expect(attention.expired.map((i) => `${i.personName}: ${i.requirement} ${i.days}`)).toEqual([
      "Amy Young: Safeguarding refresher -62", "Zoe Adams: DBS check -31", "Amy Young: DBS check -31",
    ]);
    expect(attention.notCleared.map((p) => p.personName)).toEqual(["Zoe Adams", "Amy Young"]);
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
