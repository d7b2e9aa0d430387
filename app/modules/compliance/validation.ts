/** The compliance forms' rules. Dates may not be in the future: these record what has happened. */
import { z } from "zod";
import { formatUkDate, type IsoDate } from "~/utils/dates";
import { checkbox, optionalText, optionalUkDate, requiredText, ukDate } from "~/utils/form";
import { ROLES, isRole, type Role } from "~/modules/people/constants";
import { DBS_DECISIONS, DBS_LEVELS, DELIVERY_METHODS, REFERENCE_OUTCOMES, STATUS_CHECK_RESULTS, WORKFORCES } from "./requirements";

function oneOf<T extends Record<string, string>>(options: T, message: string) {
  return z
    .string({ error: message })
    .refine((value): value is Extract<keyof T, string> => Object.hasOwn(options, value), { message })
    .transform((value) => value as Extract<keyof T, string>);
}

/**
 * A schema for one day, made once that day and shared (a zod schema never changes): a person's
 * compliance page renders a form, with its day's schema, for every record.
 */
function madeOncePerDay<Schema>(make: (today: IsoDate) => Schema): (today: IsoDate) => Schema {
  let madeFor: IsoDate | null = null;
  let schema: Schema;
  return (today) => {
    if (today !== madeFor) {
      schema = make(today);
      madeFor = today;
    }
    return schema;
  };
}

function pastDate(missing: string, what: string, today: IsoDate) {
  return ukDate(missing).refine((date) => date <= today, { message: `${what} cannot be in the future` });
}

function optionalPastDate(what: string, today: IsoDate) {
  return optionalUkDate().refine((date) => date === null || date <= today, { message: `${what} cannot be in the future` });
}

export const dbsCheckSchema = madeOncePerDay((today: IsoDate) => {
  return z
    .object({
      level: oneOf(DBS_LEVELS, "Choose the level shown on the certificate"),
      workforce: oneOf(WORKFORCES, "Choose the workforce shown on the certificate"),
      certificateNumber: z
        .string({ error: "Enter the certificate number" })
        .transform((value) => value.replace(/[\s-]/g, ""))
        .refine((value) => value.length > 0, { message: "Enter the certificate number" })
        .refine((value) => /^\d{12}$/.test(value), { message: "The certificate number is the 12 digits printed on the certificate" }),
      issuedOn: pastDate("Enter the date of issue printed on the certificate", "The date of issue", today),
      decision: oneOf(DBS_DECISIONS, "Record the centre's decision"),
      seenBy: requiredText("who saw the certificate", 100, "Enter the name of the person who saw the original certificate"),
      seenOn: pastDate("Enter the date the original certificate was seen", "The date it was seen", today),
      updateServiceSubscribed: checkbox,
      childrenBarredListChecked: checkbox,
    })
    .superRefine((check, ctx) => {
      if (check.childrenBarredListChecked && check.level !== "enhanced_barred") {
        ctx.addIssue({ code: "custom", path: ["childrenBarredListChecked"], message: "Only an enhanced check with barred list checks includes the children's barred list: choose that level, or untick this" });
      }
      if (check.childrenBarredListChecked && check.workforce === "adult") {
        ctx.addIssue({ code: "custom", path: ["childrenBarredListChecked"], message: "An adult workforce check does not include the children's barred list" });
      }
      if (check.seenOn < check.issuedOn) {
        ctx.addIssue({ code: "custom", path: ["seenOn"], message: `The certificate cannot have been seen before it was issued (${formatUkDate(check.issuedOn)})` });
      }
    });
});

export const statusCheckSchema = madeOncePerDay((today: IsoDate) => {
  return z.object({
    dbsCheckId: z.string().min(1),
    checkedOn: pastDate("Enter the date of the status check", "The date of the status check", today),
    result: oneOf(STATUS_CHECK_RESULTS, "Choose what the status check showed"),
    checkedBy: requiredText("who ran the check", 100, "Enter who ran the status check"),
  });
});

export const referenceSchema = madeOncePerDay((today: IsoDate) => {
  return z
    .object({
      refereeName: requiredText("the referee's name", 100, "Enter the referee's name"),
      relationship: requiredText("the relationship", 100, "Say how the referee knows them, for example former employer"),
      contact: requiredText("contact details", 200, "Enter an email address, phone number or address for the referee"),
      requestedOn: pastDate("Enter the date the reference was requested", "The date requested", today),
      receivedOn: optionalPastDate("The date received", today),
      outcome: z.string().optional().transform((value) => value || null),
      notes: optionalText("notes", 500, { multiline: true }),
    })
    .superRefine((ref, ctx) => {
      if (ref.receivedOn && ref.receivedOn < ref.requestedOn) {
        ctx.addIssue({ code: "custom", path: ["receivedOn"], message: `The date received cannot be before the date requested (${formatUkDate(ref.requestedOn)})` });
      }
      if (ref.outcome !== null && !Object.hasOwn(REFERENCE_OUTCOMES, ref.outcome)) {
        ctx.addIssue({ code: "custom", path: ["outcome"], message: "Choose satisfactory or not satisfactory" });
      }
      if (ref.receivedOn && !ref.outcome) {
        ctx.addIssue({ code: "custom", path: ["outcome"], message: "Say whether the reference was satisfactory" });
      }
      if (ref.outcome && !ref.receivedOn) {
        ctx.addIssue({ code: "custom", path: ["receivedOn"], message: "Enter the date the reference was received" });
      }
    });
});

export const referenceReceivedSchema = madeOncePerDay((today: IsoDate) => {
  return z.object({
    referenceId: z.string().min(1),
    receivedOn: pastDate("Enter the date the reference was received", "The date received", today),
    outcome: oneOf(REFERENCE_OUTCOMES, "Say whether the reference was satisfactory"),
  });
});

export const trainingSchema = madeOncePerDay((today: IsoDate) => {
  return z.object({
    courseId: z.string({ error: "Choose the course" }).min(1, "Choose the course"),
    completedOn: pastDate("Enter the date it was completed", "The completion date", today),
    deliveryMethod: oneOf(DELIVERY_METHODS, "Choose how it was delivered"),
    evidenceNote: optionalText("the evidence note", 500, { multiline: true }),
  });
});

function wholeNumber(label: string, min: number, max: number) {
  return z
    .string({ error: `Enter ${label}` })
    .trim()
    .refine((value) => /^\d+$/.test(value), { message: `Enter ${label} as a whole number, like ${min === 0 ? 2 : min}` })
    .transform(Number)
    .refine((value) => value >= min && value <= max, { message: `${label[0].toUpperCase()}${label.slice(1)} must be between ${min} and ${max}` });
}

export const settingsSchema = z.object({
  referencesRequired: wholeNumber("the number of references", 0, 5),
  dueSoonDays: wholeNumber("the warning period in days", 7, 180),
  dbsRecheckYears: wholeNumber("the DBS recheck period in years", 1, 10),
  updateServiceCheckMonths: wholeNumber("the status check period in months", 1, 36),
  requireChildrenBarredList: checkbox,
});

const rolesField = z
  .array(z.string())
  .superRefine((values, ctx) => {
    for (const value of values) if (!isRole(value)) ctx.addIssue({ code: "custom", message: `“${value.slice(0, 40)}” is not a role at this centre` });
  })
  .transform((values) => ROLES.filter((role) => values.includes(role)) as Role[]);

export const courseSchema = z.object({
  name: requiredText("a course name", 100, "Enter the course name"),
  validityMonths: z
    .string()
    .optional()
    .transform((value, ctx) => {
      const trimmed = (value ?? "").trim();
      if (trimmed === "") return null;
      if (!/^\d+$/.test(trimmed) || Number(trimmed) < 1 || Number(trimmed) > 120) {
        ctx.addIssue({ code: "custom", message: "Enter the months it stays valid as a whole number from 1 to 120, or leave it blank if it never expires" });
        return z.NEVER;
      }
      return Number(trimmed);
    }),
  requiredFor: rolesField,
  retired: checkbox,
});

export const RECORD_KINDS = ["dbs", "reference", "training"] as const;
export type RecordKind = (typeof RECORD_KINDS)[number];

/** Marking a record as entered in error: which record, and why (kept with it and in the audit log). */
export const enteredInErrorSchema = z.object({
  kind: z.enum(RECORD_KINDS, { error: "Choose the record" }),
  recordId: z.string({ error: "Choose the record" }).min(1, "Choose the record"),
  reason: requiredText("why it was entered in error", 300, "Say why this record was entered in error, for example: certificate number mistyped"),
});
