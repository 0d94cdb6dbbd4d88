// Issue 13, item 4, each limit exactly, with small limits: rooms and classes per address, in all, and per minute; the
// visitor is told why in a sentence (over HTTP and through the SDK, as the menus get it), and a room that closes
// gives its place back. Loopback only; 127.0.0.2 is the other address.

import { matchMaker } from "@colyseus/core";
import { describe, expect, test } from "vitest";
import { CREATION_MESSAGES, RoomCreation } from "../../server/http/creationLimits.ts";
import { ATTACKER, rawRequest } from "./abuseTools.ts";
import { testServerPerFile, waitFor } from "./startTestServer.ts";

const LIMITS = { maxRooms: 6, maxClasses: 2, roomsPerAddress: 3, classesPerAddress: 1, createsPerMinute: 12, createGapMs: 1 };
const ts = testServerPerFile({ creation: LIMITS });
const port = () => Number(new URL(ts.baseUrl).port);
/** A create over HTTP; a room made is kept open (nobody joins it, and on a loaded machine the test outlasts its 15 s). */
const create = async (roomName: string, from: string) => {
  const a = await rawRequest({ port: port(), method: "POST", path: `/matchmake/create/${roomName}`, from, headers: { "content-type": "application/json" }, body: [JSON.stringify(roomName === "classroom" ? { mode: "classroom" } : {})] });
  if (a.status === 200) {
    const room = matchMaker.getLocalRoomById(JSON.parse(a.body).roomId as string);
    if (room) room.autoDispose = false;
  }
  return a;
};
const errorOf = (a: { body: string }) => JSON.parse(a.body).error as string;
const roomIdOf = (a: { body: string }) => JSON.parse(a.body).roomId as string;

describe("creations per minute (pinned clock)", () => {
  test("an address creates its per-minute number in a burst, then one as each comes back; refusals spend nothing", () => {
    const clock = { t: 0 };
    const creation = new RoomCreation({ createsPerMinute: 3, roomsPerAddress: 10 }, () => clock.t);
    const admit = () => creation.admit("10.0.0.9", "tissue");
    for (let k = 0; k < 3; k++) expect(admit().ok).toBe(true);
    const refused = admit();
    expect(refused).toMatchObject({ ok: false, status: 429, reason: CREATION_MESSAGES.tooFast, retryAfterSeconds: 20 });
    clock.t += 20_000; // one comes back every 20 s
    expect(admit().ok).toBe(true);
    expect(admit().ok).toBe(false);
    expect(creation.admit("10.0.0.8", "tissue").ok).toBe(true); // another address has its own
    expect(creation.count()).toEqual({ rooms: 5, classes: 0 });
    expect(creation.count("10.0.0.9")).toEqual({ rooms: 4, classes: 0 });
  });
});

describe("creation limits", () => {
  test("per address and in all, each refusal in a sentence; a closed room gives its place back", async () => {
    // One address: 3 solo rooms and 1 class, no more.
    const rooms = await Promise.all(Array.from({ length: 5 }, () => create("tissue", ATTACKER)));
    expect(rooms.map((a) => a.status).sort()).toEqual([200, 200, 200, 429, 429]);
    for (const a of rooms.filter((x) => x.status === 429)) expect(errorOf(a)).toBe(CREATION_MESSAGES.addressRooms(3));
    expect(errorOf(rooms.find((a) => a.status === 429)!)).toMatch(/^This server is full for your network: 3 games are already open/);
    const classes = await Promise.all([create("classroom", ATTACKER), create("classroom", ATTACKER)]);
    expect(classes.map((a) => a.status).sort()).toEqual([200, 429]);
    expect(errorOf(classes.find((a) => a.status === 429)!)).toBe(CREATION_MESSAGES.addressClasses(1));

    // Another address: one class (2 in all), then the server's 6 rooms are full.
    expect((await create("classroom", "127.0.0.1")).status).toBe(200);
    expect((await create("tissue", "127.0.0.1")).status).toBe(200);
    const full = await create("tissue", "127.0.0.1");
    expect(full.status).toBe(503);
    expect(errorOf(full)).toBe(CREATION_MESSAGES.full(6));
    await expect(ts.colyseus.sdk.create("tissue", {})).rejects.toThrow(CREATION_MESSAGES.full(6));

    // A room that closes gives its place back.
    const made = rooms.filter((a) => a.status === 200).map(roomIdOf);
    await matchMaker.getLocalRoomById(made[0])!.disconnect();
    await waitFor("the room closed", () => matchMaker.getLocalRoomById(made[0]) === undefined);
    expect((await create("tissue", "127.0.0.1")).status).toBe(200);
  }, 120_000); // creations take turns, each followed by a pause of six times its duration (long on a loaded machine)
});
