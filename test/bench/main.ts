// `npm run bench`: every benchmark of the project, printed as "name: value" lines with ratios against a baseline
// measured in the same run (the room ticks' against the same work paced the same way: pacedBaseline.ts). Runs only on this machine (no network); each part is bounded in ticks or time.
// Options: --room-speed <1|2|4|8> (default 1, real play: a full viral round takes ~10 minutes; 8 takes ~75 s),
// --room-days <d> (a shorter round), --room-clients <n> (default 4), --room-seed <n> (default 1); classroom: --classroom-speed
// <1|2|4|8> (default 1), --classroom-days <d|full> (default 1 day, ~72 s; full: 8 days, ~10 min), --classroom-students <n>
// (default 30); --only model|room|classroom|client (client: the tissue's frame rate in Chromium, clientBench.ts).
// --only cluster (run only when asked: minutes long): how many classes of 30 one process holds, then two processes on
// a throwaway Redis (clusterBench.ts; needs redis-server), with
// --cluster-max-classes <n> (default 16), --cluster-window-seconds <s> (default 15), --cluster-minutes <m> (default 10).

import { benchModel } from "./modelBench.ts";
import { benchLateRound } from "./lateRoundBench.ts";
import { benchRunner } from "./runnerBench.ts";
import { benchClassroom, DEFAULT_CLASSROOM_BENCH, type ClassroomBenchOptions } from "./classroomBench.ts";
import { logPacedBaseline } from "./pacedBaseline.ts";
import { benchRoom, DEFAULT_ROOM_BENCH, type RoomBenchOptions } from "./roomBench.ts";
import { benchClient } from "./clientBench.ts";
import { benchCluster, DEFAULT_CLUSTER_BENCH, type ClusterBenchOptions } from "./clusterBench.ts";

/** Seconds of the paced baseline after each room benchmark (test/bench/pacedBaseline.ts). */
const BASELINE_SECONDS = 40;

const log = (line: string) => console.log(line);

function readArgs(argv: string[]): { room: RoomBenchOptions; classroom: ClassroomBenchOptions; cluster: ClusterBenchOptions; only: string | null } {
  const room = { ...DEFAULT_ROOM_BENCH };
  const cluster: ClusterBenchOptions = { ...DEFAULT_CLUSTER_BENCH };
  const classroom: ClassroomBenchOptions = { ...DEFAULT_CLASSROOM_BENCH };
  let only: string | null = null;
  for (let i = 0; i < argv.length; i++) {
    const value = argv[i + 1];
    const number = Number(value);
    switch (argv[i]) {
      case "--room-speed":
        if (![1, 2, 4, 8].includes(number)) throw new Error("--room-speed must be 1, 2, 4 or 8");
        room.speed = number;
        break;
      case "--room-days":
        if (!(number >= 0.25 && number <= 60)) throw new Error("--room-days must be a number of days from 0.25");
        room.days = number;
        break;
      case "--room-clients":
        if (!(Number.isInteger(number) && number >= 1 && number <= 32)) throw new Error("--room-clients must be from 1 to 32");
        room.clients = number;
        break;
      case "--room-seed":
        if (!(Number.isInteger(number) && number >= 0 && number <= 0xffffffff)) throw new Error("--room-seed must be a whole number");
        room.seed = number;
        break;
      case "--classroom-speed":
        if (![1, 2, 4, 8].includes(number)) throw new Error("--classroom-speed must be 1, 2, 4 or 8");
        classroom.speed = number;
        break;
      case "--classroom-days":
        if (value === "full") classroom.days = undefined;
        else if (number >= 0.25 && number <= 8) classroom.days = number;
        else throw new Error("--classroom-days must be full or a number of days from 0.25 to 8");
        break;
      case "--classroom-students":
        if (!(Number.isInteger(number) && number >= 1 && number <= 40)) throw new Error("--classroom-students must be from 1 to 40");
        classroom.students = number;
        break;
      case "--cluster-max-classes":
        if (!(Number.isInteger(number) && number >= 1 && number <= 64)) throw new Error("--cluster-max-classes must be from 1 to 64");
        cluster.maxClasses = number;
        break;
      case "--cluster-window-seconds":
        if (!(number >= 3 && number <= 120)) throw new Error("--cluster-window-seconds must be from 3 to 120");
        cluster.windowSeconds = number;
        break;
      case "--cluster-minutes":
        if (!(number >= 0.5 && number <= 60)) throw new Error("--cluster-minutes must be from 0.5 to 60");
        cluster.minutes = number;
        break;
      case "--only":
        if (value !== "model" && value !== "room" && value !== "classroom" && value !== "client" && value !== "cluster") throw new Error("--only must be model, room, classroom, client or cluster");
        only = value;
        break;
      default:
        throw new Error(`unknown option ${argv[i]}; options: --room-speed, --room-days, --room-clients, --room-seed, --classroom-speed, --classroom-days, --classroom-students, --cluster-max-classes, --cluster-window-seconds, --cluster-minutes, --only`);
    }
    i++;
  }
  return { room, classroom, cluster, only };
}

const { room, classroom, cluster, only } = readArgs(process.argv.slice(2));
if (only === null || only === "model") {
  benchModel(log);
  benchLateRound(log);
  await benchRunner(log);
}
if (only === null || only === "room") {
  const r = await benchRoom(log, room);
  await logPacedBaseline(log, "room tick", r.tickMsP50, r.tickMsP99, BASELINE_SECONDS);
}
if (only === null || only === "classroom") {
  const r = await benchClassroom(log, classroom);
  await logPacedBaseline(log, "classroom tick", r.tickMsP50, r.tickMsP99, BASELINE_SECONDS);
}
if (only === null || only === "client") {
  await benchClient(log);
}
if (only === "cluster") {
  await benchCluster(log, cluster);
}
