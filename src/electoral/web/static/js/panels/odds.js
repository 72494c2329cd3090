// Probability mode: P(the first of the year's two leading candidates carries the unit) for every
// unit, from the map unless the box says otherwise; the exact win and tie odds, the range of
// electoral votes and the histogram. The model behind it (the API's) is Democratic against
// Republican: years whose two leaders were not one of each get the document's explanation instead.
import { api } from "../api.js";
import { drawHistogram } from "../charts/histogram.js";
import { $ } from "../dom.js";
import { percent } from "../format.js";
import { state, undecidedCodes } from "../state.js";

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

/** Set the panel's words for the year: whose chances the box holds, or why there are none. */
export function setupOdds() {
  const { candidates, odds: why } = state.data.two_way;
  $("#prob-why").textContent = why || "";
  $("#prob-why").hidden = !why;
  $("#prob-form").hidden = Boolean(why);
  if (!why) $("#prob-label").textContent = `Chance ${candidates[0]} carries each unit against ${candidates[1]} (others as on the map)`;
}

/** Ask for the exact odds of the map and the typed probabilities; `signal` aborts the request. */
export async function runProbability(signal) {
  const { candidates, odds: why, odds_first_side: firstSide } = state.data.two_way;
  if (why) return;
  const [first, second] = candidates;
  const year = state.data.year;
  $("#prob-error").hidden = true;
  const typed = parseProbabilities($("#prob-input").value);
  const unknown = Object.keys(typed).filter((code) => !state.units.has(code));
  if (unknown.length) throw new Error(`not a unit in ${year}: ${unknown.join(", ")}`);
  const onMap = (code) => ({ [first]: 1, [second]: 0, "": 0.5 }[state.assign[code] || ""] ?? 0);
  const probabilities = {};
  for (const code of state.units.keys()) {
    const p = code in typed ? typed[code] : onMap(code);
    probabilities[code] = firstSide === "D" ? p : 1 - p; // the API takes P(the Democratic side)
  }
  const doc = await api("/api/probability/exact", { year, probabilities }, signal);
  if (state.data.year !== year) return;
  const other = firstSide === "D" ? "R" : "D";
  const dName = firstSide === "D" ? first : second;
  const ev = doc.electoral_votes;
  const against = Object.values(state.assign).some((name) => name && !candidates.includes(name))
    ? ` Units given to others count against ${first} here.` : "";
  $("#prob-odds").textContent = `${first} ${percent(doc.p_win[firstSide])} · ${second} ${percent(doc.p_win[other])} · `
    + `no majority ${percent(doc.p_tie)}. ${dName}'s electoral votes: median ${ev.median}, `
    + `90% between ${ev.quantiles["0.05"]} and ${ev.quantiles["0.95"]}.${against}`;
  $("#prob-hist").setAttribute("aria-label", `Histogram of ${dName}'s electoral votes`);
  drawHistogram($("#prob-hist"), doc, { D: dName, R: firstSide === "D" ? second : first });
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
