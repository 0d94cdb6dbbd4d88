// The room state every client receives, as @colyseus/schema classes: the round (scenario, clock, pause, speed,
// outcome), the HUD figures, the seats, the therapy cards and every live cell with a quantized position.
// Written only by the server's room; read by clients through Callbacks. Units: ticks, days, pM, counts;
// cell positions in quarter voxels (POSITION_STEPS_PER_VOXEL). Only what changes is sent (schema deltas).

import { MapSchema, schema, t, type SchemaType } from "@colyseus/schema";
import type { Outcome, Role } from "../sim/index.ts";

/** What kind of room a round is played in: one person with bots, or a teacher's class. */
export type RoomKind = "solo" | "classroom";
/** Where a round is: a class waits in the lobby until the teacher starts; a solo room starts playing. */
export type RoundPhase = "lobby" | "playing" | "ended";

/** Cell positions travel as whole numbers of 1/4 voxel (2.5 µm). */
export const POSITION_STEPS_PER_VOXEL = 4;

/** Bits of CellState.status. */
export const CellStatus = {
  activated: 1, // a T cell that has met its antigen
  producing: 2, // an infected cell past its eclipse (releasing virus)
  memory: 4,
  pstat5Positive: 8, // pSTAT5 above pstat5PositiveLevel: hearing IL-2 now (drawn with a glow; "lit up" on screens)
  commanded: 16, // following a player's order
} as const;

export const CellState = schema({
  type: t.uint8().default(0), // CellType id (shared/sim/cellTypes.ts)
  x: t.uint16().default(0), // quarter voxels
  y: t.uint16().default(0),
  squad: t.uint8().default(0),
  status: t.uint8().default(0), // CellStatus bits
}, "CellState");
export type CellState = SchemaType<typeof CellState>;

/** One player's place in the room: a person or a bot, with a role and the squads it commands. */
export const SeatState = schema({
  role: t.string<Role | "">().default(""), // a Role ("" only before the room seats it)
  squads: t.array("uint8"), // the squad numbers it commands (shared/sim ROLE_SQUADS, or a class's split); none for the clinician
  name: t.string().default(""), // shown to everyone: a nickname, or "Bot (hard)"
  bot: t.string().default(""), // the bot's difficulty, or "" for a person
  connected: t.boolean().default(true),
  host: t.boolean().default(false), // may pause, change speed and restart (solo: the one person)
  team: t.uint8().default(0), // classroom: students of a role in the same team (1-6) share a clone; 0: their own
}, "SeatState");
export type SeatState = SchemaType<typeof SeatState>;

/** A therapy card for the clinician: when it can next be played, and doses given so far. */
export const CardState = schema({
  readyTick: t.uint32().default(0),
  doses: t.uint16().default(0),
}, "CardState");
export type CardState = SchemaType<typeof CardState>;

/** What the HUD shows, refreshed each time the model samples its metrics. */
export const HudState = schema({
  il2MeanPm: t.float32().default(0),
  il2MaxPm: t.float32().default(0),
  // Living cells by glossary group: cd4 (helper T cells), cd8 (killer T cells), treg, nk (nkBright and nkDim).
  cd4: t.uint32().default(0),
  cd8: t.uint32().default(0),
  treg: t.uint32().default(0),
  nk: t.uint32().default(0),
  threat: t.uint32().default(0), // infected and tumour cells
  damage: t.float32().default(0), // share of the starting healthy tissue lost, 0..1
  leak: t.float32().default(0), // vascular leak; 1 is the dose-limiting line
  // The IL-2 tug-of-war: who took the IL-2 captured over the last few simulated hours, in tenths of a percent
  // (shared/net/il2Tug.ts; written by server/rooms/il2TugSync.ts); all 0 until some IL-2 has been captured.
  il2ShareCd4: t.uint16().default(0),
  il2ShareCd8: t.uint16().default(0),
  il2ShareTreg: t.uint16().default(0),
  il2ShareNk: t.uint16().default(0),
  // Classes only: each squad's share of the IL-2 captured over the same window, tenths of a percent, by squad number
  // (shared/net/il2SquadTug.ts; written by server/rooms/il2SquadTugSync.ts); empty in solo rounds.
  il2Squads: t.map("uint16"),
}, "HudState");
export type HudState = SchemaType<typeof HudState>;

export const TissueState = schema({
  scenarioId: t.string().default(""),
  mode: t.string<RoomKind>().default("solo"),
  phase: t.string<RoundPhase>().default("playing"), // "lobby" (classroom, before the teacher starts), "playing", "ended"
  code: t.string().default(""), // classroom join code (shown on the projector)
  locked: t.boolean().default(false), // classroom: no new students (reconnections still allowed)
  lateJoin: t.boolean().default(true), // classroom: students may join after the round has started
  seatHoldMinutes: t.uint16().default(0), // classroom: how long an away student's seat is kept; 0: the whole round
  tick: t.uint32().default(0),
  day: t.float32().default(0),
  days: t.float32().default(0), // the round's length in simulated days
  outcome: t.string<Outcome>().default("ongoing"),
  paused: t.boolean().default(false),
  speed: t.uint8().default(1), // model ticks per base tick: 1, 2, 4 or 8
  round: t.uint16().default(1), // counts restarts
  cellCount: t.uint32().default(0),
  gridWidth: t.uint16().default(0),
  gridHeight: t.uint16().default(0),
  hud: t.ref(HudState),
  seats: t.map(SeatState), // by sessionId (bots: "bot:<role>")
  cards: t.map(CardState), // by TherapyName
  cells: t.map(CellState), // by cell id, as a decimal string
}, "TissueState");
export type TissueState = SchemaType<typeof TissueState>;

export { MapSchema };
