// How the player looks at the tissue and picks from the keyboard during a round: zoom and pan (ViewControl), the
// zoom buttons, the keys of viewKeys.ts (+ − 0 zoom, M microscope, Space and A pick), and where cells are on screen
// for the microscope (cellLocator). Created by PlayScene once the layers exist; it owns the camera from then on.

import type Phaser from "phaser";
import type { Bus } from "../bus.ts";
import type { GameSession } from "../net/GameSession.ts";
import { isImmune } from "../../../shared/sim/cellTypes.ts";
import { mountZoomButtons, type ZoomButtons } from "../ui/zoomButtons.ts";
import { cellLocator } from "./cellLocator.ts";
import type { CommandInput } from "./CommandInput.ts";
import { boxInView, KEY_PICK_RADIUS, nearestOwnCell, ownCellsInView, togglePicked } from "./keyboardPick.ts";
import { screenToVoxel, type WorldFit } from "./layout.ts";
import { nearestCell, type CellPoint } from "./selection.ts";
import { keyIsForTissue, viewAction, type ViewAction } from "./viewKeys.ts";
import { ViewControl } from "./ViewControl.ts";
import { viewHandle } from "./viewHandle.ts";

/** How far from the cursor or pointer M looks for a cell to put under the microscope, voxels. */
const INSPECT_RADIUS = 3;

export interface PlayViewHost {
  points(): Iterable<CellPoint>;
  input(): CommandInput | null;
  /** Where one cell is drawn now (voxels), or null when it is gone; without it, the points are searched. */
  position?(id: number): { x: number; y: number } | null;
}

export class PlayView {
  readonly control: ViewControl;
  private readonly buttons: ZoomButtons | null;
  private readonly offs: (() => void)[] = [];

  private readonly scene: Phaser.Scene;
  private readonly session: GameSession;
  private readonly bus: Bus;
  private readonly host: PlayViewHost;

  constructor(scene: Phaser.Scene, session: GameSession, bus: Bus, base: WorldFit, host: PlayViewHost) {
    this.scene = scene; this.session = session; this.bus = bus; this.host = host;
    this.control = new ViewControl(scene, base, () => this.placeButtons());
    const doc = scene.game.canvas?.ownerDocument;
    const layer = doc?.getElementById("play-ui");
    this.buttons = layer ? mountZoomButtons(layer, {
      zoomIn: () => this.control.zoomIn(this.cursorOnScreen()),
      zoomOut: () => this.control.zoomOut(this.cursorOnScreen()),
      whole: () => this.control.whole(),
    }) : null;
    const onKey = (e: KeyboardEvent) => this.onKey(e);
    window.addEventListener("keydown", onKey);
    this.offs.push(() => window.removeEventListener("keydown", onKey));
    cellLocator.find = (id) => {
      if (this.host.position) {
        const p = this.host.position(id);
        return p ? this.control.toScreen(p.x, p.y) : null;
      }
      for (const c of this.host.points()) if (c.id === id) return this.control.toScreen(c.x, c.y);
      return null;
    };
    cellLocator.sight = () => {
      const cam = this.scene.cameras.main;
      return { x: cam.x, y: cam.y, width: cam.width, height: cam.height };
    };
    cellLocator.reveal = (id, coveredFromPx) => {
      for (const c of this.host.points()) if (c.id === id) this.control.showAbove(c.x, c.y, coveredFromPx);
    };
    viewHandle.whole = () => this.control.whole();
    this.control.apply();
  }

  /** The fit commands go through: the current zoom and pan. */
  fit(): WorldFit { return this.control.fit(); }

  relayout(base: WorldFit): void { this.control.relayout(base); }

  private placeButtons(): void {
    const b = this.control.baseFit();
    this.buttons?.update({ left: b.x + 6, bottom: b.y + b.height - 6 }, this.control.zoom);
    viewHandle.report(this.control.zoom);
  }

  private cursorOnScreen(): { x: number; y: number } | undefined {
    const c = this.host.input()?.cursorAt();
    return c ? this.control.toScreen(c.x, c.y) : undefined;
  }

  private onKey(e: KeyboardEvent): void {
    if (!this.scene.scene.isActive()) return;
    const action = viewAction(e);
    if (!action || !keyIsForTissue(e, action)) return;
    if (this.run(action)) e.preventDefault();
  }

  /** Does what a key asks; false when the key was not used (so the browser keeps it). */
  private run(action: ViewAction): boolean {
    switch (action) {
      case "zoomIn": this.control.zoomIn(this.cursorOnScreen()); return true;
      case "zoomOut": this.control.zoomOut(this.cursorOnScreen()); return true;
      case "whole": this.control.whole(); this.bus.emit("announce", "The whole tissue."); return true;
      case "microscope": this.inspectUnderCursor(); return true;
      case "togglePick": return this.togglePickAtCursor();
      case "pickInView": return this.pickInView();
    }
  }

  /** The keyboard cursor if it is out, else the mouse pointer if it is over the tissue (voxels). */
  private aim(): { x: number; y: number } | null {
    const c = this.host.input()?.cursorAt();
    if (c) return c;
    const p = this.scene.input.activePointer;
    if (!p || p.wasTouch) return null;
    const v = screenToVoxel(this.control.fit(), p.x, p.y);
    const b = this.control.baseFit();
    return p.x >= b.x && p.y >= b.y && p.x <= b.x + b.width && p.y <= b.y + b.height ? v : null;
  }

  private inspectUnderCursor(): void {
    const at = this.aim();
    if (!at) { this.bus.emit("announce", "Move the cursor with the arrow keys onto a cell, then press M for the microscope."); return; }
    const cell = nearestCell(this.host.points(), at.x, at.y, INSPECT_RADIUS, isImmune);
    if (!cell) { this.bus.emit("announce", "No cell under the cursor: move it onto a cell, then press M."); return; }
    this.bus.emit("inspect-cell", cell.id);
  }

  private togglePickAtCursor(): boolean {
    const input = this.host.input();
    if (!input || this.session.spectator) return false;
    const at = input.cursorAt();
    if (!at) { this.bus.emit("announce", "Move the cursor with the arrow keys onto one of your cells, then press Space to pick it."); return true; }
    const cell = nearestOwnCell(this.host.points(), at.x, at.y, KEY_PICK_RADIUS, this.session.mySquads());
    if (!cell) { this.bus.emit("announce", "None of your cells is under the cursor."); return true; }
    const had = input.picked.includes(cell.id);
    const next = togglePicked(input.picked, cell.id);
    input.pick(next);
    this.bus.emit("announce", `${had ? "Unpicked" : "Picked"} one cell: ${next.length} picked. Press Enter to send them to the cursor.`);
    return true;
  }

  private pickInView(): boolean {
    const input = this.host.input();
    if (!input || this.session.spectator) return false;
    const ids = ownCellsInView(this.host.points(), boxInView(this.control.baseFit(), this.control.fit()), this.session.mySquads(), input.squad);
    input.pick(ids);
    this.bus.emit("announce", ids.length
      ? `${ids.length} of your cells in view picked. Click the tissue, or move the cursor and press Enter, to send them.`
      : "None of your cells is in view.");
    return true;
  }

  destroy(): void {
    for (const off of this.offs.splice(0)) off();
    this.control.destroy();
    this.buttons?.remove();
    cellLocator.find = null;
    cellLocator.reveal = null;
    cellLocator.sight = null;
    viewHandle.whole = null;
    viewHandle.report(1);
  }
}
