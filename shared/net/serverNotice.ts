// The server's word to every device before it stops on purpose (a restart, an update: server/drain.ts): what is
// happening and whether this class's round was saved, in the game's words. Sent as ServerMessage.serverNotice
// (messages.ts) to solo, kiosk and class rooms alike; the client checks it with checkServerNotice before showing it
// (client/src/ui/serverGone.ts, client/src/classroom/reconnectVeil.ts).

import type { Checked } from "./messages.ts";

/** Why the server speaks: it is stopping and will be back (the only reason so far). */
export type ServerNoticeKind = "restarting";

export interface ServerNotice {
  kind: ServerNoticeKind;
  /** One or two sentences for the page to show as they are. */
  text: string;
  /** A class's device: the round in progress was ended and its results saved (false for solo and kiosk rooms). */
  resultsSaved: boolean;
}

/** The longest text the client accepts (a notice is a sentence or two, never a document). */
export const MAX_NOTICE_TEXT = 400;

export const RESTART_TITLE = "The game server is restarting";

/** What a solo or kiosk player is told: their round stops here (nothing of a solo round is kept). */
export const SOLO_RESTART_TEXT = "This server is restarting, so this round stops here. Start a new round from the menu in a minute.";

/** What a class's devices are told; `roundEnded`: a round was running and has just been ended and saved. */
export function classRestartText(code: string, roundEnded: boolean): string {
  return roundEnded
    ? `This server is restarting. Your class's results are saved: the round ended here, as if your teacher had ended it. Class ${code} opens again when the server is back.`
    : `This server is restarting. Your class's results are saved. Class ${code} opens again when the server is back.`;
}

const KINDS: readonly string[] = ["restarting"];

/** Checks a notice as it arrives on a device (the client trusts nothing it has not checked). */
export function checkServerNotice(payload: unknown): Checked<ServerNotice> {
  if (typeof payload !== "object" || payload === null || Array.isArray(payload)) return { ok: false, error: "a server notice is an object" };
  const p = payload as Record<string, unknown>;
  if (Object.keys(p).some((k) => k !== "kind" && k !== "text" && k !== "resultsSaved")) return { ok: false, error: "a server notice has only kind, text and resultsSaved" };
  if (typeof p.kind !== "string" || !KINDS.includes(p.kind)) return { ok: false, error: `kind must be one of ${KINDS.join(", ")}` };
  if (typeof p.text !== "string" || p.text.trim() === "" || p.text.length > MAX_NOTICE_TEXT) return { ok: false, error: `text must be a sentence of at most ${MAX_NOTICE_TEXT} characters` };
  if (typeof p.resultsSaved !== "boolean") return { ok: false, error: "resultsSaved must be true or false" };
  return { ok: true, value: { kind: p.kind as ServerNoticeKind, text: p.text, resultsSaved: p.resultsSaved } };
}
