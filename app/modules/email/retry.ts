/** When to try a failed email again: 5 minutes, then doubling, at most once a day. Never give up. */
export const MAX_RETRY_DELAY_MINUTES = 24 * 60;

export function retryDelayMinutes(attempts: number): number {
  return Math.min(5 * 2 ** Math.max(0, attempts - 1), MAX_RETRY_DELAY_MINUTES);
}
