// How many rooms this process runs, and how many one address may open: solo and kiosk rooms ("tissue") and classes
// ("classroom"), at once and per minute, each counted from its creation until the room closes. A refused create is
// answered in a sentence ("This server is full: ..."). Admitted creations take turns, one at a time, in rotation
// between addresses, each followed by a pause of at least createGapMs and CREATION_DUTY times its own duration (a
// tissue takes ~30 ms to build, several times that on a loaded machine), so creating rooms as fast as one can keeps the
// event loop every room shares busy a quarter of the time at most, and never makes another visitor wait behind a queue.
// matchmakeGuard.ts admits each `POST /matchmake/create/*` with the caller's socket address and hands Colyseus a
// ticket in a request header; installCreationLimits() (server/app.ts) ties the ticket to the room Colyseus makes and
// frees it when that room is disposed. The contrast queue (rooms/contrast/) gets at most one job per room at a time,
// so these limits bound it too.

import { matchMaker } from "@colyseus/core";
import { positiveIntFromEnv } from "./limits.ts";
import { createRateLimiter, type RateLimiter } from "./rateLimiter.ts";

export interface CreationLimits {
  /** Rooms of every kind open at once in this process (MAX_ROOMS). */
  maxRooms: number;
  /** Classes open at once in this process (MAX_CLASSES). */
  maxClasses: number;
  /** Solo and kiosk rooms open at once from one address (MAX_ROOMS_PER_ADDRESS): a school is one address. */
  roomsPerAddress: number;
  /** Classes open at once from one address (MAX_CLASSES_PER_ADDRESS): a school's teachers share one. */
  classesPerAddress: number;
  /** Rooms and classes one address may create per minute, in a burst of as many (ROOM_CREATES_PER_MINUTE). */
  createsPerMinute: number;
  /** Fewest milliseconds between two creations in this process (admitted ones wait their turn). */
  createGapMs: number;
}

/**
 * A school is one address. A class of 30 on solo practice is 30 rooms, and a student who closes a tab and starts again
 * within a minute holds two for that minute (a dropped room waits for its player), so 40 per address; a few teachers
 * of one school at once. In all, one address's share plus a whole class from another and more: 80 rooms. A solo room
 * takes ~1/18 of a core while someone plays in it and ~25 MB; size MAX_ROOMS to the machine (README).
 */
export const DEFAULT_CREATION_LIMITS: CreationLimits = {
  maxRooms: 80,
  maxClasses: 16,
  roomsPerAddress: 40,
  classesPerAddress: 4,
  createsPerMinute: 60,
  createGapMs: 50,
};

/** Environment variables for each limit (read by server/main.ts, documented in the README). */
export const CREATION_LIMIT_ENV: Record<keyof CreationLimits, string> = {
  maxRooms: "MAX_ROOMS",
  maxClasses: "MAX_CLASSES",
  roomsPerAddress: "MAX_ROOMS_PER_ADDRESS",
  classesPerAddress: "MAX_CLASSES_PER_ADDRESS",
  createsPerMinute: "ROOM_CREATES_PER_MINUTE",
  createGapMs: "ROOM_CREATE_GAP_MS",
};

const plural = (n: number, one: string, many: string) => `${n} ${n === 1 ? one : many}`;

export const CREATION_MESSAGES = {
  full: (n: number) => `This server is full: it is already running ${plural(n, "game", "games")}, as many as it can. Try again in a few minutes.`,
  classesFull: (n: number) => `This server is full: it is already running ${plural(n, "class", "classes")}, as many as it can. Try again in a few minutes.`,
  addressRooms: (n: number) => `This server is full for your network: ${plural(n, "game is", "games are")} already open from it, the most one network may have. Close a game nobody is playing, or try again in a minute.`,
  addressClasses: (n: number) => `This server is full for your network: ${plural(n, "class is", "classes are")} already open from it, the most one network may have. Close a class that has finished, or try again later.`,
  tooFast: "Too many new games from your network in the last minute: wait a moment and try again.",
} as const;

/** The request header that carries a creation's ticket from matchmakeGuard.ts to Colyseus (never a client's). */
export const CREATION_HEADER = "x-cytokine-creation";

/** After each creation, a pause of this many times its duration: creations take at most 1/(1 + this) of the loop (1/7). */
export const CREATION_DUTY = 6;

/** A creation's ticket waits this long (its turn in the queue included) to be tied to its room, else it is given back. */
const UNBOUND_TICKET_MS = 120_000;

type Kind = "room" | "class";
interface Ticket { address: string; kind: Kind; roomId: string | null; until: number }
export type Admission = { ok: true; ticket: string } | { ok: false; status: number; reason: string; retryAfterSeconds: number };

export class RoomCreation {
  readonly limits: CreationLimits;
  private readonly tickets = new Map<string, Ticket>();
  private readonly byRoom = new Map<string, string>();
  private readonly rate: RateLimiter;
  private readonly now: () => number;
  private nextTicket = 1;
  /** Creations waiting their turn, per address, in rotation. */
  private readonly waiting = new Map<string, (() => void)[]>();
  private nextTurnAt = 0;
  private turnTimer: ReturnType<typeof setTimeout> | null = null;
  /** A creation is under way (its turn came, it has not finished). */
  private creating = false;

  constructor(limits: Partial<CreationLimits> = {}, now: () => number = Date.now) {
    this.limits = { ...DEFAULT_CREATION_LIMITS, ...limits };
    this.now = now;
    this.rate = createRateLimiter({ capacity: this.limits.createsPerMinute, windowMs: 60_000, now });
  }

  /** Rooms (and classes among them) open or being made: in all, or from `address`. */
  count(address?: string): { rooms: number; classes: number } {
    const t = this.now();
    let rooms = 0, classes = 0;
    for (const [id, k] of this.tickets) {
      if (k.roomId === null && k.until <= t) { this.tickets.delete(id); continue; }
      if (address !== undefined && k.address !== address) continue;
      if (k.kind === "class") classes++;
      else rooms++;
    }
    return { rooms: rooms + classes, classes };
  }

  /** Decides a create of `roomName` from `address`: a ticket to carry to Colyseus, or the refusal to answer. */
  admit(address: string, roomName: string): Admission {
    const kind: Kind = roomName === "classroom" ? "class" : "room";
    const { limits } = this;
    const all = this.count(), mine = this.count(address);
    if (all.rooms >= limits.maxRooms) return { ok: false, status: 503, reason: CREATION_MESSAGES.full(limits.maxRooms), retryAfterSeconds: 60 };
    if (kind === "class" && all.classes >= limits.maxClasses) return { ok: false, status: 503, reason: CREATION_MESSAGES.classesFull(limits.maxClasses), retryAfterSeconds: 60 };
    if (kind === "class" && mine.classes >= limits.classesPerAddress) return { ok: false, status: 429, reason: CREATION_MESSAGES.addressClasses(limits.classesPerAddress), retryAfterSeconds: 60 };
    if (kind === "room" && mine.rooms - mine.classes >= limits.roomsPerAddress) return { ok: false, status: 429, reason: CREATION_MESSAGES.addressRooms(limits.roomsPerAddress), retryAfterSeconds: 60 };
    if (!this.rate.spend(address)) return { ok: false, status: 429, reason: CREATION_MESSAGES.tooFast, retryAfterSeconds: Math.max(1, this.rate.retryAfterSeconds(address)) };
    const id = String(this.nextTicket++);
    this.tickets.set(id, { address, kind, roomId: null, until: this.now() + UNBOUND_TICKET_MS });
    return { ok: true, ticket: id };
  }

  /** Resolves when it is this ticket's turn to be created (one at a time, addresses in rotation); call finished() after. */
  turn(ticket: string): Promise<void> {
    const address = this.tickets.get(ticket)?.address ?? "";
    return new Promise((resolve) => {
      const queue = this.waiting.get(address) ?? [];
      queue.push(resolve);
      this.waiting.set(address, queue);
      this.pump();
    });
  }

  /** The creation whose turn it was has finished, after `durationMs`: the next waits its pause. */
  finished(durationMs: number): void {
    this.creating = false;
    this.nextTurnAt = this.now() + Math.max(this.limits.createGapMs, CREATION_DUTY * durationMs);
    this.pump();
  }

  /** The ticket's room was made: it counts until that room is disposed. */
  bind(ticket: string, roomId: string): void {
    const k = this.tickets.get(ticket);
    if (!k) return;
    k.roomId = roomId;
    this.byRoom.set(roomId, ticket);
  }

  /** The creation failed: its ticket is given back. */
  release(ticket: string): void {
    const k = this.tickets.get(ticket);
    if (k?.roomId) this.byRoom.delete(k.roomId);
    this.tickets.delete(ticket);
  }

  /** The address that created this room (over HTTP), if known. */
  creatorOf(roomId: string): string | undefined {
    const ticket = this.byRoom.get(roomId);
    return ticket === undefined ? undefined : this.tickets.get(ticket)?.address;
  }

  /** A room was disposed. */
  closed(roomId: string): void {
    const ticket = this.byRoom.get(roomId);
    if (ticket !== undefined) this.release(ticket);
  }

  private pump(): void {
    if (this.turnTimer || this.creating) return;
    const t = this.now();
    if (t < this.nextTurnAt) {
      this.turnTimer = setTimeout(() => { this.turnTimer = null; this.pump(); }, this.nextTurnAt - t);
      return;
    }
    const next = this.waiting.entries().next();
    if (next.done) return;
    const [address, queue] = next.value;
    const go = queue.shift()!;
    this.waiting.delete(address);
    if (queue.length) this.waiting.set(address, queue); // to the back of the rotation
    this.creating = true;
    go();
  }
}

type InvokeMethod = typeof matchMaker.controller.invokeMethod;

/**
 * Ties admitted creations to their rooms: Colyseus' create waits for its turn, the ticket is bound to the room made
 * (or given back if none was), and freed when the room is disposed. Installed once per process by server/app.ts;
 * the last installed `creation` is the one used.
 */
let active: RoomCreation | null = null;
let installed = false;
const watched = new Set<string>();
export function installCreationLimits(creation: RoomCreation): void {
  active = creation;
  if (installed) return;
  installed = true;
  const controller = matchMaker.controller;
  const invoke: InvokeMethod = controller.invokeMethod.bind(controller);
  controller.invokeMethod = (async (method, roomName, clientOptions, authOptions) => {
    const ticket = method === "create" ? (authOptions as { headers?: Headers } | undefined)?.headers?.get(CREATION_HEADER) : null;
    const creation = active;
    if (!ticket || !creation) return invoke(method, roomName, clientOptions, authOptions);
    try {
      await creation.turn(ticket);
      const started = performance.now();
      const reservation = await invoke(method, roomName, clientOptions, authOptions).finally(() => creation.finished(performance.now() - started));
      const roomId = (reservation as { roomId?: string }).roomId;
      if (!roomId || !matchMaker.getLocalRoomById(roomId)) creation.release(ticket);
      else {
        watchDisposals(roomName);
        creation.bind(ticket, roomId);
      }
      return reservation;
    } catch (err) {
      creation.release(ticket);
      throw err;
    }
  }) as InvokeMethod;
}

/** The address that created the room with this id, if it was created over HTTP in this process. */
export function creatorOf(roomId: string): string | undefined {
  return active?.creatorOf(roomId);
}

function watchDisposals(roomName: string): void {
  if (watched.has(roomName)) return;
  watched.add(roomName);
  matchMaker.getHandler(roomName).on("dispose", (room: { roomId: string }) => active?.closed(room.roomId));
}

/** The limits set in the environment (CREATION_LIMIT_ENV); throws a sentence for a value that is not a whole number above 0. */
export function creationLimitsFromEnv(env: Record<string, string | undefined>): Partial<CreationLimits> {
  const out: Partial<CreationLimits> = {};
  for (const [key, name] of Object.entries(CREATION_LIMIT_ENV) as [keyof CreationLimits, string][]) {
    const n = positiveIntFromEnv(name, env[name]);
    if (n !== undefined) out[key] = n;
  }
  return out;
}
