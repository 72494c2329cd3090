// Electoral College map, the page's entry (loaded with <script type="module">): draws a year from
// /api/elections/{year}/map on the SVG paths of static/map.json in the colours of the map mode on
// screen, lets the user give units to the year's candidates, and keeps the bar, the outcome line and
// the URL in step. Everything but the sum of the user's clicks comes from the library via the API.
// Layout and the map-mode registry: docs/map.md.
import { api, fetchGeometry, fetchYear } from "./api.js";
import { setupSummary, updateSummary } from "./bar.js";
import { $ } from "./dom.js";
import { exportPng, exportSvg, showEmbed } from "./export.js";
import { listenForKeys, redo, resetHistory, setApply, undo } from "./history.js";
import { drawMap, paint, setupMap, watchWidth } from "./map.js";
import { currentMode, modes, registerMode, setMode } from "./modes.js";
import { houseMode } from "./modes/house.js";
import { ledgerMode } from "./modes/ledger.js";
import { forecastMode } from "./modes/forecast.js";
import { recordedMode } from "./modes/recorded.js";
import { presetProbability, setupOdds } from "./panels/odds.js";
import { clearPanels, schedulePanels } from "./panels/schedule.js";
import { state, useYear } from "./state.js";
import { hideTooltip } from "./tooltip.js";
import { candidateOf, decodeScenario, scheduleUrl, updateUrl } from "./url.js";

// The map modes, first the default. Later modes (a ledger time slider, a forecast, House delegations)
// register here, one file each under modes/.
registerMode(recordedMode);
registerMode(ledgerMode);
registerMode(houseMode);
registerMode(forecastMode);

let loadSeq = 0; // the latest year requested: an answer for an older request is dropped
let loadAbort = null; // aborts the previous year's request

/** Redraw what depends on the mode: every unit, the legend, the mode's panel, the bar. */
function repaint() {
  for (const code of Object.keys(state.geo.states).concat(Object.keys(state.geo.boxes))) paint(code);
  currentMode().legend($("#legend"));
  if (currentMode().panel) currentMode().panel($("#mode-panel"));
  updateSummary();
}

/** Put `name` (a candidate, or "" for undecided) on unit `code`: the bar at once, URL and panels once clicks settle. */
function applyChange(code, name) {
  if (!state.units.has(code)) return;
  state.assign[code] = name;
  paint(code);
  updateSummary();
  if (currentMode().panel) currentMode().panel($("#mode-panel"));
  scheduleUrl();
  schedulePanels();
}

function showNotice(message) {
  const notice = $("#notice");
  notice.textContent = message || "";
  notice.hidden = !message;
}

/** Turn the URL's candidate keys into names of `data`'s candidates; returns the keys it cannot read. */
function resolveChanges(keys) {
  const names = {};
  const bad = [];
  for (const [code, key] of Object.entries(keys)) {
    const name = candidateOf(key);
    if (name === undefined) bad.push(`${code}:${key}`);
    else names[code] = name;
  }
  return { names, bad };
}

/** Show a year (from the selector, the buttons or the URL). Only the latest request is drawn: an
 * earlier one still on its way is aborted, and its answer, if it comes anyway, is dropped.
 * Returns {unknown, bad} (changes that are not units of the year, or name no candidate), or null if superseded. */
async function loadYear(year, { base = "record", changes = {}, pushHistory = false, prefetched = null } = {}) {
  const seq = ++loadSeq;
  if (loadAbort) loadAbort.abort();
  const controller = new AbortController();
  loadAbort = controller;
  $("#year").value = String(year);
  document.body.dataset.loading = "true";
  let data;
  try {
    const early = prefetched && (await prefetched.catch(() => null));
    data = early && early.year === year ? early : await fetchYear(year, controller.signal);
  } catch (error) {
    if (seq !== loadSeq || error.name === "AbortError") return null;
    throw error;
  }
  if (seq !== loadSeq) return null; // the user asked for another year meanwhile
  state.data = data; // candidateOf reads the year's candidates
  const { names, bad } = resolveChanges(changes);
  const unknown = useYear(data, base, names);
  resetHistory();
  hideTooltip();
  setupMap();
  setupSummary();
  setupOdds();
  repaint();
  updateUrl(pushHistory);
  clearPanels();
  schedulePanels(0);
  delete document.body.dataset.loading;
  document.body.dataset.year = String(data.year); // the year drawn (tests wait for it)
  return { unknown, bad };
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
  const base = params.get("base") === "blank" ? "blank" : "record";
  const wantedMode = params.get("mode") || modes()[0].id;
  $("#mode").value = setMode(wantedMode).id;
  if (currentMode().id !== wantedMode) problems.push(`no map view ${JSON.stringify(wantedMode)}; showing ${currentMode().label}`);
  const result = await loadYear(year, { base, changes, prefetched });
  if (!result) return; // superseded by a newer request
  const unread = bad.concat(result.bad);
  if (unread.length) problems.push(`ignored unreadable scenario entries: ${unread.join(", ")}`);
  if (result.unknown.length) problems.push(`ignored units not voting in ${year}: ${result.unknown.join(", ")}`);
  showNotice(problems.join(". "));
}

function stepYear(direction) {
  const index = state.years.indexOf(state.data.year) + direction;
  if (index >= 0 && index < state.years.length) {
    showNotice("");
    loadYear(state.years[index], { pushHistory: true });
  }
}

function wireControls() {
  const select = $("#year");
  select.addEventListener("change", () => { showNotice(""); loadYear(Number(select.value), { pushHistory: true }); });
  $("#prev-year").addEventListener("click", () => stepYear(-1));
  $("#next-year").addEventListener("click", () => stepYear(1));
  $("#reset").addEventListener("click", () => { showNotice(""); loadYear(state.data.year, { pushHistory: true }); });
  $("#clear").addEventListener("click", () => { showNotice(""); loadYear(state.data.year, { base: "blank", pushHistory: true }); });
  $("#undo").addEventListener("click", undo);
  $("#redo").addEventListener("click", redo);
  $("#export-svg").addEventListener("click", exportSvg);
  $("#export-png").addEventListener("click", exportPng);
  $("#embed-show").addEventListener("click", showEmbed);
  $("#embed-close").addEventListener("click", () => { $("#embed").hidden = true; $("#embed-show").focus(); });
  document.addEventListener("keydown", (event) => {
    if (event.key === "Escape" && !$("#embed").hidden) { $("#embed").hidden = true; $("#embed-show").focus(); }
  });
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
  const modeSelect = $("#mode");
  for (const mode of modes()) modeSelect.add(new Option(mode.label, mode.id));
  $("#mode-field").hidden = modes().length < 2;
  modeSelect.addEventListener("change", () => { setMode(modeSelect.value); repaint(); updateUrl(false); });
}

async function start() {
  if (new URLSearchParams(location.search).get("embed") === "1") document.body.classList.add("embed");
  // Ask for the year's map at once, alongside the geometry, rather than after it.
  const wanted = new URLSearchParams(location.search).get("year");
  const prefetched = wanted ? fetchYear(wanted) : null;
  if (prefetched) prefetched.catch(() => null); // a bad year is reported by loadFromLocation
  const [geo, years] = await Promise.all([fetchGeometry(), api("/api/years")]);
  state.geo = geo;
  state.years = years.years;
  const select = $("#year");
  for (const year of state.years) select.add(new Option(String(year), String(year)));
  setApply(applyChange);
  drawMap((code) => state.units.has(code) && currentMode().click(code));
  wireControls();
  listenForKeys();
  watchWidth();
  window.addEventListener("popstate", () => loadFromLocation());
  window.addEventListener("pagehide", () => state.data && updateUrl(false));
  await loadFromLocation(prefetched);
  document.body.dataset.ready = "true";
}

start().catch((error) => showNotice(`The map could not load: ${error.message}`));
