// The nicknames of students whose seats were let go (the device stayed away longer than the class keeps a seat, the
// round ended while it was away, or the student left), by seat id, so that a device joining the class again by code
// with its former seat id (ClassroomJoinOptions.formerSeat) gets its own nickname back (new students' nicknames avoid
// the kept ones), and its quiz sheet. Seat ids
// are in the state every device gets, so the device also shows a proof (seatProof): a reconnection token the seat's
// device was given (kept here from each join and reconnection), which no other device has seen; without it a classmate
// could take a departed student's nickname, and with it their results. A removed student's seat is refused at the door
// before this is asked. Bounded. Used by ClassroomRoom (onJoin, onReconnect, onLeave) and resume.ts.

import { secretMatches } from "./joinCodes.ts";

/** How many let-go seats a class remembers (more than a class's size, over a lesson). */
export const FORMER_NAMES_KEPT = 200;
/** Reconnection tokens kept per seat: its first and its latest (a device reconnects after each drop). */
export const PROOFS_KEPT = 16;

interface Former { name: string; proofs: string[] }

export class FormerNames {
  private readonly names = new Map<string, Former>();
  /** The reconnection tokens ("roomId:token", as the device holds them) of each student's seat in the class now. */
  private readonly proofs = new Map<string, string[]>();

  /** The seat's device (re)joined and was given this reconnection token. */
  token(seatId: string, token: string): void {
    const list = this.proofs.get(seatId) ?? [];
    list.push(token);
    if (list.length > PROOFS_KEPT) list.splice(1, 1); // the first stays: a tab keeps the token it joined with
    this.proofs.set(seatId, list);
  }

  /** A student's seat is let go: remember its nickname and its device's tokens. */
  remember(seatId: string, name: string): void {
    const proofs = this.proofs.get(seatId) ?? [];
    this.proofs.delete(seatId);
    if (!name || proofs.length === 0) return;
    this.names.delete(seatId);
    this.names.set(seatId, { name, proofs });
    if (this.names.size > FORMER_NAMES_KEPT) this.names.delete(this.names.keys().next().value!);
  }

  /** A seat let go with no nickname to give back (a teacher's device, a removed student): its tokens are forgotten. */
  drop(seatId: string): void {
    this.proofs.delete(seatId);
  }

  /** The nicknames kept for students who may come back: a new student's nickname is none of these (ClassRoster). */
  keptNames(): string[] {
    return [...this.names.values()].map((f) => f.name);
  }

  /**
   * Whether a joining device is seat `formerSeat`'s student back: `proven` when the seat is remembered and `proof` is
   * one of its device's tokens (given once; their quiz sheet follows them), and `name`, the seat's nickname, when
   * nobody in the class has it now.
   */
  take(formerSeat: unknown, proof: unknown, inUse: (name: string) => boolean): { proven: boolean; name?: string } {
    if (typeof formerSeat !== "string" || typeof proof !== "string") return { proven: false };
    const former = this.names.get(formerSeat);
    if (former === undefined || !former.proofs.some((p) => secretMatches(proof, p))) return { proven: false };
    this.names.delete(formerSeat);
    return inUse(former.name) ? { proven: true } : { proven: true, name: former.name };
  }
}
