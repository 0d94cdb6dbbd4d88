// The rig of a browser test file: the client built if stale, the real server as a child process on a free loopback
// port and one fenced Chromium, started before the file's tests and stopped after them. What the server printed
// (a crash shows here) is kept beside the screenshots as test-artifacts/e2e/<name>-server.log.

import { writeFileSync } from "node:fs";
import { join } from "node:path";
import { afterAll, beforeAll } from "vitest";
import type { Page } from "playwright-core";
import { ARTIFACTS_DIR, launchBrowser, type TestBrowser } from "./browser.ts";
import { ensureClientBuilt, startServerProcess, type ServerProcess } from "./serverProcess.ts";

type Viewport = { width: number; height: number };

/**
 * Registers the file's beforeAll and afterAll. `ready` receives the server and the browser once both run (the file
 * keeps them; it may set up more there: a second device, dialogs answered, scripts added to every page).
 */
export function useRig(
  name: string, viewport: Viewport | undefined, ready: (server: ServerProcess, tb: TestBrowser) => void | Promise<void>,
  serverOptions: Parameters<typeof startServerProcess>[0] = {},
): void {
  let server: ServerProcess | undefined;
  let tb: TestBrowser | undefined;
  beforeAll(async () => {
    ensureClientBuilt();
    server = await startServerProcess(serverOptions);
    tb = await launchBrowser(viewport);
    await ready(server, tb);
  }, 240_000);
  afterAll(async () => {
    await tb?.close();
    if (server) writeFileSync(join(ARTIFACTS_DIR, `${name}-server.log`), `${server.output()}\n${server.exited() ? `exited early: ${server.exited()}` : ""}\n`);
    await server?.stop();
  });
}

/** Opens the menu, adds the test's `hooks` script, and starts a solo viral round without the tutorial; waits for the play screen. */
export async function startSoloRound(page: Page, baseUrl: string, hooks: string): Promise<void> {
  await page.goto(baseUrl, { waitUntil: "load" });
  await page.waitForFunction(() => (window as unknown as { cytokine?: unknown }).cytokine !== undefined, null, { timeout: 30_000 });
  await page.evaluate(hooks);
  await page.click("#solo-toggle");
  await page.selectOption("#solo-scenario", "viral");
  await page.uncheck("#solo-tutorial");
  await page.click("#solo-start");
  await page.locator("#play-ui").waitFor({ state: "visible", timeout: 30_000 });
}
