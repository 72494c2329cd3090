// The summary above the map: the electoral-vote bar with its majority mark, the tallies, the
// outcome line and the recorded count. Computed here, not by the server: it moves on every click.
import { $ } from "./dom.js";
import { SIDES, sideNames, sideTotals } from "./sides.js";
import { state } from "./state.js";

/** The outcome line, e.g. "Joe Biden 306 – Donald Trump 232 · Joe Biden wins (270 needed)".
 * A side is listed when it has votes on the map, and D and R also when they ran a candidate (`names.has`). */
function outcomeText(totals, names, majority) {
  const score = SIDES.filter((side) => totals[side] || names.has[side])
    .map((side) => `${names[side]} ${totals[side]}`)
    .join(" – ");
  const winner = SIDES.find((side) => totals[side] >= majority);
  if (winner) return `${score} · ${names[winner]} wins (${majority} needed)`;
  if (totals.U === 0) return `${score} · No majority: the House chooses`;
  return `${score} · No majority yet: ${totals.U} undecided, ${majority} needed`;
}

/** The recorded count, and why the map's count differs from it when it does. */
function recordedText(data, mapTotals) {
  const top = [...data.candidates].sort((a, b) => b.electoral_votes - a.electoral_votes).slice(0, 4);
  let text = `Recorded electoral votes in ${data.year}: `
    + top.map((c) => `${c.name} (${c.party}) ${c.electoral_votes}`).join(", ") + ".";
  const cast = data.candidates.reduce((sum, c) => sum + c.electoral_votes, 0);
  if (cast > data.electors_appointed) {
    text += " Before 1804 each elector cast two votes; the map counts electors.";
  } else {
    const byUnit = SIDES.map((side) => data.candidates.filter((c) => c.side === side)
      .reduce((sum, c) => sum + c.electoral_votes, 0));
    if (SIDES.some((side, i) => byUnit[i] !== mapTotals[side])) {
      text += " The map gives all of a unit's electors to its winner, so it differs where electors split or"
        + " did not vote as pledged.";
    }
  }
  return text;
}

/** Set up the summary for the year on screen: the majority (mark and labels) and the recorded count. */
export function setupSummary() {
  const majority = state.data.majority_needed;
  document.querySelectorAll(".majority").forEach((el) => { el.textContent = majority; });
  $("#bar-mark").style.left = `${(100 * majority) / state.data.electors_appointed}%`;
  $("#bar-mark-label").textContent = `${majority} to win`;
  $("#recorded").textContent = recordedText(state.data, sideTotals(state.units, state.recorded));
}

/** Redraw the bar, the tallies and the outcome line for the map as it is now. */
export function updateSummary() {
  const totals = sideTotals(state.units, state.assign);
  const names = sideNames(state.data.candidates);
  const all = state.data.electors_appointed;
  for (const side of ["D", "R", "O", "U"]) {
    $(`#bar-${side.toLowerCase()}`).textContent = totals[side];
    $(`#seg-${side.toLowerCase()}`).style.width = `${(100 * totals[side]) / all}%`;
  }
  $("#name-d").textContent = names.D;
  $("#name-r").textContent = names.R;
  $("#tally-o").hidden = totals.O === 0;
  const text = outcomeText(totals, names, state.data.majority_needed);
  $("#outcome").textContent = text;
  $("#bar").setAttribute("aria-label", text);
}
