// The wire contract's field names, collected for the glossary check (wireWords.test.ts, modelDocument.test.ts):
// the schema classes' fields (from their runtime metadata) and the CellStatus bits in shared/net/TissueState.ts,
// and every property named in an exported interface or type of shared/net/*.ts (read from the source text,
// since the payload types leave no trace at run time). Each name maps to the places it occurs.

import { readdirSync, readFileSync } from "node:fs";
import * as state from "../../shared/net/TissueState.ts";

const NET = new URL("../../shared/net/", import.meta.url);
/** Declarations in shared/net that never go on the wire: the door's verdicts (ok, value, error). */
const NOT_ON_THE_WIRE = new Set(["Checked", "CommandCheck"]);

/** Field names of one schema class, in declaration order. */
export function schemaFields(cls: unknown): string[] {
  const md = (cls as Record<symbol, Record<string, { name?: string }> | undefined>)[Symbol.metadata];
  return md ? Object.values(md).map((f) => f.name).filter((n): n is string => typeof n === "string") : [];
}

/** Drops comments and the contents of string and template literals, keeping the code's shape. */
function stripped(src: string): string {
  return src
    .replace(/\/\*[\s\S]*?\*\//g, " ")
    .replace(/\/\/[^\n]*/g, " ")
    .replace(/`(?:\\.|[^`\\])*`|"(?:\\.|[^"\\\n])*"|'(?:\\.|[^'\\\n])*'/g, '""');
}

/** The text of each exported interface or type declaration. */
function declarations(code: string): { name: string; body: string }[] {
  const out: { name: string; body: string }[] = [];
  for (const m of code.matchAll(/export\s+(interface|type)\s+(\w+)[^={]*([={])/g)) {
    const start = (m.index ?? 0) + m[0].length - 1;
    let depth = 0, i = start;
    for (; i < code.length; i++) {
      const ch = code[i];
      if (ch === "{" || ch === "(" || ch === "[" || ch === "<") depth++;
      else if (ch === "}" || ch === ")" || ch === "]" || (ch === ">" && code[i - 1] !== "=")) depth--;
      if (m[1] === "interface" && depth === 0 && ch === "}") break;
      if (m[1] === "type" && depth <= 0 && (ch === ";" || (ch === "\n" && /^\n\s*(export|const|function|import|\/\/)/.test(code.slice(i, i + 40))))) break;
    }
    out.push({ name: m[2], body: code.slice(start, i + 1) });
  }
  return out;
}

/** Property names inside a declaration's object types. */
function properties(body: string): string[] {
  return [...body.matchAll(/[{;,]\s*(?:readonly\s+)?(\w+)\??\s*:/g)].map((m) => m[1]);
}

/** Every wire field name, with where it is declared ("TissueState.ts SeatState", "messages.ts InspectResult"). */
export function wireFields(): Map<string, string[]> {
  const out = new Map<string, string[]>();
  const add = (name: string, where: string) => out.set(name, [...(out.get(name) ?? []), where]);
  for (const [name, value] of Object.entries(state)) for (const f of schemaFields(value)) add(f, `TissueState.ts ${name}`);
  for (const bit of Object.keys(state.CellStatus)) add(bit, "TissueState.ts CellStatus");
  for (const file of readdirSync(NET).filter((f) => f.endsWith(".ts")).sort()) {
    const code = stripped(readFileSync(new URL(file, NET), "utf8"));
    for (const d of declarations(code)) if (!NOT_ON_THE_WIRE.has(d.name)) for (const p of properties(d.body)) add(p, `${file} ${d.name}`);
  }
  return out;
}
