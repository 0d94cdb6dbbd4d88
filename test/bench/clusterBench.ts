// Cluster benchmark (`npm run bench -- --only cluster`): how many classes of 30 SDK students one server process
// holds. Classes are added one at a time, each student commanding its squads at a person's rate (every 5 s); after
// each addition the students play a few seconds (the new round's start), then for a window (15 s) in which the
// server's room ticks and each student's received bytes are measured. It stops at the first class count whose tick p99 exceeds 15 ms or where a student
// receives more than 20 KB/s (or at the most classes asked for, or the time limit), and prints
// `classes held on one process: <K>` (the last count within both limits), `cluster join ms p99: <N>` (a student's
// code check to its first state) and the server's memory per class. Everything on 127.0.0.1.
// The benchmark runs an arm (ClusterArm: the processes and which of them each device asks): one process, then two
// processes sharing a throwaway Redis (redis-server on 127.0.0.1, as the cluster tests start it), each class opened on
// one of them in turn and its students asking either (half of them reach their class through the other process), and
// prints `classes held on two processes: <K>`. Each process keeps no results here (none are needed to measure).
// The students' SDK clients run in this process, on the same cores as the server: on a small machine they take
// a share of the CPU the server would have (the figures are then a floor). Called by test/bench/main.ts.

import { installCountingWebSocket, percentile, quietUnhandledMessageWarnings, sleep, startBenchServer, type BenchServer } from "./benchServer.ts";
import { freePort, startRedisServer } from "../server/redisServer.ts";
import { openBenchClass, type BenchClass } from "./benchClass.ts";

export interface ClusterBenchOptions {
  students: number;
  /** Seconds between two commands of one student. */
  commandEverySeconds: number;
  /** Seconds of play measured after each class is added. */
  windowSeconds: number;
  /** The most classes tried. */
  maxClasses: number;
  /** Limits a class count must stay within to be "held". */
  tickP99LimitMs: number;
  kbPerSecondLimit: number;
  /** The whole arm stops after this many minutes, whatever it reached. */
  minutes: number;
}

export const DEFAULT_CLUSTER_BENCH: ClusterBenchOptions = {
  students: 30, commandEverySeconds: 5, windowSeconds: 15, maxClasses: 16, tickP99LimitMs: 15, kbPerSecondLimit: 20, minutes: 10,
};

/** Seconds of play after a class is added before the window opens: its round's start (world, model thread) is a one-off. */
const SETTLE_SECONDS = 4;
/** Rounds last longer than the benchmark (the class never reaches its debrief while measured). */
const ROUND_DAYS = 8;

/** The running processes of one arm. */
export interface ArmServers {
  /** Where class c's teacher opens it (ws://…). */
  teacherUrl(c: number): string;
  /** Where student k of class c checks the code and joins (ws://…): with several processes, any of them. */
  studentUrl(c: number, k: number): string;
  /** Each process's room tick durations so far (ms) and its resident memory (bytes). */
  samples(): Promise<{ tickMs: number[]; rssBytes: number }[]>;
  stop(): Promise<void>;
}

/** One arm: a label for the printed lines ("one process") and how to start its processes. */
export interface ClusterArm {
  label: string;
  start(): Promise<ArmServers>;
}

/** A school's whole district behind one address (the loopback): the per-address limits are lifted for the benchmark. */
export const LIFTED_LIMITS = {
  limits: { connectionsPerAddress: 100_000, reservationsPerMinute: 100_000 },
  creation: { maxRooms: 1000, maxClasses: 1000, roomsPerAddress: 1000, classesPerAddress: 1000, createsPerMinute: 100_000 },
};

/** One process: the real server, timed (benchServer.ts). */
export const ONE_PROCESS: ClusterArm = {
  label: "one process",
  async start() {
    const server = await startBenchServer(LIFTED_LIMITS);
    return {
      teacherUrl: () => server.url,
      studentUrl: () => server.url,
      samples: async () => [await server.samples()],
      stop: async () => server.stop(),
    };
  },
};

/** Two processes sharing a throwaway Redis: class c opened on process c mod 2, its student k asking process (c + k) mod 2. */
export const TWO_PROCESSES: ClusterArm = {
  label: "two processes",
  async start() {
    const redis = await startRedisServer();
    const servers: BenchServer[] = [];
    const stop = async () => {
      for (const s of servers) s.stop();
      await sleep(1000); // the processes leave Redis before it stops
      await redis.stop();
    };
    try {
      for (let i = 0; i < 2; i++) servers.push(await startBenchServer(LIFTED_LIMITS, { redisUrl: redis.url, port: await freePort() }));
    } catch (err) {
      await stop();
      throw err;
    }
    return {
      teacherUrl: (c) => servers[c % 2].url,
      studentUrl: (c, k) => servers[(c + k) % 2].url,
      samples: () => Promise.all(servers.map((s) => s.samples())),
      stop,
    };
  },
};

export interface ClusterArmResult { held: number; joinMsP99: number; memoryPerClassMb: number }

/** Runs one arm; prints a line per class count and the arm's figures. */
export async function benchClusterArm(log: (line: string) => void, arm: ClusterArm, options: ClusterBenchOptions = DEFAULT_CLUSTER_BENCH): Promise<ClusterArmResult> {
  const counters = installCountingWebSocket();
  const restoreWarn = quietUnhandledMessageWarnings();
  const sdk = await import("@colyseus/sdk");
  const servers = await arm.start();
  const classes: BenchClass[] = [];
  const deadline = performance.now() + options.minutes * 60_000;
  const rssOf = (s: { rssBytes: number }[]) => s.reduce((a, p) => a + p.rssBytes, 0);
  let held = 0;
  let memoryPerClassMb = NaN;
  try {
    await sleep(1000);
    const baseRss = rssOf(await servers.samples());
    for (let k = 1; k <= options.maxClasses; k++) {
      if (performance.now() > deadline) {
        log(`cluster bench (${arm.label}): stopped at the ${options.minutes}-minute limit`);
        break;
      }
      const c = k - 1;
      classes.push(await openBenchClass(sdk, counters, {
        teacherUrl: servers.teacherUrl(c), studentUrl: (s) => servers.studentUrl(c, s), students: options.students, days: ROUND_DAYS,
        everyMs: options.commandEverySeconds * 1000, seed: k,
      }));
      const play = async (ms: number) => {
        let sent = 0;
        for (const t0 = performance.now(); performance.now() - t0 < ms;) {
          const now = performance.now();
          for (const cl of classes) sent += cl.command(now);
          await sleep(100);
        }
        return sent;
      };
      await play(SETTLE_SECONDS * 1000);
      const before = (await servers.samples()).map((p) => p.tickMs.length);
      const bytesBefore = classes.flatMap((cl) => cl.received().map((r) => r.bytes));
      const t0 = performance.now();
      const commands = await play(options.windowSeconds * 1000);
      const seconds = (performance.now() - t0) / 1000;
      const after = await servers.samples();
      // The worst process's p99 (a process holding no class yet has no ticks: it does not count).
      const p99s = after.map((p, i) => p.tickMs.slice(before[i])).filter((ticks) => ticks.length > 0).map((ticks) => percentile(ticks, 99));
      const tickP99 = p99s.length ? Math.max(...p99s) : NaN;
      const kb = classes.flatMap((cl) => cl.received().map((r) => r.bytes)).map((b, i) => (b - bytesBefore[i]) / seconds / 1000);
      const kbMax = Math.max(...kb);
      const rssMb = rssOf(after) / 1e6;
      log(`cluster bench (${arm.label}): ${k} class(es) of ${options.students}, ${commands} commands in ${seconds.toFixed(0)} s: tick ms p99 ${tickP99.toFixed(2)}, KB/s per student max ${kbMax.toFixed(1)}, server memory ${rssMb.toFixed(0)} MB`);
      memoryPerClassMb = (rssOf(after) - baseRss) / k / 1e6; // measured at the last count tried
      if (!(tickP99 <= options.tickP99LimitMs) || !(kbMax <= options.kbPerSecondLimit)) break;
      held = k;
    }
  } finally {
    await Promise.all(classes.map((cl) => cl.leave()));
    restoreWarn();
    await servers.stop();
  }
  const joinMsP99 = percentile(classes.flatMap((cl) => cl.joinMs), 99);
  return { held, joinMsP99, memoryPerClassMb };
}

/** `--only cluster`: the one-process arm, then the two-process arm on Redis. */
export async function benchCluster(log: (line: string) => void, options: ClusterBenchOptions = DEFAULT_CLUSTER_BENCH): Promise<void> {
  const mb = (x: number) => (Number.isFinite(x) ? x.toFixed(1) : "n/a");
  const one = await benchClusterArm(log, ONE_PROCESS, options);
  log(`classes held on one process: ${one.held}`);
  log(`join ms p99 (one process): ${one.joinMsP99.toFixed(0)}`);
  log(`server memory per class MB (one process): ${mb(one.memoryPerClassMb)}`);
  const two = await benchClusterArm(log, TWO_PROCESSES, options);
  log(`classes held on two processes: ${two.held}`);
  log(`cluster join ms p99: ${two.joinMsP99.toFixed(0)}`);
  log(`server memory per class MB (two processes): ${mb(two.memoryPerClassMb)}`);
}
