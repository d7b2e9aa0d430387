/** The rota forms' rules. */
import { z } from "zod";
import { formatUkDate, addDaysIso, type IsoDate } from "~/utils/dates";
import { checkbox, optionalText, optionalUkDate, requiredText, ukDate, windowMessage } from "~/utils/form";
import { addYearsIso } from "~/utils/dates";
import { WEEKDAYS, WEEKDAY_NAMES, type WeekdayCode } from "./recurrence";
import { isNation } from "./nations";

const time = (missing: string) =>
  z
    .string({ error: missing })
    .trim()
    .refine((v) => v.length > 0, { message: missing })
    .refine((v) => /^([01]?\d|2[0-3])[:.]([0-5]\d)$/.test(v), { message: "Enter a time on the 24-hour clock, like 10:00 or 14:30" })
    .transform((v) => v.replace(".", ":").padStart(5, "0"));

const count = (label: string) =>
  z
    .string()
    .trim()
    .refine((v) => /^\d+$/.test(v), { message: `Enter how many ${label} as a whole number (0 if none)` })
    .transform(Number)
    .refine((v) => v <= 20, { message: `No more than 20 ${label}` });

const weekdays = z
  .array(z.string())
  .superRefine((values, ctx) => {
    for (const v of values) if (!(WEEKDAYS as readonly string[]).includes(v)) ctx.addIssue({ code: "custom", message: `“${v.slice(0, 20)}” is not a day of the week` });
  })
  .transform((values) => WEEKDAYS.filter((d) => values.includes(d)) as WeekdayCode[]);

/** A session's pattern may have started years ago, and may be planned up to two years ahead. */
export const sessionSchema = (today: IsoDate) => z
  .object({
    name: requiredText("a name", 80, "Give the session a name, like Saturday morning"),
    location: optionalText("the room or site", 120).transform((v) => v ?? ""),
    frequency: z.enum(["weekly", "monthly"], { error: "Choose weekly or monthly" }),
    interval: z.string().trim().refine((v) => /^[1-9]\d?$/.test(v), { message: "Enter how often as a whole number from 1 to 99" }).transform(Number),
    weekdays,
    weekOfMonth: z.string().optional().transform((v) => (v ? Number(v) : null)),
    startsOn: ukDate("Enter the date of the first session"),
    endsOn: optionalUkDate(),
    startTime: time("Enter the start time"),
    endTime: time("Enter the finish time"),
    coordinatorsNeeded: count("co-ordinators or deputies"),
    staffNeeded: count("staff members"),
    volunteersNeeded: count("volunteers"),
    skipBankHolidays: checkbox,
  })
  .superRefine((s, ctx) => {
    if (s.weekdays.length === 0) ctx.addIssue({ code: "custom", path: ["weekdays"], message: "Choose at least one day of the week" });
    if (s.frequency === "monthly" && (s.weekOfMonth === null || ![1, 2, 3, 4, -1].includes(s.weekOfMonth))) {
      ctx.addIssue({ code: "custom", path: ["weekOfMonth"], message: "Choose which week of the month: first, second, third, fourth or last" });
    }
    if (s.endTime <= s.startTime) ctx.addIssue({ code: "custom", path: ["endTime"], message: `The finish time must be after the start time (${s.startTime})` });
    if (s.endsOn && s.endsOn < s.startsOn) ctx.addIssue({ code: "custom", path: ["endsOn"], message: `The last date must be on or after the first (${formatUkDate(s.startsOn)})` });
    if (s.coordinatorsNeeded + s.staffNeeded + s.volunteersNeeded === 0) {
      ctx.addIssue({ code: "custom", path: ["volunteersNeeded"], message: "A session needs at least one person on duty" });
    }
    const first = windowMessage(s.startsOn, "The first session", addYearsIso(today, -5), addYearsIso(today, 2));
    if (first) ctx.addIssue({ code: "custom", path: ["startsOn"], message: first });
    const last = windowMessage(s.endsOn, "The last session", s.startsOn, addYearsIso(today, 10));
    if (last && s.endsOn && s.endsOn >= s.startsOn) ctx.addIssue({ code: "custom", path: ["endsOn"], message: last });
  });

export type SessionInput = z.output<ReturnType<typeof sessionSchema>>;

/** A rota is planned at most a year ahead, and may start up to four weeks back (to catch up). */
export const rotaPlanSchema = (today: IsoDate) => z.object({
  startsOn: ukDate("Enter the first day of the rota"),
  weeks: z.enum(["4", "5", "6"], { error: "Choose four, five or six weeks" }).transform(Number),
  mode: z.enum(["individuals", "teams"], { error: "Choose individuals or teams" }),
}).superRefine((plan, ctx) => {
  const problem = windowMessage(plan.startsOn, "The first day of the rota", addDaysIso(today, -28), addYearsIso(today, 1));
  if (problem) ctx.addIssue({ code: "custom", path: ["startsOn"], message: problem });
}).transform((plan) => ({ ...plan, endsOn: addDaysIso(plan.startsOn, plan.weeks * 7 - 1) as IsoDate }));

/** Dates someone cannot do: from a month back (to correct a record) to two years ahead, a year at most at once. */
export const unavailabilitySchema = (today: IsoDate) => z
  .object({
    startsOn: ukDate("Enter the first date you cannot do"),
    endsOn: optionalUkDate(),
    reason: optionalText("the reason", 120).transform((v) => v ?? ""),
  })
  .transform((u) => ({ ...u, endsOn: u.endsOn ?? u.startsOn }))
  .superRefine((u, ctx) => {
    if (u.endsOn < u.startsOn) ctx.addIssue({ code: "custom", path: ["endsOn"], message: `The last date must be on or after the first (${formatUkDate(u.startsOn)})` });
    const first = windowMessage(u.startsOn, "The first date", addDaysIso(today, -31), addYearsIso(today, 2));
    if (first) ctx.addIssue({ code: "custom", path: ["startsOn"], message: first });
    const last = u.endsOn >= u.startsOn ? windowMessage(u.endsOn, "The last date", u.startsOn, addDaysIso(addYearsIso(u.startsOn, 1), -1)) : null;
    if (last) ctx.addIssue({ code: "custom", path: ["endsOn"], message: `${last}: enter a year at most at once` });
  });

export const preferencesSchema = z.object({
  serveEveryWeeks: z.string().optional().transform((v, ctx) => {
    if (!v) return null;
    if (!/^\d+$/.test(v) || Number(v) < 1 || Number(v) > 26) {
      ctx.addIssue({ code: "custom", message: "Choose how often, from every week to every 26 weeks" });
      return z.NEVER;
    }
    return Number(v);
  }),
  preferredDays: weekdays,
});

export const closureSchema = (today: IsoDate) => z.object({
  date: ukDate("Enter the date the centre is closed").superRefine((date, ctx) => {
    const problem = windowMessage(date, "The closure", addYearsIso(today, -1), addYearsIso(today, 3));
    if (problem) ctx.addIssue({ code: "custom", message: problem });
  }),
  reason: requiredText("a reason", 120, "Say why, for example Christmas closure"),
  sessionId: z.string().optional().transform((v) => v || null),
});

export const extraDateSchema = (today: IsoDate) => z.object({
  date: ukDate("Enter the date of the extra session").superRefine((date, ctx) => {
    const problem = windowMessage(date, "The extra session", addYearsIso(today, -1), addYearsIso(today, 2));
    if (problem) ctx.addIssue({ code: "custom", message: problem });
  }),
  note: optionalText("the note", 120).transform((v) => v ?? ""),
});

export const WEEKDAY_OPTIONS = WEEKDAYS.map((d) => [d, WEEKDAY_NAMES[d]] as const);

export const rotaSettingsSchema = z.object({
  serveEveryWeeks: z
    .string({ error: "Choose how often people serve" })
    .refine((v) => /^\d+$/.test(v) && Number(v) >= 1 && Number(v) <= 26, { message: "Choose how often people serve, from every week to every 26 weeks" })
    .transform(Number),
  nation: z
    .string({ error: "Choose whose bank holidays the rota skips" })
    .refine(isNation, { message: "Choose England and Wales, Scotland or Northern Ireland" }),
});

export const OPEN_SHIFT_TAKING = { instant: "At once: the place is theirs", approval: "After a co-ordinator says yes" } as const;

export const selfServiceSettingsSchema = z.object({
  openShiftTaking: z.enum(["instant", "approval"], { error: "Choose whether a place volunteers take is theirs at once or after a co-ordinator's yes" }),
  swapCutoffHours: z
    .string({ error: "Enter how many hours before a shift swap requests close" })
    .trim()
    .refine((v) => v !== "", { message: "Enter how many hours before a shift swap requests close, for example 72" })
    .refine((v) => /^\d+$/.test(v), { message: "Enter a whole number of hours, like 72" })
    .refine((v) => Number(v) >= 1 && Number(v) <= 336, { message: "Enter a number of hours from 1 to 336 (two weeks)" })
    .transform(Number),
});

function wholeNumberIn(what: string, example: number, min: number, max: number, unit: string) {
  return z
    .string({ error: `Enter ${what}` })
    .trim()
    .refine((v) => v !== "", { message: `Enter ${what}, for example ${example}` })
    .refine((v) => /^\d+$/.test(v), { message: `Enter a whole number of ${unit}, like ${example}` })
    .refine((v) => Number(v) >= min && Number(v) <= max, { message: `Enter a number of ${unit} from ${min} to ${max}` })
    .transform(Number);
}

/** How long personal data is kept: leavers' records (years), and the content of sent digests (days). */
export const retentionSettingsSchema = z.object({
  leaverRetentionYears: wholeNumberIn("how many years leavers' records are kept", 6, 1, 50, "years"),
  sensitiveEmailDays: wholeNumberIn("how many days sent digests keep their content", 30, 1, 365, "days"),
});

export const reminderSettingsSchema = z.object({
  summaryWeekday: z.enum(WEEKDAYS, { error: "Choose the day of the week the summaries go out" }),
  reminderLeadDays: z
    .string({ error: "Enter when reminders go out" })
    .transform((v) => v.split(",").map((d) => d.trim()).filter(Boolean))
    .refine((days) => days.length > 0, { message: "Enter at least one number of days, for example 60, 30, 7, 0" })
    .refine((days) => days.every((d) => /^\d+$/.test(d) && Number(d) <= 365), { message: "Use whole numbers of days from 0 to 365, separated by commas, for example 60, 30, 7, 0" })
    .transform((days) => [...new Set(days.map(Number))].sort((a, b) => b - a).join(",")),
});

export const signInSettingsSchema = z.object({
  requireTwoFactor: z.literal("on").optional().transform((v) => v === "on"),
});
