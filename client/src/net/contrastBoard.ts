// The contrasts of the room's last round as the client knows them: the latest status (queued, running, done…), the
// planned contrasts and every finished one, gathered from ServerMessage.contrast updates (each result comes once).
// A new round number starts a fresh board. Fed by GameSession; read by ui/contrastView.ts.

import type { ContrastResult, ContrastUpdate } from "../../../shared/net/contrast.ts";

export class ContrastBoard {
  status: ContrastUpdate | null = null;
  readonly results = new Map<string, ContrastResult>();
  private readonly listeners = new Set<() => void>();

  /** Takes one update from the server (ignores what is not an object with a round number). */
  take(u: ContrastUpdate): void {
    if (typeof u !== "object" || u === null || typeof u.round !== "number" || !Array.isArray(u.planned)) return;
    if (this.status && this.status.round !== u.round) this.results.clear();
    this.status = { ...u, result: undefined };
    if (u.result && typeof u.result.id === "string") this.results.set(u.result.id, u.result);
    for (const cb of [...this.listeners]) {
      try { cb(); } catch (e) { console.error(e); }
    }
  }

  /** Called after every update; returns its remover. */
  onChange(cb: () => void): () => void {
    this.listeners.add(cb);
    return () => this.listeners.delete(cb);
  }
}
