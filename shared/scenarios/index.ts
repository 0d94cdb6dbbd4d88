// The scenario library: every scenario file, validated when this module loads, by id. A broken file fails loudly here.
// Runs unchanged in Node and in the browser. Called by the server, the experiment runner, the client menu and tests.

import { parseScenario, THERAPY_NAMES, type Scenario } from "../sim/index.ts";
import melanoma from "./melanoma.json" with { type: "json" };
import rcc from "./rcc.json" with { type: "json" };
import sandbox from "./sandbox.json" with { type: "json" };
import t1d from "./t1d.json" with { type: "json" };
import viral from "./viral.json" with { type: "json" };

/** In menu order: the first lesson first, the sandbox last. */
const FILES: Record<string, unknown> = { viral, melanoma, rcc, t1d, sandbox };

function load(): Record<string, Scenario> {
  const out: Record<string, Scenario> = {};
  for (const [file, json] of Object.entries(FILES)) {
    const r = parseScenario(json, THERAPY_NAMES);
    if (!r.ok) throw new Error(`scenario file ${file}.json is not valid:\n  ${r.errors.join("\n  ")}`);
    if (r.scenario.id !== file) throw new Error(`scenario file ${file}.json has id "${r.scenario.id}"; the id must match the file name`);
    out[r.scenario.id] = r.scenario;
  }
  return out;
}

export const SCENARIOS: Readonly<Record<string, Scenario>> = load();
export const SCENARIO_IDS: readonly string[] = Object.keys(SCENARIOS);
export const DEFAULT_SCENARIO_ID = "viral";
