// The menus say the server's "full" sentences (server/http/creationLimits.ts) and its "restarting" one
// (server/drain/drainRefusal.ts) as they are: they mention "network",
// which must not read as "the game server is not answering".

import { describe, expect, it } from "vitest";
import { explainFailure } from "../../client/src/ui/soloSetup.ts";
import { CREATION_MESSAGES } from "../../server/http/creationLimits.ts";
import { DRAIN_REFUSAL } from "../../server/drain/drainRefusal.ts";

describe("explainFailure and the creation limits", () => {
  it("says every creation refusal as the server wrote it", () => {
    const sentences = [CREATION_MESSAGES.full(80), CREATION_MESSAGES.classesFull(16), CREATION_MESSAGES.addressRooms(40), CREATION_MESSAGES.addressClasses(1), CREATION_MESSAGES.tooFast, DRAIN_REFUSAL];
    for (const s of sentences) expect(explainFailure(new Error(s))).toBe(s);
    expect(CREATION_MESSAGES.addressClasses(1)).toMatch(/^This server is full for your network: 1 class is already open/);
    expect(explainFailure(new TypeError("Failed to fetch"))).toMatch(/not answering/);
  });
});
