// Fetches a class's results CSV with its host secret (header, never the URL) and saves it as a file in the browser.
// Answers what happened, in words the page can show. Used by the teacher's results button (teacherControls.ts) and
// the menu's list of earlier classes (pastClassesView.ts).

import { el } from "../ui/dom.ts";

export type DownloadOutcome = { ok: true } | { ok: false; status: number; words: string };

export async function downloadResults(doc: Document, code: string, secret: string): Promise<DownloadOutcome> {
  let res: Response;
  try {
    res = await fetch(`/api/classroom/${encodeURIComponent(code)}/results.csv`, { headers: { "X-Host-Secret": secret }, cache: "no-store" });
  } catch {
    return { ok: false, status: 0, words: "The game server is not answering." };
  }
  if (!res.ok) {
    // The server answers a refusal in a plain sentence (or JSON with an error sentence).
    const text = (await res.text().catch(() => "")).trim();
    let words = text;
    try { words = (JSON.parse(text) as { error?: string }).error ?? text; } catch { /* plain text */ }
    return { ok: false, status: res.status, words: words || `The server refused (status ${res.status}).` };
  }
  const blob = await res.blob();
  const url = URL.createObjectURL(blob);
  const a = el(doc, "a", { href: url, download: `cytokine-command-${code}-results.csv` });
  doc.body.append(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10_000); // the browser has taken the file by then
  return { ok: true };
}
