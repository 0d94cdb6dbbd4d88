// The scenario library: every file loads and is registered, classroom scenarios are big enough, scenario files say what
// they promise (t1d is self-attack with weak antigen, rcc's vessels are dense), broken files are refused with errors that
// name the field and the problem, and a few simulated hours of each scenario run without error and deterministically.

import { readdirSync, readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { describe, expect, test } from "vitest";
import { DEFAULT_SCENARIO_ID, SCENARIO_IDS, SCENARIOS } from "../../shared/scenarios/index.ts";
import {
  CellType, createWorld, makeParams, METRIC_NAMES, PARAM_NAMES, PARAM_SPECS, parseScenario, sampleMetrics, stateHash, step,
  THERAPY_NAMES, type Scenario, type World,
} from "../../shared/sim/index.ts";
import { POPULATION_TYPES } from "../../shared/sim/scenario.ts";

const DIR = fileURLToPath(new URL("../../shared/scenarios/", import.meta.url));
const FILE_IDS = readdirSync(DIR).filter((f) => f.endsWith(".json")).map((f) => f.slice(0, -".json".length)).sort();
const CLASSROOM = ["viral", "melanoma", "rcc", "t1d"];
const MIN_CELLS = 2000;

const readJson = (id: string): Record<string, unknown> => JSON.parse(readFileSync(`${DIR}${id}.json`, "utf8"));
const world = (s: Scenario, seed = 1): World => createWorld(s, makeParams(s.params), seed);
const countType = (w: World, type: number): number => {
  let n = 0;
  for (let i = 0; i < w.cells.count; i++) if (w.cells.type[i] === type) n++;
  return n;
};
const vesselShare = (w: World): number => w.field.vessel.reduce((a, b) => a + b, 0) / w.field.vessel.length;

/** Runs whole ticks for `hours` of simulated time; returns the world. */
function runHours(s: Scenario, seed: number, hours: number): World {
  const w = world(s, seed);
  const ticks = Math.round((hours * 3600) / w.dtS);
  for (let k = 0; k < ticks; k++) step(w);
  return w;
}

describe("the scenario library", () => {
  test("every scenario file is registered under its file name, and the default is viral", () => {
    expect([...SCENARIO_IDS].sort()).toEqual(FILE_IDS);
    for (const id of FILE_IDS) expect(SCENARIOS[id].id).toBe(id);
    expect(DEFAULT_SCENARIO_ID).toBe("viral");
    expect(SCENARIO_IDS[0]).toBe("viral");
    for (const id of [...CLASSROOM, "sandbox"]) expect(FILE_IDS).toContain(id);
  });

  test.each(FILE_IDS)("%s.json parses, its overrides are allowed, and it has teacher notes", (id) => {
    const r = parseScenario(readJson(id), THERAPY_NAMES);
    expect(r.ok ? [] : r.errors).toEqual([]);
    const s = SCENARIOS[id];
    expect(() => makeParams(s.params)).not.toThrow();
    expect(s.name.length).toBeGreaterThan(3);
    expect(s.summary.length).toBeGreaterThan(40);
    expect(s.teacherNotes.notice.length).toBeGreaterThanOrEqual(3);
    expect(s.teacherNotes.tryThis.length).toBeGreaterThanOrEqual(3);
    for (const line of [...s.teacherNotes.notice, ...s.teacherNotes.tryThis]) expect(line.trim().length).toBeGreaterThan(20);
    expect(s.days).toBeGreaterThanOrEqual(1);
  });

  test.each(FILE_IDS)("%s: a parameter or therapy named in the teacher notes exists", (id) => {
    const s = SCENARIOS[id];
    const text = [...s.teacherNotes.notice, ...s.teacherNotes.tryThis].join(" ");
    const names: readonly string[] = [...PARAM_NAMES, ...THERAPY_NAMES];
    // code names are camelCase (tregShareOfCd4, il2BlockFraction); units and markers such as pM or pSTAT5 are not
    for (const word of text.match(/\b[a-z][a-z0-9]+[A-Z][A-Za-z0-9]*\b/g) ?? []) expect(names).toContain(word);
  });

  test.each(CLASSROOM)("classroom scenario %s: grid ≥ 128×96, ≥ 2,000 cells, several days, no therapy at the start", (id) => {
    const s = SCENARIOS[id];
    expect(s.grid.width).toBeGreaterThanOrEqual(128);
    expect(s.grid.height).toBeGreaterThanOrEqual(96);
    expect(world(s).cells.count).toBeGreaterThanOrEqual(MIN_CELLS);
    expect(s.days).toBeGreaterThanOrEqual(5);
    expect(s.therapies).toEqual([]);
    for (const type of ["cd4", "cd8", "nk", "dendritic"]) expect(s.populations.some((p) => p.type === type)).toBe(true);
  });

  test("the tumour scenarios have MHC-low tumour cells, and rcc's tumour and vessels differ from melanoma's", () => {
    const mel = SCENARIOS.melanoma, rcc = SCENARIOS.rcc;
    for (const s of [mel, rcc]) {
      expect(s.threat.kind).toBe("tumour");
      const p = makeParams(s.params);
      expect(p.tumourHiddenShare).toBeGreaterThan(0);
      const w = world(s);
      expect(countType(w, CellType.tumourHidden)).toBeGreaterThan(0);
      expect(countType(w, CellType.tumour)).toBeGreaterThan(0);
    }
    const pm = makeParams(mel.params), pr = makeParams(rcc.params);
    expect(pm.tumourImmunogenicity).toBeGreaterThanOrEqual(0.4);
    expect(pm.tumourImmunogenicity).toBeLessThanOrEqual(0.7);
    expect(pr.tumourDivisionHours).not.toBe(pm.tumourDivisionHours);
    expect(pr.tumourImmunogenicity).not.toBe(pm.tumourImmunogenicity);
    // the kidney: at least twice the vessel density of any other classroom scenario
    const rccShare = vesselShare(world(rcc));
    for (const id of CLASSROOM.filter((i) => i !== "rcc")) expect(rccShare).toBeGreaterThan(2 * vesselShare(world(SCENARIOS[id])));
  });

  test("t1d: islet tissue, a self threat, dendritic cells showing weak self-antigen, low-dose IL-2 in the notes", () => {
    const s = SCENARIOS.t1d;
    expect(s.tissue.kind).toBe("islet");
    expect(s.threat.kind).toBe("self");
    const dcs = s.populations.filter((p) => p.type === "dendritic");
    expect(dcs.length).toBeGreaterThan(0);
    expect(makeParams(s.params).selfAntigenStrength).toBeLessThanOrEqual(0.4);
    const w = world(s);
    // dendritic cells show the self-antigen at its own (weak) strength
    for (let i = 0; i < w.cells.count; i++) if (w.cells.type[i] === CellType.dendritic) expect(w.cells.strength[i]).toBe(Math.fround(w.params.selfAntigenStrength));
    expect(countType(w, CellType.islet)).toBeGreaterThanOrEqual(MIN_CELLS);
    expect(countType(w, CellType.tissue)).toBe(0);
    expect(s.teacherNotes.tryThis.join(" ").toLowerCase()).toContain("low-dose");
  });

  test("the sandbox is small and quiet: a moderate grid, few cells, no threat", () => {
    const s = SCENARIOS.sandbox;
    expect(s.grid.width * s.grid.height).toBeLessThan(128 * 96);
    expect(s.threat.kind).toBe("none");
    expect(world(s).cells.count).toBeLessThan(MIN_CELLS);
  });
});

describe("the sandbox takes every parameter at both ends of its range", () => {
  test.each(PARAM_NAMES)("%s", (name) => {
    const spec = PARAM_SPECS[name];
    for (const value of [spec.min, spec.max]) {
      const s = SCENARIOS.sandbox;
      const w = createWorld(s, makeParams({ ...s.params, [name]: value }), 3);
      for (let k = 0; k < 3; k++) step(w);
      const m = sampleMetrics(w);
      for (const metric of METRIC_NAMES) expect(Number.isFinite(m.values[metric]), `${metric} with ${name} = ${value}`).toBe(true);
    }
  });
});

describe("invalid scenarios are refused with the field path and the problem", () => {
  const base = () => structuredClone(readJson("viral")) as Record<string, any>;
  const errorsOf = (json: unknown): string[] => {
    const r = parseScenario(json, THERAPY_NAMES);
    expect(r.ok).toBe(false);
    return r.ok ? [] : r.errors;
  };
  const oneError = (json: unknown): string => {
    const errors = errorsOf(json);
    expect(errors).toHaveLength(1);
    return errors[0];
  };

  test("the unchanged copy is valid (so each case below tests one change)", () => {
    expect(parseScenario(base(), THERAPY_NAMES).ok).toBe(true);
  });

  test("not an object", () => {
    expect(errorsOf([])).toEqual(["scenario: must be a JSON object"]);
    expect(errorsOf(null)).toEqual(["scenario: must be a JSON object"]);
  });

  test("a missing grid width", () => {
    const json = base();
    delete json.grid.width;
    // (positions are then checked against the smallest grid, so vessels past x = 15 are reported too)
    expect(errorsOf(json)).toContain("scenario.grid.width: must be a number from 16 to 512");
  });

  test("a grid too large", () => {
    const json = base();
    json.grid.height = 5000;
    expect(oneError(json)).toBe("scenario.grid.height: is 5000, must be from 16 to 512");
  });

  test("a parameter override outside its range names the parameter, the value and the range with units", () => {
    const json = base();
    json.params = { kdHighPm: 5 };
    const spec = PARAM_SPECS.kdHighPm;
    const e = oneError(json);
    expect(e).toMatch(/^scenario\.params\.kdHighPm: /);
    expect(e).toContain('"kdHighPm"');
    expect(e).toContain("5");
    expect(e).toContain(`${spec.min} to ${spec.max} ${spec.units}`);
  });

  test("a parameter override that is not a number, a fraction for a whole number, and an unknown parameter", () => {
    const json = base();
    json.params = { tickSeconds: 60.5, tregShareOfCd4: "lots", il2Magic: 3 };
    const errors = errorsOf(json);
    expect(errors).toHaveLength(3);
    expect(errors.find((e) => e.startsWith("scenario.params.tickSeconds: "))).toContain("whole number");
    expect(errors.find((e) => e.startsWith("scenario.params.tregShareOfCd4: "))).toContain("must be a number");
    expect(errors.find((e) => e.startsWith("scenario.params.il2Magic: "))).toContain('unknown parameter "il2Magic"');
  });

  test("an unknown population type lists the allowed types", () => {
    const json = base();
    json.populations[1].type = "macrophage";
    const e = oneError(json);
    expect(e).toMatch(/^scenario\.populations\[1\]\.type: /);
    expect(e).toContain(`must be one of ${POPULATION_TYPES.join(", ")}`);
  });

  test("an unknown placement, a negative count and a bad antigen strength in a population", () => {
    const json = base();
    json.populations[0].placement = { kind: "everywhere" };
    json.populations[2].count = -4;
    json.populations[0].antigenStrength = 2;
    const errors = errorsOf(json);
    expect(errors).toContain("scenario.populations[0].placement.kind: must be one of random, vessels, cluster, antigenSites");
    expect(errors).toContain("scenario.populations[2].count: is -4, must be from 0 to 50000");
    expect(errors).toContain("scenario.populations[0].antigenStrength: is 2, must be from 0 to 1");
  });

  test("an unknown top-level field", () => {
    const json = base();
    json.colour = "blue";
    expect(oneError(json)).toBe("scenario.colour: is not a scenario field");
  });

  test("an unknown threat kind, tissue kind and therapy list what is allowed", () => {
    const json = base();
    json.threat.kind = "bacteria";
    json.tissue.kind = "liver";
    json.therapies = [{ therapy: "vitaminC", day: 1 }];
    const errors = errorsOf(json);
    expect(errors).toContain("scenario.threat.kind: must be one of virus, tumour, self, none");
    expect(errors).toContain("scenario.tissue.kind: must be one of tissue, islet, none");
    expect(errors).toContain(`scenario.therapies[0].therapy: must be one of ${THERAPY_NAMES.join(", ")}`);
  });

  test("a vessel and a threat site off the grid", () => {
    const json = base();
    json.vessels[0].x1 = 400;
    json.threat.sites[0].y = -1;
    const errors = errorsOf(json);
    expect(errors).toContain("scenario.vessels[0].x1: is 400, must be from 0 to 127");
    expect(errors).toContain("scenario.threat.sites[0].y: is -1, must be from 0 to 95");
  });

  test("a bad id, missing teacher notes and a missing populations list are all reported together", () => {
    const json = base();
    json.id = "Viral Infection";
    delete json.teacherNotes;
    delete json.populations;
    const errors = errorsOf(json);
    expect(errors).toContain("scenario.id: may hold only lower-case letters, digits and dashes");
    expect(errors).toContain("scenario.teacherNotes: must be an object");
    expect(errors).toContain("scenario.populations: must be a list");
  });
});

describe("a few simulated hours of each scenario", () => {
  const HOURS = 3;
  test.each(FILE_IDS)("%s runs without error, and the same seed gives the same state, another seed another", (id) => {
    const s = SCENARIOS[id];
    const a = runHours(s, 11, HOURS), b = runHours(s, 11, HOURS), c = runHours(s, 12, HOURS);
    expect(a.tick).toBe(Math.round((HOURS * 3600) / a.dtS));
    expect(stateHash(b)).toBe(stateHash(a));
    expect(stateHash(c)).not.toBe(stateHash(a));
    const m = sampleMetrics(a);
    for (const metric of METRIC_NAMES) expect(Number.isFinite(m.values[metric]), metric).toBe(true);
    // a sample holds exactly the listed metrics: the MetricName type, METRICS and sampleMetrics agree
    expect(Object.keys(m.values).sort()).toEqual([...METRIC_NAMES].sort());
    expect(a.cells.count).toBeGreaterThan(0);
    expect(a.history.length).toBeGreaterThan(0);
  });
});
