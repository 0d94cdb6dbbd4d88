// The teacher's host secret at rest: only a salted scrypt hash is kept ("scrypt$N$salt$hash", base64url), and
// checks compare in constant time. Called by the results store (saveSession, verifyHost) and by the classroom room.

import { randomBytes, scryptSync, timingSafeEqual } from "node:crypto";

/** Cost 2^12: ~20 ms here. The secret is random, not a chosen password, so this guards a stolen file, not weak input. */
const COST = 4096;
const KEY_BYTES = 32;

/** Hashes a host secret with a fresh salt; the result is what saveSession stores. */
export function hashHostSecret(secret: string): string {
  const salt = randomBytes(16);
  const hash = scryptSync(secret, salt, KEY_BYTES, { N: COST });
  return `scrypt$${COST}$${salt.toString("base64url")}$${hash.toString("base64url")}`;
}

/** True only when `secret` hashes to `stored`; a malformed or empty stored value never matches. */
export function hostSecretMatches(secret: string, stored: string): boolean {
  const parts = stored.split("$");
  if (parts.length !== 4 || parts[0] !== "scrypt") return false;
  const cost = Number(parts[1]);
  if (!Number.isInteger(cost) || cost < 2 || cost > 1 << 16 || (cost & (cost - 1)) !== 0) return false;
  const salt = Buffer.from(parts[2], "base64url");
  const expected = Buffer.from(parts[3], "base64url");
  if (salt.length === 0 || expected.length !== KEY_BYTES) return false;
  const actual = scryptSync(secret, salt, KEY_BYTES, { N: cost });
  return timingSafeEqual(actual, expected);
}
