/**
 * Counting attempts in a sliding window: the limits on sign-in and on authenticator codes, per
 * client address, account, session and overall. The attempts are rows in the database, so the
 * limits hold however many server processes answer (npm start with WEB_CONCURRENCY): counted per
 * process, each would allow its own share, and an unknown email would be "paused" later than a
 * real account, telling who has one. The time is passed in.
 *
 * Keys (client addresses, emails, session ids) are stored as an HMAC keyed by the server's secret:
 * a plain hash of an IPv4 address is undone by hashing all four billion, so a copy of the database
 * would say who tried to sign in from where.
 */
import { createHash, createHmac } from "node:crypto";
import { prisma } from "~/db.server";
import { sessionSecret } from "~/env.server";

const hmacKey = () => createHash("sha256").update(`throttle:${sessionSecret()}`).digest();
const hashOf = (key: string) => createHmac("sha256", hmacKey()).update(key).digest("hex");

export class Throttle {
  constructor(readonly bucket: string, readonly limit: number, readonly windowMs: number) {}

  private async recent(keyHash: string, now: number): Promise<number[]> {
    const rows = await prisma.$queryRawUnsafe<{ at: bigint | number }[]>(
      `SELECT at FROM ThrottleHit WHERE bucket = ? AND keyHash = ? AND at > ? ORDER BY at`,
      this.bucket, keyHash, now - this.windowMs,
    );
    return rows.map((r) => Number(r.at));
  }

  /** Whether `key` has used up its attempts (without counting this one). */
  async blocked(key: string, now: number): Promise<boolean> {
    return (await this.recent(hashOf(key), now)).length >= this.limit;
  }

  /**
   * Count an attempt; false when it is over the limit (and then it is not counted). One
   * statement counts and adds, so attempts sent at once from several processes cannot all slip in.
   */
  async take(key: string, now: number): Promise<boolean> {
    await prisma.$executeRawUnsafe(`DELETE FROM ThrottleHit WHERE bucket = ? AND at <= ?`, this.bucket, now - this.windowMs);
    const keyHash = hashOf(key);
    const added = await prisma.$executeRawUnsafe(
      `INSERT INTO ThrottleHit (bucket, keyHash, at) SELECT ?, ?, ?
        WHERE (SELECT COUNT(*) FROM ThrottleHit WHERE bucket = ? AND keyHash = ? AND at > ?) < ?`,
      this.bucket, keyHash, now, this.bucket, keyHash, now - this.windowMs, this.limit,
    );
    return added === 1;
  }

  /** Uncount the attempt counted for `key` at `now` (one that turned out not to be a guess). */
  async giveBack(key: string, now: number) {
    await prisma.$executeRawUnsafe(
      `DELETE FROM ThrottleHit WHERE id = (SELECT id FROM ThrottleHit WHERE bucket = ? AND keyHash = ? AND at = ? LIMIT 1)`,
      this.bucket, hashOf(key), now,
    );
  }

  /** When `key` may try again, or null if it may now. */
  async retryAt(key: string, now: number): Promise<number | null> {
    const kept = await this.recent(hashOf(key), now);
    return kept.length >= this.limit ? kept[kept.length - this.limit] + this.windowMs : null;
  }

  async forget(key: string) {
    await prisma.$executeRawUnsafe(`DELETE FROM ThrottleHit WHERE bucket = ? AND keyHash = ?`, this.bucket, hashOf(key));
  }

  /** For tests: no attempts counted. */
  async clear() {
    await prisma.$executeRawUnsafe(`DELETE FROM ThrottleHit WHERE bucket = ?`, this.bucket);
  }
}
