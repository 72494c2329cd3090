// The URL is the scenario: ?year=2020&s=GA:Trump,AZ:Trump lists the units that differ from the
// recorded map (or, with &base=blank, from an empty one), each with its candidate's key (the last
// name, or the full name where two share it; U = undecided). D, R and O stand for the first candidate
// of the Democratic line, the Republican line and the others, as links written by older pages did.
// &mode=house names a map mode other than the default, followed by the mode's own parameters (the
// ledger view's &at=2020-11-07T12:00-05:00 or &live=1).
// Clicks replace the current history entry; only a change of year (or Recorded/Clear) adds one, so
// Back goes to the previous year, as a visitor expects, and Undo (Ctrl-Z) undoes clicks.
import { currentMode, modes } from "./modes.js";
import { state } from "./state.js";

// history.replaceState costs ~10 ms in Chromium (and is rate-limited): write the URL once a burst
// of clicks settles, not on every click, so the bar keeps up with the clicks.
const URL_DELAY_MS = 120;
let urlTimer = 0;

const lastName = (name) => name.split(" ").pop();

/** The key of a candidate in the URL: the last name, unless another candidate of the year shares it. */
export function candidateKey(name) {
  if (!name) return "U";
  const same = state.data.candidates.filter((c) => lastName(c.name) === lastName(name));
  return same.length > 1 ? name : lastName(name);
}

/** The candidate a key names in the year on screen (undefined if none; "" for U). */
export function candidateOf(key) {
  const k = key.toLowerCase();
  if (k === "u") return "";
  const candidates = state.data.candidates;
  const bySide = { d: "D", r: "R", o: "O" }[k];
  if (bySide) return (candidates.find((c) => c.side === bySide) || {}).name;
  const exact = candidates.find((c) => c.name.toLowerCase() === k);
  if (exact) return exact.name;
  const byLast = candidates.filter((c) => lastName(c.name).toLowerCase() === k);
  return byLast.length === 1 ? byLast[0].name : undefined;
}

/** Parse "GA:Trump,AZ:R,ME-2:U" into {code: key}; returns also the entries it could not read. */
export function decodeScenario(text) {
  const changes = {};
  const bad = [];
  for (const item of (text || "").split(",").map((s) => s.trim()).filter(Boolean)) {
    const match = /^([A-Za-z]{2}(?:-\d)?)[:=](.+)$/.exec(item);
    if (!match) { bad.push(item); continue; }
    changes[match[1].toUpperCase()] = match[2].trim();
  }
  return { changes, bad };
}

/** The query of the map on screen: year, base, changes. */
export function scenarioQuery() {
  const base = state.base === "blank" ? {} : state.recorded;
  const params = new URLSearchParams({ year: state.data.year });
  if (state.base === "blank") params.set("base", "blank");
  const changes = [...state.units.keys()]
    .filter((code) => (state.assign[code] || "") !== (base[code] || ""))
    .map((code) => `${code}:${candidateKey(state.assign[code])}`)
    .join(",");
  if (changes) params.set("s", changes);
  const mode = currentMode();
  if (mode && mode !== modes()[0]) { // the default mode is left out of the URL
    params.set("mode", mode.id);
    for (const [key, value] of mode.query ? mode.query() : []) params.set(key, value);
  }
  // Keep "GA:Trump,AZ:Trump" readable in the address bar (":" and "," are safe in a query).
  return params.toString().replace(/%3A/gi, ":").replace(/%2C/gi, ",").replace(/\+/g, "%20");
}

/** Rewrite the URL once the clicks settle. */
export function scheduleUrl() {
  clearTimeout(urlTimer);
  urlTimer = setTimeout(() => updateUrl(false), URL_DELAY_MS);
}

/** Write the scenario to the URL now: as a new history entry, or in place of the current one. */
export function updateUrl(newEntry) {
  clearTimeout(urlTimer);
  const embedded = document.body.classList.contains("embed") ? "&embed=1" : ""; // an embedded map stays embedded
  const url = `${location.pathname}?${scenarioQuery()}${embedded}`;
  if (newEntry) history.pushState(null, "", url);
  else history.replaceState(null, "", url);
}
