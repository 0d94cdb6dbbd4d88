// Scoring the two-tier quiz: an item counts as right only when both tiers are (the choice and the reason for it, as
// two-tier tests are scored), and the gain per objective is the share right after play minus the share right before,
// over the students who answered that objective both times. Pure; used by the classroom room (the class's gain, the
// teacher's only), the solo and student pages (their own gain) and the tests.

import { OBJECTIVES, QUIZ_ITEMS, objectiveName, type Objective, type QuizItem, type Tier } from "./quizItems.ts";

export const QUIZ_PHASES = ["pre", "post"] as const;
export type QuizPhase = (typeof QUIZ_PHASES)[number];

/** One tier of one item as answered: `pick` is the index in the item's own list (choices or reasons). */
export interface QuizPick { itemId: string; tier: Tier; pick: number }

/** Whether this pick is the right one (false for an unknown item or an index out of range). */
export function isRight(p: QuizPick, items: readonly QuizItem[] = QUIZ_ITEMS): boolean {
  const item = items.find((i) => i.id === p.itemId);
  if (!item) return false;
  return p.tier === "choice" ? p.pick === item.answer : p.pick === item.reason;
}

/** Right and of: how many items of the objective had both tiers right, out of how many answered in full. */
export interface Tally { right: number; of: number }

/** Per objective, one student's items answered in full (both tiers) and how many of those were right on both. */
export function scoreByObjective(picks: readonly QuizPick[], items: readonly QuizItem[] = QUIZ_ITEMS): Map<Objective, Tally> {
  const out = new Map<Objective, Tally>(OBJECTIVES.map((o) => [o, { right: 0, of: 0 }]));
  for (const item of items) {
    const choice = picks.find((p) => p.itemId === item.id && p.tier === "choice");
    const reason = picks.find((p) => p.itemId === item.id && p.tier === "reason");
    if (!choice || !reason) continue;
    const t = out.get(item.objective)!;
    t.of++;
    if (isRight(choice, items) && isRight(reason, items)) t.right++;
  }
  return out;
}

/** Whether a student answered every item of this objective in full. */
const complete = (t: Tally | undefined, items: readonly QuizItem[], o: Objective): boolean =>
  !!t && t.of === items.filter((i) => i.objective === o).length && t.of > 0;

export interface GainRow {
  objective: Objective;
  name: string;
  /** Everyone who answered this objective before play / after play. */
  pre: Tally;
  post: Tally;
  /** Students who answered it both times; gain is over them (post share − pre share, -1..1), null when none did. */
  paired: number;
  gain: number | null;
}

/** One entry per student (or one for a solo player): their picks before and after play. */
export interface QuizSheet { pre: readonly QuizPick[]; post: readonly QuizPick[] }

/** The gain table, one row per objective, over these students' sheets. */
export function gainRows(sheets: readonly QuizSheet[], items: readonly QuizItem[] = QUIZ_ITEMS): GainRow[] {
  const scored = sheets.map((s) => ({ pre: scoreByObjective(s.pre, items), post: scoreByObjective(s.post, items) }));
  return OBJECTIVES.map((o) => {
    const row: GainRow = { objective: o, name: objectiveName(o), pre: { right: 0, of: 0 }, post: { right: 0, of: 0 }, paired: 0, gain: null };
    let pairedPre = 0, pairedPost = 0, pairedOf = 0;
    for (const s of scored) {
      const a = s.pre.get(o), b = s.post.get(o);
      if (complete(a, items, o)) { row.pre.right += a!.right; row.pre.of += a!.of; }
      if (complete(b, items, o)) { row.post.right += b!.right; row.post.of += b!.of; }
      if (complete(a, items, o) && complete(b, items, o)) { row.paired++; pairedPre += a!.right; pairedPost += b!.right; pairedOf += a!.of; }
    }
    row.gain = pairedOf > 0 ? (pairedPost - pairedPre) / pairedOf : null;
    return row;
  });
}

/** Whether these picks answer every tier of every item (the quiz is finished). */
export function finished(picks: readonly QuizPick[], items: readonly QuizItem[] = QUIZ_ITEMS): boolean {
  return items.every((i) => picks.some((p) => p.itemId === i.id && p.tier === "choice") && picks.some((p) => p.itemId === i.id && p.tier === "reason"));
}
