import { describe, expect, it } from "vitest";
import { courseSchema, dbsCheckSchema, referenceSchema, settingsSchema, trainingSchema } from "~/modules/compliance/validation";
import type { z } from "zod";

const today = "2026-11-23";

function errorsOf(schema: z.ZodType, input: Record<string, unknown>) {
  const result = schema.safeParse(input);
  return result.success ? {} : Object.fromEntries(result.error.issues.map((i) => [String(i.path[0]), i.message]));
}

describe("DBS check form", () => {
  const valid = {
    level: "enhanced", workforce: "child_and_adult", certificateNumber: "0012 3456 7890", issuedOn: "01/03/2026",
    decision: "clear", seenBy: "Sam Patel", seenOn: "03/03/2026",
  };
  it("accepts a valid check, keeping the certificate number's digits only", () => {
    expect(dbsCheckSchema(today).parse(valid)).toMatchObject({ certificateNumber: "001234567890", issuedOn: "2026-03-01", updateServiceSubscribed: false });
  });
  it("needs exactly 12 digits", () => {
    expect(errorsOf(dbsCheckSchema(today), { ...valid, certificateNumber: "12345678901" })).toEqual({ certificateNumber: "The certificate number is the 12 digits printed on the certificate" });
    expect(errorsOf(dbsCheckSchema(today), { ...valid, certificateNumber: "1234567890AB" })).toEqual({ certificateNumber: "The certificate number is the 12 digits printed on the certificate" });
  });
  it("refuses an issue date in the future, but accepts today", () => {
    expect(errorsOf(dbsCheckSchema(today), { ...valid, issuedOn: "24/11/2026", seenOn: "24/11/2026" })).toEqual({
      issuedOn: "The date of issue cannot be in the future", seenOn: "The date it was seen cannot be in the future",
    });
    expect(errorsOf(dbsCheckSchema(today), { ...valid, issuedOn: "23/11/2026", seenOn: "23/11/2026" })).toEqual({});
  });
  it("refuses seeing the certificate before it was issued", () => {
    expect(errorsOf(dbsCheckSchema(today), { ...valid, seenOn: "28/02/2026" })).toEqual({ seenOn: "The certificate cannot have been seen before it was issued (1 Mar 2026)" });
  });
  it("refuses an unknown level or decision", () => {
    expect(errorsOf(dbsCheckSchema(today), { ...valid, level: "basic", decision: "maybe" })).toEqual({
      level: "Choose the level shown on the certificate", decision: "Record the centre's decision",
    });
  });
});

describe("reference form", () => {
  const valid = { refereeName: "Jan Morris", relationship: "Former employer", contact: "jan@example.net", requestedOn: "01/10/2026" };
  it("accepts an awaited reference", () => {
    expect(referenceSchema(today).parse(valid)).toMatchObject({ receivedOn: null, outcome: null, notes: null });
  });
  it("refuses a received date before the requested date", () => {
    expect(errorsOf(referenceSchema(today), { ...valid, receivedOn: "30/09/2026", outcome: "satisfactory" })).toEqual({
      receivedOn: "The date received cannot be before the date requested (1 Oct 2026)",
    });
  });
  it("needs an outcome once received, and a date once there is an outcome", () => {
    expect(errorsOf(referenceSchema(today), { ...valid, receivedOn: "05/10/2026" })).toEqual({ outcome: "Say whether the reference was satisfactory" });
    expect(errorsOf(referenceSchema(today), { ...valid, outcome: "satisfactory" })).toEqual({ receivedOn: "Enter the date the reference was received" });
  });
});

describe("training form", () => {
  it("needs a course, a past date and a delivery method", () => {
    expect(errorsOf(trainingSchema(today), { courseId: "", completedOn: "01/01/2030", deliveryMethod: "telepathy" })).toEqual({
      courseId: "Choose the course", completedOn: "The completion date cannot be in the future", deliveryMethod: "Choose how it was delivered",
    });
  });
});

describe("settings and course forms", () => {
  it("keep numbers whole and in range", () => {
    expect(errorsOf(settingsSchema, { referencesRequired: "two", dueSoonDays: "1", dbsRecheckYears: "3", updateServiceCheckMonths: "12" })).toEqual({
      referencesRequired: "Enter the number of references as a whole number, like 2",
      dueSoonDays: "The warning period in days must be between 7 and 180",
    });
  });
  it("read a blank validity as never expiring", () => {
    expect(courseSchema.parse({ name: "First aid", validityMonths: "", requiredFor: ["staff"] })).toMatchObject({ validityMonths: null, requiredFor: ["staff"], retired: false });
    expect(errorsOf(courseSchema, { name: "First aid", validityMonths: "0", requiredFor: [] })).toEqual({
      validityMonths: "Enter the months it stays valid as a whole number from 1 to 120, or leave it blank if it never expires",
    });
  });
});

describe("the record forms' schemas", () => {
  it("are made once a day and follow the day: what is in the future one day is past the next", () => {
    const form = { courseId: "c1", completedOn: "24/11/2026", deliveryMethod: "e_learning" };
    expect(trainingSchema(today)).toBe(trainingSchema(today));
    expect(errorsOf(trainingSchema(today), form)).toEqual({ completedOn: "The completion date cannot be in the future" });
    const tomorrow = "2026-11-24";
    expect(trainingSchema(tomorrow)).not.toBe(trainingSchema(today));
    expect(errorsOf(trainingSchema(tomorrow), form)).toEqual({});
    // And back again, as a page for an earlier day would ask.
    expect(errorsOf(trainingSchema(today), form)).toEqual({ completedOn: "The completion date cannot be in the future" });
  });
});
