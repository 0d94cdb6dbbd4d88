// Test file order for `vitest run`: Vitest's own (by project, then the longest last time first, from its cache) with
// one addition for a machine without that cache, such as a fresh CI clone, where Vitest falls back to the largest file
// first: the validation files known to run longest go first, so that the two workers finish close together instead of
// one of them starting a long file when the other is nearly done (the bots' files are short text but
// minutes of work). The order is all this list decides; a stale list costs time, never a result.

import { BaseSequencer, type TestSpecification } from "vitest/node";

/** Validation files, longest first (seconds each took in a run of the validation project alone, 2 workers at load ~3, 2026-12-07). */
export const LONGEST_FIRST = [
  "runnerClock.test.ts", // 264
  "responseRates.test.ts", // 163
  "viralBots.test.ts", // 121
  "responseUntreated.test.ts", // 105
  "contraction.test.ts", // 104
  "weakStrong.test.ts", // 94
  "highDose.test.ts", // 88
  "quorum.test.ts", // 85
  "tregDepletion.test.ts", // 73
  "tregSink.test.ts", // 69
  "tumourBots.test.ts", // 58
];

function rank(spec: TestSpecification): number {
  const k = LONGEST_FIRST.findIndex((name) => spec.moduleId.endsWith(`/test/validation/${name}`));
  return k < 0 ? LONGEST_FIRST.length : k;
}

export class LongFirstSequencer extends BaseSequencer {
  override async sort(files: TestSpecification[]): Promise<TestSpecification[]> {
    const sorted = await super.sort(files);
    // Vitest keeps each project's files together; a project none of whose files has a cached time gets the list's order
    const blocks: TestSpecification[][] = [];
    for (const spec of sorted) {
      const last = blocks.at(-1);
      if (last && last[0].project.name === spec.project.name) last.push(spec);
      else blocks.push([spec]);
    }
    const timed = (spec: TestSpecification) => Boolean(this.ctx.cache.getTestSpecificationResult(spec));
    return blocks.flatMap((block) => (block.some(timed) ? block : [...block].sort((a, b) => rank(a) - rank(b))));
  }
}
