// The House delegation view: each state in the colour of its House delegation's majority party (split
// delegations striped in both parties' colours, vacant ones striped grey), for the contingent election
// that would follow the map on screen if no one had a majority: the House of the new Congress chooses
// the President, one vote per state, and the Senate the Vice President. Everything comes from the API
// (GET /api/contingent/{year} for the recorded map, POST /api/contingent with the map's flips otherwise);
// the page only draws it. Districts take their state's delegation; DC has none (it has no vote).
import { api } from "../api.js";
import { OTHERS, SIDE_COLORS, inkFor } from "../colors.js";
import { drawHousePanel } from "../panels/house.js";
import { mapIsRecord, state } from "../state.js";
import { el, legendList, redraw } from "./redraw.js";

const PARTY = { dem: "Democratic", rep: "Republican", other: "other-party" };
const COLOR = { dem: SIDE_COLORS.D, rep: SIDE_COLORS.R, other: OTHERS[0] };
const VACANT = ["#ffffff", "#8a939e"];
const NONE = "#e4e7eb"; // DC, or before the delegations are known
const house = { key: "", doc: null, error: "", selected: "", byState: new Map() };

/** The request for the map on screen: the record, or its flips (units left undecided cannot be sent). */
function request() {
  const year = state.data.year;
  if (mapIsRecord()) return { path: `/api/contingent/${year}`, body: undefined, undecided: [] };
  const blank = state.base === "blank";
  const flips = {};
  const undecided = [];
  for (const code of state.units.keys()) {
    const name = state.assign[code] || "";
    if (!name) { if (!blank && state.recorded[code]) undecided.push(code); continue; }
    if (blank || name !== state.recorded[code]) flips[code] = name;
  }
  return { path: "/api/contingent", body: { year, flips, ...(blank ? { blank: true } : {}) }, undecided };
}

/** Fetch the contingent election of the map on screen unless it is the one drawn (then redraw). */
function ensure() {
  if (!state.data) return;
  const { path, body, undecided } = request();
  const key = JSON.stringify([path, body]);
  if (key === house.key) return;
  Object.assign(house, { key, doc: null, error: "", undecided, byState: new Map() });
  document.body.dataset.house = "loading";
  api(path, body).then((doc) => {
    if (key !== house.key) return;
    house.doc = doc;
    house.byState = new Map(doc.house.delegations.map((d) => [d.state, d]));
  }).catch((error) => {
    if (key === house.key) house.error = error.message;
  }).finally(() => {
    if (key !== house.key) return;
    document.body.dataset.house = house.error ? "error" : "ready";
    redraw(houseMode);
  });
}

/** A delegation's kind as the API states it: dem, rep, other (its majority), split or vacant; a delegation
 *  with no majority that is not evenly split ("none") is drawn as split: it casts no vote either. */
export function kindOf(d) {
  return d.standing === "none" ? "split" : d.standing;
}

/** The two colours of a split delegation: its two largest parties. */
function splitColors(d) {
  const ranked = ["dem", "rep", "other"].sort((a, b) => d[b] - d[a]);
  return [COLOR[ranked[0]], COLOR[ranked[1]]];
}

export function delegationOf(code) {
  return house.byState.get(code.split("-")[0]);
}

export const houseMode = {
  id: "house",
  label: "House delegations",

  fill(code) {
    ensure();
    const d = delegationOf(code);
    if (!d) return { fill: NONE, ink: "#000000" };
    const kind = kindOf(d);
    if (kind === "split") return { stripes: splitColors(d), ink: "#000000" };
    if (kind === "vacant") return { stripes: VACANT, ink: "#000000" };
    return { fill: COLOR[kind], ink: inkFor(COLOR[kind]) };
  },

  describe(code) {
    if (!house.doc) return "House delegation loading";
    const d = delegationOf(code);
    if (!d) return "no vote in the House";
    return `House delegation: ${d.why}; ${d.vote ? `votes for ${d.vote}` : "casts no vote"}`;
  },

  click(code) {
    house.selected = code.split("-")[0];
    redraw(houseMode);
  },

  legend(element) {
    ensure();
    const counts = house.doc ? house.doc.house.by_majority : {};
    const n = (key) => (house.doc ? ` (${counts[key] || 0})` : "");
    const stripes = ([a, b]) => `repeating-linear-gradient(45deg, ${a} 0 3px, ${b} 3px 6px)`;
    const items = [[COLOR.dem, `Democratic majority${n("dem")}`], [COLOR.rep, `Republican majority${n("rep")}`]];
    if (counts.other) items.push([COLOR.other, `Other-party majority${n("other")}`]);
    items.push([stripes([COLOR.dem, COLOR.rep]), `Split, no vote${house.doc ? ` (${counts.split + counts.none})` : ""}`]);
    if (counts.vacant) items.push([stripes(VACANT), `Vacant${n("vacant")}`]);
    items.push([NONE, "No delegation (DC) or not known"]);
    element.replaceChildren(legendList(items), el("p", "Each state votes once in the House, as its delegation's "
      + "majority decides; a split delegation casts no vote.", { className: "hint" }));
  },

  panel(element) {
    ensure();
    drawHousePanel(element, house, PARTY);
  },

  leave() {
    delete document.body.dataset.house;
    document.getElementById("mode-panel").setAttribute("aria-labelledby", "units-title");
  },
};
