// Every word the kiosk shows, from /strings/<lang>.json (assets/strings/): loads both languages, fills every element
// with a data-k key (data-k-label for its aria-label), and formats {placeholders}. Used by kioskMain and its parts.

export const LANGS = ["en", "es"] as const;
export type Lang = (typeof LANGS)[number];
export type Strings = Record<string, string>;

export class KioskStrings {
  private tables: Partial<Record<Lang, Strings>> = {};
  lang: Lang = "en";
  private readonly listeners = new Set<() => void>();

  /** Fetches every language table; throws if the server does not answer (the caller retries). */
  async load(timeoutMs: number): Promise<void> {
    for (const lang of LANGS) {
      if (this.tables[lang]) continue;
      const res = await fetch(`/strings/${lang}.json`, { signal: AbortSignal.timeout(timeoutMs), cache: "no-cache" });
      if (!res.ok) throw new Error(`strings ${lang}: HTTP ${res.status}`);
      this.tables[lang] = (await res.json()) as Strings;
    }
  }

  /** The string for a key in the current language, with {name} placeholders filled; the key itself if missing. */
  t(key: string, vars: Record<string, string | number> = {}): string {
    const s = this.tables[this.lang]?.[key] ?? this.tables.en?.[key] ?? key;
    return s.replace(/\{(\w+)\}/g, (_, name: string) => String(vars[name] ?? `{${name}}`));
  }

  /** Keys of the current language that match a prefix, in order (captions and tips). */
  keys(prefix: string): string[] {
    return Object.keys(this.tables[this.lang] ?? {}).filter((k) => k.startsWith(prefix)).sort();
  }

  setLang(lang: Lang): void {
    this.lang = lang;
    document.documentElement.lang = lang;
    this.apply(document);
    for (const cb of this.listeners) cb();
  }

  /** Called after each language change (parts that write text themselves re-write it). */
  onChange(cb: () => void): () => void {
    this.listeners.add(cb);
    return () => this.listeners.delete(cb);
  }

  /** Fills every [data-k] element's text and every [data-k-label] element's aria-label. */
  apply(root: ParentNode): void {
    for (const el of root.querySelectorAll<HTMLElement>("[data-k]")) el.textContent = this.t(el.dataset.k!);
    for (const el of root.querySelectorAll<HTMLElement>("[data-k-label]")) el.setAttribute("aria-label", this.t(el.dataset.kLabel!));
  }
}
