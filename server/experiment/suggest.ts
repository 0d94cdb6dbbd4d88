// Close-name suggestions for mistyped parameters, scenarios, therapies and options ("did you mean ...?").
// Pure string work. Called by args.ts when a name is not known.

/** Edit distance (insert, delete, substitute, swap two neighbours), case-insensitive. */
export function editDistance(a: string, b: string): number {
  a = a.toLowerCase();
  b = b.toLowerCase();
  const rows = a.length + 1, cols = b.length + 1;
  const d: number[][] = Array.from({ length: rows }, (_, i) => Array.from({ length: cols }, (_, j) => (i === 0 ? j : j === 0 ? i : 0)));
  for (let i = 1; i < rows; i++) {
    for (let j = 1; j < cols; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      d[i][j] = Math.min(d[i - 1][j] + 1, d[i][j - 1] + 1, d[i - 1][j - 1] + cost);
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) d[i][j] = Math.min(d[i][j], d[i - 2][j - 2] + 1);
    }
  }
  return d[rows - 1][cols - 1];
}

/** Known names close to `wanted`: small edit distance, or one containing the other; best first, at most `limit`. */
export function closeNames(wanted: string, known: readonly string[], limit = 5): string[] {
  const w = wanted.toLowerCase();
  const scored: { name: string; score: number }[] = [];
  for (const name of known) {
    const n = name.toLowerCase();
    const dist = editDistance(w, n);
    const allowed = Math.max(2, Math.floor(Math.max(w.length, n.length) / 3));
    if (dist <= allowed) scored.push({ name, score: dist });
    else if (w.length >= 3 && (n.includes(w) || w.includes(n))) scored.push({ name, score: allowed + Math.abs(n.length - w.length) / 100 + 0.5 });
  }
  scored.sort((x, y) => x.score - y.score || x.name.localeCompare(y.name));
  return scored.slice(0, limit).map((s) => s.name);
}
