// The page's state: the geometry, the years, the year on screen and the user's map. One object,
// shared by the modules; only main.js (loading a year, a click) changes it.

export const state = {
  geo: null, // map.json: {states: {code: {name, fips, d, x, y, admitted}}, boxes: {code: {x, y, w, h}}}
  years: [],
  data: null, // the year's map document from the API
  units: new Map(), // code -> unit of the year
  recorded: {}, // code -> side of the recorded winner ("" if none)
  assign: {}, // code -> side on the user's map
  base: "record", // "record": the URL lists changes to the recorded map; "blank": changes to an empty map
};

/** Put a year's map document on screen: the recorded map (or a blank one) with `changes` applied.
 * Returns the codes in `changes` that are not units of that year. */
export function useYear(data, base, changes) {
  state.data = data;
  state.units = new Map(data.units.map((unit) => [unit.code, unit]));
  state.recorded = Object.fromEntries(data.units.map((unit) => [unit.code, unit.side || ""]));
  state.base = base;
  state.assign = base === "blank" ? {} : { ...state.recorded };
  const unknown = [];
  for (const [code, side] of Object.entries(changes)) {
    if (state.units.has(code)) state.assign[code] = side;
    else unknown.push(code);
  }
  return unknown;
}

/** The units called for a side on the map: {code: side}. */
export function decidedMap() {
  return Object.fromEntries(Object.entries(state.assign).filter(([code, side]) => side && state.units.has(code)));
}

/** The units left undecided on the map. */
export function undecidedCodes() {
  return [...state.units.keys()].filter((code) => !state.assign[code]);
}

export function unitName(code) {
  const unit = state.units.get(code);
  return unit ? unit.name : code;
}

/** The side of a candidate of the year ("O" for one the record does not know). */
export function sideOfCandidate(name) {
  const found = state.data.candidates.find((c) => c.name === name);
  return found ? found.side : "O";
}
