// Probability mode: P(the Democratic side carries the unit) for every unit, from the map unless the
// box says otherwise; the exact win and tie odds, the range of electoral votes and the histogram.
import { api } from "../api.js";
import { drawHistogram } from "../charts/histogram.js";
import { $ } from "../dom.js";
import { percent } from "../format.js";
import { sideNames } from "../sides.js";
import { state, undecidedCodes } from "../state.js";

// Units not typed in follow the map (units marked other count as not Democratic: the model is D against R).
const MAP_PROBABILITY = { D: 1, R: 0, O: 0, "": 0.5 };

/** Probabilities typed as "PA=0.6, GA=45%" -> {PA: 0.6, GA: 0.45}; throws naming a bad entry. */
function parseProbabilities(text) {
  const out = {};
  for (const item of text.split(/[,;\n]+/).map((s) => s.trim()).filter(Boolean)) {
    const match = /^([A-Za-z]{2}(?:-\d)?)\s*[=:]\s*([0-9.]+)\s*(%?)$/.exec(item);
    if (!match) throw new Error(`cannot read ${JSON.stringify(item)}: write CODE=probability, e.g. PA=0.6`);
    const value = Number(match[2]) / (match[3] ? 100 : 1);
    if (!(value >= 0 && value <= 1)) throw new Error(`probability for ${match[1].toUpperCase()} must be between 0 and 1, got ${match[2]}${match[3]}`);
    out[match[1].toUpperCase()] = value;
  }
  return out;
}

/** Ask for the exact odds of the map and the typed probabilities; `signal` aborts the request. */
export async function runProbability(signal) {
  const year = state.data.year;
  const error = $("#prob-error");
  error.hidden = true;
  const typed = parseProbabilities($("#prob-input").value);
  const unknown = Object.keys(typed).filter((code) => !state.units.has(code));
  if (unknown.length) throw new Error(`not a unit in ${year}: ${unknown.join(", ")}`);
  const probabilities = {};
  for (const code of state.units.keys()) probabilities[code] = code in typed ? typed[code] : MAP_PROBABILITY[state.assign[code] || ""];
  const doc = await api("/api/probability/exact", { year, probabilities }, signal);
  if (state.data.year !== year) return;
  const names = sideNames(state.data.candidates);
  const ev = doc.electoral_votes;
  const others = Object.values(state.assign).includes("O") ? " Units marked other count against D here." : "";
  $("#prob-odds").textContent = `${names.D} ${percent(doc.p_win.D)} · ${names.R} ${percent(doc.p_win.R)} · `
    + `no majority ${percent(doc.p_tie)}. ${names.D}'s electoral votes: median ${ev.median}, `
    + `90% between ${ev.quantiles["0.05"]} and ${ev.quantiles["0.95"]}.${others}`;
  drawHistogram($("#prob-hist"), doc);
}

/** The preset: every undecided unit at 50%, the rest as on the map. */
export function presetProbability() {
  $("#prob-input").value = undecidedCodes().map((code) => `${code}=0.5`).join(", ");
}

/** Empty the panel and the box (the year changed). */
export function clearOdds() {
  $("#prob-input").value = "";
  $("#prob-odds").replaceChildren();
  $("#prob-hist").replaceChildren();
  $("#prob-error").hidden = true;
}
