// `npm run kiosk`: runs the museum kiosk on one machine with no network. Starts the game server (127.0.0.1, PORT or
// 2567) and restarts it if it ever exits, prints the kiosk page's address, turns screen blanking off (xset) and opens
// Chromium full screen in kiosk mode on it (relaunched if closed), unless KIOSK_BROWSER=0. Run after `npm run build`.

import { spawn, spawnSync, type ChildProcess } from "node:child_process";
import { existsSync, mkdirSync } from "node:fs";
import { fileURLToPath } from "node:url";

const REPO = fileURLToPath(new URL("../", import.meta.url));
const PORT = process.env.PORT || "2567";
const URL_KIOSK = `http://127.0.0.1:${PORT}/kiosk.html${process.env.KIOSK_QUERY ? `?${process.env.KIOSK_QUERY}` : ""}`;
const BROWSERS = [process.env.CHROMIUM_PATH, "/usr/bin/chromium", "/usr/bin/chromium-browser", "/usr/bin/google-chrome"].filter(Boolean) as string[];
/** Chromium flags for an unattended touch screen: full screen with no way out, no pinch, no prompts, no network. */
const KIOSK_FLAGS = [
  "--kiosk", "--noerrdialogs", "--disable-infobars", "--no-first-run", "--disable-session-crashed-bubble",
  "--disable-pinch", "--overscroll-history-navigation=0", "--disable-features=Translate,TouchpadOverscrollHistoryNavigation",
  "--disable-background-networking", "--disable-component-update", "--disable-sync", "--check-for-update-interval=31536000",
  "--touch-events=enabled", "--autoplay-policy=no-user-gesture-required",
];
let stopping = false;
/** The server and browser now running: stopped with the launcher. */
const children = new Set<ChildProcess>();

function log(line: string): void {
  console.log(`[kiosk] ${line}`);
}

function keepRunning(name: string, start: () => ChildProcess): void {
  const run = () => {
    const child = start();
    children.add(child);
    child.once("exit", (code, signal) => {
      children.delete(child);
      if (stopping) return;
      log(`${name} exited (${signal ?? code}); starting it again in 2 s`);
      setTimeout(run, 2000);
    });
  };
  run();
}

async function waitForServer(): Promise<void> {
  for (;;) {
    try {
      const res = await fetch(`http://127.0.0.1:${PORT}/health`, { signal: AbortSignal.timeout(2000) });
      if (res.ok) return;
    } catch { /* not up yet */ }
    await new Promise((r) => setTimeout(r, 500));
  }
}

if (!existsSync(`${REPO}dist/client/kiosk.html`)) {
  console.error("dist/client/kiosk.html is missing: run `npm run build` first (`npm run kiosk` does).");
  process.exit(1);
}

keepRunning("the game server", () => spawn(process.execPath, ["--disable-warning=ExperimentalWarning", "server/main.ts"], {
  cwd: REPO, stdio: "inherit", env: { ...process.env, PORT, HOST: "127.0.0.1" },
}));

for (const sig of ["SIGINT", "SIGTERM"] as const) {
  process.on(sig, () => {
    stopping = true;
    for (const c of children) c.kill("SIGTERM");
    setTimeout(() => process.exit(0), 500);
  });
}

await waitForServer();
log(`the kiosk page is at ${URL_KIOSK}`);

const browser = BROWSERS.find((b) => existsSync(b));
if (process.env.KIOSK_BROWSER === "0") log("KIOSK_BROWSER=0: open the address above in a browser yourself.");
else if (!browser) log("no Chromium found (apt-get install chromium): open the address above in a browser in kiosk mode.");
else {
  if (process.env.DISPLAY && spawnSync("sh", ["-c", "command -v xset"]).status === 0) {
    spawnSync("xset", ["s", "off", "-dpms", "s", "noblank"]);
    log("screen blanking turned off (xset)");
  }
  const profile = `${REPO}data/kiosk-browser`;
  mkdirSync(profile, { recursive: true });
  log(`opening ${browser} in kiosk mode`);
  keepRunning("the kiosk browser", () => spawn(browser, [...KIOSK_FLAGS, `--user-data-dir=${profile}`, URL_KIOSK], { stdio: "ignore" }));
}
