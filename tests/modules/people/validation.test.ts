import { describe, expect, it } from "vitest";
import { personSchema } from "~/modules/people/validation";

const valid = {
  firstName: "Ada", lastName: "Lovelace", email: "ADA@Example.org ", phone: "07700 900 982",
  roles: ["volunteer"], status: "active", startedOn: "01/02/2024", leftOn: "", conflictNote: "",
};

function errorsOf(input: Record<string, unknown>) {
  const result = personSchema.safeParse(input);
  if (result.success) return {};
  return Object.fromEntries(result.error.issues.map((i) => [String(i.path[0]), i.message]));
}

describe("personSchema", () => {
  it("accepts a valid person, lowercasing the email and reading the UK date", () => {
    const result = personSchema.parse(valid);
    expect(result).toMatchObject({ email: "ada@example.org", startedOn: "2024-02-01", leftOn: null, roles: ["volunteer"], usesCentreForOwnFamily: false });
  });
  it("names a missing first and last name separately", () => {
    expect(errorsOf({ ...valid, firstName: "  ", lastName: "" })).toEqual({ firstName: "Enter their first name", lastName: "Enter their last name" });
  });
  it("refuses an over-long name with the limit", () => {
    expect(errorsOf({ ...valid, lastName: "x".repeat(101) })).toEqual({ lastName: "A last name must be 100 characters or fewer" });
  });
  it("refuses an unknown role by name", () => {
    expect(errorsOf({ ...valid, roles: ["volunteer", "chief"] })).toEqual({ roles: "“chief” is not a role at this centre" });
  });
  it("needs at least one role", () => {
    expect(errorsOf({ ...valid, roles: [] })).toEqual({ roles: "Select at least one role" });
  });
  it("refuses a badly formed email", () => {
    expect(errorsOf({ ...valid, email: "ada@" })).toEqual({ email: "Enter an email address in the correct format, like name@example.org" });
  });
  it("refuses letters in a phone number", () => {
    expect(errorsOf({ ...valid, phone: "call me" })).toEqual({ phone: "Enter a phone number using digits, like 01632 960 001 or 07700 900 982" });
  });
  it("refuses a leaving date before the start date, naming the start date", () => {
    expect(errorsOf({ ...valid, status: "left", leftOn: "31/01/2024" })).toEqual({ leftOn: "The leaving date must be on or after the start date (1 Feb 2024)" });
  });
  it("needs a start date for active people and a leaving date for people who left", () => {
    expect(errorsOf({ ...valid, startedOn: "" })).toEqual({ startedOn: "Enter the date they started: active people must have one" });
    expect(errorsOf({ ...valid, status: "left" })).toEqual({ leftOn: "Enter the date they left" });
  });
  it("refuses a leaving date unless the status is Left", () => {
    expect(errorsOf({ ...valid, leftOn: "01/03/2024" })).toEqual({ leftOn: "Only enter a leaving date when the status is Left" });
  });
  it("refuses an unknown status", () => {
    expect(errorsOf({ ...valid, status: "retired" })).toEqual({ status: "Select a status: applicant, active, paused, left" });
  });
  it("needs a note when the conflict of interest flag is set", () => {
    expect(errorsOf({ ...valid, usesCentreForOwnFamily: "on" })).toEqual({
      conflictNote: "Add a short note about the conflict of interest, so other co-ordinators understand it",
    });
  });
  it("reports a date it cannot read with the reason", () => {
    expect(errorsOf({ ...valid, startedOn: "30/02/2024" })).toEqual({ startedOn: "February 2024 has 29 days: 30 is not a day in it" });
  });
});
