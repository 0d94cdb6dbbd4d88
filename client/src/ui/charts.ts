// Debrief charts on <canvas>: one small line chart per series over simulated days, with axes, tick labels, units
// and a title; each canvas has a text alternative and the numbers sit in a table (debriefView.ts). Scaling is in
// chartScale.ts. Drawn at the device's pixel ratio so text stays sharp.

import { dayTickLabel, extentOf, niceTicks, scaleLinear, thinIndices } from "./chartScale.ts";
import { trim } from "./format.ts";

export interface ChartSeries { label: string; units: string; values: number[]; colour: string; dash?: number[] }

const INK = "#f4f1ea", MUTED = "#c9c4b8", GRID = "rgba(244,241,234,0.15)";
const PAD = { left: 52, right: 12, top: 30, bottom: 34 };
/** Height of one line of the key under the title, px. */
const KEY_LINE = 18;
const MAX_POINTS = 600;
/** Height of one line of the title, px (it wraps on narrow canvases: a phone's debrief). */
const TITLE_LINE = 16;

/** Words split into lines no wider than `max` by `measure` (a single word wider than that keeps a line of its own). */
export function wrapWords(text: string, max: number, measure: (s: string) => number): string[] {
  const lines: string[] = [];
  let line = "";
  for (const word of text.split(/\s+/).filter(Boolean)) {
    const tried = line ? `${line} ${word}` : word;
    if (line && measure(tried) > max) { lines.push(line); line = word; } else line = tried;
  }
  if (line) lines.push(line);
  return lines;
}

/** The x at which a label centred on `px` starts, moved inside [margin, width - margin] when it would stick out. */
export function labelLeft(px: number, labelWidth: number, width: number, margin = 2): number {
  return Math.max(margin, Math.min(px - labelWidth / 2, width - margin - labelWidth));
}

/** Draws the series (sharing one y axis) against days on a canvas sized by CSS (width) and `heightPx`. */
export function drawLineChart(canvas: HTMLCanvasElement, title: string, days: number[], series: ChartSeries[], heightPx = 200): void {
  const ratio = canvas.ownerDocument.defaultView?.devicePixelRatio ?? 1;
  const width = Math.max(240, canvas.clientWidth || 420);
  canvas.width = Math.round(width * ratio);
  canvas.height = Math.round(heightPx * ratio);
  canvas.style.height = `${heightPx}px`;
  const g = canvas.getContext("2d");
  if (!g) return;
  g.setTransform(ratio, 0, 0, ratio, 0, 0);
  g.clearRect(0, 0, width, heightPx);

  // The title wraps onto more lines on a narrow canvas; the key sits under it, wrapping too; the plot starts below both.
  g.font = "600 13px system-ui, sans-serif";
  const titleLines = wrapWords(title, width - 8, (t) => g.measureText(t).width);
  const titleExtra = Math.max(0, titleLines.length - 1) * TITLE_LINE;
  g.font = "12px system-ui, sans-serif";
  // A label too long for one line (a phone's canvas) takes rows of its own, its words wrapped.
  const keyRows: { s: ChartSeries; x: number; row: number; lines: string[] }[] = [];
  if (series.length > 1) {
    let kx = 4, row = 0;
    for (const s of series) {
      const lines = wrapWords(s.label, width - 8 - 26, (t) => g.measureText(t).width);
      const w = Math.max(...lines.map((l) => g.measureText(l).width)) + 34;
      if ((kx + w > width - 4 || lines.length > 1) && kx > 4) { kx = 4; row++; }
      keyRows.push({ s, x: kx, row, lines });
      if (lines.length > 1) { row += lines.length - 1; kx = width; } else kx += w;
    }
  }
  const keyHeight = keyRows.length ? (Math.max(...keyRows.map((k) => k.row + k.lines.length - 1)) + 1) * KEY_LINE : 0;
  const top = PAD.top + titleExtra + keyHeight;

  const xs = niceTicks(extentOf(days), 5);
  const ys = niceTicks(extentOf(series.flatMap((s) => s.values)), 4);
  const x = scaleLinear(xs.min, xs.max, PAD.left, width - PAD.right);
  const y = scaleLinear(ys.min, ys.max, heightPx - PAD.bottom, top);

  g.font = "600 13px system-ui, sans-serif";
  g.fillStyle = INK;
  g.textAlign = "left";
  g.textBaseline = "top";
  titleLines.forEach((line, i) => g.fillText(line, 4, 4 + i * TITLE_LINE));

  g.font = "12px system-ui, sans-serif";
  g.lineWidth = 1;
  g.strokeStyle = GRID;
  g.fillStyle = MUTED;
  g.textAlign = "right";
  g.textBaseline = "middle";
  for (const v of ys.ticks) {
    const py = Math.round(y(v)) + 0.5;
    g.beginPath(); g.moveTo(PAD.left, py); g.lineTo(width - PAD.right, py); g.stroke();
    g.fillText(trim(v), PAD.left - 6, py);
  }
  // Day labels centred under their lines, the last one moved left to stay whole inside the canvas.
  g.textAlign = "left";
  g.textBaseline = "top";
  for (const v of xs.ticks) {
    const px = Math.round(x(v)) + 0.5;
    g.beginPath(); g.moveTo(px, top); g.lineTo(px, heightPx - PAD.bottom); g.stroke();
    const label = dayTickLabel(v);
    g.fillText(label, labelLeft(px, g.measureText(label).width, width), heightPx - PAD.bottom + 4);
  }
  g.textAlign = "center";
  g.fillText("day of the round, as on the clock", (PAD.left + width - PAD.right) / 2, heightPx - 14);

  const idx = thinIndices(Math.min(days.length, ...series.map((s) => s.values.length)), MAX_POINTS);
  for (const s of series) {
    g.strokeStyle = s.colour;
    g.lineWidth = 2;
    g.setLineDash(s.dash ?? []);
    g.beginPath();
    idx.forEach((i, k) => (k === 0 ? g.moveTo(x(days[i]), y(s.values[i])) : g.lineTo(x(days[i]), y(s.values[i]))));
    g.stroke();
  }
  g.setLineDash([]);

  // The key: colour, dash pattern and words for each line.
  g.font = "12px system-ui, sans-serif";
  g.textAlign = "left";
  g.textBaseline = "middle";
  for (const k of keyRows) {
    const ky = PAD.top - 6 + titleExtra + k.row * KEY_LINE;
    g.strokeStyle = k.s.colour; g.setLineDash(k.s.dash ?? []); g.lineWidth = 2;
    g.beginPath(); g.moveTo(k.x, ky); g.lineTo(k.x + 22, ky); g.stroke();
    g.setLineDash([]);
    g.fillStyle = INK;
    k.lines.forEach((line, i) => g.fillText(line, k.x + 26, ky + i * KEY_LINE));
  }
  const units = series[0]?.units ?? "";
  canvas.setAttribute("role", "img");
  canvas.setAttribute("aria-label", `${title}: ${series.map((s) => `${s.label} from ${trim(s.values[0] ?? 0)} to ${trim(s.values[s.values.length - 1] ?? 0)} ${units}, peak ${trim(Math.max(...s.values, 0))}`).join("; ")}. The table below has the numbers.`);
}
