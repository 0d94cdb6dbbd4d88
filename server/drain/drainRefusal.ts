// Whether this process is draining (server/drain/drainServer.ts), and the sentence matchmaking answers while it is:
// a draining server makes no new rooms and seats nobody new (http/matchmakeGuard.ts answers 503 with it).
// One per process, like Colyseus' matchmaker.

export const DRAIN_REFUSAL = "This server is restarting and takes no new games or classes right now. Try again in a minute.";

let draining = false;

/** From now on, matchmaking is refused. */
export function startDraining(): void {
  draining = true;
}

/** The sentence to answer matchmaking with while draining, else null. */
export function drainRefusal(): string | null {
  return draining ? DRAIN_REFUSAL : null;
}

/** Tests that reuse a process: back to taking rooms. */
export function stopDrainingForTests(): void {
  draining = false;
}
