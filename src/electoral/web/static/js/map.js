// The SVG map: state shapes and labels, and the boxes for units too small to click (DC, the small
// north-eastern states) and for Maine's and Nebraska's districts. Drawn once from map.json,
// restyled per year and repainted per click.
import { $, svg } from "./dom.js";
import { SIDE_NAMES } from "./sides.js";
import { state } from "./state.js";
import { hideTooltip, showTooltip, showTooltipBelow } from "./tooltip.js";

const elements = new Map(); // code -> [svg elements drawn for it: shape, box, label]

/** Draw every shape and box; `onCycle(code)` is called when the user clicks a unit or presses Enter on it. */
export function drawMap(onCycle) {
  const root = $("#map");
  const defs = svg("defs", {}, root);
  const hatch = svg("pattern", { id: "hatch", width: 6, height: 6, patternUnits: "userSpaceOnUse", patternTransform: "rotate(45)" }, defs);
  svg("rect", { width: 6, height: 6, fill: "#f1f1f1" }, hatch);
  svg("line", { x1: 0, y1: 0, x2: 0, y2: 6, stroke: "#d4d7dc", "stroke-width": 2 }, hatch);

  const shapes = svg("g", { class: "shapes" }, root);
  const labels = svg("g", { class: "labels", "aria-hidden": "true" }, root);
  const boxes = svg("g", { class: "boxes" }, root);
  const add = (code, element) => {
    if (!elements.has(code)) elements.set(code, []);
    elements.get(code).push(element);
  };
  const { states, boxes: boxShapes } = state.geo;
  for (const [code, shape] of Object.entries(states)) {
    const path = svg("path", { d: shape.d, class: "state", "data-shape": code }, shapes);
    add(code, path);
    if (!boxShapes[code]) {
      const text = svg("text", { x: shape.x, y: shape.y, "data-label": code }, labels);
      add(code, text);
    }
  }
  for (const name of ["ME", "NE"]) {
    const first = boxShapes[`${name}-1`];
    const label = svg("text", { x: first.x - 6, y: first.y + first.h / 2, class: "group-label", "data-group": name }, boxes);
    label.textContent = `${states[name].name} districts`;
  }
  for (const [code, box] of Object.entries(boxShapes)) {
    const group = svg("g", { class: "box", "data-box": code }, boxes);
    svg("rect", { x: box.x, y: box.y, width: box.w, height: box.h }, group);
    svg("text", { x: box.x + box.w / 2, y: box.y + box.h / 2 }, group);
    add(code, group);
  }
  listen(root, onCycle);
}

/** Restyle the map for the year on screen: who is in the Union, what is clickable, the labels, the colours. */
export function setupMap() {
  const hasBox = (code) => Boolean(state.geo.boxes[code]);
  for (const [code, drawn] of elements) {
    const unit = state.units.get(code);
    for (const element of drawn) {
      element.removeAttribute("data-unit");
      element.removeAttribute("tabindex");
      element.removeAttribute("role");
      element.removeAttribute("aria-label");
      if (element.tagName === "g") element.toggleAttribute("hidden", !unit);
    }
    if (!unit) continue;
    // One focusable element per unit: its box when it has one (tiny states, districts), else its shape.
    const target = drawn.find((e) => e.tagName === (hasBox(code) ? "g" : "path"));
    target.setAttribute("data-unit", code);
    target.setAttribute("tabindex", "0");
    target.setAttribute("role", "button");
  }
  for (const label of document.querySelectorAll("[data-group]")) {
    label.style.display = state.units.has(`${label.dataset.group}-1`) ? "" : "none";
  }
  for (const code of elements.keys()) paint(code);
}

/** Colour a unit's shape, box and label for its side on the user's map. */
export function paint(code) {
  const unit = state.units.get(code);
  const side = state.assign[code] || "";
  const fill = unit ? `side-${side || "U"}` : "absent";
  for (const element of elements.get(code) || []) {
    let text = element;
    if (element.tagName === "path") {
      element.setAttribute("class", `state ${fill}${unit ? " present" : ""}`);
      continue;
    }
    if (element.tagName === "g") {
      element.querySelector("rect").setAttribute("class", fill);
      text = element.querySelector("text");
    }
    writeLabel(text, unit, element.tagName === "g");
    text.classList.toggle("on-light", !side || side === "O");
  }
  const focusable = (elements.get(code) || []).find((e) => e.hasAttribute("data-unit"));
  if (focusable && unit) {
    focusable.setAttribute("aria-label", `${unit.name}, ${unit.electoral_votes} elector${unit.electoral_votes === 1 ? "" : "s"}, ${SIDE_NAMES[side]}`);
    focusable.dataset.side = side || "U";
  }
}

/** A unit's label: "GA" over "16" on the map, "ME-2 1" in a box; empty when it has no electors. */
function writeLabel(text, unit, inBox) {
  text.textContent = "";
  if (!unit) return;
  text.append(inBox ? `${unit.code} ` : unit.code);
  const ev = svg("tspan", { class: "ev" }, text);
  ev.textContent = unit.electoral_votes;
  if (!inBox) {
    ev.setAttribute("x", text.getAttribute("x"));
    ev.setAttribute("dy", "1.1em");
    text.setAttribute("dy", "-0.45em");
  }
}

function codeOf(target) {
  const element = target.closest("[data-unit], [data-shape], [data-box]");
  if (!element) return null;
  return element.dataset.unit || element.dataset.shape || element.dataset.box;
}

/** Clicks, Enter and Space cycle a unit; hover and keyboard focus show its tooltip. */
function listen(root, onCycle) {
  const onFocus = (event) => {
    const element = event.target.closest && event.target.closest("[data-unit]");
    if (element) showTooltipBelow(element);
  };
  root.addEventListener("click", (event) => {
    const code = codeOf(event.target);
    if (code) {
      onCycle(code);
      showTooltip(code, event.clientX, event.clientY);
    }
  });
  root.addEventListener("keydown", (event) => {
    if (event.key !== "Enter" && event.key !== " ") return;
    const element = event.target.closest("[data-unit]");
    if (!element) return;
    event.preventDefault();
    onCycle(element.dataset.unit);
    showTooltipBelow(element);
  });
  root.addEventListener("pointermove", (event) => {
    const code = codeOf(event.target);
    if (code) showTooltip(code, event.clientX, event.clientY);
    else hideTooltip();
  });
  root.addEventListener("pointerleave", hideTooltip);
  root.addEventListener("focusin", onFocus);
  root.addEventListener("focusout", hideTooltip);
}
