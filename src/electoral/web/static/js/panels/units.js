// The units listed by margin next to the map (closest first), sortable by any column: the unit, its
// electors, the candidate on the user's map, and the popular-vote leader's lead as recorded.
import { $ } from "../dom.js";
import { pts } from "../format.js";
import { asRecorded, state } from "../state.js";

const COLUMNS = [
  { key: "unit", label: "Unit", value: (u) => u.code },
  { key: "electors", label: "Electors", value: (u) => u.electoral_votes },
  { key: "map", label: "On the map", value: (u) => onMap(u.code) },
  { key: "lead", label: "Recorded lead", value: (u) => (u.lead === null ? Infinity : u.lead) },
];
let sortKey = "lead";

/** Who the unit's electors vote for on the map: before 1804, as recorded, both of their candidates. */
function onMap(code) {
  if (!state.assign[code]) return "undecided";
  const votes = Object.keys(state.units.get(code).votes);
  return asRecorded(code) && state.data.votes_per_elector > 1 && votes.length > 1 ? votes.join(" & ") : state.assign[code];
}
let ascending = true;

function compare(a, b) {
  const column = COLUMNS.find((c) => c.key === sortKey);
  const [x, y] = [column.value(a), column.value(b)];
  const order = typeof x === "number" ? x - y : String(x).localeCompare(String(y));
  return (ascending ? order : -order) || a.code.localeCompare(b.code);
}

function headerCell(column) {
  const th = document.createElement("th");
  th.scope = "col";
  if (column.key === sortKey) th.setAttribute("aria-sort", ascending ? "ascending" : "descending");
  const button = document.createElement("button");
  button.type = "button";
  button.className = "sort";
  button.dataset.sort = column.key;
  button.textContent = column.label + (column.key === sortKey ? (ascending ? " ▲" : " ▼") : "");
  button.addEventListener("click", () => {
    ascending = column.key === sortKey ? !ascending : true;
    sortKey = column.key;
    drawUnitList($("#mode-panel"));
    $(`#mode-panel [data-sort="${column.key}"]`).focus();
  });
  th.appendChild(button);
  return th;
}

function row(unit) {
  const tr = document.createElement("tr");
  tr.dataset.row = unit.code;
  const lead = unit.lead === null || !unit.popular.length ? "–" : `${unit.popular[0].candidate} +${pts(unit.lead)}`;
  for (const text of [unit.code, unit.electoral_votes, onMap(unit.code), lead]) {
    const td = document.createElement("td");
    td.textContent = text;
    tr.appendChild(td);
  }
  tr.firstChild.title = unit.name;
  return tr;
}

/** Draw (or redraw) the list into `element`. */
export function drawUnitList(element) {
  element.replaceChildren();
  const heading = document.createElement("h2");
  heading.id = "units-title";
  heading.textContent = "Units by margin";
  const wrap = document.createElement("div");
  wrap.className = "table-wrap";
  wrap.tabIndex = 0; // scrollable: reachable by keyboard
  wrap.setAttribute("role", "region");
  wrap.setAttribute("aria-label", "Units by margin, a scrollable table");
  const table = document.createElement("table");
  table.id = "unit-list";
  const head = table.createTHead().insertRow();
  for (const column of COLUMNS) head.appendChild(headerCell(column));
  const body = table.createTBody();
  for (const unit of [...state.units.values()].sort(compare)) body.appendChild(row(unit));
  wrap.appendChild(table);
  const note = document.createElement("p");
  note.className = "hint";
  note.textContent = "Lead: the popular-vote leader over the runner-up, in points of all votes cast in the unit.";
  element.append(heading, wrap, note);
}
