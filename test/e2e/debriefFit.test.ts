// The debrief's "What each role did" cards keep each number whole, in a real browser with the game's own stylesheet:
// on a projector (1920x1080) the four cards sit side by side, and a count of IL-2 molecules broke inside its digits
// ("17,674,76" over "9 molecules"). The cards are written into the page's #debrief with the markup debriefView.ts
// builds (role-grid > role-card > dl.facts) and the words measureText.ts gives, at the projector's, a laptop's and
// a phone's width; each number must lie on one line, inside its card.

import { describe, expect, test } from "vitest";
import type { Page } from "playwright-core";
import type { TestBrowser } from "./browser.ts";
import type { ServerProcess } from "./serverProcess.ts";
import { openPage, useRig } from "./testRig.ts";

let server: ServerProcess;
let tb: TestBrowser;

useRig("debrief-fit", { width: 1920, height: 1080 }, (s, b) => {
  server = s;
  tb = b;
});

/** Four role cards as a class round's debrief has them, the longest measures first. */
const CARDS: { role: string; measures: [string, string][] }[] = [
  { role: "Effector commander (helper and killer T cells)", measures: [["CD4 helper T cells: IL-2 captured", "17,674,769 molecules"], ["CD4 helper T cells: divisions", "76 divisions"], ["CD8 killer T cells: IL-2 captured", "6,793,193 molecules"]] },
  { role: "Treg commander (regulatory T cells)", measures: [["Tregs: IL-2 captured", "3,970,223 molecules"], ["Tregs: time holding back dendritic cells", "21 cell-hours"]] },
  { role: "NK commander (natural killer cells)", measures: [["NK cells: IL-2 captured", "36,344,767 molecules"], ["NK cells: target cells killed", "14 cells"]] },
  { role: "Clinician (IL-2 therapy cards)", measures: [["Doses: High-dose IL-2 (aldesleukin)", "3 doses"], ["Highest vascular leak (share of the dose-limiting line)", "85%"]] },
];

/** Writes the cards into #debrief and reports, per number, how many lines it takes and whether it stays in its card. */
const numbersLaidOut = (page: Page) => page.evaluate((cards) => {
  const root = document.getElementById("debrief")!;
  root.hidden = false;
  const esc = (t: string) => t.replace(/&/g, "&amp;").replace(/</g, "&lt;");
  root.innerHTML = `<div class="debrief-inner"><h2>What each role did</h2><div class="role-grid">${cards.map((c) => `<section class="role-card"><h3>${esc(c.role)}</h3><p class="note">Bot (normal)</p><dl class="facts">${c.measures.map(([dt, dd]) => `<dt>${esc(dt)}</dt><dd>${esc(dd)}</dd>`).join("")}</dl></section>`).join("")}</div></div>`;
  const out: { number: string; lines: number; inside: boolean }[] = [];
  for (const dd of root.querySelectorAll<HTMLElement>(".role-card dd")) {
    const text = dd.firstChild as Text;
    const number = /^[\d.,]+/.exec(text.data)![0];
    const range = document.createRange();
    range.setStart(text, 0);
    range.setEnd(text, number.length);
    // one line: every rectangle of the number's glyphs shares its top
    const tops = new Set([...range.getClientRects()].filter((r) => r.width > 0).map((r) => Math.round(r.top)));
    const card = dd.closest(".role-card")!.getBoundingClientRect(), r = range.getBoundingClientRect();
    out.push({ number, lines: tops.size, inside: r.left >= card.left - 0.5 && r.right <= card.right + 0.5 });
  }
  return out;
}, CARDS);

describe("the debrief's role cards", () => {
  for (const size of [{ width: 1920, height: 1080 }, { width: 1366, height: 768 }, { width: 375, height: 667 }]) {
    test(`at ${size.width}x${size.height} each number lies on one line inside its card`, async () => {
      const { page } = tb;
      await page.setViewportSize(size);
      await openPage(page, server.baseUrl, { timeoutMs: 60_000 });
      const laid = await numbersLaidOut(page);
      expect(laid.length).toBe(CARDS.flatMap((c) => c.measures).length);
      for (const n of laid) {
        expect(n.lines, `${n.number} on one line`).toBe(1);
        expect(n.inside, `${n.number} inside its card`).toBe(true);
      }
      if (size.width === 1920) await tb.shot("debrief-fit-role-cards-1920");
    });
  }
});
