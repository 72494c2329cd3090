// The page's state: the geometry, the years, the year on screen and the user's map. One object,
// shared by the modules; only main.js and the map modes (loading a year, a click) change it.
import { candidateColors } from "./colors.js";

export const state = {
  geo: null, // map.json: {states: {code: {name, fips, d, x, y, admitted}}, boxes: {code: {x, y, w, h}}}
  years: [],
  data: null, // the year's map document from the API (units, candidates, the record's tally, two_way, shades)
  units: new Map(), // code -> unit of the year
  colors: new Map(), // candidate name -> colour
  recorded: {}, // code -> the recorded winner ("" if no votes were counted)
  assign: {}, // code -> the candidate on the user's map ("" = undecided)
  base: "record", // "record": the URL lists changes to the recorded map; "blank": changes to an empty map
};

/** Put a year's map document on screen: the recorded map (or a blank one) with `changes` applied.
 * `changes` maps a code to a candidate's name ("" = undecided). Returns the codes that are not units that year. */
export function useYear(data, base, changes) {
  state.data = data;
  state.units = new Map(data.units.map((unit) => [unit.code, unit]));
  state.colors = candidateColors(data.candidates);
  state.recorded = Object.fromEntries(data.units.map((unit) => [unit.code, unit.winner || ""]));
  state.base = base;
  state.assign = base === "blank" ? {} : { ...state.recorded };
  const unknown = [];
  for (const [code, name] of Object.entries(changes)) {
    if (state.units.has(code)) state.assign[code] = name;
    else unknown.push(code);
  }
  return unknown;
}

/** Whether a unit shows its recorded result (its electors' votes as Congress counted them). */
export function asRecorded(code) {
  return (state.assign[code] || "") === state.recorded[code] && state.recorded[code] !== "";
}

/** The votes a unit gives on the map: {candidate: votes}. As recorded, the recorded split; given to a
 * candidate, one vote per elector (before 1804 the electors' second votes stay undecided). */
export function unitVotes(code) {
  const unit = state.units.get(code);
  if (asRecorded(code)) return unit.votes;
  const name = state.assign[code];
  return name ? { [name]: unit.electoral_votes } : {};
}

/** The map's votes per candidate, in the tally's order, and the votes not given to anyone. */
export function mapTotals() {
  const votes = new Map(state.data.candidates.map((c) => [c.name, 0]));
  let given = 0;
  for (const code of state.units.keys()) {
    for (const [name, n] of Object.entries(unitVotes(code))) {
      votes.set(name, (votes.get(name) || 0) + n);
      given += n;
    }
  }
  const all = state.data.electors_appointed * state.data.votes_per_elector;
  return { votes, rest: all - given, all };
}

/** Whether the map is the record as Congress counted it (no unit changed). */
export function mapIsRecord() {
  return state.base === "record" && [...state.units.keys()].every((code) => (state.assign[code] || "") === state.recorded[code]);
}

/** The units the user left undecided (not those where no votes were counted, on the recorded map). */
export function undecidedCodes() {
  return [...state.units.keys()].filter((code) => !state.assign[code]);
}

export function unitName(code) {
  const unit = state.units.get(code);
  return unit ? unit.name : code;
}

/** The order a click moves a unit along: the year's candidates (most electoral votes first), then undecided. */
export function nextCandidate(current) {
  const order = [...state.data.candidates.map((c) => c.name), ""];
  return order[(order.indexOf(current || "") + 1) % order.length];
}
