// Several server processes as one game: with REDIS_URL set, this process shares Colyseus' presence and room
// listings with the others through Redis (@colyseus/redis-presence, @colyseus/redis-driver), and tells clients where
// to reach the rooms it holds (its publicAddress). Without REDIS_URL nothing here runs: the in-memory defaults stay.
// Read by server/main.ts before the server is made; the Redis packages are loaded only when asked for.

import type { Presence, MatchMakerDriver } from "@colyseus/core";
import type { Redis } from "ioredis";

export interface ScaleOutChoice {
  redisUrl: string;
  /** Where devices reach this process (host[:port][/path]); undefined behind start:cluster's front. */
  publicAddress: string | undefined;
}

export interface ScaleOut {
  presence: Presence;
  driver: MatchMakerDriver;
  publicAddress: string | undefined;
  /** A connection of our own for what Colyseus' presence cannot do atomically (join code claims, shared tries). */
  redis: Redis;
  /** The Redis URL without its password, for the start-up line. */
  shown: string;
  close(): Promise<void>;
}

const WILDCARD_HOSTS = new Set(["0.0.0.0", "::", ""]);

/**
 * The scale-out settings from the environment, null without REDIS_URL. PUBLIC_ADDRESS wins; behind the cluster
 * front (CLUSTER_FRONT=1, set by start:cluster) there is none, as the front routes each room's connection by its
 * process id; otherwise it is derived from HOST and PORT when those name one reachable address. Throws a sentence a
 * person can act on when it cannot be derived.
 */
export function scaleOutChoiceFromEnv(env: NodeJS.ProcessEnv, host: string, port: number): ScaleOutChoice | null {
  const redisUrl = env.REDIS_URL?.trim();
  if (!redisUrl) return null;
  if (!/^rediss?:\/\//.test(redisUrl)) throw new Error("REDIS_URL must start with redis:// or rediss:// (leave it unset for one process on its own)");
  const given = env.PUBLIC_ADDRESS?.trim();
  if (given) {
    if (/^[a-z]+:\/\//i.test(given)) throw new Error(`PUBLIC_ADDRESS is a host with an optional port and path, without ws:// or http:// (e.g. "games.school.example/p1"), not "${given}"`);
    return { redisUrl, publicAddress: given.replace(/\/+$/, "") };
  }
  if (env.CLUSTER_FRONT === "1") return { redisUrl, publicAddress: undefined };
  if (WILDCARD_HOSTS.has(host) || port === 0) {
    throw new Error("With REDIS_URL, each process needs the address devices use to reach it: set PUBLIC_ADDRESS (e.g. \"192.168.1.20:2567\"), or HOST and PORT to one address and port, or use `npm run start:cluster`.");
  }
  const shownHost = host.includes(":") ? `[${host}]` : host;
  return { redisUrl, publicAddress: `${shownHost}:${port}` };
}

/** The URL without its password. */
export function describeRedis(url: string): string {
  try {
    const u = new URL(url);
    return `Redis at ${u.hostname}${u.port ? `:${u.port}` : ""}`;
  } catch {
    return "Redis (REDIS_URL)";
  }
}

/** Connects to Redis (presence, driver and our own connection); rejects when Redis does not answer a PING in time. */
export async function openScaleOut(choice: ScaleOutChoice, timeoutMs = 5000): Promise<ScaleOut> {
  const [{ RedisPresence }, { RedisDriver }, { Redis: RedisClient }] = await Promise.all([
    import("@colyseus/redis-presence"),
    import("@colyseus/redis-driver"),
    import("ioredis"),
  ]);
  const redis = new RedisClient(choice.redisUrl, { lazyConnect: true, maxRetriesPerRequest: 2, connectTimeout: timeoutMs });
  let lastSaid = -Infinity;
  let firstError: Error | undefined;
  redis.on("error", (err: Error) => {
    // Said at most once a minute while Redis is away (ioredis keeps reconnecting); the first failure is thrown below.
    if (lastSaid === -Infinity) {
      firstError = err;
      return void (lastSaid = 0);
    }
    if (performance.now() - lastSaid < 60_000) return;
    lastSaid = performance.now();
    console.error(`${describeRedis(choice.redisUrl)}: ${err.message}`);
  });
  try {
    await redis.connect();
    await redis.ping();
  } catch (err) {
    redis.disconnect();
    throw new Error(`${describeRedis(choice.redisUrl)} (REDIS_URL) did not answer: ${(firstError ?? (err as Error)).message}. Start Redis (on Debian: apt-get install redis-server), or unset REDIS_URL to run one process on its own.`);
  }
  const presence = new RedisPresence(choice.redisUrl);
  const driver = new RedisDriver(choice.redisUrl);
  return {
    presence,
    driver,
    publicAddress: choice.publicAddress,
    redis,
    shown: describeRedis(choice.redisUrl),
    async close() {
      redis.disconnect();
    },
  };
}

/** The scale-out this process's environment asks for, connected; null without REDIS_URL. Throws a sentence to print. */
export async function openScaleOutFromEnv(env: NodeJS.ProcessEnv, host: string, port: number): Promise<ScaleOut | null> {
  const choice = scaleOutChoiceFromEnv(env, host, port);
  return choice ? openScaleOut(choice) : null;
}
