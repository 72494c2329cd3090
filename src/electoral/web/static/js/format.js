// How numbers are written on the page.

/** 0.875 -> "87.5%". */
export function percent(value, digits = 1) {
  return `${(100 * value).toFixed(digits)}%`;
}

/** A two-party margin in points, without its sign: -0.0064 -> "0.64 pts". */
export function pts(margin) {
  return `${(100 * Math.abs(margin)).toFixed(2)} pts`;
}

/** Exact counts can pass 2^53; show them rounded, as a person would read them. */
export function formatCount(n) {
  return n < 1e6 ? n.toLocaleString("en-US") : `about ${n.toExponential(2).replace("e+", " × 10^")}`;
}

const MONTHS = ["January", "February", "March", "April", "May", "June", "July", "August", "September",
  "October", "November", "December"];

/** "1825-02-09" -> "9 February 1825" (an ISO date as written in the record). */
export function longDate(iso) {
  const [y, m, d] = iso.split("-").map(Number);
  return `${d} ${MONTHS[m - 1]} ${y}`;
}

/** 1234567 -> "1,234,567". */
export function count(n) {
  return n.toLocaleString("en-US");
}
