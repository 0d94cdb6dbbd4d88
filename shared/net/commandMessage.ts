// The wire contract for player intent: the message name and the validator every inbound command passes at the door.
// A payload either becomes a model Command or is refused with a sentence saying what was wrong; nothing else gets in.
// Called by the server's rooms (before the queue) and by tests; the client builds the same shapes.

import { ABILITIES, MAX_SELECTED_CELLS, THERAPY_NAMES, type Command } from "../sim/index.ts";


/** Most cells one targetCells command may name (its home is the model's Command, shared/sim/commands.ts). */
export { MAX_SELECTED_CELLS };
/** Largest squad number (squads are small integers chosen by the scenario). */
export const MAX_SQUAD = 64;
/** Largest coordinate any grid can have, voxels. */
const MAX_COORD = 512;

export type CommandCheck = { ok: true; command: Command } | { ok: false; error: string };

type Obj = Record<string, unknown>;
const isPlainObject = (v: unknown): v is Obj =>
  typeof v === "object" && v !== null && !Array.isArray(v) && Object.getPrototypeOf(v) === Object.prototype;

const FIELDS: Record<Command["kind"], readonly string[]> = {
  target: ["kind", "squad", "x", "y"],
  targetCells: ["kind", "cellIds", "x", "y"],
  release: ["kind", "squad"],
  ability: ["kind", "squad", "ability"],
  therapy: ["kind", "therapy", "course"],
};

function squadOf(o: Obj): number | string {
  const s = o.squad;
  return Number.isInteger(s) && (s as number) >= 0 && (s as number) <= MAX_SQUAD ? (s as number) : `squad must be a whole number from 0 to ${MAX_SQUAD}`;
}

function pointOf(o: Obj): [number, number] | string {
  const { x, y } = o;
  const ok = (v: unknown) => typeof v === "number" && Number.isFinite(v) && v >= 0 && v <= MAX_COORD;
  return ok(x) && ok(y) ? [x as number, y as number] : `x and y must be numbers from 0 to ${MAX_COORD} (voxels)`;
}

/** Checks one inbound payload. Grid bounds and who owns which squad are the room's to check afterwards. */
export function checkCommand(payload: unknown): CommandCheck {
  if (!isPlainObject(payload)) return { ok: false, error: "a command must be an object" };
  const kind = payload.kind;
  if (typeof kind !== "string" || !Object.prototype.hasOwnProperty.call(FIELDS, kind)) {
    return { ok: false, error: `kind must be one of ${Object.keys(FIELDS).join(", ")}` };
  }
  const k = kind as Command["kind"];
  const extra = Object.keys(payload).filter((f) => !FIELDS[k].includes(f));
  if (extra.length) return { ok: false, error: `a ${k} command has no field ${extra.slice(0, 3).join(", ")}` };
  const fail = (error: string): CommandCheck => ({ ok: false, error });
  switch (k) {
    case "target": {
      const squad = squadOf(payload), at = pointOf(payload);
      if (typeof squad === "string") return fail(squad);
      if (typeof at === "string") return fail(at);
      return { ok: true, command: { kind: k, squad, x: at[0], y: at[1] } };
    }
    case "targetCells": {
      const ids = payload.cellIds, at = pointOf(payload);
      if (!Array.isArray(ids) || ids.length === 0 || ids.length > MAX_SELECTED_CELLS) {
        return fail(`cellIds must be a list of 1 to ${MAX_SELECTED_CELLS} cell ids`);
      }
      if (!ids.every((id) => Number.isInteger(id) && id > 0 && id <= 0xffffffff)) return fail("cellIds must hold whole numbers above 0");
      if (typeof at === "string") return fail(at);
      return { ok: true, command: { kind: k, cellIds: [...ids] as number[], x: at[0], y: at[1] } };
    }
    case "release": {
      const squad = squadOf(payload);
      return typeof squad === "string" ? fail(squad) : { ok: true, command: { kind: k, squad } };
    }
    case "ability": {
      const squad = squadOf(payload), ability = payload.ability;
      if (typeof squad === "string") return fail(squad);
      if (typeof ability !== "string" || !(ABILITIES as readonly string[]).includes(ability)) {
        return fail(`ability must be one of ${ABILITIES.join(", ")}`);
      }
      return { ok: true, command: { kind: k, squad, ability: ability as (typeof ABILITIES)[number] } };
    }
    case "therapy": {
      const therapy = payload.therapy, course = payload.course;
      if (typeof therapy !== "string" || !(THERAPY_NAMES as readonly string[]).includes(therapy)) {
        return fail(`therapy must be one of ${THERAPY_NAMES.join(", ")}`);
      }
      if (course !== undefined && typeof course !== "boolean") return fail("course must be true or false");
      return { ok: true, command: { kind: k, therapy: therapy as (typeof THERAPY_NAMES)[number], course: course === true } };
    }
  }
}
