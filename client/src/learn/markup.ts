// The Learn texts' one piece of markup: [[id|words]] is a link to the glossary term `id`, shown as `words`.
// Pure (test/unit/learnText.test.ts). Used by learnDialog.ts to build the text with its links.

export type Segment = string | { term: string; text: string };

const LINK = /\[\[([A-Za-z0-9]+)\|([^\]]+)\]\]/g;

/** The text cut into plain runs and links, in order. */
export function segments(text: string): Segment[] {
  const out: Segment[] = [];
  let at = 0;
  for (const m of text.matchAll(LINK)) {
    if (m.index > at) out.push(text.slice(at, m.index));
    out.push({ term: m[1], text: m[2] });
    at = m.index + m[0].length;
  }
  if (at < text.length) out.push(text.slice(at));
  return out;
}

/** The glossary ids a text links to. */
export function termRefs(text: string): string[] {
  return [...text.matchAll(LINK)].map((m) => m[1]);
}

/** The text as read aloud or searched: the links' words without their markup. */
export function plainText(text: string): string {
  return text.replace(LINK, "$2");
}
