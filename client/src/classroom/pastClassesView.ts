// "Results of your earlier classes" in the menu's Teach a class form: each class this browser taught in the last 30
// days (pastClasses.ts) with "Download results (CSV)" and "Forget", or a plain sentence once the server no longer has
// its results. Built by teacherSetup.ts; its refresh runs whenever the form is shown.

import { el, setText } from "../ui/dom.ts";
import { browserStore } from "../storage.ts";
import { PAST_CLASSES_KEY, forgetPastClass, listPastClasses, markGone, resultsGone, type PastClass } from "./pastClasses.ts";
import { downloadResults } from "./resultsDownload.ts";

const spaced = (code: string) => (code.length === 6 ? `${code.slice(0, 3)} ${code.slice(3)}` : code);
const when = (t: number) => new Date(t).toLocaleString(undefined, { dateStyle: "medium", timeStyle: "short" });

/** The sentence that replaces the download button of a class whose results are gone. */
export const goneText = (code: string) =>
  `The results of class ${spaced(code)} are no longer on the game server (it keeps them for 30 days unless set otherwise), so there is nothing to download.`;

export function mountPastClasses(doc: Document): { section: HTMLElement; refresh: () => void } {
  const list = el(doc, "ul", { class: "past-list" });
  const section = el(doc, "section", { class: "past-classes", "aria-labelledby": "past-title" },
    el(doc, "h3", { id: "past-title", text: "Results of your earlier classes" }),
    el(doc, "p", { class: "note", text: "This browser keeps the key to each class's results for 30 days. On a shared computer, forget a class once its results are saved." }),
    list);

  const row = (p: PastClass): HTMLElement => {
    const title = el(doc, "span", { class: "past-title", text: `Class ${spaced(p.code)}` });
    const date = el(doc, "span", { class: "note", text: `${p.closed ? "closed" : "last open"} ${when(p.at)}` });
    const status = el(doc, "p", { class: "note past-status", role: "status" });
    const forget = el(doc, "button", { type: "button", class: "secondary small-btn", text: "Forget", "aria-label": `Forget class ${spaced(p.code)}` });
    forget.addEventListener("click", () => {
      forgetPastClass(browserStore(), p.code, Date.now());
      refresh();
      (section.querySelector<HTMLElement>(".past-list button") ?? doc.getElementById("teach-scenario"))?.focus();
    });
    const buttons = el(doc, "div", { class: "lobby-buttons" });
    const gone = el(doc, "p", { class: "past-gone", text: goneText(p.code) });
    if (p.gone) buttons.append(forget);
    else {
      const download = el(doc, "button", { type: "button", class: "secondary small-btn", text: "Download results (CSV)", "aria-label": `Download the results of class ${spaced(p.code)} (CSV)` });
      download.addEventListener("click", async () => {
        if (download.getAttribute("aria-disabled") === "true") return;
        download.setAttribute("aria-disabled", "true");
        setText(status, "Fetching…");
        const done = await downloadResults(doc, p.code, p.secret);
        download.removeAttribute("aria-disabled");
        if (done.ok) return setText(status, "Saved.");
        if (!resultsGone(done.status)) return setText(status, done.words);
        markGone(browserStore(), p.code, Date.now());
        setText(status, "");
        download.remove(); // the row now says why there is nothing to download
        buttons.before(gone);
        forget.focus();
      });
      buttons.append(download, forget);
    }
    const li = el(doc, "li", { class: "past-class" }, el(doc, "p", { class: "past-head" }, title, " ", date));
    if (p.gone) li.append(gone);
    li.append(buttons, status);
    return li;
  };

  const refresh = () => {
    const past = listPastClasses(browserStore(), Date.now());
    list.replaceChildren(...past.map(row));
    section.hidden = past.length === 0;
  };
  refresh();
  // Another tab of this browser may open or close a class meanwhile.
  doc.defaultView?.addEventListener("storage", (e) => { if (e.key === PAST_CLASSES_KEY || e.key === null) refresh(); });
  return { section, refresh };
}
