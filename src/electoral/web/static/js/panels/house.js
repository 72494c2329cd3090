// The House delegation view's panel: the outcome the API gives, the House's vote by states and the
// Senate's by Senators (on party lines), the chosen state's delegation, and the sources.
import { el } from "../modes/redraw.js";

/** 117 -> "117th", 101 -> "101st", 112 -> "112th". */
function ordinal(n) {
  const teen = n % 100 >= 11 && n % 100 <= 13;
  return `${n}${teen ? "th" : ["th", "st", "nd", "rd"][n % 10] || "th"}`;
}

function statesLine(vote) {
  return `${vote.candidate}: ${vote.count} state${vote.count === 1 ? "" : "s"} (${vote.states.join(", ")})`;
}

function houseSection(h) {
  const list = el("ul", "", { className: "house-votes" });
  for (const vote of h.votes) list.appendChild(el("li", statesLine(vote)));
  if (h.no_vote.length) list.appendChild(el("li", `No vote (split or vacant): ${h.no_vote.length} (${h.no_vote.join(", ")})`));
  const chosen = h.chosen
    ? `On party lines the House chooses ${h.chosen} (${h.needed} of ${h.states} states needed).`
    : `On party lines no one has the ${h.needed} states needed: the House keeps voting.`;
  const quorum = h.quorum_met ? "" : ` Quorum not met (${h.present} of ${h.quorum} states present).`;
  return [el("h3", `President: the ${h.name}`), list, el("p", chosen + quorum, { id: "house-chosen" })];
}

function senateSection(s, party) {
  const seats = `${s.rep} ${party.rep}, ${s.dem} ${party.dem}, ${s.other} other${s.vacant ? `, ${s.vacant} vacant` : ""}`;
  const votes = s.votes.map((v) => `${v.candidate} ${v.senators}`).join(", ");
  const chosen = s.chosen ? `On party lines the Senate chooses ${s.chosen}` : "On party lines no one has a majority";
  const needed = s.needed ? ` (${s.needed} Senators needed)` : "";
  const notes = el("ul", "", { className: "hint" });
  for (const note of s.notes) notes.appendChild(el("li", note));
  return [el("h3", `Vice President: the Senate of the ${ordinal(s.congress)} Congress`),
    el("p", `Senators: ${seats}. Votes: ${votes || "none"}.`), el("p", `${chosen}${needed}.`, { id: "senate-chosen" }), notes];
}

function stateSection(code, d, party) {
  if (!code) return [el("p", "Click a state for its delegation.", { className: "hint" })];
  if (!d) return [el("p", `${code} has no House delegation with a vote.`)];
  const parts = [`${d.dem} ${party.dem}`, `${d.rep} ${party.rep}`];
  if (d.other) parts.push(`${d.other} ${d.other_parties || "other"}`);
  if (d.vacant) parts.push(`${d.vacant} vacant`);
  return [el("h3", `${code}: ${d.seats ?? d.dem + d.rep + d.other} seats`),
    el("p", `${parts.join(", ")}. ${d.why}; ${d.vote ? `votes for ${d.vote}` : "casts no vote"}.`, { id: "house-state" })];
}

function sources(doc) {
  const box = el("details", "", { className: "hint" });
  box.appendChild(el("summary", `Sources and assumptions (${doc.sources.length + doc.assumptions.length + 1})`));
  const list = el("ul");
  for (const text of [doc.rule.source, ...doc.sources, ...doc.assumptions]) list.appendChild(el("li", text));
  box.appendChild(list);
  return box;
}

/** The recorded ballots of the contingent elections that happened (1801, 1825, 1837). */
function recordedBallots(recorded) {
  if (!recorded.length) return [];
  const list = el("ul", "", { className: "house-votes" });
  for (const r of recorded) {
    const votes = r.votes.map((v) => `${v.candidate} ${v.count}`).join(", ");
    list.appendChild(el("li", `${r.body}, ${r.date}, ballot ${r.ballot}: ${votes} (${r.needed} needed). ${r.source}`));
  }
  return [el("h3", "As recorded"), list];
}

/** Draw the panel into `element` from `house` ({doc, error, selected, byState, undecided}). */
export function drawHousePanel(element, house, party) {
  element.setAttribute("aria-labelledby", "house-title");
  const parts = [el("h2", "House delegations", { id: "house-title" })];
  if (house.error) parts.push(el("p", `No contingent election to show: ${house.error}`, { className: "error" }));
  else if (!house.doc) parts.push(el("p", "Loading the delegations…"));
  else {
    const doc = house.doc;
    parts.push(el("p", doc.outcome, { id: "house-outcome" }));
    if (!doc.house.delegations.length) {
      parts.push(el("p", "No party counts of this Congress's delegations in the data: the map stays grey.", { className: "hint" }));
    }
    parts.push(...recordedBallots(doc.recorded));
    if (house.undecided.length) {
      parts.push(el("p", `Undecided units count as recorded here: ${house.undecided.join(", ")}.`, { className: "hint" }));
    }
    parts.push(el("p", `Eligible: ${doc.eligible.map((c) => c.name).join(", ")}. ${doc.acting}`, { className: "hint" }));
    parts.push(...houseSection(doc.house), ...senateSection(doc.senate, party));
    parts.push(...stateSection(house.selected, house.byState.get(house.selected), party));
    for (const note of doc.what_if_notes) parts.push(el("p", note, { className: "hint" }));
    parts.push(sources(doc));
  }
  element.replaceChildren(...parts);
}
