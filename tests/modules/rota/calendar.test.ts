import ICAL from "ical.js";
import { describe, expect, it } from "vitest";
import { shiftsToIcs, type CalendarShift } from "~/modules/rota/calendar";

const shift = (over: Partial<CalendarShift> = {}): CalendarShift => ({
  uid: "a@rota", title: "Saturday session", location: "Hall", description: "Arrive 15 minutes early.",
  startsAt: new Date("2026-03-28T09:30:00Z"), endsAt: new Date("2026-03-28T12:30:00Z"), ...over,
});

const parse = (ics: string) => new ICAL.Component(ICAL.parse(ics));

describe("calendar text", () => {
  it("never lets a name start a line of its own, in an empty feed or a full one", () => {
    const hostile = "Ruth\r\nEND:VCALENDAR\r\nBEGIN:VEVENT\r\nSUMMARY:Injected";
    for (const shifts of [[], [shift({ title: `Shift for ${hostile}`, location: `Hall\nBEGIN:VALARM` })]]) {
      const ics = shiftsToIcs(shifts, `${hostile}'s shifts`);
      expect(ics.split(/\r\n/).filter((line) => line.startsWith("BEGIN:VEVENT"))).toHaveLength(shifts.length);
      expect(ics).not.toMatch(/^SUMMARY:Injected/m);
      expect(ics).not.toMatch(/^BEGIN:VALARM/m);
      const calendar = parse(ics);
      expect(calendar.getFirstPropertyValue("x-wr-calname")).toBe("Ruth END:VCALENDAR BEGIN:VEVENT SUMMARY:Injected's shifts");
      expect(calendar.getAllSubcomponents("vevent")).toHaveLength(shifts.length);
    }
  });

  it("keeps commas and semicolons as they were written, before and after the first shift", () => {
    for (const shifts of [[], [shift({ title: "O'Neil, Ruth; Saturday" })]]) {
      const calendar = parse(shiftsToIcs(shifts, "O'Neil, Ruth; volunteer"));
      expect(calendar.getFirstPropertyValue("x-wr-calname")).toBe("O'Neil, Ruth; volunteer");
      expect(calendar.getAllSubcomponents("vevent").map((e) => new ICAL.Event(e).summary)).toEqual(shifts.map((s) => s.title));
    }
  });
});
