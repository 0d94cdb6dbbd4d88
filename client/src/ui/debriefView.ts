// The end-of-round report as an HTML page over the DebriefScene: outcome, charts over time (one per unit, canvas)
// with a data table for screen readers, key moments, what each role did, learning points, the scenario's teacher
// notes (what to notice, what to try), and "Play again" / "Menu" / the Learn dialog. Shown by playUi.ts on the bus
// "round-end".

import { measureText } from "./measureText.ts";
import type { Debrief, DebriefSeries } from "../../../shared/net/messages.ts";
import { ROLE_LABELS, isRole } from "../../../shared/sim/roles.ts";
import { SCENARIOS } from "../../../shared/scenarios/index.ts";
import { drawLineChart, type ChartSeries } from "./charts.ts";
import { thinIndices } from "./chartScale.ts";
import { el } from "./dom.ts";
import { formatClock, trim } from "./format.ts";
import { outcomeWords } from "../../../shared/net/outcomeWords.ts";
import { explainFailure } from "./soloSetup.ts";
import { teacherNotes } from "../learn/teacherNotes.ts";
import { learnButton } from "../learn/termLink.ts";

/** Okabe-Ito colours and dash patterns: lines differ by pattern as well as colour. */
const PALETTE = ["#56b4e9", "#e69f00", "#009e73", "#cc79a7", "#f0e442", "#d55e00", "#0072b2", "#f4f1ea"];
const DASHES: number[][] = [[], [6, 4], [2, 3], [10, 3, 2, 3]];
const MAX_PER_CHART = 4;
/** Chart titles for series sharing these units. */
const TABLE_ROWS = 25;

/** Chart titles by the series names' first part ("count.cd4" → count). */
const FAMILY_TITLES: Record<string, string> = { il2: "IL-2", count: "Immune cells", pstat5: "Cells hearing IL-2 (pSTAT5-positive)" };
/** The game's own colours for the cell types (Okabe-Ito, lightened blue for the dark page), so charts match the tissue. */
const SERIES_COLOURS: Record<string, string> = {
  "count.cd4": "#56b4e9", "count.cd8": "#d55e00", "count.treg": "#009e73", "count.nk": "#cc79a7",
  "il2.meanPm": "#f0e442", "il2.maxPm": "#e69f00", "threat.burden": "#e69f00", "tissue.damage": "#d55e00", "toxicity.leak": "#cc79a7",
};

/** Shares travel as fractions (0..1); people read percentages. */
export function readable(s: DebriefSeries): DebriefSeries {
  return s.units === "fraction" ? { ...s, units: "%", values: s.values.map((v) => v * 100) } : s;
}

/** Groups series of one family ("count.*", "il2.*") and the same units into charts of at most four lines, in order. */
export function groupSeries(series: readonly DebriefSeries[]): DebriefSeries[][] {
  const byUnits = new Map<string, DebriefSeries[]>();
  for (const s of series) {
    const key = `${s.name.split(".")[0]}|${s.units}`;
    const list = byUnits.get(key) ?? [];
    list.push(s);
    byUnits.set(key, list);
  }
  const out: DebriefSeries[][] = [];
  for (const list of byUnits.values()) for (let i = 0; i < list.length; i += MAX_PER_CHART) out.push(list.slice(i, i + MAX_PER_CHART));
  return out;
}

export interface DebriefActions { playAgain: () => Promise<void> | void; menu: () => void }

export function showDebrief(root: HTMLElement, d: Debrief, actions: DebriefActions): () => void {
  const doc = root.ownerDocument;
  const scenario = SCENARIOS[d.scenarioId];
  const again = el(doc, "button", { type: "button", text: "Play again" });
  const menu = el(doc, "button", { type: "button", class: "secondary", text: "Menu" });
  const status = el(doc, "p", { role: "status", class: "note" });
  again.addEventListener("click", () => {
    status.textContent = "Preparing the tissue…";
    Promise.resolve(actions.playAgain()).then(() => { status.textContent = ""; }, (err: unknown) => { status.textContent = explainFailure(err); });
  });
  menu.addEventListener("click", actions.menu);

  const groups = groupSeries(d.series.map(readable));
  const charts: { canvas: HTMLCanvasElement; title: string; series: ChartSeries[] }[] = [];
  const figures = groups.map((group, gi) => {
    const title = `${group.length === 1 ? group[0].label : FAMILY_TITLES[group[0].name.split(".")[0]] ?? `${group[0].label} and more`} (${group[0].units})`;
    const canvas = el(doc, "canvas", { class: "chart" });
    const series = group.map((s, i) => ({ label: s.label, units: s.units, values: s.values, colour: SERIES_COLOURS[s.name] ?? PALETTE[(gi + i) % PALETTE.length], dash: DASHES[i % DASHES.length] }));
    charts.push({ canvas, title, series });
    return el(doc, "figure", { class: "chart-box" }, canvas, dataTable(doc, title, d.days, group));
  });

  const moments = d.moments.length
    ? el(doc, "ol", { class: "moments" }, ...d.moments.map((m) => el(doc, "li", {}, el(doc, "strong", { text: `${formatClock(m.day)}: ` }), m.text)))
    : el(doc, "p", { class: "note", text: "No key moments were recorded." });

  const roles = el(doc, "div", { class: "role-grid" }, ...d.roles.map((r) => el(doc, "section", { class: "role-card", "aria-label": r.name },
    el(doc, "h3", { text: isRole(r.role) ? ROLE_LABELS[r.role] : r.role }),
    el(doc, "p", { class: "note", text: r.bot ? r.name : `${r.name}: you` }),
    r.measures.length
      ? el(doc, "dl", { class: "facts" }, ...r.measures.flatMap((m) => [el(doc, "dt", { text: m.label }), el(doc, "dd", { text: measureText(m) })]))
      : el(doc, "p", { class: "note", text: "No measures recorded." }))));

  const learning = d.learning.length ? el(doc, "ul", { class: "learning" }, ...d.learning.map((t) => el(doc, "li", { text: t }))) : el(doc, "p", { class: "note", text: "—" });

  root.replaceChildren(el(doc, "div", { class: "debrief-inner" },
    el(doc, "p", { class: "note", text: `Debrief · ${scenario?.name ?? d.scenarioId}` }),
    el(doc, "h1", { id: "debrief-title", tabindex: "-1", text: outcomeWords(d.outcome) || d.outcome }),
    el(doc, "p", { class: "lead", text: d.outcomeText }),
    el(doc, "div", { class: "debrief-actions" }, again, menu, learnButton(doc, "Glossary and model card", "glossary", "secondary")), status,
    el(doc, "h2", { text: "What you learned" }), learning,
    teacherNotes(doc, d.scenarioId, { open: true, title: "Teacher notes: what to notice, what to try" }) ?? "",
    el(doc, "section", { id: "debrief-contrasts", class: "contrasts", hidden: "" }), // filled by contrastView.ts
    el(doc, "h2", { text: "Over time" }), el(doc, "div", { class: "chart-grid" }, ...figures),
    el(doc, "h2", { text: "Key moments" }), moments,
    el(doc, "h2", { text: "What each role did" }), roles,
  ));
  root.hidden = false;

  const draw = () => charts.forEach((c) => drawLineChart(c.canvas, c.title, d.days, c.series));
  // Draw once the page has laid the canvases out (their CSS width decides the resolution).
  const raf = requestAnimationFrame(draw);
  const win = doc.defaultView;
  win?.addEventListener("resize", draw);
  (doc.getElementById("debrief-title") as HTMLElement | null)?.focus();
  return () => { cancelAnimationFrame(raf); win?.removeEventListener("resize", draw); root.hidden = true; root.replaceChildren(); };
}

/** The chart's numbers, every so many samples, in a collapsible table that screen readers can walk. */
function dataTable(doc: Document, title: string, days: number[], group: DebriefSeries[]): HTMLElement {
  const rows = thinIndices(days.length, TABLE_ROWS);
  const table = el(doc, "table", {},
    el(doc, "caption", { text: title }),
    el(doc, "thead", {}, el(doc, "tr", {}, el(doc, "th", { scope: "col", text: "Time" }), ...group.map((s) => el(doc, "th", { scope: "col", text: `${s.label} (${s.units})` })))),
    el(doc, "tbody", {}, ...rows.map((i) => el(doc, "tr", {}, el(doc, "th", { scope: "row", text: formatClock(days[i]) }), ...group.map((s) => el(doc, "td", { text: trim(s.values[i] ?? 0) }))))));
  return el(doc, "details", { class: "chart-table" }, el(doc, "summary", { text: "Show the numbers" }), table);
}
