/** Timing for the benchmark scripts: a warm-up, then the median, minimum and maximum of several runs. */
import { performance } from "node:perf_hooks";

export async function time(label: string, runs: number, run: () => unknown) {
  await run();
  const times: number[] = [];
  for (let i = 0; i < runs; i++) {
    const start = performance.now();
    await run();
    times.push(performance.now() - start);
  }
  times.sort((a, b) => a - b);
  const ms = (n: number) => (n < 100 ? n.toFixed(1) : n.toFixed(0));
  console.log(`${label.padEnd(64)} median ${ms(times[Math.floor(runs / 2)]).padStart(7)} ms   (min ${ms(times[0])}, max ${ms(times.at(-1)!)}, ${runs} runs)`);
}
