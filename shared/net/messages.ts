// The wire contract's message names and payload shapes, both directions, plus validators for every inbound payload
// other than commands (those are in commandMessage.ts). Message names are constants: nothing else goes on the wire.
// Called by the server's rooms at the door and by the client when it sends or receives.

import type { CellTypeName, MetricName, Outcome, Role, SimEvent, Why } from "../sim/index.ts";

/** A Why name (shared/sim/world.ts), what the microscope says a cell is doing. */
export type WhyName = keyof typeof Why;

/** Client → server. */
export const ClientMessage = {
  /** A model command (commandMessage.ts checks it; the room checks squad ownership). */
  command: "command",
  /** Pause, resume, speed or restart: the host's powers (ControlPayload). */
  control: "control",
  /** Ask for one cell's details for the microscope ({ cellId }); answered with ServerMessage.inspect. */
  inspect: "inspect",
} as const;

/** Server → client. */
export const ServerMessage = {
  /** The IL-2 field as a binary frame (fieldFrame.ts), 5 Hz, as bytes. */
  field: "field",
  /** Batches of model events worth showing (WireEvent[]), at the patch rate. */
  events: "events",
  /** A message the room refused, and why (Refusal). Nothing changed. */
  refused: "refused",
  /** One cell's details (InspectResult). */
  inspect: "inspect",
  /** The end-of-round report (Debrief), sent once the round has an outcome. */
  debrief: "debrief",
  /** The debrief's contrasts: progress, then each contrast run as it finishes (ContrastUpdate, contrast.ts). */
  contrast: "contrast",
  /** The server is stopping on purpose and says so to every device (ServerNotice, serverNotice.ts). */
  serverNotice: "serverNotice",
} as const;

export const SPEEDS = [1, 2, 4, 8] as const;
export type Speed = (typeof SPEEDS)[number];

export type ControlPayload =
  | { action: "pause" }
  | { action: "resume" }
  | { action: "speed"; speed: Speed }
  | { action: "restart" };

export interface Refusal {
  /** The message name that was refused. */
  message: string;
  /** A sentence for the player. */
  error: string;
}

/** The event kinds clients receive (deaths and infections show as cells vanishing or changing type). */
export const WIRE_EVENT_KINDS = ["activation", "division", "kill", "dose", "leak", "outcome"] as const;
export type WireEvent = Pick<SimEvent, "tick" | "kind" | "cellType" | "byType" | "therapy" | "cause" | "x" | "y"> & { squad?: number };

export interface InspectResult {
  cellId: number;
  /** False when the cell has died or never existed; the other fields are then absent. */
  found: boolean;
  type?: CellTypeName;
  label?: string; // plain-language type
  squad?: number;
  x?: number; // voxels
  y?: number;
  cd25?: number; // receptor chains on the surface, sites
  cd122?: number;
  /** Not modelled (the model takes CD132 as never limiting), so always absent; cd132Text says so in plain words. */
  cd132?: number;
  cd132Text?: string;
  highAffinitySites?: number; // CD122 paired with CD25 (the high-affinity receptor), sites
  boundIl2?: number; // IL-2 molecules on its receptors now
  capturedIl2?: number; // IL-2 molecules taken in, all time
  pstat5?: number; // 0..1
  signal?: number; // 0..1, the leaky integral of pSTAT5
  /** Activated helpers and killers only; absent when divisions are not counted down (Tregs, NK, resting T cells). */
  divisionsLeft?: number;
  generation?: number;
  activated?: boolean;
  why?: WhyName;
  whyText?: string; // in plain words
}

export interface DebriefSeries { name: MetricName; label: string; units: string; values: number[] }

export interface Debrief {
  scenarioId: string;
  /** An Outcome name (outcomeWords.ts); `endedByTeacher` when a teacher ended the round before the model decided it. */
  outcome: Outcome;
  outcomeText: string;
  /** Simulated day of each sample, shared by every series. */
  days: number[];
  series: DebriefSeries[];
  moments: { day: number; text: string }[];
  roles: { role: Role; name: string; bot: string; measures: { label: string; value: number; units: string }[] }[];
  learning: string[];
}

type Obj = Record<string, unknown>;
const isPlainObject = (v: unknown): v is Obj =>
  typeof v === "object" && v !== null && !Array.isArray(v) && Object.getPrototypeOf(v) === Object.prototype;

export type Checked<T> = { ok: true; value: T } | { ok: false; error: string };

export function checkControl(payload: unknown): Checked<ControlPayload> {
  if (!isPlainObject(payload)) return { ok: false, error: "a control message must be an object" };
  const action = payload.action;
  const keys = Object.keys(payload);
  switch (action) {
    case "pause":
    case "resume":
    case "restart":
      if (keys.length !== 1) return { ok: false, error: `a ${action} message has only an action` };
      return { ok: true, value: { action } };
    case "speed": {
      if (keys.some((k) => k !== "action" && k !== "speed")) return { ok: false, error: "a speed message has only action and speed" };
      const speed = payload.speed;
      if (!(SPEEDS as readonly unknown[]).includes(speed)) return { ok: false, error: `speed must be one of ${SPEEDS.join(", ")}` };
      return { ok: true, value: { action, speed: speed as Speed } };
    }
    default:
      return { ok: false, error: "action must be one of pause, resume, speed, restart" };
  }
}

export function checkInspect(payload: unknown): Checked<{ cellId: number }> {
  if (!isPlainObject(payload) || Object.keys(payload).some((k) => k !== "cellId")) {
    return { ok: false, error: "an inspect message is { cellId }" };
  }
  const id = payload.cellId;
  if (!(Number.isInteger(id) && (id as number) > 0 && (id as number) <= 0xffffffff)) return { ok: false, error: "cellId must be a whole number above 0" };
  return { ok: true, value: { cellId: id as number } };
}
