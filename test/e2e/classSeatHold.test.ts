// A student's device that loses its connection mid-round for longer than the old 60 s wait comes back to its own
// seat by itself, in a real browser against the real server: the teacher's laptop opens a class, a student's phone
// joins by its link, the round starts (then is paused, to spare the two cores); the phone goes offline (Playwright's
// setOffline: Chromium's network emulation, which the SDK hears as "offline" and closes its socket) for 80 s, past
// the old 60 s wait, the SDK's own quick retries (~6 s) and many of the page's own attempts. Meanwhile the phone shows "Reconnecting to your class…" and the teacher's class
// list shows the student away (a shape and words). Back online, with nobody touching the page, the phone is in the
// same seat (session, nickname, role, cells) and says so; the teacher's list shows the student back. Then the tab
// leaves the page for 65 s and loads it again: it comes back to the same seat with the token it kept.
// Screenshots at 390×844 and 1366×768: test-artifacts/e2e/seat-hold-*.png.

import { describe, expect, test } from "vitest";
import type { Page } from "playwright-core";
import type { FencedPage, TestBrowser } from "./browser.ts";
import { sleep, type ServerProcess } from "./serverProcess.ts";
import { openClassSetup, openPage, useRig } from "./testRig.ts";

const LAPTOP = { width: 1366, height: 768 };
const PHONE = { width: 390, height: 844 };
/** Longer than the old 60 s wait for a dropped seat (and than the SDK's default ~60 s of retries). */
const CUT_MS = 80_000;
let server: ServerProcess;
let tb: TestBrowser;
let teacher: FencedPage;
let student: FencedPage;

useRig("seat-hold", LAPTOP, async (s, b) => {
  server = s;
  tb = b;
  teacher = tb;
  student = await tb.newPage(PHONE);
  for (const p of [teacher, student]) p.page.on("dialog", (d) => void d.accept());
});

const HOOKS = `
  window.__e2e = { session: null };
  window.cytokine.bus.on("round-start", (s) => { window.__e2e.session = s; });
`;

const openApp = (page: Page, path = "/") => openPage(page, server.baseUrl, { path, hooks: HOOKS });

interface Seen { sessionId: string; tick: number; name: string; role: string; squads: number[]; connected: boolean }

/** This page's seat as its session sees it now (null before the round has been handed to the play interface). */
async function seen(page: Page): Promise<Seen | null> {
  return page.evaluate(() => {
    const s = (window as unknown as { __e2e: { session: any } }).__e2e?.session;
    if (!s) return null;
    const st = s.room.state;
    const seat = st.seats?.get(s.room.sessionId);
    return { sessionId: s.room.sessionId, tick: st.tick, name: seat?.name ?? "", role: seat?.role ?? "", squads: [...(seat?.squads ?? [])], connected: seat?.connected ?? false };
  });
}

const UI = { timeout: 30_000, interval: 500 };

/** Screenshots of one page at the phone and laptop sizes (the page's own size restored after). */
async function shotsAtBothSizes(p: FencedPage, name: string, own: { width: number; height: number }, before?: (page: Page) => Promise<void>): Promise<void> {
  for (const size of [PHONE, LAPTOP]) {
    await p.page.setViewportSize(size);
    await p.page.waitForTimeout(600);
    await before?.(p.page);
    await p.shot(`seat-hold-${name}-${size.width}x${size.height}`);
  }
  await p.page.setViewportSize(own);
}

describe("a student's device offline mid-round", () => {
  test("offline for 80 s, the page keeps trying and comes back to its own seat by itself; the teacher sees away, then back", async () => {
    const tp = teacher.page, sp = student.page;
    await openApp(tp);
    const form = await openClassSetup(tp);
    await form.getByRole("button", { name: "Open the class" }).click();
    const title = tp.getByRole("heading", { level: 1, name: /^Class / });
    await title.waitFor({ state: "visible", timeout: 30_000 });
    const code = ((await title.textContent()) ?? "").replace(/^Class /, "").replace(/\s/g, "");

    await openApp(sp, `/?code=${code}`);
    await expect.poll(() => sp.getByRole("heading", { level: 1, name: /^You are / }).count(), UI).toBe(1);
    await tp.getByRole("button", { name: "Start the round" }).click();
    for (const p of [tp, sp]) await p.locator("#play-ui").waitFor({ state: "visible", timeout: 60_000 });
    // The SDK reconnects by itself only after 5 s in the room.
    await expect.poll(async () => (await seen(sp))?.tick ?? 0, { timeout: 90_000, interval: 1000 }).toBeGreaterThan(100);
    await tp.getByRole("button", { name: /Pause/ }).first().click();
    await expect.poll(async () => (await seen(sp))?.connected, UI).toBe(true);
    const before = (await seen(sp))!;
    expect(before.name).not.toBe("");
    expect(before.squads).not.toEqual([]);

    await student.context.setOffline(true);
    const veil = sp.locator("#reconnect-veil");
    await expect.poll(() => veil.textContent(), UI).toContain("Reconnecting to your class…");
    const row = tp.locator("#dash-panel tr", { hasText: before.name });
    await expect.poll(() => row.textContent(), UI).toContain("away, seat kept");
    expect(await row.locator(".dot").textContent()).toBe("◌");
    await shotsAtBothSizes(teacher, "teacher-away", LAPTOP, (page) => page.locator("#dash-panel").scrollIntoViewIfNeeded());
    await shotsAtBothSizes(student, "student-reconnecting", PHONE);

    // Past the old 60 s and the SDK's retries: still trying, still "Reconnecting", the seat still held and away.
    for (let waited = 0; waited < CUT_MS; waited += 10_000) {
      await sleep(10_000);
      expect(await veil.textContent()).toContain("Reconnecting to your class…");
      expect(await row.textContent()).toContain("away, seat kept");
    }
    await expect(sp.getByText("The class has ended").count()).resolves.toBe(0);

    await student.context.setOffline(false); // nobody touches the page: its "online" event makes it try at once
    await expect.poll(async () => {
      const v = await seen(sp);
      return v?.connected ? "back" : JSON.stringify(v);
    }, { timeout: 60_000, interval: 1000 }).toBe("back");
    const after = (await seen(sp))!;
    expect(after).toMatchObject({ sessionId: before.sessionId, name: before.name, role: before.role, squads: before.squads });
    await expect.poll(() => veil.textContent(), UI).toContain("You are back in your seat");
    expect(await veil.textContent()).toContain(`You are ${before.name}, with the same role and the same cells.`);
    await student.shot("seat-hold-student-back");
    await expect.poll(() => row.textContent(), UI).toContain("back");
    expect(await row.locator(".dot").textContent()).toBe("↩");
    await teacher.shot("seat-hold-teacher-back");
    await expect.poll(() => veil.textContent(), UI).toBe(""); // the note goes by itself
    await sp.waitForTimeout(2000);
    await student.shot("seat-hold-student-back-later"); // the tissue drawn again, the round still paused

    // The tab leaves the game's page (its token stamped as it goes) for longer than the old 60 s, then loads it
    // again: it comes back with the token it kept, to the same seat, not as someone new.
    await sp.goto("about:blank");
    await expect.poll(() => row.textContent(), UI).toContain("away, seat kept");
    await sleep(65_000);
    await sp.goto(server.baseUrl + "/", { waitUntil: "load" });
    await expect.poll(() => sp.locator(".me-panel").textContent(), { timeout: 60_000, interval: 1000 }).toContain(`You are ${before.name} · class ${code}`);
    await expect.poll(() => row.textContent(), UI).toContain("back");
    expect(await tp.locator("#dash-panel tbody tr").count()).toBe(1); // the same student, not a second one
    await student.shot("seat-hold-student-reloaded");
  }, 540_000);
});
