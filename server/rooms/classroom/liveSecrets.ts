// Whether a secret is the host secret of a live class (in this process, or in any process sharing its Redis), for the
// HTTP door (matchmaking, the CSV route) before the class has a row in the results store (sessionRecord.ts). Called by
// server/app.ts.

import { matchMaker } from "@colyseus/core";

interface HostSecretHolder { hostSecretMatches(secret: unknown): boolean }

export function liveHostSecret(code: string, secret: string): boolean {
  const room = matchMaker.getLocalRoomById(code) as ({ roomName?: string } & Partial<HostSecretHolder>) | undefined;
  return room?.roomName === "classroom" && typeof room.hostSecretMatches === "function" && room.hostSecretMatches(secret);
}

/**
 * The same for a class open in any process sharing this one's Redis (REDIS_URL): the class's own process is asked.
 * With the in-memory driver the listing holds this process's rooms only, so nothing is asked elsewhere.
 */
export async function liveHostSecretAnywhere(code: string, secret: string): Promise<boolean> {
  if (matchMaker.getLocalRoomById(code)) return liveHostSecret(code, secret);
  const [listing] = await matchMaker.query({ name: "classroom", roomId: code });
  if (!listing) return false;
  try {
    return (await matchMaker.remoteRoomCall<HostSecretHolder>(code, "hostSecretMatches", [secret])) === true;
  } catch {
    return false; // its process did not answer in time
  }
}
