// The IL-2 heatmap under the cells: one texel per voxel, coloured through viridis from the field's log-scale level
// bytes, smoothed by LINEAR filtering and stretched over the grid (1 world unit = 1 voxel). Bytes are rewritten in
// place and uploaded on each field frame. Owned by PlayScene. The tissue's bake (TissueBake.ts) paints these colours
// on its canvas under the game's, so this image is hidden while the bake shows the heatmap.

import Phaser from "phaser";
import { buildLevelLut, colourLevels } from "./colourMap.ts";
import { Depth } from "./cellStyle.ts";

const KEY = "il2-field";

export class FieldLayer {
  private readonly scene: Phaser.Scene;
  readonly rgba: Uint8Array;
  /** Bumped on each field frame applied. */
  version = 0;
  private readonly lut = buildLevelLut();
  private readonly texture: Phaser.Textures.Texture;
  readonly image: Phaser.GameObjects.Image;
  readonly width: number;
  readonly height: number;

  constructor(scene: Phaser.Scene, width: number, height: number) {
    this.scene = scene;
    this.width = width;
    this.height = height;
    this.rgba = new Uint8Array(width * height * 4);
    colourLevels(new Uint8Array(width * height), this.lut, this.rgba);
    if (scene.textures.exists(KEY)) scene.textures.remove(KEY);
    const tex = scene.textures.addUint8Array(KEY, this.rgba, width, height);
    if (!tex) throw new Error("could not make the IL-2 field texture");
    this.texture = tex;
    tex.setFilter(Phaser.Textures.FilterMode.LINEAR);
    // Clamp so the smoothing does not bleed one edge of the tissue into the other.
    tex.source[0].setWrap(Phaser.Textures.WrapMode.CLAMP_TO_EDGE, Phaser.Textures.WrapMode.CLAMP_TO_EDGE);
    // Texel centres sit on voxel centres: voxel i covers [i, i + 1) in world units.
    this.image = scene.add.image(0, 0, KEY).setOrigin(0, 0).setDisplaySize(width, height).setDepth(Depth.field);
  }

  /** New level bytes (one per voxel, row-major); ignored if the size does not match the grid. */
  setLevels(levels: Uint8Array, width: number, height: number): void {
    if (width !== this.width || height !== this.height) return;
    colourLevels(levels, this.lut, this.rgba);
    this.version++;
    if (this.image.visible) this.texture.source[0].update();
  }

  destroy(): void {
    this.image.destroy();
    if (this.scene.textures.exists(KEY)) this.scene.textures.remove(KEY);
  }
}
