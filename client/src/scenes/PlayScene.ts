// The tissue during a round: the IL-2 heatmap, the vessels, every cell gliding between synced positions with its
// status, event effects, and the commanding input, fitted to the canvas clear of the HTML HUD (top) and side panel
// (right). Started with { session, bus } by wirePlayScene on the bus's "round-start"; stopped on "round-leave".

import Phaser from "phaser";
import type { Bus } from "../bus.ts";
import type { GameSession } from "../net/GameSession.ts";
import { SCENARIOS } from "../../../shared/scenarios/index.ts";
import type { Vessel } from "../../../shared/sim/scenario.ts";
import { CellLayer, Overlay } from "../play/CellLayer.ts";
import { CELL_SPRITES, SPRITE_PX } from "../play/cellStyle.ts";
import { CommandInput } from "../play/CommandInput.ts";
import { EffectsLayer } from "../play/EffectsLayer.ts";
import { EffectsMode } from "../play/effectsMode.ts";
import { FieldLayer } from "../play/FieldLayer.ts";
import { fitWorld, type WorldFit } from "../play/layout.ts";
import { hudBottomPx, panelInset, watchHud } from "../play/hudInset.ts";
import { PatchClock } from "../play/motion.ts";
import { PlayView } from "../play/PlayView.ts";
import type { PlaySceneData } from "./playSceneWiring.ts";
import { VesselLayer } from "../play/VesselLayer.ts";

export class PlayScene extends Phaser.Scene {
  private session!: GameSession;
  private bus!: Bus;
  private built = false;
  private gridW = 128;
  private gridH = 96;
  private fitNow: WorldFit = fitWorld(800, 600, 128, 96);
  private field: FieldLayer | null = null;
  private vessels: VesselLayer | null = null;
  private cells: CellLayer | null = null;
  private effects: EffectsLayer | null = null;
  private input2: CommandInput | null = null;
  private view: PlayView | null = null;
  private mode: EffectsMode | null = null;
  private readonly clock = new PatchClock();
  private firstSync = true;
  private offs: (() => void)[] = [];
  private unbindState: (() => void) | null = null;
  private savedLabel: string | null | undefined = undefined;

  constructor() {
    super("Play");
  }

  init(data: PlaySceneData): void {
    this.session = data.session;
    this.bus = data.bus;
    this.built = false;
    this.firstSync = true;
    this.offs = [];
  }

  preload(): void {
    // H4's LoadingScene normally loads these; load whatever is still missing.
    for (const s of CELL_SPRITES) {
      if (!this.textures.exists(s.key)) this.load.svg(s.key, s.url, { width: SPRITE_PX, height: SPRITE_PX });
    }
  }

  create(): void {
    makeOverlayTextures(this);
    this.describeCanvas(true);
    // No fill: the baked tissue's canvas lies under the game's (TissueBake.ts); the page is this colour.
    this.cameras.main.transparent = true;
    this.scale.on(Phaser.Scale.Events.RESIZE, this.layout, this);
    this.offs.push(watchHud(this.game.canvas?.ownerDocument, () => { if (this.built) this.layout(); }));
    this.events.once(Phaser.Scenes.Events.SHUTDOWN, this.teardown, this);
    this.bindRoom();
    this.offs.push(this.session.onField((levels, w, h) => this.field?.setLevels(levels, w, h)));
    this.offs.push(this.session.onEvents((events) => {
      if (!this.built) return;
      this.effects?.show(events);
      for (const e of events) {
        if (e.kind === "dose" && !this.mode?.reduced) this.vessels?.dosePulse(Overlay.glow);
        else if (e.kind === "leak") this.vessels?.leakFlash();
      }
    }));
    this.tryBuild();
  }

  /**
   * Follows the room's state changes through the session (net/onPatch.ts): re-bound to the room a reconnection brings,
   * and safe to undo during a patch, as the scene's shutdown by a screen change that patch brought does.
   */
  private bindRoom(): void {
    this.unbindState?.();
    this.unbindState = this.session.onStateChange(() => this.onPatch());
    this.onPatch();
  }

  private onPatch(): void {
    if (!this.built) this.tryBuild();
    const st = this.session.state;
    if (!this.built || !this.cells || !st?.cells) return;
    const now = this.time.now;
    const glide = this.clock.tick(now);
    this.cells.sync(st.cells, now, glide, this.firstSync);
    if (this.firstSync) this.cells.setOwnership(this.session.mySquads(), this.input2?.squad ?? null, this.input2?.picked ?? []);
    this.firstSync = false;
  }

  /** Builds the layers once the room has said which scenario it plays. */
  private tryBuild(): void {
    if (this.built || !this.sys.isActive()) return;
    const st = this.session.state;
    if (!st || !st.scenarioId) return;
    const scenario = SCENARIOS[st.scenarioId];
    this.gridW = st.gridWidth || scenario?.grid.width || 128;
    this.gridH = st.gridHeight || scenario?.grid.height || 96;
    const vessels: readonly Vessel[] = scenario?.vessels ?? [];
    this.field = new FieldLayer(this, this.gridW, this.gridH);
    if (this.session.field.levels.length) this.field.setLevels(this.session.field.levels, this.session.field.width, this.session.field.height);
    this.vessels = new VesselLayer(this, vessels);
    this.field.image.setVisible(false); // painted under the game's canvas with the baked tissue
    this.vessels.hideBase(); // painted with the baked tissue, under the cells
    this.cells = new CellLayer(this, scenario?.tissue.spacing ?? 2, this.gridW, this.gridH, this.field, vessels);
    this.effects = new EffectsLayer(this);
    this.mode = new EffectsMode(this.bus, (reduced) => { this.cells?.setReduced(reduced); if (this.effects) this.effects.reduced = reduced; });
    this.input2 = new CommandInput(this, this.session, this.bus, {
      fit: () => this.view?.fit() ?? this.fitNow,
      grid: () => ({ width: this.gridW, height: this.gridH }),
      points: () => this.cells?.points(this.time.now) ?? [],
      selectionChanged: (squad, picked) => this.cells?.setOwnership(this.session.mySquads(), squad, picked),
      blocked: () => this.view?.control.gesturing() ?? false,
      cursorMoved: (at) => this.view?.control.follow(at.x, at.y),
    });
    this.view = new PlayView(this, this.session, this.bus, this.fitNow, {
      points: () => this.cells?.points(this.time.now) ?? [], input: () => this.input2,
      position: (id) => this.cells?.positionOf(id, this.time.now) ?? null,
    });
    this.built = true;
    this.layout();
  }

  /** Fits the grid into the canvas clear of the HTML panels: one world unit is one voxel. */
  private layout(): void {
    const cam = this.cameras.main;
    const w = this.scale.width, h = this.scale.height;
    this.fitNow = fitWorld(w, h, this.gridW, this.gridH, hudBottomPx(this.game.canvas?.ownerDocument), panelInset(this.game.canvas?.ownerDocument));
    if (this.view) { this.view.relayout(this.fitNow); return; } // zoom and pan (PlayView) own the camera
    const f = this.fitNow;
    cam.setViewport(0, 0, w, h);
    cam.setZoom(f.scale);
    // Put world (0,0) at the fit's corner: the camera's centre shows world point (W/2 - x)/scale…
    cam.centerOn((w / 2 - f.x) / f.scale, (h / 2 - f.y) / f.scale);
  }

  override update(): void {
    this.cells?.update(this.time.now);
    this.mode?.frame(this.time.now);
  }

  /** The canvas's words for screen readers: what the tissue shows, and how to command it from the keyboard. */
  private describeCanvas(playing: boolean): void {
    const el = this.game.canvas?.parentElement;
    if (!el) return;
    if (playing) {
      this.savedLabel ??= el.getAttribute("aria-label");
      el.setAttribute("aria-label", "The tissue seen from above: cells as shapes over a heatmap of IL-2 (dark: none, yellow: most). "
        + "Keys 1 to 4 pick one of your squads, arrow keys move a target cursor (the view follows it), Enter sends the squad there; R, S, H and I are abilities. "
        + "Space picks or unpicks your cell under the cursor, A picks all your cells in view; M opens the microscope on the cell under the cursor, Escape closes it. "
        + "Plus and minus zoom in and out, 0 shows the whole tissue.");
    } else if (this.savedLabel !== null && this.savedLabel !== undefined) {
      el.setAttribute("aria-label", this.savedLabel);
    }
  }

  private teardown(): void {
    this.describeCanvas(false);
    this.scale.off(Phaser.Scale.Events.RESIZE, this.layout, this);
    this.unbindState?.();
    this.unbindState = null;
    for (const off of this.offs) off();
    this.offs = [];
    this.view?.destroy();
    this.view = null;
    this.input2?.destroy();
    this.mode?.destroy();
    this.mode = null;
    this.cells?.destroy();
    this.effects?.destroy();
    this.vessels?.destroy();
    this.field?.destroy();
    this.input2 = null; this.cells = null; this.effects = null; this.vessels = null; this.field = null;
    this.built = false;
  }
}

/** Ring, soft glow, marker and halo textures for cell status and effects, drawn once in code. */
function makeOverlayTextures(scene: Phaser.Scene): void {
  const S = 64, h = S / 2;
  if (!scene.textures.exists(Overlay.ring)) {
    const g = scene.add.graphics();
    g.lineStyle(4, 0x56b4e9, 1).strokeCircle(h, h, h - 4); // activated: sky blue, apart from the IL-2 yellow
    g.generateTexture(Overlay.ring, S, S);
    g.clear().lineStyle(3, 0xffffff, 0.9).strokeCircle(h, h, h - 3);
    g.generateTexture(Overlay.halo, S, S);
    // Commanded: a small down chevron over the cell (not a filled triangle, which is the NK cell's shape).
    g.clear().lineStyle(12, 0x000000, 0.9).beginPath().moveTo(10, 18).lineTo(h, S - 16).lineTo(S - 10, 18).strokePath();
    g.lineStyle(6, 0xffffff, 1).beginPath().moveTo(10, 18).lineTo(h, S - 16).lineTo(S - 10, 18).strokePath();
    g.generateTexture(Overlay.marker, S, S);
    g.destroy();
  }
  if (!scene.textures.exists(Overlay.glow)) {
    const tex = scene.textures.createCanvas(Overlay.glow, S, S);
    if (tex) {
      const ctx = tex.getContext();
      const grad = ctx.createRadialGradient(h, h, 0, h, h, h);
      grad.addColorStop(0, "rgba(255, 250, 190, 1)");
      grad.addColorStop(0.35, "rgba(240, 228, 66, 0.6)");
      grad.addColorStop(1, "rgba(240, 228, 66, 0)");
      ctx.fillStyle = grad;
      ctx.fillRect(0, 0, S, S);
      tex.refresh();
    }
  }
}
