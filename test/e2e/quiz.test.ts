// The two-tier quiz in a real browser against the real server: on a phone (390×844) the solo form offers the quiz and
// opens it as a dialog; a class of one student on a phone and the teacher on a projector (1920×1080): the teacher gives
// the quiz before play, the student answers it with the keyboard alone, a two-day round is played and both devices
// see its contrasts, the teacher gives the quiz after play, the student answers it by tapping, sees their own gain,
// and the teacher sees the class's gain per learning goal (the student's page never does); the CSV has the quiz rows.
// Screenshots: test-artifacts/e2e/quiz-*.png.

import { describe, expect, test } from "vitest";
import type { Page } from "playwright-core";
import { QUIZ_ITEMS } from "../../shared/quiz/quizItems.ts";
import type { FencedPage, TestBrowser } from "./browser.ts";
import type { ServerProcess } from "./serverProcess.ts";
import { openPage, useRig } from "./testRig.ts";

const PHONE = { width: 390, height: 844 };
const PROJECTOR = { width: 1920, height: 1080 };
const UI = { timeout: 30_000, interval: 400 };
let server: ServerProcess;
let tb: TestBrowser;
let teacher: FencedPage;
let student: FencedPage;

useRig("quiz", PROJECTOR, async (s, b) => {
  server = s;
  tb = b;
  teacher = tb;
  student = await tb.newPage(PHONE);
  for (const p of [teacher, student]) p.page.on("dialog", (d) => void d.accept());
});

const openApp = (page: Page, path = "/") => openPage(page, server.baseUrl, { path });

/** The quiz dialog's current step: its progress line ("Question 3 of 8 · part 1 of 2: your answer"). */
const progress = (page: Page) => page.locator("dialog.quiz .quiz-progress").textContent();

describe("the two-tier quiz", () => {
  let code = "";

  test("solo: the form offers the quiz before play, as a dialog readable on a phone", async () => {
    const { page } = student;
    await openApp(page);
    await page.getByRole("button", { name: "Solo practice" }).click();
    await page.getByRole("button", { name: "Quiz before you play (optional)" }).click();
    const dialog = page.getByRole("dialog", { name: "Quiz before you play" });
    await dialog.waitFor({ state: "visible" });
    await expect(progress(page)).resolves.toBe(`Question 1 of ${QUIZ_ITEMS.length} · part 1 of 2: your answer`);
    await expect(dialog.getByRole("radio").count()).resolves.toBe(QUIZ_ITEMS[0].choices.length);
    // Nothing chosen: Next says so and stays.
    await dialog.getByRole("button", { name: "Next" }).click();
    await expect.poll(() => dialog.locator(".quiz-hint").textContent(), UI).toMatch(/Choose one first/);
    // Every option fits the phone's width (no sideways scrolling).
    const widest = await page.evaluate(() => Math.max(...[...document.querySelectorAll(".quiz-option")].map((e) => e.getBoundingClientRect().right)));
    expect(widest).toBeLessThanOrEqual(PHONE.width);
    await student.shot("quiz-1-solo-phone");
    await page.keyboard.press("Escape");
    await dialog.waitFor({ state: "hidden" });
  });

  test("the teacher opens a class with a two-day round (the shortest the menu offers); a student joins on a phone", async () => {
    const { page } = teacher;
    await openApp(page);
    await page.getByRole("button", { name: "Teach a class" }).click();
    const form = page.locator("#class-setup");
    await form.getByLabel("Scenario").selectOption("viral");
    await form.getByLabel(/Round length/).selectOption("2");
    await form.getByRole("button", { name: "Open the class" }).click();
    const title = page.getByRole("heading", { level: 1, name: /^Class / });
    await title.waitFor({ state: "visible", timeout: 30_000 });
    code = ((await title.textContent()) ?? "").replace(/^Class /, "").replace(/\s/g, "");
    await openApp(student.page, `/?code=${code}`);
    await expect.poll(() => page.getByRole("heading", { name: "1 student here" }).count(), UI).toBe(1);
    // Before a round only the quiz before play can be given.
    const panel = page.getByRole("region", { name: /Quiz: the class's gain/ });
    await expect(panel.getByRole("button", { name: "Give the quiz after play" }).isVisible()).resolves.toBe(false);
    await panel.getByRole("button", { name: "Give the quiz before play" }).click();
    await expect.poll(() => panel.getByRole("status").first().textContent(), UI).toMatch(/Open now: the quiz before play/);
  });

  test("the student answers the quiz before play with the keyboard alone", async () => {
    const { page } = student;
    const dialog = page.getByRole("dialog", { name: "Quiz before you play" });
    await dialog.waitFor({ state: "visible", timeout: 30_000 });
    await student.shot("quiz-2-class-pre-phone");
    // Each step: Tab to the options, arrow down to the second, Enter. (The second is right only where the item says so.)
    for (let k = 0; k < QUIZ_ITEMS.length * 2; k++) {
      const before = await progress(page);
      await page.keyboard.press("Tab");
      await page.keyboard.press("ArrowDown");
      await page.keyboard.press("Enter");
      if (k < QUIZ_ITEMS.length * 2 - 1) await expect.poll(() => progress(page), UI).not.toBe(before);
    }
    await expect.poll(() => progress(page), UI).toBe("All done");
    await expect(dialog.getByText("Your teacher will start the round soon.").isVisible()).resolves.toBe(true);
    await page.keyboard.press("Escape");
    await dialog.waitFor({ state: "hidden" });
    const panel = teacher.page.getByRole("region", { name: /Quiz: the class's gain/ });
    await expect.poll(() => panel.getByRole("status").first().textContent(), UI).toMatch(/Finished: 1 before play, 0 after play/);
    await teacher.shot("quiz-3-teacher-lobby-projector");
  });

  test("the round is played to its debrief, where every device sees the class's contrasts arrive", async () => {
    const tp = teacher.page;
    await tp.getByRole("button", { name: "Start the round" }).click();
    await tp.locator("#play-ui").waitFor({ state: "visible", timeout: 60_000 });
    await tp.getByRole("combobox", { name: "Game speed" }).selectOption("8");
    for (const p of [teacher, student]) await p.page.locator("#debrief").waitFor({ state: "visible", timeout: 180_000 });
    // one replay job for the class, shared by both devices: each shows the same contrasts once they are ready
    for (const p of [student, teacher]) {
      const section = p.page.locator("#debrief-contrasts");
      await section.waitFor({ state: "visible", timeout: 60_000 });
      await expect.poll(() => section.locator(".contrast-status").textContent(), { timeout: 240_000, interval: 1000 }).toMatch(/^All \d contrasts? ready\./);
      await expect(section.locator(".contrast-picker button").allTextContents()).resolves.toEqual(expect.arrayContaining(["Without Tregs"]));
      await expect(section.locator(".contrast-summary").textContent()).resolves.toMatch(/\d.* instead of .*\d/);
    }
    await student.shot("quiz-4-student-contrast-phone");
  });

  test("after the debrief the teacher gives the quiz after play; the student taps through it and sees their own gain", async () => {
    const panel = teacher.page.locator("#debrief").getByRole("region", { name: /Quiz: the class's gain/ });
    await panel.getByRole("button", { name: "Give the quiz after play" }).click();
    const { page } = student;
    const dialog = page.getByRole("dialog", { name: "Quiz after playing" });
    await dialog.waitFor({ state: "visible", timeout: 30_000 });
    for (const item of QUIZ_ITEMS) {
      await dialog.getByText(item.choices[item.answer], { exact: true }).click();
      await dialog.getByRole("button", { name: /Next|Finish/ }).click();
      await dialog.getByText(item.reasons[item.reason], { exact: true }).click();
      await dialog.getByRole("button", { name: /Next|Finish/ }).click();
    }
    await expect.poll(() => progress(page), UI).toBe("All done");
    const mine = dialog.locator("table.gains");
    await expect(mine.locator("caption").textContent()).resolves.toBe("Your answers before and after playing");
    // Objective 1's item had its right answer and reason second in the list only if the item says so: compare.
    const o1 = QUIZ_ITEMS.find((i) => i.objective === 1)!;
    const knewBefore = o1.answer === 1 && o1.reason === 1;
    await expect(mine.locator("tbody tr").first().locator("td").nth(0).textContent()).resolves.toBe(knewBefore ? "✓ right" : "✗ not yet");
    await expect(mine.locator("tbody tr").first().locator("td").nth(1).textContent()).resolves.toBe("✓ right");
    await student.shot("quiz-4-class-post-phone-gain");
    await dialog.getByRole("button", { name: "Close" }).last().click();
    // Their own result stays one button away.
    await page.getByRole("button", { name: "📝 Your quiz result" }).click();
    await expect.poll(() => dialog.locator("table.gains caption").textContent(), UI).toBe("Your answers before and after playing");
    await page.keyboard.press("Escape");
    await dialog.waitFor({ state: "hidden" });
    // The student's page never shows the class's results.
    await expect(page.getByText(/The class, per learning goal/).count()).resolves.toBe(0);
  });

  test("the teacher sees the class's gain per learning goal; the CSV has the quiz rows", async () => {
    const panel = teacher.page.locator("#debrief").getByRole("region", { name: /Quiz: the class's gain/ });
    await expect.poll(() => panel.getByRole("status").first().textContent(), UI).toMatch(/Finished: 1 before play, 1 after play/);
    const rows = panel.locator("table.gains tbody tr");
    await expect.poll(() => rows.count(), UI).toBe(7);
    // Every objective is right after play; those not right before show a rise (▲), the others no change (=).
    for (let o = 1; o <= 7; o++) {
      const items = QUIZ_ITEMS.filter((i) => i.objective === o);
      const rightBefore = items.filter((i) => i.answer === 1 && i.reason === 1).length;
      const change = await rows.nth(o - 1).locator("td").nth(2).textContent();
      expect(change, `objective ${o}`).toBe(rightBefore === items.length ? "= no change" : `▲ +${Math.round((100 * (items.length - rightBefore)) / items.length)} points`);
    }
    await panel.scrollIntoViewIfNeeded();
    await teacher.shot("quiz-5-teacher-debrief-gains-projector");
    const secret = await teacher.page.evaluate(() => JSON.parse(sessionStorage.getItem("cytokine-command:classroom") ?? "{}").hostSecret as string);
    const csv = await (await fetch(`${server.baseUrl}/api/classroom/${code}/results.csv`, { headers: { "X-Host-Secret": secret } })).text();
    const lines = csv.trim().split(/\r?\n/);
    expect(lines[0]).toMatch(/quiz 1 Clonal expansion: choice right \(of 1\)/);
    expect(lines.filter((l) => /,pre-quiz,/.test(l))).toHaveLength(1);
    expect(lines.filter((l) => /,post-quiz,/.test(l))).toHaveLength(1);
    expect(lines.find((l) => /,post-quiz,/.test(l))!.endsWith(`,${QUIZ_ITEMS.length}`)).toBe(true);
  });

  test("no page reached outside 127.0.0.1 or raised an error", () => {
    for (const p of [teacher, student]) {
      expect(p.blocked).toEqual([]);
      expect(p.errors.filter((e) => !/favicon/.test(e))).toEqual([]);
    }
  });
});
