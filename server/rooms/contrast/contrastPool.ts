// The server's one queue of contrast runs: a few worker threads (contrastWorker.ts) shared by every room, so a class
// of 30 devices starts one job per round, and many rounds ending at once wait their turn instead of taking every
// core. A room submits a job when its round ends and cancels it when a new round starts or the room closes.
// A thread takes the next waiting job when it finishes one, and stops when none is waiting. The queue is shared
// between addresses (fairShare.ts): a full queue drops the newest job of the address holding most of it, not the
// newcomer's. Used by RoundContrasts.

import { availableParallelism } from "node:os";
import { Worker } from "node:worker_threads";
import type { ContrastResult } from "../../../shared/net/contrast.ts";
import type { RoundLog } from "../../../shared/report/commandLog.ts";
import type { ContrastPlan } from "../../../shared/report/contrasts.ts";
import { packedBuffers, type PackedHistory } from "../../../shared/report/contrastCompare.ts";
import { nextToRun, toMakeRoom, type JobOwner } from "./fairShare.ts";

/** A round's log, the contrasts to run, and the real round's compared metrics (packHistory). */
export interface ContrastJob { log: RoundLog; plans: ContrastPlan[]; real: PackedHistory }
export interface ContrastJobMessage { jobId: number; job: ContrastJob }
export type FromContrastWorker =
  | { jobId: number; kind: "progress"; done: number }
  | { jobId: number; kind: "result"; result: ContrastResult }
  | { jobId: number; kind: "done" }
  | { jobId: number; kind: "error"; message: string };

/** What a room hears about its job. */
export interface JobListener {
  /** Still waiting: `ahead` rounds' jobs run or wait before it. */
  queued(ahead: number): void;
  started(): void;
  progress(done: number): void;
  result(result: ContrastResult): void;
  done(): void;
  failed(message: string): void;
  /** Dropped while waiting to make room for another address's round (the queue was full). */
  dropped?(): void;
}

export interface JobTicket { cancel(): void }

/** Rounds' jobs that may wait at once; past this, a round gets no contrast (the server is swamped). */
export const MAX_QUEUED_JOBS = 32;

/** Threads for contrasts: CONTRAST_THREADS, else one per spare core, at most two (rooms' model threads come first). */
export function defaultContrastThreads(): number {
  const env = Number(process.env.CONTRAST_THREADS);
  if (Number.isInteger(env) && env >= 1) return env;
  return Math.max(1, Math.min(2, availableParallelism() - 1));
}

interface Entry { id: number; job: ContrastJob; listener: JobListener; worker: Worker | null; cancelled: boolean; ahead: number; owner?: JobOwner }

export class ContrastPool {
  private readonly queue: Entry[] = [];
  private readonly running = new Set<Entry>();
  /** The job each thread is running. */
  private readonly current = new Map<Worker, Entry>();
  private nextId = 1;
  /** When each address's job last started (a count), for taking turns (fairShare.ts). */
  private readonly lastStarted = new Map<string, number>();
  private starts = 0;

  readonly size: number;
  private readonly spawn: () => Worker;

  constructor(size: number, spawn: () => Worker = () => new Worker(new URL("./contrastWorker.ts", import.meta.url))) {
    this.size = size;
    this.spawn = spawn;
  }

  /** Queues a round's job (`owner`: whose round it is); null when too many are waiting and none gives way to it. */
  submit(job: ContrastJob, listener: JobListener, owner?: JobOwner): JobTicket | null {
    if (this.queue.length >= MAX_QUEUED_JOBS) {
      const i = toMakeRoom(this.queue, owner);
      if (i < 0) return null;
      const [dropped] = this.queue.splice(i, 1);
      dropped.cancelled = true;
      if (dropped.listener.dropped) dropped.listener.dropped();
      else dropped.listener.failed("dropped from a full queue");
    }
    const entry: Entry = { id: this.nextId++, job, listener, worker: null, cancelled: false, ahead: -1, owner };
    this.queue.push(entry);
    this.pump();
    return { cancel: () => this.cancel(entry) };
  }

  /** Jobs running and waiting (tests, logs). */
  get load(): { running: number; queued: number } {
    return { running: this.running.size, queued: this.queue.length };
  }

  private cancel(entry: Entry): void {
    if (entry.cancelled) return;
    entry.cancelled = true;
    const i = this.queue.indexOf(entry);
    if (i >= 0) this.queue.splice(i, 1);
    if (this.running.delete(entry) && entry.worker) this.drop(entry.worker);
    this.pump();
  }

  /** Starts waiting jobs while threads are free, and tells the rest how many are ahead of them (when that changed). */
  private pump(): void {
    while (this.running.size < this.size && this.queue.length) this.run(this.takeNext(), this.newThread());
    this.queue.forEach((e, k) => {
      const ahead = this.running.size + k;
      if (ahead !== e.ahead) e.listener.queued((e.ahead = ahead));
    });
  }

  private run(entry: Entry, worker: Worker): void {
    entry.worker = worker;
    this.current.set(worker, entry);
    this.running.add(entry);
    entry.listener.started();
    // the metric arrays move to the thread (the job is the pool's alone; nothing reads them here again)
    worker.postMessage({ jobId: entry.id, job: entry.job } satisfies ContrastJobMessage, entry.job.real.tick.length ? packedBuffers(entry.job.real) : []);
  }

  /** A job is over: its thread takes the next waiting job, or stops when there is none. */
  private finish(entry: Entry, worker: Worker): void {
    entry.cancelled = true;
    this.running.delete(entry);
    this.current.delete(worker);
    const next = this.queue.length ? this.takeNext() : undefined;
    if (next) this.run(next, worker);
    else this.drop(worker);
    this.pump();
  }

  /** Takes the waiting job that goes next (fairShare.ts). */
  private takeNext(): Entry {
    const [entry] = this.queue.splice(nextToRun(this.queue, this.running, this.lastStarted), 1);
    if (this.lastStarted.size > 1000) this.lastStarted.clear(); // a turn order, not a record: forgetting it is harmless
    this.lastStarted.set(entry.owner?.address ?? "", this.starts++);
    return entry;
  }

  private drop(worker: Worker): void {
    this.current.delete(worker);
    void worker.terminate();
  }

  private newThread(): Worker {
    const worker = this.spawn();
    const fail = (message: string) => {
      const entry = this.current.get(worker);
      if (!entry || entry.cancelled) return;
      entry.listener.failed(message);
      entry.cancelled = true;
      this.running.delete(entry);
      this.drop(worker);
      this.pump();
    };
    worker.on("message", (m: FromContrastWorker) => {
      const entry = this.current.get(worker);
      if (!entry || entry.cancelled || m.jobId !== entry.id) return;
      switch (m.kind) {
        case "progress": entry.listener.progress(m.done); break;
        case "result": entry.listener.result(m.result); break;
        case "done": entry.listener.done(); this.finish(entry, worker); break;
        case "error": fail(m.message); break;
      }
    });
    worker.on("error", (err) => fail(err instanceof Error ? (err.stack ?? err.message) : String(err)));
    worker.on("exit", (code) => fail(`the contrast thread stopped (exit code ${code})`));
    return worker;
  }
}

/** The server's one pool, made at first use. */
let shared: ContrastPool | null = null;
export function contrastPool(): ContrastPool {
  return (shared ??= new ContrastPool(defaultContrastThreads()));
}
