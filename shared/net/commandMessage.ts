// The wire contract for player intent: the validator every inbound command passes at the door. A payload either
// becomes the model's Command (shared/sim/commands.ts, the one type the client sends and the bots make) or is
// refused with a sentence saying what was wrong; nothing else gets in. Called by the rooms and by tests.

import { commandCopy, commandFault, type Command } from "../sim/index.ts";

export { MAX_SELECTED_CELLS, MAX_SQUAD, type Command } from "../sim/index.ts";

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

/** Checks one inbound payload. Grid bounds and who owns which squad are the round's to check afterwards. */
export function checkCommand(payload: unknown): CommandCheck {
  if (!isPlainObject(payload)) return { ok: false, error: "a command must be an object" };
  const kind = payload.kind;
  if (typeof kind !== "string" || !Object.prototype.hasOwnProperty.call(FIELDS, kind)) {
    return { ok: false, error: `kind must be one of ${Object.keys(FIELDS).join(", ")}` };
  }
  const k = kind as Command["kind"];
  const extra = Object.keys(payload).filter((f) => !FIELDS[k].includes(f));
  if (extra.length) return { ok: false, error: `a ${k} command has no field ${extra.slice(0, 3).join(", ")}` };
  // Shaped like a Command from here on: commandFault checks every field's value before anything trusts it.
  const shaped = payload as unknown as Command;
  const error = commandFault(shaped);
  return error ? { ok: false, error } : { ok: true, command: commandCopy(shaped) };
}
