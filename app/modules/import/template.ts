/**
 * The template a centre starting fresh fills in: headers the column matcher recognises without any
 * correction (a test holds it to that), one per course the centre runs.
 */
import type { CourseRef } from "./columns";

export const TEMPLATE_FIXED_HEADERS = [
  "First name", "Surname", "Email", "Phone", "Role", "Start date",
  "DBS date", "DBS number", "DBS level", "DBS decision", "Update Service",
  "Reference 1 received", "Referee 1", "Reference 2 received", "Referee 2",
] as const;

/** Columns holding dates, which the .xlsx template formats as day/month/year. */
export const TEMPLATE_DATE_HEADERS = new Set(["Start date", "DBS date", "Reference 1 received", "Reference 2 received"]);

export function templateHeaders(courses: readonly (CourseRef & { retired?: boolean })[]) {
  return [...TEMPLATE_FIXED_HEADERS, ...courses.filter((c) => !c.retired).map((c) => c.name)];
}

export const TEMPLATE_NOTES = [
  "One row per person. Leave a cell blank when you do not know it.",
  "Dates as day/month/year, for example 27/03/2024.",
  "Role: volunteer, staff, trustee, co-ordinator or deputy co-ordinator (several separated by commas).",
  "DBS number: the 12 digits on the certificate. Keep the column formatted as text so leading zeros stay.",
  "DBS level: enhanced, or enhanced with barred list. DBS decision: clear, accepted (after a risk assessment) or not accepted.",
  "Update Service: yes or no.",
  "Reference dates: the day each satisfactory reference was received.",
  "Training columns: the date each course was completed.",
];
