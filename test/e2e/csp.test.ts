// The server's Content-Security-Policy against the real built client in Chromium: the game's menu and the kiosk
// page load, boot Phaser and draw, with no violation reported (no inline script or style, images from blob:/data:,
// the WebSocket to the same host), and a page from another origin cannot frame the game.

import { describe, expect, test } from "vitest";
import type { TestBrowser } from "./browser.ts";
import type { ServerProcess } from "./serverProcess.ts";
import { useRig } from "./testRig.ts";

let server: ServerProcess;
let tb: TestBrowser;

useRig("csp", { width: 390, height: 844 }, async (s, b) => {
  server = s;
  tb = b;
  // Every violation the page reports, in the order it happened.
  await tb.context.addInitScript(() => {
    const seen: string[] = [];
    (window as unknown as { cspViolations: string[] }).cspViolations = seen;
    document.addEventListener("securitypolicyviolation", (e) => seen.push(`${e.effectiveDirective} ${e.blockedURI} ${e.sourceFile}:${e.lineNumber}`));
  });
});

const violations = () => tb.page.evaluate(() => (window as unknown as { cspViolations: string[] }).cspViolations);
const booted = () => tb.page.evaluate(() => (window as unknown as { game?: { isBooted: boolean } }).game?.isBooted === true);

describe("the Content-Security-Policy and the built client", () => {
  test("the menu loads under the policy and boots with no violation", async () => {
    const res = await tb.page.goto(server.baseUrl, { waitUntil: "load" });
    expect(res?.headers()["content-security-policy"]).toContain("script-src 'self'");
    await expect.poll(() => tb.page.locator("#status").textContent(), { timeout: 20_000 }).toMatch(/game server is running/);
    await expect.poll(booted, { timeout: 20_000 }).toBe(true);
    expect(await violations()).toEqual([]);
    await tb.shot("csp-menu-phone");
    // A script on the page cannot reach another host: the policy refuses it before it leaves the browser.
    const before = tb.blocked.length;
    const outcome = await tb.page.evaluate(() => fetch("http://198.51.100.1/probe").then(() => "reached", () => "failed"));
    expect(outcome).toBe("failed");
    await expect.poll(violations).toEqual([expect.stringMatching(/^connect-src http:\/\/198\.51\.100\.1/)]);
    expect(tb.blocked.length).toBe(before); // never even asked for
  });

  test("the kiosk page loads under the policy and boots with no violation", async () => {
    const errorsBefore = tb.errors.length; // the menu test's refused probe logged its own
    const res = await tb.page.goto(`${server.baseUrl}/kiosk.html`, { waitUntil: "load" });
    expect(res?.headers()["content-security-policy"]).toContain("frame-ancestors 'self'");
    // Attract mode with its watched room's state: the page's WebSocket to the same host got through.
    const watching = () => tb.page.evaluate(() => {
      const k = (window as unknown as { kiosk?: { mode(): string; sessions(): { watch?: { state?: { scenarioId?: string } } } } }).kiosk;
      return k?.mode() === "attract" && !!k.sessions().watch?.state?.scenarioId;
    }).catch(() => false);
    await expect.poll(watching, { timeout: 60_000 }).toBe(true);
    expect(await violations()).toEqual([]);
    expect(tb.errors.slice(errorsBefore).filter((e) => !/favicon/.test(e))).toEqual([]);
    await tb.shot("csp-kiosk-phone");
  });

  test("on an iPhone (where Phaser would measure a window-sized game with a style attribute) the menu boots full size, no violation", async () => {
    const context = await tb.browser.newContext({
      viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true, serviceWorkers: "block",
      userAgent: "Mozilla/5.0 (iPhone; CPU iPhone OS 18_0 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/18.0 Mobile/15E148 Safari/604.1",
    });
    await context.route("**/*", (route) => (new URL(route.request().url()).hostname === "127.0.0.1" || /^(data|blob):/.test(route.request().url()) ? route.continue() : route.abort()));
    await context.addInitScript(() => {
      const seen: string[] = [];
      (window as unknown as { cspViolations: string[] }).cspViolations = seen;
      document.addEventListener("securitypolicyviolation", (e) => seen.push(`${e.effectiveDirective} ${e.blockedURI}`));
    });
    const page = await context.newPage();
    await page.goto(server.baseUrl, { waitUntil: "load" });
    const state = () => page.evaluate(() => {
      const g = (window as unknown as { game?: { isBooted: boolean; device: { os: { iOS: boolean } }; scale: { height: number } } }).game;
      return g?.isBooted ? { iOS: g.device.os.iOS, height: g.scale.height } : null;
    });
    await expect.poll(state, { timeout: 20_000 }).not.toBeNull();
    const s = (await state())!;
    expect(s.iOS).toBe(true);
    expect(s.height).toBeGreaterThan(400);
    expect(await page.evaluate(() => (window as unknown as { cspViolations: string[] }).cspViolations)).toEqual([]);
    await context.close();
  });

  test("no page can frame the game's page", async () => {
    // frame-ancestors 'none' refuses every framer, even the server's own pages: a framed game would show its title.
    await tb.page.goto(`${server.baseUrl}/health`);
    const framed = await tb.page.evaluate(async (url) => {
      const frame = document.createElement("iframe");
      frame.src = url;
      document.body.append(frame);
      await new Promise((r) => setTimeout(r, 1500));
      try {
        return frame.contentDocument?.title ?? "blocked";
      } catch {
        return "blocked";
      }
    }, server.baseUrl);
    expect(framed).not.toMatch(/Cytokine/i);
  });
});
