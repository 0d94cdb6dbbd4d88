// The IL-2 tug-of-war reaches every client: in a sandbox room driven by advance() (deterministic), the HUD's four
// shares arrive over a real WebSocket once IL-2 is captured, add up to about 100%, match the model's own shares over
// the window to the wire's step, and go back to 0 when the host restarts the round.

import { expect, test } from "vitest";
import { ClientMessage } from "../../shared/net/messages.ts";
import { latestShares, TUG_GROUPS, TUG_STEP_PERMILLE } from "../../shared/net/il2Tug.ts";
import { TissueRoom } from "../../server/rooms/TissueRoom.ts";
import { testServerPerFile, waitFor } from "./startTestServer.ts";

const ts = testServerPerFile();

type Hud = { il2ShareCd4: number; il2ShareCd8: number; il2ShareTreg: number; il2ShareNk: number };
const shares = (h: Hud) => ({ cd4: h.il2ShareCd4, cd8: h.il2ShareCd8, treg: h.il2ShareTreg, nk: h.il2ShareNk });

test("clients receive who caught the IL-2, and a restart clears it", async () => {
  const room = await ts.colyseus.createRoom<TissueRoom>("tissue", { scenarioId: "sandbox", seed: 3, role: "effector" });
  room.manual = true;
  const client = await ts.colyseus.sdk.joinById(room.roomId);
  client.onMessage("*", () => {});
  await client.waitForInitialState();
  await waitFor("the first patch", () => client.state.hud !== undefined);
  expect(Object.values(shares(client.state.hud as Hud))).toEqual([0, 0, 0, 0]);

  room.advance(360); // 6 simulated hours: helpers at the dendritic cells make IL-2, every receptor takes some
  room.broadcastPatch();
  await waitFor("the client to catch up", () => client.state.tick === room.facts.tick);
  const got = shares(client.state.hud as Hud);
  const sum = TUG_GROUPS.reduce((a, g) => a + got[g], 0);
  expect(sum).toBeGreaterThan(1000 - 4 * TUG_STEP_PERMILLE);
  expect(sum).toBeLessThan(1000 + 4 * TUG_STEP_PERMILLE);
  const model = latestShares(room.facts.history)!;
  for (const g of TUG_GROUPS) expect(Math.abs(got[g] / 1000 - model[g]), g).toBeLessThanOrEqual(TUG_STEP_PERMILLE / 1000 + 1e-9);
  expect(got.treg, "Tregs catch some of it").toBeGreaterThan(0);

  client.send(ClientMessage.control, { action: "restart" });
  await waitFor("the restart", () => client.state.round === 2 && client.state.tick === 0, 10_000);
  expect(Object.values(shares(client.state.hud as Hud))).toEqual([0, 0, 0, 0]);
  await client.leave();
});
