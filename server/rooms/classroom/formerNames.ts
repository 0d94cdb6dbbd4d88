// The nicknames of students whose seats were let go (the device stayed away longer than the class keeps a seat, the
// round ended while it was away, or the student left), by seat id, so that a device joining the class again by code
// with its former seat id (ClassroomJoinOptions.formerSeat) gets its own nickname back, if nobody has it now. A
// removed student's seat is refused at the door before this is asked. Bounded. Used by ClassroomRoom.onLeave/onJoin.

/** How many let-go seats a class remembers (more than a class's size, over a lesson). */
export const FORMER_NAMES_KEPT = 200;

export class FormerNames {
  private readonly names = new Map<string, string>();

  /** A student's seat is let go: remember its nickname. */
  remember(seatId: string, name: string): void {
    if (!name) return;
    this.names.delete(seatId);
    this.names.set(seatId, name);
    if (this.names.size > FORMER_NAMES_KEPT) this.names.delete(this.names.keys().next().value!);
  }

  /** The nickname seat `formerSeat` had, if remembered and nobody in the class has it now; given back once. */
  take(formerSeat: unknown, inUse: (name: string) => boolean): string | undefined {
    if (typeof formerSeat !== "string") return undefined;
    const name = this.names.get(formerSeat);
    if (name === undefined || inUse(name)) return undefined;
    this.names.delete(formerSeat);
    return name;
  }
}
