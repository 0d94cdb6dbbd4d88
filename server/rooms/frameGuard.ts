// Checks each frame a client sends before Colyseus decodes it: a message type that is not valid UTF-8 closes the
// sender (our pages never send one), and anything logged while a frame is handled is throttled per sender
// (logThrottle.ts), so a flood of bad frames is one log line per sender per interval, not one per frame.
// It also stands in for Colyseus' maxMessagesPerSecond (a count per wall-clock second, which closed every honest
// socket at once when a stall's backlog arrived): a sender is closed only when its sending outruns the room's rate
// (sendRate.ts), and a sender closed for flooding or bad frames does not keep its seat for the reconnection window.
// Installed on each tissue room by TissueRoomBase.setUpRoom.

import type { Client, Room } from "@colyseus/core";
import { attributeLogs, senderLog } from "../logThrottle.ts";
import { SendRate } from "./sendRate.ts";
import { startStallClock } from "./stallClock.ts";

const ROOM_DATA = 13, ROOM_DATA_BYTES = 17, ROOM_REQUEST = 21, CODE_MASK = 0x1f;
/** Colyseus' close code for invalid input. */
const CLOSE_WITH_ERROR = 4002;
const utf8 = new TextDecoder("utf-8", { fatal: true });

/** Bytes taken by a number in Colyseus' (msgpack-like) number encoding, given its first byte. */
function numberSize(prefix: number): number {
  if (prefix < 0x80 || prefix >= 0xe0) return 1;
  const sizes: Record<number, number> = { 0xcc: 2, 0xcd: 3, 0xce: 5, 0xcf: 9, 0xd0: 2, 0xd1: 3, 0xd2: 5, 0xd3: 9, 0xca: 5, 0xcb: 9 };
  return sizes[prefix] ?? 1;
}

/** Why this frame is refused, or null. Only the message type's text is checked; payloads are validated later. */
export function badFrame(buffer: Uint8Array | undefined): string | null {
  if (!buffer || buffer.length === 0) return "an empty frame";
  const code = buffer[0] & CODE_MASK;
  if (code !== ROOM_DATA && code !== ROOM_DATA_BYTES && code !== ROOM_REQUEST) return null;
  let at = 1;
  if (code === ROOM_REQUEST) at += numberSize(buffer[at] ?? 0);
  const prefix = buffer[at];
  if (prefix === undefined) return "a message with no type";
  let length: number;
  if ((prefix & 0xe0) === 0xa0) { length = prefix & 0x1f; at += 1; }
  else if (prefix === 0xd9) { length = buffer[at + 1] ?? 0; at += 2; }
  else if (prefix === 0xda) { length = (buffer[at + 1] ?? 0) | ((buffer[at + 2] ?? 0) << 8); at += 3; }
  else if (prefix === 0xdb) return "a message type longer than any frame";
  else return null; // a numeric type
  try {
    utf8.decode(buffer.subarray(at, Math.min(buffer.length, at + length)));
    return null;
  } catch {
    return "a message type that is not valid UTF-8";
  }
}

/** The sender's address (or its session id when the transport has none): what the log is throttled by. */
function senderOf(client: Client): string {
  const ref = client.ref as { _socket?: { remoteAddress?: string } } | undefined;
  return ref?._socket?.remoteAddress ?? client.sessionId;
}

type OnMessage = (client: Client, buffer: Uint8Array) => unknown;
type OnDrop = (client: Client, code?: number) => unknown;

/** A flood is this many seconds of messages at the room's rate beyond it, at once. */
export const FLOOD_BURST_SECONDS = 2;

/** Clients this room closed for what they sent: their seat is not held for them (see guardFrames). */
const closedForSending = new WeakSet<Client>();

/** Whether the room closed this client for what it sent (a flood or a bad frame). */
export function wasClosedForSending(client: Client): boolean {
  return closedForSending.has(client);
}

/**
 * Guards `room`'s frames. Reads the room's maxMessagesPerSecond as the flood rate (set it first) and turns Colyseus'
 * own count off; wraps onDrop so a client closed here leaves for good (Colyseus then calls onLeave: the seat is freed).
 */
export function guardFrames(room: Room): void {
  startStallClock();
  const r = room as unknown as { _onMessage: OnMessage; onDrop?: OnDrop };
  const handle = r._onMessage;
  const perSecond = room.maxMessagesPerSecond;
  // Per Client object: a reconnected device starts afresh, and a client that left is forgotten with it.
  const rates = new WeakMap<Client, SendRate>();
  const rateOf = (client: Client): SendRate | null => {
    if (!Number.isFinite(perSecond)) return null;
    let rate = rates.get(client);
    if (!rate) rates.set(client, (rate = new SendRate({ perSecond, burst: perSecond * FLOOD_BURST_SECONDS })));
    return rate;
  };
  room.maxMessagesPerSecond = Infinity;
  const close = (client: Client, from: string, why: string) => {
    senderLog.note(from, `[${room.roomName} ${room.roomId}] closed a connection that sent ${why}`);
    closedForSending.add(client);
    client.leave(CLOSE_WITH_ERROR);
  };
  r._onMessage = function guardedOnMessage(this: Room, client: Client, buffer: Uint8Array) {
    if (closedForSending.has(client)) return;
    const from = senderOf(client);
    const bad = badFrame(buffer);
    if (bad) return close(client, from, bad);
    if (rateOf(client)?.take() === false) return close(client, from, `messages faster than ${perSecond} a second`);
    return attributeLogs(from, () => handle.call(this, client, buffer));
  };
  const onDrop = r.onDrop;
  if (onDrop) {
    r.onDrop = function guardedOnDrop(this: Room, client: Client, code?: number) {
      if (closedForSending.has(client)) return; // no reconnection is allowed: Colyseus calls onLeave next
      return onDrop.call(this, client, code);
    };
  }
}
