// The teacher chooses the seat hold in the class setup, and a student's device that is away can hurry its way back
// or, its seat let go, join again: in a real browser against the real server. The teacher's laptop (1366×768) reaches
// "Keep a student's seat when their device sleeps" by keyboard, picks 2 minutes and opens the class by keyboard; the
// class says the choice back. A student's phone (375×667) joins by link; in the round it loses the class (offline,
// and the class's address unreachable: routed away, so nothing but the page's own attempts can bring it back). The
// reconnecting screen counts the attempts and shows "Try now" in view at 375×667 and 1366×768; with the class
// reachable again, pressing it brings the phone back to its seat before the next attempt was due. Cut again, while
// the teacher ends the round: the seat is let go, the phone says so and offers to join again with the kept code;
// pressing it seats the student anew under the same nickname. Screenshots: test-artifacts/e2e/seat-try-*.png.

import { describe, expect, test } from "vitest";
import type { Page } from "playwright-core";
import type { FencedPage, TestBrowser } from "./browser.ts";
import type { ServerProcess } from "./serverProcess.ts";
import { openClassSetup, openPage, useRig } from "./testRig.ts";

const LAPTOP = { width: 1366, height: 768 };
const PHONE = { width: 375, height: 667 };
const MATCHMAKE = "**/matchmake/**";
let server: ServerProcess;
let tb: TestBrowser;
let teacher: FencedPage;
let student: FencedPage;

useRig("seat-try", LAPTOP, async (s, b) => {
  server = s;
  tb = b;
  teacher = tb;
  student = await tb.newPage(PHONE);
  for (const p of [teacher, student]) p.page.on("dialog", (d) => void d.accept());
  await student.page.route(MATCHMAKE, (route) => (unreachable ? route.abort("connectionrefused") : route.fallback()));
});

/** Keeps the round's session, its progress, when the page came back and each title the reconnecting screen showed. */
const HOOKS = `
  window.__e2e = { session: null, lastWaitEnds: 0, backAt: 0, veilSaid: [] };
  new MutationObserver(() => {
    const t = document.querySelector("#reconnect-veil .reconnect-title")?.textContent;
    if (t && window.__e2e.veilSaid.at(-1) !== t) window.__e2e.veilSaid.push(t);
  }).observe(document.body, { subtree: true, childList: true, characterData: true });
  window.cytokine.bus.on("round-start", (s) => {
    if (window.__e2e.session === s) return;
    window.__e2e.session = s;
    s.onReturnProgress((p) => { if (!p.trying) window.__e2e.lastWaitEnds = performance.now() + p.nextInMs; });
    s.onReconnect(() => { window.__e2e.backAt = performance.now(); });
  });
`;

const openApp = (page: Page, path = "/") => openPage(page, server.baseUrl, { path, hooks: HOOKS });

interface Seen { sessionId: string; tick: number; name: string; connected: boolean; hold: number }
async function seen(page: Page): Promise<Seen | null> {
  return page.evaluate(() => {
    const s = (window as unknown as { __e2e: { session: any } }).__e2e?.session;
    if (!s) return null;
    const st = s.room.state;
    const seat = st.seats?.get(s.room.sessionId);
    return { sessionId: s.room.sessionId, tick: st.tick, name: seat?.name ?? "", connected: seat?.connected ?? false, hold: st.seatHoldMinutes };
  });
}

const UI = { timeout: 30_000, interval: 500 };

/** Whether the element's box lies inside the viewport (seen without scrolling). */
async function inView(page: Page, selector: string): Promise<boolean> {
  const box = await page.locator(selector).boundingBox();
  const size = page.viewportSize()!;
  return box !== null && box.width > 0 && box.x >= 0 && box.y >= 0 && box.x + box.width <= size.width && box.y + box.height <= size.height;
}

/** Whether the class's join address is unreachable from the phone (its route refuses it; else the fences decide). */
let unreachable = false;
/** Cuts the phone off its class: offline, and the class's join address unreachable until `reach()`. */
async function cut(): Promise<void> {
  unreachable = true;
  await student.context.setOffline(true);
}
const reach = () => { unreachable = false; };

describe("the seat hold chosen by the teacher, Try now, and a seat let go", () => {
  test("chosen by keyboard, said back; Try now brings the phone back at once; a let-go seat is joined again under the same nickname", async () => {
    const tp = teacher.page, sp = student.page;
    await openApp(tp);
    const form = await openClassSetup(tp);
    // The choice: a group with a sentence for the teacher, the whole round by default, reached and changed by keyboard.
    const group = tp.getByRole("group", { name: "Keep a student's seat when their device sleeps" });
    await expect(group.textContent()).resolves.toContain("their page comes back by itself");
    expect(await tp.locator("#teach-hold-round").isChecked()).toBe(true);
    await tp.locator("#teach-days").focus();
    for (let i = 0; i < 4 && (await tp.evaluate(() => document.activeElement?.getAttribute("name"))) !== "teach-hold"; i++) await tp.keyboard.press("Tab");
    expect(await tp.evaluate(() => document.activeElement?.id)).toBe("teach-hold-round");
    await tp.keyboard.press("ArrowDown");
    await tp.keyboard.press("ArrowDown");
    expect(await tp.locator("#teach-hold-2").isChecked()).toBe(true);
    await teacher.shot("seat-try-setup-1366x768");
    await tp.keyboard.press("Tab");
    expect(await tp.evaluate(() => document.activeElement?.id)).toBe("teach-open");
    await tp.keyboard.press("Enter");
    const title = tp.getByRole("heading", { level: 1, name: /^Class / });
    await title.waitFor({ state: "visible", timeout: 30_000 });
    const code = ((await title.textContent()) ?? "").replace(/^Class /, "").replace(/\s/g, "");
    await expect.poll(() => tp.locator(".lobby .lead").textContent(), UI).toContain("A sleeping device's seat is kept for 2 minutes.");

    await openApp(sp, `/?code=${code}`);
    await expect.poll(() => sp.getByRole("heading", { level: 1, name: /^You are / }).count(), UI).toBe(1);
    await tp.getByRole("button", { name: "Start the round" }).click();
    for (const p of [tp, sp]) await p.locator("#play-ui").waitFor({ state: "visible", timeout: 60_000 });
    await expect.poll(async () => (await seen(sp))?.tick ?? 0, { timeout: 90_000, interval: 1000 }).toBeGreaterThan(50);
    await tp.getByRole("button", { name: /Pause/ }).first().click(); // spares the two cores
    await expect.poll(async () => (await seen(sp))?.connected, UI).toBe(true);
    const before = (await seen(sp))!;
    expect(before.hold).toBe(2); // the teacher's choice reached the class

    // Away: the reconnecting screen, in the class's words, with the attempts counted and Try now.
    await cut();
    const veil = sp.locator("#reconnect-veil");
    await expect.poll(() => veil.textContent(), UI).toContain("Reconnecting to your class…");
    expect(await veil.textContent()).toContain("Your seat and your cells are kept for you for up to 2 minutes");
    await expect.poll(() => sp.locator(".reconnect-tries").textContent(), UI).toMatch(/Attempt \d+ did not reach the class\. Next try in \d+ seconds?, or press Try now\./);
    const tryNow = sp.getByRole("button", { name: /^(Try now|Trying…)$/ });
    for (const size of [PHONE, LAPTOP]) {
      await sp.setViewportSize(size);
      await sp.waitForTimeout(500);
      expect(await tryNow.isVisible()).toBe(true);
      expect(await inView(sp, "#reconnect-try"), `Try now in view at ${size.width}×${size.height}`).toBe(true);
      await student.shot(`seat-try-away-${size.width}x${size.height}`);
    }
    await sp.setViewportSize(PHONE);
    expect(await veil.textContent()).not.toMatch(/socket|token|4003/i);

    // Online again but the class still unreachable: the page's attempts fail and its waits grow.
    await student.context.setOffline(false);
    await expect.poll(() => sp.locator(".reconnect-tries").textContent(), { timeout: 60_000, interval: 300 }).toMatch(/Next try in (8|9|1\d) seconds/);
    // The class reachable again: Try now, and the phone is back before its next attempt was due.
    reach();
    await tryNow.click();
    const times = () => sp.evaluate(() => { const e = (window as unknown as { __e2e: { lastWaitEnds: number; backAt: number } }).__e2e; return { lastWaitEnds: e.lastWaitEnds, backAt: e.backAt }; });
    await expect.poll(async () => (await times()).backAt > 0, UI).toBe(true); // the page's own word that it is back
    const t = await times();
    expect(t.backAt).toBeLessThan(t.lastWaitEnds);
    const after = (await seen(sp))!;
    expect(after).toMatchObject({ sessionId: before.sessionId, name: before.name });
    // "You are back in your seat" shows for a few seconds: the screen's titles are recorded as they come.
    await expect.poll(() => sp.evaluate(() => (window as unknown as { __e2e: { veilSaid: string[] } }).__e2e.veilSaid.at(-1)), UI).toBe("You are back in your seat");

    // Away again, and the teacher ends the round meanwhile: the seat is let go.
    await expect.poll(() => veil.textContent(), UI).toBe("");
    await cut();
    await expect.poll(() => veil.textContent(), UI).toContain("Reconnecting to your class…");
    const row = tp.locator("#dash-panel tr", { hasText: before.name });
    await expect.poll(() => row.textContent(), UI).toContain("away, seat kept");
    await tp.getByRole("button", { name: "End the round now" }).click();
    await expect.poll(() => tp.locator("#dash-panel tr", { hasText: before.name }).count(), UI).toBe(0);
    await student.context.setOffline(false);
    reach();
    await expect.poll(() => tryNow.count(), UI).toBe(1);
    await tryNow.click().catch(() => {}); // it may have got its answer already, from the "online" wake
    const gone = sp.getByRole("heading", { level: 1, name: "Your seat was let go" });
    await gone.waitFor({ state: "visible", timeout: 60_000 });
    const message = (await sp.locator(".class-message").textContent()) ?? "";
    expect(message).toContain(`The round in class ${code} ended while your device was away`);
    expect(message).toContain(`you keep your nickname, ${before.name}, if nobody else has it.`);
    expect(message).not.toMatch(/socket|token/i);
    for (const size of [PHONE, LAPTOP]) {
      await sp.setViewportSize(size);
      await sp.waitForTimeout(400);
      expect(await inView(sp, "#seat-gone-rejoin"), `Join again in view at ${size.width}×${size.height}`).toBe(true);
      await student.shot(`seat-try-gone-${size.width}x${size.height}`);
    }
    await sp.setViewportSize(PHONE);
    await sp.getByRole("button", { name: `Join class ${code} again` }).click();
    await expect.poll(() => sp.getByRole("heading", { level: 1, name: `You are ${before.name}` }).count(), { timeout: 60_000, interval: 500 }).toBe(1);
    await student.shot("seat-try-joined-again-375x667");
    expect(student.errors.filter((e) => !/Failed to load resource|ERR_|WebSocket|matchmake/i.test(e))).toEqual([]);
  }, 420_000);
});
