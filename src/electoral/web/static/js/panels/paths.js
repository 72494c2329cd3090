// The paths-to-a-majority panel: for the undecided units, in how many of the 2^n ways they can fall
// each of the year's two leading candidates (named by the API's map document) wins or neither does,
// and each one's smallest winning sets. Where paths do not apply, the document says why in words.
import { api } from "../api.js";
import { $ } from "../dom.js";
import { formatCount, percent } from "../format.js";
import { state } from "../state.js";

function paragraph(text, className = "") {
  const line = document.createElement("p");
  line.textContent = text;
  if (className) line.className = className;
  return line;
}

/** Ask for the paths given the units called on the map; `signal` aborts the request. */
export async function refreshPaths(signal) {
  const year = state.data.year;
  const summary = $("#paths-summary");
  const list = $("#paths-list");
  const { candidates, paths: why } = state.data.two_way;
  if (why) {
    summary.replaceChildren(paragraph(why));
    list.replaceChildren();
    return;
  }
  const decided = {};
  const others = [];
  for (const [code, name] of Object.entries(state.assign)) {
    if (!state.units.has(code) || !name) continue;
    if (candidates.includes(name)) decided[code] = name;
    else others.push(code);
  }
  const doc = await api("/api/paths", { year, decided, limit: 5 }, signal);
  if (state.data.year !== year) return;
  const open = doc.open_units;
  const openVotes = open.reduce((sum, code) => sum + (state.units.get(code) || { electoral_votes: 0 }).electoral_votes, 0);
  summary.replaceChildren(paragraph(`Between the two leading candidates, ${candidates[0]} and ${candidates[1]}.`, "hint"));
  if (!open.length) {
    summary.appendChild(paragraph("No undecided units: click states to make them undecided and see the paths."));
  } else {
    const share = (n) => (doc.outcomes ? percent(n / doc.outcomes) : "–");
    const [a, b] = doc.candidates;
    summary.appendChild(paragraph(`${open.length} undecided unit${open.length === 1 ? "" : "s"} (${openVotes} electoral votes) can fall `
      + `${formatCount(doc.outcomes)} ways: ${a.candidate} wins ${share(a.winning_outcomes)} of them, `
      + `${b.candidate} ${share(b.winning_outcomes)}, neither ${share(doc.ties)}.`));
  }
  if (others.length) {
    summary.appendChild(paragraph(`Counted as undecided here (given to neither of the two): ${others.join(", ")}.`, "hint"));
  }
  list.replaceChildren();
  if (!open.length) return;
  for (const candidate of doc.candidates) list.appendChild(candidateItem(candidate));
}

/** "Joe Biden has 269; needs 1 more. Smallest paths:" and the paths as chips. */
function candidateItem(candidate) {
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
    const color = state.colors.get(candidate.candidate) || "#5b6470";
    for (const set of candidate.minimal_sets) {
      const row = document.createElement("li");
      for (const code of set) {
        const chip = document.createElement("span");
        chip.className = "chip";
        chip.style.borderColor = color;
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
