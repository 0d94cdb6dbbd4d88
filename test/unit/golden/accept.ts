// `npm run golden:accept`: plays the golden run and rewrites test/unit/golden/viral.json with what it produced.
// Run it only when a change to the model's behaviour is meant, and commit the file with the change that caused it.

import { playGolden, writeGolden, GOLDEN_FILE } from "./goldenRun.ts";

const record = playGolden();
writeGolden(record);
const summary = `${record.rows.length} rows, final hash ${record.finalHash}, ${record.outcome}`;
process.stdout.write(`${GOLDEN_FILE.pathname}: ${summary}\n`);
