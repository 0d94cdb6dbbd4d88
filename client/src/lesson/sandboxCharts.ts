// The sandbox's live charts, under its sliders: the tissue's average IL-2 and the number of each immune cell, sampled
// from the room's state changes by simulated day (one sample per step of the round's length, classroom/liveChart.ts),
// so a slider's effect shows as it happens. Restarted with each new round. Mounted by sandboxPanel.ts.

import { drawLineChart } from "../ui/charts.ts";
import { el } from "../ui/dom.ts";
import type { GameSession } from "../net/GameSession.ts";
import { sampleDue } from "../classroom/liveChart.ts";

const MAX_SAMPLES = 600;

export function mountSandboxCharts(root: HTMLElement, session: GameSession): () => void {
  const doc = root.ownerDocument;
  const il2 = el(doc, "canvas", { class: "chart", role: "img", "aria-label": "Chart: average IL-2 over the tissue, over time" });
  const cells = el(doc, "canvas", { class: "chart", role: "img", "aria-label": "Chart: helper T cells, killer T cells, Tregs and NK cells, over time" });
  root.replaceChildren(el(doc, "h3", { text: "Live charts" }), il2, cells);
  const days: number[] = [], mean: number[] = [], cd4: number[] = [], cd8: number[] = [], treg: number[] = [], nk: number[] = [];
  const all = [days, mean, cd4, cd8, treg, nk];
  let round = -1;
  const sample = () => {
    const st = session.state, hud = st?.hud;
    if (!st || !hud || !(st.day > 0) || hud.cd4 + hud.cd8 + hud.treg + hud.nk === 0) return; // nothing measured yet
    if (st.round !== round || (days.length && st.day < days[days.length - 1])) { all.forEach((a) => { a.length = 0; }); round = st.round; }
    if (!sampleDue(days.length ? days[days.length - 1] : -1, st.day, st.days)) return; // paused, or too soon in simulated time
    days.push(st.day); mean.push(hud.il2MeanPm); cd4.push(hud.cd4); cd8.push(hud.cd8); treg.push(hud.treg); nk.push(hud.nk);
    if (days.length > MAX_SAMPLES) all.forEach((a) => { const keep = a.filter((_, i) => i % 2 === 0); a.length = 0; a.push(...keep); });
    if (days.length < 2 || root.offsetParent === null) return;
    drawLineChart(il2, "IL-2, average over the tissue (pM)", days, [{ label: "IL-2, average", units: "pM", values: mean, colour: "#f0e442" }], 150);
    drawLineChart(cells, "Immune cells", days, [
      { label: "Helper T cells", units: "cells", values: cd4, colour: "#56b4e9" },
      { label: "Killer T cells", units: "cells", values: cd8, colour: "#d55e00", dash: [6, 4] },
      { label: "Tregs", units: "cells", values: treg, colour: "#009e73", dash: [2, 3] },
      { label: "NK cells", units: "cells", values: nk, colour: "#cc79a7", dash: [10, 3, 2, 3] },
    ], 190);
  };
  const off = session.onStateChange(sample);
  return () => { off(); root.replaceChildren(); };
}
