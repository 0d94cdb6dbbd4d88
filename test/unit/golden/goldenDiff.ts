// A readable account of how a fresh golden run differs from the committed one: the first tick and metric that
// differ, with the old and new values, how many rows and which metrics differ, and how to accept the change.
// Null when the two are the same. Called by golden.test.ts.

import type { GoldenRecord } from "./goldenRun.ts";

export const ACCEPT_HINT =
  "If this change to the model's behaviour is meant, run `npm run golden:accept` and commit " +
  "test/unit/golden/viral.json with the change that caused it.";

/** How many differing metrics the report names at most. */
const MAX_NAMED = 12;

export function goldenDiff(committed: GoldenRecord, fresh: GoldenRecord): string | null {
  const out: string[] = [];
  for (const key of ["scenario", "seed", "ticks", "everyTicks"] as const) {
    if (committed[key] !== fresh[key]) out.push(`the run's ${key} changed: ${committed[key]} → ${fresh[key]}`);
  }
  if (JSON.stringify(committed.commands) !== JSON.stringify(fresh.commands)) out.push("the command log changed");
  if (JSON.stringify(committed.metrics) !== JSON.stringify(fresh.metrics)) {
    const added = fresh.metrics.filter((m) => !committed.metrics.includes(m));
    const gone = committed.metrics.filter((m) => !fresh.metrics.includes(m));
    const list = (names: string[]) => names.join(", ") || "none";
    out.push(`the metrics changed (new: ${list(added)}; gone: ${list(gone)}; or reordered)`);
  }
  const rowDiffs = diffRows(committed, fresh);
  if (rowDiffs) out.push(...rowDiffs);
  if (committed.finalHash !== fresh.finalHash) {
    out.push(`final state hash: ${committed.finalHash} → ${fresh.finalHash}`);
  }
  if (committed.outcome !== fresh.outcome) out.push(`outcome: ${committed.outcome} → ${fresh.outcome}`);
  if (out.length === 0) return null;
  const head = "The golden run no longer matches test/unit/golden/viral.json:";
  return [head, ...out.map((s) => "  - " + s), ACCEPT_HINT].join("\n");
}

function diffRows(committed: GoldenRecord, fresh: GoldenRecord): string[] | null {
  const out: string[] = [];
  if (committed.rows.length !== fresh.rows.length) out.push(`rows: ${committed.rows.length} → ${fresh.rows.length}`);
  const names = fresh.metrics;
  const oldIndex = new Map(committed.metrics.map((m, k) => [m, k]));
  let first: string | null = null, firstHash: string | null = null, rowsDiffering = 0;
  const differing = new Set<string>();
  const n = Math.min(committed.rows.length, fresh.rows.length);
  for (let r = 0; r < n; r++) {
    const a = committed.rows[r], b = fresh.rows[r];
    let rowDiffers = a.tick !== b.tick;
    for (let k = 0; k < names.length; k++) {
      const j = oldIndex.get(names[k]);
      if (j === undefined || Object.is(a.values[j], b.values[k])) continue;
      rowDiffers = true;
      differing.add(names[k]);
      const at = `${names[k]} at tick ${b.tick} (hour ${b.tick / 60})`;
      first ??= `first differing metric: ${at}: ${a.values[j]} → ${b.values[k]}`;
    }
    if (a.hash !== b.hash) {
      rowDiffers = true;
      firstHash ??= `first differing state hash: tick ${b.tick}: ${a.hash} → ${b.hash}`;
    }
    if (rowDiffers) rowsDiffering++;
  }
  if (firstHash) out.push(firstHash);
  if (first) out.push(first);
  if (rowsDiffering) out.push(`${rowsDiffering} of ${n} rows differ`);
  if (differing.size) {
    const named = [...differing].slice(0, MAX_NAMED).join(", ");
    out.push(`metrics that differ (${differing.size}): ${named}${differing.size > MAX_NAMED ? ", …" : ""}`);
  }
  return out.length ? out : null;
}
