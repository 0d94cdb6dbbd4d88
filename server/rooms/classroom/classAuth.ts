// Who a connecting device is in a class, decided in onAuth before it joins: the creator (the teacher's page, once),
// a teacher's device showing the host secret, or a student with the class code alone (and perhaps its former seat),
// refused in a sentence while the class is closed, locked, started with late joining off, or full. A device let in
// holds its place against the class's size until it joins or leaves. Held by ClassroomRoom (seatDoor.ts decides the
// seat reservation before this, over HTTP).

import { MAX_STUDENTS, REMOVED_TEXT, SEAT_PROOF_MAX_LENGTH, type ClassroomJoinOptions } from "../../../shared/net/classroom.ts";
import type { ClassParts } from "./classParts.ts";
import type { ClassAtTheDoor, ReservationKind } from "./seatDoor.ts";

export class ClassAuth {
  /** Set once the creator (the teacher) has been let in: after that the secret is needed to be the teacher. */
  private teacherClaimed: boolean;
  /** Let in, not yet joined: counted against the class size so 30 joins at once cannot overfill it. */
  private readonly reserved = new Map<string, ReservationKind>();
  private readonly room: ClassAtTheDoor;
  private readonly isCreator: (sessionId: string) => boolean;

  /** `resumed`: a class brought back after a restart has no creator to let in. */
  constructor(room: ClassAtTheDoor, isCreator: (sessionId: string) => boolean, resumed: boolean) {
    this.room = room;
    this.isCreator = isCreator;
    this.teacherClaimed = resumed;
  }

  /** Lets the device in (true) and holds its place, or throws the sentence it is told. */
  admit(sessionId: string, options: unknown): true {
    if (this.room.closed()) throw new Error("That class has ended.");
    const o = (options ?? {}) as ClassroomJoinOptions & Record<string, unknown>;
    if (!this.teacherClaimed && o.mode === "classroom" && this.isCreator(sessionId)) {
      this.teacherClaimed = true; // the creator: the teacher's page, with its create options
      this.reserved.set(sessionId, "teacher");
      return true;
    }
    if (typeof o !== "object" || Object.keys(o).some((k) => k !== "hostSecret" && k !== "formerSeat" && k !== "seatProof")) throw new Error("students join with the class code alone");
    if (o.formerSeat !== undefined && (typeof o.formerSeat !== "string" || o.formerSeat.length > 64)) throw new Error("formerSeat must be the seat id this device had in the class");
    if (o.seatProof !== undefined && (typeof o.seatProof !== "string" || o.seatProof.length > SEAT_PROOF_MAX_LENGTH || o.formerSeat === undefined)) {
      throw new Error("seatProof must be the reconnection token this device had for its former seat");
    }
    if (o.formerSeat !== undefined && this.room.removed(o.formerSeat)) throw new Error(REMOVED_TEXT);
    if (o.hostSecret !== undefined) {
      if (!this.room.isHostSecret(o.hostSecret)) throw new Error("that is not this class's host secret");
      this.reserved.set(sessionId, "teacher");
      return true;
    }
    if (this.room.locked()) throw new Error("This class is locked: ask your teacher");
    if (this.room.lateJoinClosed()) throw new Error("This class has already started and late joining is off: ask your teacher");
    const students = this.room.students() + [...this.reserved.values()].filter((k) => k === "student").length;
    if (students >= MAX_STUDENTS) throw new Error(`This class is full (${MAX_STUDENTS} students): ask your teacher`);
    this.reserved.set(sessionId, "student");
    return true;
  }

  /** The device joined: whom it was let in as (its place is no longer held). */
  take(sessionId: string): ReservationKind {
    const kind = this.reserved.get(sessionId) ?? "student";
    this.reserved.delete(sessionId);
    return kind;
  }

  /** The device left before or after joining: its place is no longer held. */
  forget(sessionId: string): void {
    this.reserved.delete(sessionId);
  }
}

/** What the seat door and ClassAuth read of a class (seatDoor.ts ClassAtTheDoor), from its parts. */
export function classAtTheDoor(c: ClassParts): ClassAtTheDoor {
  return {
    closed: () => c.closed,
    locked: () => c.state.locked,
    lateJoinClosed: () => c.phase !== "lobby" && !c.state.lateJoin,
    students: () => c.seats.people().length,
    teachers: () => c.teachers.size,
    isHostSecret: (secret) => c.isHostSecret(secret),
    removed: (seat) => typeof seat === "string" && c.removedSeats.has(seat),
  };
}
