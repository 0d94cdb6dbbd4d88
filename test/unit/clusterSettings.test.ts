// The pure parts of running several processes: what start:cluster and a process read from the environment (and the
// sentences when something is missing), the address a trusted proxy forwards, and which process a WebSocket path names.

import { describe, expect, test } from "vitest";
import { CLUSTER_MESSAGES, clusterSettingsFromEnv, processSqlitePath } from "../../server/cluster/clusterSettings.ts";
import { scaleOutChoiceFromEnv } from "../../server/cluster/scaleOut.ts";
import { forwardedAddress, trustedProxiesFromEnv } from "../../server/cluster/trustedProxy.ts";
import { processIdOf, ProcessTable } from "../../server/cluster/front.ts";

const BOTH = { REDIS_URL: "redis://127.0.0.1:6379", DATABASE_URL: "postgres://u@127.0.0.1/db" };

describe("start:cluster's settings", () => {
  test("REDIS_URL and DATABASE_URL are required, each with a sentence saying what to set", () => {
    expect(() => clusterSettingsFromEnv({ DATABASE_URL: BOTH.DATABASE_URL }, 2, "/d/results.sqlite")).toThrow(CLUSTER_MESSAGES.redis);
    expect(() => clusterSettingsFromEnv({ REDIS_URL: BOTH.REDIS_URL }, 2, "/d/results.sqlite")).toThrow(CLUSTER_MESSAGES.database);
  });

  test("one process per core on the ports after PORT by default; each its own checkpoint file, on loopback, trusting the front", () => {
    const s = clusterSettingsFromEnv({ ...BOTH, PORT: "3000" }, 4, "/d/results.sqlite");
    expect({ processes: s.processes, port: s.port, firstPort: s.firstPort, host: s.host }).toEqual({ processes: 4, port: 3000, firstPort: 3001, host: "127.0.0.1" });
    expect(s.processEnv(1)).toEqual({ PORT: "3002", HOST: "127.0.0.1", CLUSTER_FRONT: "1", TRUST_PROXY: "127.0.0.1", RESULTS_DB: "/d/results-process-2.sqlite" });
    expect(clusterSettingsFromEnv({ ...BOTH, CLUSTER_PROCESSES: "2", CLUSTER_FIRST_PORT: "4000" }, 8, "/d/r.sqlite").firstPort).toBe(4000);
    expect(processSqlitePath("/x/class", 0)).toBe("/x/class-process-1.sqlite");
  });

  test("unusable numbers are refused", () => {
    expect(() => clusterSettingsFromEnv({ ...BOTH, CLUSTER_PROCESSES: "0" }, 2, "/d/r.sqlite")).toThrow(/CLUSTER_PROCESSES/);
    expect(() => clusterSettingsFromEnv({ ...BOTH, PORT: "0" }, 2, "/d/r.sqlite")).toThrow(/CLUSTER_FIRST_PORT/);
    expect(() => clusterSettingsFromEnv({ ...BOTH, PORT: "3001", CLUSTER_FIRST_PORT: "3000", CLUSTER_PROCESSES: "2" }, 2, "/d/r.sqlite")).toThrow(/among the processes' ports/);
  });
});

describe("a process's address for devices (REDIS_URL)", () => {
  test("none without REDIS_URL; PUBLIC_ADDRESS wins; none behind the front; else HOST:PORT when that is one address", () => {
    expect(scaleOutChoiceFromEnv({}, "127.0.0.1", 2567)).toBeNull();
    expect(scaleOutChoiceFromEnv({ REDIS_URL: "redis://r:6379", PUBLIC_ADDRESS: "games.school.example/m1/" }, "0.0.0.0", 2567)?.publicAddress).toBe("games.school.example/m1");
    expect(scaleOutChoiceFromEnv({ REDIS_URL: "redis://r:6379", CLUSTER_FRONT: "1" }, "127.0.0.1", 2568)?.publicAddress).toBeUndefined();
    expect(scaleOutChoiceFromEnv({ REDIS_URL: "redis://r:6379" }, "192.168.1.20", 2567)?.publicAddress).toBe("192.168.1.20:2567");
    expect(() => scaleOutChoiceFromEnv({ REDIS_URL: "redis://r:6379" }, "0.0.0.0", 2567)).toThrow(/PUBLIC_ADDRESS/);
    expect(() => scaleOutChoiceFromEnv({ REDIS_URL: "http://r:6379" }, "127.0.0.1", 2567)).toThrow(/redis:\/\//);
    expect(() => scaleOutChoiceFromEnv({ REDIS_URL: "redis://r", PUBLIC_ADDRESS: "wss://x" }, "127.0.0.1", 1)).toThrow(/without ws:\/\//);
  });
});

describe("behind a proxy", () => {
  test("the device is the last X-Forwarded-For entry (the one the trusted proxy wrote); junk gives none", () => {
    expect(forwardedAddress("6.6.6.6, 10.0.0.9")).toBe("10.0.0.9");
    expect(forwardedAddress(["1.1.1.1", "::ffff:10.0.0.3"])).toBe("10.0.0.3");
    expect(forwardedAddress("not-an-address")).toBeUndefined();
    expect(forwardedAddress(undefined)).toBeUndefined();
    expect(trustedProxiesFromEnv(" 127.0.0.1, ::ffff:10.0.0.2 ")).toEqual(["127.0.0.1", "10.0.0.2"]);
    expect(() => trustedProxiesFromEnv("proxy.local")).toThrow(/TRUST_PROXY/);
  });

  test("a WebSocket goes to the process its path names, after any PUBLIC_ADDRESS prefix; requests take turns", () => {
    expect(processIdOf("/aB3dE5fG7/K7Q2MN?sessionId=x")).toBe("aB3dE5fG7");
    expect(processIdOf("/m1/aB3dE5fG7/K7Q2MN?sessionId=x")).toBe("aB3dE5fG7");
    expect(processIdOf("/K7Q2MN")).toBeUndefined();
    const table = new ProcessTable();
    table.add("p1", 3001);
    table.add("p2", 3002);
    const picks = [table.anyPort(), table.anyPort(), table.anyPort()];
    expect(new Set(picks.slice(0, 2))).toEqual(new Set([3001, 3002])); // one each, in turn
    expect(picks[2]).toBe(picks[0]);
    expect(table.portOf("p2")).toBe(3002);
    table.remove(3002);
    // Gone or draining: no new requests, but its rooms' devices still reach its port (where it is started again).
    expect(table.portOf("p2")).toBe(3002);
    expect([table.anyPort(), table.anyPort()]).toEqual([3001, 3001]);
    expect(table.anyPort(new Set([3001]))).toBeUndefined();
    expect([table.hasOther(new Set([3001])), table.hasOther(new Set())]).toEqual([false, true]);
    table.add("p2-again", 3002);
    expect(new Set([table.anyPort(), table.anyPort()])).toEqual(new Set([3001, 3002]));
    expect(table.anyPort(new Set([3001]))).toBe(3002);
    expect(table.portOf("p2")).toBe(3002);
  });
});
