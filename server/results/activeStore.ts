// The results store of this process, set by createGameServer (server/app.ts) and read by the classroom room at the
// end of each round. One per process, like Colyseus' matchmaker; before any server is created it is an in-memory one.

import { openResultsStore, type ResultsStore } from "./resultsStore.ts";

let active: ResultsStore | undefined;

/** Makes `store` the one the rooms save into. */
export function setResultsStore(store: ResultsStore): void {
  active = store;
}

/** The store the rooms save into (an in-memory one if no server set one, so a room test never touches a file). */
export function getResultsStore(): ResultsStore {
  active ??= openResultsStore(":memory:");
  return active;
}
