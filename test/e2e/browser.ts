// Headless Chromium for the browser tests, driven by playwright-core (the system /usr/bin/chromium; nothing is
// downloaded). WebGL runs in software (SwiftShader). Every request that is not to 127.0.0.1 is aborted and
// recorded, so a test can assert that the page never reached out. Screenshots go to test-artifacts/e2e/.

import { existsSync, mkdirSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { chromium, type Browser, type BrowserContext, type Page } from "playwright-core";
import { decodePng, type Rgba } from "./png.ts";
import { REPO_DIR } from "./serverProcess.ts";

export const CHROMIUM_PATH = process.env.CHROMIUM_PATH || "/usr/bin/chromium";
export const ARTIFACTS_DIR = join(REPO_DIR, "test-artifacts/e2e");

const HEADLESS_ARGS = [
  "--no-sandbox",
  "--disable-gpu",
  "--disable-quic",
  "--no-first-run",
  "--disable-background-networking",
  "--disable-component-update",
  "--disable-sync",
  "--use-angle=swiftshader",
  "--enable-unsafe-swiftshader",
  // A second fence besides request routing: no host name but the loopback address resolves.
  "--host-resolver-rules=MAP * ~NOTFOUND , EXCLUDE 127.0.0.1",
];

/** A touch device (a phone or tablet): touch events and a coarse pointer, as Chromium's device emulation gives. */
export interface DeviceOptions { touch?: boolean }

/** One fenced browser context and its page: its own cookies and storage, as a separate device would have. */
export interface FencedPage {
  context: BrowserContext;
  page: Page;
  /** URLs the page tried to reach outside 127.0.0.1 (all aborted). */
  blocked: string[];
  /** Console errors and uncaught page errors, in order. */
  errors: string[];
  /** Saves a screenshot of the page as test-artifacts/e2e/<name>.png and returns its decoded pixels. */
  shot(name: string): Promise<Rgba>;
}

export interface TestBrowser extends FencedPage {
  browser: Browser;
  /** Another context with the same fences (a second device: a student's beside the teacher's). */
  newPage(viewport?: { width: number; height: number }, device?: DeviceOptions): Promise<FencedPage>;
  close(): Promise<void>;
}

const isLoopback = (url: string): boolean => {
  try {
    const u = new URL(url);
    return u.hostname === "127.0.0.1" || u.protocol === "data:" || u.protocol === "blob:";
  } catch {
    return false;
  }
};

/** Launches Chromium; fails (never skips) with an install hint when it is missing. */
export async function launchBrowser(viewport = { width: 1280, height: 800 }): Promise<TestBrowser> {
  if (!existsSync(CHROMIUM_PATH)) {
    throw new Error(`Chromium is not installed at ${CHROMIUM_PATH}. The browser tests need it: run \`apt-get install -y chromium\` (as root), or set CHROMIUM_PATH.`);
  }
  const browser = await chromium.launch({ executablePath: CHROMIUM_PATH, headless: true, args: HEADLESS_ARGS, timeout: 60_000 });
  mkdirSync(ARTIFACTS_DIR, { recursive: true });
  const first = await fencedPage(browser, viewport);
  const contexts = [first.context];
  return {
    ...first,
    browser,
    async newPage(size = viewport, device = {}) {
      const fenced = await fencedPage(browser, size, device);
      contexts.push(fenced.context);
      return fenced;
    },
    async close() {
      for (const c of contexts) await c.close().catch(() => {});
      await browser.close().catch(() => {});
    },
  };
}

/** A new context whose requests outside 127.0.0.1 are aborted and recorded, with its page's errors collected. */
async function fencedPage(browser: Browser, viewport: { width: number; height: number }, device: DeviceOptions = {}): Promise<FencedPage> {
  const touch = device.touch ? { hasTouch: true, isMobile: true } : {};
  const context = await browser.newContext({ viewport, deviceScaleFactor: 1, serviceWorkers: "block", ...touch });
  const blocked: string[] = [];
  const errors: string[] = [];
  await context.route("**/*", (route) => {
    const url = route.request().url();
    if (isLoopback(url)) return route.continue();
    blocked.push(url);
    return route.abort("blockedbyclient");
  });
  const page = await context.newPage();
  // WebSockets are not routed through context.route: record any that leave the machine (the resolver rule stops them).
  page.on("websocket", (ws) => {
    if (!isLoopback(ws.url().replace(/^ws/, "http"))) blocked.push(ws.url());
  });
  page.on("console", (msg) => {
    if (msg.type() === "error") errors.push(`console: ${msg.text()}`);
  });
  page.on("pageerror", (err) => errors.push(`page: ${err.message}`));

  return {
    context,
    page,
    blocked,
    errors,
    async shot(name: string) {
      const png = await page.screenshot({ type: "png", timeout: 30_000 });
      writeFileSync(join(ARTIFACTS_DIR, `${name}.png`), png);
      return decodePng(png);
    },
  };
}
