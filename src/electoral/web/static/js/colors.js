// Colours of the candidates and the shades of a unit's margin. Every fill comes with the text colour
// (black or white, whichever contrasts more: at least 4.58:1, WCAG AA) that labels drawn on it use.

// The Democratic line's leading candidate is blue and the Republican line's red, as on every U.S.
// map; every other candidate takes the next colour of OTHERS, in the tally's order.
export const SIDE_COLORS = { D: "#1f5fbf", R: "#c8312b" };
export const OTHERS = ["#d39b00", "#2e7d32", "#6a3d9a", "#00796b", "#8d5524", "#c2185b", "#e65100",
  "#5b6470", "#827717", "#4e342e"];
export const UNDECIDED = "#b9bfc8";
// How much of the candidate's colour a shade keeps (the rest is white): safe is the full colour.
export const SHADE_STRENGTH = { safe: 1, likely: 0.72, lean: 0.48, tossup: 0.26 };

function channels(hex) {
  return [1, 3, 5].map((i) => parseInt(hex.slice(i, i + 2), 16));
}

function luminance(hex) {
  const [r, g, b] = channels(hex).map((v) => {
    const c = v / 255;
    return c <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4;
  });
  return 0.2126 * r + 0.7152 * g + 0.0722 * b;
}

/** The contrast ratio of two colours (WCAG 2 definition), e.g. 21 for black on white. */
export function contrast(a, b) {
  const [hi, lo] = [luminance(a), luminance(b)].sort((x, y) => y - x);
  return (hi + 0.05) / (lo + 0.05);
}

/** "#000000" or "#ffffff": the text colour that reads best on `hex`. */
export function inkFor(hex) {
  return contrast(hex, "#000000") >= contrast(hex, "#ffffff") ? "#000000" : "#ffffff";
}

/** `hex` mixed with white, keeping `strength` (0..1) of it. */
export function tint(hex, strength) {
  const mixed = channels(hex).map((v) => Math.round(255 - (255 - v) * strength));
  return `#${mixed.map((v) => v.toString(16).padStart(2, "0")).join("")}`;
}

/** Map candidate name -> colour for the year's candidates (in the tally's order, most votes first). */
export function candidateColors(candidates) {
  const colors = new Map();
  const taken = new Set();
  for (const c of candidates) {
    const side = SIDE_COLORS[c.side];
    if (side && !taken.has(c.side)) {
      colors.set(c.name, side);
      taken.add(c.side);
    }
  }
  let next = 0;
  for (const c of candidates) {
    if (!colors.has(c.name)) colors.set(c.name, OTHERS[next++ % OTHERS.length]);
  }
  return colors;
}

/** {fill, ink} of a candidate's colour at a shade ("safe" ... "tossup"; none: the full colour). */
export function paintOf(hex, shade = "safe") {
  const fill = tint(hex, SHADE_STRENGTH[shade] ?? 1);
  return { fill, ink: inkFor(fill) };
}
