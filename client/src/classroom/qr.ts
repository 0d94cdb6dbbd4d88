// The join link as a QR code: uqr encodes it, and the modules become one SVG path (dark on white, with the quiet
// zone the standard asks for), built as DOM nodes so no markup string is parsed. Used by lobbyView.ts.

import { encode } from "uqr";

const SVG_NS = "http://www.w3.org/2000/svg";

/** An <svg> of the QR code for `text`, sized by CSS; `label` is its text alternative. */
export function qrSvg(doc: Document, text: string, label: string): SVGSVGElement {
  const qr = encode(text, { ecc: "M", border: 4 });
  const n = qr.size;
  let d = "";
  for (let y = 0; y < n; y++) {
    for (let x = 0; x < n; x++) if (qr.data[y][x]) d += `M${x} ${y}h1v1h-1z`;
  }
  const svg = doc.createElementNS(SVG_NS, "svg");
  svg.setAttribute("viewBox", `0 0 ${n} ${n}`);
  svg.setAttribute("role", "img");
  svg.setAttribute("aria-label", label);
  svg.setAttribute("shape-rendering", "crispEdges");
  svg.classList.add("qr");
  const bg = doc.createElementNS(SVG_NS, "rect");
  bg.setAttribute("width", String(n));
  bg.setAttribute("height", String(n));
  bg.setAttribute("fill", "#ffffff");
  const path = doc.createElementNS(SVG_NS, "path");
  path.setAttribute("d", d);
  path.setAttribute("fill", "#000000");
  svg.append(bg, path);
  return svg;
}
