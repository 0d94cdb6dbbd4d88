// The drain's count of results being written (server/drain/pendingSaves.ts): writes through the wrapped store are
// awaited and reported by class code; reads pass through untouched; a write that never settles is reported pending
// once the bound has passed.

import { describe, expect, test } from "vitest";
import { trackSaves } from "../../server/drain/pendingSaves.ts";
import type { ResultsStore, RoundRecord } from "../../server/results/resultsStore.ts";

function fakeStore(saveRound: (r: RoundRecord) => Promise<void>): ResultsStore {
  return { engine: "sqlite", saveRound, rounds: async () => [], hasSession: async () => true } as unknown as ResultsStore;
}
const round = (code: string) => ({ code }) as RoundRecord;

describe("trackSaves", () => {
  test("each class's writes are awaited and reported saved or failed", async () => {
    let finish: () => void = () => {};
    const store = fakeStore((r) => r.code === "FAILED" ? Promise.reject(new Error("disk full")) : new Promise<void>((resolve) => { finish = resolve; }));
    const saves = trackSaves(store);
    void saves.store.saveRound(round("GOODAB"));
    saves.store.saveRound(round("FAILED")).catch(() => {});
    expect(await saves.store.hasSession("GOODAB")).toBe(true); // reads pass through
    const settled = saves.settled(60_000);
    finish();
    const outcomes = await settled;
    expect(outcomes.get("GOODAB")).toBe("saved");
    expect(outcomes.get("FAILED")).toBe("failed");
  });

  test("a write that never settles is reported pending once the bound passes", async () => {
    const saves = trackSaves(fakeStore(() => new Promise<void>(() => {})));
    void saves.store.saveRound(round("HANGSS"));
    expect((await saves.settled(20)).get("HANGSS")).toBe("pending");
  });
});
