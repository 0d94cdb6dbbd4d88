// Small DOM helpers shared by the HTML interface: element creation with text and attributes, and a text setter
// that touches the page only when the words change (screen readers and layout stay calm). Used by ui/*.ts.

export function el<K extends keyof HTMLElementTagNameMap>(
  doc: Document, tag: K, attrs: Record<string, string> = {}, ...children: (Node | string)[]
): HTMLElementTagNameMap[K] {
  const e = doc.createElement(tag);
  for (const [k, v] of Object.entries(attrs)) {
    if (k === "class") e.className = v;
    else if (k === "text") e.textContent = v;
    // Through the CSSOM: the server's Content-Security-Policy refuses style attributes written as markup.
    else if (k === "style") e.style.cssText = v;
    else e.setAttribute(k, v);
  }
  e.append(...children);
  return e;
}

export function setText(e: Element, text: string): void {
  if (e.textContent !== text) e.textContent = text;
}

/** Every way a cell type is shown: its sprite (shape and colour) is drawn from assets/sprites/<type>.svg. */
export function cellIcon(doc: Document, typeName: string, size = 18): HTMLImageElement {
  const img = doc.createElement("img");
  img.src = `/sprites/${typeName}.svg`;
  img.alt = "";
  img.width = size;
  img.height = size;
  img.className = "cell-icon";
  return img;
}
