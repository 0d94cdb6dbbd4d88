// The lesson's tools end to end in a real browser against the real server: a solo sandbox whose IL-2 slider, moved
// with the keyboard, is answered by the tissue (the field the page mirrors and the top bar's IL-2); and a short solo
// round where a prediction committed in the side panel shows in the debrief beside what happened. Screenshots in
// test-artifacts/e2e/lesson-*.png.

import { describe, expect, test } from "vitest";
import type { Page } from "playwright-core";
import type { TestBrowser } from "./browser.ts";
import type { ServerProcess } from "./serverProcess.ts";
import { useRig } from "./testRig.ts";

const NAME = "lesson";
let server: ServerProcess;
let tb: TestBrowser;
const UI = { timeout: 30_000, interval: 300 };

useRig(NAME, { width: 960, height: 640 }, (s, b) => {
  server = s;
  tb = b;
});

/** The page keeps the session of each round for the test (main.ts puts the bus on window.cytokine). */
const HOOKS = `window.__e2e = { session: null }; window.cytokine.bus.on("round-start", (s) => { window.__e2e.session = s; });`;

/** Mean IL-2 on the top bar's state, and the mean level of the field the page mirrors (0..255 per voxel). */
function il2(page: Page): Promise<{ hudPm: number; fieldMean: number; day: number }> {
  return page.evaluate(() => {
    const s = (window as unknown as { __e2e: { session: any } }).__e2e.session;
    const levels: Uint8Array = s.field.levels;
    let sum = 0;
    for (const v of levels) sum += v;
    return { hudPm: s.room.state.hud?.il2MeanPm ?? 0, fieldMean: levels.length ? sum / levels.length : 0, day: s.room.state.day };
  });
}

async function startSolo(page: Page, scenario: string): Promise<void> {
  await page.goto(server.baseUrl, { waitUntil: "load" });
  await page.waitForFunction(() => (window as unknown as { cytokine?: unknown }).cytokine !== undefined, null, { timeout: 30_000 });
  await page.evaluate(HOOKS);
  await page.click("#solo-toggle");
  await page.locator("#solo-setup").waitFor({ state: "visible" });
  await page.selectOption("#solo-scenario", scenario);
  await page.check('input[name="role"][value="effector"]');
  const shortest = await page.$$eval("#solo-days option", (os) => os.map((o) => (o as HTMLOptionElement).value).filter((v) => v !== "full").sort((a, b) => Number(a) - Number(b))[0]);
  await page.selectOption("#solo-days", shortest!);
  await page.uncheck("#solo-tutorial");
  await page.click("#solo-start");
  await page.locator("#play-ui").waitFor({ state: "visible", timeout: 30_000 });
}

describe("the lesson's tools in a real browser", () => {
  test("sandbox: holding IL-2 with the keyboard on its slider, the field and the top bar answer", async () => {
    const { page } = tb;
    await startSolo(page, "sandbox");
    const slider = page.locator("#sandbox-holdIl2Pm");
    await slider.waitFor({ state: "visible", timeout: 30_000 });
    await expect(page.locator('label[for="sandbox-holdIl2Pm"]').textContent()).resolves.toMatch(/Hold IL-2 everywhere at/);
    await expect.poll(() => slider.getAttribute("aria-valuetext"), UI).toBe("off");
    await expect.poll(async () => (await il2(page)).fieldMean > 0 || (await il2(page)).day > 0.02, UI).toBe(true); // frames arriving
    const before = await il2(page);
    await tb.shot("lesson-1-sandbox");

    await slider.focus();
    await page.keyboard.press("End"); // the last step: 10,000 pM
    await expect.poll(() => slider.getAttribute("aria-valuetext"), UI).toBe("10,000 pM");
    await expect.poll(async () => (await il2(page)).hudPm, UI).toBeGreaterThan(Math.max(1000, before.hudPm * 10));
    await expect.poll(async () => (await il2(page)).fieldMean, UI).toBeGreaterThan(before.fieldMean + 50);
    await tb.shot("lesson-2-sandbox-held");

    // A value the server refuses changes nothing and is said in words.
    await page.evaluate(() => (window as unknown as { __e2e: { session: any } }).__e2e.session.room.send("sandbox", { set: { holdIl2Pm: 1e9 } }));
    await expect.poll(() => page.locator(".sandbox-panel [role=status]").textContent(), UI).toMatch(/Not changed: .*outside its range/);
    await expect(slider.getAttribute("aria-valuetext")).resolves.toBe("10,000 pM");
    await page.click('#hud button:has-text("Leave")');
    await page.locator("#menu").waitFor({ state: "visible" });
  }, 120_000);

  test("a prediction committed before the round shows in the debrief beside what happened", async () => {
    const { page } = tb;
    await startSolo(page, "viral");
    // Paused first, as a player would to think: the round questions stay open while the clock stands still.
    await page.click('#hud button:has-text("Pause")');
    const form = page.locator('.predict-form[data-question="il2Winner"]');
    await form.waitFor({ state: "visible", timeout: 30_000 });
    await expect(page.locator(".predict-when").textContent()).resolves.toMatch(/close day 1 at 12:00: pause the game/);
    await form.locator('input[value="treg"]').check();
    await form.locator('button:has-text("Commit prediction")').click();
    const done = page.locator('.predict-done[data-question="il2Winner"]');
    await done.waitFor({ state: "visible", timeout: 30_000 });
    await expect(done.textContent()).resolves.toMatch(/You predicted: Tregs/);
    await tb.shot("lesson-3-predicted");

    await page.click('#hud button:has-text("Resume")');
    await page.selectOption('select[aria-label="Game speed"]', "8");
    const card = page.locator('#debrief .predict-result[data-question="il2Winner"]');
    await card.waitFor({ state: "visible", timeout: 90_000 });
    const text = (await card.textContent()) ?? "";
    expect(text).toMatch(/You predicted: Tregs\./);
    expect(text).toMatch(/What happened: (Helper T cells|Killer T cells|Tregs|NK cells|This run cannot tell)\./);
    expect(text).toMatch(/Shares of all the IL-2 captured|No cell captured/);
    expect(text).toMatch(/(It happened|Not this time|This run cannot tell)\./);
    expect(text).toMatch(/Why: .*IL-2/);
    await tb.shot("lesson-4-debrief");
  }, 150_000);
});
