// How fast a round runs on the wall clock: the rooms' base ticks per second (speed 1 is one model tick per base tick),
// and from it how long a simulated day takes. One home for the server's clock and the client's time estimates.
// Used by server/rooms/roundClock.ts, the setup screens, the kiosk clock and the benchmarks.

import { PARAM_SPECS } from "../sim/params.ts";

/** Base ticks per wall-clock second (the room's fixed-step timer); speed 1 is one model tick per base tick. */
export const BASE_TICKS_PER_SECOND = 20;

/** Wall-clock seconds one simulated day takes at speed 1, with the model's usual tick (tickSeconds, 60 s). */
export const WALL_SECONDS_PER_DAY = 86400 / PARAM_SPECS.tickSeconds.default / BASE_TICKS_PER_SECOND;
