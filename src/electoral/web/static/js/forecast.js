// The forecast the map's forecast mode shows, and the winners the user assumes. The page computes no
// probability: the forecast is POST /api/forecast of the packaged example polls (2020, as of
// 2 November) and POST /api/forecast/conditional with no assumption (the simulated baseline of the
// changes shown), and each set of assumptions is POST /api/forecast/conditional with the forecast's
// engine document (docs/forecast.md, "The JSON documents"). Only the latest request is shown: a newer
// click aborts the request still on its way, and an answer that comes anyway is dropped.
// body[data-forecast] is "loading" while a request is on its way, then "ready" (or "error").
import { api } from "./api.js";

// The forecast shown: the packaged example (FiveThirtyEight's 2020 polls, CC BY 4.0), offline.
export const FORECAST_REQUEST = { year: 2020, as_of: "2020-11-02", preset: "example-2020" };
const CYCLE = { undefined: "D", D: "R", R: undefined }; // a click: assume D, then R, then nothing

export const forecast = {
  document: null, // the ForecastOut of FORECAST_REQUEST
  given: {}, // code -> "D" | "R": the assumptions the user made
  shown: {}, // the assumptions the odds on screen are for
  odds: null, // {units: code -> P(D), p_win: {D, R}, p_tie, p_given, ev_mean, draws}: on screen
  baseline: {}, // code -> P(D) in the simulated elections without assumptions (what a change is from)
  error: "", // why the last request failed ("" if it did not)
};

let seq = 0; // the latest request: an answer for an older one is dropped
let abort = null; // aborts the request still on its way
let redraw = () => {};

/** Call `callback` whenever the odds on screen change (an answer arrived, or an error). */
export function onForecastChange(callback) {
  redraw = callback;
}

/** The odds on screen from a forecast (no assumption) or a conditional answer (DistributionOut). */
function oddsOf(answer) {
  const national = answer.national || answer; // ForecastOut keeps its national odds in `national`
  const ev = national.electoral_votes;
  return {
    units: Object.fromEntries(answer.units.map((u) => [u.unit, u.p_D])),
    p_win: national.p_win,
    p_tie: national.p_tie,
    p_given: answer.p_given ?? 1,
    ev_mean: ev && ev.side === "D" ? ev.mean : null,
    draws: answer.draws ?? national.draws, // given assumptions: the simulated elections that match them
  };
}

/** Run `request(signal)`; show its answer unless a newer request came first. */
async function latest(request, onAnswer, onError) {
  const mine = ++seq;
  if (abort) abort.abort();
  const controller = new AbortController();
  abort = controller;
  document.body.dataset.forecast = "loading";
  try {
    const answer = await request(controller.signal);
    if (mine !== seq) return;
    forecast.error = "";
    onAnswer(answer);
    document.body.dataset.forecast = "ready";
  } catch (error) {
    if (mine !== seq || error.name === "AbortError") return;
    forecast.error = error.message;
    if (onError) onError();
    document.body.dataset.forecast = "error";
  }
  redraw();
}

/** The forecast, and its simulated elections' P(D) per unit with no assumption (the same draws as the
 * conditional odds: the baseline of a change, free of the gap between simulated and exact P(D)). */
async function fetchForecast(signal) {
  const out = await api("/api/forecast", FORECAST_REQUEST, signal);
  const simulated = await api("/api/forecast/conditional", { forecast: out.engine, given: {} }, signal);
  return { document: out, baseline: oddsOf(simulated).units };
}

/** Fetch the forecast once (later calls reuse it). */
export function loadForecast() {
  if (forecast.document || document.body.dataset.forecast === "loading") return;
  latest(fetchForecast, (answer) => {
    forecast.document = answer.document;
    forecast.baseline = answer.baseline;
    forecast.given = {};
    forecast.shown = {};
    forecast.odds = oddsOf(answer.document);
  });
}

/** Ask for the odds given the assumptions in forecast.given (the forecast's own odds when there are none). */
function refresh() {
  const given = { ...forecast.given };
  if (!Object.keys(given).length) {
    latest(async () => forecast.document, () => {
      forecast.shown = given;
      forecast.odds = oddsOf(forecast.document);
    });
    return;
  }
  const body = { forecast: forecast.document.engine, given };
  latest((signal) => api("/api/forecast/conditional", body, signal), (answer) => {
    forecast.shown = given;
    forecast.odds = oddsOf(answer);
  }, () => { forecast.given = { ...forecast.shown }; }); // an impossible set: back to what is on screen
}

/** A click on unit `code`: assume the Democrat wins it, then the Republican, then no assumption. */
export function cycleAssumption(code) {
  if (!forecast.document || !(code in forecast.odds.units)) return;
  const next = CYCLE[forecast.given[code]];
  if (next) forecast.given[code] = next;
  else delete forecast.given[code];
  refresh();
}

/** Drop every assumption. */
export function clearAssumptions() {
  if (!forecast.document) return;
  forecast.given = {};
  refresh();
}
