// "Compare the rounds": one chart per measure (threat, damage, …) with a line per round of this class, each round
// its own colour and dash pattern, and a table of every round's outcome, peaks and final values as the text
// alternative. Shown under the debrief and in the lobby between rounds (classroomUi.ts, lobbyView.ts).

import type { RoundSummary } from "../../../shared/net/classroom.ts";
import { SCENARIOS } from "../../../shared/scenarios/index.ts";
import { drawLineChart } from "../ui/charts.ts";
import { el } from "../ui/dom.ts";
import { trim } from "../ui/format.ts";
import { outcomeWords } from "../../../shared/net/outcomeWords.ts";
import { ROUND_SERIES_LABELS, commonDays, onGrid, roundRows, sharedSeriesNames, shownValues, withCurrentNames } from "./roundsData.ts";

/** Okabe-Ito colours and dash patterns, one pair per round (patterns repeat after 4, colours after 7). */
const ROUND_COLOURS = ["#56b4e9", "#e69f00", "#009e73", "#cc79a7", "#f0e442", "#d55e00", "#f4f1ea"];
const ROUND_DASHES: number[][] = [[], [8, 4], [2, 3], [10, 3, 2, 3]];

const label = (name: string) => ROUND_SERIES_LABELS[name] ?? name;

/** A section comparing the rounds; call draw() once it is in the page (and on resize). */
export function roundsSection(doc: Document, saved: readonly RoundSummary[]): { section: HTMLElement; draw: () => void } {
  const rounds = withCurrentNames(saved);
  const section = el(doc, "section", { class: "rounds", "aria-labelledby": "rounds-title" },
    el(doc, "h2", { id: "rounds-title", text: "This class's rounds compared" }));
  if (rounds.length === 0) {
    section.append(el(doc, "p", { class: "note", text: "No round has finished yet." }));
    return { section, draw: () => {} };
  }
  const grid = commonDays(rounds);
  const names = sharedSeriesNames(rounds);
  const charts = names.map((name) => {
    const canvas = el(doc, "canvas", { class: "chart" });
    const series = rounds.map((r, i) => ({
      label: `Round ${r.round}`, units: "", colour: ROUND_COLOURS[i % ROUND_COLOURS.length], dash: ROUND_DASHES[i % ROUND_DASHES.length],
      values: onGrid(r.days, shownValues(name, r.series[name] ?? []), grid),
    }));
    return { canvas, name, series };
  });
  section.append(
    el(doc, "div", { class: "chart-grid" }, ...charts.map((c) => el(doc, "figure", { class: "chart-box" }, c.canvas))),
    // A table of six or more columns is wider than a phone: it scrolls sideways in its own box (Tab reaches it, the
    // arrow keys scroll it), so the debrief and the lobby around it never do.
    el(doc, "div", { class: "table-scroll", role: "region", tabindex: "0", "aria-label": "Each round's numbers" }, roundsTable(doc, rounds, names)),
  );
  const draw = () => {
    for (const c of charts) {
      drawLineChart(c.canvas, `${label(c.name)}, round by round`, grid, c.series);
      const rows = roundRows(rounds);
      c.canvas.setAttribute("aria-label", `${label(c.name)} over simulated days for each round: `
        + rows.map((r) => `round ${r.round} peak ${trim(r.peaks[c.name] ?? 0)}, final ${trim(r.finals[c.name] ?? 0)}`).join("; ") + ". The table has the numbers.");
    }
  };
  return { section, draw };
}

function roundsTable(doc: Document, rounds: readonly RoundSummary[], names: string[]): HTMLElement {
  const rows = roundRows(rounds);
  return el(doc, "table", { class: "rounds-table" },
    el(doc, "caption", { text: "Each round: outcome, length, and each measure's peak → final value" }),
    el(doc, "thead", {}, el(doc, "tr", {},
      el(doc, "th", { scope: "col", text: "Round" }), el(doc, "th", { scope: "col", text: "Scenario" }),
      el(doc, "th", { scope: "col", text: "Outcome" }), el(doc, "th", { scope: "col", text: "Days played" }),
      ...names.map((n) => el(doc, "th", { scope: "col", text: label(n) })))),
    el(doc, "tbody", {}, ...rows.map((r, i) => el(doc, "tr", {},
      el(doc, "th", { scope: "row" }, el(doc, "span", { class: "round-swatch", style: `border-top: 3px ${ROUND_DASHES[i % 4].length ? "dashed" : "solid"} ${ROUND_COLOURS[i % ROUND_COLOURS.length]}` }), ` ${r.round}`),
      el(doc, "td", { text: SCENARIOS[r.scenarioId]?.name ?? r.scenarioId }),
      el(doc, "td", { text: outcomeWords(r.outcome) }),
      el(doc, "td", { text: trim(r.lastDay) }),
      ...names.map((n) => el(doc, "td", { text: n in r.peaks ? `${trim(r.peaks[n])} → ${trim(r.finals[n])}` : "—" }))))));
}
