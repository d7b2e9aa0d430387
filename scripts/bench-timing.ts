/**
 * Timing for the benchmark scripts: a warm-up, then the median, minimum and maximum of several
 * runs, and the median's ratio to a yardstick (a plain SQLite read of the same rows) when given.
 */
import { performance } from "node:perf_hooks";

const ms = (n: number) => (n < 100 ? n.toFixed(1) : n.toFixed(0));

export async function time(label: string, runs: number, run: () => unknown, yardstick?: { label: string; ms: number }): Promise<number> {
  await run();
  const times: number[] = [];
  for (let i = 0; i < runs; i++) {
    const start = performance.now();
    await run();
    times.push(performance.now() - start);
  }
  times.sort((a, b) => a - b);
  const median = times[Math.floor(runs / 2)];
  const ratio = yardstick ? `  ${(median / yardstick.ms).toFixed(1).padStart(5)}x ${yardstick.label}` : "";
  console.log(`${label.padEnd(64)} median ${ms(median).padStart(7)} ms   (min ${ms(times[0])}, max ${ms(times.at(-1)!)}, ${runs} runs)${ratio}`);
  return median;
}
