// The test-file order on a machine without Vitest's timing cache (test/longFirstSequencer.ts): the validation files
// known to run longest go first, other projects keep Vitest's order, and a project with cached times keeps Vitest's.

import { describe, expect, test } from "vitest";
import type { TestSpecification } from "vitest/node";
import { LongFirstSequencer } from "../longFirstSequencer.ts";

const root = new URL("../..", import.meta.url).pathname.replace(/\/$/, "");
const project = (name: string) => ({ name, config: { sequence: { groupOrder: 0 }, isolate: true } });
const projects = { unit: project("unit"), validation: project("validation") };
const spec = (p: keyof typeof projects, file: string) => ({ moduleId: `${root}/test/${p}/${file}`, project: projects[p] }) as unknown as TestSpecification;
const names = (specs: TestSpecification[]) => specs.map((s) => s.moduleId.slice(root.length + "/test/".length));

function sequencer(timed: (s: TestSpecification) => boolean) {
  const ctx = { cache: { getTestSpecificationResult: (s: TestSpecification) => (timed(s) ? { duration: 1, failed: false } : undefined) }, config: {} };
  return new LongFirstSequencer(ctx as never);
}

describe("longest validation files first", () => {
  const files = [
    spec("validation", "quorum.test.ts"), spec("validation", "responseRates.test.ts"), spec("unit", "fieldSolver.test.ts"),
    spec("validation", "highDose.test.ts"), spec("validation", "runnerClock.test.ts"),
  ];

  test("without cached times the listed files lead their project, in the list's order, and the others follow", async () => {
    const sorted = names(await sequencer(() => false).sort(files));
    expect(sorted).toEqual(["unit/fieldSolver.test.ts", "validation/runnerClock.test.ts", "validation/responseRates.test.ts", "validation/highDose.test.ts", "validation/quorum.test.ts"]);
  });

  test("with cached times Vitest's own order stands", async () => {
    const timed = sequencer(() => true), base = names(await timed.sort(files));
    expect(base.indexOf("validation/quorum.test.ts")).toBeLessThan(base.indexOf("validation/responseRates.test.ts"));
  });
});
