// Command-line arguments of the experiment runner, parsed and validated into a plan, or into a list of problems that
// each name what was wrong and what is allowed. Pure: no process, files or clock, so tests call it directly.
// Called by main.ts (and the unit tests).

import {
  PARAM_NAMES, PARAM_SPECS, THERAPY_NAMES, checkParamValue, isParamName, isTherapyName, makeParams,
  type Params, type Scenario, type TherapyName,
} from "../../shared/sim/index.ts";
import { GAME_TICK_SECONDS, onClock, RUNNER_TICK_SECONDS } from "./clock.ts";
import { closeNames } from "./suggest.ts";

export interface TherapyCourse { therapy: TherapyName; day: number }

export interface ExperimentPlan {
  scenario: Scenario;
  seeds: number[];
  days: number;
  everyHours: number;
  /** Only what --set changed, in the order given. */
  overrides: Record<string, number>;
  /** Defaults, then the scenario's parameters, then the overrides, on the run's clock (--clock, else
   * the game's 60 s; crawling speeds and field sub-steps adapted to it, clock.ts). With --set tickSeconds, that
   * parameter alone changes (nothing adapted). */
  params: Params;
  therapies: TherapyCourse[];
  /** Null: min(available cores, seeds), decided by main.ts. */
  workers: number | null;
  json: boolean;
  out: string | null;
  perSeedToStdout: boolean;
  quiet: boolean;
}

export type ListKind = "scenarios" | "params" | "metrics";

export type ParsedArgs =
  | { kind: "run"; plan: ExperimentPlan }
  | { kind: "help" }
  | { kind: "list"; what: ListKind; json: boolean }
  | { kind: "error"; problems: string[] };

export const LIMITS = { maxSeeds: 10000, maxDays: 365, maxWorkers: 64, maxSeed: 0xffffffff, defaultEveryHours: 6 } as const;

interface FlagSpec { value: string | null; repeat?: boolean; hint?: string }

/** Every option; `value` names what follows it (null: a switch). */
export const FLAGS: Record<string, FlagSpec> = {
  "--scenario": { value: "id", hint: "a scenario id (--list-scenarios)" },
  "--seeds": { value: "n", hint: `a whole number of seeds from 1 to ${LIMITS.maxSeeds}` },
  "--seed-start": { value: "n", hint: `the first seed, a whole number from 0 to ${LIMITS.maxSeed}` },
  "--days": { value: "d", hint: `a number of simulated days greater than 0 and at most ${LIMITS.maxDays}` },
  "--clock": { value: "seconds", hint: `seconds of simulated time per tick, a whole number from ${PARAM_SPECS.tickSeconds.min} to ${PARAM_SPECS.tickSeconds.max} (default ${RUNNER_TICK_SECONDS}, ~2.3× faster than the game's; ${GAME_TICK_SECONDS}: the game's clock, tick for tick)` },
  "--every": { value: "hours", hint: "a number of simulated hours between samples, greater than 0" },
  "--set": { value: "param=value", repeat: true, hint: "param=value, for example tregShareOfCd4=0.2 (--list-params)" },
  "--therapy": { value: "name@day", repeat: true, hint: `name@day with a therapy from ${THERAPY_NAMES.join(", ")}` },
  "--workers": { value: "n", hint: `a whole number of worker threads from 1 to ${LIMITS.maxWorkers}` },
  "--out": { value: "file", hint: "the start of the output file names, for example results/run1" },
  "--json": { value: null },
  "--per-seed": { value: null },
  "--quiet": { value: null },
  "--help": { value: null },
  "-h": { value: null },
  "--list-scenarios": { value: null },
  "--list-params": { value: null },
  "--list-metrics": { value: null },
};
const FLAG_NAMES = Object.keys(FLAGS);

/** A plain decimal number ("2", "-0.5", "1e-3"); rejects "", "0x10", "1,5", "Infinity". */
export function parseNumber(text: string): number | null {
  if (!/^[+-]?(\d+\.?\d*|\.\d+)(e[+-]?\d+)?$/i.test(text.trim())) return null;
  const n = Number(text);
  return Number.isFinite(n) ? n : null;
}

function wholeNumber(text: string | undefined, flag: string, what: string, min: number, max: number, problems: string[]): number | null {
  if (text === undefined) return null;
  const n = parseNumber(text);
  if (n === null || !Number.isInteger(n) || n < min || n > max) {
    problems.push(`${flag} must be a whole number of ${what} from ${min} to ${max}; got "${text}"`);
    return null;
  }
  return n;
}

function positiveNumber(text: string | undefined, flag: string, what: string, max: number, problems: string[]): number | null {
  if (text === undefined) return null;
  const n = parseNumber(text);
  if (n === null || n <= 0 || n > max) {
    problems.push(`${flag} must be a number of ${what} greater than 0 and at most ${max}; got "${text}"`);
    return null;
  }
  return n;
}

const rangeOf = (name: string): string => {
  const spec = PARAM_SPECS[name as keyof typeof PARAM_SPECS];
  return `${spec.min} to ${spec.max}${spec.units ? " " + spec.units : ""}${spec.integer ? ", whole number" : ""}`;
};

function unknownParam(name: string): string {
  const close = closeNames(name, PARAM_NAMES);
  if (close.length) return `unknown parameter "${name}"; close names: ${close.join(", ")} (--list-params shows all ${PARAM_NAMES.length})`;
  return `unknown parameter "${name}"; known parameters: ${PARAM_NAMES.join(", ")}`;
}

function parseSet(text: string, overrides: Record<string, number>, problems: string[]): void {
  const eq = text.indexOf("=");
  if (eq <= 0) {
    problems.push(`--set needs param=value (for example --set tregShareOfCd4=0.2); got "${text}"`);
    return;
  }
  const name = text.slice(0, eq).trim(), raw = text.slice(eq + 1).trim();
  if (!isParamName(name)) return void problems.push(unknownParam(name));
  const value = parseNumber(raw);
  if (value === null) return void problems.push(`parameter "${name}" needs a number from ${rangeOf(name)}; got "${raw}"`);
  const problem = checkParamValue(name, value);
  if (problem) return void problems.push(problem);
  if (Object.prototype.hasOwnProperty.call(overrides, name)) return void problems.push(`parameter "${name}" is set twice; give it once`);
  overrides[name] = value;
}

function parseTherapy(text: string, problems: string[]): TherapyCourse | null {
  const at = text.lastIndexOf("@");
  const name = (at < 0 ? text : text.slice(0, at)).trim();
  const dayText = at < 0 ? "0" : text.slice(at + 1).trim();
  if (!isTherapyName(name)) {
    const close = closeNames(name, THERAPY_NAMES);
    problems.push(`unknown therapy "${name}"${close.length ? ` (did you mean ${close.join(" or ")}?)` : ""}; allowed: ${THERAPY_NAMES.join(", ")}`);
    return null;
  }
  const day = parseNumber(dayText);
  if (day === null || day < 0) {
    problems.push(`--therapy ${text}: the start day must be a number of days from 0 (for example ${name}@2); got "${dayText}"`);
    return null;
  }
  return { therapy: name, day };
}

interface Raw { single: Map<string, string | true>; lists: Map<string, string[]> }

/** Splits argv into options and values; problems for unknown options, missing values and stray words. */
function tokenize(argv: readonly string[], problems: string[]): Raw {
  const single = new Map<string, string | true>(), lists = new Map<string, string[]>();
  let lastList: string | null = null;
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i];
    if (!arg.startsWith("-") || /^-\d/.test(arg)) {
      // "--set a=1 b=2": bare words after a repeatable option's value belong to it
      if (lastList) lists.get(lastList)!.push(arg);
      else problems.push(`unexpected argument "${arg}"; options start with -- (see --help)`);
      continue;
    }
    const eq = arg.startsWith("--") ? arg.indexOf("=") : -1;
    const flag = eq > 0 ? arg.slice(0, eq) : arg;
    const spec = FLAGS[flag];
    lastList = null;
    if (!spec) {
      const close = closeNames(flag, FLAG_NAMES, 3);
      problems.push(`unknown option "${flag}"${close.length ? ` (did you mean ${close.join(" or ")}?)` : ""}; options: ${FLAG_NAMES.join(" ")}`);
      // its value, if any, is not a second problem
      if (eq < 0 && argv[i + 1] !== undefined && (!argv[i + 1].startsWith("-") || /^-\d/.test(argv[i + 1]))) i++;
      continue;
    }
    if (spec.value === null) {
      if (eq > 0) problems.push(`${flag} takes no value; got "${arg}"`);
      single.set(flag, true);
      continue;
    }
    let value: string | undefined = eq > 0 ? arg.slice(eq + 1) : argv[i + 1];
    if (eq < 0) {
      if (value === undefined || (value.startsWith("-") && !/^-\d/.test(value))) value = undefined;
      else i++;
    }
    if (value === undefined) {
      problems.push(`${flag} needs a value: ${spec.hint ?? spec.value}`);
      continue;
    }
    if (spec.repeat) {
      if (!lists.has(flag)) lists.set(flag, []);
      lists.get(flag)!.push(value);
      lastList = flag;
    } else {
      if (single.has(flag)) problems.push(`${flag} is given twice; give it once`);
      single.set(flag, value);
    }
  }
  return { single, lists };
}

export function parseArgs(argv: readonly string[], scenarios: Readonly<Record<string, Scenario>>): ParsedArgs {
  const problems: string[] = [];
  const { single, lists } = tokenize(argv, problems);
  const text = (flag: string): string | undefined => {
    const v = single.get(flag);
    return typeof v === "string" ? v : undefined;
  };
  if (single.has("--help") || single.has("-h")) return { kind: "help" };

  const json = single.has("--json");
  const listFlags = (["scenarios", "params", "metrics"] as const).filter((w) => single.has(`--list-${w}`));
  if (listFlags.length > 1) problems.push(`choose one of --list-scenarios, --list-params, --list-metrics at a time`);
  if (problems.length) return { kind: "error", problems };
  if (listFlags.length === 1) return { kind: "list", what: listFlags[0], json };

  // the scenario first: --days and --therapy days are checked against it
  const ids = Object.keys(scenarios);
  const id = text("--scenario");
  let scenario: Scenario | null = null;
  if (id === undefined) problems.push(`missing --scenario <id>; scenarios: ${ids.join(", ")}`);
  else if (!Object.prototype.hasOwnProperty.call(scenarios, id)) {
    const close = closeNames(id, ids, 3);
    problems.push(`unknown scenario "${id}"${close.length ? ` (did you mean ${close.join(" or ")}?)` : ""}; scenarios: ${ids.join(", ")}`);
  } else scenario = scenarios[id];

  const seedCount = wholeNumber(text("--seeds"), "--seeds", "seeds", 1, LIMITS.maxSeeds, problems) ?? 1;
  const seedStart = wholeNumber(text("--seed-start"), "--seed-start", "the first seed", 0, LIMITS.maxSeed, problems) ?? 1;
  if (seedStart + seedCount - 1 > LIMITS.maxSeed) problems.push(`--seed-start ${seedStart} with --seeds ${seedCount} runs past the largest seed ${LIMITS.maxSeed}`);
  const daysGiven = positiveNumber(text("--days"), "--days", "days", LIMITS.maxDays, problems);
  const everyHours = positiveNumber(text("--every"), "--every", "hours", LIMITS.maxDays * 24, problems) ?? LIMITS.defaultEveryHours;
  const clockGiven = wholeNumber(text("--clock"), "--clock", "seconds per tick", PARAM_SPECS.tickSeconds.min, PARAM_SPECS.tickSeconds.max, problems);
  const workers = wholeNumber(text("--workers"), "--workers", "worker threads", 1, LIMITS.maxWorkers, problems);
  const out = text("--out") ?? null;
  if (out !== null && out.trim() === "") problems.push(`--out needs a file name to start the output files with; got ""`);

  const overrides: Record<string, number> = {};
  for (const s of lists.get("--set") ?? []) parseSet(s, overrides, problems);
  const therapies: TherapyCourse[] = [];
  for (const t of lists.get("--therapy") ?? []) {
    const course = parseTherapy(t, problems);
    if (course) therapies.push(course);
  }
  if (clockGiven !== null && Object.prototype.hasOwnProperty.call(overrides, "tickSeconds")) {
    problems.push(`--clock and --set tickSeconds both set the clock; give one (--clock ${clockGiven})`);
  }
  if (!scenario || problems.length) return { kind: "error", problems };

  const days = daysGiven ?? scenario.days;
  for (const t of therapies) {
    if (t.day >= days) problems.push(`--therapy ${t.therapy}@${t.day} starts at or after the end of the run (day ${days}); choose a day from 0 to below ${days}`);
  }
  const made = makeParams({ ...scenario.params, ...overrides });
  // --set tickSeconds sets that parameter alone (as the validation suite's 2-minute runs do); --clock keeps motility
  const params = Object.prototype.hasOwnProperty.call(overrides, "tickSeconds") ? made : onClock(made, clockGiven ?? RUNNER_TICK_SECONDS);
  const tickHours = params.tickSeconds / 3600;
  if (everyHours * 3600 < params.tickSeconds * (1 - 1e-9)) {
    problems.push(`--every ${everyHours} hours is shorter than one tick (${params.tickSeconds} s); use at least ${Math.ceil(tickHours * 1e4) / 1e4} hours`);
  }
  if (problems.length) return { kind: "error", problems };

  const seeds = Array.from({ length: seedCount }, (_, k) => seedStart + k);
  return {
    kind: "run",
    plan: {
      scenario, seeds, days, everyHours, overrides, params, therapies, workers, json, out,
      perSeedToStdout: single.has("--per-seed"), quiet: single.has("--quiet"),
    },
  };
}
