// The door for player intent: well-formed commands pass unchanged; anything else is refused with a sentence that
// says what was wrong, and never reaches the model.

import { describe, expect, test } from "vitest";
import { checkCommand, MAX_SELECTED_CELLS } from "../../shared/net/commandMessage.ts";

describe("command messages", () => {
  test("well-formed commands of every kind pass as the model's commands", () => {
    expect(checkCommand({ kind: "target", squad: 2, x: 10.5, y: 20 })).toEqual({ ok: true, command: { kind: "target", squad: 2, x: 10.5, y: 20 } });
    expect(checkCommand({ kind: "targetCells", cellIds: [4, 9], x: 1, y: 2 }).ok).toBe(true);
    expect(checkCommand({ kind: "release", squad: 0 }).ok).toBe(true);
    expect(checkCommand({ kind: "ability", squad: 3, ability: "seekIl2" }).ok).toBe(true);
    expect(checkCommand({ kind: "therapy", therapy: "lowDose" })).toEqual({ ok: true, command: { kind: "therapy", therapy: "lowDose", course: false } });
  });

  test.each([
    [null, /must be an object/],
    [[1, 2], /must be an object/],
    ["target", /must be an object/],
    [{ kind: "explode" }, /kind must be one of target, targetCells, release, ability, therapy/],
    [{ kind: "target", squad: 1, x: Number.NaN, y: 2 }, /x and y must be numbers/],
    [{ kind: "target", squad: 1, x: 1e9, y: 2 }, /x and y must be numbers from 0 to 512/],
    [{ kind: "target", squad: -1, x: 1, y: 2 }, /squad must be a whole number from 0 to 64/],
    [{ kind: "target", squad: "1", x: 1, y: 2 }, /squad must be a whole number/],
    [{ kind: "target", squad: 1, x: 1, y: 2, owner: "someone else" }, /has no field owner/],
    [{ kind: "targetCells", cellIds: [], x: 1, y: 2 }, /cellIds must be a list of 1 to 500/],
    [{ kind: "targetCells", cellIds: Array.from({ length: MAX_SELECTED_CELLS + 1 }, (_, i) => i + 1), x: 1, y: 2 }, /1 to 500/],
    [{ kind: "targetCells", cellIds: [1, 2.5], x: 1, y: 2 }, /whole numbers above 0/],
    [{ kind: "ability", squad: 1, ability: "fly" }, /ability must be one of rally, scatter, hunt, seekIl2/],
    [{ kind: "therapy", therapy: "everything" }, /therapy must be one of highDose, lowDose, antiCd25, cd122Biased/],
    [{ kind: "therapy", therapy: "highDose", course: "yes" }, /course must be true or false/],
    [JSON.parse('{"kind":"release","squad":1,"__proto__":{"polluted":true}}'), /has no field __proto__/],
  ])("refuses %j", (payload, message) => {
    const r = checkCommand(payload);
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.error).toMatch(message);
  });

  test("a passed command is a copy: changing the payload later does not change it", () => {
    const payload = { kind: "targetCells", cellIds: [1, 2], x: 3, y: 4 };
    const r = checkCommand(payload);
    payload.cellIds.push(99);
    expect(r.ok && r.command.kind === "targetCells" && r.command.cellIds).toEqual([1, 2]);
  });
});
