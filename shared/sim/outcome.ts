// How a round ends, judged from a metrics sample: the threat cleared, the tissue overrun, self tissue protected or
// lost, or time up. Decided once; the world keeps running so the debrief can show what followed. Called by step().

import type { MetricSample } from "./metrics.ts";
import type { Outcome, World } from "./world.ts";

export function judgeOutcome(world: World, m: MetricSample): Outcome {
  const kind = world.scenario.threat.kind;
  const threat = m.values["threat.burden"];
  const damage = m.values["tissue.damage"];
  if (threat > world.peakThreat) world.peakThreat = threat;
  const over = m.day >= world.scenario.days, limit = world.params.damageLimit;
  if (kind === "self") {
    if (damage >= limit) return "lost";
    return over ? "protected" : "ongoing";
  }
  if (damage >= limit) return "overrun";
  if (world.peakThreat > 0 && threat === 0) return "cleared";
  return over ? "timeUp" : "ongoing";
}
