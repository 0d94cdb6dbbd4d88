// A solo tissue room: one person in the role they chose, bots in the others; the person hosts (pause, speed,
// restart). The shared machinery (world, clock, gate, field and events) is in TissueRoomBase; the seating rules are
// shared/round/soloSeating.ts, the model's in shared/sim. Registered by server/app.ts as "tissue".

import type { Client } from "@colyseus/core";
import { ClientMessage, checkControl, type ControlPayload } from "../../shared/net/messages.ts";
import { MAX_WATCHERS, checkRoomOptions, type RoomOptions } from "../../shared/net/roomOptions.ts";
import type { Difficulty, TherapyName } from "../../shared/sim/index.ts";
import { SANDBOX_MESSAGE, SANDBOX_SETTINGS_MESSAGE } from "../../shared/net/sandboxControls.ts";
import { PREDICT_MESSAGE } from "../../shared/net/predictionWire.ts";
import { SANDBOX_SCENARIO_ID, sandboxChange, sandboxSettings } from "./sandboxDesk.ts";
import { TissueRoomBase } from "./TissueRoomBase.ts";
import { WatchRoster, soloArrival, soloBotRoles, soloLeave, type SoloRoom } from "../../shared/round/soloSeating.ts";
import { botSeatId } from "../../shared/round/seatRules.ts";
import { addressRebuildRefusal, addressRebuilt } from "./worldRebuilds.ts";

export {
  FIELD_EVERY_BASE_TICKS, MAX_MESSAGES_PER_SECOND, MAX_PENDING_COMMANDS, PATCH_RATE_MS, POSITIONS_PER_PATCH,
} from "./TissueRoomBase.ts";

/** Shortest wall-clock time between two restarts of one room: a restart builds a new tissue on the event loop that
 * every room shares, so a host cannot make one room hog it (issue 13: 10 restarts a second starved other rooms). */
export const RESTART_COOLDOWN_MS = 2000;

export class TissueRoom extends TissueRoomBase {
  /** When this room last restarted (Date.now()), for RESTART_COOLDOWN_MS. */
  private lastRestartMs = -Infinity;
  private options: Required<Pick<RoomOptions, "role" | "difficulty">> & RoomOptions = { role: "effector", difficulty: "normal" };
  /** The session that claimed the solo seat (set in onAuth, so two joins at once cannot both get in). */
  private claimedBy: string | null = null;
  /** In a watched room (options.watch): who is watching, and the first of them, who may pause and change speed. */
  private readonly watchers = new WatchRoster(MAX_WATCHERS);
  /** Someone has joined: a room made and never joined (a closed page, a visitor making rooms) never runs its model. */
  private joinedOnce = false;

  /** The room as the solo seating rules read it (shared/round/soloSeating.ts). */
  private get solo(): SoloRoom {
    return { role: this.options.role, watched: this.options.watch === true };
  }

  /** Until its first player arrives on the seat reserved at its creation, the room holds its model (issue 13). */
  protected override running(): boolean {
    return this.joinedOnce || Object.keys((this as unknown as { _reservedSeats: object })._reservedSeats).length === 0;
  }

  /**
   * A room nobody has joined keeps its cells out of the synced state (thousands of schema objects: memory and time a
   * visitor making rooms would cost everyone); the first join syncs them before its state is sent.
   */
  override onBeforePatch(): void {
    if (this.joinedOnce || this.clients.length > 0) super.onBeforePatch();
  }

  override onCreate(options: unknown): void {
    const checked = checkRoomOptions(options);
    if (!checked.ok) throw new Error(checked.error);
    this.options = { ...checked.value, role: checked.value.role ?? "effector", difficulty: checked.value.difficulty ?? "normal" };
    this.roundSetup = { scenarioId: this.options.scenarioId, days: this.options.days };
    this.state.mode = this.options.mode ?? "solo";
    this.contrasts.enabled = !this.options.watch; // the kiosk's attract loop: nobody reads its debrief
    this.onMessage(ClientMessage.control, (client, payload) => this.onControl(client, payload));
    this.onMessage(SANDBOX_MESSAGE, (client, payload) => this.onSandbox(client, payload));
    this.setUpRoom([...Object.values(ClientMessage), PREDICT_MESSAGE, SANDBOX_MESSAGE]);
    this.startRound(this.options.seed ?? Math.floor(Math.random() * 0x1_0000_0000));
    for (const role of soloBotRoles(this.solo)) {
      this.seats.addBot(role, this.options.difficulty);
      this.bots.seat(role, this.options.difficulty, this.facts.seed, this.facts.dtS);
    }
  }

  override onAuth(client: Client): boolean {
    if (this.options.watch) {
      const full = this.watchers.refusal();
      if (full) throw new Error(full);
      return true;
    }
    if (this.claimedBy !== null && this.claimedBy !== client.sessionId) {
      throw new Error("this is a solo room and it already has its player; start a room of your own to play");
    }
    this.claimedBy = client.sessionId;
    return true;
  }

  override onJoin(client: Client): void {
    if (!this.joinedOnce) {
      this.joinedOnce = true;
      this.onBeforePatch();
    }
    if (this.options.watch) {
      this.watchers.add(client.sessionId);
      this.catchUp(client);
      return;
    }
    // A person who joins after the last one left takes the role back from its bot.
    const arrival = soloArrival(this.solo, this.seats.byId.has(botSeatId(this.options.role)))!;
    if (arrival.unseatBot && this.seats.removeBot(arrival.role)) this.bots.unseat(arrival.role);
    this.seats.addPerson(client.sessionId, arrival.role, arrival.host);
    this.catchUp(client);
  }

  override onDrop(client: Client): void {
    if (!this.options.watch) this.seats.setConnected(client.sessionId, false);
    this.allowReconnection(client, this.reconnectSeconds);
  }

  override onReconnect(client: Client): void {
    if (this.options.watch) return this.catchUp(client);
    this.seats.setConnected(client.sessionId, true);
    this.catchUp(client);
  }

  /** A consented leave, or a drop that did not come back in time: the seat goes to a bot so the round goes on. */
  override onLeave(client: Client): void {
    this.budget.forget(client.sessionId);
    this.microscope.forget(client.sessionId);
    if (this.options.watch) {
      this.watchers.remove(client.sessionId);
      return;
    }
    const bot = soloLeave(this.solo, this.seats.byId.get(client.sessionId), this.options.difficulty);
    if (bot) {
      this.seats.handToBot(client.sessionId, bot);
      this.bots.seat(bot.role, bot.bot, this.facts.seed, this.facts.dtS);
    }
    if (this.claimedBy === client.sessionId) this.claimedBy = null;
  }

  private onControl(client: Client, payload: unknown): void {
    if (!this.budget.allow(client.sessionId)) return this.refuse(client, ClientMessage.control, "too many messages: at most 20 a second");
    const checked = checkControl(payload);
    if (!checked.ok) return this.refuse(client, ClientMessage.control, checked.error);
    const host = this.options.watch ? this.watchers.host === client.sessionId : this.seats.byId.get(client.sessionId)?.host;
    if (!host) return this.refuse(client, ClientMessage.control, "only the host can pause, change speed or restart");
    if (checked.value.action === "restart") {
      const now = Date.now();
      if (now - this.lastRestartMs < RESTART_COOLDOWN_MS) {
        return this.refuse(client, ClientMessage.control, `the round was just restarted: wait ${Math.ceil((RESTART_COOLDOWN_MS - (now - this.lastRestartMs)) / 1000)} s before restarting again`);
      }
      const busy = addressRebuildRefusal(client); // one address's many rooms share a budget too (worldRebuilds.ts)
      if (busy) return this.refuse(client, ClientMessage.control, busy);
      addressRebuilt(client);
      this.lastRestartMs = now;
    }
    this.control(checked.value);
  }

  /** The sandbox's sliders and therapy buttons: the host of a sandbox round only, checked at the door, budgeted. */
  private onSandbox(client: Client, payload: unknown): void {
    if (!this.budget.allow(client.sessionId)) return this.refuse(client, SANDBOX_MESSAGE, "too many changes: at most 20 a second");
    if (this.state.scenarioId !== SANDBOX_SCENARIO_ID) return this.refuse(client, SANDBOX_MESSAGE, "the controls work in the sandbox scenario only");
    if (this.options.watch || !this.seats.byId.get(client.sessionId)?.host) return this.refuse(client, SANDBOX_MESSAGE, "only the player of this sandbox can change it");
    const room = this;
    const desk = {
      get params() { return room.facts.params; },
      get liveChanges() { return room.facts.liveChanges; },
      get variant() { return room.roundSetup.variant; },
      set variant(v) { room.roundSetup = { ...room.roundSetup, variant: v }; },
      edit: (e: Parameters<TissueRoom["editWorld"]>[0]) => this.editWorld(e),
      giveTherapy: (therapy: TherapyName) => this.roundInput({ kind: "give", therapy }, (error) => this.refuse(client, SANDBOX_MESSAGE, error)),
    };
    const r = sandboxChange(desk, payload);
    if (!r.ok) return this.refuse(client, SANDBOX_MESSAGE, r.error);
    client.send(SANDBOX_SETTINGS_MESSAGE, r.settings);
  }

  /** The sandbox's settings in force now and for the next tissue (tests; sent to the host after each change). */
  sandboxSettings(): ReturnType<typeof sandboxSettings> {
    return sandboxSettings({ params: this.facts.params, variant: this.roundSetup.variant });
  }

  /** A sandbox's player also gets the settings in force, so the sliders start where the tissue is. */
  protected override catchUp(client: Client): void {
    super.catchUp(client);
    if (this.state.scenarioId === SANDBOX_SCENARIO_ID) client.send(SANDBOX_SETTINGS_MESSAGE, this.sandboxSettings());
  }

  /** The host's powers. Public so tests use the same path. */
  control(c: ControlPayload): void {
    switch (c.action) {
      case "pause": this.setPaused(true); break;
      case "resume": this.setPaused(false); break;
      case "speed": this.setSpeed(c.speed); break;
      case "restart": this.restartWorld(); break;
    }
    this.syncShown();
  }

  get difficulty(): Difficulty {
    return this.options.difficulty;
  }
}
