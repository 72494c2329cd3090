// The ledger view: the election between Election Day and the count in Congress, at a moment a slider
// picks (or live, following the server's stream of new events). Each unit is drawn by its stage in the
// ledger: projected (light), certified (dark), electors voted or counted (dark, striped), not yet
// projected (grey); the panel shows the electoral votes projected, certified, cast and counted against
// the majority, and the timeline of a clicked unit. Every figure is the API's:
// GET /api/ledger/{year}/status?as_of=..., /events?unit=..., /stream; the slider's ends come from
// /api/calendar/{year} (Election Day; the joint session's last day).
import { api } from "../api.js";
import { paintOf, tint } from "../colors.js";
import { drawLedgerPanel, showTimeline } from "../panels/ledger.js";
import { state } from "../state.js";
import { updateUrl } from "../url.js";
import { HOUR, dayStart, isoAt, wordsAt } from "../moments.js";
import { el, legendList, redraw } from "./redraw.js";

const STATUS_DELAY_MS = 60; // the slider's moves are drawn once they pause this long
// The stream names each message by its event kind (electoral.ledger.events.KINDS; a test keeps the two in step).
export const EVENT_KINDS = ["race_call", "call_retracted", "results_update", "certified", "recount_started",
  "recount_finished", "recertified", "court_case_filed", "court_case_decided", "ascertainment", "electors_voted",
  "objection", "chamber_vote", "count_declared"];
const WAITING = "#dfe3e8";
const STAGE_WORDS = { not_projected: "not projected", projected: "projected", certified: "certified",
  certificate_issued: "certificate issued", electors_voted: "electors voted", counted: "counted in Congress" };

export const ledger = { year: null, start: 0, end: 0, at: 0, live: false, status: null, error: "", units: new Map(),
  selected: "", asked: [], timer: 0, abort: null, source: null, moments: [] };

const darker = (hex) => `#${[1, 3, 5].map((i) => Math.round(parseInt(hex.slice(i, i + 2), 16) * 0.6)
  .toString(16).padStart(2, "0")).join("")}`;
/** When a milestone came: its time, or only its day where the ledger knows no more. */
const momentWords = (m) => (m.time_known ? wordsAt(Date.parse(m.at)) : wordsAt(Date.parse(m.at)).split(",")[0]);
const colorOf = (name) => state.colors.get(name) || "#5b6470";

/** Start the year: the slider's ends from the calendar, the moment from the URL (else the count). */
async function setupYear(year) {
  closeLive();
  const params = new URLSearchParams(location.search); // read now: the year's drawing rewrites the URL
  const asked = [["at", params.get("at")], ["live", params.get("live")]].filter(([, v]) => v);
  Object.assign(ledger, { year, start: 0, status: null, error: "", units: new Map(), selected: "", live: false, asked });
  document.body.dataset.ledger = "loading";
  try {
    const [calendar, events] = await Promise.all([api(`/api/calendar/${year}`), api(`/api/ledger/${year}/events?limit=100000`)]);
    if (ledger.year !== year) return;
    const day = (step) => calendar.steps.find((s) => s.step === step);
    const last = day("joint_session");
    ledger.start = dayStart(day("election_day").date);
    ledger.end = dayStart(last.until || last.date) + 23 * HOUR;
    ledger.moments = [...new Set(events.events.map((e) => Date.parse(e.effective)))].sort((a, b) => a - b);
    const wanted = Date.parse(params.get("at") || "");
    // a moment outside this year's range (or none) shows the end: the count in Congress
    ledger.at = wanted >= ledger.start && wanted <= ledger.end ? wanted : ledger.end;
    if (params.get("live") === "1") setLive(true);
    else loadStatus(0);
  } catch (error) {
    ledger.error = `no ledger calendar for ${year}: ${error.message}`;
    document.body.dataset.ledger = "error";
    redraw(ledgerMode);
  }
}

function ensure() {
  if (state.data && state.data.year !== ledger.year) setupYear(state.data.year);
}

/** Ask for the status at the slider's moment (or now, live) once the slider pauses; draw it. */
export function loadStatus(delay = STATUS_DELAY_MS) {
  clearTimeout(ledger.timer);
  ledger.timer = setTimeout(async () => {
    if (ledger.abort) ledger.abort.abort();
    const controller = new AbortController();
    ledger.abort = controller;
    const year = ledger.year;
    const asOf = ledger.live ? "" : `?as_of=${encodeURIComponent(isoAt(ledger.at))}`;
    document.body.dataset.ledger = "loading";
    try {
      const status = await api(`/api/ledger/${year}/status${asOf}`, undefined, controller.signal);
      if (controller.signal.aborted || year !== ledger.year) return;
      Object.assign(ledger, { status, error: "", units: new Map(status.units.map((u) => [u.unit, u])) });
      if (ledger.selected) await showTimeline(ledger, ledger.selected);
      document.body.dataset.ledgerAt = ledger.live ? "live" : isoAt(ledger.at);
      document.body.dataset.ledger = "ready";
      if (!ledger.live) updateUrl(false);
    } catch (error) {
      if (error.name === "AbortError") return;
      ledger.error = error.message;
      document.body.dataset.ledger = "error";
    }
    redraw(ledgerMode);
  }, delay);
}

function closeLive() {
  if (ledger.source) ledger.source.close();
  ledger.source = null;
}

/** Live on: follow the stream of new events (each one redraws the status as of now); off: back to the slider. */
export function setLive(on) {
  closeLive();
  ledger.live = on;
  if (on) {
    ledger.source = new EventSource(`/api/ledger/${ledger.year}/stream`);
    for (const kind of EVENT_KINDS) ledger.source.addEventListener(kind, () => loadStatus(0));
  }
  updateUrl(false);
  loadStatus(0);
}

/** Move to the moment `at` (ms): the slider, the prev/next event buttons. */
function move(at) {
  ledger.at = Math.min(ledger.end, Math.max(ledger.start, at));
  loadStatus();
}

export const ledgerMode = {
  id: "ledger",
  label: "Ledger: projected to counted",

  fill(code) {
    ensure();
    const unit = ledger.units.get(code);
    if (!unit || !unit.leader || unit.stage === "not_projected") return { fill: WAITING, ink: "#000000" };
    const color = colorOf(unit.leader);
    if (unit.stage === "projected") return paintOf(tint(color, 0.4));
    if (unit.stage === "certified" || unit.stage === "certificate_issued") return paintOf(color);
    return { stripes: [color, darker(color)], ink: "#000000" };
  },

  describe(code) {
    const unit = ledger.units.get(code);
    if (!unit) return "ledger loading";
    const stage = STAGE_WORDS[unit.stage] || unit.stage;
    return unit.leader && unit.stage !== "not_projected" ? `${stage}, ${unit.leader}` : stage;
  },

  click(code) {
    ledger.selected = code;
    showTimeline(ledger, code);
  },

  legend(element) {
    ensure();
    const first = colorOf(state.data.candidates[0]?.name);
    const stripes = `repeating-linear-gradient(45deg, ${first} 0 3px, ${darker(first)} 3px 6px)`;
    element.replaceChildren(legendList([[WAITING, "Not projected yet"], [tint(first, 0.4), "Projected (a race call)"],
      [first, "Certified"], [stripes, "Electors voted (striped), then counted"]]),
    el("p", "Colour: the unit's leader (its call, certification or electors' votes) in the ledger at the moment shown.",
      { className: "hint" }));
  },

  panel(element) {
    ensure();
    drawLedgerPanel(element, ledger, { move, setLive });
  },

  summary() {
    const s = ledger.status;
    if (!s || ledger.year !== state.data.year) return null;
    const pairs = Object.entries(s.projected).sort((a, b) => b[1] - a[1]);
    const all = state.data.electors_appointed;
    const latest = s.milestones[s.milestones.length - 1];
    const counted = Object.entries(s.counted).map(([n, v]) => `${n} ${v}`).join(", ");
    const outcome = counted ? `Counted in Congress: ${counted}`
      : latest ? `${latest.candidate} ${latest.upper_bound ? "held" : "first held"} ${s.majority_needed} ${latest.measure}`
        + `${latest.upper_bound ? " no later than" : ":"} ${momentWords(latest)}`
        : `No one holds ${s.majority_needed} projected yet`;
    const when = ledger.live ? "now" : wordsAt(ledger.at);
    return { pairs, all, rest: all - pairs.reduce((sum, [, n]) => sum + n, 0), recorded: false, rest_label: "Not projected",
      outcome, note: `The bar: electoral votes projected (a race call or any later stage) in the ledger as of ${when}.` };
  },

  query() {
    if (ledger.year !== state.data?.year || !ledger.start) return ledger.asked || [];
    return ledger.live ? [["live", "1"]] : [["at", isoAt(ledger.at)]];
  },

  leave() {
    closeLive();
    ledger.live = false;
    ledger.year = null; // entered again: start over (the URL keeps the moment)
    ledger.status = null;
    delete document.body.dataset.ledger;
    document.getElementById("mode-panel").setAttribute("aria-labelledby", "units-title");
  },
};
