// Turns pointer and keyboard input on the tissue into commands for the player's own squads: pick a squad (keys
// 1–4 or the HTML buttons), click/tap to send it, drag a box to pick cells, arrows + Enter to steer a target
// cursor, R/S/H/I abilities, X release, Shift-click to inspect, right-click/Escape to clear. Owned by PlayScene.

import Phaser from "phaser";
import type { Bus } from "../bus.ts";
import type { Command } from "../../../shared/net/commandMessage.ts";
import { MAX_SELECTED_CELLS } from "../../../shared/sim/commands.ts";
import type { GameSession } from "../net/GameSession.ts";
import { isImmune } from "../../../shared/sim/cellTypes.ts";
import { squadLabel } from "../../../shared/net/groupWords.ts";
import { ABILITY_KEYS, CURSOR_STEP_VOXELS, RELEASE_KEY, SQUAD_KEYS } from "./controls.ts";
import { Depth } from "./cellStyle.ts";
import { screenToVoxel, type WorldFit } from "./layout.ts";
import { cellsInBox, clampToGrid, nearestCell, normaliseBox, type CellPoint } from "./selection.ts";

/** Target flag colours by squad (Okabe-Ito, as the cells they hold); 0 is a hand-picked group. */
const SQUAD_COLOURS: Readonly<Record<number, number>> = { 0: 0xf4f1ea, 1: 0x0072b2, 2: 0xd55e00, 3: 0xcc79a7, 4: 0x009e73 };

/** A press that moves less than this far (screen px) is a click, not a box drag. */
const DRAG_PX = 8;
/** How far from a click a cell may be and still be the one clicked, voxels. */
const PICK_RADIUS = 2.5;

export interface InputHost {
  fit(): WorldFit;
  grid(): { width: number; height: number };
  points(): Iterable<CellPoint>;
  /** Selection changed: redraw halos. */
  selectionChanged(squad: number | null, picked: readonly number[]): void;
  /** True while two fingers pan or zoom the view (PlayView): presses then command nothing. */
  blocked?(): boolean;
  /** The keyboard cursor moved (voxels): the view keeps it in sight. */
  cursorMoved?(at: { x: number; y: number }): void;
}

export class CommandInput {
  private readonly scene: Phaser.Scene;
  private readonly session: GameSession;
  private readonly bus: Bus;
  private readonly host: InputHost;
  squad: number | null = null;
  picked: number[] = [];
  private cursor: { x: number; y: number } | null = null;
  private press: { sx: number; sy: number; dragging: boolean } | null = null;
  private readonly box: Phaser.GameObjects.Graphics;
  private readonly cursorGfx: Phaser.GameObjects.Graphics;
  /** Where the player last sent each squad (voxels; key 0: picked cells), shown as flags until an ability or release. */
  private readonly targets = new Map<number, { x: number; y: number }>();
  private readonly flags: Phaser.GameObjects.Graphics;
  private readonly offs: (() => void)[] = [];

  constructor(scene: Phaser.Scene, session: GameSession, bus: Bus, host: InputHost) {
    this.scene = scene;
    this.session = session;
    this.bus = bus;
    this.host = host;
    this.box = scene.add.graphics().setDepth(Depth.cursor);
    this.cursorGfx = scene.add.graphics().setDepth(Depth.cursor);
    this.flags = scene.add.graphics().setDepth(Depth.marker);
    scene.input.on("pointerdown", this.onDown, this);
    scene.input.on("pointermove", this.onMove, this);
    scene.input.on("pointerup", this.onUp, this);
    const onKey = (e: KeyboardEvent) => this.onKey(e);
    window.addEventListener("keydown", onKey);
    this.offs.push(() => window.removeEventListener("keydown", onKey));
    this.offs.push(bus.on("squad-selected", (s) => { if (s !== this.squad) this.setSquad(s, false); }));
    // Flags follow every command, whether sent from here or from the HTML buttons.
    this.offs.push(bus.on("command-sent", (p) => this.followCommand(p)));
    // Refusals (e.g. a squad that is not yours) are announced by the HTML interface (playUi.ts).
  }

  destroy(): void {
    this.scene.input.off("pointerdown", this.onDown, this);
    this.scene.input.off("pointermove", this.onMove, this);
    this.scene.input.off("pointerup", this.onUp, this);
    for (const off of this.offs) off();
    this.box.destroy();
    this.cursorGfx.destroy();
    this.flags.destroy();
  }

  private toVoxel(p: Phaser.Input.Pointer): { x: number; y: number } {
    return screenToVoxel(this.host.fit(), p.x, p.y);
  }

  private inGrid(v: { x: number; y: number }): boolean {
    const g = this.host.grid();
    return v.x >= 0 && v.y >= 0 && v.x < g.width && v.y < g.height;
  }

  private onDown(p: Phaser.Input.Pointer): void {
    if (this.session.spectator) return; // the projector watches; it commands nothing
    if (p.rightButtonDown()) { this.clear(); return; }
    if (this.host.blocked?.() || p.middleButtonDown()) return;
    if (!this.inGrid(this.toVoxel(p))) return;
    this.press = { sx: p.x, sy: p.y, dragging: false };
  }

  private onMove(p: Phaser.Input.Pointer): void {
    if (!this.press || !p.isDown) return;
    if (this.host.blocked?.()) { this.cancelPress(); return; }
    if (!this.press.dragging && Math.hypot(p.x - this.press.sx, p.y - this.press.sy) < DRAG_PX) return;
    this.press.dragging = true;
    const fit = this.host.fit();
    const a = screenToVoxel(fit, this.press.sx, this.press.sy), b = this.toVoxel(p);
    const bx = normaliseBox(a.x, a.y, b.x, b.y);
    this.box.clear().lineStyle(0.25, 0xf4f1ea, 1).fillStyle(0xf4f1ea, 0.12)
      .fillRect(bx.x0, bx.y0, bx.x1 - bx.x0, bx.y1 - bx.y0).strokeRect(bx.x0, bx.y0, bx.x1 - bx.x0, bx.y1 - bx.y0);
  }

  private onUp(p: Phaser.Input.Pointer): void {
    const press = this.press;
    this.press = null;
    this.box.clear();
    if (!press || this.host.blocked?.()) return; // the end of a pinch is not a tap
    const fit = this.host.fit();
    const at = this.toVoxel(p);
    if (press.dragging) {
      const a = screenToVoxel(fit, press.sx, press.sy);
      const ids = cellsInBox(this.host.points(), normaliseBox(a.x, a.y, at.x, at.y), this.session.mySquads());
      this.setPicked(ids);
      this.bus.emit("announce", ids.length ? `${ids.length} of your cells picked. Click the tissue to send them.` : "No cells of yours in that box.");
      return;
    }
    const shift = (p.event as MouseEvent | undefined)?.shiftKey === true;
    if (shift || (this.squad === null && this.picked.length === 0)) {
      const cell = nearestCell(this.host.points(), at.x, at.y, PICK_RADIUS, isImmune);
      this.bus.emit("inspect-cell", cell ? cell.id : null);
      return;
    }
    this.sendTo(at.x, at.y);
  }

  /** Sends the picked cells, or else the picked squad, to a point (voxels). */
  private sendTo(x: number, y: number): void {
    const g = this.host.grid();
    const c = clampToGrid(x, y, g.width, g.height);
    const px = Math.round(c.x * 4) / 4, py = Math.round(c.y * 4) / 4;
    if (this.picked.length) {
      this.send({ kind: "targetCells", cellIds: this.picked.slice(0, MAX_SELECTED_CELLS), x: px, y: py });
    } else if (this.squad !== null) {
      this.send({ kind: "target", squad: this.squad, x: px, y: py });
      this.bus.emit("announce", `${this.squadLabel(this.squad)} sent.`);
    } else {
      this.bus.emit("announce", "Pick a squad first: press 1 to 4 or use the squad buttons.");
      return;
    }
    this.flashTarget(px, py);
  }

  private send(payload: Command): void {
    this.session.command(payload);
    this.bus.emit("command-sent", payload);
  }

  private onKey(e: KeyboardEvent): void {
    if (!this.scene.scene.isActive() || this.session.spectator) return;
    const t = e.target as HTMLElement | null;
    const tag = t?.tagName;
    if (tag === "INPUT" || tag === "TEXTAREA" || tag === "SELECT" || t?.isContentEditable) return;
    if (t?.closest?.("dialog")) return; // keys inside the Learn dialog are the dialog's
    if (e.ctrlKey || e.metaKey || e.altKey) return;
    const key = e.key.length === 1 ? e.key.toLowerCase() : e.key;
    const squadIndex = (SQUAD_KEYS as readonly string[]).indexOf(key);
    if (squadIndex >= 0) {
      const mine = this.session.mySquads();
      if (squadIndex < mine.length) this.setSquad(this.squad === mine[squadIndex] ? null : mine[squadIndex], true);
      else this.bus.emit("announce", mine.length ? `You command ${mine.length} squad${mine.length === 1 ? "" : "s"}: keys 1 to ${mine.length}.` : "You command no cells in this role: play the therapy cards.");
      e.preventDefault();
      return;
    }
    if (key === "Escape") { this.clear(); return; } // the microscope closes itself on Escape too
    if (key.startsWith("Arrow")) {
      if (tag === "BUTTON") return; // let focused buttons keep their own arrow behaviour
      this.moveCursor(key, e.shiftKey ? 5 : 1);
      e.preventDefault();
      return;
    }
    if (key === "Enter") {
      if (tag === "BUTTON" || tag === "A" || !this.cursor) return;
      this.sendTo(this.cursor.x, this.cursor.y);
      e.preventDefault();
      return;
    }
    const ability = ABILITY_KEYS[key];
    if (ability || key === RELEASE_KEY) {
      if (this.squad === null) { this.bus.emit("announce", "Pick a squad first: press 1 to 4."); return; }
      this.send(ability ? { kind: "ability", squad: this.squad, ability } : { kind: "release", squad: this.squad });
      this.bus.emit("announce", `${this.squadLabel(this.squad)}: ${ability ? ability.replace("seekIl2", "seek IL-2") : "released"}.`);
      e.preventDefault();
    }
  }

  private moveCursor(key: string, times: number): void {
    const g = this.host.grid();
    if (!this.cursor) this.cursor = this.squadCentre() ?? { x: g.width / 2, y: g.height / 2 };
    const d = CURSOR_STEP_VOXELS * times;
    const dx = key === "ArrowLeft" ? -d : key === "ArrowRight" ? d : 0;
    const dy = key === "ArrowUp" ? -d : key === "ArrowDown" ? d : 0;
    this.cursor = clampToGrid(this.cursor.x + dx, this.cursor.y + dy, g.width, g.height);
    this.drawCursor();
    this.host.cursorMoved?.(this.cursor);
  }

  /** Where the keyboard cursor is (voxels), or null before the arrow keys are used. */
  cursorAt(): { x: number; y: number } | null {
    return this.cursor ? { ...this.cursor } : null;
  }

  /** Forgets a press in progress (a second finger came down: the touch is a pinch, not a tap or a box). */
  cancelPress(): void {
    this.press = null;
    this.box.clear();
  }

  /** Replaces the picked cells (keyboard picking, PlayView): same as a dragged box. */
  pick(ids: number[]): void {
    this.setPicked(ids);
  }

  private squadCentre(): { x: number; y: number } | null {
    if (this.squad === null) return null;
    let sx = 0, sy = 0, n = 0;
    for (const c of this.host.points()) if (c.squad === this.squad && isImmune(c.type)) { sx += c.x; sy += c.y; n++; }
    return n ? { x: sx / n, y: sy / n } : null;
  }

  private drawCursor(): void {
    this.cursorGfx.clear();
    if (!this.cursor) return;
    const { x, y } = this.cursor;
    this.cursorGfx.lineStyle(0.35, 0xffffff, 1).strokeCircle(x, y, 2.2)
      .lineBetween(x - 3.5, y, x - 1.2, y).lineBetween(x + 1.2, y, x + 3.5, y)
      .lineBetween(x, y - 3.5, x, y - 1.2).lineBetween(x, y + 1.2, x, y + 3.5);
  }

  private followCommand(p: Command): void {
    if (p.kind === "target") this.setFlag(p.squad, { x: p.x, y: p.y });
    else if (p.kind === "targetCells") this.setFlag(0, { x: p.x, y: p.y });
    else if (p.kind === "ability" || p.kind === "release") this.setFlag(p.squad, null); // replaces the squad's target
  }

  private setFlag(squad: number, at: { x: number; y: number } | null): void {
    if (at) this.targets.set(squad, at);
    else this.targets.delete(squad);
    this.flags.clear();
    for (const [sq, t] of this.targets) {
      const colour = SQUAD_COLOURS[sq] ?? 0xf4f1ea;
      this.flags.lineStyle(0.5, 0x000000, 0.8).strokeCircle(t.x, t.y, 1.6);
      this.flags.lineStyle(0.35, colour, 1).strokeCircle(t.x, t.y, 1.6).fillStyle(colour, 1).fillCircle(t.x, t.y, 0.45);
    }
  }

  /** A brief ring where a command was sent, so players see it registered. */
  private flashTarget(x: number, y: number): void {
    const g = this.scene.add.graphics().setDepth(Depth.cursor);
    g.lineStyle(0.4, 0xf0e442, 1).strokeCircle(0, 0, 2.5).setPosition(x, y);
    this.scene.tweens.add({ targets: g, scale: 2.2, alpha: 0, duration: 600, onComplete: () => g.destroy() });
  }

  /** The player's squad in words (a class's split clone as the role's squad it came from: groupWords.ts). */
  private squadLabel(s: number): string {
    return squadLabel(this.session.myRole() ?? "", this.session.mySquads(), s);
  }

  private setSquad(s: number | null, emit: boolean): void {
    if (s !== null && !this.session.mySquads().includes(s)) {
      this.bus.emit("announce", `Squad ${s} belongs to another player.`);
      return;
    }
    this.squad = s;
    if (s !== null && this.picked.length) this.setPicked([]);
    this.host.selectionChanged(this.squad, this.picked);
    if (emit) this.bus.emit("squad-selected", s);
  }

  private setPicked(ids: number[]): void {
    this.picked = ids;
    this.host.selectionChanged(this.squad, this.picked);
    this.bus.emit("cells-selected", ids);
  }

  clear(): void {
    const hadSquad = this.squad !== null;
    this.squad = null;
    this.cursor = null;
    this.drawCursor();
    if (this.picked.length) this.setPicked([]);
    this.host.selectionChanged(null, []);
    if (hadSquad) this.bus.emit("squad-selected", null);
  }
}
