import bcrypt from "bcryptjs";
import { createHash, randomBytes } from "node:crypto";

// bcryptjs: pure JavaScript (no native build on locked-down machines), widely used, maintained.
const COST = process.env.NODE_ENV === "test" ? 4 : 12;

export const MIN_PASSWORD_LENGTH = 10;

export function hashPassword(password: string) {
  return bcrypt.hash(password, COST);
}

export function verifyPassword(password: string, hash: string) {
  return bcrypt.compare(password, hash);
}

/** A random token for a one-time link, and the hash we store instead of it. */
export function newToken() {
  const token = randomBytes(32).toString("base64url");
  return { token, tokenHash: hashToken(token) };
}

export function hashToken(token: string) {
  return createHash("sha256").update(token).digest("hex");
}
