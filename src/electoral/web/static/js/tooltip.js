// The tooltip over the map: a unit's name, electors, recorded winner, margin and side on the map.
import { $ } from "./dom.js";
import { SIDE_NAMES } from "./sides.js";
import { state } from "./state.js";

let frame = 0; // the animation frame that will show the tooltip

function tooltipHtml(code) {
  const unit = state.units.get(code);
  const escape = (s) => String(s).replace(/[&<>"]/g, (c) => `&#${c.charCodeAt(0)};`);
  if (!unit) {
    const shape = state.geo.states[code];
    const admitted = shape && shape.admitted ? `; admitted ${shape.admitted.slice(0, 4)}` : "";
    return `<strong>${escape(shape ? shape.name : code)}</strong>No electors in ${state.data.year}${escape(admitted)}`;
  }
  const lines = [`<strong>${escape(unit.name)}</strong>`, `${unit.electoral_votes} elector${unit.electoral_votes === 1 ? "" : "s"}`];
  if (unit.winner) lines.push(`Recorded: ${escape(unit.winner)}`);
  const pair = state.data.margin_candidates;
  if (unit.margin !== null && unit.margin !== undefined && pair) {
    const leader = unit.margin >= 0 ? pair[0] : pair[1];
    lines.push(`Margin: ${escape(leader)} +${(100 * Math.abs(unit.margin)).toFixed(1)} pts (two-party)`);
  } else {
    lines.push("Margin: no popular vote recorded");
  }
  lines.push(`Your map: ${SIDE_NAMES[state.assign[code] || ""]}`);
  return lines.join("<br>");
}

/** Show the tooltip at the next frame: measuring it forces a layout, which a click should not wait for. */
export function showTooltip(code, clientX, clientY) {
  cancelAnimationFrame(frame);
  frame = requestAnimationFrame(() => {
    const tip = $("#tooltip");
    const figure = $(".map-figure").getBoundingClientRect();
    tip.innerHTML = tooltipHtml(code);
    tip.hidden = false;
    const width = tip.offsetWidth;
    const x = Math.min(Math.max(0, clientX - figure.left + 12), Math.max(0, figure.width - width));
    tip.style.left = `${x}px`;
    tip.style.top = `${clientY - figure.top + 14}px`;
  });
}

/** Show the tooltip under a focused unit. */
export function showTooltipBelow(element) {
  const rect = element.getBoundingClientRect();
  showTooltip(element.dataset.unit, rect.left + rect.width / 2, rect.bottom);
}

export function hideTooltip() {
  cancelAnimationFrame(frame);
  $("#tooltip").hidden = true;
}
