// A class's game server that dies mid-round, in a real browser against the real server process: a teacher (an SDK
// device in the test) opens a class, a student's phone joins by its link and plays; the server is killed outright
// (SIGKILL, a crash). The phone says within seconds that it is reconnecting, offers "Back to the menu", and soon says
// the server is not answering while the class is kept. The server is started again on the same results file: the
// class comes back from its checkpoint and the phone returns to its own seat by itself. Killed once more, the student
// takes the menu: the join form waits with the class code, and once the server is back, Join takes the phone back to
// its own seat (the same nickname). Stopped on purpose (SIGTERM), the server ends the round as the teacher would and
// the phone says the server is restarting; started again, the phone is back in its seat in the next round's lobby.
// Screenshots in test-artifacts/e2e/class-gone-*.png.

import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, test } from "vitest";
import { Client, type Room } from "@colyseus/sdk";
import { ClassroomClientMessage, ClassroomServerMessage, type SessionInfo } from "../../shared/net/classroom.ts";
import { NOT_ANSWERING_TITLE, RECONNECT_TITLE } from "../../client/src/classroom/reconnectVeil.ts";
import { RESTART_TITLE } from "../../shared/net/serverNotice.ts";
import { ARTIFACTS_DIR, type TestBrowser } from "./browser.ts";
import { startServerProcess, type ServerProcess } from "./serverProcess.ts";
import { useRig } from "./testRig.ts";

const NAME = "class-gone";
const PHONE = { width: 390, height: 844 };
const dir = mkdtempSync(join(tmpdir(), "cytokine-class-gone-"));
const env = { RESULTS_DB: join(dir, "results.sqlite") };
/** Said within seconds; coming back waits for the page's next try (at most 15 s apart) after the server is up. */
const TOLD = { timeout: 10_000, interval: 200 };
const BACK = { timeout: 60_000, interval: 500 };
let server: ServerProcess;
let tb: TestBrowser;
const later: ServerProcess[] = [];

useRig(NAME, PHONE, (s, b) => {
  server = s;
  tb = b;
}, { env });
afterAll(async () => {
  later.forEach((s, i) => writeFileSync(join(ARTIFACTS_DIR, `${NAME}-server-${i + 2}.log`), s.output()));
  for (const s of later) await s.stop();
  rmSync(dir, { recursive: true, force: true });
});

const veilTitle = () => tb.page.locator("#reconnect-veil .reconnect-title").textContent();
const myName = () => tb.page.evaluate(() => document.querySelector(".me-panel strong")?.textContent ?? "");

/** The server again, on the port the page knows and the same results file (its classes come back). */
async function restart(): Promise<ServerProcess> {
  const again = await startServerProcess({ port: server.port, env });
  later.push(again);
  return again;
}

describe("a class's game server that dies mid-round", () => {
  test("the student's phone is told at once, offered the menu, and returns to its seat when the server is back", async () => {
    const teacher: Room = await new Client(server.baseUrl.replace("http", "ws")).create("classroom", { mode: "classroom", days: 2 });
    const sessions: SessionInfo[] = [];
    teacher.onMessage("*", () => {});
    teacher.onMessage(ClassroomServerMessage.session, (s: SessionInfo) => sessions.push(s));
    teacher.reconnection.enabled = false; // the teacher's device plays no part after the crash
    await expect.poll(() => sessions.length, TOLD).toBe(1);
    const { code, hostSecret } = sessions[0];

    const page = tb.page;
    await page.goto(`${server.baseUrl}/?code=${code}`, { waitUntil: "load" });
    await expect.poll(() => teacher.state.seats?.size ?? 0, { timeout: 30_000, interval: 300 }).toBe(1);
    teacher.send(ClassroomClientMessage.teacher, { secret: hostSecret, action: "start" });
    await page.locator("#play-ui").waitFor({ state: "visible", timeout: 60_000 });
    await expect.poll(myName, TOLD).not.toBe("");
    const name = await myName();
    teacher.send(ClassroomClientMessage.teacher, { secret: hostSecret, action: "pause" }); // spares the two cores
    await page.waitForTimeout(3000); // the class's checkpoint (every 2 s) has the round and the phone's seat

    await server.kill("SIGKILL");
    await expect.poll(veilTitle, TOLD).toBe(RECONNECT_TITLE);
    const menu = page.locator("#reconnect-menu");
    await expect(menu.isVisible()).resolves.toBe(true);
    await expect.poll(veilTitle, TOLD).toBe(NOT_ANSWERING_TITLE);
    await expect(page.locator("#reconnect-veil .reconnect-text").textContent()).resolves.toContain(`Class ${code} and your seat are kept.`);
    await tb.shot(`${NAME}-not-answering`);
    await page.setViewportSize({ width: 1366, height: 768 });
    await tb.shot(`${NAME}-not-answering-laptop`);
    await page.setViewportSize(PHONE);

    let up = await restart();
    expect(up.output()).toContain(`Resumed class ${code}`);
    await expect.poll(veilTitle, BACK).toBe("You are back in your seat");
    await tb.shot(`${NAME}-back`);
    await expect.poll(myName, TOLD).toBe(name);

    await up.kill("SIGKILL");
    await expect.poll(() => menu.isVisible(), TOLD).toBe(true);
    await menu.click();
    await page.locator("#menu").waitFor({ state: "visible", timeout: 10_000 });
    await expect(page.locator("#join-code").inputValue()).resolves.toBe(code);
    await expect(page.locator("#join-status").textContent()).resolves.toContain(`its seat in class ${code}`);
    await tb.shot(`${NAME}-menu`);

    up = await restart();
    await page.getByRole("button", { name: "Join the class" }).click();
    await page.locator("#play-ui").waitFor({ state: "visible", timeout: 60_000 });
    await expect.poll(myName, TOLD).toBe(name); // its own seat, not a new one
  });

  test("stopped on purpose mid-round: the round ends and is saved, the phone says the server is restarting, then is back in the next round's lobby", async () => {
    let up = later[later.length - 1];
    const teacher: Room = await new Client(up.baseUrl.replace("http", "ws")).create("classroom", { mode: "classroom", days: 2 });
    const sessions: SessionInfo[] = [];
    teacher.onMessage("*", () => {});
    teacher.onMessage(ClassroomServerMessage.session, (s: SessionInfo) => sessions.push(s));
    teacher.reconnection.enabled = false;
    await expect.poll(() => sessions.length, TOLD).toBe(1);
    const { code, hostSecret } = sessions[0];
    const phone = await tb.newPage(PHONE); // a device of its own (this tab still remembers the first class)
    const page = phone.page;
    const veilTitle = () => page.locator("#reconnect-veil .reconnect-title").textContent();
    const myName = () => page.evaluate(() => document.querySelector(".me-panel strong")?.textContent ?? "");
    await page.goto(`${up.baseUrl}/?code=${code}`, { waitUntil: "load" });
    await expect.poll(() => teacher.state.seats?.size ?? 0, { timeout: 30_000, interval: 300 }).toBe(1);
    teacher.send(ClassroomClientMessage.teacher, { secret: hostSecret, action: "start" });
    await page.locator("#play-ui").waitFor({ state: "visible", timeout: 60_000 });
    await expect.poll(myName, TOLD).not.toBe("");
    const name = await myName();

    await up.kill("SIGTERM");
    expect(up.exited()).toBe("code 0");
    await expect.poll(veilTitle, TOLD).toBe(RESTART_TITLE);
    await expect(page.locator("#reconnect-veil .reconnect-text").textContent()).resolves.toContain("Your class's results are saved");
    await expect(page.locator("#reconnect-menu").isVisible()).resolves.toBe(true);
    await expect.poll(() => page.locator("#debrief").isVisible(), TOLD).toBe(true); // the round ended as the teacher's "end" ends it
    await phone.shot(`${NAME}-restarting`);

    up = await restart();
    expect(up.output()).toContain(`Resumed class ${code}: round 2 in the lobby`);
    await expect.poll(veilTitle, BACK).toBe("You are back in your seat");
    await page.locator("#classroom").waitFor({ state: "visible", timeout: 30_000 }); // the next round's lobby
    await phone.shot(`${NAME}-restarted-lobby`);
    await expect.poll(() => page.locator("#classroom").textContent(), TOLD).toContain(name);
    expect(phone.errors.filter((e) => !/WebSocket|ERR_CONNECTION_REFUSED|Failed to load resource/i.test(e))).toEqual([]);
  });
});
