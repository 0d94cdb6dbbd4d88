// Each player's predictions in one round (by session id), pure and deterministic: committed (checked, one per question,
// final, only while the question is open: closedBecause over the round's figures), judged from the round's metric
// history when it ends, tallied for the teacher, and turned into results-store measures (CSV columns). No world: the
// round's figures and metric history are all it reads. Called by server/rooms/TissueRoomBase.ts (commit, reset,
// finish) and the classroom (tally, measures).

import { judge, observe, type PredictionResult } from "../net/predictionJudge.ts";
import { checkPredict, type MyPredictions, type PredictionTally } from "../net/predictionWire.ts";
import { closedBecause, questionsFor, type PredictionQuestion, type RoundNow } from "../net/predictions.ts";
import type { MetricSample, Scenario } from "../sim/index.ts";
import type { Measure } from "./roleLedger.ts";

/** Session id → question id → choice id, in the order committed. */
export type Committed = ReadonlyMap<string, ReadonlyMap<string, string>>;

/** Each committed prediction judged from the round's metrics, by session id. */
export function judgeAll(
  questions: readonly PredictionQuestion[], committed: Committed, history: readonly MetricSample[],
): Map<string, PredictionResult[]> {
  const out = new Map<string, PredictionResult[]>();
  for (const [id, mine] of committed) out.set(id, [...mine].map(([q, choice]) => judge(questions.find((x) => x.id === q)!, choice, history)));
  return out;
}

/** How many of these students chose each answer, beside what happened in the round's metrics (the teacher's debrief). */
export function tallyPredictions(
  round: number, questions: readonly PredictionQuestion[], committed: Committed, studentIds: readonly string[],
  history: readonly MetricSample[],
): PredictionTally {
  const rows = questions.map((q) => {
    const counts = new Map(q.choices.map((c) => [c.id, 0]));
    let answered = 0;
    for (const id of studentIds) {
      const choice = committed.get(id)?.get(q.id);
      if (choice !== undefined) { answered++; counts.set(choice, (counts.get(choice) ?? 0) + 1); }
    }
    const o = observe(q, history);
    return {
      question: q.id, questionText: q.text, happened: o.happened, numbers: o.numbers,
      happenedText: q.choices.find((c) => c.id === o.happened)?.text ?? "This run cannot tell",
      choices: q.choices.map((c) => ({ choice: c.id, text: c.text, count: counts.get(c.id) ?? 0 })), answered,
    };
  });
  return { round, students: studentIds.length, rows };
}

/** One student's judged predictions as results-store measures: the answer's number, and whether it happened (1 or 0). */
export function predictionMeasures(questions: readonly PredictionQuestion[], results: readonly PredictionResult[]): Measure[] {
  const out: Measure[] = [];
  for (const r of results) {
    const q = questions.find((x) => x.id === r.question)!;
    out.push({ label: `Predicted: ${q.short}`, value: q.choices.findIndex((c) => c.id === r.predicted) + 1, units: q.choices.map((c, i) => `${i + 1} ${c.text}`).join("; ") });
    if (r.right !== null) out.push({ label: `Prediction came true: ${q.short}`, value: r.right ? 1 : 0, units: "1 yes; 0 no" });
  }
  return out;
}

export class PredictionDesk {
  private questions: PredictionQuestion[] = [];
  private roundDays = 0;
  private round = 0;
  private readonly committed = new Map<string, Map<string, string>>();
  private results = new Map<string, PredictionResult[]>();
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

  /** Commits one prediction; a sentence when it cannot be taken (and then nothing changed). `started`: the round runs. */
  commit(sessionId: string, payload: unknown, now: RoundNow, started: boolean): string | null {
    const checked = checkPredict(payload, this.questions);
    if (!checked.ok) return checked.error;
    const { question, choice } = checked.value;
    if (this.finished) return "the round is over";
    const closed = closedBecause(question, now, this.roundDays, started);
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

  /** Judges every prediction from the round's metric history (call once, when the round has its outcome). */
  finish(history: readonly MetricSample[]): void {
    this.finished = true;
    this.results = judgeAll(this.questions, this.committed, history);
  }

  mine(sessionId: string): MyPredictions {
    const committed = [...(this.committed.get(sessionId) ?? new Map<string, string>())].map(([question, choice]) => ({ question, choice }));
    return { round: this.round, committed, results: this.finished ? this.results.get(sessionId) ?? [] : null };
  }

  /** How many of these students chose each answer, beside what happened (the teacher's debrief). */
  tally(studentIds: readonly string[], history: readonly MetricSample[]): PredictionTally {
    return tallyPredictions(this.round, this.questions, this.committed, studentIds, history);
  }

  /** One student's predictions as results-store measures. */
  measures(sessionId: string): Measure[] {
    return predictionMeasures(this.questions, this.results.get(sessionId) ?? []);
  }
}
