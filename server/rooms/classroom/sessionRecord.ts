// A class's row in the results store, written only once the class keeps a result: its first finished round, or its
// first quiz answer (issue 13: a class opened and left, or one of a visitor's empty classes, leaves no row for the
// 30 days of retention). Until then the host secret lives only in the room (liveSecrets.ts answers for it).
// Held by ClassroomRoom.

import { getResultsStore } from "../../results/activeStore.ts";

export interface SessionRow { code: string; hostSecret: string; scenarioId: string }

export class SessionRecord {
  private saved = false;
  private readonly row: () => SessionRow;

  constructor(row: () => SessionRow) {
    this.row = row;
  }

  /** Whether the row has been written. */
  get kept(): boolean {
    return this.saved;
  }

  /** Writes the row if not yet written (a failure is logged; the next result tries again). */
  keep(): void {
    if (this.saved) return;
    const row = this.row();
    // a class resumed after a crash knows its secret only once the teacher shows it: no row with an empty secret
    if (!row.hostSecret) return;
    this.saved = true;
    getResultsStore().saveSession(row).catch((err: unknown) => {
      this.saved = false;
      console.error(`[classroom ${row.code}] could not save the session:`, err);
    });
  }
}
