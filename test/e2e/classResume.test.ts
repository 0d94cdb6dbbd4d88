// A live class survives a crash of the server, in a real browser: a teacher's page opens a class, a student's page
// joins by its link, the round runs; the server process is killed (SIGKILL) and a new one started on the same results
// file and port. Without anyone touching them, both pages come back to the same class: the student's page to the same
// seat (same session, nickname and role) and the round paused where the checkpoint left it; the teacher's page resumes
// it with its Resume button and the round runs on for both. Each page says it is connected again and who resumes. Each page is its own browser context (a separate device).
// Screenshots: test-artifacts/e2e/class-resume-*.png.

import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import type { Page } from "playwright-core";
import { ARTIFACTS_DIR, launchBrowser, type FencedPage, type TestBrowser } from "./browser.ts";
import { ensureClientBuilt, startServerProcess, type ServerProcess } from "./serverProcess.ts";
import { openPage, openClassSetup } from "./testRig.ts";

/** The teacher's laptop and a student's phone. */
const LAPTOP = { width: 1366, height: 768 };
const PHONE = { width: 390, height: 844 };
const dir = mkdtempSync(join(tmpdir(), "cytokine-resume-e2e-"));
const env = { RESULTS_DB: join(dir, "results.sqlite") };
let server: ServerProcess;
let tb: TestBrowser;
let teacher: FencedPage;
let student: FencedPage;
const logs: string[] = [];

beforeAll(async () => {
  ensureClientBuilt();
  server = await startServerProcess({ env });
  tb = await launchBrowser(LAPTOP);
  teacher = tb;
  student = await tb.newPage(PHONE);
  for (const p of [teacher, student]) p.page.on("dialog", (d) => void d.accept());
});

afterAll(async () => {
  await tb?.close();
  if (server) writeFileSync(join(ARTIFACTS_DIR, "class-resume-server.log"), `${logs.join("\n---- restarted ----\n")}\n${server.output()}\n`);
  await server?.stop();
  rmSync(dir, { recursive: true, force: true });
});

const HOOKS = `
  window.__e2e = { session: null };
  window.cytokine.bus.on("round-start", (s) => { window.__e2e.session = s; });
`;

const openApp = (page: Page, path = "/") => openPage(page, server.baseUrl, { path, hooks: HOOKS });

interface Seen { sessionId: string; tick: number; paused: boolean; phase: string; code: string; name: string; role: string; connected: boolean }

/** The class as this page's session sees it now (null before the round has been handed to the play interface). */
async function seen(page: Page): Promise<Seen | null> {
  return page.evaluate(() => {
    const s = (window as unknown as { __e2e: { session: any } }).__e2e?.session;
    if (!s) return null;
    const st = s.room.state;
    const seat = st.seats?.get(s.room.sessionId);
    return { sessionId: s.room.sessionId, tick: st.tick, paused: st.paused, phase: st.phase, code: st.code, name: seat?.name ?? "", role: seat?.role ?? "", connected: seat?.connected ?? false };
  });
}

const UI = { timeout: 30_000, interval: 500 };

describe("a class in a real browser and a crash of the server", () => {
  test("killed mid-round and restarted: both pages come back by themselves, the student to their own seat", async () => {
    const tp = teacher.page, sp = student.page;
    await openApp(tp);
    const form = await openClassSetup(tp);
    await form.getByLabel(/Round length/).selectOption("4");
    await form.getByRole("button", { name: "Open the class" }).click();
    const title = tp.getByRole("heading", { level: 1, name: /^Class / });
    await title.waitFor({ state: "visible", timeout: 30_000 });
    const code = ((await title.textContent()) ?? "").replace(/^Class /, "").replace(/\s/g, "");

    await openApp(sp, `/?code=${code}`);
    await expect.poll(() => sp.getByRole("heading", { level: 1, name: /^You are / }).count(), UI).toBe(1);
    await tp.getByRole("button", { name: "Start the round" }).click();
    for (const p of [tp, sp]) await p.locator("#play-ui").waitFor({ state: "visible", timeout: 60_000 });
    // The SDK reconnects by itself only after 5 s in the room; the class saves a checkpoint every 2 s.
    await expect.poll(async () => (await seen(sp))?.tick ?? 0, { timeout: 90_000, interval: 1000 }).toBeGreaterThan(140);
    const before = (await seen(sp))!;
    expect(before).toMatchObject({ phase: "playing", code, paused: false, connected: true });
    expect(before.name).not.toBe("");

    const port = server.port;
    logs.push(server.output());
    await server.kill("SIGKILL");
    await sp.waitForTimeout(1500);
    server = await startServerProcess({ env, port });
    const line = new RegExp(`Resumed class ${code}: round 1 paused at tick (\\d+)`).exec(server.output());
    expect(line, server.output()).not.toBeNull();
    const resumedTick = Number(line![1]);

    // Nobody touches the pages: they come back to the class, the student to the same seat, the round paused.
    await expect.poll(async () => {
      const v = await seen(sp);
      return v && v.paused && v.tick === resumedTick && v.connected ? "back" : JSON.stringify(v);
    }, { timeout: 90_000, interval: 1000 }).toBe("back");
    const after = (await seen(sp))!;
    expect(after).toMatchObject({ sessionId: before.sessionId, name: before.name, role: before.role, code, phase: "playing" });
    await expect.poll(async () => (await seen(tp))?.tick ?? -1, UI).toBe(resumedTick);
    await expect(sp.getByText("The class has ended").count()).resolves.toBe(0);
    // Each page says where it is and who starts the round again (read out, and shown for a few seconds).
    await expect.poll(() => sp.locator("#live").textContent(), UI).toContain(`Connected again to class ${code}. The round is paused until your teacher resumes it.`);
    await expect.poll(() => tp.locator("#live").textContent(), UI).toContain(`Connected again to class ${code}. The round is paused: press ▶ Resume when the class is ready.`);
    await student.shot("class-resume-1-student-back");
    const resume = tp.getByRole("button", { name: /Resume/ });
    await expect.poll(() => resume.count(), UI).toBe(1);
    await teacher.shot("class-resume-2-teacher-back");

    // The teacher's page still commands the class: Resume, and the round runs on for the student.
    await resume.click();
    await expect.poll(async () => {
      const v = await seen(sp);
      return v && !v.paused && v.tick > resumedTick + 10 ? "running" : JSON.stringify(v);
    }, { timeout: 60_000, interval: 1000 }).toBe("running");
    await student.shot("class-resume-3-running");
  }, 300_000);
});
