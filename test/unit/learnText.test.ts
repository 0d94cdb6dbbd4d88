// The Learn dialog's words (client/src/learn/learnText.ts) against the model document, as modelDocument.test.ts checks
// the parameter table: every glossary term is defined in docs/model.md section 5, every model-card item points to what
// section 2 simulates or section 3 simplifies, every model-card source is in section 9; and against the game: every
// link resolves, every therapy, ability and legend cell type has its entry.

import { readFileSync } from "node:fs";
import { describe, expect, test } from "vitest";
import { ABOUT_IL2, GLOSSARY, MODEL_CARD, TERM_GROUPS } from "../../client/src/learn/learnText.ts";
import { plainText, segments, termRefs } from "../../client/src/learn/markup.ts";
import { ABILITIES, CELL_TYPE_NAMES, THERAPY_NAMES } from "../../shared/sim/index.ts";

const DOC = readFileSync(new URL("../../docs/model.md", import.meta.url), "utf8");

/** The text of one numbered section, from its heading to the next "## " heading, without bold marks. */
function section(number: number): string {
  const start = DOC.indexOf(`\n## ${number}. `);
  const end = DOC.indexOf("\n## ", start + 1);
  expect(start, `section ${number}`).toBeGreaterThanOrEqual(0);
  return DOC.slice(start, end < 0 ? undefined : end).replaceAll("**", "");
}

const escape = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
const ids = new Set<string>(GLOSSARY.map((t) => t.id));

/** Every Learn text that may hold [[id|words]] links. */
const TEXTS: [string, string][] = [
  ...GLOSSARY.map((t): [string, string] => [`glossary ${t.id}`, t.text]),
  ...ABOUT_IL2.map((p, i): [string, string] => [`about ${i}`, p]),
  ["model card intro", MODEL_CARD.intro],
  ...[...MODEL_CARD.simulated, ...MODEL_CARD.simplified].map((c): [string, string] => [`model card ${c.title}`, c.text]),
  ...MODEL_CARD.limits.map((t, i): [string, string] => [`limit ${i}`, t]),
];

describe("the glossary against docs/model.md section 5", () => {
  const glossary = section(5);
  const quoted = new Set([...glossary.matchAll(/`([^`\n]+)`/g)].map((m) => m[1]));

  test.each(GLOSSARY.map((t) => [t.id, t.doc] as const))("%s is defined there as %s", (_id, doc) => {
    if (doc.startsWith("`")) expect(quoted.has(doc.slice(1, -1)), doc).toBe(true);
    else expect(glossary, doc).toMatch(new RegExp(`(?:\\n- |; )${escape(doc)}:`, "i"));
  });

  test("ids are unique, every term has words and a group", () => {
    expect(ids.size).toBe(GLOSSARY.length);
    for (const t of GLOSSARY) {
      expect(t.text.length, t.id).toBeGreaterThan(20);
      expect(TERM_GROUPS).toContain(t.group);
    }
  });
});

describe("the model card against docs/model.md", () => {
  test("each thing it says is simulated is a subsection of section 2", () => {
    const headings = section(2).split("\n").filter((l) => l.startsWith("### 2.")).map((l) => l.replace(/^### 2\.\d+ /, ""));
    for (const item of MODEL_CARD.simulated) expect(headings.some((h) => h.startsWith(item.doc)), item.doc).toBe(true);
    expect(MODEL_CARD.simulated.length).toBeGreaterThanOrEqual(10);
  });

  test("each simplification it lists is one of section 3's", () => {
    const simplified = section(3).replace(/\s+/g, " ");
    for (const item of MODEL_CARD.simplified) expect(simplified, item.doc).toContain(item.doc);
    expect(MODEL_CARD.simplified.length).toBeGreaterThanOrEqual(10);
  });

  test("each source is listed in section 9, author and year on one line", () => {
    const lines = section(9).split("\n").filter((l) => l.startsWith("- "));
    for (const s of MODEL_CARD.sources) {
      expect(lines.some((l) => l.includes(s.author) && l.includes(String(s.year))), s.label).toBe(true);
      expect(s.label).toContain(s.author);
      expect(s.label).toContain(String(s.year));
    }
  });
});

describe("links and coverage", () => {
  test("every [[id|words]] link points to a glossary term", () => {
    for (const [where, text] of TEXTS) for (const id of termRefs(text)) expect(ids.has(id), `${where} links to ${id}`).toBe(true);
    expect(TEXTS.flatMap(([, t]) => termRefs(t)).length).toBeGreaterThan(30);
  });

  test("no text keeps stray markup", () => {
    for (const [where, text] of TEXTS) expect(plainText(text), where).not.toMatch(/\[\[|\]\]/);
  });

  test("every cell type, therapy card and ability the game shows has an entry", () => {
    for (const name of [...CELL_TYPE_NAMES, ...THERAPY_NAMES, ...ABILITIES]) expect(ids.has(name), name).toBe(true);
  });

  test('"What is IL-2?" names the tug-of-war\'s players and says CD56bright NK cells carry CD25', () => {
    const about = ABOUT_IL2.map(plainText).join(" ");
    for (const w of ["CD25", "CD122", "CD132", "pSTAT5", "Tregs", "NK cells", "High-dose IL-2", "Low-dose IL-2", "model"]) expect(about).toContain(w);
    expect(about).toMatch(/CD56bright\)? carry CD25 too/);
    expect(plainText(GLOSSARY.find((t) => t.id === "nkBright")!.text)).toMatch(/carries CD25/);
  });
});

describe("the markup", () => {
  test("cuts a text into plain runs and links", () => {
    expect(segments("A [[il2|IL-2]] cloud, [[treg|Tregs]].")).toEqual(["A ", { term: "il2", text: "IL-2" }, " cloud, ", { term: "treg", text: "Tregs" }, "."]);
    expect(segments("no links")).toEqual(["no links"]);
    expect(plainText("[[pstat5|pSTAT5]] rises")).toBe("pSTAT5 rises");
    expect(termRefs("[[a1|x]] and [[b|y]]")).toEqual(["a1", "b"]);
  });
});
