/**
 * The whole suite again, on a day more than a year ahead that is also a leap day (29 February),
 * so that nothing passes only because of the date it happens to run on.
 */
import { spawnSync } from "node:child_process";

function londonToday() {
  return new Intl.DateTimeFormat("en-CA", { timeZone: "Europe/London" }).format(Date.now());
}

function firstLeapDayAYearAfter(iso) {
  const yearAhead = `${Number(iso.slice(0, 4)) + 1}${iso.slice(4)}`;
  for (let year = Number(yearAhead.slice(0, 4)); ; year++) {
    const leap = (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
    if (leap && `${year}-02-29` > yearAhead) return `${year}-02-29`;
  }
}

const later = process.env.TEST_LATER_DAY ?? firstLeapDayAYearAfter(londonToday());
console.log(`\nThe suite again with the clock moved to ${later}:\n`);
const result = spawnSync("node_modules/.bin/vitest", ["run", ...process.argv.slice(2)], {
  stdio: "inherit",
  env: { ...process.env, TEST_TODAY: later },
});
process.exit(result.status ?? 1);
