/** The person form's rules, shared by the create and edit actions. */
import { z } from "zod";
import { checkbox, optionalEmail, optionalText, optionalUkDate, optionalUkPhone, requiredText } from "~/utils/form";
import { formatUkDate } from "~/utils/dates";
import { STATUSES, isRole, isStatus, type Role, type Status } from "./constants";

const rolesField = z
  .array(z.string())
  .superRefine((values, ctx) => {
    for (const value of values) {
      if (!isRole(value)) ctx.addIssue({ code: "custom", message: `“${value.slice(0, 40)}” is not a role at this centre` });
    }
  })
  .transform((values) => [...new Set(values)] as Role[])
  .refine((values) => values.length > 0, { message: "Select at least one role" });

const statusField = z
  .string({ error: "Select a status" })
  .refine(isStatus, { message: `Select a status: ${STATUSES.join(", ")}` })
  .transform((value) => value as Status);

export const personSchema = z
  .object({
    firstName: requiredText("a first name", 100, "Enter their first name"),
    lastName: requiredText("a last name", 100, "Enter their last name"),
    email: optionalEmail,
    phone: optionalUkPhone,
    roles: rolesField,
    status: statusField,
    startedOn: optionalUkDate(),
    leftOn: optionalUkDate(),
    /** From when role changes on the edit form count; blank means today. */
    rolesChangeOn: optionalUkDate(),
    usesCentreForOwnFamily: checkbox,
    conflictNote: optionalText("the note", 500, { multiline: true }),
  })
  .superRefine((person, ctx) => {
    if (person.status === "active" && !person.startedOn) {
      ctx.addIssue({ code: "custom", path: ["startedOn"], message: "Enter the date they started: active people must have one" });
    }
    if (person.status === "left" && !person.leftOn) {
      ctx.addIssue({ code: "custom", path: ["leftOn"], message: "Enter the date they left" });
    }
    if (person.status !== "left" && person.leftOn) {
      ctx.addIssue({ code: "custom", path: ["leftOn"], message: "Only enter a leaving date when the status is Left" });
    }
    if (person.startedOn && person.leftOn && person.leftOn < person.startedOn) {
      ctx.addIssue({
        code: "custom",
        path: ["leftOn"],
        message: `The leaving date must be on or after the start date (${formatUkDate(person.startedOn)})`,
      });
    }
    if (person.usesCentreForOwnFamily && !person.conflictNote) {
      ctx.addIssue({
        code: "custom",
        path: ["conflictNote"],
        message: "Add a short note about the conflict of interest, so other co-ordinators understand it",
      });
    }
  });

export type PersonInput = z.output<typeof personSchema>;

export const leaveSchema = z.object({
  leftOn: optionalUkDate().refine((value) => value !== null, { message: "Enter the date of their last day" }),
});

/** Giving someone a sign-in: what they may do. */
export const inviteSchema = z.object({
  accessRole: z.enum(["coordinator", "volunteer"], { error: "Choose what they may do: co-ordinator or volunteer/staff access" }),
});
