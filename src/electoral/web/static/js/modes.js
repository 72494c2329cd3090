// Map modes: what the map shows, what its legend and side panel say, and what a click on a unit does.
// The recorded view (modes/recorded.js) is the first (the default, left out of the URL); the ledger
// (modes/ledger.js) and the House delegations (modes/house.js) follow; a new mode is a new file under modes/ and one
// registerMode() call in main.js. A mode is an object:
//
//   id        short name, also the URL's ?mode= value ("recorded")
//   label     the mode selector's text ("Record and what-if")
//   fill(code) -> {fill, ink, pattern?}   the unit's fill colour, the colour of labels drawn on it
//             (>= 4.5:1 against fill), and optionally the id of an SVG <pattern> to use instead
//   legend(element)   fill the legend element under the map
//   panel(element)    fill the mode's panel next to the map (optional)
//   click(code)       a click, Enter or Space on a unit
//   describe(code)    optional: the words after the unit's name in its accessible name and tooltip
//   tooltip(code)     optional: the tooltip's lines after the unit's name and electors (plain text),
//                     instead of the record's (counted votes, popular vote, the user's map)
//   enter() / leave() optional: called when the mode is chosen or left (e.g. to fetch its data)
//   query()   optional: [[key, value]...] the mode's own URL parameters (the ledger's moment: at=...)
//   summary() optional: the bar's figures instead of the map's, {pairs: [[name, votes]...], all, rest,
//             rest_label, outcome, note}, or null (the ledger: electoral votes projected at its moment)
//
// Only the year's units reach fill/click; units not in the Union are hatched by the map itself.

const registry = new Map();
let current = null;

/** Add a mode to the selector; the first one registered is the default. */
export function registerMode(mode) {
  for (const key of ["id", "label", "fill", "legend", "click"]) {
    if (!mode[key]) throw new Error(`map mode ${mode.id || "?"} lacks ${key}`);
  }
  registry.set(mode.id, mode);
  if (!current) current = mode;
}

/** Every registered mode, in the order registered. */
export function modes() {
  return [...registry.values()];
}

/** The mode on screen. */
export function currentMode() {
  return current;
}

/** Switch to the mode `id` (unknown ids keep the current mode); returns the mode on screen. */
export function setMode(id) {
  const next = registry.get(id);
  if (next && next !== current) {
    if (current.leave) current.leave();
    current = next;
    if (current.enter) current.enter();
  }
  return current;
}
