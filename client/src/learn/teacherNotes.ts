// A scenario's teacher notes (shared/scenarios/*.json: what to notice, what to try) as a collapsible block, for the solo
// setup form, the play screen's side panel, the classroom lobby and the debrief.

import { SCENARIOS } from "../../../shared/scenarios/index.ts";
import { el } from "../ui/dom.ts";
import { fillWhenKnown } from "../ui/fillWhenKnown.ts";

export const TEACHER_NOTES_TITLE = "What to notice, what to try";

/** The notes as a <details> block, closed unless `open`; null for an unknown scenario. */
export function teacherNotes(doc: Document, scenarioId: string, opts: { open?: boolean; title?: string; className?: string } = {}): HTMLDetailsElement | null {
  const notes = SCENARIOS[scenarioId]?.teacherNotes;
  if (!notes) return null;
  const details = el(doc, "details", { class: `teacher-notes ${opts.className ?? ""}`.trim() },
    el(doc, "summary", { text: opts.title ?? TEACHER_NOTES_TITLE }),
    el(doc, "h3", { text: "What to notice" }),
    el(doc, "ul", {}, ...notes.notice.map((t) => el(doc, "li", { text: t }))),
    el(doc, "h3", { text: "What to try" }),
    el(doc, "ul", {}, ...notes.tryThis.map((t) => el(doc, "li", { text: t }))));
  details.open = opts.open === true;
  details.dataset.scenario = scenarioId;
  return details;
}

/**
 * The side panel's notes during a round, collapsed: filled once the round's scenario is known (a resumed page learns it
 * from the first state patch: `changes` subscribes to the room's state changes). Returns its unmount.
 */
export function mountNotesPanel(
  root: HTMLElement, scenarioOf: () => string | undefined, changes: (cb: () => void) => () => void,
): () => void {
  const fill = () => {
    const id = scenarioOf();
    const block = id ? teacherNotes(root.ownerDocument, id) : null;
    if (block) root.replaceChildren(block);
    root.hidden = !block;
    return block !== null;
  };
  return fillWhenKnown(fill, changes);
}
