// The part of GameSession (client/src/net/GameSession.ts) the HTML interface uses, as a structural type: the HUD,
// panels and tutorial depend on this much and no more, so a stand-in can drive them in a browser check.

import type { TissueState } from "../../../shared/net/TissueState.ts";
import type { ControlPayload, Debrief, InspectResult, Refusal, WireEvent } from "../../../shared/net/messages.ts";
import type { RoomOptions } from "../../../shared/net/roomOptions.ts";
import type { Command } from "../../../shared/net/commandMessage.ts";
import type { Role } from "../../../shared/sim/roles.ts";

export interface UiSession {
  readonly state: TissueState;
  readonly options: RoomOptions;
  myRole(): Role | null;
  mySquads(): number[];
  isHost(): boolean;
  /** Calls back after each of the room's state patches (views refresh from it, not on timers); returns the remover. */
  onStateChange(cb: () => void): () => void;
  onEvents(cb: (events: WireEvent[]) => void): () => void;
  onInspect(cb: (result: InspectResult) => void): () => void;
  onDebrief(cb: (debrief: Debrief) => void): () => void;
  onRefused(cb: (refusal: Refusal) => void): () => void;
  onLeave(cb: (code: number) => void): () => void;
  command(payload: Command): void;
  control(payload: ControlPayload): void;
  inspect(cellId: number): void;
  leave(): Promise<void>;
}
