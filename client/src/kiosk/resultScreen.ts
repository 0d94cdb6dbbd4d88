// The short result screen after a round: the highest IL-2 the visitor's helpers made, how many helper T cells they had
// at the start and at the end, a verdict that says what those numbers show (verdictKey), and the one thing to
// remember, with one question (kioskQuestion.ts); back to attract after resultS seconds or on "Back to start"; "Play again" starts a new round. Shown by
// kioskMain.ts.

import { KioskQuestion } from "./kioskQuestion.ts";
import type { KioskStrings } from "./strings.ts";

/** Seconds left on the countdown, at least, once the visitor answers the question (to read why). */
export const READ_ANSWER_S = 15;

export interface ResultFigures { cd4Start: number; cd4End: number; il2PeakPm: number }

/**
 * IL-2 (pM) above which the helpers clearly made it together. Measured in the model on the kiosk's sandbox over
 * 2 days, seeds 1-2: helpers left alone peak at 76-121 pM; helpers sent together to a dendritic cell, at about 270 pM.
 */
export const GATHERED_IL2_PM = 180;

/** Helpers at the end over helpers at the start from which the clone "took off". */
export const TOOK_OFF_RATIO = 1.5;

export type VerdictKey = "result.grew" | "result.began" | "result.madeIl2" | "result.grewAlone" | "result.flat";

/**
 * The verdict's string key. Whether the helpers gathered is judged on IL-2 (which the visitor's gathering changes);
 * whether the clone grew, on the two counts shown beside it, so the words never contradict the numbers.
 */
export function verdictKey(fig: ResultFigures): VerdictKey {
  const gathered = fig.il2PeakPm >= GATHERED_IL2_PM;
  const grew = fig.cd4End > fig.cd4Start;
  if (!gathered) return grew ? "result.grewAlone" : "result.flat";
  if (!grew) return "result.madeIl2";
  return fig.cd4End >= fig.cd4Start * TOOK_OFF_RATIO ? "result.grew" : "result.began";
}

export class ResultScreen {
  private timer: ReturnType<typeof setInterval> | null = null;
  private offLang: (() => void) | null = null;
  private readonly doc: Document;
  private readonly strings: KioskStrings;
  private readonly question: KioskQuestion;

  constructor(doc: Document, strings: KioskStrings) {
    this.doc = doc;
    this.strings = strings;
    this.question = new KioskQuestion(doc, strings);
  }

  show(fig: ResultFigures, seconds: number, onDone: () => void): void {
    this.hide();
    const root = this.doc.getElementById("k-result")!;
    let until = performance.now() + seconds * 1000;
    const render = () => {
      const left = Math.max(0, Math.ceil((until - performance.now()) / 1000));
      this.doc.getElementById("k-result-helpers")!.textContent = this.strings.t("result.helpers", { start: fig.cd4Start, end: fig.cd4End });
      this.doc.getElementById("k-result-il2")!.textContent = this.strings.t("result.il2", { pm: Math.round(fig.il2PeakPm) });
      this.doc.getElementById("k-result-verdict")!.textContent = this.strings.t(verdictKey(fig));
      this.doc.getElementById("k-result-count")!.textContent = this.strings.t("result.countdown", { n: left });
      return left;
    };
    root.hidden = false;
    this.question.show(() => { until = Math.max(until, performance.now() + READ_ANSWER_S * 1000); render(); });
    render();
    this.offLang = this.strings.onChange(render);
    this.timer = setInterval(() => { if (render() <= 0) { this.hide(); onDone(); } }, 250); // a countdown shown to the visitor
  }

  hide(): void {
    if (this.timer !== null) clearInterval(this.timer);
    this.timer = null;
    this.offLang?.();
    this.offLang = null;
    this.question.hide();
    this.doc.getElementById("k-result")!.hidden = true;
  }
}
