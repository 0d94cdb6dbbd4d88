// A visitor's round on the kiosk: the big squad and ability buttons (helpers picked from the start, so the first tap
// on the tissue sends them), the caption bar with the goal for the first 30 s and then tips, the time left and the
// helper and Treg counts, and "Whole tissue" while the tissue is zoomed in (two fingers: play/ViewControl.ts). The figures
// follow the room's state changes; the caption turns with wall-clock seconds. Created by Kiosk.ts for each round; stop()
// undoes everything.

import { captionKey } from "./captionKey.ts";
import type { Bus } from "../bus.ts";
import type { Command } from "../../../shared/net/commandMessage.ts";
import { ABILITIES } from "../../../shared/sim/commands.ts";
import type { GameSession } from "../net/GameSession.ts";
import type { KioskStrings } from "./strings.ts";
import { speedAt, wallSecondsLeft, type KioskPace } from "./kioskClock.ts";
import { viewHandle } from "../play/viewHandle.ts";

/** Seconds the goal stays in the caption bar before the tips take over; seconds per tip after it. */
const GOAL_S = 30;
const TIP_S = 10;

export class KioskRound {
  private readonly doc: Document;
  private readonly session: GameSession;
  private readonly bus: Bus;
  private readonly strings: KioskStrings;
  private readonly pace: KioskPace;
  private squad = 1;
  /** The speed last asked of the room while the state does not show it yet, or 0. */
  private askedSpeed = 0;
  private readonly started = performance.now();
  private timer: ReturnType<typeof setInterval> | null = null;
  private readonly offs: (() => void)[] = [];
  /** Helper T cells when the visitor took over (the result screen compares): the first count the room reports (a
   *  room kept paused since its creation reports 0 until its first step). */
  cd4Start = 0;
  /** The highest IL-2 (pM) the HUD showed during the visitor's round: what gathering helpers changes most. */
  il2PeakPm = 0;

  constructor(doc: Document, session: GameSession, bus: Bus, strings: KioskStrings, pace: KioskPace = { fastDays: 0, fastSpeed: 2 }) {
    this.pace = pace;
    this.doc = doc;
    this.session = session;
    this.bus = bus;
    this.strings = strings;
  }

  start(onStop: () => void): void {
    const d = this.doc;
    d.getElementById("k-controls")!.hidden = false;
    d.getElementById("k-timer")!.hidden = false;
    const onClick = (e: Event) => {
      const b = (e.target as HTMLElement).closest<HTMLButtonElement>("button");
      if (!b) return;
      if (b.dataset.squad) this.pick(Number(b.dataset.squad));
      else if (b.dataset.ability) {
        const ability = ABILITIES.find((a) => a === b.dataset.ability); // the page's buttons name the model's abilities
        if (ability) this.send({ kind: "ability", squad: this.squad, ability });
      }
      else if (b.id === "k-stop") onStop();
    };
    const controls = d.getElementById("k-controls")!;
    controls.addEventListener("click", onClick);
    this.offs.push(() => controls.removeEventListener("click", onClick));
    // Keep the tissue's input on the picked squad: a touch on the canvas then sends it (CommandInput listens).
    const keep = () => this.bus.emit("squad-selected", this.squad);
    d.addEventListener("pointerdown", keep, { capture: true });
    this.offs.push(() => d.removeEventListener("pointerdown", keep, { capture: true }));
    this.offs.push(this.strings.onChange(() => { this.caption(); this.follow(); }));
    this.offs.push(this.session.onStateChange(() => this.follow()));
    // "Whole tissue" shows over the tissue's corner while the visitor has zoomed in (two fingers): the way back.
    const whole = d.getElementById("k-whole");
    if (whole) {
      const zoomed = (zoom: number) => { whole.hidden = !(zoom > 1.001); };
      const onWhole = () => viewHandle.whole?.();
      zoomed(viewHandle.zoom);
      whole.addEventListener("click", onWhole);
      this.offs.push(viewHandle.onZoom(zoomed), () => { whole.removeEventListener("click", onWhole); whole.hidden = true; });
    }
    this.pick(1);
    this.caption();
    this.follow();
    // The caption is about the visitor's time (the goal for 30 s, then a tip every 10 s), not the round's: a timer.
    this.timer = setInterval(() => this.caption(), 500);
  }

  stop(): void {
    if (this.timer !== null) clearInterval(this.timer);
    this.timer = null;
    for (const off of this.offs.splice(0)) off();
    this.doc.getElementById("k-controls")!.hidden = true;
    this.doc.getElementById("k-timer")!.hidden = true;
  }

  private pick(squad: number): void {
    this.squad = squad;
    for (const b of this.doc.querySelectorAll<HTMLButtonElement>(".k-squad")) b.setAttribute("aria-pressed", String(Number(b.dataset.squad) === squad));
    this.bus.emit("squad-selected", squad);
  }

  private send(payload: Command): void {
    this.session.command(payload);
    this.bus.emit("command-sent", payload);
  }

  private caption(): void {
    const elapsed = (performance.now() - this.started) / 1000;
    const caption = this.doc.getElementById("k-caption")!;
    const key = elapsed < GOAL_S ? "round.goal" : captionKey(this.strings.keys("round.tip."), Math.floor((elapsed - GOAL_S) / TIP_S)) ?? "round.goal";
    if (caption.dataset.k === key && caption.textContent === this.strings.t(key)) return;
    caption.dataset.k = key;
    caption.textContent = this.strings.t(key);
  }

  /** The round's figures from the state: the helper count at the start, the IL-2 peak, the pace, the time left. */
  private follow(): void {
    const d = this.doc, st = this.session.state;
    if (!st) return;
    if (this.cd4Start === 0) this.cd4Start = st.hud?.cd4 ?? 0;
    this.il2PeakPm = Math.max(this.il2PeakPm, st.hud?.il2MaxPm ?? 0);
    // the quiet first day runs faster, then speed 1 (kioskClock.ts)
    const speed = speedAt(st.day, this.pace);
    if (st.speed === speed) this.askedSpeed = 0;
    else if (!st.paused && st.outcome === "ongoing" && this.askedSpeed !== speed) { // asked once, not on every patch until it shows
      this.askedSpeed = speed;
      this.session.control({ action: "speed", speed: speed as 1 | 2 | 4 | 8 });
    }
    const leftS = wallSecondsLeft(st.day, st.days, this.pace);
    const m = Math.floor(leftS / 60), s = Math.floor(leftS % 60);
    d.getElementById("k-time")!.textContent = `${m}:${String(s).padStart(2, "0")}`;
    d.getElementById("k-helpers")!.textContent = String(st.hud?.cd4 ?? 0);
    d.getElementById("k-tregs")!.textContent = String(st.hud?.treg ?? 0);
  }
}
