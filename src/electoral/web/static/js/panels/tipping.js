// The tipping-point panel: the unit that took the winner past the majority, the national margin,
// the Electoral College's lean, and the snake chart. It depends on the year only (the recorded
// margins), so it is fetched once per year.
import { api } from "../api.js";
import { drawSnake } from "../charts/snake.js";
import { $ } from "../dom.js";
import { pts } from "../format.js";
import { state, unitName } from "../state.js";

let shownYear = null; // the year whose tipping point is on screen

export async function refreshTipping() {
  const year = state.data.year;
  if (shownYear === year) return;
  if (state.data.two_way.tipping) { // no popular vote: nothing to ask the server
    shownYear = year;
    $("#tipping-summary").textContent = state.data.two_way.tipping;
    $("#snake").replaceChildren();
    return;
  }
  const doc = await api(`/api/elections/${year}/tipping-point`);
  if (state.data.year !== year) return; // the user moved on
  shownYear = year;
  const [first] = doc.candidates;
  const lead = (margin) => `${margin >= 0 ? first : doc.candidates[1]} +${pts(margin)}`;
  let text = doc.tipping_point
    ? `${unitName(doc.tipping_point)} tipped ${year} to ${doc.winner}: ${lead(doc.tipping_margin)}.`
    : `No one carried a majority of the electors in ${year}: there is no tipping point.`;
  const share = doc.margin_definition === "two-party" ? "the two-party vote" : "all votes";
  if (doc.tipping_point) text = text.slice(0, -1) + ` (margins as shares of ${share}).`;
  if (doc.national_margin !== null) text += ` National margin ${lead(doc.national_margin)}.`;
  if (doc.bias !== null && doc.favours) text += ` The Electoral College leaned ${pts(doc.bias)} toward ${doc.favours}.`;
  if (doc.estimated.length) text += ` Estimated margins: ${doc.estimated.join(", ")}.`;
  $("#tipping-summary").textContent = text;
  drawSnake($("#snake"), doc);
}

/** Empty the panel unless it already shows the year on screen. */
export function clearTipping() {
  if (shownYear !== state.data.year) {
    shownYear = null;
    $("#tipping-summary").textContent = "…";
    $("#snake").replaceChildren();
  }
}

/** The panel shows an error: fetch again next time. */
export function forgetTipping() {
  shownYear = null;
}
