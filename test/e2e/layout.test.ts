// Layouts for every device in the room, in a real browser against the real server (one server, one browser, pages
// reused): the teacher's lobby fits a 1920x1080 projector and a 1366x768 laptop (Start and the class list in view
// without scrolling, the code and QR beside them, a Full screen button); in a class round and in a solo round, at
// 375x667 and 667x375 (a touch phone, upright and sideways), 768x1024 (a tablet), 1366x768 and 1920x1080, every
// control of the top bar (and of its round menu where it folds) lies inside the window and is the element found at
// its own centre (nothing covers it), the squad buttons are in view, and the tissue is fitted clear of the panel;
// the projector's bar holds one way to end the round; on a touch phone the tutorial and the squad panel speak of
// taps, not clicks and keys, and the tutorial card folds; on the phone (upright and sideways) the view buttons (zoom,
// Whole tissue, Effects) lie clear of the tissue's area and are fingertip-sized, and sideways the tutorial's card is
// wholly in the window with its buttons uncovered. No screenshots here, to keep the suite short.

import { describe, expect, test } from "vitest";
import type { Page } from "playwright-core";
import type { FencedPage, TestBrowser } from "./browser.ts";
import type { ServerProcess } from "./serverProcess.ts";
import { openPage, useRig } from "./testRig.ts";

const UI = { timeout: 30_000, interval: 300 };
const SIZES = [
  { name: "phone upright", width: 375, height: 667 },
  { name: "phone sideways", width: 667, height: 375 },
  { name: "tablet", width: 768, height: 1024 },
  { name: "laptop", width: 1366, height: 768 },
  { name: "projector", width: 1920, height: 1080 },
];
let server: ServerProcess;
let tb: TestBrowser;
let teacher: FencedPage;
let student: FencedPage;

useRig("layout", { width: 1920, height: 1080 }, async (s, b) => {
  server = s;
  tb = b;
  teacher = tb;
  student = await tb.newPage({ width: 375, height: 667 }, { touch: true });
  for (const p of [teacher, student]) p.page.on("dialog", (d) => void d.accept());
}, { timeoutMs: 120_000 });

const openApp = (page: Page, path = "/") => openPage(page, server.baseUrl, { path, timeoutMs: 60_000 });

interface Placed { name: string; inside: boolean; onTop: boolean }
/** Each shown control matching `selector`: inside the window, and the element at its centre is it (or inside it). */
const placed = (page: Page, selector: string): Promise<Placed[]> => page.evaluate((sel) => [...document.querySelectorAll<HTMLElement>(sel)]
  .filter((e) => e.getClientRects().length > 0 && getComputedStyle(e).visibility !== "hidden")
  .map((e) => {
    const r = e.getBoundingClientRect();
    const hit = document.elementFromPoint(r.left + r.width / 2, r.top + r.height / 2);
    return {
      name: e.getAttribute("aria-label") || e.textContent?.trim() || e.id || e.tagName,
      inside: r.width > 0 && r.left >= 0 && r.top >= 0 && r.right <= innerWidth && r.bottom <= innerHeight,
      onTop: hit !== null && (hit === e || e.contains(hit)),
    };
  }), selector);

function expectAllReachable(list: Placed[], where: string): void {
  expect(list.length, `${where}: some controls are shown`).toBeGreaterThan(0);
  for (const c of list) {
    expect(c.inside, `${where}: "${c.name}" lies inside the window`).toBe(true);
    expect(c.onTop, `${where}: "${c.name}" is not covered`).toBe(true);
  }
}

/** Waits until the page's layout has settled at its new size (the panel placed for it, the tissue fitted). */
async function resize(page: Page, size: { width: number; height: number }): Promise<void> {
  await page.setViewportSize(size);
  await page.waitForFunction((w) => innerWidth === w && document.body.classList.contains(w >= 900 ? "layout-side" : innerWidth >= innerHeight * 1.2 ? "layout-side" : "layout-bottom"), size.width, { timeout: 20_000 });
}

/** The tissue's box on the canvas (PlayScene's fit) and the side panel's box. */
const tissueAndPanel = (page: Page) => page.evaluate(() => {
  const fit = (window as unknown as { game: any }).game.scene.getScene("Play")?.fitNow;
  const side = document.getElementById("side")!.getBoundingClientRect();
  return { x: fit.x, y: fit.y, right: fit.x + fit.width, bottom: fit.y + fit.height, side: { left: side.left, top: side.top, width: side.width } };
});

/**
 * The tissue lies wholly beside or above the side panel, and is not a sliver (polled: the canvas takes its new size a
 * moment after the panel moves, and the tissue is fitted again then).
 */
async function expectTissueClear(page: Page, where: string): Promise<void> {
  const third = Math.min(page.viewportSize()!.width, page.viewportSize()!.height) / 3;
  await expect.poll(async () => {
    const t = await tissueAndPanel(page);
    const below = t.side.left <= 1;
    const clear = below ? t.bottom <= t.side.top + 1 : t.right <= t.side.left + 1;
    return clear && t.right - t.x > third;
  }, { ...UI, message: `${where}: the tissue is clear of the panel and at least a third of the window's short side` }).toBe(true);
}

/** The top bar's controls; where they fold into the round menu, opens it and checks its items too, then closes it. */
async function checkBar(page: Page, where: string): Promise<void> {
  expectAllReachable(await placed(page, "#hud button:not(.term), #hud select"), `${where}, top bar`);
  const menuButton = page.locator(".hud-menu-btn");
  if (!(await menuButton.isVisible())) return;
  // Clicked in the page: the element at its centre is already checked to be the button, and on a loaded machine
  // playwright's own click can stall waiting for two tissue pages to settle.
  await menuButton.evaluate((b: HTMLElement) => b.click());
  await expect.poll(() => menuButton.getAttribute("aria-expanded"), UI).toBe("true");
  expectAllReachable(await placed(page, "#hud-round-menu > button, #hud-round-menu > select"), `${where}, round menu`);
  await page.keyboard.press("Escape");
  await expect.poll(() => menuButton.getAttribute("aria-expanded"), UI).toBe("false");
}

/**
 * On phones, the view buttons lie outside the tissue's area (PlayScene's fit: nothing the student needs is under
 * them), each inside the window, uncovered and at least 44 px (polled: the tissue is fitted again after a resize).
 */
async function expectViewButtonsClear(page: Page, where: string): Promise<void> {
  const overlap = () => page.evaluate(() => {
    const fit = (window as unknown as { game: any }).game.scene.getScene("Play")?.fitNow;
    const g = document.querySelector(".zoom-controls")!.getBoundingClientRect();
    const x = Math.max(0, Math.min(g.right, fit.x + fit.width) - Math.max(g.left, fit.x));
    const y = Math.max(0, Math.min(g.bottom, fit.y + fit.height) - Math.max(g.top, fit.y));
    return Math.round(x * y);
  });
  await expect.poll(overlap, { ...UI, message: `${where}: px² of the tissue's area under the view buttons` }).toBe(0);
  const buttons = await placed(page, ".zoom-controls button");
  expect(buttons.length, `${where}: zoom out, zoom in, Whole tissue, Effects`).toBe(4);
  expectAllReachable(buttons, `${where}, view buttons`);
  const small = await page.evaluate(() => [...document.querySelectorAll<HTMLElement>(".zoom-controls button")]
    .filter((b) => b.getBoundingClientRect().height < 44 || b.getBoundingClientRect().width < 44).map((b) => b.getAttribute("aria-label")));
  expect(small, `${where}: view buttons under 44 px`).toEqual([]);
}

/** The tutorial's card lies wholly in the window, its buttons uncovered, and its words fit or scroll inside it. */
async function expectTutorialInView(page: Page, where: string): Promise<void> {
  const card = () => page.evaluate(() => {
    const t = document.querySelector<HTMLElement>("#side .tutorial")!;
    const r = t.getBoundingClientRect();
    const text = t.querySelector<HTMLElement>(".tutorial-body > p")!;
    return {
      inside: r.top >= 0 && r.bottom <= innerHeight + 0.5 && r.left >= 0 && r.right <= innerWidth + 0.5,
      readable: text.scrollHeight <= text.clientHeight + 1 || getComputedStyle(text).overflowY === "auto",
      box: `${Math.round(r.top)}–${Math.round(r.bottom)} of ${innerHeight}`,
    };
  });
  await expect.poll(async () => (await card()).inside, { ...UI, message: `${where}: the tutorial's card is wholly in the window (${(await card()).box})` }).toBe(true);
  expect((await card()).readable, `${where}: the tutorial's words fit or scroll inside the card`).toBe(true);
  const buttons = await placed(page, "#side .tutorial button");
  expect(buttons.map((b) => b.name), `${where}: the tutorial's buttons`).toEqual(expect.arrayContaining(["Hide", "Skip the tutorial"]));
  expectAllReachable(buttons, `${where}, tutorial buttons`);
}

describe("the teacher's lobby on a projector and a laptop", () => {
  let code = "";
  test("a class opens; a student joins from a touch phone", async () => {
    const tp = teacher.page;
    await openApp(tp);
    await tp.getByRole("button", { name: "Teach a class" }).click();
    const form = tp.locator("#class-setup");
    await form.getByLabel("Scenario").selectOption("viral");
    await form.getByLabel(/Round length/).selectOption("4");
    await form.getByRole("button", { name: "Open the class" }).click();
    const title = tp.locator("#classroom h1").first();
    await expect.poll(() => title.textContent(), UI).toMatch(/^Class /);
    code = ((await title.textContent()) ?? "").replace(/^Class /, "").replace(/\s/g, "");
    await openApp(student.page, `/?code=${code}`);
    await expect.poll(() => tp.locator(".seat").count(), UI).toBe(1);
  }, 180_000);

  for (const size of [{ width: 1920, height: 1080 }, { width: 1366, height: 768 }]) {
    test(`at ${size.width}x${size.height}: Start, the class list, the code and the QR code are all in view without scrolling`, async () => {
      const tp = teacher.page;
      await tp.setViewportSize(size);
      await tp.evaluate(() => document.getElementById("classroom")!.scrollTo(0, 0));
      expectAllReachable(await placed(tp, "#lobby-start, #lobby-count, .seat, .join-code, .qr-box svg, .lobby-head-actions button"), `lobby ${size.width}x${size.height}`);
      // Code and QR on one side, the students and Start on the other.
      const box = (sel: string) => tp.locator(sel).first().boundingBox();
      const qr = (await box(".qr-box"))!, start = (await box("#lobby-start"))!, seats = (await box(".seat-list"))!;
      expect(qr.x + qr.width, "the QR code is left of Start").toBeLessThanOrEqual(start.x);
      expect(qr.x + qr.width, "the QR code is left of the class list").toBeLessThanOrEqual(seats.x);
      await expect(tp.getByRole("button", { name: "Full screen" }).isVisible(), "a Full screen button for the projector").resolves.toBe(true);
    });
  }
});

describe("a class round at every size", () => {
  test("the round starts on both pages", async () => {
    await teacher.page.getByRole("button", { name: "Start the round" }).click();
    for (const p of [teacher, student]) await p.page.locator("#play-ui").waitFor({ state: "visible", timeout: 60_000 });
  }, 120_000);

  test("the projector's bar has one Pause and no Restart beside the panel's 'End the round now'", async () => {
    const tp = teacher.page;
    await resize(tp, { width: 1920, height: 1080 });
    const names = (await placed(tp, "#hud button, #side button")).map((c) => c.name);
    expect(names.filter((n) => /Pause|Resume/.test(n)), names.join(" | ")).toHaveLength(1);
    expect(names.filter((n) => /Restart/.test(n)), names.join(" | ")).toHaveLength(0);
    expect(names.filter((n) => /End the round now/.test(n)), names.join(" | ")).toHaveLength(1);
    await expect(tp.getByRole("button", { name: "Full screen" }).isVisible()).resolves.toBe(true);
  });

  for (const size of SIZES) {
    test(`${size.name} ${size.width}x${size.height}: every control of the bar is on screen and uncovered, on the student's and the teacher's page`, async () => {
      for (const [who, p] of [["student", student], ["teacher", teacher]] as const) {
        await resize(p.page, size);
        await checkBar(p.page, `${who} ${size.width}x${size.height}`);
        await expectTissueClear(p.page, `${who} ${size.width}x${size.height}`);
      }
    }, 120_000);
  }

  test("the class round's pages close (the solo round comes next)", async () => {
    await student.context.close();
    await teacher.page.goto("about:blank");
  });
});

describe("a solo round on a touch phone, then at every size", () => {
  let solo: FencedPage;
  test("a solo round with the tutorial starts on a 375x667 touch phone", async () => {
    solo = await tb.newPage({ width: 375, height: 667 }, { touch: true });
    solo.page.on("dialog", (d) => void d.accept());
    await openApp(solo.page);
    await solo.page.click("#solo-toggle");
    await solo.page.selectOption("#solo-scenario", "viral");
    await solo.page.locator("#solo-role").getByLabel(/Effector/).check();
    await solo.page.check("#solo-tutorial");
    await solo.page.click("#solo-start");
    await solo.page.locator("#play-ui").waitFor({ state: "visible", timeout: 60_000 });
  }, 120_000);

  test("the tutorial speaks of taps, not clicks or keys, and folds to its title", async () => {
    const p = solo.page;
    const tutorial = p.locator("#side .tutorial");
    await expect.poll(() => tutorial.textContent(), UI).toContain("Select your helpers");
    const text = (await tutorial.textContent()) ?? "";
    expect(text).toMatch(/\bTap the helpers button/);
    expect(text).not.toMatch(/click|press 1/i);
    // The squad buttons are in view right away, at the top of the panel, the tutorial under them.
    await expect.poll(() => p.locator("#side .squad-btn").count(), UI).toBeGreaterThan(0);
    expectAllReachable(await placed(p, "#side .squad-btn"), "squad buttons on the phone");
    const fold = tutorial.getByRole("button", { name: "Hide" });
    const tall = (await tutorial.boundingBox())!.height;
    await fold.click();
    await expect.poll(async () => (await tutorial.boundingBox())!.height, UI).toBeLessThan(tall / 2);
    await expect(tutorial.getByRole("button", { name: "Show" }).getAttribute("aria-expanded")).resolves.toBe("false");
    await tutorial.getByRole("button", { name: "Show" }).click();
    // Choosing the helpers: the panel says to tap the tissue.
    await p.locator("#side .squad-btn").first().click();
    await expect.poll(() => p.locator("#side").textContent(), UI).toContain("Tap the tissue to send them");
    // Every button of the round is a fingertip's size.
    const small = await p.evaluate(() => [...document.querySelectorAll<HTMLElement>("#play-ui button:not(.term), #play-ui select")]
      .filter((e) => e.getClientRects().length > 0).filter((e) => e.getBoundingClientRect().height < 44).map((e) => e.textContent?.trim() || e.getAttribute("aria-label")));
    expect(small, "buttons under 44 px tall on a touch phone").toEqual([]);
  }, 60_000);

  for (const size of SIZES) {
    test(`${size.name} ${size.width}x${size.height}: every control of the bar is on screen and uncovered, the squads in view`, async () => {
      const p = solo.page;
      await resize(p, size);
      await checkBar(p, `solo ${size.width}x${size.height}`);
      await expectTissueClear(p, `solo ${size.width}x${size.height}`);
      expectAllReachable(await placed(p, "#side .squad-btn"), `solo ${size.width}x${size.height}, squad buttons`);
      if (size.width < 700) await expectViewButtonsClear(p, `solo ${size.width}x${size.height}`);
      if (size.name === "phone sideways") await expectTutorialInView(p, `solo ${size.width}x${size.height}`);
    }, 120_000);
  }
});
