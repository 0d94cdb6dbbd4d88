// Every word a debrief chart draws lies inside its canvas: the title wraps on a phone's narrow canvas (it was cut at
// the right edge: "Vascular leak (1 is the dose-limiting line) (s"), and the last day's label under the x axis is moved
// in to stay whole (it read "Day ." at every width). drawLineChart runs on a fake canvas that records each fillText.

import { describe, expect, it } from "vitest";
import { drawLineChart, labelLeft, wrapWords } from "../../client/src/ui/charts.ts";

interface Drawn { text: string; left: number; right: number; y: number }

/** A canvas of `width` CSS px whose 2-D context measures text at a fixed width per character of its font size. */
function fakeCanvas(width: number): { canvas: HTMLCanvasElement; drawn: Drawn[] } {
  const drawn: Drawn[] = [];
  const g = {
    font: "12px system-ui", textAlign: "start", textBaseline: "alphabetic", fillStyle: "", strokeStyle: "", lineWidth: 1,
    measureText(text: string) { return { width: text.length * 0.62 * Number(/(\d+)px/.exec(this.font)?.[1] ?? 12) }; },
    fillText(text: string, x: number, y: number) {
      const w = this.measureText(text).width;
      const left = this.textAlign === "center" ? x - w / 2 : this.textAlign === "right" || this.textAlign === "end" ? x - w : x;
      drawn.push({ text, left, right: left + w, y });
    },
    setTransform() {}, clearRect() {}, beginPath() {}, moveTo() {}, lineTo() {}, stroke() {}, setLineDash() {},
  };
  const canvas = {
    ownerDocument: { defaultView: { devicePixelRatio: 1 } }, clientWidth: width, width: 0, height: 0, style: {},
    getContext: () => g, setAttribute() {},
  } as unknown as HTMLCanvasElement;
  return { canvas, drawn };
}

const days = Array.from({ length: 97 }, (_, i) => i / 48); // a 2-day round: Day 1 to Day 3 on the axis
const leak = [{ label: "Vascular leak", units: "score", values: days.map((d) => d / 3), colour: "#cc79a7" }];

describe("debrief chart labels", () => {
  for (const width of [340, 420, 560]) {
    it(`at ${width} px every label lies inside the canvas, the title whole`, () => {
      const { canvas, drawn } = fakeCanvas(width);
      const title = "Vascular leak (1 is the dose-limiting line) (score)";
      drawLineChart(canvas, title, days, leak);
      for (const d of drawn) {
        expect(d.left, `"${d.text}" starts inside`).toBeGreaterThanOrEqual(0);
        expect(d.right, `"${d.text}" ends inside`).toBeLessThanOrEqual(width);
      }
      const titleLines = drawn.filter((d) => d.y < 30 && !/^[\d.]+$/.test(d.text)).map((d) => d.text);
      expect(titleLines.join(" ")).toBe(title);
      expect(drawn.map((d) => d.text)).toContain("Day 3");
    });
  }

  it("a key label too long for a phone's canvas wraps, inside the canvas, and the plot starts below it", () => {
    const width = 340;
    const { canvas, drawn } = fakeCanvas(width);
    const long = "Activated killers hearing IL-2 (pSTAT5-positive share)";
    drawLineChart(canvas, "Cells hearing IL-2 (pSTAT5-positive) (%)", days, [
      { label: "Tregs hearing IL-2 (pSTAT5-positive share)", units: "%", values: days.map(() => 50), colour: "#009e73" },
      { label: long, units: "%", values: days.map(() => 20), colour: "#cc79a7", dash: [4, 3] },
    ]);
    for (const d of drawn) {
      expect(d.left, `"${d.text}" starts inside`).toBeGreaterThanOrEqual(0);
      expect(d.right, `"${d.text}" ends inside`).toBeLessThanOrEqual(width);
    }
    const start = drawn.findIndex((d) => d.text.startsWith("Activated"));
    const keyWords: Drawn[] = [];
    for (let i = start; i >= 0 && i < drawn.length && long.includes(drawn[i].text); i++) keyWords.push(drawn[i]);
    expect(keyWords.map((d) => d.text).join(" ")).toBe(long);
    // the y axis's top label sits below the last line of the key
    const topTick = Math.min(...drawn.filter((d) => /^\d+$/.test(d.text) && d.left < 52).map((d) => d.y));
    expect(topTick).toBeGreaterThan(Math.max(...keyWords.map((d) => d.y)));
  });

  it("wraps words by width and centres labels unless they would stick out", () => {
    const measure = (s: string) => s.length * 10;
    expect(wrapWords("aa bb cc dd", 50, measure)).toEqual(["aa bb", "cc dd"]);
    expect(wrapWords("averyveryverylongword x", 50, measure)).toEqual(["averyveryverylongword", "x"]);
    expect(labelLeft(100, 40, 300)).toBe(80);
    expect(labelLeft(295, 40, 300)).toBe(258);
    expect(labelLeft(5, 40, 300)).toBe(2);
  });
});
