// Whether a secret is the host secret of a class open in this process, for the HTTP door (matchmaking, the CSV route)
// before the class has a row in the results store (sessionRecord.ts). Called by server/app.ts.

import { matchMaker } from "@colyseus/core";

interface HostSecretHolder { hostSecretMatches(secret: unknown): boolean }

export function liveHostSecret(code: string, secret: string): boolean {
  const room = matchMaker.getLocalRoomById(code) as ({ roomName?: string } & Partial<HostSecretHolder>) | undefined;
  return room?.roomName === "classroom" && typeof room.hostSecretMatches === "function" && room.hostSecretMatches(secret);
}
