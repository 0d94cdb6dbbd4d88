// The browser tests need the system Chromium: without it this test fails (rather than the others only being
// skipped after their setup fails) and says how to install it.

import { existsSync } from "node:fs";
import { expect, test } from "vitest";
import { CHROMIUM_PATH } from "./browser.ts";

test("Chromium is installed for the browser tests", () => {
  expect(existsSync(CHROMIUM_PATH), `Chromium is not installed at ${CHROMIUM_PATH}: run \`apt-get install -y chromium\` as root (see .ci/run), or set CHROMIUM_PATH`).toBe(true);
});
