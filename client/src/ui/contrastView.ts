// The debrief's "What if…?" section: the same tissue replayed by the server from the same seed and orders with one
// thing changed, shown beside what happened — a button per contrast, the change in plain words, one line of this
// round's numbers, and charts with both lines (your round solid blue, the contrast dashed orange) plus their numbers
// in tables. Shows "computing…" with progress until each contrast arrives. Mounted by playUi.ts into the debrief's
// #debrief-contrasts slot; reads the session's ContrastBoard (net/contrastBoard.ts).

import { termButton } from "../learn/termLink.ts";
import type { ContrastResult, ContrastSeries, ContrastUpdate } from "../../../shared/net/contrast.ts";
import type { ContrastBoard } from "../net/contrastBoard.ts";
import { drawLineChart, type ChartSeries } from "./charts.ts";
import { thinIndices } from "./chartScale.ts";
import { el, setText } from "./dom.ts";
import { formatClock, trim } from "./format.ts";
import "./contrast.css";

const REAL = { colour: "#56b4e9", dash: [] as number[] };
const OTHER = { colour: "#e69f00", dash: [7, 4] };
const TABLE_ROWS = 20;
const INTRO = "The game's model always gives the same result for the same start and the same orders. So the server replays "
  + "your round from the same start with the same orders at the same moments, changes one thing, and shows what happened "
  + "then beside what happened in your round. Once one thing differs, every cell's luck differs too (where it wanders, "
  + "when it divides), so differences of a few tens of percent can be chance; a contrast that shows the same way in "
  + "several rounds is the change's doing.";

/** The words for the status line. */
export function statusWords(s: ContrastUpdate | null, ready: number): string {
  if (!s) return "Waiting for the server…";
  const total = s.planned.length;
  switch (s.status) {
    case "none": return s.note ?? "No contrast fits this round.";
    case "failed": return s.note ?? "The contrast runs failed.";
    case "queued": return `Computing… waiting for ${s.ahead} other round${s.ahead === 1 ? "" : "s"} on the server first.`;
    // no percentage here: this line is read out on each change; the progress bar shows how far it is
    case "running": return `Computing… ${ready} of ${total} ready. The server replays your round once per contrast.`;
    case "done": return `All ${total} contrast${total === 1 ? "" : "s"} ready.`;
  }
}

const asShown = (s: ContrastSeries, values: number[]) => (s.units === "fraction" ? values.map((v) => v * 100) : values);
const unitsShown = (s: ContrastSeries) => (s.units === "fraction" ? "%" : s.units);

/**
 * Mounts the section into root's #debrief-contrasts (if the debrief has one); returns its unmount. `round` is the
 * debriefed round's number: news of another round (the last one's, still on the board) is not shown.
 */
export function mountContrasts(root: HTMLElement, board: ContrastBoard, round?: number): () => void {
  const slot = root.querySelector<HTMLElement>("#debrief-contrasts");
  if (!slot) return () => {};
  const doc = root.ownerDocument;
  const status = el(doc, "p", { class: "note contrast-status", role: "status" });
  const bar = el(doc, "progress", { max: "1", value: "0" });
  bar.setAttribute("aria-label", "Contrasts computed");
  const picker = el(doc, "div", { class: "contrast-picker", role: "group", "aria-label": "Pick a contrast" });
  const panel = el(doc, "div", { class: "contrast-panel" });
  slot.replaceChildren(
    el(doc, "h2", {}, termButton(doc, "contrast", "What if…?"), " The same tissue, one thing changed"),
    el(doc, "p", { class: "note", text: INTRO }),
    status, bar, picker, panel,
  );
  slot.hidden = false;

  let chosen = "";
  let charts: { canvas: HTMLCanvasElement; title: string; days: number[]; series: ChartSeries[] }[] = [];
  const draw = () => charts.forEach((c) => drawLineChart(c.canvas, c.title, c.days, c.series));

  const current = () => (board.status && (round === undefined || board.status.round === round) ? board.status : null);
  const showPanel = () => {
    const s = current();
    const plan = s?.planned.find((p) => p.id === chosen);
    if (!plan) { panel.replaceChildren(); panel.dataset.shown = ""; charts = []; return; }
    const result = board.results.get(plan.id);
    const shown = `${s?.round}|${plan.id}|${result ? "ready" : s?.status}`;
    if (panel.dataset.shown === shown) return;
    panel.dataset.shown = shown;
    const change = el(doc, "p", { class: "contrast-change", text: plan.change });
    if (!result) {
      charts = [];
      panel.replaceChildren(change, el(doc, "p", { class: "note", text: s?.status === "failed" || s?.status === "none" ? "Not computed." : "Computing this contrast…" }));
      return;
    }
    charts = result.series.map((sr) => ({
      canvas: el(doc, "canvas", { class: "chart" }),
      title: `${sr.label} (${unitsShown(sr)})`,
      days: result.days,
      series: [
        { label: "Your round", units: unitsShown(sr), values: asShown(sr, sr.real), ...REAL },
        { label: result.label, units: unitsShown(sr), values: asShown(sr, sr.contrast), ...OTHER },
      ],
    }));
    panel.replaceChildren(change, el(doc, "p", { class: "lead contrast-summary", text: result.summary }),
      el(doc, "div", { class: "chart-grid" }, ...charts.map((c, k) => el(doc, "figure", { class: "chart-box" }, c.canvas, table(doc, result, result.series[k], c.title)))));
    requestAnimationFrame(draw);
  };

  const render = () => {
    const s = current();
    const ready = s ? s.planned.filter((p) => board.results.has(p.id)).length : 0;
    setText(status, statusWords(s, ready));
    const busy = s?.status === "queued" || s?.status === "running";
    bar.hidden = !busy;
    bar.value = s?.status === "running" ? s.progress : 0;
    const planned = s?.planned ?? [];
    if (!planned.some((p) => p.id === chosen)) chosen = planned[0]?.id ?? "";
    const key = `${s?.round}|` + planned.map((p) => `${p.id}:${board.results.has(p.id)}`).join(",") + `|${chosen}`;
    if (picker.dataset.key !== key) {
      picker.dataset.key = key;
      picker.replaceChildren(...planned.map((p) => {
        const b = el(doc, "button", { type: "button", class: "secondary", "aria-pressed": String(p.id === chosen) },
          p.label, el(doc, "span", { class: "contrast-badge", text: board.results.has(p.id) ? "" : " (computing…)" }));
        b.addEventListener("click", () => { chosen = p.id; render(); (picker.querySelector(`[aria-pressed="true"]`) as HTMLElement | null)?.focus(); });
        return b;
      }));
    }
    showPanel();
  };

  render();
  const off = board.onChange(render);
  const win = doc.defaultView;
  win?.addEventListener("resize", draw);
  return () => { off(); win?.removeEventListener("resize", draw); slot.replaceChildren(); slot.hidden = true; };
}

/** Both lines' numbers, every so many points, in a collapsible table for screen readers. */
function table(doc: Document, r: ContrastResult, s: ContrastSeries, title: string): HTMLElement {
  const rows = thinIndices(r.days.length, TABLE_ROWS);
  const real = asShown(s, s.real), other = asShown(s, s.contrast);
  return el(doc, "details", { class: "chart-table" }, el(doc, "summary", { text: "Show the numbers" }),
    el(doc, "table", {},
      el(doc, "caption", { text: title }),
      el(doc, "thead", {}, el(doc, "tr", {}, ...["Time", "Your round", r.label].map((text) => el(doc, "th", { scope: "col", text })))),
      el(doc, "tbody", {}, ...rows.map((i) => el(doc, "tr", {},
        el(doc, "th", { scope: "row", text: formatClock(r.days[i]) }), el(doc, "td", { text: trim(real[i] ?? 0) }), el(doc, "td", { text: trim(other[i] ?? 0) }))))));
}
