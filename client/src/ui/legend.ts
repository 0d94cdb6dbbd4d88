// The legend in the side panel: the IL-2 colour bar in pM on its log scale (0.1 pM to 100 nM, from the play scene's
// own colour table, play/colourMap.ts), the shape of every cell type this round's scenario can show, with words (each
// opening its glossary entry), and how to command (play/controls.ts).
// Created by playUi.ts for each round.

import { encodeLevel } from "../../../shared/net/fieldCodec.ts";
import { CELL_TYPE_LABELS, type CellTypeName } from "../../../shared/sim/cellTypes.ts";
import type { Scenario } from "../../../shared/sim/scenario.ts";
import { SCENARIOS } from "../../../shared/scenarios/index.ts";
import { buildLevelLut } from "../play/colourMap.ts";
import { CONTROLS } from "../play/controls.ts";
import type { TermId } from "../learn/learnText.ts";
import { termButton } from "../learn/termLink.ts";
import { cellIcon, el } from "./dom.ts";
import { fillWhenKnown } from "./fillWhenKnown.ts";
import { formatPm } from "./format.ts";

/** Labelled concentrations on the colour bar, pM. */
export const LEGEND_TICKS_PM = [0.1, 1, 10, 100, 1000, 10000, 100000];

/** Which cell types the legend names: those a scenario can show. */
const LEGEND_TYPES: CellTypeName[] = ["cd4", "cd8", "treg", "nkDim", "dendritic", "tissue", "infected", "tumour", "tumourHidden", "islet"];

/** The legend's cell types that `scenario` can show (every one when the scenario is not known). */
export function legendTypes(scenario: Scenario | undefined): CellTypeName[] {
  if (!scenario) return LEGEND_TYPES;
  const placed = new Set<string>(scenario.populations.map((p) => p.type));
  const threat = scenario.threat.kind;
  const shows: Record<(typeof LEGEND_TYPES)[number], boolean> = {
    cd4: placed.has("cd4"), treg: placed.has("cd4"), cd8: placed.has("cd8"), nkBright: placed.has("nk"), nkDim: placed.has("nk"),
    dendritic: placed.has("dendritic"), tissue: scenario.tissue.kind === "tissue", islet: scenario.tissue.kind === "islet",
    infected: threat === "virus", tumour: threat === "tumour", tumourHidden: threat === "tumour",
  };
  return LEGEND_TYPES.filter((t) => shows[t]);
}

/** The glossary entry each legend line opens (NK cells share a shape, so the line opens "NK cell"). */
const LEGEND_TERMS: Record<(typeof LEGEND_TYPES)[number], TermId> = {
  cd4: "cd4", cd8: "cd8", treg: "treg", nkBright: "nk", nkDim: "nk", dendritic: "dendritic", tissue: "tissue", infected: "infected",
  tumour: "tumour", tumourHidden: "tumourHidden", islet: "islet",
};

/** A CSS gradient over the 256 level bytes, sampled every 16. */
export function heatmapGradient(): string {
  const lut = buildLevelLut();
  const stops: string[] = [];
  for (let b = 0; b <= 255; b += 15) stops.push(`rgb(${lut[b * 4]},${lut[b * 4 + 1]},${lut[b * 4 + 2]}) ${((b / 255) * 100).toFixed(1)}%`);
  return `linear-gradient(to right, ${stops.join(", ")})`;
}

/**
 * `scenarioOf` names the round's scenario; until it is known (a resumed page learns it from the first state patch,
 * heard through `changes`) every shape is listed. Returns its unmount.
 */
export function mountLegend(root: HTMLElement, scenarioOf: () => string | undefined, changes: (cb: () => void) => () => void): () => void {
  const doc = root.ownerDocument;
  const shapes = el(doc, "ul", { class: "shape-list" });
  const fill = () => {
    const scenario = SCENARIOS[scenarioOf() ?? ""];
    shapes.replaceChildren(...legendTypes(scenario).map((t) => el(doc, "li", {}, cellIcon(doc, t, 20), el(doc, "span", {}, termButton(doc, LEGEND_TERMS[t], CELL_TYPE_LABELS[t])))));
    return scenario !== undefined;
  };
  const bar = el(doc, "div", { class: "heat-bar", style: `background:${heatmapGradient()}` });
  const ticks = el(doc, "div", { class: "heat-ticks" }, ...LEGEND_TICKS_PM.map((pm) =>
    el(doc, "span", { style: `left:${((encodeLevel(pm * 1.0001) / 255) * 100).toFixed(1)}%`, text: formatPm(pm).replace(" ", "\u00a0") })));
  root.replaceChildren(el(doc, "details", { open: "" },
    el(doc, "summary", { text: "Legend: IL-2 colours and cell shapes" }),
    el(doc, "p", { class: "note" }, termButton(doc, "heatmap", "IL-2 concentration"), " (log scale, in ", termButton(doc, "pm", "pM"), "). Dark: none; yellow: most."),
    el(doc, "div", { class: "heat", role: "img", "aria-label": "Colour bar from dark purple at 0.1 picomolar through blue and green to yellow at 100 nanomolar" }, bar, ticks),
    shapes),
  el(doc, "details", { class: "controls-help" },
    el(doc, "summary", { text: "How to command" }),
    el(doc, "dl", { class: "controls-list" }, ...CONTROLS.flatMap((c) => [el(doc, "dt", { text: c.input }), el(doc, "dd", { text: c.action })]))));
  return fillWhenKnown(fill, changes);
}
