// How many times a teacher may move students to another role while the tissue stands still (a paused or ended round's
// tick): each move after the lobby hands squads over, folds them and seats or unseats a bot, inputs logged with the
// round (replayed by a new thread, kept in the class's checkpoint), so a paused round flooded with moves must not grow
// its log without end. The count starts again when the tissue moves. Ticks. Used by teacherDesk.ts ("assign").

import { MAX_STUDENTS } from "../../../shared/net/classroom.ts";

/** Every student moved twice while the tissue stands still. */
export const MAX_ROLE_CHANGES_PER_TICK = 2 * MAX_STUDENTS;

export class RoleChanges {
  private tick = Number.NaN;
  private made = 0;

  /** Null and the move counted at the model's `tick`, or the sentence it is refused with. */
  take(tick: number): string | null {
    if (tick !== this.tick) {
      this.tick = tick;
      this.made = 0;
    }
    if (this.made >= MAX_ROLE_CHANGES_PER_TICK) {
      return `students have changed roles ${this.made} times while the tissue stood still: let the round move on before changing more`;
    }
    this.made++;
    return null;
  }
}
