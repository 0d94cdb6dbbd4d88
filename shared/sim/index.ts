// The model's public face: everything the server, the bots, the experiment runner and the tests may use.
// The model is pure and deterministic: same scenario, parameters, seed and commands give the same world.

export { createWorld, drawPatient } from "./createWorld.ts";
export { step, runDays, logEvents } from "./step.ts";
export { stateHash } from "./hash.ts";
export { METRICS, METRIC_NAMES, isMetricName, sampleMetrics, zeroValues, type MetricName, type MetricSample, type MetricSpec, type MetricValues } from "./metrics.ts";
export { PARAM_SPECS, PARAM_NAMES, defaultParams, makeParams, checkParamValue, isParamName, type Params, type ParamName, type ParamSpec } from "./params.ts";
export { parseScenario, type Scenario, type Population, type Placement, type ParseResult } from "./scenario.ts";
export { THERAPY_NAMES, THERAPY_LABELS, type TherapyName } from "./therapyNames.ts";
export { ABILITIES, COMMAND_KINDS, MAX_SELECTED_CELLS, isTherapyName, type Ability, type Command } from "./commands.ts";
export { CellType, CELL_TYPE_NAMES, CELL_TYPE_LABELS, type CellTypeName } from "./cellTypes.ts";
export { CellFlag, Mode, Why, dayOf, hoursToTicks, type Cells, type World, type SimEvent, type Outcome, type Therapy, type Ledger, type Counters, type Patient } from "./world.ts";
export { fieldMolecules, pmPerMolecule } from "./field.ts";
export { queueTherapy, doseAllowed } from "./therapy.ts";
export { removeAntigen } from "./activation.ts";
export { ROLES, ROLE_SQUADS, ROLE_LABELS, SQUAD_LABELS, DIFFICULTIES, isRole, isDifficulty, type Role, type Difficulty } from "./roles.ts";
export { createRng, nextU32, uniform, randInt, type Rng } from "./rng.ts";
export { splitSquad, mergeSquad } from "./squads.ts";
