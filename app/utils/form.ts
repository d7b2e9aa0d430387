/**
 * Form parsing shared by every action: one zod schema validates on the server, and the
 * field errors plus what the user typed go back to the form so nothing is lost.
 */
import { parseWithZod } from "@conform-to/zod/v4";
import { z } from "zod";
import { formatUkDate, parseUkDate, type IsoDate } from "./dates";

export type FieldErrors = Record<string, string>;
export type FormValues = Record<string, string | string[]>;

export type FormFailure = { ok: false; errors: FieldErrors; values: FormValues };
export type FormResult<T> = { ok: true; data: T } | FormFailure;

/** Keep every submitted value (repeated names become arrays) so the form can be re-filled. */
export function formValues(formData: FormData): FormValues {
  const values: FormValues = {};
  for (const [key, value] of formData.entries()) {
    if (typeof value !== "string") continue;
    const existing = values[key];
    if (existing === undefined) values[key] = value;
    else values[key] = Array.isArray(existing) ? [...existing, value] : [existing, value];
  }
  return values;
}

/**
 * Parses a submission with Conform, exactly as the browser does before sending it (the same
 * schema, the same coercion: blank fields arrive as missing, repeated names as arrays).
 */
export function parseForm<S extends z.ZodType>(schema: S, formData: FormData): FormResult<z.output<S>> {
  const submission = parseWithZod(formData, { schema });
  if (submission.status === "success") return { ok: true, data: submission.value as z.output<S> };
  return { ok: false, errors: firstMessages(submission.error), values: formValues(formData) };
}

/** Conform keeps every message per field; people see the first. A form-wide error ("") is keyed "form". */
export function firstMessages(errors: Record<string, string[] | null> | null | undefined): FieldErrors {
  const first: FieldErrors = {};
  for (const [name, messages] of Object.entries(errors ?? {})) {
    if (messages?.length) first[name || "form"] = messages[0];
  }
  return first;
}

/** The first problem with each field, for input that is not a form (a command line's options). */
export function firstErrorPerField(error: z.ZodError): FieldErrors {
  const errors: FieldErrors = {};
  for (const issue of error.issues) errors[issue.path.length ? String(issue.path[0]) : "form"] ??= issue.message;
  return errors;
}

export function formFailure(errors: FieldErrors, values: FormValues): FormFailure {
  return { ok: false, errors, values };
}

/** Line breaks and other control characters have no place in a one-line field (they break calendars, CSV, headers). */
const CONTROL = /[\u0000-\u001f\u007f]/;
/** In a paragraph, line breaks and tabs are fine; other control characters are not. */
const CONTROL_BUT_LINES = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f]/;

function noControl(label: string, multiline: boolean) {
  return (value: string | undefined) => !value || !(multiline ? CONTROL_BUT_LINES : CONTROL).test(value);
}

/** A required one-line text field, trimmed, with a length limit that is explained. */
export function requiredText(label: string, max: number, missingMessage?: string) {
  return z
    .string({ error: missingMessage ?? `Enter ${label}` })
    .trim()
    .min(1, missingMessage ?? `Enter ${label}`)
    .max(max, `${capitalise(label)} must be ${max} characters or fewer`)
    .refine(noControl(label, false), { message: `${capitalise(label)} must be on one line, without special characters` });
}

/** An optional text field (one line, or a paragraph with `multiline`): blank becomes null. */
export function optionalText(label: string, max: number, { multiline = false } = {}) {
  return z
    .string()
    .trim()
    .max(max, `${capitalise(label)} must be ${max} characters or fewer`)
    .refine(noControl(label, multiline), { message: multiline ? `${capitalise(label)} contains characters that cannot be saved` : `${capitalise(label)} must be on one line, without special characters` })
    .optional()
    .transform((value) => (value ? value : null));
}

export const optionalEmail = z
  .string()
  .trim()
  .toLowerCase()
  .max(254, "Email address must be 254 characters or fewer")
  .optional()
  .transform((value) => value || null)
  .refine((value) => value === null || z.email().safeParse(value).success, {
    message: "Enter an email address in the correct format, like name@example.org",
  });

export const requiredEmail = z
  .string({ error: "Enter an email address" })
  .trim()
  .toLowerCase()
  .min(1, "Enter an email address")
  .max(254, "Email address must be 254 characters or fewer")
  .refine((value) => z.email().safeParse(value).success, {
    message: "Enter an email address in the correct format, like name@example.org",
  });

export const optionalUkPhone = z
  .string()
  .trim()
  .max(30, "Phone number must be 30 characters or fewer")
  .optional()
  .transform((value) => value || null)
  .refine((value) => value === null || /^\+?[\d\s()-]{7,}$/.test(value), {
    message: "Enter a phone number using digits, like 01632 960 001 or 07700 900 982",
  });

/** A UK-style date (27/03/2024). `missing` is the message when it is required and blank. */
export function ukDate(missing: string) {
  return z.string({ error: missing }).transform((raw, ctx): IsoDate => {
    if (raw.trim() === "") {
      ctx.addIssue({ code: "custom", message: missing });
      return z.NEVER;
    }
    const parsed = parseUkDate(raw);
    if (!parsed.ok) {
      ctx.addIssue({ code: "custom", message: parsed.message });
      return z.NEVER;
    }
    return parsed.date;
  });
}

/** An optional UK-style date: blank becomes null. */
export function optionalUkDate() {
  return z
    .string()
    .optional()
    .transform((raw, ctx): IsoDate | null => {
      if (!raw || raw.trim() === "") return null;
      const parsed = parseUkDate(raw);
      if (!parsed.ok) {
        ctx.addIssue({ code: "custom", message: parsed.message });
        return z.NEVER;
      }
      return parsed.date;
    });
}

export const checkbox = z
  .string()
  .optional()
  .transform((value) => value === "on" || value === "true");

function capitalise(text: string) {
  return text[0].toUpperCase() + text.slice(1);
}

/**
 * Keeps a date within a sensible window (a rota a year ahead, not in 2199): a far-off date is a
 * typing mistake, and the message says which dates are allowed.
 */
export function windowMessage(date: IsoDate | null, what: string, from: IsoDate, to: IsoDate): string | null {
  if (date === null) return null;
  if (date < from) return `${what} cannot be before ${formatUkDate(from)}`;
  if (date > to) return `${what} cannot be after ${formatUkDate(to)}`;
  return null;
}
