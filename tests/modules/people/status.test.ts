import { describe, expect, it } from "vitest";
import { initialStatusChanges, statusOn } from "~/modules/people/status";

const person = (status: string, statusChanges: { status: string; effectiveOn: string }[], extra: { startedOn?: string | null; leftOn?: string | null } = {}) => ({
  status, startedOn: extra.startedOn ?? null, leftOn: extra.leftOn ?? null, statusChanges,
});

describe("a person's status on a date", () => {
  it("is the latest change in effect by then", () => {
    const p = person("paused", [{ status: "active", effectiveOn: "2024-01-01" }, { status: "paused", effectiveOn: "2025-06-01" }]);
    expect(statusOn(p, "2023-12-31")).toBe("applicant");
    expect(statusOn(p, "2024-01-01")).toBe("active");
    expect(statusOn(p, "2025-05-31")).toBe("active");
    expect(statusOn(p, "2025-06-01")).toBe("paused");
  });

  it("lets the last change written on a day win", () => {
    const p = person("active", [{ status: "paused", effectiveOn: "2025-06-01" }, { status: "active", effectiveOn: "2025-06-01" }]);
    expect(statusOn(p, "2025-06-01")).toBe("active");
  });

  it("falls back on the start and leaving dates for records made before statuses were dated", () => {
    const leaver = person("left", [], { startedOn: "2020-01-01", leftOn: "2025-06-30" });
    expect(statusOn(leaver, "2019-12-31")).toBe("applicant");
    expect(statusOn(leaver, "2025-06-30")).toBe("active");
    expect(statusOn(leaver, "2025-07-01")).toBe("left");
    expect(statusOn(person("left", []), "2025-07-01")).toBe("left");
  });
});

describe("a new person's first status changes", () => {
  it("are active from the start date for someone already working", () => {
    expect(initialStatusChanges({ status: "active", startedOn: "2024-02-01", leftOn: null }, "2025-01-01")).toEqual([{ status: "active", effectiveOn: "2024-02-01" }]);
  });
  it("record a leaver as active until their last day, then left", () => {
    expect(initialStatusChanges({ status: "left", startedOn: "2020-01-01", leftOn: "2024-12-31" }, "2025-01-01")).toEqual([
      { status: "active", effectiveOn: "2020-01-01" }, { status: "left", effectiveOn: "2025-01-01" },
    ]);
  });
  it("make an applicant an applicant from today", () => {
    expect(initialStatusChanges({ status: "applicant", startedOn: "2025-02-01", leftOn: null }, "2025-01-01")).toEqual([{ status: "applicant", effectiveOn: "2025-01-01" }]);
  });
});
