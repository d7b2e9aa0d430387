/**
 * Test runs only, loaded into every Node process of a run with NODE_OPTIONS=--import (vitest's
 * workers, the demo seed, the built server the browser tests start), so they all share one clock:
 * the wall clock moved by TEST_CLOCK_OFFSET_MS. The global setup chooses the offset: 10:00 London
 * time on the run's date (today, or TEST_TODAY), so no run straddles midnight and a run can be
 * moved to any date. Dates made from explicit values are untouched; `vi.setSystemTime` still
 * works on top.
 */
const offset = Number(process.env.TEST_CLOCK_OFFSET_MS ?? "0");

if (Number.isFinite(offset) && offset !== 0) {
  const RealDate = globalThis.Date;
  // A function rather than a subclass, sharing Date.prototype: libraries that read
  // Date.prototype (date-fns/tz does) or subclass Date keep working.
  function ShiftedDate(...args) {
    if (!new.target) return new RealDate(RealDate.now() + offset).toString();
    return Reflect.construct(RealDate, args.length ? args : [RealDate.now() + offset], new.target);
  }
  ShiftedDate.prototype = RealDate.prototype;
  ShiftedDate.now = () => RealDate.now() + offset;
  ShiftedDate.parse = RealDate.parse;
  ShiftedDate.UTC = RealDate.UTC;
  globalThis.Date = ShiftedDate;
}
