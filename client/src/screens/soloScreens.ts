// A solo round's screens through the screen machine (screenMachine.ts, the solo mode): a room joined (the solo form,
// "Play again" in a new room, a reloaded tab: bus "solo-joined") chooses solo and joins, and the machine's transition
// hands the round to the play interface (bus "round-start"); the room's phase and round (watchPhase.ts) bring a
// restarted round ("Play again" as host) the same way; its debrief and a leave (bus "round-leave": the Leave button,
// the debrief's Menu, a lost server) move the machine too. Called once by main.ts, with the page's one machine.

import type { Bus } from "../bus.ts";
import type { GameSession } from "../net/GameSession.ts";
import { MODES, type Mode, type ScreenMachine } from "./screenMachine.ts";
import { watchPhase } from "./watchPhase.ts";

const isSolo = (m: Mode | null): boolean => m?.kind === "solo";

export function driveSolo(machine: ScreenMachine, bus: Bus): void {
  let session: GameSession | null = null;
  let offs: (() => void)[] = [];
  const stop = () => {
    session = null;
    // Safe during a patch: the phase watch (net/onPatch.ts) is silenced at once and leaves the SDK's signal after it.
    for (const off of offs.splice(0)) off();
  };

  machine.onTransition((t) => {
    if (!isSolo(t.from.mode) && !isSolo(t.to.mode)) return; // a class's transitions are classroomUi's
    if (t.to.screen === "menu" || t.to.screen === "farewell") return stop();
    if (t.roundStarted && session) bus.emit("round-start", session);
  });

  bus.on("solo-joined", (s) => {
    const st = machine.state.screen;
    if (st !== "menu" && st !== "setup" && st !== "farewell") machine.send({ type: "left" }); // "Play again" in a new room
    stop();
    machine.send({ type: "chooseMode", mode: MODES.solo });
    session = s;
    machine.send({ type: "joined", mode: MODES.solo }); // → playing: the round starts on screen
    // After joining, so the machine learns the round's number without starting it again. The default state says
    // round 1 before the first patch: the room's own state has its scenario.
    // Sent within the patch, as a class's are (classroomUi.ts): the views the transition unmounts follow the state
    // through net/onPatch.ts, whose listeners leave the SDK's signal only after it has run.
    offs.push(watchPhase(s, () => !!s.state?.scenarioId, (phase, round) => {
      if (session === s) machine.send({ type: "phaseChanged", phase, round });
    }));
    offs.push(s.onDebrief(() => { if (session === s) machine.send({ type: "debriefArrived" }); }));
  });

  bus.on("round-leave", () => {
    if (isSolo(machine.state.mode)) machine.send({ type: "left" });
  });
}
