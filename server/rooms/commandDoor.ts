// The door of a tissue room's players' messages: a command (the message budget, a seat, the room's own block, a round
// still running, checkCommand, at most MAX_PENDING_COMMANDS waiting and MAX_PENDING_PER_SEAT a seat), then forwarded as a round input to the Round where
// the model is, its answer (a refusal or onCommandAccepted) coming with the model's answer; a prediction; a look through
// the microscope (its own budget, one question at a time per client: microscopeQuestions.ts), asked of the model's own
// world. Refusals are sentences. Used by TissueRoomBase.

import type { Client } from "@colyseus/core";
import { ClientMessage, ServerMessage, checkInspect } from "../../shared/net/messages.ts";
import { checkCommand } from "../../shared/net/commandMessage.ts";
import { MY_PREDICTIONS_MESSAGE, PREDICT_MESSAGE } from "../../shared/net/predictionWire.ts";
import type { InputAnswer } from "../../shared/round/index.ts";
import type { Command } from "../../shared/sim/index.ts";
import { MessageBudget } from "./messageBudget.ts";
import { MicroscopeQuestions } from "./microscopeQuestions.ts";
import type { RoundFacts } from "./model/roundFacts.ts";
import type { PredictionDesk } from "../../shared/report/predictionDesk.ts";
import { MAX_PENDING_PER_SEAT, PendingOrders } from "../../shared/round/pendingOrders.ts";
import type { RoundInputDesk } from "./roundInputDesk.ts";
import type { RoundStepper } from "./roundStepper.ts";
import type { Seats } from "./seats.ts";

/** Most commands waiting for the next tick in the whole room (while paused they pile up; a long pause must not grow them
 * without end); each seat may have at most MAX_PENDING_PER_SEAT of them (shared/round/pendingOrders.ts). */
export const MAX_PENDING_COMMANDS = 200;

/** What the door needs of its room (TissueRoomBase hands it over). */
export interface DoorRoom {
  readonly budget: MessageBudget;
  /** The microscope's budget and each client's question on its way to the model. */
  readonly microscope: MicroscopeQuestions;
  readonly seats: Seats;
  readonly facts: RoundFacts;
  readonly stepper: RoundStepper;
  readonly roundInputs: RoundInputDesk;
  readonly predictions: PredictionDesk;
  /** The orders each seat has waiting (the per-seat cap within MAX_PENDING_COMMANDS). */
  readonly pendingOrders: PendingOrders;
  /** Why this client may not command now, or null. */
  commandBlocked(client: Client): string | null;
  /** Whether the model runs now (a class's lobby holds it). */
  running(): boolean;
  refuse(client: Client, message: string, error: string): void;
  onCommandAccepted(client: Client, command: Command): void;
}

export function onCommand(room: DoorRoom, client: Client, payload: unknown): void {
  const refuse = (error: string): void => room.refuse(client, ClientMessage.command, error);
  if (!room.budget.allow(client.sessionId)) return refuse(`too many commands: at most ${MessageBudget.PER_SECOND} a second`);
  const seat = room.seats.byId.get(client.sessionId);
  if (!seat) return refuse("you have no seat in this room");
  const blocked = room.commandBlocked(client);
  if (blocked) return refuse(blocked);
  if (room.facts.outcome !== "ongoing") return refuse("the round is over");
  const checked = checkCommand(payload);
  if (!checked.ok) return refuse(checked.error);
  // orders waiting: admitted on the thread and not yet stepped (a paused room's), on their way there, or here
  const full = room.pendingOrders.take(seat.id, room.facts.tick, room.stepper.ordersWaiting);
  if (full) return refuse(full);
  // admitted where the round's Round is, with the next ask (at once in this process)
  room.roundInputs.make({ kind: "admit", sender: { role: seat.role, squads: [...seat.squads] }, command: checked.command }, (r: InputAnswer) => {
    if (r === null || typeof r === "string" || !r.ok) refuse(typeof r === "string" ? r : r?.ok === false ? r.error : "not admitted");
    else room.onCommandAccepted(client, r.command);
  });
  room.stepper.answerNow();
}

/** A player commits a prediction (budgeted like commands); they get their predictions back, or a refusal. */
export function onPredict(room: DoorRoom, client: Client, payload: unknown): void {
  if (!room.budget.allow(client.sessionId)) return room.refuse(client, PREDICT_MESSAGE, `too many messages: at most ${MessageBudget.PER_SECOND} a second`);
  if (!room.seats.byId.get(client.sessionId)) return room.refuse(client, PREDICT_MESSAGE, "only players make predictions");
  const error = room.predictions.commit(client.sessionId, payload, room.facts.now(), room.running());
  if (error) return room.refuse(client, PREDICT_MESSAGE, error);
  client.send(MY_PREDICTIONS_MESSAGE, room.predictions.mine(client.sessionId));
}

/**
 * The microscope: the model's own world answers (where the round is, after the steps asked so far). Budgeted on its
 * own; a look asked while the client's last question is on its way waits for it (the latest only).
 */
export function onInspect(room: DoorRoom, client: Client, payload: unknown): void {
  const refuse = (error: string): void => room.refuse(client, ClientMessage.inspect, error);
  if (!room.microscope.allow(client.sessionId)) return refuse(`too many looks through the microscope: at most ${MicroscopeQuestions.PER_SECOND} a second`);
  const checked = checkInspect(payload);
  if (!checked.ok) return refuse(checked.error);
  if (room.microscope.ask(client.sessionId, checked.value.cellId)) look(room, client, checked.value.cellId);
}

/** Asks the model about one cell for this client; once answered, the cell it asked about meanwhile, if any. */
function look(room: DoorRoom, client: Client, cellId: number): void {
  void room.stepper.model.question({ what: "inspect", cellId }).then((r) => {
    if (!room.microscope.waiting(client.sessionId)) return; // the client has left meanwhile
    const next = room.microscope.answered(client.sessionId);
    if (next !== null) look(room, client, next);
    if (r) client.send(ServerMessage.inspect, r);
    else room.refuse(client, ClientMessage.inspect, "the microscope cannot see the tissue just now: try again in a moment");
  });
}
