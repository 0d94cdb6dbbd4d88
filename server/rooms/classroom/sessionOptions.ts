// The options a teacher's page sends to open a classroom session ({ mode: "classroom", scenarioId?, days?, seatHoldMinutes? }),
// checked with a sentence for every problem. Called by ClassroomRoom.onCreate.

import type { ClassroomCreateOptions } from "../../../shared/net/classroom.ts";
import type { Checked } from "../../../shared/net/messages.ts";
import { MIN_ROUND_DAYS } from "../../../shared/net/roomOptions.ts";
import { SEAT_HOLD_OPTION, seatHoldProblem } from "../../../shared/net/seatHoldChoice.ts";
import { DEFAULT_SCENARIO_ID, SCENARIOS } from "../../../shared/scenarios/index.ts";

const FIELDS = ["mode", "scenarioId", "days", SEAT_HOLD_OPTION];

export function checkClassroomOptions(options: unknown): Checked<ClassroomCreateOptions> {
  if (typeof options !== "object" || options === null || Array.isArray(options)) return { ok: false, error: "a classroom session needs options { mode: \"classroom\" }" };
  const o = options as Record<string, unknown>;
  const extra = Object.keys(o).filter((k) => !FIELDS.includes(k));
  if (extra.length) return { ok: false, error: `unknown option ${extra.slice(0, 3).join(", ")}; allowed: ${FIELDS.join(", ")}` };
  if (o.mode !== "classroom") return { ok: false, error: "mode must be \"classroom\"" };
  if (o.scenarioId !== undefined && (typeof o.scenarioId !== "string" || !Object.hasOwn(SCENARIOS, o.scenarioId))) {
    return { ok: false, error: `unknown scenario "${String(o.scenarioId)}"; scenarios: ${Object.keys(SCENARIOS).join(", ")}` };
  }
  if (o.days !== undefined) {
    const max = SCENARIOS[(o.scenarioId as string | undefined) ?? DEFAULT_SCENARIO_ID].days;
    if (!(typeof o.days === "number" && Number.isFinite(o.days) && o.days >= MIN_ROUND_DAYS && o.days <= max)) {
      return { ok: false, error: `days must be a number from ${MIN_ROUND_DAYS} to ${max} (the scenario's length)` };
    }
  }
  const holdProblem = seatHoldProblem(o[SEAT_HOLD_OPTION]);
  if (holdProblem) return { ok: false, error: holdProblem };
  return { ok: true, value: o as unknown as ClassroomCreateOptions };
}
