// Keeps a live class's checkpoint (checkpoint.ts) in the checkpoint store while the class runs: every
// CHECKPOINT_EVERY_MS when the round moved or the class changed, and at once when a device joins or comes back (its
// reconnection token is new, and only the stored one lets it back after a crash). Deleted when the class ends
// normally; kept when the server is shutting down (a restart resumes it). Held by ClassroomRoom, which gives it the
// class's insides as ClassInternals.

import type { WorldLook } from "../model/modelHost.ts";
import type { RoundFacts } from "../model/roundFacts.ts";
import type { Client } from "@colyseus/core";
import { matchMaker } from "@colyseus/core";
import { $changes } from "@colyseus/schema";
import type { RoundSummary } from "../../../shared/net/classroom.ts";
import type { Speed } from "../../../shared/net/messages.ts";
import type { TissueState } from "../../../shared/net/TissueState.ts";
import type { Difficulty, Role } from "../../../shared/sim/index.ts";
import { getCheckpointStore } from "../../results/checkpointStore.ts";
import type { BotSeats, CardClock } from "../../../shared/round/index.ts";
import type { Seats } from "../seats.ts";
import type { RoundSetup, RoundSoFar } from "../TissueRoomBase.ts";
import { CHECKPOINT_VERSION, hashForCheckpoint, type ClassCheckpoint } from "./checkpoint.ts";
import type { ClassRoster } from "./classRoster.ts";
import type { FormerNames } from "./formerNames.ts";
import type { QuizBook } from "./quizBook.ts";
import type { SeatHolds } from "./seatHold.ts";

/** Milliseconds between two checkpoints of a running round (a resumed round starts at most this far back). */
export const CHECKPOINT_EVERY_MS = 2000;

/** What a checkpoint reads from a class and what a resume writes back (classroom/classParts.ts ClassParts is one). */
export interface ClassInternals {
  readonly code: string;
  readonly state: TissueState;
  readonly seats: Seats;
  readonly bots: BotSeats;
  readonly roster: ClassRoster;
  readonly teachers: Set<string>;
  readonly removedSeats: Set<string>;
  /** Let-go seats' nicknames and each seat's proofs (formerNames.ts). */
  readonly formerNames: FormerNames;
  /** Seats kept for away devices (seatHold.ts). */
  readonly holds: SeatHolds;
  /** The pre- and post-quiz: which is open (its answers are in the results store). */
  readonly quiz: Pick<QuizBook, "open" | "restore">;
  readonly summaries: RoundSummary[];
  /** What the room knows of its round (model/roundFacts.ts): its tick, seed and tick length. */
  readonly facts: Pick<RoundFacts, "tick" | "seed" | "dtS">;
  readonly difficulty: Difficulty;
  readonly speed: Speed;
  /** The raw secret; "" in a resumed class until the teacher has shown it. */
  hostSecret: string;
  roundStartedAt: string;
  roundSetup: RoundSetup;
  cards: CardClock;
  roundSoFar(): RoundSoFar;
  /** The model's own world: its tick and state hash (model/modelHost.ts). */
  lookAtModel(): Promise<WorldLook | null>;
  resumeRound(so: RoundSoFar): number;
  setSpeed(speed: Speed): void;
  setPaused(paused: boolean): void;
  /** The seat's device did not come back: as if it had left (its squads to a classmate or a bot). */
  leftForGood(id: string): void;
}

/** The state encoder's root (its next id), as Colyseus' dev mode reads it. */
export function encoderRoot(state: TissueState): { nextUniqueId: number } | undefined {
  const changes = (state as unknown as Record<symbol, { root?: unknown } | undefined>)[$changes];
  return changes?.root as { nextUniqueId: number } | undefined;
}

const shuttingDown = (): boolean => matchMaker.state === matchMaker.MatchMakerState.SHUTTING_DOWN;

export class ClassCheckpointer {
  /** Each connected device's current reconnection token, by seat id. */
  private readonly tokens = new Map<string, string>();
  private dirty = true;
  private lastTick = -1;
  private stopped = false;
  private failing = false;
  private hash: string | null;
  private readonly c: ClassInternals;

  /** A resumed class gives the hash it kept (it no longer has the secret) and the tokens of the devices it awaits. */
  constructor(c: ClassInternals, hostSecretHash: string | null = null, tokens: [string, string][] = []) {
    this.c = c;
    this.hash = hostSecretHash;
    for (const [id, token] of tokens) this.tokens.set(id, token);
  }

  /** A device joined or came back: its token is saved at once. */
  device(client: Client): void {
    this.tokens.set(client.sessionId, client.reconnectionToken);
    this.dirty = true;
    this.save();
  }

  /** A seat left for good. */
  gone(id: string): void {
    this.tokens.delete(id);
    this.dirty = true;
  }

  /** Something a checkpoint holds changed (a teacher's action, a round's end). */
  changed(): void {
    this.dirty = true;
  }

  /** The timer's call: saves when the round moved or the class changed. */
  tick(): void {
    if (this.dirty || this.c.facts.tick !== this.lastTick) this.save();
  }

  save(): void {
    if (this.stopped || shuttingDown()) return; // a shutdown lets every device go first: that is not the class to keep
    try {
      const checkpoint = this.take();
      getCheckpointStore().save(this.c.code, JSON.stringify(checkpoint));
      this.dirty = false;
      this.lastTick = checkpoint.world.tick;
      this.failing = false;
    } catch (err) {
      if (!this.failing) console.error(`[classroom ${this.c.code}] could not save the class's checkpoint:`, err);
      this.failing = true; // one line until it works again, not one every two seconds
    }
  }

  /**
   * The class is gone: its checkpoint is deleted, unless the whole server is shutting down (then the last one saved
   * before the shutdown began is kept, with every seat, and a restart resumes the class).
   */
  disposed(): void {
    if (this.stopped) return;
    this.stopped = true;
    if (shuttingDown()) return;
    try {
      getCheckpointStore().delete(this.c.code);
    } catch (err) {
      console.error(`[classroom ${this.c.code}] could not delete the class's checkpoint:`, err);
    }
  }

  take(): ClassCheckpoint {
    const c = this.c;
    this.hash ??= hashForCheckpoint(c.hostSecret);
    const phase = c.state.phase === "playing" || c.state.phase === "ended" ? c.state.phase : "lobby";
    return {
      version: CHECKPOINT_VERSION,
      code: c.code,
      hostSecretHash: this.hash,
      phase,
      round: c.state.round,
      roundSetup: c.roundSetup,
      roundStartedAt: c.roundStartedAt,
      locked: c.state.locked,
      lateJoin: c.state.lateJoin,
      seatHoldMinutes: c.state.seatHoldMinutes,
      speed: c.speed,
      summaries: c.summaries,
      removedSeats: [...c.removedSeats],
      students: c.roster.students().map((s) => ({
        id: s.id, name: c.seats.nameOf(s.id), role: s.role, team: c.seats.byId.get(s.id)?.team ?? 0, squads: [...s.squads], token: this.tokens.get(s.id) ?? null,
      })),
      teachers: [...c.teachers].map((id) => ({ id, token: this.tokens.get(id) ?? null })),
      bots: c.seats.bots().map((b) => b.role as Role),
      origin: c.roster.origins(),
      cards: [...c.cards],
      nextRefId: encoderRoot(c.state)?.nextUniqueId ?? 0,
      world: c.roundSoFar(),
      ...(c.quiz.open ? { quizOpen: c.quiz.open } : {}),
    };
  }
}
