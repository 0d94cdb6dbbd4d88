// Pure words for the student's join form: what is wrong with a typed code, and the sentence for each answer of the
// server's code check (POST /api/classroom/check). Used by studentJoin.ts and its unit tests.

import { JOIN_CODE_ALPHABET, JOIN_CODE_LENGTH, normalizeJoinCode } from "../../../shared/net/classroom.ts";

/** Upper-cases what the student types and keeps letters and digits (at most 6). */
export function cleanCodeInput(text: string): string {
  let out = "";
  for (const ch of text.toUpperCase()) {
    // Letters a code never holds (0, O, 1, I, L) are kept so the form can say what is wrong; spaces and dashes go.
    if (JOIN_CODE_ALPHABET.includes(ch) || "01OIL".includes(ch)) out += ch;
    if (out.length === JOIN_CODE_LENGTH) break;
  }
  return out;
}

/** null when the code could be one; otherwise a sentence saying what is wrong. */
export function codeProblem(text: string): string | null {
  if (normalizeJoinCode(text)) return null;
  const t = text.toUpperCase().replace(/[\s-]/g, "");
  if (t.length === 0) return "Type the class code shown on the board.";
  if (/[01OIL]/.test(t)) return "Class codes never use 0, O, 1, I or L. Check the letters on the board.";
  if (t.length !== JOIN_CODE_LENGTH) return `A class code has ${JOIN_CODE_LENGTH} letters and digits; this has ${t.length}.`;
  return "Class codes use only letters and digits. Check the code on the board.";
}

/** The sentence for a refused check: the server's own words if it sent any, else one by HTTP status. */
export function checkRefusal(status: number, body: unknown): string {
  const b = body as { error?: unknown; message?: unknown } | null;
  const words = typeof b?.error === "string" ? b.error : typeof b?.message === "string" ? b.message : "";
  if (words) return words;
  if (status === 429) return "Too many tries from this device. Wait a minute, then try again.";
  if (status === 404) return "No class has this code. Check it against the board; codes expire when the class closes.";
  if (status === 410) return "This class has ended.";
  if (status === 403 || status === 423) return "This class is not taking new students right now. Ask your teacher.";
  return `The game server could not check this code (status ${status}). Try again.`;
}
