// The wire shape of the debrief's contrasts (ServerMessage.contrast): the same tissue replayed from the same seed
// and orders with one thing changed, computed on the server after the round. Progress messages carry no results;
// each finished contrast comes once in its own message (and again to a device that joins late). Sent by the room's
// RoundContrasts (server/rooms/contrast), read by the client's contrastView.

import type { MetricName } from "../sim/index.ts";

/** One chart: a metric in the real round and in the contrast, on the debrief's days. */
export interface ContrastSeries { name: MetricName; label: string; units: string; real: number[]; contrast: number[] }

export interface ContrastPlanWire {
  /** A ContrastId (shared/report/contrasts.ts). */
  id: string;
  /** Short name, e.g. "Without Tregs". */
  label: string;
  /** The one thing changed, in plain words (with the parameter or order it sets). */
  change: string;
}

export interface ContrastResult extends ContrastPlanWire {
  /** What differed, with this round's numbers (e.g. "412 switched-on killer T cells at the peak instead of 170"). */
  summary: string;
  /** Simulated day of each point, shared by the series. */
  days: number[];
  series: ContrastSeries[];
}

export interface ContrastUpdate {
  /** The room's round number (TissueState.round) the contrasts belong to. */
  round: number;
  /** none: no contrast makes sense (or the server is too busy); queued: waiting for a free thread; running; done; failed. */
  status: "none" | "queued" | "running" | "done" | "failed";
  /** Rounds whose contrasts the server runs before this one's (queued only). */
  ahead: number;
  /** Share of all this round's contrast runs done, 0..1. */
  progress: number;
  planned: ContrastPlanWire[];
  /** A contrast finished since the last message (each is sent once). */
  result?: ContrastResult;
  /** Why there is no contrast, or why it failed, in plain words. */
  note?: string;
}
