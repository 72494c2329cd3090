// The SVG map: state shapes and labels, and the boxes for units too small to click (DC, the small
// north-eastern states) and for Maine's and Nebraska's districts. Drawn once from map.json,
// restyled per year and repainted per click, in the colours of the map mode on screen. Below 600 px
// the boxes give way to buttons under the map (#unit-chips), large enough to tap (24x24 px and more).
import { $, svg } from "./dom.js";
import { currentMode } from "./modes.js";
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
  drawChips();
  for (const code of elements.keys()) paint(code);
}

const MIN_TARGET_PX = 24; // WCAG 2.5.8: a smaller shape gets an equivalent button under the map

/** The buttons under the map: for the boxed units where the boxes are hidden (narrow screens), and for
 * every unit whose shape is drawn smaller than 24x24 px at the current width. */
function drawChips() {
  const chips = $("#unit-chips");
  const narrow = matchMedia("(max-width: 600px)").matches;
  const codes = [];
  for (const [code, drawn] of elements) {
    if (!state.units.has(code)) continue;
    const target = drawn.find((e) => e.hasAttribute("data-unit"));
    const rect = target.tagName === "path" ? target.getBoundingClientRect() : null;
    if (rect ? rect.width < MIN_TARGET_PX || rect.height < MIN_TARGET_PX : narrow) codes.push(code);
  }
  chips.replaceChildren();
  for (const code of codes) {
    const button = document.createElement("button");
    button.type = "button";
    button.className = "chip-button";
    button.dataset.chip = code;
    chips.appendChild(button);
  }
}

let resizeTimer = 0;
/** Redraw the buttons under the map once a resize settles (the shapes' sizes change with the width). */
export function watchWidth() {
  addEventListener("resize", () => {
    clearTimeout(resizeTimer);
    resizeTimer = setTimeout(() => {
      if (!state.data) return;
      drawChips();
      for (const code of state.units.keys()) paint(code);
    }, 150);
  });
}

/** The id of a pattern of diagonal stripes in two colours (made once): two candidates sharing a unit's electors. */
function stripes([a, b]) {
  const id = `stripes-${a.slice(1)}-${b.slice(1)}`;
  if (!document.getElementById(id)) {
    const pattern = svg("pattern", { id, width: 8, height: 8, patternUnits: "userSpaceOnUse", patternTransform: "rotate(45)" }, $("#map defs"));
    svg("rect", { width: 4, height: 8, fill: a }, pattern);
    svg("rect", { x: 4, width: 4, height: 8, fill: b }, pattern);
  }
  return id;
}

/** The CSS fill of a mode's look: a colour, a pattern the mode drew, or two colours in stripes. */
function fillOf(look) {
  if (!look) return "";
  if (look.stripes) return `url(#${stripes(look.stripes)})`;
  return look.pattern ? `url(#${look.pattern})` : look.fill;
}

/** Colour a unit's shape, box, label and button as the map mode says. */
export function paint(code) {
  const unit = state.units.get(code);
  const look = unit ? currentMode().fill(code) : null;
  const fill = fillOf(look);
  for (const element of elements.get(code) || []) {
    let text = element;
    if (element.tagName === "path") {
      element.setAttribute("class", `state ${unit ? "present" : "absent"}`);
      element.style.fill = fill;
      continue;
    }
    if (element.tagName === "g") {
      const rect = element.querySelector("rect");
      rect.setAttribute("class", unit ? "" : "absent");
      rect.style.fill = fill;
      text = element.querySelector("text");
    }
    writeLabel(text, unit, element.tagName === "g");
    text.style.fill = look ? look.ink : "";
    text.classList.toggle("halo", Boolean(look && look.stripes)); // on stripes: a white outline keeps it legible
  }
  if (!unit) return;
  const describe = currentMode().describe ? currentMode().describe(code) : "";
  const electors = `${unit.electoral_votes} elector${unit.electoral_votes === 1 ? "" : "s"}`;
  // The accessible name starts with the visible label ("VT 3"), as WCAG 2.5.3 asks.
  const name = `${code} ${unit.electoral_votes}: ${unit.name}, ${electors}${describe ? `, ${describe}` : ""}`;
  const focusable = (elements.get(code) || []).find((e) => e.hasAttribute("data-unit"));
  if (focusable) {
    focusable.setAttribute("aria-label", name);
    focusable.dataset.candidate = state.assign[code] || "";
  }
  const chip = document.querySelector(`[data-chip="${code}"]`);
  if (chip) {
    chip.textContent = `${code} ${unit.electoral_votes}`;
    chip.setAttribute("aria-label", name);
    chip.style.background = look.stripes
      ? `repeating-linear-gradient(45deg, ${look.stripes[0]} 0 6px, ${look.stripes[1]} 6px 12px)` : fill;
    chip.classList.toggle("halo", Boolean(look.stripes));
    chip.style.color = look.ink;
    chip.dataset.candidate = state.assign[code] || "";
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
  const chips = $("#unit-chips");
  chips.addEventListener("click", (event) => {
    const chip = event.target.closest("[data-chip]");
    if (!chip) return;
    onCycle(chip.dataset.chip);
    showTooltipBelow(chip);
  });
  chips.addEventListener("focusin", (event) => event.target.dataset.chip && showTooltipBelow(event.target));
  chips.addEventListener("focusout", hideTooltip);
  // Escape closes the tooltip; so does a tap or click anywhere but on a unit.
  document.addEventListener("keydown", (event) => event.key === "Escape" && hideTooltip());
  document.addEventListener("pointerdown", (event) => {
    if (!(event.target.closest && event.target.closest("[data-unit], [data-shape], [data-chip]"))) hideTooltip();
  });
}
