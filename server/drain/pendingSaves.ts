// Keeps count of the results being written while the server drains (drainServer.ts): the results store the rooms
// use is wrapped so that each write (a session row, a round, a quiz answer) is remembered until it settles, by the
// class's code; drainServer waits for them, within a bound, before the process exits.

import type { ResultsStore } from "../results/resultsStore.ts";

/** The writes a class makes when its round ends or a student answers (see server/rooms/classroom/roundEnd.ts). */
const WRITES = new Set<string | symbol>(["saveSession", "saveRound", "saveQuizAnswer"]);

export type SaveOutcome = "saved" | "failed" | "pending";

export interface PendingSaves {
  /** The store to hand the rooms: the same store, its writes tracked. */
  readonly store: ResultsStore;
  /** Waits until every tracked write settled or `withinMs` passed; each class's worst outcome, by code. */
  settled(withinMs: number): Promise<Map<string, SaveOutcome>>;
}

const codeOf = (arg: unknown): string => {
  const code = (arg as { code?: unknown } | null)?.code;
  return typeof code === "string" ? code : "";
};

export function trackSaves(inner: ResultsStore): PendingSaves {
  const writes: { code: string; outcome: SaveOutcome; done: Promise<void> }[] = [];
  const store = new Proxy(inner, {
    get(target, key, receiver) {
      const value = Reflect.get(target, key, receiver) as unknown;
      if (typeof value !== "function") return value;
      if (!WRITES.has(key)) return value.bind(target);
      return (...args: unknown[]) => {
        const result = (value as (...a: unknown[]) => Promise<unknown>).apply(target, args);
        const write = { code: codeOf(args[0]), outcome: "pending" as SaveOutcome, done: Promise.resolve() };
        write.done = Promise.resolve(result).then(() => { write.outcome = "saved"; }, () => { write.outcome = "failed"; });
        writes.push(write);
        return result;
      };
    },
  });
  const settled = async (withinMs: number) => {
    let timer: ReturnType<typeof setTimeout> | undefined;
    const bound = new Promise<void>((resolve) => { timer = setTimeout(resolve, withinMs); });
    await Promise.race([Promise.all(writes.map((w) => w.done)), bound]);
    clearTimeout(timer);
    const worst = new Map<string, SaveOutcome>();
    const rank: Record<SaveOutcome, number> = { saved: 0, pending: 1, failed: 2 };
    for (const w of writes) if (rank[w.outcome] >= rank[worst.get(w.code) ?? "saved"]) worst.set(w.code, w.outcome);
    return worst;
  };
  return { store, settled };
}
