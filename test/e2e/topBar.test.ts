// The play screen's top bar on a small phone (375 × 667) in a real browser against the real server: every control
// is on screen and works. Learn ("?") and the round menu sit in the bar; the menu (roundMenu.ts) opens by click and by
// keyboard, and its Pause, Resume, speed, Restart and Leave each change the room as they say. At 320 px nothing
// of the bar is cut off either, and the tissue is drawn below the taller bar. Screenshots in test-artifacts/e2e/topbar-*.png.

import { join } from "node:path";
import { describe, expect, test } from "vitest";
import type { Page } from "playwright-core";
import type { TestBrowser } from "./browser.ts";
import type { ServerProcess } from "./serverProcess.ts";
import { startSoloRound, useRig } from "./testRig.ts";

const NAME = "topbar";
const PHONE = { width: 375, height: 667 };
const UI = { timeout: 20_000, interval: 300 };
let server: ServerProcess;
let tb: TestBrowser;

useRig(NAME, PHONE, (s, b) => {
  server = s;
  tb = b;
});

const HOOKS = `
  window.__e2e = { session: null };
  window.cytokine.bus.on("round-start", (s) => { window.__e2e.session = s; });
`;

type Room = { round: number; paused: boolean; speed: number; outcome: string } | null;
const room = (page: Page): Promise<Room> => page.evaluate(() => {
  const s = (window as unknown as { __e2e: { session: any } }).__e2e.session;
  const st = s?.room?.state;
  return st ? { round: st.round, paused: st.paused, speed: st.speed, outcome: st.outcome } : null;
});

/** Every button and list in the bar that is shown: its box, and whether it lies wholly inside the window. */
const barControls = (page: Page) => page.evaluate(() => [...document.querySelectorAll<HTMLElement>("#hud button, #hud select")]
  .filter((e) => e.getClientRects().length > 0)
  .map((e) => {
    const r = e.getBoundingClientRect();
    return { name: e.getAttribute("aria-label") || e.textContent?.trim() || e.id, inside: r.left >= 0 && r.top >= 0 && r.right <= innerWidth && r.bottom <= innerHeight && r.width > 0 };
  }));

/** Opens the round menu with its button; returns the menu's locator. */
async function openMenu(page: Page) {
  const button = page.getByRole("button", { name: /^Round menu/ });
  await button.click();
  await expect.poll(() => button.getAttribute("aria-expanded"), UI).toBe("true");
  const menu = page.locator("#hud-round-menu");
  await menu.waitFor({ state: "visible" });
  return menu;
}

describe("the top bar on a 375 px phone", () => {
  test("a solo round starts; Learn and the round menu are in the bar and wholly on screen", async () => {
    const { page } = tb;
    await startSoloRound(page, server.baseUrl, HOOKS);
    await expect.poll(async () => (await room(page))?.outcome ?? "", { timeout: 30_000 }).toBe("ongoing");

    const shown = await barControls(page);
    const names = shown.map((c) => c.name);
    expect(names.some((n) => n.startsWith("Learn")), names.join(" | ")).toBe(true);
    expect(names.some((n) => n.startsWith("Round menu")), names.join(" | ")).toBe(true);
    for (const c of shown) expect(c.inside, `${c.name} lies inside the 375 px window`).toBe(true);
    // The bar's width holds everything: nothing to scroll sideways to.
    await expect(page.evaluate(() => { const h = document.getElementById("hud")!; return h.scrollWidth <= h.clientWidth; })).resolves.toBe(true);
    await tb.shot(`${NAME}-375-bar`);
  });

  test("the menu's controls are all visible and each does what it says", async () => {
    const { page } = tb;
    let menu = await openMenu(page);
    for (const name of [/Pause/, /Restart/, /^Leave$/]) {
      const b = menu.getByRole("button", { name });
      await expect(b.isVisible(), String(name)).resolves.toBe(true);
    }
    await expect(menu.getByRole("combobox", { name: "Game speed" }).isVisible()).resolves.toBe(true);
    const inside = await page.evaluate(() => [...document.querySelectorAll<HTMLElement>("#hud-round-menu > *")].every((e) => {
      const r = e.getBoundingClientRect();
      return r.left >= 0 && r.right <= innerWidth && r.bottom <= innerHeight && r.width > 0;
    }));
    expect(inside, "every control of the open menu lies inside the window").toBe(true);
    await tb.shot(`${NAME}-375-menu`);

    // Pause: the room pauses, the menu closes, and the bar says so.
    await menu.getByRole("button", { name: /Pause/ }).click();
    await expect.poll(async () => (await room(page))?.paused, UI).toBe(true);
    await expect(menu.isVisible()).resolves.toBe(false);
    await expect.poll(() => page.locator(".hud-menu-btn").evaluate((b) => getComputedStyle(b, "::after").content), UI).toContain("paused");
    // Resume.
    menu = await openMenu(page);
    await menu.getByRole("button", { name: /Resume/ }).click();
    await expect.poll(async () => (await room(page))?.paused, UI).toBe(false);
    // Speed.
    menu = await openMenu(page);
    await menu.getByRole("combobox", { name: "Game speed" }).selectOption("2");
    await expect.poll(async () => (await room(page))?.speed, UI).toBe(2);
    // Restart (after the confirmation): the room's round count goes up.
    const before = (await room(page))!.round;
    page.once("dialog", (d) => void d.accept());
    menu = await openMenu(page);
    await menu.getByRole("button", { name: /Restart/ }).click();
    await expect.poll(async () => (await room(page))?.round, UI).toBe(before + 1);
  });

  test("the menu works from the keyboard: Enter opens it on its first control, Escape closes it", async () => {
    const { page } = tb;
    const button = page.getByRole("button", { name: /^Round menu/ });
    await button.focus();
    await page.keyboard.press("Enter");
    await expect.poll(() => page.evaluate(() => document.activeElement?.closest("#hud-round-menu") !== null), UI).toBe(true);
    await page.keyboard.press("Tab"); // on to the speed list, still in the menu
    await expect(page.evaluate(() => document.activeElement?.closest("#hud-round-menu") !== null)).resolves.toBe(true);
    await page.keyboard.press("Escape");
    await expect.poll(() => button.getAttribute("aria-expanded"), UI).toBe("false");
    await expect(page.evaluate(() => document.activeElement?.classList.contains("hud-menu-btn"))).resolves.toBe(true);
    // Learn's "?" opens the glossary and Escape brings the player back.
    await page.click("#hud .hud-learn button");
    await page.locator("dialog#learn").waitFor({ state: "visible" });
    await page.keyboard.press("Escape");
    await page.locator("dialog#learn").waitFor({ state: "hidden" });
  });

  test("at 320 px the bar still fits, and the tissue is drawn below it", async () => {
    const { page } = tb;
    await page.setViewportSize({ width: 320, height: 568 });
    await expect.poll(async () => (await barControls(page)).every((c) => c.inside), UI).toBe(true);
    const fit = await page.evaluate(() => {
      const play = (window as unknown as { game: any }).game.scene.getScene("Play");
      return { top: play?.fitNow?.y ?? -1, bar: document.getElementById("hud")!.getBoundingClientRect().bottom };
    });
    expect(fit.top, "the tissue starts below the bar").toBeGreaterThanOrEqual(fit.bar);
    await tb.shot(`${NAME}-320-bar`);
    await page.setViewportSize(PHONE);
  });

  test("Leave, from the menu, returns to the main menu", async () => {
    const { page } = tb;
    const menu = await openMenu(page);
    await menu.getByRole("button", { name: /^Leave$/ }).click();
    await page.locator("#menu").waitFor({ state: "visible", timeout: 20_000 });
    await expect(page.locator("#play-ui").isVisible()).resolves.toBe(false);
    expect(tb.errors, tb.errors.join("\n")).toEqual([]);
    expect(tb.blocked).toEqual([]);
  });
});
