// The golden test: a fixed scenario, seed and command log (test/unit/golden/goldenRun.ts) must give exactly the
// committed metric series and state hashes (test/unit/golden/viral.json), so any change to the model's behaviour
// shows up as a diff that someone must accept with `npm run golden:accept`.

import { describe, expect, test } from "vitest";
import { goldenDiff } from "./golden/goldenDiff.ts";
import { GOLDEN_TICKS, playGolden, readGolden, type GoldenRecord } from "./golden/goldenRun.ts";

describe("the golden run", () => {
  const committed = readGolden();

  test("the committed file covers the whole run, with events happening in it", () => {
    expect(committed.rows.at(-1)?.tick).toBe(GOLDEN_TICKS);
    expect(committed.rows.at(-1)?.hash).toBe(committed.finalHash);
    const last = committed.rows.at(-1)?.values ?? [];
    const value = (name: string) => last[committed.metrics.indexOf(name)];
    for (const name of ["events.activations", "events.divisions", "events.doses", "events.infections"]) {
      expect(value(name), name).toBeGreaterThan(0);
    }
  });

  test("plays exactly as committed (else: the first difference, and how to accept it)", () => {
    const diff = goldenDiff(committed, playGolden());
    expect(diff === null, diff ?? "").toBe(true);
  });
});

describe("the golden diff", () => {
  const committed = readGolden();
  const changed = (edit: (r: GoldenRecord) => void): GoldenRecord => {
    const r = structuredClone(committed);
    edit(r);
    return r;
  };

  test("names nothing when the runs are the same", () => {
    expect(goldenDiff(committed, structuredClone(committed))).toBeNull();
  });

  test("names the first differing tick and metric with old and new values, and how to accept", () => {
    const k = committed.metrics.indexOf("il2.meanPm");
    const fresh = changed((r) => {
      r.rows[5].values[k] += 1;
      r.rows[9].values[k] += 1;
      r.rows[9].hash = "0000000000000000";
      r.finalHash = "ffffffffffffffff";
    });
    const diff = goldenDiff(committed, fresh) ?? "";
    const tick = committed.rows[5].tick;
    expect(diff).toContain(`first differing metric: il2.meanPm at tick ${tick}`);
    expect(diff).toContain(`${committed.rows[5].values[k]} → ${committed.rows[5].values[k] + 1}`);
    expect(diff).toContain(`first differing state hash: tick ${committed.rows[9].tick}`);
    expect(diff).toContain(`2 of ${committed.rows.length} rows differ`);
    expect(diff).toContain(`final state hash: ${committed.finalHash} → ffffffffffffffff`);
    expect(diff).toContain("npm run golden:accept");
  });
});
