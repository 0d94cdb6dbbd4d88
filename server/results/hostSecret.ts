// The teacher's host secret at rest: only a salted scrypt hash is kept ("scrypt$N$salt$hash", base64url), and
// checks compare in constant time. A secret that matched is remembered (by a SHA-256 of it, beside the stored hash), so
// a right secret sent again costs microseconds, not the ~20 ms of scrypt on the event loop every room shares: a right
// secret is always answered (wrong ones are budgeted per address: http/wrongTries.ts), and anyone who opened a class
// has one, so the results download must not be a way to hold the loop. Called by the results store (saveSession,
// verifyHost) and by the classroom room.

import { createHash, randomBytes, scryptSync, timingSafeEqual } from "node:crypto";

/** Cost 2^12: ~20 ms here. The secret is random, not a chosen password, so this guards a stolen file, not weak input. */
const COST = 4096;
const KEY_BYTES = 32;

/** Hashes a host secret with a fresh salt; the result is what saveSession stores. */
export function hashHostSecret(secret: string): string {
  const salt = randomBytes(16);
  const hash = scryptSync(secret, salt, KEY_BYTES, { N: COST });
  return `scrypt$${COST}$${salt.toString("base64url")}$${hash.toString("base64url")}`;
}

/** Secrets that matched their stored hash lately (most MATCHES_KEPT): `stored` + SHA-256 of the secret. */
const matched = new Set<string>();
const MATCHES_KEPT = 1000;
let scryptRuns = 0;

/** How many times a secret was hashed with scrypt to be checked (tests). */
export function scryptChecks(): number {
  return scryptRuns;
}

/** True only when `secret` hashes to `stored`; a malformed or empty stored value never matches. */
export function hostSecretMatches(secret: string, stored: string): boolean {
  const key = `${stored}$${createHash("sha256").update(secret).digest("base64url")}`;
  if (matched.has(key)) return true;
  const ok = scryptMatches(secret, stored);
  if (ok) {
    matched.add(key);
    if (matched.size > MATCHES_KEPT) matched.delete(matched.values().next().value!);
  }
  return ok;
}

function scryptMatches(secret: string, stored: string): boolean {
  const parts = stored.split("$");
  if (parts.length !== 4 || parts[0] !== "scrypt") return false;
  const cost = Number(parts[1]);
  if (!Number.isInteger(cost) || cost < 2 || cost > 1 << 16 || (cost & (cost - 1)) !== 0) return false;
  const salt = Buffer.from(parts[2], "base64url");
  const expected = Buffer.from(parts[3], "base64url");
  if (salt.length === 0 || expected.length !== KEY_BYTES) return false;
  scryptRuns++;
  const actual = scryptSync(secret, salt, KEY_BYTES, { N: cost });
  return timingSafeEqual(actual, expected);
}
