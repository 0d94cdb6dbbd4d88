// The class's live charts during a round: the HUD figures (threat cells, killer T cells, tissue lost) sampled once a
// second of wall time into a rolling record by simulated day, drawn as two small line charts. On the projector's
// side panel and, behind a toggle, on every student's device. Created by classroomUi.ts per round.

import { drawLineChart } from "../ui/charts.ts";
import { el } from "../ui/dom.ts";
import type { UiSession } from "../ui/session.ts";

/** Samples kept (about 10 minutes at one a second); older ones are thinned by half when full. */
const MAX_SAMPLES = 600;

export function mountLiveCharts(root: HTMLElement, session: UiSession): () => void {
  const doc = root.ownerDocument;
  const counts = el(doc, "canvas", { class: "chart" });
  const damage = el(doc, "canvas", { class: "chart" });
  root.append(counts, damage);
  const days: number[] = [], threat: number[] = [], killers: number[] = [], lost: number[] = [];
  const sample = () => {
    const st = session.state;
    const hud = st?.hud;
    if (!hud || !(st.day > 0)) return; // nothing measured yet
    if (days.length && st.day < days[days.length - 1]) { days.length = threat.length = killers.length = lost.length = 0; } // a new round
    if (days.length && st.day === days[days.length - 1]) return; // paused
    days.push(st.day); threat.push(hud.threat); killers.push(hud.killers); lost.push(hud.damage * 100);
    if (days.length > MAX_SAMPLES) for (const a of [days, threat, killers, lost]) { const keep = a.filter((_, i) => i % 2 === 0); a.length = 0; a.push(...keep); }
    if (root.offsetParent === null) return; // hidden: record, do not draw
    draw();
  };
  const draw = () => {
    if (days.length < 2) return;
    drawLineChart(counts, "Threat and killers (cells)", days, [
      { label: "Threat cells", units: "cells", values: threat, colour: "#e69f00" },
      { label: "Killer T cells", units: "cells", values: killers, colour: "#56b4e9", dash: [6, 4] },
    ], 170);
    drawLineChart(damage, "Tissue lost (%)", days, [{ label: "Tissue lost", units: "%", values: lost, colour: "#d55e00" }], 140);
  };
  sample();
  const timer = setInterval(sample, 1000);
  return () => { clearInterval(timer); root.replaceChildren(); };
}
