// A solo round whose game server goes away, in a real browser against the real server process: killed outright
// (SIGKILL, a crash) the page says at once that the connection is lost and offers "Back to the menu", which returns
// to the menu; stopped on purpose (SIGTERM: the server drains, server/drain/drainServer.ts) the page says the server
// is restarting, in the server's own words, with the same button. Screenshots in test-artifacts/e2e/server-gone-*.png.

import { afterAll, describe, expect, test } from "vitest";
import { LOST_TITLE, MENU_BUTTON } from "../../client/src/ui/serverGone.ts";
import { RESTART_TITLE, SOLO_RESTART_TEXT } from "../../shared/net/serverNotice.ts";
import type { TestBrowser } from "./browser.ts";
import { startServerProcess, type ServerProcess } from "./serverProcess.ts";
import { startSoloRound, useRig } from "./testRig.ts";

const NAME = "server-gone";
const PHONE = { width: 390, height: 844 };
const LAPTOP = { width: 1366, height: 768 };
/** Within seconds: the SDK sees the socket close at once; the card follows its drop. */
const TOLD = { timeout: 10_000, interval: 200 };
let server: ServerProcess;
let tb: TestBrowser;
const later: ServerProcess[] = [];

useRig(NAME, PHONE, (s, b) => {
  server = s;
  tb = b;
});
afterAll(async () => {
  for (const s of later) await s.stop();
});

const cardTitle = () => tb.page.locator("#server-gone-title").textContent();

async function backToMenu(): Promise<void> {
  const button = tb.page.getByRole("button", { name: MENU_BUTTON });
  await expect(button.isVisible()).resolves.toBe(true);
  await button.click();
  await tb.page.locator("#menu").waitFor({ state: "visible", timeout: 10_000 });
  await expect(tb.page.locator("#play-ui").isHidden()).resolves.toBe(true);
  await expect(tb.page.locator("#server-gone").isHidden()).resolves.toBe(true);
}

describe("a solo round whose game server goes away", () => {
  test("killed mid-round: the page says the connection is lost, and the menu is one tap away", async () => {
    await startSoloRound(tb.page, server.baseUrl, "");
    await expect.poll(() => tb.page.evaluate(() => document.querySelector("#hud")?.textContent ?? ""), TOLD).not.toBe("");
    await expect(tb.page.locator("#server-gone").isHidden()).resolves.toBe(true); // nothing said while all is well
    await server.kill("SIGKILL");
    await expect.poll(cardTitle, TOLD).toBe(LOST_TITLE);
    await expect(tb.page.locator("#server-gone-text").textContent()).resolves.toContain("start a new one when the server is back");
    await tb.shot(`${NAME}-killed`);
    await tb.page.setViewportSize(LAPTOP);
    await tb.shot(`${NAME}-killed-laptop`);
    await tb.page.setViewportSize(PHONE);
    await backToMenu();
    await tb.shot(`${NAME}-killed-menu`);
  });

  test("stopped on purpose mid-round: the page says the server is restarting, and the menu is one tap away", async () => {
    const again = await startServerProcess({ port: server.port }); // where the page expects it
    later.push(again);
    await startSoloRound(tb.page, again.baseUrl, "");
    await again.kill("SIGTERM");
    expect(again.exited()).toBe("code 0");
    await expect.poll(cardTitle, TOLD).toBe(RESTART_TITLE);
    await expect(tb.page.locator("#server-gone-text").textContent()).resolves.toBe(SOLO_RESTART_TEXT);
    await tb.shot(`${NAME}-restarting`);
    await backToMenu();
    await expect(tb.page.locator("#status").textContent()).resolves.toBe(SOLO_RESTART_TEXT);
    expect(tb.errors.filter((e) => !/WebSocket|ERR_CONNECTION_REFUSED|Failed to load resource/i.test(e))).toEqual([]);
  });
});
