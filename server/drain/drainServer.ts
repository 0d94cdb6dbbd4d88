// What a server process does when it is told to stop (SIGTERM or SIGINT, through Colyseus' shutdown: server/main.ts
// hooks this in before the rooms are disposed): it drains. Matchmaking is refused from the first moment
// (drainRefusal.ts: no new rooms, nobody seated); each class's round in progress ends as the teacher's "end the
// round" would and its results are saved (rooms/classroom/drainRound.ts); the saves are awaited, at most
// DRAIN_SAVE_MS; then every device of every room is told in the game's words (ServerMessage.serverNotice) and,
// after a moment for the words to leave, Colyseus closes the rooms and the process exits 0.

import { matchMaker, type Room } from "@colyseus/core";
import { ServerMessage } from "../../shared/net/messages.ts";
import { SOLO_RESTART_TEXT, type ServerNotice } from "../../shared/net/serverNotice.ts";
import { getResultsStore, setResultsStore } from "../results/activeStore.ts";
import { ClassroomRoom } from "../rooms/ClassroomRoom.ts";
import { classNotice, endClassRound, tellClass } from "../rooms/classroom/drainRound.ts";
import { drainRefusal, startDraining } from "./drainRefusal.ts";
import { trackSaves } from "./pendingSaves.ts";

/** The longest wait for the results being written, ms: a store that hangs does not hold the process forever. */
export const DRAIN_SAVE_MS = 10_000;
/** Time for the notices, the debriefs and the last patch to leave before the rooms close, ms (a few patches). */
export const NOTICE_FLUSH_MS = 400;

export interface DrainReport {
  classes: number;
  roundsEnded: number;
  otherRooms: number;
  /** Classes whose results were not (yet) in the store when the wait ended. */
  unsaved: string[];
}

export interface DrainOptions {
  saveWithinMs?: number;
  flushMs?: number;
  log?: (line: string) => void;
}

/** The rooms this process holds (with Redis, the listing also has other processes' rooms: those are not ours). */
async function localRooms(): Promise<Room[]> {
  const listings = await matchMaker.query({});
  return listings
    .filter((l) => !l.processId || l.processId === matchMaker.processId)
    .map((l) => matchMaker.getLocalRoomById(l.roomId))
    .filter((r): r is Room => r !== undefined);
}

const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

/** Drains this process once (a second call while draining returns null at once). */
export async function drainServer(options: DrainOptions = {}): Promise<DrainReport | null> {
  if (drainRefusal()) return null;
  startDraining();
  const log = options.log ?? console.log;
  const saves = trackSaves(getResultsStore());
  setResultsStore(saves.store);
  const rooms = await localRooms();
  const classes: { room: ClassroomRoom; ended: boolean }[] = [];
  const others: Room[] = [];
  for (const room of rooms) {
    if (!(room instanceof ClassroomRoom)) others.push(room);
    else if (!room.closed) {
      try {
        classes.push({ room, ended: endClassRound(room) });
      } catch (err) {
        console.error(`[classroom ${room.code}] could not end its round while draining:`, err);
        classes.push({ room, ended: false });
      }
    }
  }
  const solo: ServerNotice = { kind: "restarting", text: SOLO_RESTART_TEXT, resultsSaved: false };
  for (const room of others) room.broadcast(ServerMessage.serverNotice, solo);
  if (classes.length) log(`Draining: ${classes.filter((c) => c.ended).length} round(s) in progress ended; saving the results of ${classes.length} class(es)…`);
  const outcomes = await saves.settled(options.saveWithinMs ?? DRAIN_SAVE_MS);
  const unsaved: string[] = [];
  for (const { room, ended } of classes) {
    const outcome = outcomes.get(room.code) ?? "saved"; // nothing to write (a lobby): nothing lost
    if (outcome !== "saved") unsaved.push(room.code);
    tellClass(room, classNotice(room.code, ended, outcome === "saved"));
  }
  await sleep(options.flushMs ?? NOTICE_FLUSH_MS);
  const report: DrainReport = { classes: classes.length, roundsEnded: classes.filter((c) => c.ended).length, otherRooms: others.length, unsaved };
  log(`Drained: ${report.classes} class(es) (${report.roundsEnded} round(s) ended and saved), ${report.otherRooms} other game(s) told.`
    + (unsaved.length ? ` Not saved in time: ${unsaved.join(", ")}.` : ""));
  return report;
}
