// The sides a unit can take on the map, and the electoral votes and names of each side.

export const SIDES = ["D", "R", "O"];
// A click moves a unit one step along this cycle; "" is undecided.
export const NEXT_SIDE = { D: "R", R: "O", O: "", "": "D" };
export const SIDE_NAMES = { D: "Democratic", R: "Republican", O: "Other", "": "Undecided" };

/** Electoral votes per side (and undecided) for an assignment: {D, R, O, U}. */
export function sideTotals(units, assign) {
  const totals = { D: 0, R: 0, O: 0, U: 0 };
  for (const unit of units.values()) {
    totals[assign[unit.code] || "U"] += unit.electoral_votes;
  }
  return totals;
}

/** The candidate named for a side: the one with the most electoral votes on it in the record. */
export function sideName(side, candidates) {
  const best = candidates.filter((c) => c.side === side).sort((a, b) => b.electoral_votes - a.electoral_votes)[0];
  return best ? best.name : SIDE_NAMES[side];
}

/** {D, R, O}: each side's name; `has`: whether D and R ran a candidate that year. */
export function sideNames(candidates) {
  const names = Object.fromEntries(SIDES.map((side) => [side, sideName(side, candidates)]));
  names.has = Object.fromEntries(SIDES.map(
    (side) => [side, side !== "O" && candidates.some((c) => c.side === side)]));
  return names;
}
