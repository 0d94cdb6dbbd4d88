// The therapy cards' names, shared by scenarios, commands, the experiment runner and the UI.

export const THERAPY_NAMES = ["highDose", "lowDose", "antiCd25", "cd122Biased"] as const;
export type TherapyName = (typeof THERAPY_NAMES)[number];

export const THERAPY_LABELS: Record<TherapyName, string> = {
  highDose: "High-dose IL-2 (aldesleukin): a bolus every 8 h that floods every receptor",
  lowDose: "Low-dose IL-2: a daily plateau near 30 pM that Tregs hear, and resting killers and NK cells hardly do",
  antiCd25: "Anti-CD25 antibody: blocks CD25, taking the high-affinity receptor away",
  cd122Biased: "CD122-biased engineered IL-2: skips CD25, favours NK and CD8 killers",
};
