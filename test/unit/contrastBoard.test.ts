// The client's side of the contrasts: the board keeps the latest status and each finished contrast of one round (a new
// round's first message clears the last round's), ignores what is not an update, and the status line says where
// the work is in words (no percentage: it is read out on every change).

import { describe, expect, test } from "vitest";
import type { ContrastResult, ContrastUpdate } from "../../shared/net/contrast.ts";
import { ContrastBoard } from "../../client/src/net/contrastBoard.ts";
import { statusWords } from "../../client/src/ui/contrastView.ts";

const planned = [{ id: "noTregs", label: "Without Tregs", change: "…" }, { id: "scattered", label: "Helpers scattered", change: "…" }];
const result = (id: string): ContrastResult => ({ ...planned.find((p) => p.id === id)!, summary: "x", days: [0, 1], series: [] });
const update = (round: number, status: ContrastUpdate["status"], extra: Partial<ContrastUpdate> = {}): ContrastUpdate =>
  ({ round, status, ahead: 0, progress: 0, planned, ...extra });

describe("the contrast board", () => {
  test("gathers one round's results, starts afresh with the next round, ignores junk", () => {
    const board = new ContrastBoard();
    let changes = 0;
    board.onChange(() => changes++);
    board.take(update(3, "running", { progress: 0.2 }));
    board.take(update(3, "running", { progress: 0.5, result: result("noTregs") }));
    expect([...board.results.keys()]).toEqual(["noTregs"]);
    expect(board.status?.result).toBeUndefined();
    board.take(null as unknown as ContrastUpdate);
    board.take({ round: "x" } as unknown as ContrastUpdate);
    expect(changes).toBe(2);
    board.take(update(4, "queued", { ahead: 2 }));
    expect(board.results.size).toBe(0);
    expect(board.status?.round).toBe(4);
  });

  test("the status line", () => {
    expect(statusWords(null, 0)).toBe("Waiting for the server…");
    expect(statusWords(update(1, "queued", { ahead: 1 }), 0)).toBe("Computing… waiting for 1 other round on the server first.");
    expect(statusWords(update(1, "running", { progress: 0.7 }), 1)).toBe("Computing… 1 of 2 ready. The server replays your round once per contrast.");
    expect(statusWords(update(1, "done"), 2)).toBe("All 2 contrasts ready.");
    expect(statusWords(update(1, "none", { planned: [], note: "No contrast fits this round." }), 0)).toBe("No contrast fits this round.");
  });
});
