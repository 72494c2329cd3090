// The recorded view, the first map mode: each unit in the colour of the candidate its electors
// voted for, shaded by the winner's popular-vote lead (safe, likely, lean, toss-up); a click gives
// the unit to the year's next candidate (then undecided), with undo and redo.
import { paintOf, UNDECIDED } from "../colors.js";
import { pts } from "../format.js";
import { record } from "../history.js";
import { drawUnitList } from "../panels/units.js";
import { asRecorded, nextCandidate, state } from "../state.js";

const SHADE_WORDS = { safe: "safe", likely: "likely", lean: "lean", tossup: "toss-up" };

/** The words for a band: "lean (1–5 pts)". */
function bandText(shades, index) {
  const lo = index ? shades[index - 1].below : 0;
  const hi = shades[index].below;
  const range = hi === null ? `${Math.round(100 * lo)}+ pts` : `${Math.round(100 * lo)}–${Math.round(100 * hi)} pts`;
  return `${SHADE_WORDS[shades[index].name]} (${range})`;
}

/** Before 1804, the two candidates who shared a unit's electors' votes as recorded (null otherwise). */
export function recordedPair(code) {
  if (state.data.votes_per_elector < 2 || !asRecorded(code)) return null;
  const ranked = Object.entries(state.units.get(code).votes).sort((a, b) => b[1] - a[1]);
  return ranked.length > 1 ? [ranked[0][0], ranked[1][0]] : null;
}

export const recordedMode = {
  id: "recorded",
  label: "Record and what-if",

  fill(code) {
    const name = state.assign[code];
    if (!name) return { fill: UNDECIDED, ink: "#000000" };
    const unit = state.units.get(code);
    const pair = recordedPair(code);
    if (pair) return { stripes: pair.map((n) => state.colors.get(n)), ink: "#000000" };
    const shade = asRecorded(code) && unit.shade && unit.popular[0]?.candidate === name ? unit.shade : "safe";
    return paintOf(state.colors.get(name) || "#5b6470", shade);
  },

  describe(code) {
    const name = state.assign[code];
    if (!name) return "undecided";
    const unit = state.units.get(code);
    const pair = recordedPair(code);
    if (pair) return `${pair.join(" and ")} (two votes per elector)`;
    return asRecorded(code) && unit.shade ? `${name}, ${SHADE_WORDS[unit.shade]}` : name;
  },

  click(code) {
    const before = state.assign[code] || "";
    record(code, before, nextCandidate(before));
  },

  legend(element) {
    element.replaceChildren();
    const list = document.createElement("ul");
    list.className = "legend-list";
    const item = (color, text, extra = "") => {
      const li = document.createElement("li");
      const swatch = document.createElement("span");
      swatch.className = `swatch${extra}`;
      swatch.style.background = color;
      li.append(swatch, text);
      list.appendChild(li);
    };
    for (const c of state.data.candidates) item(state.colors.get(c.name), c.name);
    item(UNDECIDED, "Undecided");
    element.appendChild(list);
    const shades = state.data.shades;
    if (state.data.units.some((u) => u.shade)) {
      const scale = document.createElement("ul");
      scale.className = "legend-list shades";
      const first = state.colors.get(state.data.candidates[0]?.name) || "#5b6470";
      shades.forEach((s, i) => {
        const li = document.createElement("li");
        const swatch = document.createElement("span");
        swatch.className = "swatch";
        swatch.style.background = paintOf(first, s.name).fill;
        li.append(swatch, bandText(shades, i));
        scale.appendChild(li);
      });
      const caption = document.createElement("p");
      caption.className = "hint";
      caption.textContent = "Shade: the winner's lead in the unit's popular vote, in points of all votes cast.";
      element.append(scale, caption);
    }
  },

  panel(element) {
    drawUnitList(element);
  },
};

/** A unit's lead as words: "Joe Biden +0.24 pts". */
export function leadText(unit) {
  if (unit.lead === null || !unit.popular.length) return "no popular vote recorded";
  return `${unit.popular[0].candidate} +${pts(unit.lead)}`;
}
