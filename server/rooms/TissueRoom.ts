// One patch of tissue and its players: validates every message at the door, queues accepted commands for the model,
// steps it at a fixed rate (speed × 20 model ticks per wall-clock second) and copies what clients need into the state
// and the field/event/debrief messages. Thin on purpose: rules live in shared/sim. Registered by server/app.ts.

import { Room, type Client, type RoomException, type RoomMethodName } from "@colyseus/core";
import { inspectCell } from "../../shared/net/inspect.ts";
import { ClientMessage, ServerMessage, checkControl, checkInspect, type ControlPayload, type Debrief, type Refusal } from "../../shared/net/messages.ts";
import { checkRoomOptions, type RoomOptions } from "../../shared/net/roomOptions.ts";
import { TissueState } from "../../shared/net/TissueState.ts";
import { DEFAULT_SCENARIO_ID, SCENARIOS } from "../../shared/scenarios/index.ts";
import { createWorld, makeParams, step, type Difficulty, type Role, type World } from "../../shared/sim/index.ts";
import { BotDriver } from "./botSeats.ts";
import { CellSync } from "./cellSync.ts";
import { admitCommand, type CardClock } from "./commandGate.ts";
import { buildDebrief } from "../../shared/net/debrief.ts";
import { RoleLedger } from "../../shared/net/roleLedger.ts";
import { EventRelay } from "./eventRelay.ts";
import { deadbandFor, FieldFrames } from "./fieldBroadcast.ts";
import { MessageBudget } from "./messageBudget.ts";
import { BASE_TICKS_PER_SECOND, RoundClock } from "./roundClock.ts";
import { syncRound } from "./roundSync.ts";
import { Seats } from "./seats.ts";

/** Milliseconds between state patches (and event batches). Tuned with the bandwidth test (test/server). */
export const PATCH_RATE_MS = 100;
/** Most cell positions written per patch: bounds the position bytes whatever the number of moving cells. */
export const POSITIONS_PER_PATCH = 65;
/** Base ticks between two field frames: 20 / 4 = 5 Hz. */
export const FIELD_EVERY_BASE_TICKS = 4;
/** How long a dropped player's seat waits for them, seconds; then a bot takes it. */
export const RECONNECT_SECONDS = 60;
/** Most commands waiting for the next tick (while paused they pile up; a long pause must not grow them without end). */
export const MAX_PENDING_COMMANDS = 200;
/** Colyseus closes a client that sends more than this many messages in a second (a flood, not a player). */
export const MAX_MESSAGES_PER_SECOND = 60;

export class TissueRoom extends Room<{ state: TissueState }> {
  override state = new TissueState();
  /** Tests set this to stop the wall-clock timer and drive the model with advance() alone. */
  manual = false;
  /** How long a dropped player's seat waits (tests shorten it). */
  reconnectSeconds = RECONNECT_SECONDS;
  world!: World;
  readonly roundClock = new RoundClock();
  readonly bots = new BotDriver();
  readonly cellSync = new CellSync(POSITIONS_PER_PATCH);
  private options: Required<Pick<RoomOptions, "role" | "difficulty">> & RoomOptions = { role: "effector", difficulty: "normal" };
  seats!: Seats;
  private cards: CardClock = new Map();
  private readonly fieldFrames = new FieldFrames();
  private readonly eventRelay = new EventRelay();
  private readonly budget = new MessageBudget();
  private ledger = new RoleLedger();
  private debrief: Debrief | null = null;
  /** The session that claimed the solo seat (set in onAuth, so two joins at once cannot both get in). */
  private claimedBy: string | null = null;

  override onCreate(options: unknown): void {
    const checked = checkRoomOptions(options);
    if (!checked.ok) throw new Error(checked.error);
    this.options = { ...checked.value, role: checked.value.role ?? "effector", difficulty: checked.value.difficulty ?? "normal" };
    this.patchRate = PATCH_RATE_MS;
    this.maxMessagesPerSecond = MAX_MESSAGES_PER_SECOND;
    this.seats = new Seats(this.state.seats);
    this.startRound(this.options.seed ?? Math.floor(Math.random() * 0x1_0000_0000));
    this.seats.fillBots(this.options.role, this.options.difficulty);
    for (const seat of this.seats.bots()) this.bots.seat(seat.role, seat.bot!, this.world.seed, this.world.dtS);

    this.onMessage(ClientMessage.command, (client, payload) => this.onCommand(client, payload));
    this.onMessage(ClientMessage.control, (client, payload) => this.onControl(client, payload));
    this.onMessage(ClientMessage.inspect, (client, payload) => this.onInspect(client, payload));
    this.onMessage("*", (client, type) => this.refuse(client, String(type), `the room does not know the message "${String(type)}"; it understands ${Object.values(ClientMessage).join(", ")}`));

    this.setFixedTimestep(() => this.baseTick(), BASE_TICKS_PER_SECOND);
  }

  override onAuth(client: Client): boolean {
    if (this.claimedBy !== null && this.claimedBy !== client.sessionId) {
      throw new Error("this is a solo room and it already has its player; start a room of your own to play");
    }
    this.claimedBy = client.sessionId;
    return true;
  }

  override onJoin(client: Client): void {
    // A person who joins after the last one left takes the role back from its bot.
    if (this.seats.removeBot(this.options.role)) this.bots.unseat(this.options.role);
    this.seats.addPerson(client.sessionId, this.options.role, true);
    this.catchUp(client);
  }

  override onDrop(client: Client): void {
    this.seats.setConnected(client.sessionId, false);
    this.allowReconnection(client, this.reconnectSeconds);
  }

  override onReconnect(client: Client): void {
    this.seats.setConnected(client.sessionId, true);
    this.catchUp(client);
  }

  /** A consented leave, or a drop that did not come back in time: the seat goes to a bot so the round goes on. */
  override onLeave(client: Client): void {
    this.budget.forget(client.sessionId);
    const seat = this.seats.toBot(client.sessionId, this.options.difficulty);
    if (seat) this.bots.seat(seat.role, this.options.difficulty, this.world.seed, this.world.dtS);
    if (this.claimedBy === client.sessionId) this.claimedBy = null;
  }

  /** Runs `ticks` model ticks now (stops at the round's end). Tests call it with `manual` set. */
  advance(ticks = 1): void {
    for (let k = 0; k < ticks && this.world.outcome === "ongoing"; k++) this.stepOnce();
  }

  /** Sends the next field frame to everyone (5 Hz from the timer; tests may call it directly). */
  broadcastField(): void {
    const frame = this.fieldFrames.next(this.world);
    if (frame) this.broadcastBytes(ServerMessage.field, frame, {});
  }

  /** Seq of the last field frame made. */
  get fieldSeq(): number {
    return this.fieldFrames.seq;
  }

  override onBeforePatch(): void {
    this.cellSync.sync(this.world, this.state.cells);
    syncRound(this.state, this.world, this.roundClock, this.cards);
    const batch = this.eventRelay.drain();
    if (batch) this.broadcast(ServerMessage.events, batch, { afterNextPatch: true });
  }

  private baseTick(): void {
    if (this.manual) return;
    const ticks = this.roundClock.modelTicksNow();
    this.advance(ticks);
    if (this.roundClock.baseTicks % FIELD_EVERY_BASE_TICKS === 0) this.broadcastField();
  }

  private stepOnce(): void {
    this.bots.think(this.world, this.cards);
    const events = this.roundClock.timed(() => step(this.world));
    this.ledger.record(this.world, events);
    this.eventRelay.collect(this.world, events);
    if (this.world.outcome !== "ongoing") this.endRound();
  }

  private endRound(): void {
    this.debrief = buildDebrief(this.world, this.seats.list(), this.ledger);
    this.broadcast(ServerMessage.debrief, this.debrief, { afterNextPatch: true });
  }

  /** A new world for this round; seats stay. */
  private startRound(seed: number): void {
    const base = SCENARIOS[this.options.scenarioId ?? DEFAULT_SCENARIO_ID];
    const scenario = this.options.days !== undefined ? { ...base, days: this.options.days } : base;
    this.world = createWorld(scenario, makeParams(scenario.params), seed >>> 0);
    this.cards = new Map();
    this.ledger = new RoleLedger();
    this.debrief = null;
    this.eventRelay.clear();
    this.fieldFrames.restart();
    this.cellSync.reset(this.state.cells);
    this.fieldFrames.next(this.world); // a key frame ready for the first client
    this.state.scenarioId = scenario.id;
    this.state.mode = this.options.mode ?? "solo";
    this.onBeforePatch();
  }

  /** What a client that (re)joins needs at once: the field's key frame and, after the end, the debrief. */
  private catchUp(client: Client): void {
    const key = this.fieldFrames.keyFrame();
    if (key) client.sendBytes(ServerMessage.field, key);
    if (this.debrief) client.send(ServerMessage.debrief, this.debrief);
  }

  private roleOf(client: Client): Role | null {
    return this.seats.byId.get(client.sessionId)?.role ?? null;
  }

  private onCommand(client: Client, payload: unknown): void {
    if (!this.budget.allow(client.sessionId)) return this.refuse(client, ClientMessage.command, `too many commands: at most ${MessageBudget.PER_SECOND} a second`);
    const role = this.roleOf(client);
    if (!role) return this.refuse(client, ClientMessage.command, "you have no seat in this room");
    if (this.world.outcome !== "ongoing") return this.refuse(client, ClientMessage.command, "the round is over");
    if (this.world.pending.length >= MAX_PENDING_COMMANDS) return this.refuse(client, ClientMessage.command, "too many orders are waiting: resume the game first");
    const r = admitCommand(this.world, role, payload, this.cards);
    if (!r.ok) this.refuse(client, ClientMessage.command, r.error);
  }

  private onControl(client: Client, payload: unknown): void {
    const checked = checkControl(payload);
    if (!checked.ok) return this.refuse(client, ClientMessage.control, checked.error);
    if (!this.seats.byId.get(client.sessionId)?.host) return this.refuse(client, ClientMessage.control, "only the host can pause, change speed or restart");
    this.control(checked.value);
  }

  /** The host's powers. Public so tests and a future teacher console use the same path. */
  control(c: ControlPayload): void {
    switch (c.action) {
      case "pause": this.roundClock.paused = true; break;
      case "resume": this.roundClock.paused = false; break;
      case "speed":
        this.roundClock.speed = c.speed;
        this.fieldFrames.deadband = deadbandFor(c.speed);
        break;
      case "restart": {
        this.state.round++;
        this.roundClock.paused = false;
        this.startRound(this.world.seed + 1);
        for (const role of this.bots.roles()) this.bots.seat(role, this.options.difficulty, this.world.seed, this.world.dtS);
        const key = this.fieldFrames.keyFrame();
        if (key) this.broadcastBytes(ServerMessage.field, key, {});
        break;
      }
    }
    syncRound(this.state, this.world, this.roundClock, this.cards);
  }

  private onInspect(client: Client, payload: unknown): void {
    const checked = checkInspect(payload);
    if (!checked.ok) return this.refuse(client, ClientMessage.inspect, checked.error);
    client.send(ServerMessage.inspect, inspectCell(this.world, checked.value.cellId));
  }

  /** Answers a message the room will not act on; nothing changes. Replies are rate-limited like commands. */
  private refuse(client: Client, message: string, error: string): void {
    if (!this.budget.mayReply(client.sessionId)) return;
    const refusal: Refusal = { message, error };
    client.send(ServerMessage.refused, refusal);
  }

  /** A bug in a handler or the tick is logged and the room goes on (refusals at the door are not bugs: not logged). */
  override onUncaughtException(error: RoomException, method: RoomMethodName): void {
    if (method === "onMessage" || method === "setFixedTimestep" || method === "setTimestep" || method === "setInterval" || method === "setTimeout") {
      console.error(`[tissue ${this.roomId}] ${method}:`, (error as { cause?: unknown }).cause ?? error);
    }
  }

  /** Who sits where, for tests and logs. */
  seatList(): ReturnType<Seats["list"]> {
    return this.seats.list();
  }

  get difficulty(): Difficulty {
    return this.options.difficulty;
  }
}
