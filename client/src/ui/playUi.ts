// The round's life in the HTML interface: on "round-start" it hides the menu and mounts the top bar, the side panel
// (squads, legend, tutorial, microscope, the scenario's teacher notes) and the live region; on "round-end" it shows the debrief; on "round-leave"
// it tears everything down and returns to the menu. Also switches the Debrief and Menu scenes. Called by main.ts.

import type Phaser from "phaser";
import type { Bus } from "../bus.ts";
import type { Debrief } from "../../../shared/net/messages.ts";
import { showDebrief } from "./debriefView.ts";
import { SOLO_PLAY, type PlayMode } from "./playMode.ts";
import { mountContrasts } from "./contrastView.ts";
import { el } from "./dom.ts";
import { mountHud } from "./hud.ts";
import { mountInspectPanel } from "./inspectPanel.ts";
import { floatMicroscope } from "./microscopeFloat.ts";
import { mountLegend } from "./legend.ts";
import { mountLiveRegion } from "./liveRegion.ts";
import type { GameSession } from "../net/GameSession.ts";
import { startSolo } from "./soloSetup.ts";
import { mountSquadBar } from "./squadBar.ts";
import { mountTutorialWhenSeated } from "./tutorial.ts";
import { mountNotesPanel } from "../learn/teacherNotes.ts";
import { mountIl2Tug } from "./il2TugBar.ts";
import { mountSquadTug } from "./il2SquadTugView.ts";

/** `mode`: what a class adds to the round and its debrief (classroom/classroomPlay.ts); solo adds nothing. */
export function setUpPlayUi(doc: Document, bus: Bus, game: Phaser.Game, mode: PlayMode = SOLO_PLAY): void {
  const get = (id: string) => {
    const e = doc.getElementById(id);
    if (!e) throw new Error(`index.html is missing #${id}`);
    return e;
  };
  const menu = get("menu"), playUi = get("play-ui"), hudRoot = get("hud"), side = get("side"), debriefRoot = get("debrief");
  const live = get("live"), toast = get("toast");

  let session: GameSession | null = null;
  let unmount: (() => void)[] = [];
  let closeDebrief: (() => void) | null = null;
  let shownDebrief: Debrief | null = null;
  let leavingOnPurpose = false;

  const teardown = () => {
    unmount.splice(0).forEach((u) => u());
    closeDebrief?.();
    closeDebrief = null;
  };
  const scenes = (stop: string[], start?: string) => {
    for (const key of stop) if (game.scene.getScene(key) && game.scene.isActive(key)) game.scene.stop(key);
    if (start && game.scene.getScene(start) && !game.scene.isActive(start)) game.scene.start(start);
  };
  const leave = () => {
    leavingOnPurpose = true;
    const s = session;
    session = null;
    void s?.leave();
    bus.emit("round-leave", undefined);
  };

  bus.on("round-start", (s) => {
    teardown();
    session = s;
    shownDebrief = null;
    leavingOnPurpose = false;
    menu.hidden = true;
    debriefRoot.hidden = true;
    playUi.hidden = false;
    doc.body.classList.add("playing");
    scenes(["Menu", "Debrief"]);
    game.scale.refresh();

    const squads = el(doc, "section", { class: "panel", "aria-label": "Your cells" });
    const tutorial = el(doc, "section", { class: "panel tutorial", hidden: "" });
    const inspect = el(doc, "section", { class: "panel inspect", hidden: "" });
    const legend = el(doc, "section", { class: "panel legend" });
    const notes = el(doc, "section", { class: "panel notes-panel", "aria-label": "Teacher notes", hidden: "" });
    const tug = el(doc, "section", { class: "panel tug-panel" });
    side.replaceChildren(tutorial, tug, squads, inspect, notes, legend);
    const tugBar = mountIl2Tug(tug, () => s.state?.hud);
    unmount.push(mountSquadTug(tug, s), tugBar.unmount, s.onStateChange(tugBar.refresh));

    unmount.push(mountHud(hudRoot, s, bus, leave));
    unmount.push(mountSquadBar(squads, s, bus));
    unmount.push(mountInspectPanel(inspect, s, bus));
    unmount.push(floatMicroscope(inspect, bus)); // beside the cell, or a bottom sheet on phones
    unmount.push(mountLegend(legend, () => s.state?.scenarioId || s.options.scenarioId, (cb) => s.onStateChange(cb)));
    unmount.push(mountNotesPanel(notes, () => s.state?.scenarioId || s.options.scenarioId, (cb) => s.onStateChange(cb)));
    unmount.push(mountLiveRegion(live, toast, s, bus));
    if (s.tutorial) unmount.push(mountTutorialWhenSeated(tutorial, s, bus));
    s.tutorial = false; // a restart or "Play again" does not repeat it
    const offSide = mode.mountSide?.(s, side, bus);
    if (offSide) unmount.push(offSide);

    unmount.push(s.onDebrief((d) => bus.emit("round-end", d)));
    unmount.push(s.onRefused((r) => bus.emit("announce", `Not done: ${r.error}`)));
    unmount.push(s.onLeave(() => {
      if (leavingOnPurpose || session !== s) return;
      session = null;
      bus.emit("round-leave", undefined);
      menu.querySelector("#status")!.textContent = "The connection to the game server was lost. Start a new round when it is back.";
    }));
    bus.emit("announce", "The round has started.");
  });

  bus.on("round-end", (d) => {
    if (d === shownDebrief || !session) return; // the same report may arrive through two routes
    shownDebrief = d;
    const s = session;
    unmount.splice(0).forEach((u) => u());
    // Keep listening for the room closing while the debrief is open.
    unmount.push(s.onLeave(() => { if (!leavingOnPurpose && session === s) session = null; }));
    playUi.hidden = true;
    doc.body.classList.remove("playing");
    scenes(["Play"], "Debrief");
    const hook = mode.debrief?.(s) ?? null;
    const withContrasts = (close: () => void) => { const off = mountContrasts(debriefRoot, s.contrasts, s.state?.round); return () => { off(); close(); }; };
    if (hook) {
      const close = withContrasts(showDebrief(debriefRoot, d, hook.actions));
      const offAfter = hook.after(debriefRoot);
      closeDebrief = () => { offAfter(); close(); };
      return;
    }
    closeDebrief = withContrasts(showDebrief(debriefRoot, d, {
      playAgain: () => {
        const current = session;
        if (current && current === s && s.isHost()) {
          s.control({ action: "restart" }); // the new round's number starts it (screens/soloScreens.ts)
          return;
        }
        // No room left (or not the host): a fresh solo round with the same options.
        leavingOnPurpose = true;
        void s.leave();
        return startSolo(s.options, bus);
      },
      menu: leave,
    }));
  });

  bus.on("round-leave", () => {
    teardown();
    session = null;
    playUi.hidden = true;
    debriefRoot.hidden = true;
    doc.body.classList.remove("playing");
    menu.hidden = false;
    scenes(["Play", "Debrief"], "Menu");
    game.scale.refresh();
    (doc.getElementById("solo-start") ?? doc.getElementById("title"))?.focus();
  });
}
