// Redrawing a map mode whose data arrive after it was drawn (the House delegations, the ledger at a
// moment): every unit, the legend, the mode's panel and the bar, if the mode is still the one on screen.
import { updateSummary } from "../bar.js";
import { $ } from "../dom.js";
import { paint } from "../map.js";
import { currentMode } from "../modes.js";
import { state } from "../state.js";

/** Repaint `mode`'s units, legend and panel (nothing if another mode is on screen meanwhile). */
export function redraw(mode) {
  if (currentMode() !== mode || !state.data) return;
  for (const code of state.units.keys()) paint(code);
  mode.legend($("#legend"));
  if (mode.panel) mode.panel($("#mode-panel"));
  updateSummary();
}

/** A legend list: [[css background, words, extra class]...] as <ul class="legend-list"> items. */
export function legendList(items) {
  const list = document.createElement("ul");
  list.className = "legend-list";
  for (const [background, text, extra = ""] of items) {
    const li = document.createElement("li");
    const swatch = document.createElement("span");
    swatch.className = `swatch${extra ? ` ${extra}` : ""}`;
    swatch.style.background = background;
    li.append(swatch, text);
    list.appendChild(li);
  }
  return list;
}

/** An element with text: el("p", "words", {className: "hint"}). */
export function el(tag, text = "", props = {}) {
  const element = document.createElement(tag);
  if (text) element.textContent = text;
  return Object.assign(element, props);
}
