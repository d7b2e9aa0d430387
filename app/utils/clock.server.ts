/**
 * The one clock. Server code asks it the time; nothing else in the app reads the wall clock,
 * so what "now" and "today" mean is decided in one place (tests pin and move it, see
 * tests/setup/shifted-clock.mjs). Pure modules never call it: they take a date as an argument.
 */
import { londonToday, type IsoDate } from "./dates";

export const clock = {
  now(): Date {
    return new Date();
  },
  /** Today's calendar date in London, which is what every "as on today" question means. */
  today(): IsoDate {
    return londonToday(clock.now());
  },
};
