// The cap on orders waiting for the model (shared/round/pendingOrders.ts): per seat between two moves of the tissue,
// and for the room in all; a new tick starts every seat's count again.

import { describe, expect, test } from "vitest";
import { PendingOrders } from "../../shared/round/index.ts";

describe("PendingOrders", () => {
  test("a seat is refused past its own cap with a sentence, and other seats still order", () => {
    const cap = new PendingOrders({ perSeat: 3, perRoom: 100 });
    for (let i = 0; i < 3; i++) expect(cap.take("flood", 7, i)).toBeNull();
    expect(cap.take("flood", 7, 3)).toMatch(/you have sent 3 orders that are still waiting for the tissue to move/);
    expect(cap.waiting("flood")).toBe(3); // a refused order is not counted
    expect(cap.take("honest", 7, 3)).toBeNull();
    expect(cap.waiting("honest")).toBe(1);
  });

  test("the room's cap holds whoever sends", () => {
    const cap = new PendingOrders({ perSeat: 3, perRoom: 5 });
    expect(cap.take("a", 0, 4)).toBeNull();
    expect(cap.take("b", 0, 5)).toBe("too many orders are waiting: resume the game first");
    expect(cap.waiting("b")).toBe(0);
  });

  test("when the tissue moves (or a new round starts at tick 0), every seat may order again", () => {
    const cap = new PendingOrders({ perSeat: 2, perRoom: 100 });
    cap.take("a", 10, 0);
    cap.take("a", 10, 1);
    expect(cap.take("a", 10, 2)).not.toBeNull();
    expect(cap.take("a", 11, 0)).toBeNull();
    cap.take("a", 11, 1);
    expect(cap.take("a", 11, 2)).not.toBeNull();
    expect(cap.take("a", 0, 0)).toBeNull();
  });
});
