// The summary above the map: one bar segment and one tally per candidate, the majority mark, the
// outcome line and the line under it. On the recorded map every figure is the record's tally (the
// API's /tally, embedded in the map document): the House's or Senate's choice with its date, ties,
// electors who split or broke their pledge. Once the user changes a unit, the bar adds up the map.
import { $ } from "./dom.js";
import { longDate } from "./format.js";
import { currentMode } from "./modes.js";
import { mapIsRecord, mapTotals, state, undecidedCodes } from "./state.js";

const SHOWN_IN_LINE = 4; // candidates named in the outcome line; the rest are summed as "others"

/** "Party" for the record's party labels, without the record's parenthesised remarks. */
export function partyLabel(party) {
  return !party || party.startsWith("(") ? "" : party;
}

/** [name, votes] pairs of the bar: the record's tally, or the map's count once the user changed it. */
function barVotes() {
  if (mapIsRecord()) {
    const tally = state.data.tally;
    const pairs = tally.candidates.filter((c) => c.electoral_votes > 0).map((c) => [c.name, c.electoral_votes]);
    const all = tally.electors_appointed * tally.votes_per_elector;
    return { pairs, rest: all - pairs.reduce((sum, [, n]) => sum + n, 0), all, recorded: true };
  }
  const { votes, rest, all } = mapTotals();
  const pairs = [...votes].filter(([, n]) => n > 0).sort((a, b) => b[1] - a[1]);
  return { pairs, rest, all, recorded: false };
}

function score(pairs) {
  const named = pairs.slice(0, SHOWN_IN_LINE).map(([name, n]) => `${name} ${n}`);
  const others = pairs.slice(SHOWN_IN_LINE).reduce((sum, [, n]) => sum + n, 0);
  const more = pairs.length - SHOWN_IN_LINE;
  if (others) named.push(`${more} other${more > 1 ? "s" : ""} ${others}`);
  return named.join(" – ") || "No electoral votes";
}

/** What the record says happened: the winner, or the contingent election's choice and date. */
function recordedOutcome(tally) {
  const needed = `${tally.majority_needed} needed`;
  if (tally.winner) return `${tally.winner} wins (${needed})`;
  const c = tally.contingent;
  if (!c) return tally.outcome;
  const what = c.reason.split(":")[0];
  const head = `${what.charAt(0).toUpperCase()}${what.slice(1)} (${needed})`;
  if (!c.chosen) return `${head}: the ${c.decided_by} chooses`;
  return `${head}: on ${longDate(c.date)} the ${c.decided_by} chose ${c.chosen}`;
}

/** What the user's map leads to under the same rule: a majority of the electors, one vote each counted. */
function mapOutcome(pairs) {
  const majority = state.data.majority_needed;
  const winners = pairs.filter(([, n]) => n >= majority);
  if (winners.length > 1 && winners[0][1] === winners[1][1]) {
    return `Tie at ${winners[0][1]} (${majority} needed): the House chooses between ${winners[0][0]} and ${winners[1][0]}`;
  }
  if (winners.length) return `${winners[0][0]} wins (${majority} needed)`;
  const open = undecidedCodes().reduce((sum, code) => sum + state.units.get(code).electoral_votes, 0);
  if (open) return `No majority yet: ${open} undecided, ${majority} needed`;
  return `No majority: the House chooses (${majority} needed)`;
}

/** Set up the summary for the year on screen: the majority mark and its label. */
export function setupSummary() {
  const d = state.data;
  document.querySelectorAll(".majority").forEach((el) => { el.textContent = d.majority_needed; });
  $("#bar-mark").style.left = `${(100 * d.majority_needed) / (d.electors_appointed * d.votes_per_elector)}%`;
  $("#bar-mark-label").textContent = d.votes_per_elector > 1
    ? `${d.majority_needed} to win (two votes per elector)` : `${d.majority_needed} to win`;
}

function tallyItem(name, votes, color) {
  const item = document.createElement("li");
  item.className = "tally";
  item.dataset.candidate = name;
  item.dataset.votes = votes;
  const swatch = document.createElement("span");
  swatch.className = "swatch";
  swatch.style.background = color;
  const count = document.createElement("b");
  count.textContent = votes;
  item.append(swatch, `${name} `, count);
  return item;
}

/** Redraw the bar, the tallies and the outcome line for the map as it is now. */
export function updateSummary() {
  // A mode may put its own figures on the bar: summary() -> {pairs, rest, all, rest_label, outcome, note} or null.
  const own = currentMode().summary ? currentMode().summary() : null;
  const { pairs, rest, all, recorded } = own || barVotes();
  const list = $("#tallies");
  const bar = $("#bar-segments");
  list.replaceChildren();
  bar.replaceChildren();
  for (const [name, votes] of pairs) {
    const color = state.colors.get(name) || "#5b6470";
    list.appendChild(tallyItem(name, votes, color));
    const seg = document.createElement("span");
    seg.className = "seg";
    seg.style.width = `${(100 * votes) / all}%`;
    seg.style.background = color;
    seg.dataset.candidate = name;
    bar.appendChild(seg);
  }
  const leftover = own ? own.rest_label : recorded ? "Not cast or not counted" : "Undecided";
  if (rest > 0) list.appendChild(tallyItem(leftover, rest, "#b9bfc8")).classList.add("rest");
  const text = `${score(pairs)} · ${own ? own.outcome : recorded ? recordedOutcome(state.data.tally) : mapOutcome(pairs)}`;
  $("#outcome").textContent = text;
  $("#outcome").dataset.recorded = String(recorded);
  $("#bar").setAttribute("aria-label", text);
  $("#recorded").textContent = own ? own.note : recordedNote(recorded);
  showNotes(state.data.tally.notes);
}

/** The record's notes on the count (electors who did not vote, the Senate's choice of a Vice President...). */
function showNotes(notes) {
  const box = $("#record-notes");
  box.hidden = !notes.length;
  $("#record-notes-count").textContent = `Notes from the record on the ${state.data.year} count (${notes.length})`;
  $("#record-notes-list").replaceChildren(...notes.map((note) => {
    const item = document.createElement("li");
    item.textContent = note;
    return item;
  }));
}

/** The line under the bar: how the bar counts, and the record when the map differs from it. */
function recordedNote(recorded) {
  const d = state.data;
  const two = d.votes_per_elector > 1
    ? `Before 1804 each of the ${d.electors_appointed} electors cast two votes for President, so the bar counts `
      + `${d.electors_appointed * 2} votes; a majority of the electors, ${d.majority_needed}, was needed. ` : "";
  if (recorded) return `${two}The bar is the record as Congress counted it.`;
  const top = d.tally.candidates.filter((c) => c.electoral_votes > 0).slice(0, SHOWN_IN_LINE)
    .map((c) => `${c.name}${partyLabel(c.party) ? ` (${partyLabel(c.party)})` : ""} ${c.electoral_votes}`);
  return `${two}Your map differs from the record: ${top.join(", ")}; ${recordedOutcome(d.tally)}.`;
}
