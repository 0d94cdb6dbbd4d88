// The model document (docs/model.md) against the code, so the two cannot drift apart: its parameter table is exactly
// what docs/paramTable.ts prints from PARAM_SPECS, every metric and scenario is named in it, its glossary covers the
// code's names, and every name it writes in `code font` is a real name in the code.

import { readdirSync, readFileSync } from "node:fs";
import { describe, expect, test } from "vitest";
import { paramTable, PARAMS_END, PARAMS_START, tableInDocument, withTable } from "../../docs/paramTable.ts";
import { SCENARIOS, SCENARIO_IDS } from "../../shared/scenarios/index.ts";
import * as sim from "../../shared/sim/index.ts";
import {
  ABILITIES, CELL_TYPE_NAMES, CellFlag, COMMAND_KINDS, METRIC_NAMES, Mode, PARAM_NAMES, THERAPY_NAMES, Why,
} from "../../shared/sim/index.ts";
import { Cells } from "../../shared/sim/world.ts";
import { wireFields } from "./wireFields.ts";

const read = (path: string): string => readFileSync(new URL(`../../${path}`, import.meta.url), "utf8");
const DOC = read("docs/model.md");

/** The outcomes, as the code's Outcome type spells them (a type has no runtime value to import). */
const OUTCOMES = (read("shared/sim/world.ts").match(/export type Outcome = ([^;]+);/)?.[1] ?? "").match(/"([A-Za-z]+)"/g)?.map((s) => s.slice(1, -1)) ?? [];

/** The text of one numbered section, from its heading to the next "## " heading. */
function section(number: number): string {
  const start = DOC.indexOf(`\n## ${number}. `);
  const end = DOC.indexOf("\n## ", start + 1);
  expect(start, `section ${number}`).toBeGreaterThanOrEqual(0);
  return DOC.slice(start, end < 0 ? undefined : end);
}

/** Every `quoted` name in a text. */
const quoted = (text: string): string[] => [...text.matchAll(/`([^`\n]+)`/g)].map((m) => m[1]);

/** Every key of a value, nested objects and lists included (scenario field names such as `spacing`). */
function keysOf(value: unknown, out = new Set<string>()): Set<string> {
  if (Array.isArray(value)) for (const v of value) keysOf(v, out);
  else if (value && typeof value === "object") {
    for (const [k, v] of Object.entries(value)) {
      out.add(k);
      keysOf(v, out);
    }
  }
  return out;
}

describe("the parameter table", () => {
  test("sits between the markers, once", () => {
    expect(DOC.split(PARAMS_START)).toHaveLength(2);
    expect(DOC.split(PARAMS_END)).toHaveLength(2);
    expect(DOC.indexOf(PARAMS_START)).toBeLessThan(DOC.indexOf(PARAMS_END));
  });

  test("is exactly what docs/paramTable.ts prints from PARAM_SPECS (run it with --write to refresh)", () => {
    expect(tableInDocument(DOC)).toBe(paramTable());
    expect(withTable(DOC)).toBe(DOC);
  });

  test("has one row per parameter, each with a source", () => {
    const rows = paramTable().split("\n").filter((line) => line.startsWith("| `"));
    expect(rows.map((r) => r.slice(3, r.indexOf("`", 3)))).toEqual([...PARAM_NAMES]);
    for (const row of rows) expect(row.split("|").at(-2)?.trim().length, row).toBeGreaterThan(3);
  });
});

describe("the document names what the code has", () => {
  const names = new Set(quoted(DOC));

  test("every metric", () => {
    expect(METRIC_NAMES.filter((m) => !names.has(m))).toEqual([]);
  });

  test("every scenario, with its days", () => {
    const scenarios = section(7);
    for (const id of SCENARIO_IDS) {
      expect(scenarios).toContain(`\`${id}\``);
      const row = scenarios.split("\n").find((line) => line.includes(`| \`${id}\` |`)) ?? "";
      expect(row.trim().endsWith(`| ${SCENARIOS[id].days} |`), `${id} row: ${row}`).toBe(true);
    }
  });

  test("every scenario's parameter overrides, with their values", () => {
    const scenarios = section(7);
    for (const id of SCENARIO_IDS) {
      const row = scenarios.split("\n").find((line) => line.includes(`| \`${id}\` |`)) ?? "";
      for (const [name, value] of Object.entries(SCENARIOS[id].params)) expect(row, `${id}: ${name}`).toContain(`\`${name}\` ${value}`);
    }
  });

  test("the glossary covers every cell type, flag, reason, mode, command, ability, therapy and outcome", () => {
    const glossary = new Set(quoted(section(5)));
    const wanted = [
      ...CELL_TYPE_NAMES, ...Object.keys(CellFlag), ...Object.keys(Why), ...Object.keys(Mode),
      ...COMMAND_KINDS, ...ABILITIES, ...THERAPY_NAMES, ...OUTCOMES,
    ];
    expect(OUTCOMES.length).toBeGreaterThanOrEqual(5);
    expect(wanted.filter((w) => !glossary.has(w))).toEqual([]);
  });

  test("every name in code font is a real name in the code", () => {
    const known = new Set<string>([
      ...PARAM_NAMES, ...METRIC_NAMES, ...CELL_TYPE_NAMES, ...THERAPY_NAMES, ...ABILITIES, ...COMMAND_KINDS, ...OUTCOMES,
      ...Object.keys(CellFlag), ...Object.keys(Why), ...Object.keys(Mode), ...Object.keys(sim), ...Object.keys(new Cells()),
      ...SCENARIO_IDS, ...keysOf(SCENARIOS),
    ]);
    // the wire contract's words (glossary, "Players and rooms" and "Words on the wire"): its field names, the
    // roles and bot skills, the names shared/net exports, and the values of its string unions (RoomKind, RoundPhase)
    for (const name of [...wireFields().keys(), ...sim.ROLES, ...sim.DIFFICULTIES]) known.add(name);
    for (const file of readdirSync(new URL("../../shared/net/", import.meta.url)).filter((f) => f.endsWith(".ts"))) {
      const code = read(`shared/net/${file}`);
      for (const m of code.matchAll(/^export (?:type|interface|const|function|class) (\w+)/gm)) known.add(m[1]);
      for (const m of code.matchAll(/^export type (?:RoomKind|RoundPhase) = ([^;]+);/gm)) for (const v of m[1].matchAll(/"(\w+)"/g)) known.add(v[1]);
    }
    // the model's exported types (they leave no trace at run time): `export type X` and `export interface X` in shared/sim
    for (const file of readdirSync(new URL("../../shared/sim/", import.meta.url)).filter((f) => f.endsWith(".ts"))) {
      for (const m of read(`shared/sim/${file}`).matchAll(/^export (?:type|interface) (\w+)/gm)) known.add(m[1]);
    }
    // what a patient draws, by itself or as world.patient's field
    for (const key of Object.keys(sim.drawPatient(sim.makeParams({}), sim.createRng(1, 0), true))) known.add(key).add(`patient.${key}`);
    // names from the validation harness that the document points to
    for (const name of ["SEEDS"]) {
      expect(read("test/validation/harness.ts")).toContain(`export const ${name}`);
      known.add(name);
    }
    const outsideTable = DOC.slice(0, DOC.indexOf(PARAMS_START)) + DOC.slice(DOC.indexOf(PARAMS_END));
    const identifiers = quoted(outsideTable).filter((q) => /^[A-Za-z][A-Za-z0-9_.]*$/.test(q) && !/\.(ts|md|json)$/.test(q));
    expect(identifiers.length).toBeGreaterThan(100);
    expect([...new Set(identifiers.filter((q) => !known.has(q)))]).toEqual([]);
  });

  test("every file it points to exists", () => {
    const files = quoted(DOC).filter((q) => /^[\w./-]+\.(ts|md|json)$/.test(q));
    expect(files.length).toBeGreaterThan(10);
    const candidates = (f: string) => [f, `shared/sim/${f}`, `test/validation/${f}`, `test/unit/${f}`, `docs/${f}`];
    const missing = files.filter((f) => !candidates(f).some((path) => {
      try {
        read(path);
        return true;
      } catch {
        return false;
      }
    }));
    expect(missing).toEqual([]);
  });
});
