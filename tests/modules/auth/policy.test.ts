import { describe, expect, it } from "vitest";
import { can } from "~/modules/auth/permissions";
import { LOCKOUT_MS, MAX_FAILED_SIGN_INS, accessState, lockedUntil } from "~/modules/auth/sign-in-policy";

describe("permissions", () => {
  it("lets co-ordinators do everything", () => {
    for (const p of ["people:read", "people:write", "audit:read", "accounts:manage", "compliance:write"] as const) expect(can("coordinator", p)).toBe(true);
  });
  it("lets assessors read but never change", () => {
    expect(can("assessor", "people:read")).toBe(true);
    expect(can("assessor", "audit:read")).toBe(true);
    expect(can("assessor", "people:write")).toBe(false);
    expect(can("assessor", "compliance:write")).toBe(false);
    expect(can("assessor", "accounts:manage")).toBe(false);
  });
  it("lets volunteers see only their own record", () => {
    expect(can("volunteer", "self:read")).toBe(true);
    expect(can("volunteer", "people:read")).toBe(false);
    expect(can("volunteer", "audit:read")).toBe(false);
  });
  it("gives an unknown role nothing", () => {
    expect(can("admin", "people:read")).toBe(false);
  });
});

describe("lockedUntil", () => {
  const last = new Date("2025-05-01T10:00:00Z");
  it("does not lock below the limit", () => {
    expect(lockedUntil({ failedSignIns: MAX_FAILED_SIGN_INS - 1, lastFailedSignInAt: last }, last)).toBeNull();
  });
  it("locks at the limit for the lock-out period after the last failure", () => {
    expect(lockedUntil({ failedSignIns: MAX_FAILED_SIGN_INS, lastFailedSignInAt: last }, new Date(last.getTime() + 60_000))).toEqual(new Date(last.getTime() + LOCKOUT_MS));
  });
  it("unlocks once the period has passed", () => {
    expect(lockedUntil({ failedSignIns: MAX_FAILED_SIGN_INS + 3, lastFailedSignInAt: last }, new Date(last.getTime() + LOCKOUT_MS))).toBeNull();
  });
});

describe("accessState", () => {
  const base = { accessRole: "assessor", accessEndsOn: "2025-06-30", disabledAt: null, passwordHash: "x" };
  it("lets an assessor in up to and including the last day", () => {
    expect(accessState(base, "2025-06-30")).toEqual({ allowed: true });
  });
  it("shuts an assessor out the day after", () => {
    expect(accessState(base, "2025-07-01")).toEqual({ allowed: false, reason: "access-ended" });
  });
  it("shuts out a turned-off sign-in and one with no password yet", () => {
    expect(accessState({ ...base, disabledAt: new Date("2025-01-01T12:00:00Z") }, "2025-01-01")).toEqual({ allowed: false, reason: "disabled" });
    expect(accessState({ ...base, passwordHash: null }, "2025-01-01")).toEqual({ allowed: false, reason: "no-password" });
  });
  it("has no end date for co-ordinators", () => {
    expect(accessState({ ...base, accessRole: "coordinator", accessEndsOn: null }, "2099-01-01")).toEqual({ allowed: true });
  });
});
