// A class round's notices and the page's weight in a real browser against the real server: a teacher (laptop,
// 1366x768) opens a class, a student joins on a phone (375x667) and the round starts; when the teacher pauses, the
// student's page shows "Paused by your teacher" (a status region, letting clicks through to Learn) and the teacher's
// page confirms; resume lifts the veil with a notice, a speed change and a dealt card are told to both. The student's page arrived
// compressed, hashed assets are cached as immutable and the page is not, and the page's gzipped weight is printed
// and held to 500 KB. Screenshots: /tmp/devices-shots/notices-*.png.

import { mkdirSync } from "node:fs";
import { request } from "node:http";
import { describe, expect, test } from "vitest";
import type { Page } from "playwright-core";
import type { FencedPage, TestBrowser } from "./browser.ts";
import type { ServerProcess } from "./serverProcess.ts";
import { openClassSetup, openPage, useRig } from "./testRig.ts";

const SHOTS = "/tmp/devices-shots";
const UI = { timeout: 30_000, interval: 300 };
let server: ServerProcess;
let tb: TestBrowser;
let teacher: FencedPage;
let student: FencedPage;
/** Every response the student's page received: URL and the headers that matter here. */
const responses: { url: string; encoding: string | undefined; cache: string | undefined; type: string | undefined }[] = [];
/** How many responses the student's page had when its round was on screen: the page's weight, before anything on demand (Learn). */
let atPlay = 0;

useRig("class-notices", { width: 1366, height: 768 }, async (s, b) => {
  server = s;
  tb = b;
  mkdirSync(SHOTS, { recursive: true });
  teacher = tb;
  student = await tb.newPage({ width: 375, height: 667 });
  for (const p of [teacher, student]) p.page.on("dialog", (d) => void d.accept());
  student.page.on("response", (r) => {
    const h = r.headers();
    responses.push({ url: r.url(), encoding: h["content-encoding"], cache: h["cache-control"], type: h["content-type"] });
  });
});

const openApp = (page: Page, path = "/") => openPage(page, server.baseUrl, { path, timeoutMs: 60_000 });

const shot = (p: FencedPage, name: string) => p.page.screenshot({ path: `${SHOTS}/notices-${name}.png` });
const toast = (p: FencedPage) => p.page.locator("#toast").textContent();
const liveLog = (p: FencedPage) => p.page.locator("#live").textContent();
const veil = (p: FencedPage) => p.page.locator("#class-veil");

/** A raw GET with an Accept-Encoding of our choice; resolves to the body's size in bytes as sent. */
function sentBytes(url: string, acceptEncoding: string): Promise<{ bytes: number; encoding: string | undefined }> {
  return new Promise((resolve, reject) => {
    const req = request(url, { headers: { "accept-encoding": acceptEncoding } }, (res) => {
      let bytes = 0;
      res.on("data", (c: Buffer) => { bytes += c.length; });
      res.on("end", () => resolve({ bytes, encoding: res.headers["content-encoding"] }));
      res.on("error", reject);
    });
    req.on("error", reject);
    req.end();
  });
}

describe("a class round's notices on a phone", () => {
  test("the teacher opens a class; a student joins on a phone; the round starts on both", async () => {
    const tp = teacher.page;
    await openApp(tp);
    const form = await openClassSetup(tp);
    await form.getByLabel(/Round length/).selectOption("4");
    await form.getByRole("button", { name: "Open the class" }).click();
    const title = tp.locator("#classroom h1").first();
    await expect.poll(() => title.textContent(), UI).toMatch(/^Class /);
    const code = ((await title.textContent()) ?? "").replace(/^Class /, "").replace(/\s/g, "");
    await openApp(student.page, `/?code=${code}`);
    await expect.poll(() => student.page.getByText("Waiting for your teacher to start the round").count(), UI).toBe(1);
    await tp.getByRole("button", { name: "Start the round" }).click();
    for (const p of [teacher, student]) await p.page.locator("#play-ui").waitFor({ state: "visible", timeout: 60_000 });
    await expect(veil(student).textContent()).resolves.toBe("");
    atPlay = responses.length;
  }, 180_000);

  test("pause: the student's phone shows the veil, announced and letting clicks through; the teacher's page confirms", async () => {
    await teacher.page.getByRole("button", { name: /Pause/ }).click();
    await expect.poll(() => veil(student).textContent(), UI).toContain("Paused by your teacher");
    await expect(veil(student).getAttribute("role")).resolves.toBe("status");
    await expect(student.page.locator("#class-veil .veil-card").isVisible()).resolves.toBe(true);
    await expect.poll(() => toast(teacher), UI).toContain(`Round paused. Your students see "Paused by your teacher".`);
    await expect(veil(teacher).textContent()).resolves.toBe(""); // the teacher's own page is not veiled
    // A tap in the middle of the veil's card reaches what lies under it, not the veil.
    const underCard = await student.page.evaluate(() => {
      const r = document.querySelector("#class-veil .veil-card")!.getBoundingClientRect();
      const hit = document.elementFromPoint(r.x + r.width / 2, r.y + r.height / 2);
      return hit ? hit.closest("#class-veil") === null : false;
    });
    expect(underCard).toBe(true);
    await shot(student, "1-student-paused-375x667");
    await shot(teacher, "2-teacher-paused-1366x768");
    // Learn still opens from the side panel while paused.
    await student.page.locator("#side button.term", { hasText: "IL-2 concentration" }).click();
    await expect.poll(() => student.page.locator("dialog#learn[open]").count(), UI).toBe(1);
    await shot(student, "3-student-learn-while-paused");
    await student.page.keyboard.press("Escape");
    await expect.poll(() => student.page.locator("dialog#learn[open]").count(), UI).toBe(0);
  }, 120_000);

  test("resume lifts the veil with a notice; a speed change and a dealt card are told to the student and confirmed to the teacher", async () => {
    await teacher.page.getByRole("button", { name: /Resume/ }).click();
    await expect.poll(() => veil(student).textContent(), UI).toBe("");
    await expect(student.page.locator("#class-veil .veil-card").isVisible()).resolves.toBe(false);
    await expect.poll(() => liveLog(student), UI).toContain("Your teacher resumed the round.");
    await expect.poll(() => toast(teacher), UI).toContain("Round resumed.");
    await shot(student, "4-student-resumed");
    await teacher.page.locator('select[aria-label="Game speed"]').selectOption("4");
    await expect.poll(() => toast(student), UI).toContain("Your teacher set the speed to 4×");
    await expect.poll(() => toast(teacher), UI).toContain("Speed 4×.");
    await shot(teacher, "6-teacher-speed-confirmed");
    // "Deal this card" (high-dose IL-2 is first): the clinician's card is readied, or with no clinician a dose is given.
    await teacher.page.getByRole("button", { name: "Deal this card" }).click();
    const dealt = /Card dealt to .+: high-dose IL-2\.|A dose of high-dose IL-2 was given\./;
    await expect.poll(() => liveLog(teacher), UI).toMatch(dealt);
    await expect.poll(() => liveLog(student), UI).toMatch(/Your teacher dealt .+ a card: high-dose IL-2, ready to play\.|A dose of high-dose IL-2 was given\./);
    await shot(student, "7-student-card");
    await shot(student, "5-student-speed");
    expect(student.errors.filter((e) => !/WebGL|GPU|swiftshader/i.test(e))).toEqual([]);
  }, 120_000);
});

describe("the page is light and cached", () => {
  test("the menu works while Phaser has not arrived (its chunk held back)", async () => {
    const device = await tb.newPage({ width: 375, height: 667 });
    let held = 0;
    await device.page.route(/\/assets\/phaser-[^/]+\.js$/, () => { held++; }); // never answered
    await device.page.goto(server.baseUrl + "/", { waitUntil: "domcontentloaded" });
    await expect.poll(() => device.page.locator("#status").textContent(), UI).toMatch(/game server is running/);
    await device.page.getByRole("button", { name: "Solo practice" }).click();
    await expect.poll(() => device.page.locator("#solo-setup").isVisible(), UI).toBe(true);
    await expect.poll(() => device.page.locator("#solo-scenario option").count(), UI).toBeGreaterThan(1);
    expect(held).toBe(1);
    expect(await device.page.evaluate(() => "cytokine" in window)).toBe(false); // set once Phaser is there (main.ts)
    await device.page.screenshot({ path: `${SHOTS}/notices-8-menu-without-phaser.png` });
    await device.context.close();
  });

  test("a round started before Phaser arrives plays once it has, each cell picture loaded once", async () => {
    const device = await tb.newPage({ width: 375, height: 667 });
    let release: (() => void) | null = null;
    await device.page.route(/\/assets\/phaser-[^/]+\.js$/, (route) => { release = () => void route.continue(); });
    await device.page.goto(server.baseUrl + "/", { waitUntil: "domcontentloaded" });
    await expect.poll(() => device.page.locator("#status").textContent(), UI).toMatch(/game server is running/);
    await device.page.click("#solo-toggle");
    await device.page.selectOption("#solo-scenario", "viral");
    await device.page.uncheck("#solo-tutorial");
    await device.page.click("#solo-start");
    await expect.poll(() => release !== null, UI).toBe(true);
    await device.page.waitForTimeout(1500); // the round joined while Phaser's code is held back
    release!();
    await device.page.locator("#play-ui").waitFor({ state: "visible", timeout: 30_000 });
    await expect.poll(() => device.page.evaluate(() => {
      const g = (window as unknown as { cytokine?: { game: { scene: { isActive(k: string): boolean } } } }).cytokine?.game;
      return Boolean(g?.scene.isActive("Play"));
    }), UI).toBe(true);
    await device.page.waitForTimeout(1000);
    // Before, the play scene started as Phaser was created, before it had booted the loading scene: both loaded the
    // sprites and Phaser warned "Texture key already in use" for each (a class's phone in CI).
    expect(device.errors.filter((e) => /Texture key/i.test(e))).toEqual([]);
    expect(device.errors.filter((e) => !/WebGL|GPU|swiftshader/i.test(e))).toEqual([]);
    await device.context.close();
  });

  test("the student's JavaScript arrived compressed; hashed assets are immutable, the page revalidates", () => {
    const scripts = responses.filter((r) => /\/assets\/.+\.js$/.test(new URL(r.url).pathname));
    expect(scripts.length).toBeGreaterThanOrEqual(2); // the menu's entry, then Phaser's chunk
    for (const s of scripts) {
      expect(s.encoding, s.url).toMatch(/^(br|gzip)$/);
      expect(s.cache, s.url).toBe("public, max-age=31536000, immutable");
      expect(s.type, s.url).toMatch(/javascript/);
    }
    const page = responses.find((r) => new URL(r.url).pathname === "/")!;
    expect(page.cache).toBe("no-cache");
  });

  test("the menu's page does not load Phaser before its own script; the gzipped page is at most 500 KB", async () => {
    const html = await (await fetch(server.baseUrl + "/")).text();
    expect(html).not.toMatch(/phaser-/); // neither a script nor a modulepreload: Phaser comes by dynamic import
    // Everything the student's page fetched over HTTP from the server (not the socket) until its round was on screen,
    // asked for again with gzip only; what it fetched later, on demand (the Learn dialog when opened), is told apart.
    const own = (list: typeof responses) => [...new Set(list.map((r) => r.url).filter((u) => u.startsWith(server.baseUrl) && !u.includes("/matchmake/")))];
    const urls = own(responses.slice(0, atPlay));
    expect(urls.length).toBeGreaterThan(5);
    let gzip = 0, raw = 0;
    for (const u of urls) {
      const g = await sentBytes(u, "gzip");
      gzip += g.bytes;
      raw += (await sentBytes(u, "identity")).bytes;
    }
    const later = own(responses.slice(atPlay)).filter((u) => !urls.includes(u));
    let onDemand = 0;
    for (const u of later) onDemand += (await sentBytes(u, "gzip")).bytes;
    console.log(`on demand later (Learn opened): ${Math.round(onDemand / 1024)} KB gzip in ${later.length} files`);
    const br = await student.page.evaluate(() => [
      ...performance.getEntriesByType("navigation"), ...performance.getEntriesByType("resource"),
    ].reduce((n, e) => n + ((e as PerformanceResourceTiming).encodedBodySize || 0), 0));
    const kb = (n: number) => Math.round(n / 1024);
    console.log(`page KB gzip: ${kb(gzip)} (brotli as the browser received it, Learn included: ${kb(br)} KB, uncompressed: ${kb(raw)} KB, ${urls.length} files)`);
    expect(gzip).toBeLessThanOrEqual(500 * 1024);
    expect(gzip).toBeLessThan(raw / 2);
  });
});
