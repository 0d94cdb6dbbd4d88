// The reference lists the runner prints: scenarios (id, name, summary, days), parameters (name, default, range,
// units, description, source) and metrics (name, units, description), as aligned text or as JSON. Called by main.ts.

import { METRICS, PARAM_NAMES, PARAM_SPECS, type ParamSpec, type Scenario } from "../../shared/sim/index.ts";
import type { ListKind } from "./args.ts";

function table(head: readonly string[], rows: readonly string[][]): string {
  // the last column is free text and is not padded
  const widths = head.map((h, k) => Math.max(h.length, ...rows.map((r) => r[k].length)));
  const fmt = (r: readonly string[]) => r.map((c, k) => (k < r.length - 1 ? c.padEnd(widths[k]) : c)).join("  ").trimEnd();
  return [fmt(head), ...rows.map(fmt)].join("\n") + "\n";
}

export function listScenarios(scenarios: Readonly<Record<string, Scenario>>, json: boolean): string {
  const items = Object.values(scenarios).map((s) => ({ id: s.id, name: s.name, days: s.days, summary: s.summary }));
  if (json) return JSON.stringify(items, null, 1) + "\n";
  return table(["id", "name", "days", "summary"], items.map((s) => [s.id, s.name, String(s.days), s.summary]));
}

export function listParams(json: boolean): string {
  const items = PARAM_NAMES.map((name) => {
    const s: ParamSpec = PARAM_SPECS[name];
    return {
      name, group: s.group, default: s.default, min: s.min, max: s.max, units: s.units, integer: Boolean(s.integer),
      description: s.description, source: s.source,
    };
  });
  if (json) return JSON.stringify(items, null, 1) + "\n";
  return table(
    ["name", "default", "range", "units", "description (source)"],
    items.map((p) => [
      p.name, String(p.default), `${p.min} to ${p.max}${p.integer ? " (whole)" : ""}`, p.units || "-", `${p.description} (${p.source})`,
    ]),
  );
}

export function listMetrics(json: boolean): string {
  const items = METRICS.map((m) => ({ name: m.name, units: m.units, description: m.description }));
  if (json) return JSON.stringify(items, null, 1) + "\n";
  return table(["name", "units", "description"], items.map((m) => [m.name, m.units, m.description]));
}

export function listText(what: ListKind, scenarios: Readonly<Record<string, Scenario>>, json: boolean): string {
  if (what === "scenarios") return listScenarios(scenarios, json);
  if (what === "params") return listParams(json);
  return listMetrics(json);
}
