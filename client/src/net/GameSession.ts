// One joined tissue room as the client sees it: typed state, the player's seat and squads, typed subscriptions to the
// room's messages (the IL-2 field is inflated and mirrored here), senders, and resuming the seat after a drop or a
// page reload (reconnection token in sessionStorage). Created by the menu / solo setup; used by PlayScene and the HUD.

import { Client, type Room } from "@colyseus/sdk";
import { inflateSync } from "fflate";
import { TissueState, type SeatState } from "../../../shared/net/TissueState.ts";
import { ClientMessage, ServerMessage, type ControlPayload, type Debrief, type InspectResult, type Refusal, type WireEvent } from "../../../shared/net/messages.ts";
import { FieldMirror, frameBody, readFrameHeader } from "../../../shared/net/fieldFrame.ts";
import type { RoomOptions } from "../../../shared/net/roomOptions.ts";
import type { Command } from "../../../shared/net/commandMessage.ts";
import type { ContrastUpdate } from "../../../shared/net/contrast.ts";
import { checkServerNotice, type ServerNotice } from "../../../shared/net/serverNotice.ts";
import type { Role } from "../../../shared/sim/roles.ts";
import { attachLessonInbox } from "../lesson/lessonInbox.ts";
import { ContrastBoard } from "./contrastBoard.ts";
import { onPatch } from "./onPatch.ts";
import { returnToSeat } from "./seatReturn.ts";
import { RESUME_WINDOW_SECONDS } from "../../../shared/net/resumeWindow.ts";
import { readKept, readText, tabStore, writeKept, writeText } from "../storage.ts";

/** The room name the server registers. */
export const ROOM_NAME = "tissue";
/** sessionStorage key of the last room's reconnection token (a reloaded tab resumes its seat). */
export const TOKEN_KEY = "cytokine-command:reconnection-token";
/** sessionStorage key of the options the last round was created with ("play again" after a resume reuses them). */
const OPTIONS_KEY = "cytokine-command:room-options";
/** The close code of the SDK giving up its own reconnection (or a token the room did not know): the page tries on. */
const FAILED_TO_RECONNECT = 4003;
/** How often a live session re-stamps its token, ms, so "how long ago" means "since the page was last alive". */
const TOKEN_REFRESH_MS = 5000;

type Listener<A extends unknown[]> = (...args: A) => void;

/**
 * Where a dropped page is in coming back to its seat (seatReturn.ts): attempt `attempt` going out now (`trying`), or
 * waiting `nextInMs` before it; attempt 0 while the SDK's own quick retries run (the page's own follow them).
 */
export interface ReturnProgress { attempt: number; trying: boolean; nextInMs: number }

/** A tiny listener list: add returns its own remover. */
class Listeners<A extends unknown[]> {
  private list = new Set<Listener<A>>();
  add(cb: Listener<A>): () => void {
    this.list.add(cb);
    return () => this.list.delete(cb);
  }
  emit(...args: A): void {
    for (const cb of [...this.list]) {
      try { cb(...args); } catch (e) { console.error(e); }
    }
  }
  clear(): void { this.list.clear(); }
}

/** The server's own address: it serves the client on the same origin. */
export function serverUrl(): string {
  return `${location.protocol === "https:" ? "wss" : "ws"}://${location.host}`;
}

export function storeToken(token: string): void {
  writeText(tabStore(), TOKEN_KEY, `${Date.now()}|${token}`); // (private mode: no resume)
}
/** The stored token if saved less than `maxAgeS` ago (a class's page passes its longer seat hold). */
export function readToken(maxAgeS = RESUME_WINDOW_SECONDS): string | null {
  const raw = readText(tabStore(), TOKEN_KEY);
  if (!raw) return null;
  const bar = raw.indexOf("|");
  const savedAt = Number(raw.slice(0, bar));
  if (!(Date.now() - savedAt < maxAgeS * 1000)) return null; // the seat is gone by now
  return raw.slice(bar + 1);
}
export function clearToken(): void {
  writeText(tabStore(), TOKEN_KEY, null);
}

/** Inflates a raw-DEFLATE body synchronously: an async stream per frame fell minutes behind on slow machines. */
function inflateRaw(bytes: Uint8Array): Uint8Array {
  return inflateSync(bytes);
}

function asBytes(payload: unknown): Uint8Array | null {
  if (payload instanceof Uint8Array) return payload;
  if (payload instanceof ArrayBuffer) return new Uint8Array(payload);
  if (ArrayBuffer.isView(payload)) return new Uint8Array(payload.buffer, payload.byteOffset, payload.byteLength);
  return null;
}

export class GameSession {
  readonly client: Client;
  room: Room<any, TissueState>;
  /** The options the round was created with (the debrief's "play again" reuses them). */
  readonly options: RoomOptions;
  /** The IL-2 field as level bytes (fieldCodec.ts), kept in step with the server's frames. */
  readonly field = new FieldMirror();
  /** True once leave() was called: no more reconnect attempts. */
  private leaving = false;
  private readonly fieldL = new Listeners<[Uint8Array, number, number]>();
  private readonly eventsL = new Listeners<[WireEvent[]]>();
  private readonly inspectL = new Listeners<[InspectResult]>();
  private readonly debriefL = new Listeners<[Debrief]>();
  private readonly refusedL = new Listeners<[Refusal]>();
  private readonly leaveL = new Listeners<[number]>();
  private readonly reconnectL = new Listeners<[]>();
  private readonly dropL = new Listeners<[]>();
  private readonly progressL = new Listeners<[ReturnProgress]>();
  /** Ends the current wait of the page's own attempts ("Try now"); null while none run. */
  private tryNowFn: (() => void) | null = null;
  /** "Try now" pressed while the SDK's own retries ran: the page's first attempt goes at once. */
  private tryNowPending = false;
  /** The server's answer when it refused this page's seat after a drop (its code says why), else null. */
  seatRefusal: unknown = null;
  private readonly noticeL = new Listeners<[ServerNotice]>();
  /** The server's word that it is stopping (a restart), checked; null until one comes, and again once reconnected. */
  serverNotice: ServerNotice | null = null;
  private tokenTimer: ReturnType<typeof setInterval> | null = null;
  /** The last debrief received (a scene that attaches late can still show it). */
  lastDebrief: Debrief | null = null;
  /** The last round's contrasts (the debrief shows them as they arrive). */
  readonly contrasts = new ContrastBoard();
  /** Whether this room's next round shows the first-play tutorial (the solo form's box); cleared once it is shown. */
  tutorial = false;
  /** True for a classroom's projector: the tissue is watched, never commanded (CommandInput ignores input). */
  spectator = false;

  protected constructor(client: Client, room: Room<any, TissueState>, options: RoomOptions) {
    this.client = client;
    this.room = room;
    this.options = options;
    this.attach(room);
  }

  /** Creates a solo room with these options and joins it. */
  static async startSolo(options: RoomOptions): Promise<GameSession> {
    const client = new Client(serverUrl());
    const opts: RoomOptions = { mode: "solo", ...options };
    const room = await client.create(ROOM_NAME, opts, TissueState);
    writeKept(tabStore(), OPTIONS_KEY, opts); // (private mode: "play again" after a resume starts afresh)
    return new GameSession(client, room as Room<any, TissueState>, opts);
  }

  /** Resumes the seat this tab held before a reload, if its token is still fresh; null otherwise. */
  static async resume(): Promise<GameSession | null> {
    const token = readToken();
    if (!token) return null;
    const client = new Client(serverUrl());
    try {
      const room = await client.reconnect(token, TissueState);
      const kept = readKept(tabStore(), OPTIONS_KEY);
      const options = (kept && typeof kept === "object" && !Array.isArray(kept) ? kept : {}) as RoomOptions;
      return new GameSession(client, room as Room<any, TissueState>, options);
    } catch {
      clearToken();
      return null;
    }
  }

  get state(): TissueState { return this.room.state; }
  get sessionId(): string { return this.room.sessionId; }

  mySeat(): SeatState | undefined { return this.room.state?.seats?.get(this.room.sessionId); }
  myRole(): Role | null { return this.mySeat()?.role || null; }
  isHost(): boolean { return this.mySeat()?.host === true; }
  mySquads(): number[] {
    return [...(this.mySeat()?.squads ?? [])];
  }

  // --- subscriptions (each returns its remover) ---
  /** The field's level bytes (one per voxel, row-major), after each frame applies. The array is reused. */
  onField(cb: (levels: Uint8Array, width: number, height: number) => void): () => void { return this.fieldL.add(cb); }
  /** After each of the room's state patches (and on the room a reconnection brings): the views refresh from it. */
  onStateChange(cb: () => void): () => void { return onPatch(this, cb); }
  onEvents(cb: (events: WireEvent[]) => void): () => void { return this.eventsL.add(cb); }
  onInspect(cb: (result: InspectResult) => void): () => void { return this.inspectL.add(cb); }
  onDebrief(cb: (debrief: Debrief) => void): () => void { return this.debriefL.add(cb); }
  onRefused(cb: (refusal: Refusal) => void): () => void { return this.refusedL.add(cb); }
  /** The room is gone for good (left, closed, or a resume failed); code is the close code. */
  onLeave(cb: (code: number) => void): () => void { return this.leaveL.add(cb); }
  /** The connection came back after a drop. `room` may then be a new object: re-attach state callbacks to it. */
  onReconnect(cb: () => void): () => void { return this.reconnectL.add(cb); }
  /** The connection dropped and the page is trying to get its seat back (onReconnect or onLeave follows). */
  onDrop(cb: () => void): () => void { return this.dropL.add(cb); }
  /** Each attempt to come back to the seat after a drop, and each wait between them. */
  onReturnProgress(cb: (p: ReturnProgress) => void): () => void { return this.progressL.add(cb); }

  /** "Try now": the page tries its seat at once instead of waiting out its backoff (or at the first attempt it makes). */
  tryNow(): void {
    if (this.tryNowFn) this.tryNowFn();
    else this.tryNowPending = true;
  }
  /** The server said it is stopping (a restart): the connection closes just after (serverNotice.ts). */
  onServerNotice(cb: (notice: ServerNotice) => void): () => void { return this.noticeL.add(cb); }

  // --- senders ---
  command(payload: Command): void { this.room.send(ClientMessage.command, payload); }
  control(payload: ControlPayload): void { this.room.send(ClientMessage.control, payload); }
  inspect(cellId: number): void { this.room.send(ClientMessage.inspect, { cellId }); }

  /** Leaves the room on purpose: the seat is given up and the token forgotten. */
  async leave(): Promise<void> {
    this.leaving = true;
    this.stopTokenTimer();
    clearToken();
    try { await this.room.leave(true); } catch { /* already gone */ }
  }

  /**
   * Stops trying to get the seat back and lets the connection go, but keeps the reconnection token (and a class's
   * marker): a page sent to the menu while the server is away can still come back to the seat with it later.
   */
  setAside(): void {
    this.leaving = true;
    this.stopTokenTimer();
    storeToken(this.room.reconnectionToken);
    // The SDK's own retries, if under way, must not take the seat back behind the page's back (the token would then
    // be spent): its next try finds no way to connect and, with no retries left, gives up.
    this.room.reconnection.maxRetries = 0;
    const connection = (this.room as unknown as { connection?: { reconnect: (q: unknown) => void } }).connection;
    if (connection) connection.reconnect = () => { throw new Error("this page set its seat aside"); };
    this.room.leave(false).catch(() => { /* already gone */ });
  }

  /** Subscribes to a (new) room's messages; subclasses add their own and call this first. */
  protected attach(room: Room<any, TissueState>): void {
    storeToken(room.reconnectionToken);
    if (this.tokenTimer === null) {
      // wall time: the stored token's age says how long ago the page was last alive
      this.tokenTimer = setInterval(() => { if (!this.leaving) storeToken(this.room.reconnectionToken); }, TOKEN_REFRESH_MS);
      addEventListener("pagehide", () => { if (!this.leaving) storeToken(this.room.reconnectionToken); });
    }
    room.onMessage(ServerMessage.field, (payload: unknown) => {
      const bytes = asBytes(payload);
      if (!bytes) return;
      // Applied at once, in arrival order (deltas depend on the frame before); the layer redraws on its next frame.
      this.applyFrame(bytes);
    });
    room.onMessage(ServerMessage.events, (events: WireEvent[]) => { if (Array.isArray(events)) this.eventsL.emit(events); });
    room.onMessage(ServerMessage.inspect, (r: InspectResult) => this.inspectL.emit(r));
    room.onMessage(ServerMessage.refused, (r: Refusal) => this.refusedL.emit(r));
    room.onMessage(ServerMessage.debrief, (d: Debrief) => { this.lastDebrief = d; this.debriefL.emit(d); });
    attachLessonInbox(this, room); // predictions, the lesson plan, the sandbox (client/src/lesson)
    room.onMessage(ServerMessage.contrast, (u: ContrastUpdate) => this.contrasts.take(u));
    room.onMessage(ServerMessage.serverNotice, (payload: unknown) => {
      const checked = checkServerNotice(payload);
      if (!checked.ok) return console.warn(`server notice refused: ${checked.error}`);
      this.serverNotice = checked.value;
      this.noticeL.emit(checked.value);
    });
    room.onReconnect(() => {
      this.serverNotice = null;
      // The SDK calls this just before it takes the new token the server gave: kept once it has (a page reloaded, or
      // a server that dies, in the next few seconds would otherwise come back with a token already spent).
      queueMicrotask(() => { if (!this.leaving) storeToken(this.room.reconnectionToken); });
      this.reconnectL.emit();
    });
    room.onDrop(() => { this.tryNowPending = false; this.dropL.emit(); this.progressL.emit({ attempt: 0, trying: true, nextInMs: 0 }); });
    room.onLeave((code: number) => { void this.handleLeave(code); });
  }

  /** Whether a close with this server code (4000–4009) is worth trying the token again. */
  protected mayComeBack(code: number): boolean {
    return code === FAILED_TO_RECONNECT;
  }

  /** Whether the room holds this page's seat for long, so the page keeps trying until refused (a class: seatReturn.ts). */
  protected holdsSeatLong(): boolean {
    return false;
  }

  private stopTokenTimer(): void {
    if (this.tokenTimer !== null) clearInterval(this.tokenTimer);
    this.tokenTimer = null;
  }

  private applyFrame(frame: Uint8Array): void {
    const header = readFrameHeader(frame);
    if (!header) return;
    let body: Uint8Array;
    try { body = inflateRaw(frameBody(frame)); } catch { return; } // a damaged frame: wait for the next key frame
    if (this.field.apply(header, body)) this.fieldL.emit(this.field.levels, this.field.width, this.field.height);
  }

  /**
   * A leave we did not ask for: try the token a few times within the resume window before giving up (a class's page
   * keeps trying until the server refuses it: the class holds the seat for the round, seatReturn.ts). That includes
   * the SDK's own retries running out (FAILED_TO_RECONNECT): a server that crashed and restarted brings a live class
   * back from its checkpoint and holds this seat for this token (server/rooms/classroom/resume.ts).
   */
  private async handleLeave(code: number): Promise<void> {
    // 1000 = a normal close (the room ended or we left); 4000+ are the server's own reasons.
    if (this.leaving || code === 1000 || (code >= 4000 && code < 4010 && !this.mayComeBack(code))) {
      this.stopTokenTimer();
      if (!this.leaving) clearToken();
      this.leaveL.emit(code);
      return;
    }
    const token = this.room.reconnectionToken;
    this.dropL.emit();
    const before = this.room.reconnection?.retryCount ?? 0; // the SDK's own attempts, counted on from
    this.seatRefusal = null;
    const room = await returnToSeat({
      attempt: () => this.client.reconnect(token, TissueState),
      stopped: () => this.leaving,
      untilRefused: this.holdsSeatLong(),
      wake: typeof window === "undefined" ? undefined : window,
      tryNow: (now) => {
        this.tryNowFn = now;
        if (this.tryNowPending) { this.tryNowPending = false; now(); }
      },
      onAttempt: (n, ms) => this.progressL.emit({ attempt: before + n, trying: false, nextInMs: ms }),
      onTrying: (n) => this.progressL.emit({ attempt: before + n, trying: true, nextInMs: 0 }),
      onRefused: (err) => { this.seatRefusal = err; },
    });
    this.tryNowFn = null;
    if (room) {
      this.serverNotice = null; // the server is back
      this.room = room as Room<any, TissueState>;
      this.attach(this.room);
      this.reconnectL.emit();
      return;
    }
    this.stopTokenTimer();
    if (!this.leaving) clearToken(); // refused or out of tries; a page that left on purpose or set its seat aside decided itself
    this.leaveL.emit(code);
  }
}
