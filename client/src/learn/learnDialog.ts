// The Learn dialog: three tabs ("What is IL-2?", the glossary, the model card) built once per page from learnText.ts,
// opened from the main menu, the play screen's top bar, the debrief, the lobby and every glossary link in the game
// (termLink.ts). A modal <dialog>: Escape or Close shuts it and focus returns where it was; arrow keys move between
// tabs. The round keeps running behind it.

import "./learn.css";
import { el } from "../ui/dom.ts";
import { ABOUT_IL2, GLOSSARY, MODEL_CARD, TERM_GROUPS, type CardItem, type TermId } from "./learnText.ts";
import { segments } from "./markup.ts";

export type LearnTab = "il2" | "glossary" | "model";

const TABS: readonly { id: LearnTab; label: string }[] = [
  { id: "il2", label: "What is IL-2?" },
  { id: "glossary", label: "Glossary" },
  { id: "model", label: "Model card" },
];

interface LearnUi { dialog: HTMLDialogElement; select: (tab: LearnTab, focusTab?: boolean) => void; body: HTMLElement }

const built = new WeakMap<Document, LearnUi>();

/** Opens the dialog on a tab, or on the glossary at one term (highlighted and focused). */
export function openLearn(doc: Document, where: { tab?: LearnTab; term?: TermId } = {}): void {
  const ui = built.get(doc) ?? build(doc);
  const opener = doc.activeElement instanceof HTMLElement ? doc.activeElement : null;
  if (!ui.dialog.open) {
    ui.dialog.showModal();
    ui.dialog.addEventListener("close", () => { if (opener?.isConnected) opener.focus(); }, { once: true });
  }
  if (where.term) showTerm(ui, where.term);
  else ui.select(where.tab ?? "il2", true);
}

function showTerm(ui: LearnUi, id: string): void {
  ui.select("glossary");
  const dt = ui.dialog.querySelector<HTMLElement>(`#term-${CSS.escape(id)}`);
  if (!dt) return;
  for (const e of ui.dialog.querySelectorAll(".learn-current")) e.classList.remove("learn-current");
  dt.classList.add("learn-current");
  dt.nextElementSibling?.classList.add("learn-current");
  dt.scrollIntoView({ block: "start" });
  dt.focus({ preventScroll: true });
}

/** A Learn text with its [[id|words]] links as in-dialog links to the glossary. */
function linked(doc: Document, text: string): (Node | string)[] {
  return segments(text).map((s) => (typeof s === "string" ? s : el(doc, "a", { href: `#term-${s.term}`, class: "term-link", "data-term": s.term, text: s.text })));
}

function build(doc: Document): LearnUi {
  const close = el(doc, "button", { type: "button", class: "close-btn", text: "✕ Close" });
  const tablist = el(doc, "div", { role: "tablist", "aria-label": "Learn", class: "learn-tabs" });
  const body = el(doc, "div", { class: "learn-body" });
  const dialog = el(doc, "dialog", { id: "learn", class: "learn", "aria-labelledby": "learn-title" },
    el(doc, "div", { class: "learn-head" }, el(doc, "h2", { id: "learn-title", text: "Learn about IL-2" }), close), tablist, body);

  const panels = new Map<LearnTab, HTMLElement>([["il2", aboutPanel(doc)], ["glossary", glossaryPanel(doc)], ["model", modelPanel(doc)]]);
  const buttons = new Map<LearnTab, HTMLButtonElement>();
  for (const t of TABS) {
    const b = el(doc, "button", { type: "button", role: "tab", id: `learn-tab-${t.id}`, "aria-controls": `learn-${t.id}`, text: t.label });
    b.addEventListener("click", () => select(t.id, true));
    buttons.set(t.id, b);
    tablist.append(b);
    const panel = panels.get(t.id)!;
    panel.id = `learn-${t.id}`;
    panel.setAttribute("role", "tabpanel");
    panel.setAttribute("aria-labelledby", `learn-tab-${t.id}`);
    panel.tabIndex = 0;
    body.append(panel);
  }
  let current: LearnTab | null = null;
  function select(tab: LearnTab, focusTab = false): void {
    for (const [id, b] of buttons) {
      b.setAttribute("aria-selected", String(id === tab));
      b.tabIndex = id === tab ? 0 : -1;
      panels.get(id)!.hidden = id !== tab;
    }
    if (current !== tab) body.scrollTop = 0;
    current = tab;
    if (focusTab) buttons.get(tab)!.focus();
  }
  tablist.addEventListener("keydown", (e) => {
    const i = TABS.findIndex((t) => t.id === current);
    const to = e.key === "ArrowRight" ? i + 1 : e.key === "ArrowLeft" ? i - 1 : e.key === "Home" ? 0 : e.key === "End" ? TABS.length - 1 : null;
    if (to === null) return;
    e.preventDefault();
    select(TABS[(to + TABS.length) % TABS.length].id, true);
  });
  close.addEventListener("click", () => dialog.close());
  // A click on the backdrop (outside the dialog's box) closes it too.
  dialog.addEventListener("click", (e) => {
    const link = (e.target as HTMLElement).closest?.("a[data-term]");
    if (link) {
      e.preventDefault();
      showTerm(ui, link.getAttribute("data-term") ?? "");
      return;
    }
    if (e.target === dialog) {
      const r = dialog.getBoundingClientRect();
      if (e.clientX < r.left || e.clientX > r.right || e.clientY < r.top || e.clientY > r.bottom) dialog.close();
    }
  });
  doc.body.append(dialog);
  const ui: LearnUi = { dialog, select, body };
  built.set(doc, ui);
  select("il2");
  return ui;
}

function aboutPanel(doc: Document): HTMLElement {
  return el(doc, "section", { class: "learn-panel" },
    el(doc, "h3", { text: "What is IL-2?" }),
    ...ABOUT_IL2.map((p) => el(doc, "p", {}, ...linked(doc, p))),
    el(doc, "p", { class: "note", text: "Underlined words open the glossary. The Model card tab says what the game simulates and what it leaves out." }));
}

function glossaryPanel(doc: Document): HTMLElement {
  const groups = TERM_GROUPS.map((g) => {
    const terms = GLOSSARY.filter((t) => t.group === g);
    return el(doc, "section", { class: "learn-group", "aria-label": g },
      el(doc, "h3", { text: g }),
      el(doc, "dl", { class: "glossary" }, ...terms.flatMap((t) => [
        el(doc, "dt", { id: `term-${t.id}`, tabindex: "-1", text: t.term }),
        el(doc, "dd", {}, ...linked(doc, t.text)),
      ])));
  });
  const index = el(doc, "nav", { class: "learn-index", "aria-label": "Glossary groups" },
    ...TERM_GROUPS.map((g) => el(doc, "a", { href: `#term-${GLOSSARY.find((t) => t.group === g)?.id ?? ""}`, "data-term": GLOSSARY.find((t) => t.group === g)?.id ?? "", text: g })));
  return el(doc, "section", { class: "learn-panel" },
    el(doc, "p", { class: "note", text: `${GLOSSARY.length} words the game uses, in plain language. The same words are used in the model document.` }),
    index, ...groups);
}

function cardList(doc: Document, items: readonly CardItem[]): HTMLElement {
  return el(doc, "ul", { class: "card-items" }, ...items.map((i) => el(doc, "li", {}, el(doc, "strong", { text: `${i.title}. ` }), ...linked(doc, i.text))));
}

function modelPanel(doc: Document): HTMLElement {
  return el(doc, "section", { class: "learn-panel" },
    el(doc, "h3", { text: "The model card" }),
    el(doc, "p", {}, ...linked(doc, MODEL_CARD.intro)),
    el(doc, "h4", { text: "What it simulates" }), cardList(doc, MODEL_CARD.simulated),
    el(doc, "h4", { text: "What it simplifies or leaves out" }), cardList(doc, MODEL_CARD.simplified),
    el(doc, "h4", { text: "Where the numbers come from" }),
    el(doc, "ul", { class: "card-items" }, ...MODEL_CARD.sources.map((s) => el(doc, "li", {}, el(doc, "strong", { text: s.label }), `: ${s.what}.`))),
    el(doc, "h4", { text: "Use it wisely" }),
    el(doc, "ul", { class: "card-items" }, ...MODEL_CARD.limits.map((t) => el(doc, "li", {}, ...linked(doc, t)))));
}
