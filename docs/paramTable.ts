// Prints the model document's parameter table (markdown) from PARAM_SPECS: one table per group, in params.ts order.
// `./node_modules/.bin/node docs/paramTable.ts` prints it; `--write` puts it between the params markers in docs/model.md.
// test/unit/modelDocument.test.ts checks that the document holds exactly this output, so the two cannot drift apart.

import { readFileSync, writeFileSync } from "node:fs";
import { PARAM_NAMES, PARAM_SPECS, type ParamGroup, type ParamSpec } from "../shared/sim/params.ts";

export const PARAMS_START = "<!-- params:start -->";
export const PARAMS_END = "<!-- params:end -->";

const GROUP_TITLES: Record<ParamGroup, string> = {
  time: "Time",
  field: "The IL-2 field",
  receptors: "Receptors",
  signalling: "Signalling",
  activation: "Activation and secretion",
  division: "Division",
  death: "Death",
  killing: "Killing",
  movement: "Movement",
  threat: "Threats",
  therapy: "Therapies",
  toxicity: "Toxicity",
  population: "Populations",
};

/** Markdown table cells may not hold a bare pipe or a line break. */
const cell = (text: string): string => text.replace(/\|/g, "\\|").replace(/\s*\n\s*/g, " ");

function range(spec: ParamSpec): string {
  return `${spec.min} – ${spec.max}${spec.integer ? " (whole)" : ""}`;
}

/** The table as markdown, ending with a newline. */
export function paramTable(): string {
  const groups = new Map<ParamGroup, string[]>();
  for (const name of PARAM_NAMES) {
    const spec: ParamSpec = PARAM_SPECS[name];
    const rows = groups.get(spec.group) ?? [];
    rows.push(
      `| \`${name}\` | ${spec.default} | ${range(spec)} | ${cell(spec.units || "–")} | ${cell(spec.description)} | ${cell(spec.source)} |`,
    );
    groups.set(spec.group, rows);
  }
  const out: string[] = [];
  for (const [group, rows] of groups) {
    out.push(`#### ${GROUP_TITLES[group]}`, "", "| name | default | range | units | what it is | source |", "|---|---|---|---|---|---|", ...rows, "");
  }
  return out.join("\n");
}

/** The text between the markers of a document, or null when the markers are missing. */
export function tableInDocument(doc: string): string | null {
  const a = doc.indexOf(PARAMS_START), b = doc.indexOf(PARAMS_END);
  if (a < 0 || b < a) return null;
  return doc.slice(a + PARAMS_START.length, b).replace(/^\n/, "");
}

/** The document with the current table between its markers. */
export function withTable(doc: string): string {
  const a = doc.indexOf(PARAMS_START), b = doc.indexOf(PARAMS_END);
  if (a < 0 || b < a) throw new Error(`the document has no ${PARAMS_START} … ${PARAMS_END} markers`);
  return doc.slice(0, a + PARAMS_START.length) + "\n" + paramTable() + doc.slice(b);
}

if (import.meta.main) {
  if (process.argv.includes("--write")) {
    const file = new URL("./model.md", import.meta.url);
    writeFileSync(file, withTable(readFileSync(file, "utf8")));
    process.stdout.write("docs/model.md: parameter table rewritten from PARAM_SPECS\n");
  } else process.stdout.write(paramTable());
}
