// Electoral College map, the page's entry (loaded with <script type="module">): draws the record
// of a year from /api/elections/{year}/map on the SVG paths of static/map.json, lets the user
// recolour units, and keeps the bar, the outcome line and the URL in step. The bar is computed in
// the page (it must move on every click without a round trip); everything else (tipping point,
// paths to 270, probabilities) comes from the library via the API. Layout: docs/map.md.
import { api, fetchGeometry, fetchYear } from "./api.js";
import { setupSummary, updateSummary } from "./bar.js";
import { $ } from "./dom.js";
import { drawMap, paint, setupMap } from "./map.js";
import { presetProbability } from "./panels/odds.js";
import { clearPanels, schedulePanels } from "./panels/schedule.js";
import { NEXT_SIDE } from "./sides.js";
import { state, useYear } from "./state.js";
import { decodeScenario, scheduleUrl, updateUrl } from "./url.js";

/** A click (or Enter) on a unit: the next side on the map, the bar at once, URL and panels once clicks settle. */
function cycle(code) {
  if (!state.units.has(code)) return;
  state.assign[code] = NEXT_SIDE[state.assign[code] || ""];
  paint(code);
  updateSummary();
  scheduleUrl();
  schedulePanels();
}

function showNotice(message) {
  const notice = $("#notice");
  notice.textContent = message || "";
  notice.hidden = !message;
}

/** Show a year (from the selector, the buttons or the URL); returns the `changes` that are not its units. */
async function loadYear(year, { base = "record", changes = {}, pushHistory = false, prefetched = null } = {}) {
  const early = prefetched && (await prefetched.catch(() => null));
  const data = early && early.year === year ? early : await fetchYear(year);
  const unknown = useYear(data, base, changes);
  $("#year").value = String(data.year);
  setupMap();
  setupSummary();
  updateSummary();
  updateUrl(pushHistory);
  clearPanels();
  schedulePanels(0);
  return unknown;
}

/** Show the year and the map the URL asks for, and say what in it could not be read. */
async function loadFromLocation(prefetched = null) {
  const params = new URLSearchParams(location.search);
  const latest = state.years[state.years.length - 1];
  let year = Number(params.get("year") || latest);
  const problems = [];
  if (!state.years.includes(year)) {
    problems.push(`no election in ${JSON.stringify(params.get("year"))}; showing ${latest}`);
    year = latest;
  }
  const { changes, bad } = decodeScenario(params.get("s"));
  if (bad.length) problems.push(`ignored unreadable scenario entries: ${bad.join(", ")}`);
  const base = params.get("base") === "blank" ? "blank" : "record";
  const unknown = await loadYear(year, { base, changes, prefetched });
  if (unknown.length) problems.push(`ignored units not voting in ${year}: ${unknown.join(", ")}`);
  showNotice(problems.join(". "));
}

function stepYear(direction) {
  const index = state.years.indexOf(state.data.year) + direction;
  if (index >= 0 && index < state.years.length) {
    showNotice("");
    loadYear(state.years[index], { pushHistory: true });
  }
}

async function start() {
  // Ask for the year's map at once, alongside the geometry, rather than after it.
  const wanted = new URLSearchParams(location.search).get("year");
  const prefetched = wanted ? fetchYear(wanted) : null;
  if (prefetched) prefetched.catch(() => null); // a bad year is reported by loadFromLocation
  const [geo, years] = await Promise.all([fetchGeometry(), api("/api/years")]);
  state.geo = geo;
  state.years = years.years;
  const select = $("#year");
  for (const year of state.years) select.add(new Option(String(year), String(year)));
  drawMap(cycle);
  select.addEventListener("change", () => { showNotice(""); loadYear(Number(select.value), { pushHistory: true }); });
  $("#prev-year").addEventListener("click", () => stepYear(-1));
  $("#next-year").addEventListener("click", () => stepYear(1));
  $("#reset").addEventListener("click", () => { showNotice(""); loadYear(state.data.year, { pushHistory: true }); });
  $("#clear").addEventListener("click", () => { showNotice(""); loadYear(state.data.year, { base: "blank", pushHistory: true }); });
  $("#prob-run").addEventListener("click", () => schedulePanels(0));
  $("#prob-preset").addEventListener("click", () => { presetProbability(); schedulePanels(0); });
  $("#share").addEventListener("click", async () => {
    updateUrl(false);
    try {
      await navigator.clipboard.writeText(location.href);
      showNotice("Link copied: it restores this year and this map.");
    } catch {
      showNotice(`Share this link: ${location.href}`);
    }
  });
  window.addEventListener("popstate", () => loadFromLocation());
  window.addEventListener("pagehide", () => state.data && updateUrl(false));
  await loadFromLocation(prefetched);
  document.body.dataset.ready = "true";
}

start().catch((error) => showNotice(`The map could not load: ${error.message}`));
