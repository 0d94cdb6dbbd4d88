// An honest player's update rate while a visitor attacks, for the abuse suite's load tests (abuseLoad*.test.ts): a solo
// room's state patches a second, measured in turns without and with the attack so that the rest of the machine's load,
// which changes, weighs on both alike. Loopback only; bounded by its turns.

import type { Room as SdkRoom } from "@colyseus/sdk";
import { ServerMessage } from "../../shared/net/messages.ts";
import { sleep } from "./abuseTools.ts";
import type { TestServer } from "./startTestServer.ts";

export interface HonestPlayer { room: SdkRoom; patches: () => number }

/** An honest solo player: its room, and the state patches it has received so far. */
export async function honestPlayer(ts: TestServer): Promise<HonestPlayer> {
  const room = await ts.colyseus.sdk.create("tissue", { scenarioId: "viral" });
  for (const type of Object.values(ServerMessage)) room.onMessage(type, () => {});
  let patches = 0;
  room.onStateChange(() => { patches++; });
  await room.waitForInitialState?.();
  return { room, patches: () => patches };
}

/** Patches a second over `ms`. */
export async function rateOver(player: { patches: () => number }, ms: number): Promise<number> {
  const before = player.patches(), t0 = performance.now();
  await sleep(ms);
  return (player.patches() - before) / ((performance.now() - t0) / 1000);
}

const median = (xs: number[]) => { const v = [...xs].sort((a, b) => a - b); const m = v.length >> 1; return v.length % 2 ? v[m] : (v[m - 1] + v[m]) / 2; };

/**
 * The honest rate without and with an attack, in turns (quiet, attack, quiet, attack, …, quiet). `attack` starts it
 * and returns its stop. Medians: one window starved by the rest of the machine does not decide.
 */
export async function measureAround(player: { patches: () => number }, attack: () => () => Promise<void>, turns = 4, windowMs = 2500) {
  await sleep(1500); // the room settles (thread started, first frames)
  const quiet: number[] = [], during: number[] = [];
  for (let k = 0; k < turns; k++) {
    quiet.push(await rateOver(player, windowMs));
    const stop = attack();
    during.push(await rateOver(player, windowMs));
    await stop();
  }
  quiet.push(await rateOver(player, windowMs));
  const show = (xs: number[]) => xs.map((x) => x.toFixed(1)).join(" ");
  return { baseline: median(quiet), during: median(during), text: `without ${show(quiet)}, with ${show(during)}` };
}
