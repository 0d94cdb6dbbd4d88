// The vascular leak in words, as the top bar's toxicity meter shows it: a share of the dose-limiting line ("0%",
// "under 1%", "78%", "130%"); the model's leak score is 1 at the line (shared/sim/metrics.ts toxicity.leak). Used by the
// debrief's learning points, the prediction judge, the contrasts and a clinician's measures, so that every screen gives
// the leak the same way.

/** The leak score as a share of the dose-limiting line. */
export function shareOfLine(leak: number): string {
  if (!Number.isFinite(leak) || leak <= 0) return "0%";
  return leak < 0.01 ? "under 1%" : `${Math.round(leak * 100)}%`;
}

/** The leak score as a whole percentage of the dose-limiting line (a measure's value; 100 is the line). */
export const percentOfLine = (leak: number): number => (Number.isFinite(leak) && leak > 0 ? Math.round(leak * 100) : 0);

/** How charts and tables label the leak. */
export const LEAK_LABEL = "Vascular leak (share of the dose-limiting line)";
