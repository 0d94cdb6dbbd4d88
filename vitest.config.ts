// Test suites as Vitest projects: unit (the model, fast), validation (multi-seed model runs, slow), server
// (rooms booted on 127.0.0.1) and e2e (the real server and headless Chromium, needs /usr/bin/chromium). `npm test` runs them all; `vitest run --project unit` runs one.
// Sized for a 2-core machine: two workers at most, so a slow validation file never starves the others for long.

import { availableParallelism } from "node:os";
import { defineConfig } from "vitest/config";
import { LongFirstSequencer } from "./test/longFirstSequencer.ts";

const MINUTE_MS = 60_000;

export default defineConfig({
  test: {
    maxWorkers: Math.max(1, Math.min(2, availableParallelism())),
    // The longest validation files first on a machine without Vitest's timing cache (a fresh CI clone).
    sequence: { sequencer: LongFirstSequencer },
    projects: [
      {
        extends: true,
        test: {
          name: "unit",
          include: ["test/unit/**/*.test.ts"],
          // Pure CPU work without process-wide singletons: threads start faster than forks.
          pool: "threads",
          // The timeout catches hangs, not slowness: on 2 cores beside a validation run, a model test can take 3x longer.
          testTimeout: 60_000,
        },
      },
      {
        extends: true,
        test: {
          name: "validation",
          include: ["test/validation/**/*.test.ts"],
          pool: "threads",
          // Node's own import (it strips the types, as `npm start` runs the server), not Vite's module runner: the model's
          // hot loops call across modules, and through the runner's rewritten imports a high-dose melanoma patient took
          // 16.6 CPU-s where Node takes 7.2 (issue 11; the suite 2,074 CPU-s before).
          experimental: { viteModuleRunner: false },
          // Each test may run a scenario over many seeds and simulated days.
          testTimeout: 20 * MINUTE_MS,
          hookTimeout: 5 * MINUTE_MS,
        },
      },
      {
        extends: true,
        test: {
          name: "server",
          include: ["test/server/**/*.test.ts"],
          // Colyseus keeps its matchmaker in module state and listens on sockets: one process per file.
          pool: "forks",
          testTimeout: 30_000,
          hookTimeout: 30_000,
        },
      },
      {
        extends: true,
        test: {
          name: "e2e",
          include: ["test/e2e/**/*.test.ts"],
          // Each file spawns a server process and a browser: one file at a time, or software WebGL starves.
          pool: "forks",
          fileParallelism: false,
          // Bounded but generous: WebGL in software draws a few frames per second on 2 cores.
          testTimeout: 3 * MINUTE_MS,
          hookTimeout: 3 * MINUTE_MS,
        },
      },
    ],
  },
});
