// The forecast mode's words and numbers: above the map, the national odds as a bar (the Democrat
// wins, no majority, the Republican wins) with the assumptions and the forecast's source; next to the
// map, the assumptions with a button to clear them and every unit's probability, closest races first,
// with its change from the forecast. Every number is the API's (../forecast.js).
import { SIDE_COLORS } from "../colors.js";
import { $ } from "../dom.js";
import { count, longDate } from "../format.js";
import { clearAssumptions, forecast, FORECAST_REQUEST } from "../forecast.js";
import { state } from "../state.js";

const SIDE_WORDS = { D: "the Democrat", R: "the Republican" };
const NO_MAJORITY = "#5b6470";

/** The candidate of side "D" or "R" in the forecast's year on screen, else "the Democrat"/"the Republican". */
export function sideName(side) {
  const onYear = state.data && state.data.year === FORECAST_REQUEST.year;
  const candidate = onYear && state.data.candidates.find((c) => c.side === side);
  return candidate ? candidate.name : SIDE_WORDS[side];
}

/** 0.8412 -> "84.1%"; below 0.1% and above 99.9% are written as such. */
export function probabilityText(p) {
  if (p > 0 && p < 0.0005) return "under 0.1%";
  if (p < 1 && p > 0.9995) return "over 99.9%";
  return `${(100 * p).toFixed(1)}%`;
}

function el(tag, attributes = {}, text = "") {
  const element = document.createElement(tag);
  for (const [key, value] of Object.entries(attributes)) element.setAttribute(key, value);
  if (text) element.textContent = text;
  return element;
}

/** "PA: Donald Trump, GA: Joe Biden" (the assumptions in force), or "" for none. */
function assumptionsText(given) {
  return Object.entries(given).sort().map(([code, side]) => `${code}: ${sideName(side)}`).join(", ");
}

/** Why no odds are on screen ("" if they are). */
function missingText() {
  if (!state.data || state.data.year !== FORECAST_REQUEST.year) {
    return `The forecast is of ${FORECAST_REQUEST.year}; the map shows ${state.data ? state.data.year : "no year"}.`;
  }
  if (!forecast.odds) return forecast.error ? `The forecast could not load: ${forecast.error}` : "Loading the forecast…";
  return "";
}

/** The national odds above the map (made on first use, removed when the mode is left). */
export function drawForecastSummary() {
  let box = $("#forecast-summary");
  if (!box) {
    box = el("div", { id: "forecast-summary" });
    box.append(el("p", { id: "forecast-odds", "aria-live": "polite" }), el("div", { id: "forecast-bar", class: "bar" }),
      el("p", { id: "forecast-given", class: "hint" }), el("p", { id: "forecast-source", class: "hint" }));
    $("#summary").prepend(box);
  }
  const missing = missingText();
  const odds = forecast.odds;
  $("#forecast-bar").replaceChildren();
  $("#forecast-bar").hidden = Boolean(missing);
  if (missing) {
    $("#forecast-odds").textContent = missing;
    $("#forecast-given").textContent = "";
    $("#forecast-source").textContent = "";
    return;
  }
  const parts = [["D", odds.p_win.D, SIDE_COLORS.D], ["tie", odds.p_tie, NO_MAJORITY], ["R", odds.p_win.R, SIDE_COLORS.R]];
  const words = (key) => (key === "tie" ? "no majority (269–269)" : `${sideName(key)} wins`);
  $("#forecast-odds").textContent = parts.map(([key, p]) => `${words(key)}: ${probabilityText(p)}`).join(" · ");
  for (const [key, p, color] of parts) {
    const segment = el("span", { class: "seg", "data-outcome": key });
    segment.style.width = `${100 * p}%`;
    segment.style.background = color;
    $("#forecast-bar").appendChild(segment);
  }
  const given = assumptionsText(forecast.shown);
  const ev = odds.ev_mean === null ? "" : ` Expected electoral votes of ${sideName("D")}: ${Math.round(odds.ev_mean)}.`;
  $("#forecast-given").textContent = given
    ? `Given ${given} (in ${probabilityText(odds.p_given)} of simulated elections; odds from the ${count(odds.draws)} that match).${ev}`
    : `No winner assumed: the forecast's own odds.${ev}`;
  const doc = forecast.document;
  $("#forecast-source").textContent = `Forecast of ${doc.year} as of ${longDate(doc.as_of)} from the packaged example `
    + `of ${count(doc.polls_used)} polls (FiveThirtyEight's poll file, CC BY 4.0); see docs/forecast.md.`;
}

export function dropForecastSummary() {
  const box = $("#forecast-summary");
  if (box) box.remove();
}

function changeText(code, p) {
  if (forecast.shown[code]) return "assumed";
  const before = forecast.baseline[code];
  const delta = before === undefined ? 0 : 100 * (p - before);
  if (Math.abs(delta) < 0.05) return "–";
  return `${delta > 0 ? "+" : "−"}${Math.abs(delta).toFixed(1)}`;
}

/** Assumed units first, then the closest races (P(D) nearest one half). */
function closeness([code, p]) {
  return forecast.shown[code] ? -1 : Math.abs(p - 0.5);
}

function unitTable() {
  const wrap = el("div", { class: "table-wrap", tabindex: "0", role: "region",
    "aria-label": "Units, closest first, a scrollable table" });
  const table = el("table", { id: "forecast-units" });
  const head = table.createTHead().insertRow();
  for (const label of ["Unit", "Electors", `P(${sideName("D")} wins)`, "Change, pts"]) {
    head.appendChild(el("th", { scope: "col" }, label));
  }
  const body = table.createTBody();
  const rows = Object.entries(forecast.odds.units).filter(([code]) => state.units.has(code))
    .sort((a, b) => closeness(a) - closeness(b) || a[0].localeCompare(b[0]));
  for (const [code, p] of rows) {
    const tr = body.insertRow();
    tr.dataset.row = code;
    const assumed = forecast.shown[code];
    const cells = [code, String(state.units.get(code).electoral_votes),
      assumed ? `assumed: ${sideName(assumed)}` : probabilityText(p), changeText(code, p)];
    for (const text of cells) tr.appendChild(el("td", {}, text));
    tr.cells[2].className = "p";
    tr.cells[2].dataset.p = String(p);
    tr.cells[0].title = state.units.get(code).name;
  }
  wrap.appendChild(table);
  return wrap;
}

/** A button that shows the forecast's year (as choosing it in the year selector does). */
export function showYearButton() {
  const button = el("button", { type: "button", id: "forecast-year" }, `Show ${FORECAST_REQUEST.year}`);
  button.addEventListener("click", () => {
    const select = $("#year");
    select.value = String(FORECAST_REQUEST.year);
    select.dispatchEvent(new Event("change"));
  });
  return button;
}

/** The panel next to the map: the assumptions, a button to clear them, every unit's probability. */
export function drawForecastPanel(element) {
  const focused = element.contains(document.activeElement) ? document.activeElement.id : "";
  element.replaceChildren(el("h2", { id: "units-title" }, "Forecast by unit, closest first"));
  const missing = missingText();
  if (missing) {
    element.appendChild(el("p", {}, missing));
    if (state.data && state.data.year !== FORECAST_REQUEST.year) element.appendChild(showYearButton());
    return;
  }
  const given = assumptionsText(forecast.given);
  element.appendChild(el("p", { id: "forecast-assumed" }, given ? `Assumed: ${given}.` : "No winner assumed."));
  if (forecast.error) element.appendChild(el("p", { class: "error", role: "alert" }, forecast.error));
  const clear = el("button", { type: "button", id: "forecast-clear" }, "Clear assumptions");
  clear.disabled = !given;
  clear.addEventListener("click", clearAssumptions);
  element.append(el("div", { class: "buttons" }, ""), unitTable(), el("p", { class: "hint" },
    "Change: from the forecast without assumptions, in percentage points. Odds given assumptions come from "
    + "the forecast's simulated elections that match them (a rare set of assumptions has fewer behind them); "
    + "a change compares them with the same simulated elections without assumptions."));
  element.querySelector(".buttons").appendChild(clear);
  if (focused && $(`#${focused}`)) $(`#${focused}`).focus();
}
