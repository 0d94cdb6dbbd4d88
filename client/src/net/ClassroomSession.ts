// A classroom session as one browser sees it: a GameSession in the "classroom" room, plus the teacher's host secret,
// the teacher-only messages (session, dashboard), the rounds so far, the "removed" and "closed" notices and the round's
// chart history on (re)joining. The teacher creates or re-joins with the secret (kept in sessionStorage), students join
// by code. Used by client/src/classroom/*.

import { Client, type Room } from "@colyseus/sdk";
import { TissueState } from "../../../shared/net/TissueState.ts";
import type { ControlPayload } from "../../../shared/net/messages.ts";
import type { RoomOptions } from "../../../shared/net/roomOptions.ts";
import {
  ClassroomClientMessage, ClassroomServerMessage, checkRoundHistory, type ClassClosed,
  type ClassroomCreateOptions, type ClassroomJoinOptions, type Dashboard, type RoundHistory, type RoundSummary, type SessionInfo, type TeacherAction,
} from "../../../shared/net/classroom.ts";
import { QuizChannel } from "../quiz/quizChannel.ts";
import { readKept, tabStore, writeKept } from "../storage.ts";
import { GameSession, clearToken, readToken, serverUrl } from "./GameSession.ts";
import { HELD_TOKEN_MAX_AGE_S } from "./seatReturn.ts";

/** The matchmaker's answer to a token for a room that no longer exists (Colyseus' MATCHMAKE_INVALID_ROOM_ID). */
const CLASS_GONE_CODE = 522;
/** The close code of a server shutting down (Colyseus' SERVER_SHUTDOWN). */
const SERVER_SHUTDOWN = 4001;
/**
 * The SDK's own quick retries after a drop (about 6 s: 0.2, 0.4, 0.8, 1.6, 3.2 s apart), before the page's own
 * attempts take over (seatReturn.ts: counted in words on the reconnecting screen, with "Try now"), rather than the
 * SDK's default minute of retries the student could neither see nor hurry.
 */
export const CLASS_QUICK_RETRIES = 5;
/** The room name the server registers for classes. */
export const CLASSROOM_ROOM = "classroom";
/** sessionStorage: which class this tab belongs to, and the host secret if it is the teacher's ({ code, hostSecret? }). */
export const CLASS_KEY = "cytokine-command:classroom";

interface ClassMarker { code: string; hostSecret?: string }

/**
 * sessionStorage: the seat a student's tab last had and in which class ({ code, seat }). Joining that class again by
 * code says which seat it was, so a student removed while their device was away is told so.
 */
export const FORMER_SEAT_KEY = "cytokine-command:former-seat";

/** The seat this tab had in the class with `code` and the reconnection token it was given for it (its proof), or null. */
function readFormerSeat(code: string): { seat: string; proof?: string } | null {
  const m = readKept(tabStore(), FORMER_SEAT_KEY) as { code?: unknown; seat?: unknown; proof?: unknown } | null;
  if (m?.code !== code || typeof m.seat !== "string") return null;
  return typeof m.proof === "string" ? { seat: m.seat, proof: m.proof } : { seat: m.seat };
}

function readMarker(): ClassMarker | null {
  const m = readKept(tabStore(), CLASS_KEY) as ClassMarker | null;
  return m && typeof m.code === "string" ? m : null;
}
function writeMarker(m: ClassMarker): void {
  writeKept(tabStore(), CLASS_KEY, m);
}
export function forgetClass(): void {
  writeKept(tabStore(), CLASS_KEY, null);
}

type Cb<T> = (value: T) => void;

/** What the live charts need: the latest round history and word of the next (ClassroomSession is one). */
export interface HistorySource {
  readonly history: RoundHistory | null;
  onHistory(cb: (h: RoundHistory) => void): () => void;
}

export class ClassroomSession extends GameSession implements HistorySource {
  /** The class's join code. */
  code = "";
  /** Only the teacher's tab has it; every teacher action carries it. */
  hostSecret: string | null = null;
  joinPath = "";
  dashboard: Dashboard | null = null;
  rounds: RoundSummary[] = [];
  /** Why the page's seat is gone after a drop: the class itself has ended, or the seat was let go (seatGone.ts); null otherwise. */
  seatGone(): "class" | "seat" | null {
    const code = (this.seatRefusal as { code?: unknown } | null)?.code;
    if (typeof code !== "number") return null;
    return code === CLASS_GONE_CODE ? "class" : "seat";
  }
  /** Set when the teacher removed this student (the words to show). */
  removedText: string | null = null;
  /** The words of the teacher's close, once it came; null while the class is open. */
  closedText: string | null = null;
  /** The latest round history the server sent (on (re)joining mid-round), checked by shared/net. */
  history: RoundHistory | null = null;
  /** The class's quiz (client/src/quiz/quizChannel.ts). Made on first use, as attach runs from the base constructor: `declare` keeps the field from being reset after it. */
  declare private quizChannel?: QuizChannel;
  get quiz(): QuizChannel { return (this.quizChannel ??= new QuizChannel(() => this.hostSecret)); }
  private cbs: {
    session: Cb<SessionInfo>[]; dashboard: Cb<Dashboard>[]; rounds: Cb<RoundSummary[]>[]; removed: Cb<string>[];
    closed: Cb<string>[]; history: Cb<RoundHistory>[];
  } = { session: [], dashboard: [], rounds: [], removed: [], closed: [], history: [] };

  private static make(client: Client, room: Room<any, TissueState>, code: string, hostSecret: string | null): ClassroomSession {
    const s = new ClassroomSession(client, room, { mode: "classroom" } as unknown as RoomOptions);
    s.code = code || room.roomId;
    s.hostSecret = hostSecret;
    s.spectator = hostSecret !== null;
    writeMarker(hostSecret ? { code: s.code, hostSecret } : { code: s.code });
    if (hostSecret === null) writeKept(tabStore(), FORMER_SEAT_KEY, { code: s.code, seat: room.sessionId, proof: room.reconnectionToken }); // a student
    return s;
  }

  /** The teacher opens a new class (`seatHoldMinutes`: how long an away student's seat is kept; undefined: the whole round). */
  static async teach(scenarioId: string, days?: number, seatHoldMinutes?: number): Promise<ClassroomSession> {
    const client = new Client(serverUrl());
    const opts: ClassroomCreateOptions = { mode: "classroom", scenarioId, ...(days !== undefined ? { days } : {}), ...(seatHoldMinutes !== undefined ? { seatHoldMinutes } : {}) };
    const room = (await client.create(CLASSROOM_ROOM, opts, TissueState)) as Room<any, TissueState>;
    // The secret arrives in the session message; until then the tab is the teacher's by having created the room.
    const s = ClassroomSession.make(client, room, room.roomId, "");
    return s;
  }

  /**
   * A student (no secret) or a returning teacher (with the secret) joins by code. A student's tab that had a seat in
   * this class says which, so that a student removed while their device was away is told instead of let in anew.
   */
  static async join(code: string, hostSecret?: string): Promise<ClassroomSession> {
    const client = new Client(serverUrl());
    const formerSeat = hostSecret ? null : readFormerSeat(code);
    const options: ClassroomJoinOptions = hostSecret ? { hostSecret }
      : formerSeat ? { formerSeat: formerSeat.seat, ...(formerSeat.proof ? { seatProof: formerSeat.proof } : {}) } : {};
    const room = (await client.joinById(code, options, TissueState)) as Room<any, TissueState>;
    return ClassroomSession.make(client, room, code, hostSecret ?? null);
  }

  /** After a reload: the seat's reconnection token while the class still holds the seat, else (teacher only) the code and secret; null if neither works. */
  static async resumeClass(): Promise<ClassroomSession | null> {
    const marker = readMarker();
    if (!marker) return null;
    const token = readToken(HELD_TOKEN_MAX_AGE_S); // the class holds a student's seat for the round: the server says if it still does
    if (token) {
      try {
        const client = new Client(serverUrl());
        const room = (await client.reconnect(token, TissueState)) as Room<any, TissueState>;
        return ClassroomSession.make(client, room, marker.code, marker.hostSecret ?? null);
      } catch { clearToken(); }
    }
    if (marker.hostSecret) {
      try { return await ClassroomSession.join(marker.code, marker.hostSecret); } catch { /* the class is over */ }
    }
    forgetClass();
    return null;
  }

  /** What the tab remembers of its class (the student's join form pre-fills the code). */
  static remembered(): ClassMarker | null { return readMarker(); }

  isTeacher(): boolean { return this.hostSecret !== null; }
  override isHost(): boolean { return this.isTeacher(); }

  /** Sends a teacher action with the host secret. */
  teacher(action: TeacherAction): void {
    if (!this.hostSecret) return;
    this.room.send(ClassroomClientMessage.teacher, { ...action, secret: this.hostSecret });
  }

  /** The HUD's pause / speed / restart buttons become teacher actions (restart opens a new round's lobby). */
  override control(p: ControlPayload): void {
    if (p.action === "speed") this.teacher({ action: "speed", speed: p.speed });
    else if (p.action === "restart") this.teacher({ action: "newRound" });
    else this.teacher({ action: p.action });
  }

  onSession(cb: Cb<SessionInfo>): () => void { return this.add("session", cb); }
  onDashboard(cb: Cb<Dashboard>): () => void { return this.add("dashboard", cb); }
  onRounds(cb: Cb<RoundSummary[]>): () => void { return this.add("rounds", cb); }
  onRemoved(cb: Cb<string>): () => void { return this.add("removed", cb); }
  /** The teacher closed the class (the words to show); the room disconnects this page just after. */
  onClosed(cb: Cb<string>): () => void { return this.add("closed", cb); }
  onHistory(cb: Cb<RoundHistory>): () => void { return this.add("history", cb); }

  /** A server shutting down keeps its live classes' checkpoints, so a class's page tries its seat again after a restart. */
  protected override mayComeBack(code: number): boolean {
    return super.mayComeBack(code) || code === SERVER_SHUTDOWN;
  }

  /** A class holds a student's seat for the whole round: a dropped page keeps trying until the server refuses its token. */
  protected override holdsSeatLong(): boolean {
    return true;
  }

  /** A student's leave forgets the class; the teacher's keeps code and secret, so "Teach a class" can return to it. */
  override async leave(): Promise<void> {
    if (!this.hostSecret) forgetClass();
    await super.leave();
  }

  protected override attach(room: Room<any, TissueState>): void {
    super.attach(room);
    room.reconnection.maxRetries = CLASS_QUICK_RETRIES;
    this.quiz.attach(room);
    room.onMessage(ClassroomServerMessage.session, (info: SessionInfo) => {
      if (!info || typeof info.hostSecret !== "string") return;
      this.code = info.code;
      this.hostSecret = info.hostSecret;
      this.joinPath = info.joinPath;
      this.spectator = true;
      writeMarker({ code: info.code, hostSecret: info.hostSecret });
      this.fire("session", info);
    });
    room.onMessage(ClassroomServerMessage.dashboard, (d: Dashboard) => {
      if (!d || !Array.isArray(d.rows)) return;
      this.dashboard = d;
      this.fire("dashboard", d);
    });
    room.onMessage(ClassroomServerMessage.rounds, (r: RoundSummary[]) => {
      if (!Array.isArray(r)) return;
      this.rounds = r;
      this.fire("rounds", r);
    });
    room.onMessage(ClassroomServerMessage.removed, (p: unknown) => {
      const o = p as { message?: unknown; text?: unknown; reason?: unknown } | string | null;
      const text = typeof o === "string" ? o : [o?.reason, o?.message, o?.text].find((t): t is string => typeof t === "string") ?? "";
      this.removedText = text || "Your teacher has taken you out of this class.";
      forgetClass();
      this.fire("removed", this.removedText);
    });
    // attach runs for the first room (from the constructor, before the join resolves to the caller, so these come
    // in time) and for each new room a reconnection brings; the SDK's own reconnection keeps the room and handlers.
    room.onMessage(ClassroomServerMessage.closed, (payload: unknown) => {
      const reason = (payload as Partial<ClassClosed> | null)?.reason;
      this.closedText = typeof reason === "string" && reason ? reason : "The class is closed.";
      this.fire("closed", this.closedText);
    });
    room.onMessage(ClassroomServerMessage.history, (payload: unknown) => {
      const checked = checkRoundHistory(payload);
      if (!checked.ok) return console.warn(`history refused: ${checked.error}`);
      this.history = checked.value;
      this.fire("history", checked.value);
    });
  }

  private add<K extends keyof ClassroomSession["cbs"]>(k: K, cb: ClassroomSession["cbs"][K][number]): () => void {
    (this.cbs[k] as unknown[]).push(cb);
    return () => { const list = this.cbs[k] as unknown[]; const i = list.indexOf(cb); if (i >= 0) list.splice(i, 1); };
  }
  private fire<K extends keyof ClassroomSession["cbs"]>(k: K, v: Parameters<ClassroomSession["cbs"][K][number]>[0]): void {
    for (const cb of [...this.cbs[k]] as Cb<typeof v>[]) { try { cb(v); } catch (e) { console.error(e); } }
  }
}
