// The wire contract of predictions: the message a player sends to commit one, what the server sends back (their own
// predictions, and after the round what happened), and the class's tally per choice, which goes to the teacher only.
// Validators for the inbound message. Called by the server's prediction desk and by the client's panels.

import type { Checked } from "./messages.ts";
import type { PredictionResult } from "./predictionJudge.ts";
import type { PredictionQuestion } from "./predictions.ts";

/** Client → server: commit a prediction ({ question, choice }); one per question, final once accepted. */
export const PREDICT_MESSAGE = "predict";
/** Server → one client: their own predictions and, after the round, the results (MyPredictions). */
export const MY_PREDICTIONS_MESSAGE = "predictions";
/** Server → the teacher's connections only, after a class's round: how many chose each answer (PredictionTally). */
export const PREDICTION_TALLY_MESSAGE = "predictionTally";

export interface PredictPayload { question: string; choice: string }

export interface MyPredictions {
  /** The round these are for (state.round). */
  round: number;
  committed: PredictPayload[];
  /** After the round: one per committed prediction; null while the round runs. */
  results: PredictionResult[] | null;
}

export interface TallyRow {
  question: string;
  questionText: string;
  happened: string | null;
  happenedText: string;
  numbers: string;
  choices: { choice: string; text: string; count: number }[];
  /** Students who answered this question. */
  answered: number;
}
export interface PredictionTally { round: number; students: number; rows: TallyRow[] }

const isShortId = (v: unknown): v is string => typeof v === "string" && v.length > 0 && v.length <= 40;

/** Checks the shape, then that the question is offered in this round and the choice is one of its choices. */
export function checkPredict(payload: unknown, offered: readonly PredictionQuestion[]): Checked<{ question: PredictionQuestion; choice: string }> {
  if (typeof payload !== "object" || payload === null || Array.isArray(payload)) return { ok: false, error: "a prediction is { question, choice }" };
  const p = payload as Record<string, unknown>;
  if (Object.keys(p).some((k) => k !== "question" && k !== "choice") || !isShortId(p.question) || !isShortId(p.choice)) {
    return { ok: false, error: "a prediction is { question, choice }, both short names" };
  }
  const q = offered.find((x) => x.id === p.question);
  if (!q) return { ok: false, error: `this round does not ask "${p.question}"; it asks ${offered.map((x) => x.id).join(", ")}` };
  if (!q.choices.some((c) => c.id === p.choice)) return { ok: false, error: `"${p.choice}" is not an answer to that question; answers: ${q.choices.map((c) => c.id).join(", ")}` };
  return { ok: true, value: { question: q, choice: p.choice } };
}
