// The play camera's zoom and pan: the mouse wheel zooms about the pointer, two fingers pinch and drag, the middle
// mouse button drags; the view is kept inside the tissue (zoomView.ts) and the camera shows only the fitted area, so
// the zoomed tissue never slides under the HTML panels. One finger and the left button stay CommandInput's.
// Screen px (CSS px of the canvas) and voxels. Owned by PlayView.

import type Phaser from "phaser";
import type { WorldFit } from "./layout.ts";
import {
  clampView, fitCentre, keepInView, panBy, pinchView, refit, viewFit, voxelToScreen, wholeTissue, zoomAbout, ZOOM_STEP,
  type TwoTouches, type ZoomView,
} from "./zoomView.ts";

/** Room around the fitted tissue that the camera still draws (the frame line and effects at the edge), px. */
const EDGE_PX = 8;
/** The keyboard cursor is kept this far inside the view's edge, px. */
const FOLLOW_MARGIN_PX = 40;

export class ViewControl {
  private base: WorldFit;
  private view: ZoomView;
  private pinch: { start: TwoTouches; view: ZoomView } | null = null;
  /** From two fingers down until a finger (or the mouse) next starts afresh: the pinch's fingers command nothing. */
  private touchGesture = false;
  private drag: { x: number; y: number; id: number } | null = null;
  private readonly offs: (() => void)[] = [];

  private readonly scene: Phaser.Scene;
  private readonly changed: () => void;

  constructor(scene: Phaser.Scene, base: WorldFit, changed: () => void) {
    this.scene = scene;
    this.changed = changed;
    this.base = base;
    this.view = wholeTissue(base);
    const canvas = scene.game.canvas;
    if (canvas) this.listen(canvas);
  }

  /** The current view as a fit (screen px per voxel, the tissue's corner): what screen-to-voxel goes through. */
  fit(): WorldFit { return viewFit(this.base, this.view); }
  /** The fitted whole tissue. */
  baseFit(): WorldFit { return this.base; }
  get zoom(): number { return this.view.zoom; }
  gesturing(): boolean { return this.touchGesture || this.drag !== null; }

  /** A new fit (resize, the top bar changed height): same zoom and centre, then the camera. */
  relayout(base: WorldFit): void {
    this.view = refit(this.base, this.view, base);
    this.base = base;
    this.apply();
  }

  /** Zooms by `factor` about a screen point (default: the centre of the fitted area). */
  zoomBy(factor: number, at?: { x: number; y: number }): void {
    const c = at ?? fitCentre(this.base);
    this.set(zoomAbout(this.base, this.view, this.view.zoom * factor, c.x, c.y));
  }

  zoomIn(at?: { x: number; y: number }): void { this.zoomBy(ZOOM_STEP, at); }
  zoomOut(at?: { x: number; y: number }): void { this.zoomBy(1 / ZOOM_STEP, at); }
  whole(): void { this.set(wholeTissue(this.base)); }

  /** Pans so a voxel stays in sight (the keyboard cursor). */
  follow(vx: number, vy: number): void {
    this.set(keepInView(this.base, this.view, vx, vy, FOLLOW_MARGIN_PX));
  }

  /** Pans (when zoomed in) so a voxel sits in the middle of the part of the tissue above `coveredFromPx`. */
  showAbove(vx: number, vy: number, coveredFromPx: number): void {
    const p = this.toScreen(vx, vy);
    const bottom = Math.min(coveredFromPx, this.base.y + this.base.height);
    if (p.y < bottom - FOLLOW_MARGIN_PX && p.y > this.base.y) return;
    this.set(panBy(this.base, this.view, 0, (this.base.y + bottom) / 2 - p.y));
  }

  toScreen(vx: number, vy: number): { x: number; y: number } { return voxelToScreen(this.base, this.view, vx, vy); }

  private set(v: ZoomView): void {
    const next = clampView(this.base, v);
    if (next.zoom === this.view.zoom && next.x === this.view.x && next.y === this.view.y) return;
    this.view = next;
    this.apply();
  }

  /** Points the camera at the view: only the fitted area (plus a small edge) is drawn. */
  apply(): void {
    const cam = this.scene.cameras.main;
    const f = this.fit(), b = this.base;
    const cw = this.scene.scale.width, ch = this.scene.scale.height;
    const vx = Math.max(0, Math.floor(b.x - EDGE_PX)), vy = Math.max(0, Math.floor(b.y - EDGE_PX));
    const vw = Math.max(1, Math.min(cw, Math.ceil(b.x + b.width + EDGE_PX)) - vx);
    const vh = Math.max(1, Math.min(ch, Math.ceil(b.y + b.height + EDGE_PX)) - vy);
    cam.setViewport(vx, vy, vw, vh);
    cam.setZoom(f.scale);
    // The camera's centre shows the voxel that sits at the viewport's centre on screen.
    cam.centerOn((vx + vw / 2 - f.x) / f.scale, (vy + vh / 2 - f.y) / f.scale);
    this.changed();
  }

  private listen(canvas: HTMLCanvasElement): void {
    const local = (cx: number, cy: number) => {
      const r = canvas.getBoundingClientRect();
      return { x: cx - r.left, y: cy - r.top };
    };
    const onWheel = (e: WheelEvent) => {
      e.preventDefault();
      const lines = e.deltaMode === 1 ? 33 : e.deltaMode === 2 ? 400 : 1;
      const dy = Math.max(-300, Math.min(300, e.deltaY * lines));
      if (dy === 0) return;
      this.zoomBy(ZOOM_STEP ** (-dy / 100), local(e.clientX, e.clientY));
    };
    const touches = (e: TouchEvent): TwoTouches | null => {
      const a = e.touches[0], b = e.touches[1];
      if (!a || !b) return null;
      const pa = local(a.clientX, a.clientY), pb = local(b.clientX, b.clientY);
      return { ax: pa.x, ay: pa.y, bx: pb.x, by: pb.y };
    };
    // Whenever the number of fingers changes, the pinch starts afresh from where they are (no jump). The gesture
    // flag outlives the last finger, so its lifting is not read as a tap; a new first touch clears it (this listener
    // captures on the window, so it runs before Phaser's on the canvas).
    const onTouchCount = (e: TouchEvent) => {
      const t = touches(e);
      if (t) { this.touchGesture = true; this.pinch = { start: t, view: this.view }; }
      else this.pinch = null;
      if (e.type === "touchstart" && e.touches.length === 1) this.touchGesture = false;
    };
    const onTouchMove = (e: TouchEvent) => {
      const t = touches(e);
      if (!t || !this.pinch) return;
      e.preventDefault();
      this.set(pinchView(this.base, this.pinch.view, this.pinch.start, t));
    };
    const onPointerDown = (e: PointerEvent) => {
      if (e.pointerType !== "mouse") return;
      this.touchGesture = false;
      if (e.button !== 1 || e.target !== canvas) return;
      e.preventDefault();
      this.drag = { ...local(e.clientX, e.clientY), id: e.pointerId };
    };
    const onPointerMove = (e: PointerEvent) => {
      if (!this.drag || e.pointerId !== this.drag.id) return;
      const p = local(e.clientX, e.clientY);
      const from = this.drag;
      this.drag = { ...p, id: from.id };
      this.set({ zoom: this.view.zoom, x: this.view.x + p.x - from.x, y: this.view.y + p.y - from.y });
    };
    const onPointerUp = (e: PointerEvent) => { if (this.drag && e.pointerId === this.drag.id) this.drag = null; };
    const on = <K extends keyof HTMLElementEventMap>(target: HTMLElement | Window, name: K, fn: (e: HTMLElementEventMap[K]) => void, passive: boolean, capture = false) => {
      target.addEventListener(name, fn as EventListener, { passive, capture });
      this.offs.push(() => target.removeEventListener(name, fn as EventListener, { capture }));
    };
    on(canvas, "wheel", onWheel, false);
    on(window, "touchstart", onTouchCount, true, true);
    on(window, "touchend", onTouchCount, true, true);
    on(window, "touchcancel", onTouchCount, true, true);
    on(canvas, "touchmove", onTouchMove, false);
    on(window, "pointerdown", onPointerDown, false, true);
    on(window, "pointermove", onPointerMove, true);
    on(window, "pointerup", onPointerUp, true);
  }

  destroy(): void {
    for (const off of this.offs.splice(0)) off();
  }
}
