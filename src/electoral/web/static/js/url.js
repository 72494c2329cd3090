// The URL is the scenario: ?year=2020&s=GA:R,AZ:R lists the units that differ from the recorded
// map (or, with &base=blank, from an empty one).
import { state } from "./state.js";

// history.replaceState costs ~10 ms in Chromium (and is rate-limited): write the URL once a burst
// of clicks settles, not on every click, so the bar keeps up with the clicks.
const URL_DELAY_MS = 120;
let urlTimer = 0;

/** "GA:R,AZ:R" for the units whose side differs from the base map (U = undecided). */
function encodeScenario(assign, base, codes) {
  return codes
    .filter((code) => (assign[code] || "") !== (base[code] || ""))
    .map((code) => `${code}:${assign[code] || "U"}`)
    .join(",");
}

/** Parse "GA:R,AZ:R,ME-2:U" into {code: side}; returns also the entries it could not read. */
export function decodeScenario(text) {
  const changes = {};
  const bad = [];
  for (const item of (text || "").split(",").map((s) => s.trim()).filter(Boolean)) {
    const match = /^([A-Za-z]{2}(?:-\d)?)[:=]([DROUdrou])$/.exec(item);
    if (!match) { bad.push(item); continue; }
    const side = match[2].toUpperCase();
    changes[match[1].toUpperCase()] = side === "U" ? "" : side;
  }
  return { changes, bad };
}

function scenarioQuery() {
  const codes = [...state.units.keys()];
  const base = state.base === "blank" ? {} : state.recorded;
  const params = new URLSearchParams({ year: state.data.year });
  if (state.base === "blank") params.set("base", "blank");
  const changes = encodeScenario(state.assign, base, codes);
  if (changes) params.set("s", changes);
  // Keep "GA:R,AZ:R" readable in the address bar (":" and "," are safe in a query).
  return params.toString().replace(/%3A/gi, ":").replace(/%2C/gi, ",");
}

/** Rewrite the URL once the clicks settle. */
export function scheduleUrl() {
  clearTimeout(urlTimer);
  urlTimer = setTimeout(() => updateUrl(false), URL_DELAY_MS);
}

/** Write the scenario to the URL now: as a new history entry, or in place of the current one. */
export function updateUrl(newEntry) {
  clearTimeout(urlTimer);
  const url = `${location.pathname}?${scenarioQuery()}`;
  if (newEntry) history.pushState(null, "", url);
  else history.replaceState(null, "", url);
}
