// The tooltip over the map: a unit's name, electors, how its electors voted, its popular vote and the
// leader's margin, and its candidate on the user's map. Escape or a tap elsewhere closes it.
import { $ } from "./dom.js";
import { count, pts } from "./format.js";
import { currentMode, modes } from "./modes.js";
import { state } from "./state.js";

let frame = 0; // the animation frame that will show the tooltip

const escape = (s) => String(s).replace(/[&<>"]/g, (c) => `&#${c.charCodeAt(0)};`);

function popularLines(unit) {
  if (!unit.popular.length || !unit.popular_total) return ["Popular vote: none recorded (electors chosen without one, or not in the record)"];
  const lines = unit.popular.slice(0, 3).map((p) => `${escape(p.candidate)}: ${count(p.votes)} (${(100 * p.votes / unit.popular_total).toFixed(1)}%)`);
  lines.unshift(`Popular vote (${count(unit.popular_total)} cast):`);
  if (unit.lead !== null) lines.push(`Margin: ${escape(unit.popular[0].candidate)} +${pts(unit.lead)} (of all votes)`);
  return lines;
}

function tooltipHtml(code) {
  const unit = state.units.get(code);
  if (!unit) {
    const shape = state.geo.states[code];
    const admitted = shape && shape.admitted ? `; admitted ${shape.admitted.slice(0, 4)}` : "";
    return `<strong>${escape(shape ? shape.name : code)}</strong>No electors in ${state.data.year}${escape(admitted)}`;
  }
  const lines = [`<strong>${escape(unit.name)}</strong>`, `${unit.electoral_votes} elector${unit.electoral_votes === 1 ? "" : "s"}`];
  const mode = currentMode();
  if (mode.tooltip) return lines.concat(mode.tooltip(code).map(escape)).join("<br>"); // the mode's own lines
  const votes = Object.entries(unit.votes).map(([name, n]) => `${escape(name)} ${n}`).join(", ");
  lines.push(votes ? `Electoral votes counted: ${votes}` : "No electoral votes counted");
  lines.push(...popularLines(unit));
  lines.push(`Your map: ${escape(state.assign[code] || "undecided")}`);
  if (mode !== modes()[0] && mode.describe) lines.push(`${escape(mode.label)}: ${escape(mode.describe(code))}`);
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

/** Show the tooltip under a focused unit (a shape, a box or a button under the map). */
export function showTooltipBelow(element) {
  const rect = element.getBoundingClientRect();
  showTooltip(element.dataset.unit || element.dataset.chip, rect.left + rect.width / 2, rect.bottom);
}

export function hideTooltip() {
  cancelAnimationFrame(frame);
  $("#tooltip").hidden = true;
}
