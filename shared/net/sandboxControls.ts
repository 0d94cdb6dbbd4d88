// The sandbox's controls in the browser: the few numbers that tell the IL-2 story, each a slider over a few steps
// within its parameter's range (params.ts), changed live where the model reads it every tick, or for the next round
// where it is read only when the tissue is made. The wire message and its check at the door. Pure; called by the
// solo room's sandbox desk (server) and the sandbox panel (client).

import { PARAM_SPECS, THERAPY_NAMES, checkParamValue, isParamName, isTherapyName, type ParamName, type TherapyName } from "../sim/index.ts";
import type { Checked } from "./messages.ts";
import { MAX_DENDRITIC_CELLS, type RoundVariant } from "./roundVariant.ts";

/** Client → server (solo sandbox, host only): change controls, or give a therapy. */
export const SANDBOX_MESSAGE = "sandbox";
/** Server → client: the settings now in force and those waiting for the next round (SandboxSettings). */
export const SANDBOX_SETTINGS_MESSAGE = "sandboxSettings";

export type SandboxControlName = ParamName | "dendriticCells";

export interface SandboxControl {
  name: SandboxControlName;
  label: string;
  /** Units as the slider shows them ("%" values are shown ×100). */
  units: string;
  /** The values the slider steps through, in the parameter's own units. */
  steps: readonly number[];
  /** "live": the model reads it every tick; "next": it is read when the tissue is made (restart to see it). */
  when: "live" | "next";
  /** One line in plain words: what it does to the IL-2 story. */
  help: string;
}

export const SANDBOX_CONTROLS: readonly SandboxControl[] = [
  { name: "holdIl2Pm", label: "Hold IL-2 everywhere at", units: "pM", steps: [0, 1, 3, 10, 30, 100, 300, 1000, 3000, 10000], when: "live",
    help: "Like a culture dish: 0 lets the cells make the field again. Tregs hear about 20 pM; resting killer T cells need about 2,000 pM." },
  { name: "secretionMoleculesPerS", label: "IL-2 made by a switched-on helper at its peak", units: "molecules/s", steps: [1, 2, 5, 10, 15, 20, 30], when: "live",
    help: "More IL-2 from each helper: a bigger, stronger IL-2 cloud." },
  { name: "activatedCd25", label: "CD25 on a fully switched-on T cell", units: "receptors", steps: [10000, 20000, 30000, 50000, 100000], when: "live",
    help: "CD25 makes the high-affinity receptor: more of it, more IL-2 caught at low levels." },
  { name: "il2BlockFraction", label: "IL-2 held by an antibody", units: "%", steps: [0, 0.25, 0.5, 0.75, 0.9, 1], when: "live",
    help: "IL-2 an antibody holds cannot reach any receptor." },
  { name: "tregShareOfCd4", label: "Tregs among CD4 T cells", units: "%", steps: [0, 0.03, 0.07, 0.1, 0.15, 0.2, 0.3, 0.4, 0.5], when: "next",
    help: "More Tregs soak up more of the helpers' IL-2." },
  { name: "dendriticCells", label: "Dendritic cells showing antigen", units: "cells", steps: [0, 1, 2, 4, 6, 8, 12, 16], when: "next",
    help: "Helpers switch on, and make IL-2, where they meet a dendritic cell." },
  { name: "tregCd25", label: "CD25 on a resting Treg", units: "receptors", steps: [2700, 3300, 3800, 4400, 4900], when: "next",
    help: "The Tregs' high-affinity receptors, always on: their grip on scarce IL-2." },
];

export const SANDBOX_CONTROL_NAMES: readonly SandboxControlName[] = SANDBOX_CONTROLS.map((c) => c.name);
export const isSandboxControl = (name: string): name is SandboxControlName => (SANDBOX_CONTROL_NAMES as readonly string[]).includes(name);
export const controlOf = (name: SandboxControlName): SandboxControl => SANDBOX_CONTROLS.find((c) => c.name === name)!;

export type SandboxPayload = { set: Partial<Record<SandboxControlName, number>> } | { therapy: TherapyName };

/** What the server says is in force: live values now, and the round variant the next tissue will be made with. */
export interface SandboxSettings { live: Partial<Record<SandboxControlName, number>>; next: RoundVariant }

type Obj = Record<string, unknown>;
const isPlainObject = (v: unknown): v is Obj =>
  typeof v === "object" && v !== null && !Array.isArray(v) && Object.getPrototypeOf(v) === Object.prototype;

/** Null when `value` is allowed for this control; otherwise a sentence with the control's range and units. */
export function checkControlValue(name: string, value: unknown): string | null {
  if (!isSandboxControl(name)) return `unknown sandbox control "${name.slice(0, 40)}"; controls: ${SANDBOX_CONTROL_NAMES.join(", ")}`;
  if (name === "dendriticCells") {
    return Number.isInteger(value) && (value as number) >= 0 && (value as number) <= MAX_DENDRITIC_CELLS
      ? null : `dendriticCells must be a whole number from 0 to ${MAX_DENDRITIC_CELLS}`;
  }
  return checkParamValue(name, value);
}

/** Checks a sandbox message: every name known and every value in its range, or nothing is changed. */
export function checkSandbox(payload: unknown): Checked<SandboxPayload> {
  if (!isPlainObject(payload)) return { ok: false, error: "a sandbox message must be an object: { set: { name: value } } or { therapy }" };
  const keys = Object.keys(payload);
  if (keys.length === 1 && keys[0] === "therapy") {
    return isTherapyName(payload.therapy) ? { ok: true, value: { therapy: payload.therapy } } : { ok: false, error: `therapy must be one of ${THERAPY_NAMES.join(", ")}` };
  }
  if (keys.length !== 1 || keys[0] !== "set" || !isPlainObject(payload.set)) return { ok: false, error: "a sandbox message is { set: { name: value } } or { therapy }" };
  const entries = Object.entries(payload.set);
  if (entries.length === 0 || entries.length > SANDBOX_CONTROLS.length) return { ok: false, error: `set from 1 to ${SANDBOX_CONTROLS.length} controls at once` };
  for (const [name, value] of entries) {
    const problem = checkControlValue(name, value);
    if (problem) return { ok: false, error: `${problem}; nothing was changed` };
  }
  return { ok: true, value: { set: payload.set as Partial<Record<SandboxControlName, number>> } };
}

/** The control's value in the scenario as written (the parameter's default, or the scenario's own number). */
export function scenarioValue(name: SandboxControlName, scenarioParams: Record<string, number>, dendriticCells: number): number {
  if (name === "dendriticCells") return dendriticCells;
  return scenarioParams[name] ?? (isParamName(name) ? PARAM_SPECS[name].default : 0);
}
