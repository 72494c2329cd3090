// The probability histogram: P(the Democratic side's candidate wins exactly k electoral votes) over
// the k that carry any weight, each bar in the colour of who wins with k, and a dashed line at the majority.
import { svg } from "../dom.js";
import { percent } from "../format.js";
import { state } from "../state.js";

/** Draw `doc` (the API's exact-probability answer) into the SVG element `chart`; `names`: {D, R} candidates. */
export function drawHistogram(chart, doc, names) {
  const colors = { D: state.colors.get(names.D), R: state.colors.get(names.R), U: "#b9bfc8" };
  chart.replaceChildren();
  const h = doc.histogram;
  const support = h.map((p, k) => (p > 1e-9 ? k : -1)).filter((k) => k >= 0);
  if (!support.length) return;
  const lo = Math.min(support[0], doc.majority_needed - 1);
  const hi = Math.max(support[support.length - 1], doc.majority_needed);
  const width = 400;
  const height = 110;
  const top = Math.max(...h);
  const step = width / (hi - lo + 1);
  chart.setAttribute("viewBox", `0 0 ${width} ${height + 22}`);
  for (let k = lo; k <= hi; k++) {
    if (h[k] <= 0) continue;
    const barHeight = Math.max((h[k] / top) * height, 1);
    const winner = k >= doc.majority_needed ? "D" : doc.electors - k >= doc.majority_needed ? "R" : "U";
    const rect = svg("rect", {
      x: ((k - lo) * step).toFixed(2), y: (height - barHeight).toFixed(2),
      width: Math.max(step - 0.5, 0.5).toFixed(2), height: barHeight.toFixed(2), fill: colors[winner],
    }, chart);
    svg("title", {}, rect).textContent = `${k} electoral votes: ${percent(h[k], 2)}`;
  }
  const at = (doc.majority_needed - lo) * step;
  svg("line", { x1: at, x2: at, y1: 0, y2: height, class: "chart-line" }, chart);
  // The majority's label stays whole near an edge (anchored to it), and no other label overprints it.
  const anchor = at < 20 ? "start" : at > width - 20 ? "end" : "middle";
  const labels = [[Math.min(Math.max(at, 0), width), doc.majority_needed, anchor], [0, lo, "start"], [width, hi, "end"]]
    .filter(([x, value], i) => i === 0 || (Math.abs(x - at) > 40 && value !== doc.majority_needed));
  for (const [x, value, anchor] of labels) {
    const text = svg("text", { x, y: height + 16, class: "chart-text", "text-anchor": anchor }, chart);
    text.textContent = value;
  }
}
