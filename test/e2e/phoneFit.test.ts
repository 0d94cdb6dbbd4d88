// A student's phone shows the whole top bar and keeps its tissue clear, in a real browser against the real server
// (touch phones, 667x375 sideways and 375x667 upright): sideways the bar stays in its two rows (clock, cells, Learn,
// Menu; then the figures) even with the longest numbers and labels it can show, every figure's number wholly in the
// window; a notice (the toast "The round has started.") lies outside the tissue's rectangle at both sizes; with no
// tutorial there is no empty tutorial card; the order buttons carry no key hints on touch; and in a class round the
// "Paused by your teacher" card sits over the tissue, not under the side panel or the view buttons (and the teacher's
// setup form puts each list under its label). Screenshots in /tmp/polish-shots/.

import { mkdirSync } from "node:fs";
import { describe, expect, test } from "vitest";
import type { Page } from "playwright-core";
import type { FencedPage, TestBrowser } from "./browser.ts";
import type { ServerProcess } from "./serverProcess.ts";
import { openPage, useRig } from "./testRig.ts";

const SHOTS = "/tmp/polish-shots";
const UI = { timeout: 30_000, interval: 300 };
const SIDEWAYS = { width: 667, height: 375 };
const UPRIGHT = { width: 375, height: 667 };
let server: ServerProcess;
let tb: TestBrowser;
let phone: FencedPage;

useRig("phone-fit", { width: 1366, height: 768 }, async (s, b) => {
  server = s;
  tb = b;
  mkdirSync(SHOTS, { recursive: true });
  phone = await tb.newPage(SIDEWAYS, { touch: true });
  phone.page.on("dialog", (d) => void d.accept());
});

const openApp = (page: Page, path = "/") => openPage(page, server.baseUrl, { path, timeoutMs: 60_000 });

type Box = { left: number; top: number; right: number; bottom: number };
/** px² of `a` lying over `b`. */
const overlap = (a: Box, b: Box): number =>
  Math.max(0, Math.min(a.right, b.right) - Math.max(a.left, b.left)) * Math.max(0, Math.min(a.bottom, b.bottom) - Math.max(a.top, b.top));

/** The tissue's rectangle on screen (PlayScene's fit). */
const tissue = (page: Page): Promise<Box> => page.evaluate(() => {
  const f = (window as unknown as { game: any }).game.scene.getScene("Play").fitNow;
  return { left: f.x, top: f.y, right: f.x + f.width, bottom: f.y + f.height };
});

/** The view buttons' box (zoom, Whole tissue, Effects). */
const viewButtons = (page: Page): Promise<Box> => page.evaluate(() => {
  const r = document.querySelector(".zoom-controls")!.getBoundingClientRect();
  return { left: r.left, top: r.top, right: r.right, bottom: r.bottom };
});

/** Says a line as the round does, then reads where its toast lies (shown). */
async function toastBox(page: Page, line: string): Promise<Box & { shown: boolean; text: string }> {
  await page.evaluate((l) => (window as unknown as { cytokine: { bus: { emit(n: string, v: string): void } } }).cytokine.bus.emit("announce", l), line);
  return page.evaluate(() => {
    const t = document.getElementById("toast")!;
    const r = t.getBoundingClientRect();
    return { left: r.left, top: r.top, right: r.right, bottom: r.bottom, shown: t.classList.contains("shown"), text: t.textContent ?? "" };
  });
}

/**
 * Writes the longest words and numbers the bar can show into it (a five-digit count, a low IL-2 mean in pM beside a
 * peak in nM, a hundred per cent of tissue lost, the leak far past its line, type 1 diabetes' long threat label, an outcome)
 * and measures it in the same task, before the bar's next refresh writes the real figures back.
 */
const longestBar = (page: Page) => page.evaluate(() => {
  const hud = document.getElementById("hud")!;
  const before = hud.getBoundingClientRect().height;
  hud.querySelector(".hud-clock")!.textContent = "Day 12, 23:59";
  for (const s of hud.querySelectorAll(".hud-pops strong")) s.textContent = "12,345";
  hud.querySelector(".hud-il2 strong")!.textContent = "0.015 pM / 100 nM"; // as long as formatPmPair writes
  hud.querySelector(".hud-threat strong")!.textContent = "12,345";
  hud.querySelector(".hud-threat .hud-sub button")!.textContent = "Activated self-reactive killers";
  hud.querySelector(".hud-lost strong")!.textContent = "100%";
  hud.querySelector(".hud-leak strong")!.textContent = "250% ⚠";
  hud.querySelector(".hud-outcome")!.textContent = "Threat overran the tissue";
  const after = hud.getBoundingClientRect().height;
  const numbers = [...hud.querySelectorAll<HTMLElement>(".hud-fig strong, .hud-pops strong, .hud-clock")].map((e) => {
    const r = e.getBoundingClientRect();
    return { text: e.textContent ?? "", inside: r.width > 0 && r.left >= 0 && r.right <= innerWidth + 0.5 && r.bottom <= after + 0.5, clipped: e.scrollWidth > e.clientWidth + 1 };
  });
  return { before, after, numbers };
});

describe("a solo round on a touch phone", () => {
  test("a solo round starts at 667x375 without the tutorial; its notice lies beside the tissue, not over it", async () => {
    const p = phone.page;
    await openApp(p);
    await p.click("#solo-toggle");
    await p.selectOption("#solo-scenario", "viral");
    await p.uncheck("#solo-tutorial");
    await p.click("#solo-start");
    await p.locator("#play-ui").waitFor({ state: "visible", timeout: 60_000 });
    // The tissue is fitted beside the panel once the panel is placed (polled: the first fit may take the whole width).
    await expect.poll(async () => overlap(await toastBox(p, "The round has started."), await tissue(p)), { ...UI, message: "px² of the tissue under the notice at 667x375" }).toBe(0);
    const t = await toastBox(p, "The round has started.");
    expect(t.shown && t.text).toBe("The round has started.");
    expect(overlap(t, await tissue(p)), "px² of the tissue under the notice at 667x375").toBe(0);
    expect(overlap(t, await viewButtons(p)), "px² of the view buttons under the notice at 667x375").toBe(0);
    expect(t.left >= 0 && t.right <= SIDEWAYS.width && t.bottom <= SIDEWAYS.height, "the notice lies in the window").toBe(true);
    await p.screenshot({ path: `${SHOTS}/fit-1-toast-667x375.png` });
  }, 180_000);

  test("667x375: no empty tutorial card; no key hints on the touch screen's order buttons", async () => {
    const p = phone.page;
    await expect(p.locator("#side > .tutorial").evaluate((e) => e.getClientRects().length)).resolves.toBe(0);
    await p.locator("#side .squad-btn").first().click();
    await expect.poll(() => p.locator("#side button", { hasText: "Scatter" }).count(), UI).toBeGreaterThan(0);
    const hints = await p.evaluate(() => [...document.querySelectorAll("#side button kbd")].filter((k) => k.getClientRects().length > 0).map((k) => k.textContent));
    expect(hints, "key hints shown on a touch phone").toEqual([]);
  });

  test("667x375: the top bar keeps its two rows with the longest numbers, every number wholly on screen", async () => {
    const p = phone.page;
    // Figures as a round's first hours give them: every label whole (none ends in "…").
    const cut = await p.evaluate(() => {
      const hud = document.getElementById("hud")!;
      hud.querySelector(".hud-il2 strong")!.textContent = "<0.01 / 0.99 pM";
      hud.querySelector(".hud-threat strong")!.textContent = "1,234";
      hud.querySelector(".hud-lost strong")!.textContent = "<1%";
      hud.querySelector(".hud-leak strong")!.textContent = "12%";
      return [...hud.querySelectorAll<HTMLElement>(".hud-fig .hud-sub")].filter((e) => e.scrollWidth > e.clientWidth + 1).map((e) => e.textContent);
    });
    expect(cut, "labels cut with everyday figures").toEqual([]);
    const bar = await longestBar(p);
    expect(bar.before, "two rows: under 90 px").toBeLessThan(90);
    expect(bar.after, `the bar with the longest figures (${bar.before} px before)`).toBeLessThanOrEqual(bar.before + 0.5);
    for (const n of bar.numbers) {
      expect(n.inside, `"${n.text}" lies wholly in the window, within the bar`).toBe(true);
      expect(n.clipped, `"${n.text}" is not cut`).toBe(false);
    }
    await p.screenshot({ path: `${SHOTS}/fit-2-longest-bar-667x375.png` });
  });

  test("375x667: every number of the longest bar lies on screen, and the notice lies below the tissue, not over it", async () => {
    const p = phone.page;
    await p.setViewportSize(UPRIGHT);
    await p.waitForFunction(() => document.body.classList.contains("layout-bottom"), null, { timeout: 20_000 });
    const bar = await longestBar(p);
    for (const n of bar.numbers) expect(n.inside && !n.clipped, `"${n.text}" wholly on screen at 375x667`).toBe(true);
    // The tissue is fitted again under the new panel a moment after the resize.
    await expect.poll(async () => overlap(await toastBox(p, "The round has started."), await tissue(p)), { ...UI, message: "px² of the tissue under the notice at 375x667" }).toBe(0);
    const t = await toastBox(p, "The round has started.");
    expect(overlap(t, await viewButtons(p)), "px² of the view buttons under the notice at 375x667").toBe(0);
    expect(t.left >= 0 && t.right <= UPRIGHT.width && t.bottom <= UPRIGHT.height, "the notice lies in the window").toBe(true);
    await p.screenshot({ path: `${SHOTS}/fit-3-toast-375x667.png` });
    await phone.context.close();
  });
});

describe("a class round paused, on a phone held sideways", () => {
  test("the teacher pauses; the student's 'Paused by your teacher' card lies over the tissue, clear of the side panel and the view buttons", async () => {
    const tp = tb.page;
    tp.on("dialog", (d) => void d.accept());
    await openApp(tp);
    await tp.getByRole("button", { name: "Teach a class" }).click();
    const form = tp.locator("#class-setup");
    // Each list of the setup form lies under its label, as the form's other lists do (the scenario list sat on the
    // label's line, its focus ring over "Scenario").
    for (const id of ["teach-scenario", "teach-days"]) {
      const gap = await tp.evaluate((i) => document.getElementById(i)!.getBoundingClientRect().top - document.querySelector(`label[for="${i}"]`)!.getBoundingClientRect().bottom, id);
      expect(gap, `px from the label of #${id} down to its list`).toBeGreaterThanOrEqual(0);
    }
    await form.getByLabel("Scenario").selectOption("viral");
    await form.getByRole("button", { name: "Open the class" }).click();
    const title = tp.locator("#classroom h1").first();
    await expect.poll(() => title.textContent(), UI).toMatch(/^Class /);
    const code = ((await title.textContent()) ?? "").replace(/^Class /, "").replace(/\s/g, "");
    const student = await tb.newPage(SIDEWAYS, { touch: true });
    await openApp(student.page, `/?code=${code}`);
    await expect.poll(() => tp.locator(".seat").count(), UI).toBe(1);
    await tp.getByRole("button", { name: "Start the round" }).click();
    for (const p of [tp, student.page]) await p.locator("#play-ui").waitFor({ state: "visible", timeout: 60_000 });
    await tp.getByRole("button", { name: /Pause/ }).first().click();
    const card = student.page.locator("#class-veil .veil-card");
    await expect.poll(() => card.isVisible(), UI).toBe(true);
    const place = () => student.page.evaluate(() => {
      const c = document.querySelector("#class-veil .veil-card")!.getBoundingClientRect();
      const side = document.getElementById("side")!.getBoundingClientRect();
      const view = document.querySelector(".zoom-controls")!.getBoundingClientRect();
      return { clear: c.right <= side.left + 0.5 && c.left >= view.right - 0.5, inside: c.left >= 0 && c.top >= 0 && c.bottom <= innerHeight, card: `${Math.round(c.left)}–${Math.round(c.right)}`, side: Math.round(side.left), view: Math.round(view.right) };
    });
    await expect.poll(async () => (await place()).clear, { ...UI, message: `the card lies between the view buttons and the panel: ${JSON.stringify(await place())}` }).toBe(true);
    expect((await place()).inside, "the card lies in the window").toBe(true);
    await student.page.screenshot({ path: `${SHOTS}/fit-4-paused-667x375.png` });
  }, 180_000);
});
