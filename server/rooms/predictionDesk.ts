// Each player's predictions in one round (by session id): committed through the door (checked, one per question,
// final, only while the question is open), judged from the round's metrics when it ends, tallied for the teacher, and
// turned into results-store measures (CSV columns). Called by TissueRoomBase (commit, reset, finish) and ClassroomRoom.

import { judge, observe, type PredictionResult } from "../../shared/net/predictionJudge.ts";
import { checkPredict, type MyPredictions, type PredictionTally } from "../../shared/net/predictionWire.ts";
import { closedBecause, questionsFor, type PredictionQuestion, type RoundMoment } from "../../shared/net/predictions.ts";
import type { Measure } from "../../shared/report/roleLedger.ts";
import type { Scenario } from "../../shared/sim/index.ts";
import type { MetricSample } from "../../shared/sim/metrics.ts";

export class PredictionDesk {
  private questions: PredictionQuestion[] = [];
  private roundDays = 0;
  private round = 0;
  /** session id → question id → choice id, in the order committed. */
  private readonly committed = new Map<string, Map<string, string>>();
  private readonly results = new Map<string, PredictionResult[]>();
  private finished = false;

  /** A new round: its questions; earlier predictions are dropped. */
  reset(scenario: Scenario, round: number): void {
    this.questions = questionsFor(scenario, scenario.days);
    this.roundDays = scenario.days;
    this.round = round;
    this.committed.clear();
    this.results.clear();
    this.finished = false;
  }

  get offered(): readonly PredictionQuestion[] {
    return this.questions;
  }

  /** Commits one prediction; a sentence when it cannot be taken (and then nothing changed). */
  commit(sessionId: string, payload: unknown, world: RoundMoment, started: boolean): string | null {
    const checked = checkPredict(payload, this.questions);
    if (!checked.ok) return checked.error;
    const { question, choice } = checked.value;
    if (this.finished) return "the round is over";
    const closed = closedBecause(question, world, this.roundDays, started);
    if (closed) return closed;
    const mine = this.committed.get(sessionId) ?? new Map<string, string>();
    if (mine.has(question.id)) return "you have already made that prediction: it stays as it is, to compare with what happens";
    mine.set(question.id, choice);
    this.committed.set(sessionId, mine);
    return null;
  }

  has(sessionId: string): boolean {
    return this.committed.has(sessionId);
  }

  /** Judges every prediction from the round's metric samples (call once, when the round has its outcome). */
  finish(history: readonly MetricSample[]): void {
    this.finished = true;
    for (const [id, mine] of this.committed) {
      this.results.set(id, [...mine].map(([q, choice]) => judge(this.questions.find((x) => x.id === q)!, choice, history)));
    }
  }

  mine(sessionId: string): MyPredictions {
    const committed = [...(this.committed.get(sessionId) ?? new Map<string, string>())].map(([question, choice]) => ({ question, choice }));
    return { round: this.round, committed, results: this.finished ? this.results.get(sessionId) ?? [] : null };
  }

  /** How many of these students chose each answer, beside what happened (the teacher's debrief). */
  tally(studentIds: readonly string[], history: readonly MetricSample[]): PredictionTally {
    const rows = this.questions.map((q) => {
      const counts = new Map(q.choices.map((c) => [c.id, 0]));
      let answered = 0;
      for (const id of studentIds) {
        const choice = this.committed.get(id)?.get(q.id);
        if (choice !== undefined) { answered++; counts.set(choice, (counts.get(choice) ?? 0) + 1); }
      }
      const o = observe(q, history);
      return {
        question: q.id, questionText: q.text, happened: o.happened, numbers: o.numbers,
        happenedText: q.choices.find((c) => c.id === o.happened)?.text ?? "This run cannot tell",
        choices: q.choices.map((c) => ({ choice: c.id, text: c.text, count: counts.get(c.id) ?? 0 })), answered,
      };
    });
    return { round: this.round, students: studentIds.length, rows };
  }

  /** One student's predictions as results-store measures: the answer's number, and whether it happened (1 or 0). */
  measures(sessionId: string): Measure[] {
    const out: Measure[] = [];
    for (const r of this.results.get(sessionId) ?? []) {
      const q = this.questions.find((x) => x.id === r.question)!;
      out.push({ label: `Predicted: ${q.short}`, value: q.choices.findIndex((c) => c.id === r.predicted) + 1, units: q.choices.map((c, i) => `${i + 1} ${c.text}`).join("; ") });
      if (r.right !== null) out.push({ label: `Prediction came true: ${q.short}`, value: r.right ? 1 : 0, units: "1 yes; 0 no" });
    }
    return out;
  }
}
