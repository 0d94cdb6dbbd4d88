// What a scenario file holds, and its validation: every problem names the field and what is wrong.
// Scenarios are data (shared/scenarios/*.json); createWorld places cells from them. Grid units are voxels (10 µm).

import { checkParamValue } from "./params.ts";

export const THREAT_KINDS = ["virus", "tumour", "self", "none"] as const;
export type ThreatKind = (typeof THREAT_KINDS)[number];

export const POPULATION_TYPES = ["cd4", "cd8", "treg", "nk", "dendritic"] as const;
export type PopulationType = (typeof POPULATION_TYPES)[number];

export const PLACEMENT_KINDS = ["random", "vessels", "cluster", "antigenSites"] as const;
export type Placement =
  | { kind: "random" }
  | { kind: "vessels" }
  | { kind: "cluster"; x: number; y: number; radius: number }
  | { kind: "antigenSites"; radius: number };

export interface Population {
  /** "cd4" places helpers and Tregs (split by tregShareOfCd4); "nk" places CD56bright and CD56dim (nkBrightShare). */
  type: PopulationType;
  count: number;
  placement: Placement;
  /** Start already activated (as if antigen met them an hour ago). */
  activated?: boolean;
  /** Antigen strength 0..1 for dendritic cells, and for activated T cells. */
  antigenStrength?: number;
  /** Squad number used by commands (0 = no squad). */
  squad?: number;
  /** For a "cd4" population: the squad of the Tregs it places (default: the same squad as the helpers). */
  tregSquad?: number;
}

export interface Site { x: number; y: number; radius: number; count: number }
export interface Vessel { x0: number; y0: number; x1: number; y1: number }

export interface Scenario {
  id: string;
  name: string;
  summary: string;
  teacherNotes: { notice: string[]; tryThis: string[] };
  grid: { width: number; height: number };
  days: number;
  params: Record<string, number>;
  vessels: Vessel[];
  tissue: { kind: "tissue" | "islet" | "none"; spacing: number };
  threat: { kind: ThreatKind; sites: Site[] };
  populations: Population[];
  therapies: { therapy: string; day: number }[];
}

export type ParseResult = { ok: true; scenario: Scenario } | { ok: false; errors: string[] };

const MAX_GRID = 512;
const MAX_COUNT = 50000;

type Obj = Record<string, unknown>;
const isObj = (v: unknown): v is Obj => typeof v === "object" && v !== null && !Array.isArray(v);

class Checker {
  errors: string[] = [];
  fail(path: string, problem: string): void {
    this.errors.push(`${path}: ${problem}`);
  }
  str(o: Obj, key: string, path: string, fallback?: string): string {
    const v = o[key];
    if (v === undefined && fallback !== undefined) return fallback;
    if (typeof v !== "string" || v.length === 0) {
      this.fail(`${path}.${key}`, "must be a non-empty text");
      return "";
    }
    return v;
  }
  num(o: Obj, key: string, path: string, min: number, max: number, fallback?: number, integer = false): number {
    const v = o[key];
    if (v === undefined && fallback !== undefined) return fallback;
    if (typeof v !== "number" || !Number.isFinite(v)) {
      this.fail(`${path}.${key}`, `must be a number from ${min} to ${max}`);
      return min;
    }
    if (v < min || v > max) this.fail(`${path}.${key}`, `is ${v}, must be from ${min} to ${max}`);
    if (integer && !Number.isInteger(v)) this.fail(`${path}.${key}`, `must be a whole number`);
    return v;
  }
  oneOf<T extends string>(o: Obj, key: string, path: string, allowed: readonly T[], fallback?: T): T {
    const v = o[key];
    if (v === undefined && fallback !== undefined) return fallback;
    if (typeof v !== "string" || !(allowed as readonly string[]).includes(v)) {
      this.fail(`${path}.${key}`, `must be one of ${allowed.join(", ")}`);
      return allowed[0];
    }
    return v as T;
  }
  arr(o: Obj, key: string, path: string, optional = false): unknown[] {
    const v = o[key];
    if (v === undefined && optional) return [];
    if (!Array.isArray(v)) {
      this.fail(`${path}.${key}`, "must be a list");
      return [];
    }
    return v;
  }
  obj(o: Obj, key: string, path: string, optional = false): Obj {
    const v = o[key];
    if (v === undefined && optional) return {};
    if (!isObj(v)) {
      this.fail(`${path}.${key}`, "must be an object");
      return {};
    }
    return v;
  }
  texts(o: Obj, key: string, path: string): string[] {
    return this.arr(o, key, path, true).map((t, i) => {
      if (typeof t !== "string") this.fail(`${path}.${key}[${i}]`, "must be a text");
      return String(t);
    });
  }
}

/** Validates a parsed JSON value as a scenario. Known therapy names are passed in to keep this file free of therapy rules. */
export function parseScenario(json: unknown, therapyNames: readonly string[]): ParseResult {
  const c = new Checker();
  if (!isObj(json)) return { ok: false, errors: ["scenario: must be a JSON object"] };
  const s = "scenario";
  const id = c.str(json, "id", s);
  if (id && !/^[a-z0-9-]+$/.test(id)) c.fail(`${s}.id`, "may hold only lower-case letters, digits and dashes");
  const name = c.str(json, "name", s);
  const summary = c.str(json, "summary", s);
  const notes = c.obj(json, "teacherNotes", s);
  const teacherNotes = { notice: c.texts(notes, "notice", `${s}.teacherNotes`), tryThis: c.texts(notes, "tryThis", `${s}.teacherNotes`) };
  const g = c.obj(json, "grid", s);
  const grid = {
    width: c.num(g, "width", `${s}.grid`, 16, MAX_GRID, undefined, true),
    height: c.num(g, "height", `${s}.grid`, 16, MAX_GRID, undefined, true),
  };
  const days = c.num(json, "days", s, 0.05, 60);

  const paramsObj = c.obj(json, "params", s, true);
  const params: Record<string, number> = {};
  for (const [k, v] of Object.entries(paramsObj)) {
    const problem = checkParamValue(k, v);
    if (problem) c.fail(`${s}.params.${k}`, problem);
    else params[k] = v as number;
  }

  const inGridX = (o: Obj, key: string, path: string) => c.num(o, key, path, 0, grid.width - 1);
  const inGridY = (o: Obj, key: string, path: string) => c.num(o, key, path, 0, grid.height - 1);

  const vessels = c.arr(json, "vessels", s, true).map((v, i): Vessel => {
    const path = `${s}.vessels[${i}]`;
    if (!isObj(v)) {
      c.fail(path, "must be an object with x0, y0, x1, y1");
      return { x0: 0, y0: 0, x1: 0, y1: 0 };
    }
    return { x0: inGridX(v, "x0", path), y0: inGridY(v, "y0", path), x1: inGridX(v, "x1", path), y1: inGridY(v, "y1", path) };
  });

  const t = c.obj(json, "tissue", s);
  const tissue = {
    kind: c.oneOf(t, "kind", `${s}.tissue`, ["tissue", "islet", "none"] as const),
    spacing: c.num(t, "spacing", `${s}.tissue`, 1, 8, 2, true),
  };

  const th = c.obj(json, "threat", s);
  const threatKind = c.oneOf(th, "kind", `${s}.threat`, THREAT_KINDS);
  const sites = c.arr(th, "sites", `${s}.threat`, true).map((v, i): Site => {
    const path = `${s}.threat.sites[${i}]`;
    if (!isObj(v)) {
      c.fail(path, "must be an object with x, y, radius, count");
      return { x: 0, y: 0, radius: 1, count: 0 };
    }
    return {
      x: inGridX(v, "x", path), y: inGridY(v, "y", path),
      radius: c.num(v, "radius", path, 0, MAX_GRID), count: c.num(v, "count", path, 0, MAX_COUNT, undefined, true),
    };
  });

  const populations = c.arr(json, "populations", s).map((v, i): Population => {
    const path = `${s}.populations[${i}]`;
    if (!isObj(v)) {
      c.fail(path, "must be an object with type, count and placement");
      return { type: "cd4", count: 0, placement: { kind: "random" } };
    }
    const type = c.oneOf(v, "type", path, POPULATION_TYPES);
    const count = c.num(v, "count", path, 0, MAX_COUNT, undefined, true);
    const pl = c.obj(v, "placement", path);
    const kind = c.oneOf(pl, "kind", `${path}.placement`, PLACEMENT_KINDS);
    let placement: Placement;
    if (kind === "cluster") {
      placement = {
        kind, x: inGridX(pl, "x", `${path}.placement`), y: inGridY(pl, "y", `${path}.placement`),
        radius: c.num(pl, "radius", `${path}.placement`, 0, MAX_GRID),
      };
    } else if (kind === "antigenSites") {
      placement = { kind, radius: c.num(pl, "radius", `${path}.placement`, 0, MAX_GRID, 2) };
    } else placement = { kind };
    const pop: Population = { type, count, placement };
    if (v.activated !== undefined) {
      if (typeof v.activated !== "boolean") c.fail(`${path}.activated`, "must be true or false");
      else pop.activated = v.activated;
    }
    if (v.antigenStrength !== undefined) pop.antigenStrength = c.num(v, "antigenStrength", path, 0, 1);
    if (v.squad !== undefined) pop.squad = c.num(v, "squad", path, 0, 64, undefined, true);
    if (v.tregSquad !== undefined) {
      if (type !== "cd4") c.fail(`${path}.tregSquad`, "only a cd4 population places Tregs");
      pop.tregSquad = c.num(v, "tregSquad", path, 0, 64, undefined, true);
    }
    return pop;
  });

  const therapies = c.arr(json, "therapies", s, true).map((v, i) => {
    const path = `${s}.therapies[${i}]`;
    if (!isObj(v)) {
      c.fail(path, "must be an object with therapy and day");
      return { therapy: "", day: 0 };
    }
    return { therapy: c.oneOf(v, "therapy", path, therapyNames), day: c.num(v, "day", path, 0, 60) };
  });

  const known = new Set(["id", "name", "summary", "teacherNotes", "grid", "days", "params", "vessels", "tissue", "threat", "populations", "therapies"]);
  for (const k of Object.keys(json)) if (!known.has(k)) c.fail(`${s}.${k}`, "is not a scenario field");

  if (c.errors.length) return { ok: false, errors: c.errors };
  return {
    ok: true,
    scenario: { id, name, summary, teacherNotes, grid, days, params, vessels, tissue, threat: { kind: threatKind, sites }, populations, therapies },
  };
}
