// Who may reserve a seat in a class, decided when the seat is reserved (Colyseus' joinById over HTTP), not only
// when the device connects: otherwise anyone with the code could fill the room with reservations that are never
// used and Colyseus would lock it, shutting out the teacher and the students. The class keeps its teacher's seats
// for the host secret alone; a student's reservation is refused while the class is closed, locked or (with late
// joining off) playing, or when its student seats are taken, and it lapses after a few seconds if unused.
// Dropped devices coming back use the seat Colyseus holds for them and never come through here.
// Installed on ClassroomRoom by guardSeats().

import { ErrorCode, ServerError, matchMaker, type Room } from "@colyseus/core";
import { MAX_STUDENTS, REMOVED_TEXT } from "../../../shared/net/classroom.ts";

/** Teacher connections at once (a laptop, the projector, a tablet), beyond the students. */
export const TEACHER_CONNECTIONS = 4;
/** Seconds a student's reservation waits for its device to connect (a page connects within a second or two). */
export const STUDENT_RESERVATION_SECONDS = 6;

/** Who a Colyseus seat reservation (a connection slot, not a seat in the game) is for: a teacher's device or a student. */
export type ReservationKind = "teacher" | "student";

/** What the door needs to know about its class, asked at each reservation. */
export interface ClassAtTheDoor {
  closed(): boolean;
  locked(): boolean;
  /** Playing with late joining off: no new students. */
  lateJoinClosed(): boolean;
  /** Students who have a seat (connected or awaited after a drop). */
  students(): number;
  /** Teacher connections now (connected or awaited after a drop). */
  teachers(): number;
  isHostSecret(secret: unknown): boolean;
  /** Whether the teacher removed the seat a device names as its former one. */
  removed(formerSeat: unknown): boolean;
}

export type DoorAnswer = { ok: true; kind: ReservationKind; seconds?: number } | { ok: false; reason: string };

export class SeatDoor {
  private readonly pending = new Map<string, { kind: ReservationKind; until: number }>();
  private creator: string | null = null;
  private readonly room: ClassAtTheDoor;
  private readonly now: () => number;

  constructor(room: ClassAtTheDoor, now: () => number = Date.now) {
    this.room = room;
    this.now = now;
  }

  /** Whether this session holds the reservation made when the class was created (the teacher's page). */
  isCreator(sessionId: string): boolean {
    return this.creator === sessionId;
  }

  /** A class with no creating page (one resumed after a restart): nobody reserves a seat as its creator. */
  noCreator(): void {
    this.creator ??= "";
  }

  /** Decides a new reservation (`options`: the join options sent with it) and, if it is let in, holds its place. */
  admit(sessionId: string, options: unknown, defaultSeconds: number): DoorAnswer {
    const answer = this.decide(options, defaultSeconds);
    if (!answer.ok) return answer;
    if (answer.creator) this.creator = sessionId;
    this.pending.set(sessionId, { kind: answer.kind, until: this.now() + answer.seconds * 1000 });
    return answer;
  }

  /** Why a reservation with these options would be refused now, or null (nothing is held). */
  refusal(options: unknown): string | null {
    const answer = this.decide(options, STUDENT_RESERVATION_SECONDS);
    return answer.ok ? null : answer.reason;
  }

  private decide(options: unknown, defaultSeconds: number): (DoorAnswer & { ok: false }) | { ok: true; kind: ReservationKind; seconds: number; creator: boolean } {
    const o = (typeof options === "object" && options !== null ? options : {}) as Record<string, unknown>;
    if (this.room.closed()) return { ok: false, reason: "That class has ended." };
    const counts = this.pendingCounts();
    if (this.creator === null && o.mode === "classroom") return { ok: true, kind: "teacher", seconds: defaultSeconds, creator: true };
    if (o.hostSecret !== undefined) {
      if (!this.room.isHostSecret(o.hostSecret)) return { ok: false, reason: "that is not this class's host secret" };
      if (this.room.teachers() + counts.teacher >= TEACHER_CONNECTIONS) return { ok: false, reason: `the teacher already has ${TEACHER_CONNECTIONS} devices in this class` };
      return { ok: true, kind: "teacher", seconds: defaultSeconds, creator: false };
    }
    if (this.room.removed(o.formerSeat)) return { ok: false, reason: REMOVED_TEXT };
    if (this.room.locked()) return { ok: false, reason: "This class is locked: ask your teacher" };
    if (this.room.lateJoinClosed()) return { ok: false, reason: "This class has already started and late joining is off: ask your teacher" };
    if (this.room.students() + counts.student >= MAX_STUDENTS) return { ok: false, reason: `This class is full (${MAX_STUDENTS} students): ask your teacher` };
    return { ok: true, kind: "student", seconds: Math.min(defaultSeconds, STUDENT_RESERVATION_SECONDS), creator: false };
  }

  /** The reservation was used (the device joined) or given up: it no longer holds a place. */
  release(sessionId: string): void {
    this.pending.delete(sessionId);
  }

  /** Reservations not yet used nor lapsed, by kind. */
  pendingCounts(): Record<ReservationKind, number> {
    const t = this.now();
    const counts = { teacher: 0, student: 0 };
    for (const [id, p] of this.pending) {
      if (p.until <= t) this.pending.delete(id);
      else counts[p.kind]++;
    }
    return counts;
  }

}

/** A room with a seat door: says why a reservation would be refused (ClassroomRoom). */
interface DoorKeeper { seatRefusal(options: unknown): string | null }

/**
 * Colyseus answers a refused reservation as "<code> is already full."; this makes a joinById to a room with a door
 * answer with the door's own words instead (the SDK's join then rejects with them). Installed once by server/app.ts.
 */
let explaining = false;
export function explainSeatRefusals(): void {
  if (explaining) return;
  explaining = true;
  const controller = matchMaker.controller;
  const invoke = controller.invokeMethod.bind(controller);
  controller.invokeMethod = async (method, roomName, clientOptions, authOptions) => {
    if (method === "joinById") {
      const room = matchMaker.getLocalRoomById(roomName) as (Room & Partial<DoorKeeper>) | undefined;
      const reason = room?.seatRefusal?.(clientOptions);
      if (reason) throw new ServerError(ErrorCode.AUTH_FAILED, reason);
    }
    return invoke(method, roomName, clientOptions, authOptions);
  };
}

type ReserveSeat = (sessionId: string, joinOptions?: unknown, authData?: unknown, seconds?: number, allowReconnection?: boolean, devModeToken?: string) => Promise<boolean>;

/**
 * Puts the door in front of Colyseus' seat reservation for `room` (its `_reserveSeat`, which joinById calls): a
 * refused reservation is answered as Colyseus answers a full room, and a student's lapses after its few seconds.
 */
export function guardSeats(room: Room, door: SeatDoor, onRefused?: (reason: string) => void): void {
  const r = room as unknown as { _reserveSeat: ReserveSeat; seatReservationTimeout: number };
  const reserve = r._reserveSeat;
  r._reserveSeat = function doorReserveSeat(this: Room, sessionId, joinOptions, authData, seconds, allowReconnection, devModeToken) {
    if (allowReconnection) return reserve.call(this, sessionId, joinOptions, authData, seconds, allowReconnection, devModeToken);
    const answer = door.admit(sessionId, joinOptions, seconds ?? r.seatReservationTimeout);
    if (!answer.ok) {
      onRefused?.(answer.reason);
      return Promise.resolve(false);
    }
    return reserve.call(this, sessionId, joinOptions, authData, answer.seconds, allowReconnection, devModeToken).then((ok) => {
      if (!ok) door.release(sessionId);
      return ok;
    });
  };
}
