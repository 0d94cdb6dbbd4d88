// How many orders may wait for the model, pure: each seat may have at most `perSeat` orders sent since the tissue last
// moved (a paused room's, or a flood faster than the model's ticks), so one seat that floods is refused with a
// sentence while its classmates' orders still go in; and the room at most `perRoom` in all (the memory bound).
// Orders and ticks; called by server/rooms/commandDoor.ts at the door, before an order becomes a round input.

/** Most orders one seat may send between two moves of the tissue (an honest player sends a few a tick at most). */
export const MAX_PENDING_PER_SEAT = 40;

export class PendingOrders {
  private tick = Number.NaN;
  private readonly bySeat = new Map<string, number>();

  private readonly caps: { perSeat: number; perRoom: number };

  constructor(caps: { perSeat: number; perRoom: number }) {
    this.caps = caps;
  }

  /**
   * Null and the order counted against `seatId`, or why it is refused: the seat's own orders since the model's tick was
   * `tick` are at the cap, or the room's `roomWaiting` orders are. A new tick (the tissue moved, a new round) starts
   * every seat's count again.
   */
  take(seatId: string, tick: number, roomWaiting: number): string | null {
    if (tick !== this.tick) {
      this.tick = tick;
      this.bySeat.clear();
    }
    const mine = this.bySeat.get(seatId) ?? 0;
    if (mine >= this.caps.perSeat) {
      return `you have sent ${mine} orders that are still waiting for the tissue to move: wait until they are carried out (a paused game carries them out when it resumes)`;
    }
    if (roomWaiting >= this.caps.perRoom) return "too many orders are waiting: resume the game first";
    this.bySeat.set(seatId, mine + 1);
    return null;
  }

  /** Orders `seatId` has sent since the tissue last moved (tests, the dashboard). */
  waiting(seatId: string): number {
    return this.bySeat.get(seatId) ?? 0;
  }
}
