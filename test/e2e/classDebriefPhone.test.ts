// A class round's debrief on a student's phone (375x667, touch) does not pan sideways: the table comparing the
// class's rounds (round, scenario, outcome, days and a column per measure, about 740 px wide) scrolls in a box of its
// own, inside the window, and the debrief around it is as wide as the screen. The teacher (1366x768) opens a class
// with a 2-day round, the phone joins by the ?code= link, the teacher starts and ends the round at once.
// Screenshots: test-artifacts/e2e/class-debrief-phone-*.png.

import { describe, expect, test } from "vitest";
import type { FencedPage, TestBrowser } from "./browser.ts";
import type { ServerProcess } from "./serverProcess.ts";
import { openClassSetup, openPage, useRig } from "./testRig.ts";

const UI = { timeout: 60_000, interval: 500 };
let server: ServerProcess;
let tb: TestBrowser;
let phone: FencedPage;

useRig("class-debrief-phone", { width: 1366, height: 768 }, async (s, b) => {
  server = s;
  tb = b;
  phone = await tb.newPage({ width: 375, height: 667 }, { touch: true });
  for (const p of [tb, phone]) p.page.on("dialog", (d) => void d.accept());
}, { timeoutMs: 120_000 });

describe("a student's phone after a class round", () => {
  test("the teacher opens a class, the phone joins, the round starts and the teacher ends it", async () => {
    const tp = tb.page;
    await openPage(tp, server.baseUrl, { timeoutMs: 60_000 });
    const form = await openClassSetup(tp);
    await form.getByLabel(/Round length/).selectOption("2");
    await form.getByRole("button", { name: "Open the class" }).click();
    const title = tp.getByRole("heading", { level: 1, name: /^Class / });
    await title.waitFor({ state: "visible", timeout: 30_000 });
    const code = ((await title.textContent()) ?? "").replace(/^Class /, "").replace(/\s/g, "");
    await openPage(phone.page, server.baseUrl, { path: `/?code=${code}`, timeoutMs: 60_000 });
    await phone.page.getByRole("heading", { level: 1, name: /^You are / }).waitFor({ timeout: 30_000 });
    await expect.poll(() => tp.getByRole("heading", { name: "1 student here" }).count(), UI).toBe(1);
    await tp.getByRole("button", { name: "Start the round" }).click();
    for (const p of [tp, phone.page]) await p.locator("#play-ui").waitFor({ state: "visible", timeout: 60_000 });
    const end = tp.getByRole("button", { name: "End the round now" });
    await end.waitFor({ state: "visible", timeout: 30_000 });
    await end.click();
    for (const p of [tp, phone.page]) await p.locator("#debrief").waitFor({ state: "visible", timeout: 90_000 });
  });

  test("the debrief is as wide as the phone; the rounds table scrolls in its own box, inside the window", async () => {
    const page = phone.page;
    const table = page.locator("#debrief table.rounds-table");
    await table.waitFor({ state: "attached", timeout: 60_000 });
    const laid = await page.evaluate(() => {
      const debrief = document.getElementById("debrief")!;
      const t = document.querySelector<HTMLElement>("#debrief table.rounds-table")!;
      // The table's width follows the round's measures: a round ended at once can fit in 366 px (CI), one with more
      // measures takes about 740. Made that wide here (CSSOM, which the page's policy allows), so the check always has
      // a table wider than the phone.
      t.style.minWidth = "740px";
      t.scrollIntoView({ block: "nearest" });
      // the nearest box around the table that scrolls sideways, if any, below #debrief
      let box: HTMLElement | null = t.parentElement;
      while (box && box !== debrief && !(getComputedStyle(box).overflowX === "auto" || getComputedStyle(box).overflowX === "scroll")) box = box.parentElement;
      const own = box && box !== debrief ? box : null;
      const r = own?.getBoundingClientRect();
      return {
        debriefPans: debrief.scrollWidth > debrief.clientWidth + 1,
        tableWidth: t.getBoundingClientRect().width,
        ownBox: own ? { left: r!.left, right: r!.right, scrolls: own.scrollWidth > own.clientWidth, focusable: own.tabIndex >= 0, label: own.getAttribute("aria-label") } : null,
      };
    });
    await phone.shot("class-debrief-phone-rounds-table");
    expect(laid.tableWidth, "the table is wider than the phone (else there is nothing to check)").toBeGreaterThan(375);
    expect(laid.debriefPans, "the debrief itself pans sideways").toBe(false);
    expect(laid.ownBox, "the table sits in a box of its own that scrolls sideways").not.toBeNull();
    expect(laid.ownBox!.left).toBeGreaterThanOrEqual(0);
    expect(laid.ownBox!.right).toBeLessThanOrEqual(375);
    expect(laid.ownBox!.scrolls).toBe(true);
    expect(laid.ownBox!.focusable, "Tab reaches the box, so the keyboard can scroll it").toBe(true);
    expect(laid.ownBox!.label).toBeTruthy();
  });

  test("no page reached outside 127.0.0.1 or raised an error", () => {
    for (const p of [tb, phone]) {
      expect(p.blocked).toEqual([]);
      expect(p.errors.filter((e) => !/favicon/.test(e))).toEqual([]);
    }
  });
});
