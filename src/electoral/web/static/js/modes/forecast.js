// The forecast mode: each unit shaded by the forecast's probability that the Democrat carries it, on a
// diverging scale (red: the Republican likely, grey: a toss-up, blue: the Democrat likely). A click
// assumes the unit's winner (the Democrat, then the Republican, then no assumption), and every other
// unit's probability and the national odds become the API's conditional odds given the assumptions,
// through the forecast's correlation. Data and requests: ../forecast.js; the panels: ../panels/forecast.js.
import { inkFor, SIDE_COLORS, tint, UNDECIDED } from "../colors.js";
import { $ } from "../dom.js";
import { cycleAssumption, forecast, FORECAST_REQUEST, loadForecast, onForecastChange } from "../forecast.js";
import { paint } from "../map.js";
import {
  drawForecastPanel, drawForecastSummary, dropForecastSummary, probabilityText, showYearButton, sideName,
} from "../panels/forecast.js";
import { state } from "../state.js";

// Bands of P(D carries the unit), lowest first: the colour and how much of it (the rest is white).
const NEUTRAL = "#e2e4e8";
export const BANDS = [
  { below: 0.05, side: "R", strength: 1 },
  { below: 0.2, side: "R", strength: 0.7 },
  { below: 0.4, side: "R", strength: 0.42 },
  { below: 0.6, side: null, strength: 0 },
  { below: 0.8, side: "D", strength: 0.42 },
  { below: 0.95, side: "D", strength: 0.7 },
  { below: Infinity, side: "D", strength: 1 },
];
const LIGHT = 0.45; // the paler stripe of an assumed unit

function bandFill(band) {
  return band.side ? tint(SIDE_COLORS[band.side], band.strength) : NEUTRAL;
}

/** The band's words: "5–20%" (P(D) in percent). */
export function bandText(index) {
  const lo = index ? BANDS[index - 1].below : 0;
  const hi = BANDS[index].below;
  if (!index) return `under ${Math.round(100 * hi)}%`;
  return hi === Infinity ? `${Math.round(100 * lo)}% or more` : `${Math.round(100 * lo)}–${Math.round(100 * hi)}%`;
}

/** {fill, ink} of a probability that the Democrat carries the unit. */
export function probabilityPaint(p) {
  const fill = bandFill(BANDS.find((band) => p < band.below));
  return { fill, ink: inkFor(fill) };
}

/** Stripes of a side's colour and a paler one: a winner the user assumed (labels: black on a white halo). */
export function assumedPaint(side) {
  const color = SIDE_COLORS[side];
  return { stripes: [color, tint(color, LIGHT)], ink: "#000000", fill: color };
}

/** Whether the map shows the forecast's year (the forecast is of one election). */
export function onForecastYear() {
  return Boolean(state.data && state.data.year === FORECAST_REQUEST.year);
}

/** The unit's forecast words: "Joe Biden 84.1%", "assumed: Donald Trump", "no forecast". */
export function forecastWords(code) {
  if (!onForecastYear()) return `no forecast for ${state.data ? state.data.year : "this year"}`;
  if (!forecast.odds) return forecast.error ? "forecast not available" : "forecast loading";
  const assumed = forecast.given[code];
  if (assumed) return `assumed win: ${sideName(assumed)}`;
  const p = forecast.odds.units[code];
  if (p === undefined) return "no forecast";
  return `${sideName("D")} wins with probability ${probabilityText(p)}`;
}

let active = false; // whether the forecast mode is on screen

/** Repaint every unit, the legend and the panels (the odds on screen changed). */
function repaintForecast() {
  if (!active) return;
  for (const code of state.units.keys()) paint(code);
  forecastMode.legend($("#legend"));
  forecastMode.panel($("#mode-panel"));
}

export const forecastMode = {
  id: "forecast",
  label: "Forecast (2020 example)",

  fill(code) {
    if (!onForecastYear() || !forecast.odds || forecast.odds.units[code] === undefined) {
      return { fill: UNDECIDED, ink: "#000000" };
    }
    const assumed = forecast.given[code]; // shown at once, before the odds given it arrive
    return assumed ? assumedPaint(assumed) : probabilityPaint(forecast.odds.units[code]);
  },

  describe: forecastWords,

  tooltip(code) {
    const lines = [forecastWords(code)];
    const unit = onForecastYear() && forecast.document && forecast.document.units.find((u) => u.unit === code);
    if (unit) {
      const [lo, hi] = unit.share_80;
      lines.push(`Forecast without assumptions: ${sideName("D")} ${unit.share.toFixed(1)}% of the two-party vote `
        + `(80% interval ${lo.toFixed(1)}–${hi.toFixed(1)}%), ${unit.polls} poll${unit.polls === 1 ? "" : "s"}`);
    }
    return lines;
  },

  click(code) {
    if (!onForecastYear()) return;
    cycleAssumption(code);
    paint(code); // at once; the other units follow when the odds given the assumptions arrive
  },

  legend(element) {
    element.replaceChildren();
    const list = document.createElement("ul");
    list.className = "legend-list forecast-scale";
    const item = (background, text) => {
      const li = document.createElement("li");
      const swatch = document.createElement("span");
      swatch.className = "swatch";
      swatch.style.background = background;
      li.append(swatch, text);
      list.appendChild(li);
    };
    BANDS.forEach((band, i) => item(bandFill(band), bandText(i)));
    for (const side of ["D", "R"]) {
      const [a, b] = assumedPaint(side).stripes;
      item(`repeating-linear-gradient(45deg, ${a} 0 3px, ${b} 3px 6px)`, `assumed: ${sideName(side)}`);
    }
    const caption = document.createElement("p");
    caption.className = "hint";
    caption.textContent = `Shade: the forecast's probability that ${sideName("D")} carries the unit. `
      + `Click a unit to assume ${sideName("D")} wins it, again for ${sideName("R")}, again for no assumption; `
      + "the other units and the national odds then follow through the correlation between states.";
    element.append(list, caption);
  },

  panel(element) {
    drawForecastPanel(element);
    drawForecastSummary();
  },

  enter() {
    active = true;
    document.body.classList.add("mode-forecast");
    onForecastChange(repaintForecast);
    loadForecast();
    if (state.data && !onForecastYear()) showYearButton().click(); // the forecast is of one year: show it
  },

  leave() {
    active = false;
    document.body.classList.remove("mode-forecast");
    dropForecastSummary();
  },
};
