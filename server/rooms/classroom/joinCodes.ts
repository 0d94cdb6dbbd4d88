// Join codes and host secrets for classroom sessions: 6 characters from the unambiguous alphabet drawn with crypto
// randomness, unique among live sessions in this process (and checked against the matchmaker's rooms; with several
// processes on Redis, also claimed there: cluster/sharedJoinCodes.ts), and a constant-time secret comparison.
// Called by ClassroomRoom (onCreate, onAuth, teacher actions, onDispose).

import { randomBytes, randomInt, timingSafeEqual } from "node:crypto";
import { matchMaker } from "@colyseus/core";
import { JOIN_CODE_ALPHABET, JOIN_CODE_LENGTH } from "../../../shared/net/classroom.ts";

/** Codes of sessions alive in this process (claimed in onCreate, released in onDispose). */
const liveCodes = new Set<string>();
/** Claims shared with the other processes (REDIS_URL), or none. */
let shared: { claim(code: string): Promise<boolean>; release(code: string): void } | null = null;

/** Makes every new code also be claimed in `claims` (server/app.ts, with several processes). */
export function shareJoinCodes(claims: typeof shared): void {
  shared = claims;
}

/** Tries before giving up (31^6 ≈ 887 million codes: a clash is already rare). */
const MAX_TRIES = 20;

export function randomJoinCode(): string {
  let code = "";
  for (let i = 0; i < JOIN_CODE_LENGTH; i++) code += JOIN_CODE_ALPHABET[randomInt(JOIN_CODE_ALPHABET.length)];
  return code;
}

/** A fresh code no live session uses (nor `taken`: e.g. a finished session's saved results), claimed until releaseJoinCode. */
export async function claimJoinCode(taken: (code: string) => boolean | Promise<boolean> = () => false): Promise<string> {
  for (let k = 0; k < MAX_TRIES; k++) {
    const code = randomJoinCode();
    if (liveCodes.has(code)) continue;
    liveCodes.add(code); // claim before the awaits, so two sessions created at once cannot take the same code
    if (!(await taken(code)) && (await matchMaker.query({ roomId: code })).length === 0) {
      if (!shared || (await shared.claim(code))) return code;
    }
    liveCodes.delete(code);
  }
  throw new Error("could not find a free join code; try again");
}

export function releaseJoinCode(code: string): void {
  liveCodes.delete(code);
  shared?.release(code);
}

export function isLiveJoinCode(code: string): boolean {
  return liveCodes.has(code);
}

/** A host secret: 32 random bytes as hex. */
export function newHostSecret(): string {
  return randomBytes(32).toString("hex");
}

/** Compares a secret sent by a client with the session's, in constant time for equal lengths. */
export function secretMatches(sent: unknown, secret: string): boolean {
  if (typeof sent !== "string") return false;
  const a = Buffer.from(sent, "utf8"), b = Buffer.from(secret, "utf8");
  return a.length === b.length && timingSafeEqual(a, b);
}
