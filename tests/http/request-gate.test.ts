/** The server's gate for pages (scripts/request-gate.mjs): so many at once, the rest in the order they came. */
import { describe, expect, it } from "vitest";
import { requestGate } from "../../scripts/request-gate.mjs";

/** Work that records when it starts and finishes only when told to. */
function heldWork(log: string[], name: string) {
  let finish!: (value: string) => void;
  let fail!: (error: Error) => void;
  const done = new Promise<string>((resolve, reject) => ((finish = resolve), (fail = reject)));
  return { run: () => (log.push(`start ${name}`), done), finish: () => finish(name), fail: () => fail(new Error(`${name} failed`)) };
}

const settle = () => new Promise((resolve) => setTimeout(resolve, 0));

describe("the page gate", () => {
  it("lets in only as many as its limit, and the next waiting one as each leaves, first come first served", async () => {
    const through = requestGate(2);
    const log: string[] = [];
    const works = ["a", "b", "c", "d", "e"].map((name) => heldWork(log, name));
    const results = works.map((work) => through(work.run));
    await settle();
    expect(log).toEqual(["start a", "start b"]);
    works[1].finish();
    await settle();
    expect(log).toEqual(["start a", "start b", "start c"]);
    works[0].finish();
    works[2].finish();
    await settle();
    expect(log).toEqual(["start a", "start b", "start c", "start d", "start e"]);
    works[3].finish();
    works[4].finish();
    expect(await Promise.all(results)).toEqual(["a", "b", "c", "d", "e"]);
  });

  it("passes a place on when the work in it fails, and the failure to its caller", async () => {
    const through = requestGate(1);
    const log: string[] = [];
    const [first, second] = [heldWork(log, "first"), heldWork(log, "second")];
    const failed = through(first.run);
    const after = through(second.run);
    await settle();
    expect(log).toEqual(["start first"]);
    first.fail();
    await expect(failed).rejects.toThrow("first failed");
    await settle();
    expect(log).toEqual(["start first", "start second"]);
    second.finish();
    expect(await after).toBe("second");
  });

  it("refuses a limit under one, which would let nothing through", () => {
    expect(() => requestGate(0)).toThrow(RangeError);
  });
});
