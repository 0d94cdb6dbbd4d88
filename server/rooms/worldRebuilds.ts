// Actions that build a new tissue on the event loop every room shares (a solo restart, a class's new round, change
// of scenario or lesson-plan step): each takes ~50 ms of the loop (more on a loaded machine), so they are budgeted per
// room and per address (issue 13, item 1). A class may rebuild REBUILDS_IN_A_ROW times in a row, then once every
// REBUILD_EVERY_MS (a solo room's restart has its own cooldown in TissueRoom); and all the rooms of one address
// together may rebuild ADDRESS_REBUILDS_IN_A_ROW times in a row, then once every ADDRESS_REBUILD_EVERY_MS, so one
// address's many rooms cannot restart in turn to hold the loop. Refusals say how long to wait. Used by ClassroomRoom
// and TissueRoom.

import type { Client } from "@colyseus/core";
import { createRateLimiter } from "../http/rateLimiter.ts";

/** A class's rebuilds: one per this many milliseconds once its few in a row are spent. */
export const REBUILD_EVERY_MS = 2000;
/** Rebuilds a teacher may make in a row (a plan chosen, then its next rounds; a scenario changed twice). */
export const REBUILDS_IN_A_ROW = 3;
/** Rebuilds the rooms of one address may make in a row (a school's 30 solo players restart now and then, not at once). */
export const ADDRESS_REBUILDS_IN_A_ROW = 6;
/** Then one per this many milliseconds, for all the rooms of the address together. */
export const ADDRESS_REBUILD_EVERY_MS = 2000;

const byAddress = createRateLimiter({ capacity: ADDRESS_REBUILDS_IN_A_ROW, windowMs: ADDRESS_REBUILDS_IN_A_ROW * ADDRESS_REBUILD_EVERY_MS });

/** The address a client connected from (its session id when the transport has none). */
export function clientAddress(client: Client): string {
  const a = (client.ref as { _socket?: { remoteAddress?: string } } | undefined)?._socket?.remoteAddress ?? client.sessionId;
  return a.startsWith("::ffff:") ? a.slice(7) : a;
}

/** Null when the client's address may rebuild a tissue now, else the sentence to refuse with. */
export function addressRebuildRefusal(client: Client): string | null {
  const address = clientAddress(client);
  if (byAddress.allows(address)) return null;
  return `too many new tissues from your network just now: wait ${Math.max(1, byAddress.retryAfterSeconds(address))} s and try again`;
}

/** The client's address rebuilt a tissue now. */
export function addressRebuilt(client: Client): void {
  byAddress.spend(clientAddress(client));
}

/** One class's rebuilds, and its clients' addresses'. */
export class WorldRebuilds {
  private tokens = REBUILDS_IN_A_ROW;
  private at: number;
  private readonly now: () => number;

  constructor(now: () => number = Date.now) {
    this.now = now;
    this.at = now();
  }

  /** Null when `client` may rebuild this class's tissue now, else the sentence to refuse with. */
  wait(client: Client): string | null {
    this.refill();
    if (this.tokens < 1) return `the tissue was just rebuilt: wait ${Math.ceil(((1 - this.tokens) * REBUILD_EVERY_MS) / 1000)} s and try again`;
    return addressRebuildRefusal(client);
  }

  /** `client` rebuilt this class's tissue now. */
  done(client: Client): void {
    this.refill();
    this.tokens = Math.max(0, this.tokens - 1);
    addressRebuilt(client);
  }

  /**
   * Runs `act` (which returns an error sentence or null), counted as a rebuild when `rebuilds`: refused with how long to
   * wait when the class or its address has rebuilt too often, and counted only when it went through.
   */
  guard(client: Client, rebuilds: boolean, act: () => string | null): string | null {
    if (!rebuilds) return act();
    const wait = this.wait(client);
    if (wait) return wait;
    const error = act();
    if (!error) this.done(client);
    return error;
  }

  private refill(): void {
    const t = this.now();
    this.tokens = Math.min(REBUILDS_IN_A_ROW, this.tokens + (t - this.at) / REBUILD_EVERY_MS);
    this.at = t;
  }
}
