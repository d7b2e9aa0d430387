/** What the Sign-ins page accepts, checked the same way in the browser and on the server. */
import { z } from "zod";
import { formatUkDate, type IsoDate } from "~/utils/dates";
import { requiredEmail, requiredText, ukDate } from "~/utils/form";

/** Assessor access must not already have ended; a year at most keeps it a deliberate choice. */
function accessEndsOnField(today: IsoDate) {
  return ukDate("Enter the last day the assessor may sign in").superRefine((date, ctx) => {
    if (date < today) ctx.addIssue({ code: "custom", message: "The last day of access cannot be in the past" });
    const limit = `${Number(today.slice(0, 4)) + 1}${today.slice(4)}`;
    if (date > limit) ctx.addIssue({ code: "custom", message: `Give access for a year at most (until ${formatUkDate(limit)}); you can extend it later` });
  });
}

export function assessorSchema(today: IsoDate) {
  return z.object({
    name: requiredText("the assessor's name", 100, "Enter the assessor's name"),
    email: requiredEmail,
    accessEndsOn: accessEndsOnField(today),
  });
}

export function extendSchema(today: IsoDate) {
  return z.object({ userId: z.string().min(1), accessEndsOn: accessEndsOnField(today) });
}
