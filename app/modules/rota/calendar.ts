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

/** Names come from people's records: nothing in them may start a line of its own in the file. */
const oneLine = (text: string) => text.replace(/[\u0000-\u001f\u007f]+/g, " ");

export function shiftsToIcs(shifts: CalendarShift[], rawCalendarName: string): string {
  const calendarName = oneLine(rawCalendarName);
  const events: EventAttributes[] = shifts.map((shift) => ({
    uid: shift.uid,
    title: oneLine(shift.title),
    location: shift.location ? oneLine(shift.location) : undefined,
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
    // The same header `ics` writes (calendar name as-is on one line), so the feed reads the same before and after the first shift.
    return ["BEGIN:VCALENDAR", "VERSION:2.0", "CALSCALE:GREGORIAN", "PRODID:contact-centre-rota", "METHOD:PUBLISH", `X-WR-CALNAME:${calendarName}`, "X-PUBLISHED-TTL:PT1H", "END:VCALENDAR", ""].join("\r\n");
  }
  const { error, value } = createEvents(events);
  if (error || !value) throw error ?? new Error("Could not write the calendar");
  return value;
}
