// One room's contrasts: records what reaches the model while a round runs (a CommandRecorder), and when the round
// ends, plans the contrasts that make sense, queues ONE job for the round on the server's contrast pool (shared by
// every device in the room), and tells the room what to send: progress (at most once a second), then each contrast
// as it arrives. Late joiners get the same through catchUp(). Held by TissueRoomBase.

import type { ContrastResult, ContrastUpdate } from "../../../shared/net/contrast.ts";
import { CommandRecorder, type LogStart, type LoggedEdit, type LogTick, type RoundLog } from "../../../shared/report/commandLog.ts";
import { packHistory } from "../../../shared/report/contrastCompare.ts";
import { planContrasts, type ContrastPlan } from "../../../shared/report/contrasts.ts";
import type { Command } from "../../../shared/sim/index.ts";
import type { MetricSample } from "../../../shared/sim/metrics.ts";
import { contrastPool, type ContrastPool, type JobTicket } from "./contrastPool.ts";
import type { JobOwner } from "./fairShare.ts";

const BUSY_NOTE = "The server is busy with other rounds' contrasts; none for this round.";

/** Fewest milliseconds between two progress messages. */
export const PROGRESS_EVERY_MS = 1000;

export class RoundContrasts {
  private recorder: CommandRecorder | null = null;
  private ticket: JobTicket | null = null;
  /** The job whose news is still wanted (a new round or a cancel forgets it). */
  private current: object | null = null;
  private round = 0;
  private status: ContrastUpdate = RoundContrasts.idle(0);
  private results: ContrastResult[] = [];
  private lastProgressAt = 0;
  /** The last finished round's log (tests, logs). */
  lastLog: RoundLog | null = null;
  /** Whether this room's rounds get contrasts at all (a kiosk's or a watched room's do not). */
  enabled = true;
  /** Whose rounds these are, for the pool's fair share (set by the room; none: one share of its own). */
  owner: (() => JobOwner) | null = null;

  /** `send` goes to every client of the room; `pool` is the server's unless a test gives its own. */
  private readonly send: (update: ContrastUpdate) => void;
  private readonly pool: () => ContrastPool;

  constructor(send: (update: ContrastUpdate) => void, pool: () => ContrastPool = contrastPool) {
    this.send = send;
    this.pool = pool;
  }

  private static idle(round: number): ContrastUpdate {
    return { round, status: "none", ahead: 0, progress: 0, planned: [] };
  }

  /** A fresh round, from what its world started with (logStartOf): a new log, and the last round's job (if still running or waiting) dropped. */
  startRound(start: LogStart, round: number): void {
    this.cancel();
    this.round = round;
    this.status = RoundContrasts.idle(round);
    this.results = [];
    this.recorder = new CommandRecorder(start);
  }

  /** The commands the step at `tick` applies. */
  commands(tick: number, commands: readonly Command[]): void {
    this.recorder?.commands(tick, commands);
  }

  /** Edits made before the step at `tick`. */
  edits(tick: number, edits: readonly LoggedEdit[]): void {
    this.recorder?.edits(tick, edits);
  }

  /** Commands logged at `tick` or later never reached the model (an ask of the model's thread was dropped). */
  forgetCommandsFrom(tick: number): void {
    this.recorder?.forgetCommandsFrom(tick);
  }

  /** What reached the model so far, up to `tick` (a class's checkpoint); [] when no round is logged. */
  logSoFar(tick: number): LogTick[] {
    return this.recorder?.finishAt(tick).ticks ?? [];
  }

  /** The round ended at `tick` with these metric samples: plan its contrasts and queue their job. */
  roundEnded(tick: number, history: readonly MetricSample[]): void {
    if (!this.enabled || !this.recorder) return;
    const log = (this.lastLog = this.recorder.finishAt(tick)); // no hash: it would cost the event loop tens of ms
    this.recorder = null;
    const plans: ContrastPlan[] = planContrasts(log);
    if (!plans.length) return this.update({ status: "none", note: "No contrast fits this round." });
    const planned = plans.map(({ id, label, change }) => ({ id, label, change }));
    this.status = { round: this.round, status: "queued", ahead: 0, progress: 0, planned };
    const round = this.round, token = {};
    this.current = token;
    const mine = () => this.current === token;
    this.ticket = this.pool().submit({ log, plans, real: packHistory(history) }, {
      queued: (ahead) => { if (mine()) this.update({ status: "queued", ahead }); },
      started: () => { if (mine()) this.update({ status: "running", ahead: 0 }); },
      progress: (done) => {
        if (!mine()) return;
        this.status.progress = done;
        const now = Date.now();
        if (now - this.lastProgressAt >= PROGRESS_EVERY_MS) this.update({});
      },
      result: (result) => {
        if (!mine()) return;
        this.results.push(result);
        this.update({}, result);
      },
      done: () => { if (mine()) { this.current = this.ticket = null; this.update({ status: "done", progress: 1 }); } },
      failed: (message) => {
        if (!mine()) return;
        console.error(`[contrasts] round ${round}: ${message}`);
        this.current = this.ticket = null;
        this.update({ status: "failed", note: "The contrast runs failed on the server; the debrief above is complete without them." });
      },
      dropped: () => {
        if (!mine()) return;
        this.current = this.ticket = null;
        this.update({ status: "none", note: BUSY_NOTE });
      },
    }, this.owner?.());
    if (!this.ticket) {
      this.current = null;
      this.update({ status: "none", note: BUSY_NOTE });
    }
  }

  /** What a device that joins now needs: the status, then every contrast already done. */
  catchUp(): ContrastUpdate[] {
    if (this.status.status === "none" && !this.status.note) return [];
    return [{ ...this.status, result: undefined }, ...this.results.map((result) => ({ ...this.status, result }))];
  }

  /** Drops the job (a new round, or the room closes). */
  cancel(): void {
    this.ticket?.cancel();
    this.current = this.ticket = null;
  }

  private update(change: Partial<ContrastUpdate>, result?: ContrastResult): void {
    this.status = { ...this.status, ...change, result: undefined };
    this.lastProgressAt = Date.now();
    this.send(result ? { ...this.status, result } : this.status);
  }
}
