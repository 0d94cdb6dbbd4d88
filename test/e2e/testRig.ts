// The rig of a browser test file: the client built if stale, the real server as a child process on a free loopback
// port and one fenced Chromium, started before the file's tests and stopped after them. What the server printed
// (a crash shows here) is kept beside the screenshots as test-artifacts/e2e/<name>-server.log.

import { writeFileSync } from "node:fs";
import { join } from "node:path";
import { afterAll, beforeAll } from "vitest";
import type { Locator, Page } from "playwright-core";
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

/** Loads `path` of the game, waits until its script has run, then adds the test's `hooks` script when given. */
export async function openPage(page: Page, baseUrl: string, opts: { path?: string; hooks?: string; timeoutMs?: number } = {}): Promise<void> {
  await page.goto(baseUrl + (opts.path ?? "/"), { waitUntil: "load" });
  await page.waitForFunction(() => (window as unknown as { cytokine?: unknown }).cytokine !== undefined, null, { timeout: opts.timeoutMs ?? 30_000 });
  if (opts.hooks) await page.evaluate(opts.hooks);
}

/** From the menu: Teach a class, the setup form shown, the viral scenario chosen; returns the form. */
export async function openClassSetup(page: Page): Promise<Locator> {
  await page.getByRole("button", { name: "Teach a class" }).click();
  const form = page.locator("#class-setup");
  await form.waitFor({ state: "visible" });
  await form.getByLabel("Scenario").selectOption("viral");
  return form;
}

/** Opens the menu, adds the test's `hooks` script, and starts a solo viral round without the tutorial; waits for the play screen. */
export async function startSoloRound(page: Page, baseUrl: string, hooks: string): Promise<void> {
  await openPage(page, baseUrl, { hooks });
  await page.click("#solo-toggle");
  await page.selectOption("#solo-scenario", "viral");
  await page.uncheck("#solo-tutorial");
  await page.click("#solo-start");
  await page.locator("#play-ui").waitFor({ state: "visible", timeout: 30_000 });
}
