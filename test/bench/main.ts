// `npm run bench`: every benchmark of the project, printed as "name: value" lines with ratios against a baseline
// measured in the same run. Runs only on this machine (no network); each part is bounded in ticks.

import { benchModel } from "./modelBench.ts";

const log = (line: string) => console.log(line);
benchModel(log);
