// A finished round's results outlive the server: a real server process (as `npm start` runs it, results in a SQLite
// file of its own) holds a class whose teacher starts and ends a round; the process is stopped and a new one started
// on the same file; the teacher's CSV download still has a row for each student. Everything on 127.0.0.1.

import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, test } from "vitest";
import { Client } from "@colyseus/sdk";
import { ClassroomClientMessage, ClassroomServerMessage, type SessionInfo } from "../../shared/net/classroom.ts";
import { ServerMessage } from "../../shared/net/messages.ts";
import { startServerProcess, type ServerProcess } from "../e2e/serverProcess.ts";
import { waitFor } from "./startTestServer.ts";

const dir = mkdtempSync(join(tmpdir(), "cytokine-results-"));
const env = { RESULTS_DB: join(dir, "results.sqlite") };
let server: ServerProcess | null = null;

afterAll(async () => {
  await server?.stop();
  rmSync(dir, { recursive: true, force: true });
});

describe("results and a server restart", () => {
  test("a finished round's results are still there after the server restarts", async () => {
    server = await startServerProcess({ env });
    const url = server.baseUrl.replace("http", "ws");
    const teacher = await new Client(url).create("classroom", { mode: "classroom", days: 0.25 });
    const sessions: SessionInfo[] = [];
    let debriefs = 0;
    teacher.onMessage(ClassroomServerMessage.session, (s: SessionInfo) => sessions.push(s));
    teacher.onMessage(ServerMessage.debrief, () => debriefs++);
    for (const type of [ClassroomServerMessage.dashboard, ClassroomServerMessage.rounds, ServerMessage.field, ServerMessage.events]) teacher.onMessage(type, () => {});
    await waitFor("the session info", () => sessions.length > 0, 15_000);
    const { code, hostSecret } = sessions[0];

    const students = [];
    for (let k = 0; k < 3; k++) {
      const s = await new Client(url).joinById(code);
      for (const type of Object.values(ServerMessage)) s.onMessage(type, () => {});
      for (const type of Object.values(ClassroomServerMessage)) s.onMessage(type, () => {});
      students.push(s);
    }
    const names = new Set<string>();
    await waitFor("three students seated", () => {
      names.clear();
      teacher.state.seats.forEach((seat: { name: string; bot: string }) => { if (!seat.bot) names.add(seat.name); });
      return names.size === 3;
    }, 15_000);
    const act = (action: Record<string, unknown>) => teacher.send(ClassroomClientMessage.teacher, { secret: hostSecret, ...action });
    act({ action: "autoBalance" });
    act({ action: "start" });
    await waitFor("the round to start", () => teacher.state.phase === "playing", 15_000);
    act({ action: "end" });
    await waitFor("the debrief", () => debriefs > 0, 30_000);

    const csvBefore = await (await fetch(`${server.baseUrl}/api/classroom/${code}/results.csv`, { headers: { "X-Host-Secret": hostSecret } })).text();
    for (const s of students) await s.leave().catch(() => {});
    await teacher.leave().catch(() => {});
    await server.stop();

    server = await startServerProcess({ env });
    const refused = await fetch(`${server.baseUrl}/api/classroom/${code}/results.csv`);
    expect(refused.status).toBe(403);
    const res = await fetch(`${server.baseUrl}/api/classroom/${code}/results.csv`, { headers: { "X-Host-Secret": hostSecret } });
    expect(res.status).toBe(200);
    const csv = await res.text();
    expect(csv).toBe(csvBefore);
    const rows = csv.trim().split(/\r?\n/).slice(1);
    expect(rows.length).toBe(3);
    for (const name of names) expect(csv).toContain(name);
  }, 120_000);
});
