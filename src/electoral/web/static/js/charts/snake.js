// The snake chart: units in the winner's order, strongest first, each as wide as its electors; the
// chain is read like text, in rows, so that it stays legible on a phone. The tipping point is
// marked and a dashed line stands at the majority.
import { svg } from "../dom.js";
import { pts } from "../format.js";
import { paintOf } from "../colors.js";
import { state, unitName } from "../state.js";

/** Draw `doc` (the API's tipping-point answer) into the SVG element `chart`. */
export function drawSnake(chart, doc) {
  chart.replaceChildren();
  const total = doc.rows.reduce((sum, row) => sum + row.electoral_votes, 0);
  const rows = total > 150 ? 3 : total > 60 ? 2 : 1;
  const perRow = Math.ceil(total / rows);
  const width = 400;
  const scale = width / perRow;
  const rowHeight = 30;
  const pitch = rowHeight + 18; // room above each row for the tipping-point mark
  const place = (votes) => { // electoral-vote position -> [x, row]; a boundary belongs to the row before
    const row = Math.min(rows - 1, Math.max(0, Math.ceil(votes / perRow) - 1));
    return [(votes - row * perRow) * scale, row];
  };
  chart.setAttribute("viewBox", `0 0 ${width} ${rows * pitch + 16}`);
  let start = 0;
  for (const row of doc.rows) {
    const end = start + row.electoral_votes;
    const look = paintOf(state.colors.get(row.won_by) || "#5b6470"); // labels: the colour that contrasts more
    const tip = row.unit === doc.tipping_point;
    for (let r = Math.floor(start / perRow); r * perRow < end && r < rows; r++) {
      const from = Math.max(start, r * perRow);
      const to = Math.min(end, (r + 1) * perRow);
      if (to <= from) continue;
      const x = (from - r * perRow) * scale;
      const w = (to - from) * scale;
      const y = 14 + r * pitch;
      const rect = svg("rect", {
        x: x.toFixed(2), y, width: Math.max(w - 0.6, 0.4).toFixed(2), height: rowHeight,
        fill: look.fill, class: tip ? "tip" : "", "data-snake": row.unit,
      }, chart);
      svg("title", {}, rect).textContent = `${unitName(row.unit)}: ${row.electoral_votes} electors`
        + (row.winner_margin === null ? "" : `; ${doc.winner} ${row.winner_margin >= 0 ? "+" : "−"}${pts(row.winner_margin)}`);
      if (w >= 20) {
        const label = svg("text", { x: (x + w / 2).toFixed(1), y: y + rowHeight / 2, class: "chart-text snake-label", style: `fill:${look.ink}` }, chart);
        label.textContent = row.unit;
      }
      if (tip && from === start) {
        const mark = svg("text", { x: (x + w / 2).toFixed(1), y: y - 3, class: "chart-text", "text-anchor": "middle" }, chart);
        mark.textContent = `▼ ${row.unit} tipping point`;
      }
    }
    start = end;
  }
  const [at, row] = place(doc.majority_needed);
  const y = 14 + row * pitch;
  svg("line", { x1: at, x2: at, y1: y - 2, y2: y + rowHeight + 2, class: "chart-line" }, chart);
  const last = 14 + (rows - 1) * pitch + rowHeight + 13;
  svg("text", { x: 0, y: last, class: "chart-text" }, chart).textContent = `${doc.winner}'s strongest →`;
  svg("text", { x: width, y: last, class: "chart-text", "text-anchor": "end" }, chart).textContent =
    `dashed: ${doc.majority_needed} to win`;
}
