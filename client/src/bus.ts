// The client's one event bus between the Phaser scenes and the HTML interface (HUD, panels, tutorial, debrief):
// who selected what, which cell to inspect, when a round starts and ends. Typed; a thin wrapper on EventTarget.
// Created once by main.ts and passed to scenes and UI modules.

import type { Command } from "../../shared/net/commandMessage.ts";
import type { Debrief } from "../../shared/net/messages.ts";
import type { GameSession } from "./net/GameSession.ts";

export interface BusEvents {
  /** A solo room was joined (the solo form, "Play again" in a new room, a reloaded tab): screens/soloScreens.ts. */
  "solo-joined": GameSession;
  /** A solo round was joined; the play scene and the HUD attach to it. */
  "round-start": GameSession;
  /** The round has an outcome and the server sent its report. */
  "round-end": Debrief;
  /** The player left the round (menu button or error); everything returns to the menu. */
  "round-leave": void;
  /** The squad the player is commanding now (null: none). */
  "squad-selected": number | null;
  /** Individual cells picked by a box or tap selection (ids), empty when cleared. */
  "cells-selected": number[];
  /** Open the microscope on this cell id (null closes it). */
  "inspect-cell": number | null;
  /** A command the player's input just sent (the tutorial watches these). */
  "command-sent": Command;
  /** A short line for the screen-reader live region and the on-screen toast. */
  "announce": string;
}

export class Bus {
  private target = new EventTarget();
  /** Events emitted while held (main.ts: until Phaser has loaded), delivered in order when the hold ends. */
  private held: (() => void)[] | null = null;

  emit<K extends keyof BusEvents>(name: K, detail: BusEvents[K]): void {
    const send = () => { this.target.dispatchEvent(new CustomEvent(name, { detail })); };
    if (this.held) this.held.push(send);
    else send();
  }

  /** Queues every event until `ready` settles, then delivers them in the order they were emitted. */
  holdUntil(ready: Promise<unknown>): void {
    const queue: (() => void)[] = (this.held ??= []);
    const release = () => {
      if (this.held !== queue) return;
      this.held = null;
      for (const send of queue) send();
    };
    void ready.then(release, release);
  }

  on<K extends keyof BusEvents>(name: K, handler: (detail: BusEvents[K]) => void): () => void {
    const listener = (e: Event) => handler((e as CustomEvent<BusEvents[K]>).detail);
    this.target.addEventListener(name, listener);
    return () => this.target.removeEventListener(name, listener);
  }
}
