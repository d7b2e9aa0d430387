/**
 * Shifts as iCalendar (RFC 5545) via the `ics` package: times are written in UTC, so every
 * calendar shows them at the right local time on both sides of a clock change. Pure.
 */
import { createEvents, type DateArray, type EventAttributes } from "ics";

export type CalendarShift = {
  uid: string;
  title: string;
  location: string;
  description: string;
  startsAt: Date;
  endsAt: Date;
  cancelled?: boolean;
};

function utcParts(date: Date): DateArray {
  return [date.getUTCFullYear(), date.getUTCMonth() + 1, date.getUTCDate(), date.getUTCHours(), date.getUTCMinutes()];
}

export function shiftsToIcs(shifts: CalendarShift[], calendarName: string): string {
  const events: EventAttributes[] = shifts.map((shift) => ({
    uid: shift.uid,
    title: shift.title,
    location: shift.location || undefined,
    description: shift.description,
    start: utcParts(shift.startsAt),
    startInputType: "utc",
    startOutputType: "utc",
    end: utcParts(shift.endsAt),
    endInputType: "utc",
    endOutputType: "utc",
    status: shift.cancelled ? "CANCELLED" : "CONFIRMED",
    productId: "contact-centre-rota",
    calName: calendarName,
  }));
  if (events.length === 0) {
    // `ics` refuses an empty list, but an empty feed is valid and what a new volunteer should get.
    return ["BEGIN:VCALENDAR", "VERSION:2.0", "PRODID:contact-centre-rota", `X-WR-CALNAME:${calendarName}`, "END:VCALENDAR", ""].join("\r\n");
  }
  const { error, value } = createEvents(events);
  if (error || !value) throw error ?? new Error("Could not write the calendar");
  return value;
}
