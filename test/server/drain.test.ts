// A server process that is stopped drains (server/drain/drainServer.ts): a real server process (as `npm start` runs
// it, results in a SQLite file of its own) holds a class whose round is running with three SDK students; SIGTERM is
// sent (someone is also practising solo). Every device is told in a sentence (serverNotice), the round ends as the teacher's "end the round" ends it
// (a debrief on every device), a new class asked for meanwhile is refused with 503 and a sentence, the process exits
// 0, and the round is in the results file. Started again on the same file, the class is back in the next round's
// lobby (its students may join again with the code) and the round is kept once, not twice. Everything on 127.0.0.1.

import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, test } from "vitest";
import { Client, type Room } from "@colyseus/sdk";
import { ClassroomClientMessage, ClassroomServerMessage, type SessionInfo } from "../../shared/net/classroom.ts";
import { ServerMessage } from "../../shared/net/messages.ts";
import { SOLO_RESTART_TEXT, checkServerNotice, type ServerNotice } from "../../shared/net/serverNotice.ts";
import { DRAIN_REFUSAL } from "../../server/drain/drainRefusal.ts";
import { openResultsStore } from "../../server/results/resultsStore.ts";
import { startServerProcess, type ServerProcess } from "../e2e/serverProcess.ts";
import { waitFor } from "./startTestServer.ts";

const dir = mkdtempSync(join(tmpdir(), "cytokine-drain-"));
const resultsFile = join(dir, "results.sqlite");
const env = { RESULTS_DB: resultsFile };
let server: ServerProcess | null = null;

afterAll(async () => {
  await server?.stop();
  rmSync(dir, { recursive: true, force: true });
});

/** An SDK device that keeps every server notice, debrief and close code it gets (and quietly takes everything else). */
function device(room: Room) {
  const d = { room, notices: [] as unknown[], debriefs: 0, left: [] as number[] };
  room.onMessage("*", () => {});
  room.onMessage(ServerMessage.serverNotice, (n: unknown) => d.notices.push(n));
  room.onMessage(ServerMessage.debrief, () => d.debriefs++);
  room.onLeave((code: number) => d.left.push(code));
  return d;
}

describe("a server process that is stopped drains", () => {
  test("SIGTERM mid-round: devices told, round saved as the teacher's end would, new classes refused, exit 0", async () => {
    server = await startServerProcess({ env });
    const url = server.baseUrl.replace("http", "ws");
    const teacherRoom = await new Client(url).create("classroom", { mode: "classroom", days: 2 });
    const sessions: SessionInfo[] = [];
    teacherRoom.onMessage(ClassroomServerMessage.session, (s: SessionInfo) => sessions.push(s));
    const teacher = device(teacherRoom);
    await waitFor("the session info", () => sessions.length > 0, 15_000);
    const { code, hostSecret } = sessions[0];
    const students: ReturnType<typeof device>[] = [];
    for (let k = 0; k < 3; k++) students.push(device(await new Client(url).joinById(code)));
    await waitFor("three students seated", () => {
      let n = 0;
      teacherRoom.state.seats.forEach((seat: { bot: string }) => { if (!seat.bot) n++; });
      return n === 3;
    }, 15_000);
    const act = (action: Record<string, unknown>) => teacherRoom.send(ClassroomClientMessage.teacher, { secret: hostSecret, ...action });
    act({ action: "autoBalance" });
    act({ action: "start" });
    await waitFor("the round to run a few ticks", () => teacherRoom.state.phase === "playing" && teacherRoom.state.tick > 5, 30_000);
    const solo = device(await new Client(url).create("tissue", { mode: "solo", scenarioId: "viral", role: "effector" })); // someone practising alone

    // While the process drains (it is told first, then waits a moment before closing), a new class is asked for.
    const exited = server.kill("SIGTERM");
    let createAnswer: { status: number; error: string } | null = null;
    await waitFor("a student to be told", () => students[0].notices.length > 0, 20_000);
    const res = await fetch(`${server.baseUrl}/matchmake/create/classroom`, {
      method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify({ mode: "classroom" }),
    }).catch(() => null);
    if (res) createAnswer = { status: res.status, error: ((await res.json()) as { error: string }).error };
    await exited;
    await waitFor("every device's connection to close", () => [teacher, ...students, solo].every((d) => d.left.length > 0), 10_000);

    expect(server.exited()).toBe("code 0");
    expect(server.output()).toMatch(/Drained: 1 class\(es\) \(1 round\(s\) ended and saved\), 1 other game\(s\) told/);
    expect(createAnswer).toEqual({ status: 503, error: DRAIN_REFUSAL });
    for (const d of [teacher, ...students]) {
      expect(d.notices.length).toBe(1);
      const checked = checkServerNotice(d.notices[0]);
      expect(checked.ok).toBe(true);
      const notice = (checked as { value: ServerNotice }).value;
      expect(notice).toMatchObject({ kind: "restarting", resultsSaved: true });
      expect(notice.text).toContain("Your class's results are saved");
      expect(d.debriefs).toBe(1); // the round ended as the teacher's "end" ends it: a debrief on every device
      expect(d.left).toEqual([4001]); // Colyseus' "server shutdown": a class's page tries its seat again after the restart
    }

    expect(solo.notices).toEqual([{ kind: "restarting", text: SOLO_RESTART_TEXT, resultsSaved: false }]);
    expect(solo.left).toEqual([4001]);

    const store = openResultsStore(resultsFile);
    const rounds = await store.rounds(code);
    await store.close();
    expect(rounds.length).toBe(1);
    expect(rounds[0].players.length).toBe(3);
    expect(rounds[0].outcome).not.toBe("ongoing");

    // Back on the same file: the class opens its next round's lobby; the round is not played (or saved) twice.
    server = await startServerProcess({ env });
    expect(server.output()).toContain(`Resumed class ${code}: round 2 in the lobby`);
    const again = await new Client(server.baseUrl.replace("http", "ws")).joinById(code, { hostSecret });
    device(again);
    await waitFor("the class's state", () => again.state.phase === "lobby" && again.state.round === 2, 15_000);
    await again.leave();
    const reopened = openResultsStore(resultsFile);
    expect((await reopened.rounds(code)).length).toBe(1);
    await reopened.close();
  }, 120_000);
});
