// The attract loop's words: the caption bar cycles short lines about the IL-2 tug-of-war while bots play, and the
// invitation to touch covers the tissue. Wall-clock seconds per caption. Started and stopped by kioskMain.ts.

import { captionKey } from "./captionKey.ts";
import type { KioskStrings } from "./strings.ts";

export class AttractCaptions {
  private timer: ReturnType<typeof setInterval> | null = null;
  private index = 0;
  private readonly doc: Document;
  private readonly strings: KioskStrings;
  private readonly captionS: number;
  private offLang: (() => void) | null = null;

  constructor(doc: Document, strings: KioskStrings, captionS: number) {
    this.doc = doc;
    this.strings = strings;
    this.captionS = captionS;
  }

  start(): void {
    this.stop();
    this.doc.getElementById("k-attract")!.hidden = false;
    this.show();
    this.timer = setInterval(() => { this.index++; this.show(); }, this.captionS * 1000); // a caption's reading time, wall clock
    this.offLang = this.strings.onChange(() => this.show());
  }

  stop(): void {
    if (this.timer !== null) clearInterval(this.timer);
    this.timer = null;
    this.offLang?.();
    this.offLang = null;
    this.doc.getElementById("k-attract")!.hidden = true;
  }

  private show(): void {
    const key = captionKey(this.strings.keys("attract.caption."), this.index);
    if (key === null) return; // the strings are still loading: keep the loading caption
    const caption = this.doc.getElementById("k-caption")!;
    caption.dataset.k = key;
    caption.textContent = this.strings.t(key);
  }
}
