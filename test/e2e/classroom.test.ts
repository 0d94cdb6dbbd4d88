// A classroom session end to end in a real browser against the real server: a teacher opens a class through "Teach
// a class" and reads its code off the lobby; three students join (two by the ?code= link, one by typing the code), see
// their nicknames and the lobby; the teacher auto-balances and starts; a student's page draws the tissue (pixels) and
// the student sends their squad with its button and a click; the teacher speeds up and ends the round; all four pages
// reach the debrief; back in the lobby a removed student's device will not rejoin, and the teacher closes the class, then
// downloads its results from the menu's list of earlier classes.
// Each page is its own browser context (a separate device). Screenshots: test-artifacts/e2e/classroom-*.png.

import { join } from "node:path";
import { describe, expect, test } from "vitest";
import type { Page } from "playwright-core";
import type { FencedPage, TestBrowser } from "./browser.ts";
import { distinctColours, shareWhere, type Rect } from "./pixels.ts";
import type { ServerProcess } from "./serverProcess.ts";
import { openClassSetup, openPage, useRig } from "./testRig.ts";

const NAME = "classroom";
/** Small pages: software WebGL draws four of them on two cores (still wide enough for the side panel). */
const VIEWPORT = { width: 960, height: 640 };
let server: ServerProcess;
let tb: TestBrowser;
let teacher: FencedPage;
let students: FencedPage[] = [];
const all = () => [teacher, ...students];

useRig(NAME, VIEWPORT, async (s, b) => {
  server = s;
  tb = b;
  teacher = tb;
  for (let k = 0; k < 3; k++) students.push(await tb.newPage(VIEWPORT));
  // "End the round now" and "Leave" ask with confirm(): a teacher answers yes (Playwright would dismiss it).
  for (const p of all()) p.page.on("dialog", (d) => void d.accept());
});

/** Keeps the session the page hands to the play interface (bus "round-start"), for reading the synced state. */
const HOOKS = `
  window.__e2e = { session: null };
  window.cytokine.bus.on("round-start", (s) => { window.__e2e.session = s; });
`;

const openApp = (page: Page, path = "/") => openPage(page, server.baseUrl, { path, hooks: HOOKS });

interface View {
  phase: string; outcome: string; speed: number; cells: number; mySquads: number[];
  /** The model's tick, and the field frame's cells the page holds (0 before the first frame came). */
  tick: number; fieldLevels: number;
  squad: { n: number; x: number; y: number; commanded: number };
  fit: { x: number; y: number; width: number; height: number; scale: number } | null;
}

/** The round as this page's session sees it (null before the round has been handed to the play interface). */
async function view(page: Page, squadNo = 0): Promise<View | null> {
  return page.evaluate((squad) => {
    const w = window as unknown as { __e2e: { session: any }; game: any };
    const s = w.__e2e?.session;
    if (!s) return null;
    const st = s.room.state;
    const mySquads: number[] = s.mySquads();
    const want = squad || mySquads[0] || 0;
    let n = 0, sx = 0, sy = 0, commanded = 0;
    st.cells.forEach((c: { squad: number; x: number; y: number; status: number }) => {
      if (c.squad !== want) return;
      n++; sx += c.x / 4; sy += c.y / 4;
      if (c.status & 16) commanded++;
    });
    const play = w.game.scene.getScene("Play");
    return {
      phase: st.phase, outcome: st.outcome, speed: st.speed, cells: st.cells.size, mySquads,
      tick: st.tick, fieldLevels: s.field?.levels?.length ?? 0,
      squad: { n, x: n ? sx / n : 0, y: n ? sy / n : 0, commanded }, fit: play?.fitNow ? { ...play.fitNow } : null,
    };
  }, squadNo);
}

/** Polls of the pages: one evaluation can take seconds while software WebGL draws four pages. */
const UI = { timeout: 30_000, interval: 500 };

describe("a class of three in a real browser", () => {
  let code = "";
  let names: string[] = [];

  test("the teacher opens a class with a four-day round and reads its code off the lobby", async () => {
    const { page } = teacher;
    await openApp(page);
    const form = await openClassSetup(page);
    // Four days (about 5 min at speed 1): the round outlasts the steps before the teacher ends it.
    await form.getByLabel(/Round length/).selectOption("4");
    await teacher.shot("classroom-1-teach");
    await form.getByRole("button", { name: "Open the class" }).click();
    const title = page.getByRole("heading", { level: 1, name: /^Class / });
    await title.waitFor({ state: "visible", timeout: 30_000 });
    code = ((await title.textContent()) ?? "").replace(/^Class /, "").replace(/\s/g, "");
    expect(code).toMatch(/^[ABCDEFGHJKMNPQRSTUVWXYZ23456789]{6}$/);
    // The projector shows the code big, the join link and its QR code.
    await expect.poll(() => page.locator(".join-link").textContent(), UI).toBe(`${server.baseUrl}/?code=${code}`);
    await expect(page.getByRole("img", { name: /QR code for the join link/ }).count()).resolves.toBe(1);
    await expect.poll(() => page.getByRole("heading", { name: "Nobody has joined yet" }).count(), UI).toBe(1);
    await teacher.shot("classroom-2-lobby-empty");
  });

  test("three students join (two by the link, one by typing the code) and see their nicknames and the lobby", async () => {
    await openApp(students[0].page, `/?code=${code}`);
    await openApp(students[1].page, `/?code=${code}`);
    const typed = students[2].page;
    await openApp(typed);
    await typed.getByRole("button", { name: "Join a class" }).click();
    await typed.getByLabel("Class code").fill(code.toLowerCase());
    await typed.getByRole("button", { name: "Join the class" }).click();

    names = [];
    for (const [k, s] of students.entries()) {
      const title = s.page.getByRole("heading", { level: 1, name: /^You are / });
      await expect.poll(async () => ((await title.textContent().catch(() => "")) ?? "").replace(/^You are /, ""), UI).toMatch(/^[A-Z][a-z]+ [A-Z]/);
      names.push(((await title.textContent()) ?? "").replace(/^You are /, ""));
      await expect.poll(() => s.page.getByText("Waiting for your teacher to start the round").count(), UI).toBe(1);
      await s.shot(`classroom-3-student-${k + 1}-lobby`);
    }
    expect(new Set(names).size, `nicknames: ${names.join(", ")}`).toBe(3);
    // Everyone in the class is listed on each student's page, this student marked as "(you)".
    for (const s of students) {
      await expect.poll(() => s.page.locator(".seat-list li").count(), UI).toBe(3);
      await expect.poll(() => s.page.locator(".seat-list li.me").textContent(), UI).toMatch(/\(you\)/);
    }
    // The teacher's lobby lists the three by nickname.
    const tp = teacher.page;
    await expect.poll(() => tp.getByRole("heading", { name: "3 students here" }).count(), UI).toBe(1);
    for (const name of names) await expect.poll(() => tp.locator(".seat-list").getByText(name).count(), UI).toBe(1);
    // The scenario's teacher notes: open on the projector, folded on a student's device.
    const notes = tp.locator(".lobby-notes details.teacher-notes");
    await expect.poll(() => notes.evaluate((d) => (d as HTMLDetailsElement).open), UI).toBe(true);
    await expect(notes.getByRole("heading", { name: "What to notice" }).isVisible()).resolves.toBe(true);
    await expect(notes.getByRole("heading", { name: "What to try" }).isVisible()).resolves.toBe(true);
    await expect(students[0].page.locator(".lobby-notes details.teacher-notes").evaluate((d) => (d as HTMLDetailsElement).open)).resolves.toBe(false);
    await teacher.shot("classroom-4-lobby-three");
  });

  test("the teacher auto-balances and starts; every page goes to the round", async () => {
    const tp = teacher.page;
    await tp.getByRole("button", { name: "Auto-balance roles" }).click();
    // Three students: an effector, a Treg and an NK player (bots take the clinician).
    await expect.poll(async () => (await Promise.all(students.map((s) => s.page.locator("#classroom .lead").textContent()))).map((t) => /Your role: ([^.]+)\./.exec(t ?? "")?.[1] ?? "").sort().join(" | "), UI)
      .toBe("Effector T cells | NK cells | Tregs");
    await tp.getByRole("button", { name: "Start the round" }).click();
    for (const p of all()) {
      await p.page.locator("#play-ui").waitFor({ state: "visible", timeout: 60_000 });
      await expect.poll(async () => (await view(p.page))?.phase ?? "", UI).toBe("playing");
    }
    // The teacher's page is the projector: it commands nothing and keeps pause and speed; a student's bar keeps only Leave.
    await expect.poll(() => tp.getByRole("region", { name: "Teacher controls" }).count(), UI).toBe(1);
    await expect(students[0].page.locator('select[aria-label="Game speed"]').isVisible()).resolves.toBe(false);
  });

  test("a student's page draws the tissue, and the student sends their own squad with its button and a click", async () => {
    // The effector student: helper and killer squads of their own.
    const roles = await Promise.all(students.map((s) => s.page.evaluate(() => (window as unknown as { __e2e: { session: any } }).__e2e.session.myRole())));
    const s = students[roles.indexOf("effector")];
    expect(s, `roles: ${roles.join(", ")}`).toBeDefined();
    const { page } = s;
    await expect.poll(() => page.getByText(/^You are /).first().textContent(), UI).toMatch(/You are [A-Z]/);
    await expect.poll(async () => {
      const v = await view(page);
      // the model has stepped and its first IL-2 frame has come (a loaded machine can take seconds to start the thread)
      return v && v.fit && v.cells > 100 && v.squad.n > 0 && v.tick > 0 && v.fieldLevels > 0 ? "ready" : "waiting";
    }, { timeout: 60_000, interval: 1000 }).toBe("ready");
    const before = (await view(page))!;
    const fit = before.fit!;
    const rect: Rect = { x: Math.ceil(fit.x), y: Math.ceil(fit.y), width: Math.floor(fit.width), height: Math.floor(fit.height) };
    await page.waitForTimeout(1500);
    const img = await s.shot("classroom-5-student-play");
    // The tissue is drawn: most of its rectangle is not the page background (#0d1218), in many colours.
    const notBackground = shareWhere(img, rect, (r, g, b) => Math.abs(r - 0x0d) + Math.abs(g - 0x12) + Math.abs(b - 0x18) > 24);
    expect(notBackground, "share of the tissue rectangle drawn").toBeGreaterThan(0.5);
    expect(distinctColours(img, rect), "colours over the tissue").toBeGreaterThanOrEqual(6);

    const button = page.locator("#side .squad-btn").first();
    await button.click();
    await expect.poll(() => button.getAttribute("aria-pressed"), UI).toBe("true");
    const gridW = fit.width / fit.scale, gridH = fit.height / fit.scale;
    const target = { x: before.squad.x < gridW / 2 ? gridW * 0.8 : gridW * 0.2, y: before.squad.y < gridH / 2 ? gridH * 0.75 : gridH * 0.25 };
    await page.mouse.click(fit.x + target.x * fit.scale, fit.y + target.y * fit.scale);
    // The server took the order: the squad's cells follow it (the commanded bit in the synced state).
    await expect.poll(async () => {
      const v = await view(page, before.mySquads[0]);
      return v?.outcome !== "ongoing" ? "round over" : v.squad.commanded > 0 ? "commanded" : "not yet";
    }, { timeout: 60_000, interval: 1000 }).toBe("commanded");
    await expect(page.locator(".refusal, [role=alert]").filter({ hasText: /not yours|Not done/ }).count()).resolves.toBe(0);
    await s.shot("classroom-6-student-commanded");
  });

  test("the teacher speeds up and ends the round; all four pages reach the debrief", async () => {
    const tp = teacher.page;
    // Viral rounds can end early (the infection cleared): then the round is already over and there is nothing to end.
    const ongoing = (await view(tp))?.outcome === "ongoing";
    if (ongoing) {
      await tp.getByRole("combobox", { name: "Game speed" }).selectOption("8");
      await expect.poll(async () => {
        const v = await view(students[0].page);
        return v && (v.speed === 8 || v.outcome !== "ongoing") ? "fast" : "slow";
      }, UI).toBe("fast");
      await teacher.shot("classroom-7-teacher-play");
      const end = tp.getByRole("button", { name: "End the round now" });
      // The round may still end on its own meanwhile (the panel then goes): only click a button still there.
      if (await end.isVisible()) await end.click().catch(() => {});
    } else {
      console.log("the round ended on its own before the teacher's speed and end step");
    }
    for (const [k, p] of all().entries()) {
      await p.page.locator("#debrief").waitFor({ state: "visible", timeout: 90_000 });
      await expect.poll(() => p.page.locator("#debrief-title").textContent(), UI).not.toBe("");
      const outcome = (await view(p.page))?.outcome;
      expect(outcome).not.toBe("ongoing");
      // A round the teacher ended says so (never "Time is up"), and the debrief carries the teacher notes.
      if (outcome === "endedByTeacher") await expect(p.page.locator("#debrief-title").textContent()).resolves.toBe("The teacher ended the round");
      await expect(p.page.locator("#debrief-title").textContent()).resolves.not.toBe("Time is up");
      await expect(p.page.locator("#debrief details.teacher-notes").count()).resolves.toBe(1);
      await p.page.waitForTimeout(300);
      await p.shot(k === 0 ? "classroom-8-teacher-debrief" : `classroom-9-student-${k}-debrief`);
    }
    // The teacher can go on to a next round and download results; a student waits for the teacher.
    await expect.poll(() => tp.getByRole("button", { name: "Next round (back to the lobby)" }).count(), UI).toBe(1);
    await expect.poll(() => tp.getByRole("button", { name: "Download results (CSV)" }).count(), UI).toBe(1);
    for (const s of students) await expect.poll(() => s.page.getByText("Your teacher will start the next round.").count(), UI).toBe(1);
  });

  test("back in the lobby the teacher removes a student, whose device then will not rejoin, and one whose device is away, who is told on rejoining; then closes the class for everyone", async () => {
    const tp = teacher.page;
    await tp.getByRole("button", { name: "Next round (back to the lobby)" }).click();
    await expect.poll(() => tp.getByRole("heading", { name: "3 students here" }).count(), UI).toBe(1);
    const gone = students[2];
    const name = ((await gone.page.getByRole("heading", { level: 1, name: /^You are / }).textContent({ timeout: 30_000 })) ?? "").replace(/^You are /, "");
    await tp.getByRole("button", { name: `Remove ${name} from the class` }).click(); // confirm() answered yes
    await gone.page.getByRole("heading", { name: "You have left the class" }).waitFor({ timeout: 30_000 });
    await gone.page.getByRole("button", { name: "Back to the menu" }).click();
    if (!(await gone.page.getByLabel("Class code").isVisible())) await gone.page.getByRole("button", { name: "Join a class" }).click();
    await gone.page.getByLabel("Class code").fill(code);
    await gone.page.getByRole("button", { name: "Join the class" }).click();
    await expect.poll(() => gone.page.locator("#join-status").textContent(), UI).toMatch(/^Your teacher removed you from this class/);
    await expect.poll(() => tp.getByRole("heading", { name: "2 students here" }).count(), UI).toBe(1);
    await gone.shot("classroom-10-removed-rejoin");

    // A student removed while their device is away (asleep, out of range) is told when it joins by code again.
    const away = students[1].page;
    await away.addInitScript(() => {
      const Native = window.WebSocket;
      const w = window as unknown as { sockets: WebSocket[]; offline: boolean };
      w.sockets = [];
      w.offline = false;
      // While "offline", new sockets go nowhere (port 9 on this machine), as a sleeping device's would.
      window.WebSocket = class extends Native {
        constructor(url: string | URL, protocols?: string | string[]) {
          super(w.offline ? "ws://127.0.0.1:9/" : url, protocols);
          w.sockets.push(this);
        }
      } as typeof WebSocket;
    });
    await away.reload(); // back to its seat with its token, now through the counted sockets
    const awayName = ((await away.getByRole("heading", { level: 1, name: /^You are / }).textContent({ timeout: 30_000 })) ?? "").replace(/^You are /, "");
    await away.evaluate(() => {
      const w = window as unknown as { sockets: WebSocket[]; offline: boolean };
      w.offline = true;
      w.sockets.at(-1)!.close(4999); // not a goodbye: the room keeps the seat for the device
    });
    await expect.poll(() => tp.locator("li.seat.away").count(), UI).toBe(1);
    await tp.getByRole("button", { name: `Remove ${awayName} from the class` }).click();
    await expect.poll(() => tp.getByRole("heading", { name: "1 student here" }).count(), UI).toBe(1);
    await away.reload(); // the device wakes: its seat is gone, so the page offers the menu
    await away.getByRole("button", { name: "Join a class" }).waitFor({ timeout: 30_000 });
    if (!(await away.getByLabel("Class code").isVisible())) await away.getByRole("button", { name: "Join a class" }).click();
    await away.getByLabel("Class code").fill(code);
    await away.getByRole("button", { name: "Join the class" }).click();
    await expect.poll(() => away.locator("#join-status").textContent(), UI).toMatch(/^Your teacher removed you from this class/);
    await expect.poll(() => tp.getByRole("heading", { name: "1 student here" }).count(), UI).toBe(1);
    await students[1].shot("classroom-10b-removed-while-away");

    // Closing asks first; "Keep the class open" is the focused answer.
    await tp.getByRole("button", { name: "Close the class…" }).click();
    await expect.poll(() => tp.evaluate(() => document.activeElement?.textContent), UI).toBe("Keep the class open");
    await teacher.shot("classroom-11-close-confirm");
    await tp.getByRole("button", { name: "Yes, close the class" }).click();
    for (const p of [teacher, students[0]]) await p.page.getByRole("heading", { name: "The class is closed" }).waitFor({ timeout: 30_000 });
    for (const s of students.slice(0, 1)) await expect.poll(() => s.page.locator(".class-message .lead").textContent(), UI).toMatch(/^Your teacher closed the class\./);
    await expect.poll(() => tp.getByRole("button", { name: "Download results (CSV)" }).count(), UI).toBe(1);
    await teacher.shot("classroom-12-teacher-closed");
    // Back in the menu, Teach a class still offers this class's results: the secret is kept in this browser's list.
    await tp.getByRole("button", { name: "Back to the menu" }).click();
    if (!(await tp.locator("#class-setup").isVisible())) await tp.getByRole("button", { name: "Teach a class" }).click();
    await tp.getByRole("heading", { name: "Results of your earlier classes" }).waitFor({ timeout: 30_000 });
    const spaced = `${code.slice(0, 3)} ${code.slice(3)}`;
    const [download] = await Promise.all([
      tp.waitForEvent("download", { timeout: 30_000 }),
      tp.getByRole("button", { name: `Download the results of class ${spaced} (CSV)` }).click(),
    ]);
    expect(download.suggestedFilename()).toBe(`cytokine-command-${code}-results.csv`);
    await teacher.shot("classroom-13-menu-earlier-classes");
    const check = await fetch(`${server.baseUrl}/api/classroom/check`, { method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify({ code }) });
    expect(check.status).toBe(410);
  });

  test("no page reached outside 127.0.0.1 or raised an error", () => {
    for (const [k, p] of all().entries()) {
      const who = k === 0 ? "teacher" : `student ${k}`;
      expect(p.blocked, `${who}: requests outside 127.0.0.1`).toEqual([]);
      // The away device's errors this test provokes: its sockets while "offline" (to a closed port), the refusal of
      // its reconnection token (Colyseus' 524) and of its join by code (the removal's sentence, given by the class's
      // seat door when the seat is asked for: 525).
      const provoked = (e: string) => p === students[1] && (/ws:\/\/127\.0\.0\.1:9\//.test(e) || /status of 52[45]/.test(e));
      expect(p.errors.filter((e) => !/favicon/.test(e) && !provoked(e)), `${who}: page errors`).toEqual([]);
    }
  });
});
