// A class on a server that is stopping (server/drain/drainServer.ts): a round in progress ends exactly as the
// teacher's "end the round" ends it (ClassroomRoom.act, teacherDesk.ts: the debrief, the results saved), the checkpoint
// keeps that end (a restart opens the next round's lobby, never the same round twice), and, once the saves are
// settled, every device of the class is told in a sentence. Called for each class by drainServer.

import type { Client } from "@colyseus/core";
import type { TeacherAction } from "../../../shared/net/classroom.ts";
import { ServerMessage } from "../../../shared/net/messages.ts";
import { classRestartText, type ServerNotice } from "../../../shared/net/serverNotice.ts";

/** What draining needs of a class (ClassroomRoom is one). */
export interface DrainableClass {
  readonly code: string;
  readonly phase: string;
  readonly clients: Iterable<Client>;
  /** The teacher's actions: "end" ends a running round, its results saved. */
  act(a: TeacherAction): string | null;
  /** Saves the class's checkpoint now (it then holds the ended round). */
  keepCheckpoint(): void;
}

/** Ends the class's running round now; true if there was one and it ended. */
export function endClassRound(c: DrainableClass): boolean {
  const running = c.phase === "playing";
  const refused = running ? c.act({ action: "end" }) : "not running";
  if (refused !== null && running) console.error(`[classroom ${c.code}] could not end the round while draining: ${refused}`);
  c.keepCheckpoint();
  return refused === null;
}

/** The notice for the class's devices: whether its round just ended and whether its results reached the store. */
export function classNotice(code: string, roundEnded: boolean, saved: boolean): ServerNotice {
  const text = saved
    ? classRestartText(code, roundEnded)
    : `This server is restarting, and this round's results could not be saved in time. Class ${code} opens again when the server is back.`;
  return { kind: "restarting", text, resultsSaved: saved };
}

/** Tells every device of the class (teacher and students) with the notice. */
export function tellClass(c: DrainableClass, notice: ServerNotice): void {
  for (const client of c.clients) client.send(ServerMessage.serverNotice, notice);
}
