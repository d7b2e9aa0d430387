/**
 * Password hashing with scrypt (Node's own crypto, a memory-hard KDF approved by OWASP), which
 * reads every byte of a password; bcrypt, used before, read only the first 72. Old bcrypt hashes
 * still verify and are replaced with scrypt ones at the next sign-in.
 */
import bcrypt from "bcryptjs";
import { createHash, randomBytes, scrypt, timingSafeEqual, type ScryptOptions } from "node:crypto";

export { MAX_PASSWORD_LENGTH, MIN_PASSWORD_LENGTH } from "./validation";

// One of OWASP's equivalent scrypt minimums (N=2^14, r=8, p=5: 16 MiB a check, about 0.2 s here),
// chosen for the least memory per sign-in. Tests use a tiny N to stay fast.
const COST = process.env.NODE_ENV === "test" ? { N: 2 ** 10, r: 8, p: 1 } : { N: 2 ** 14, r: 8, p: 5 };
const KEY_LENGTH = 32;

function derive(password: string, salt: Buffer, cost: { N: number; r: number; p: number }): Promise<Buffer> {
  const options: ScryptOptions = { ...cost, maxmem: 256 * cost.N * cost.r };
  return new Promise((resolve, reject) => scrypt(password.normalize("NFKC"), salt, KEY_LENGTH, options, (error, key) => (error ? reject(error) : resolve(key))));
}

/** "scrypt$N$r$p$salt$key", all it takes to check a password later, even if the cost changes. */
export async function hashPassword(password: string): Promise<string> {
  const salt = randomBytes(16);
  const key = await derive(password, salt, COST);
  return ["scrypt", COST.N, COST.r, COST.p, salt.toString("base64"), key.toString("base64")].join("$");
}

export async function verifyPassword(password: string, stored: string): Promise<boolean> {
  if (stored.startsWith("$2")) return bcrypt.compare(password, stored);
  const [scheme, N, r, p, salt, key] = stored.split("$");
  if (scheme !== "scrypt") return false;
  const expected = Buffer.from(key, "base64");
  const actual = await derive(password, Buffer.from(salt, "base64"), { N: Number(N), r: Number(r), p: Number(p) });
  return actual.length === expected.length && timingSafeEqual(actual, expected);
}

/** Hashed with an older scheme or cost: hash it again now that we have the password. */
export function needsRehash(stored: string) {
  return !stored.startsWith(`scrypt$${COST.N}$${COST.r}$${COST.p}$`);
}

// Made as soon as the server starts, so the first unknown email after a restart does not pay for
// making it (twice the work of a wrong password, which would tell that the email is unknown).
const dummy: Promise<string> = hashPassword(randomBytes(16).toString("hex"));

/**
 * Check a password against a hash of nothing in particular: the same work as a real check, so
 * an unknown email or a paused account answers in the same time as a wrong password.
 */
export async function spendPasswordCheck(password: string) {
  await verifyPassword(password, await dummy);
}

/** A random token for a one-time link, and the hash we store instead of it. */
export function newToken() {
  const token = randomBytes(32).toString("base64url");
  return { token, tokenHash: hashToken(token) };
}

export function hashToken(token: string) {
  return createHash("sha256").update(token).digest("hex");
}
