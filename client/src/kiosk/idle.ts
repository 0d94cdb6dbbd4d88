// "Still playing?": during a round, a touch-free spell of idleS seconds opens the dialog with a countdownS countdown;
// a touch anywhere closes it, and at zero onTimeout runs (the kiosk goes back to attract). Wall-clock seconds.
// Created by kioskMain.ts for each round.

import type { KioskStrings } from "./strings.ts";

export class IdleWatch {
  private lastTouch = performance.now();
  private timer: ReturnType<typeof setInterval> | null = null;
  private asking = false;
  private readonly onTouch = () => this.touched();
  private offLang: (() => void) | null = null;

  private readonly doc: Document;
  private readonly strings: KioskStrings;
  private readonly idleS: number;
  private readonly countdownS: number;
  private readonly onTimeout: () => void;

  constructor(doc: Document, strings: KioskStrings, idleS: number, countdownS: number, onTimeout: () => void) {
    this.doc = doc;
    this.strings = strings;
    this.idleS = idleS;
    this.countdownS = countdownS;
    this.onTimeout = onTimeout;
  }

  start(): void {
    this.stop();
    this.lastTouch = performance.now();
    this.doc.addEventListener("pointerdown", this.onTouch, { capture: true });
    this.doc.addEventListener("keydown", this.onTouch, { capture: true });
    this.timer = setInterval(() => this.check(), 250); // the kiosk's idle timer: wall time since the last touch
    this.offLang = this.strings.onChange(() => this.check());
  }

  stop(): void {
    if (this.timer !== null) clearInterval(this.timer);
    this.timer = null;
    this.doc.removeEventListener("pointerdown", this.onTouch, { capture: true });
    this.doc.removeEventListener("keydown", this.onTouch, { capture: true });
    this.offLang?.();
    this.offLang = null;
    this.show(false);
  }

  private touched(): void {
    this.lastTouch = performance.now();
    if (this.asking) this.show(false);
  }

  private check(): void {
    const quietS = (performance.now() - this.lastTouch) / 1000;
    if (quietS < this.idleS) return;
    const left = Math.ceil(this.idleS + this.countdownS - quietS);
    if (left <= 0) {
      this.stop();
      this.onTimeout();
      return;
    }
    this.show(true);
    this.doc.getElementById("k-idle-count")!.textContent = this.strings.t("idle.countdown", { n: left });
  }

  private show(on: boolean): void {
    this.asking = on;
    const el = this.doc.getElementById("k-idle")!;
    if (el.hidden === on) el.hidden = !on;
    if (on) this.doc.body.dataset.idle = "1";
    else delete this.doc.body.dataset.idle;
  }
}
