// The wire speaks the glossary: every field name of the wire contract (the schema state in shared/net/TissueState.ts
// and the message payloads declared in shared/net) is a word of docs/model.md's glossary (section 5), or a glossary
// word with the documented `Text` suffix (the same thing in plain words for a screen). A failure names the field,
// where it is declared, and where to add it.

import { readFileSync } from "node:fs";
import { describe, expect, test } from "vitest";
import { HudState, SeatState, TissueState } from "../../shared/net/TissueState.ts";
import { schemaFields, wireFields } from "./wireFields.ts";

const DOC = readFileSync(new URL("../../docs/model.md", import.meta.url), "utf8");

/** The glossary's words: every `code font` name in section 5. */
function glossaryWords(): Set<string> {
  const start = DOC.indexOf("\n## 5. ");
  const end = DOC.indexOf("\n## ", start + 1);
  expect(start).toBeGreaterThan(0);
  return new Set([...DOC.slice(start, end).matchAll(/`([^`\n]+)`/g)].map((m) => m[1]));
}

/** Null when the name is a glossary word (or derived by the documented rule); else what is wrong and where to fix it. */
function wireWordFault(name: string, where: readonly string[], glossary: ReadonlySet<string>): string | null {
  if (glossary.has(name)) return null;
  const base = name.endsWith("Text") ? name.slice(0, -"Text".length) : null;
  if (base && glossary.has(base)) return null;
  return `wire field \`${name}\` (${[...new Set(where)].join("; ")}) is not a glossary word: add it to docs/model.md, `
    + `section 5, "Words on the wire" (with what it means), or rename it to the glossary's word for its concept`;
}

describe("the wire's field names are glossary words", () => {
  const fields = wireFields();
  const glossary = glossaryWords();

  test("the collector sees the schema state and the message payloads", () => {
    // the schema classes' fields come from their metadata, the payloads' from the declarations in shared/net
    expect(schemaFields(TissueState)).toContain("outcome");
    expect(schemaFields(SeatState)).toEqual(["role", "squads", "name", "bot", "connected", "host", "team"]);
    expect(schemaFields(HudState)).toEqual(expect.arrayContaining(["cd4", "cd8", "treg", "nk", "il2ShareCd4"]));
    expect(fields.get("whyText")).toEqual(["messages.ts InspectResult"]);
    expect(fields.get("pstat5Positive")).toEqual(["TissueState.ts CellStatus"]);
    expect(fields.has("ok")).toBe(false); // the door's verdict is not on the wire
    expect(fields.size).toBeGreaterThan(100);
  });

  test("every field is in the glossary", () => {
    const faults = [...fields].map(([name, where]) => wireWordFault(name, where, glossary)).filter((f) => f !== null);
    expect(faults).toEqual([]);
  });

  test("the check fails for a word the glossary lacks, and names where to add it", () => {
    expect(wireWordFault("helpers", ["TissueState.ts HudState"], glossary)).toMatch(/`helpers` \(TissueState.ts HudState\).*section 5, "Words on the wire"/);
    expect(wireWordFault("lit", ["TissueState.ts CellStatus"], glossary)).not.toBeNull();
    expect(wireWordFault("outcomeText", [], glossary)).toBeNull();
    expect(wireWordFault("killersText", [], glossary)).not.toBeNull();
  });
});
