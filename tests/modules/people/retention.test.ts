import { describe, expect, it } from "vitest";
import { removalDueOn, retentionStanding } from "~/modules/people/retention";

const leaver = (leftOn: string | null, extra: Partial<{ status: string; anonymisedAt: Date | null }> = {}) => ({ id: "p", status: "left", leftOn, anonymisedAt: null, ...extra });

describe("when a leaver's records are due for removal", () => {
  it("is the same date, the centre's number of years after their last day", () => {
    expect(removalDueOn("2020-03-31", 6)).toBe("2026-03-31");
    expect(removalDueOn("2020-02-29", 6)).toBe("2026-02-28");
    expect(removalDueOn("2020-02-29", 4)).toBe("2024-02-29");
  });

  it("is due on that day, not the day before", () => {
    expect(retentionStanding(leaver("2020-11-30"), 6, "2026-11-29", "2026-11-29")).toEqual({ code: "kept", dueOn: "2026-11-30" });
    expect(retentionStanding(leaver("2020-11-30"), 6, "2026-11-30", "2026-11-30")).toEqual({ code: "due", dueOn: "2026-11-30" });
    expect(retentionStanding(leaver("2019-01-01"), 6, "2026-11-30", "2026-11-30")).toEqual({ code: "due", dueOn: "2025-01-01" });
  });

  it("is upcoming when it falls within the look-ahead, inclusive", () => {
    expect(retentionStanding(leaver("2021-02-28"), 6, "2026-11-30", "2027-02-28")).toEqual({ code: "upcoming", dueOn: "2027-02-28" });
    expect(retentionStanding(leaver("2021-03-01"), 6, "2026-11-30", "2027-02-28")).toEqual({ code: "kept", dueOn: "2027-03-01" });
  });

  it("follows the centre's period: a longer one keeps them", () => {
    expect(retentionStanding(leaver("2019-06-01"), 10, "2026-11-30", "2026-11-30").code).toBe("kept");
  });

  it("never makes anyone due who has not left, came back, or has no last day", () => {
    expect(retentionStanding(leaver("2010-01-01", { status: "active" }), 6, "2026-11-30", "2026-11-30")).toEqual({ code: "kept", dueOn: null });
    expect(retentionStanding(leaver("2010-01-01", { status: "paused" }), 6, "2026-11-30", "2026-11-30").code).toBe("kept");
    expect(retentionStanding(leaver(null), 6, "2026-11-30", "2026-11-30")).toEqual({ code: "kept", dueOn: null });
  });

  it("says when their data has already been removed", () => {
    expect(retentionStanding(leaver("2010-01-01", { anonymisedAt: new Date("2026-01-01") }), 6, "2026-11-30", "2026-11-30")).toEqual({ code: "removed" });
  });
});
