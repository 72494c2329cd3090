// The paths-to-270 panel: for the undecided units, in how many of the 2^n ways they can fall each
// candidate wins or the election ties, and each candidate's smallest winning sets.
import { api } from "../api.js";
import { $ } from "../dom.js";
import { formatCount, percent } from "../format.js";
import { decidedMap, sideOfCandidate, state } from "../state.js";

/** Ask for the paths given the units called on the map; `signal` aborts the request. */
export async function refreshPaths(signal) {
  const year = state.data.year;
  // The analysis is a two-way race: D and R calls are sent; units marked "other" stay open.
  const decided = Object.fromEntries(Object.entries(decidedMap()).filter(([, side]) => side !== "O"));
  const others = Object.entries(decidedMap()).filter(([, side]) => side === "O").map(([code]) => code);
  const doc = await api("/api/paths", { year, decided, limit: 5 }, signal);
  if (state.data.year !== year) return;
  const open = doc.open_units;
  const openVotes = open.reduce((sum, code) => sum + (state.units.get(code) || { electoral_votes: 0 }).electoral_votes, 0);
  const summary = $("#paths-summary");
  summary.replaceChildren();
  const line = document.createElement("p");
  if (!open.length) {
    line.textContent = "No undecided units: click states to make them undecided and see the paths.";
  } else {
    const share = (n) => (doc.outcomes ? percent(n / doc.outcomes) : "–");
    const [a, b] = doc.candidates;
    line.textContent = `${open.length} undecided unit${open.length === 1 ? "" : "s"} (${openVotes} electoral votes) can fall `
      + `${formatCount(doc.outcomes)} ways: ${a.candidate} wins ${share(a.winning_outcomes)} of them, `
      + `${b.candidate} ${share(b.winning_outcomes)}, ties ${share(doc.ties)}.`;
  }
  summary.appendChild(line);
  if (others.length) {
    const note = document.createElement("p");
    note.className = "hint";
    note.textContent = `Counted as undecided here (the analysis is a two-way race): ${others.join(", ")}.`;
    summary.appendChild(note);
  }
  const list = $("#paths-list");
  list.replaceChildren();
  if (!open.length) return;
  for (const candidate of doc.candidates) list.appendChild(candidateItem(candidate));
}

/** "Joe Biden has 269; needs 1 more. Smallest paths:" and the paths as chips. */
function candidateItem(candidate) {
  const side = sideOfCandidate(candidate.candidate);
  const item = document.createElement("li");
  item.dataset.candidate = candidate.candidate;
  const head = document.createElement("strong");
  head.textContent = candidate.candidate;
  item.append(head, ` has ${candidate.decided_votes}; `);
  if (candidate.needed <= 0) {
    item.append("already has a majority.");
  } else if (!candidate.minimal_sets.length) {
    item.append(`needs ${candidate.needed} more: no path left.`);
  } else {
    item.append(`needs ${candidate.needed} more. Smallest paths:`);
    const paths = document.createElement("ul");
    for (const set of candidate.minimal_sets) {
      const row = document.createElement("li");
      for (const code of set) {
        const chip = document.createElement("span");
        chip.className = `chip ${side}`;
        chip.textContent = code;
        row.appendChild(chip);
      }
      paths.appendChild(row);
    }
    item.appendChild(paths);
  }
  return item;
}

/** Empty the panel (the year changed). */
export function clearPaths() {
  $("#paths-summary").textContent = "…";
  $("#paths-list").replaceChildren();
}
