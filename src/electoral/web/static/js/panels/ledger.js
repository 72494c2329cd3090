// The ledger view's panel: the slider through time (arrow keys an hour, Page Up/Down a day, Home/End
// the ends; buttons to the previous and next event), the live switch, the electoral votes projected,
// certified, cast and counted against the majority, the milestones and deadlines, and a unit's timeline.
import { api } from "../api.js";
import { $ } from "../dom.js";
import { el } from "../modes/redraw.js";
import { HOUR, wordsAt } from "../moments.js";
import { state } from "../state.js";

const MEASURES = [["projected", "Projected"], ["certified", "Certified"], ["cast", "Cast by the electors"],
  ["counted", "Counted in Congress"]];
let root = null; // the controls, built once (redrawing them would take the focus off the slider)

function buildControls(actions, ledger) {
  root = el("div", "", { className: "ledger" });
  const slider = el("input", "", { type: "range", id: "ledger-slider", min: "0", step: "1" });
  const moment = el("output", "", { id: "ledger-moment", htmlFor: "ledger-slider" });
  const prev = el("button", "Previous event", { type: "button", id: "ledger-prev" });
  const next = el("button", "Next event", { type: "button", id: "ledger-next" });
  const live = el("button", "Live", { type: "button", id: "ledger-live" });
  const toMoment = () => actions.move(ledger.start + Number(slider.value) * HOUR);
  slider.addEventListener("input", () => { showMoment(ledger.start + Number(slider.value) * HOUR); toMoment(); });
  slider.addEventListener("keydown", (event) => {
    const days = { PageUp: 1, PageDown: -1 }[event.key];
    if (!days) return;
    event.preventDefault();
    slider.value = String(Number(slider.value) + 24 * days);
    showMoment(ledger.start + Number(slider.value) * HOUR);
    toMoment();
  });
  const jump = (forward) => {
    const list = forward ? ledger.moments.filter((t) => t > ledger.at) : ledger.moments.filter((t) => t < ledger.at - HOUR + 1).reverse();
    if (list.length) actions.move(list[0]);
  };
  prev.addEventListener("click", () => jump(false));
  next.addEventListener("click", () => jump(true));
  live.addEventListener("click", () => actions.setLive(!ledger.live));
  const label = el("label", "Moment (Eastern time): arrow keys move an hour, Page Up/Down a day", { htmlFor: "ledger-slider" });
  const buttons = el("div", "", { className: "buttons" });
  buttons.append(prev, next, live);
  root.append(el("h2", "Ledger: projected, certified, cast", { id: "ledger-title" }), label, slider, moment, buttons,
    el("p", "", { id: "ledger-note", className: "hint", role: "status" }), el("div", "", { id: "ledger-counts" }),
    el("div", "", { id: "ledger-milestones" }), el("div", "", { id: "ledger-timeline" }));
}

function showMoment(at) {
  const text = wordsAt(at);
  $("#ledger-moment").textContent = text;
  $("#ledger-slider").setAttribute("aria-valuetext", text);
}

/** One measure's row: the figures (with test hooks) and a bar with the majority's mark. */
function measureRow(key, label, votes, status) {
  const row = el("div", "", { className: "ledger-measure" });
  row.dataset.measure = key;
  const names = Object.keys(votes).sort((a, b) => votes[b] - votes[a]);
  const line = el("p", `${label}: `);
  const bar = el("div", "", { className: "ledger-bar" });
  const total = state.data.electors_appointed;
  for (const name of names) {
    const figure = el("span", `${name} ${votes[name]}`, { className: "ledger-count" });
    Object.assign(figure.dataset, { candidate: name, votes: votes[name] });
    line.append(figure, " ");
    const seg = el("span", "", { className: "seg" });
    seg.style.width = `${(100 * votes[name]) / total}%`;
    seg.style.background = state.colors.get(name) || "#5b6470";
    bar.appendChild(seg);
  }
  if (!names.length) line.append("none yet");
  const mark = el("span", "", { className: "mark" });
  mark.style.left = `${(100 * status.majority_needed) / total}%`;
  bar.appendChild(mark);
  bar.setAttribute("role", "img");
  bar.setAttribute("aria-label", `${label}: ${names.map((n) => `${n} ${votes[n]}`).join(", ") || "none"}; ${status.majority_needed} needed`);
  row.append(line, bar);
  return row;
}

function milestones(status) {
  const parts = [];
  const list = el("ul", "", { className: "hint" });
  for (const m of status.milestones) {
    const when = wordsAt(Date.parse(m.at)) + (m.time_known ? "" : " (day known, not the hour)");
    const held = m.upper_bound ? `held ${status.majority_needed} ${m.measure} no later than`
      : `first held ${status.majority_needed} ${m.measure}:`;
    const bound = m.upper_bound ? ` (upper bound: rests on the rows of ${m.bounded_by.join(", ")})` : "";
    list.appendChild(el("li", `${m.candidate} ${held} ${when}, with ${m.units.join(", ")}${bound}`));
  }
  for (const d of status.deadlines.filter((x) => x.passed && x.overdue.length)) {
    list.appendChild(el("li", `${d.label} (${d.date}) passed; not yet ${d.stage.replace("_", " ")}: ${d.overdue.join(", ")}`));
  }
  if (list.children.length) parts.push(list);
  return parts;
}

/** Draw the panel for `ledger` (see modes/ledger.js); `actions` = {move(at), setLive(on)}. */
export function drawLedgerPanel(element, ledger, actions) {
  element.setAttribute("aria-labelledby", "ledger-title");
  if (!root) buildControls(actions, ledger);
  if (root.parentNode !== element) element.replaceChildren(root);
  const slider = $("#ledger-slider");
  slider.max = String(Math.max(0, Math.round((ledger.end - ledger.start) / HOUR)));
  slider.value = String(Math.floor((ledger.at - ledger.start) / HOUR));
  slider.disabled = ledger.live || !ledger.start;
  if (ledger.start) showMoment(ledger.live ? Date.now() : ledger.at);
  if (ledger.live) $("#ledger-moment").textContent = "Live: following new events as they are stored";
  $("#ledger-live").setAttribute("aria-pressed", String(ledger.live));
  const s = ledger.status;
  const note = ledger.error ? `No ledger to show: ${ledger.error}`
    : !s ? "Loading the ledger…"
      : !s.events ? `The ledger holds no event for ${s.year} (see docs/ledger.md for the years it covers).`
        : `${s.events} events by then (${s.ledger === "packaged" ? "the ledger packaged with electoral" : "the server's database"}).`;
  $("#ledger-note").textContent = note;
  $("#ledger-counts").replaceChildren(...(s ? MEASURES.map(([k, l]) => measureRow(k, l, s[k], s)) : []));
  $("#ledger-milestones").replaceChildren(...(s ? milestones(s) : []));
  if (!ledger.selected) $("#ledger-timeline").replaceChildren(el("p", "Click a unit for its timeline.", { className: "hint" }));
}

function eventWords(e) {
  const f = e.fields;
  const who = f.candidate ? `: ${f.candidate}` : "";
  const votes = f.votes && typeof f.votes === "object" ? `: ${Object.entries(f.votes).map(([n, v]) => `${n} ${v}`).join(", ")}` : "";
  return `${e.kind.replaceAll("_", " ")}${who || votes} (${e.actor})`;
}

/** Fetch and show the timeline of unit `code` (its events; those after the moment shown are marked "later"). */
export async function showTimeline(ledger, code) {
  const box = $("#ledger-timeline");
  if (!box || !ledger.year) return;
  const found = await api(`/api/ledger/${ledger.year}/events?unit=${encodeURIComponent(code)}`);
  const list = el("ol", "", { className: "timeline" });
  for (const e of found.events) {
    const at = Date.parse(e.effective);
    const item = el("li", `${wordsAt(at)}: ${eventWords(e)} `);
    if (!ledger.live && at > ledger.at) { item.classList.add("later"); item.prepend("later: "); }
    if (/^https?:\/\//.test(e.source)) item.appendChild(el("a", "source", { href: e.source, rel: "noopener" }));
    else if (e.source) item.append(`(${e.source})`);
    list.appendChild(item);
  }
  const name = state.units.get(code)?.name || code;
  box.replaceChildren(el("h3", `${name}: timeline (${found.count} event${found.count === 1 ? "" : "s"})`, { id: "ledger-timeline-title" }),
    found.count ? list : el("p", "No event in the ledger for this unit."));
}
