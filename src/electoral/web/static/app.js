// Electoral College map: draws the record of a year from /api/elections/{year}/map on the SVG
// paths of static/map.json, lets the user recolour units, and keeps the bar, the outcome line and
// the URL in step. The bar is computed here (it must move on every click without a round trip);
// everything else (tipping point, paths to 270, probabilities) comes from the library via the API.
"use strict";

(() => {
  const SVG_NS = "http://www.w3.org/2000/svg";
  const SIDES = ["D", "R", "O"];
  // A click moves a unit one step along this cycle; "" is undecided.
  const NEXT_SIDE = { D: "R", R: "O", O: "", "": "D" };
  const SIDE_NAMES = { D: "Democratic", R: "Republican", O: "Other", "": "Undecided" };
  const PANEL_DELAY_MS = 150; // let a burst of clicks settle before asking the server
  // history.replaceState costs ~10 ms in Chromium (and is rate-limited): write the URL once a burst
  // of clicks settles, not on every click, so the bar keeps up with the clicks.
  const URL_DELAY_MS = 120;

  const app = {
    geo: null, // map.json: {states: {code: {name, fips, d, x, y, admitted}}, boxes: {code: {x, y, w, h}}}
    years: [],
    data: null, // the year's map document from the API
    units: new Map(), // code -> unit of the year
    recorded: {}, // code -> side of the recorded winner ("" if none)
    assign: {}, // code -> side on the user's map
    base: "record", // "record": the URL lists changes to the recorded map; "blank": changes to an empty map
    elements: new Map(), // code -> [svg elements drawn for it: shape, box, label]
    panelTimer: 0,
    urlTimer: 0,
    tooltipFrame: 0,
    panelAbort: null,
    tippingYear: null,
  };

  const $ = (selector) => document.querySelector(selector);

  // ---------------------------------------------------------------------------------------------
  // Pure helpers
  // ---------------------------------------------------------------------------------------------

  /** Electoral votes per side (and undecided) for an assignment: {D, R, O, U}. */
  function sideTotals(units, assign) {
    const totals = { D: 0, R: 0, O: 0, U: 0 };
    for (const unit of units.values()) {
      totals[assign[unit.code] || "U"] += unit.electoral_votes;
    }
    return totals;
  }

  /** The candidate named for a side: the one with the most electoral votes on it in the record. */
  function sideName(side, candidates) {
    const best = candidates.filter((c) => c.side === side).sort((a, b) => b.electoral_votes - a.electoral_votes)[0];
    return best ? best.name : SIDE_NAMES[side];
  }

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

  /** "GA:R,AZ:R" for the units whose side differs from the base map (U = undecided). */
  function encodeScenario(assign, base, codes) {
    return codes
      .filter((code) => (assign[code] || "") !== (base[code] || ""))
      .map((code) => `${code}:${assign[code] || "U"}`)
      .join(",");
  }

  /** Parse "GA:R,AZ:R,ME-2:U" into {code: side}; returns also the entries it could not read. */
  function decodeScenario(text) {
    const changes = {};
    const bad = [];
    for (const item of (text || "").split(",").map((s) => s.trim()).filter(Boolean)) {
      const match = /^([A-Za-z]{2}(?:-\d)?)[:=]([DROUdrou])$/.exec(item);
      if (!match) { bad.push(item); continue; }
      const side = match[2].toUpperCase();
      changes[match[1].toUpperCase()] = side === "U" ? "" : side;
    }
    return { changes, bad };
  }

  /** Probabilities typed as "PA=0.6, GA=45%" -> {PA: 0.6, GA: 0.45}; throws naming a bad entry. */
  function parseProbabilities(text) {
    const out = {};
    for (const item of text.split(/[,;\n]+/).map((s) => s.trim()).filter(Boolean)) {
      const match = /^([A-Za-z]{2}(?:-\d)?)\s*[=:]\s*([0-9.]+)\s*(%?)$/.exec(item);
      if (!match) throw new Error(`cannot read ${JSON.stringify(item)}: write CODE=probability, e.g. PA=0.6`);
      const value = Number(match[2]) / (match[3] ? 100 : 1);
      if (!(value >= 0 && value <= 1)) throw new Error(`probability for ${match[1].toUpperCase()} must be between 0 and 1, got ${match[2]}${match[3]}`);
      out[match[1].toUpperCase()] = value;
    }
    return out;
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

  function percent(value, digits = 1) {
    return `${(100 * value).toFixed(digits)}%`;
  }

  function svg(tag, attributes = {}, parent = null) {
    const element = document.createElementNS(SVG_NS, tag);
    for (const [key, value] of Object.entries(attributes)) element.setAttribute(key, value);
    if (parent) parent.appendChild(element);
    return element;
  }

  async function api(path, body) {
    const options = body === undefined ? {} : {
      method: "POST",
      headers: { "Content-Type": "application/json" },
      body: JSON.stringify(body),
    };
    if (body !== undefined && app.panelAbort) options.signal = app.panelAbort.signal;
    const response = await fetch(path, options);
    const payload = await response.json().catch(() => ({}));
    if (!response.ok) throw new Error(payload.error || `${response.status} ${response.statusText}`);
    return payload;
  }

  // ---------------------------------------------------------------------------------------------
  // The map: drawn once, restyled per year and per click
  // ---------------------------------------------------------------------------------------------

  function drawMap() {
    const root = $("#map");
    const defs = svg("defs", {}, root);
    const hatch = svg("pattern", { id: "hatch", width: 6, height: 6, patternUnits: "userSpaceOnUse", patternTransform: "rotate(45)" }, defs);
    svg("rect", { width: 6, height: 6, fill: "#f1f1f1" }, hatch);
    svg("line", { x1: 0, y1: 0, x2: 0, y2: 6, stroke: "#d4d7dc", "stroke-width": 2 }, hatch);

    const shapes = svg("g", { class: "shapes" }, root);
    const labels = svg("g", { class: "labels", "aria-hidden": "true" }, root);
    const boxes = svg("g", { class: "boxes" }, root);
    const add = (code, element) => {
      if (!app.elements.has(code)) app.elements.set(code, []);
      app.elements.get(code).push(element);
    };
    for (const [code, state] of Object.entries(app.geo.states)) {
      const path = svg("path", { d: state.d, class: "state", "data-shape": code }, shapes);
      add(code, path);
      if (!app.geo.boxes[code]) {
        const text = svg("text", { x: state.x, y: state.y, "data-label": code }, labels);
        add(code, text);
      }
    }
    for (const name of ["ME", "NE"]) {
      const first = app.geo.boxes[`${name}-1`];
      const label = svg("text", { x: first.x - 6, y: first.y + first.h / 2, class: "group-label", "data-group": name }, boxes);
      label.textContent = `${app.geo.states[name].name} districts`;
    }
    for (const [code, box] of Object.entries(app.geo.boxes)) {
      const group = svg("g", { class: "box", "data-box": code }, boxes);
      svg("rect", { x: box.x, y: box.y, width: box.w, height: box.h }, group);
      svg("text", { x: box.x + box.w / 2, y: box.y + box.h / 2 }, group);
      add(code, group);
    }
    root.addEventListener("click", onMapClick);
    root.addEventListener("keydown", onMapKey);
    root.addEventListener("pointermove", onPointer);
    root.addEventListener("pointerleave", hideTooltip);
    root.addEventListener("focusin", onFocus);
    root.addEventListener("focusout", hideTooltip);
  }

  /** Restyle the map for a year: who is in the Union, what is clickable, the labels. */
  function setupYear() {
    const hasBox = (code) => Boolean(app.geo.boxes[code]);
    for (const [code, elements] of app.elements) {
      const unit = app.units.get(code);
      for (const element of elements) {
        element.removeAttribute("data-unit");
        element.removeAttribute("tabindex");
        element.removeAttribute("role");
        element.removeAttribute("aria-label");
        if (element.tagName === "g") element.toggleAttribute("hidden", !unit);
      }
      if (!unit) continue;
      // One focusable element per unit: its box when it has one (tiny states, districts), else its shape.
      const target = elements.find((e) => e.tagName === (hasBox(code) ? "g" : "path"));
      target.setAttribute("data-unit", code);
      target.setAttribute("tabindex", "0");
      target.setAttribute("role", "button");
    }
    for (const label of document.querySelectorAll("[data-group]")) {
      label.style.display = app.units.has(`${label.dataset.group}-1`) ? "" : "none";
    }
    const majority = app.data.majority_needed;
    document.querySelectorAll(".majority").forEach((el) => { el.textContent = majority; });
    $("#bar-mark").style.left = `${(100 * majority) / app.data.electors_appointed}%`;
    $("#bar-mark-label").textContent = `${majority} to win`;
    $("#recorded").textContent = recordedText(app.data, sideTotals(app.units, app.recorded));
    paintAll();
  }

  function paint(code) {
    const unit = app.units.get(code);
    const side = app.assign[code] || "";
    const fill = unit ? `side-${side || "U"}` : "absent";
    for (const element of app.elements.get(code) || []) {
      let text = element;
      if (element.tagName === "path") {
        element.setAttribute("class", `state ${fill}${unit ? " present" : ""}`);
        continue;
      }
      if (element.tagName === "g") {
        element.querySelector("rect").setAttribute("class", fill);
        text = element.querySelector("text");
      }
      writeLabel(text, unit, element.tagName === "g");
      text.classList.toggle("on-light", !side || side === "O");
    }
    const focusable = (app.elements.get(code) || []).find((e) => e.hasAttribute("data-unit"));
    if (focusable && unit) {
      focusable.setAttribute("aria-label", `${unit.name}, ${unit.electoral_votes} elector${unit.electoral_votes === 1 ? "" : "s"}, ${SIDE_NAMES[side]}`);
      focusable.dataset.side = side || "U";
    }
  }

  /** A unit's label: "GA" over "16" on the map, "ME-2 1" in a box; empty when it has no electors. */
  function writeLabel(text, unit, inBox) {
    text.textContent = "";
    if (!unit) return;
    text.append(inBox ? `${unit.code} ` : unit.code);
    const ev = svg("tspan", { class: "ev" }, text);
    ev.textContent = unit.electoral_votes;
    if (!inBox) {
      ev.setAttribute("x", text.getAttribute("x"));
      ev.setAttribute("dy", "1.1em");
      text.setAttribute("dy", "-0.45em");
    }
  }

  function paintAll() {
    for (const code of app.elements.keys()) paint(code);
    updateSummary();
  }

  function cycle(code) {
    if (!app.units.has(code)) return;
    app.assign[code] = NEXT_SIDE[app.assign[code] || ""];
    paint(code);
    updateSummary();
    scheduleUrl();
    schedulePanels();
  }

  function codeOf(target) {
    const element = target.closest("[data-unit], [data-shape], [data-box]");
    if (!element) return null;
    return element.dataset.unit || element.dataset.shape || element.dataset.box;
  }

  function onMapClick(event) {
    const code = codeOf(event.target);
    if (code) {
      cycle(code);
      showTooltip(code, event.clientX, event.clientY);
    }
  }

  function onMapKey(event) {
    if (event.key !== "Enter" && event.key !== " ") return;
    const element = event.target.closest("[data-unit]");
    if (!element) return;
    event.preventDefault();
    cycle(element.dataset.unit);
    onFocus({ target: element });
  }

  // ---------------------------------------------------------------------------------------------
  // Tooltip
  // ---------------------------------------------------------------------------------------------

  function tooltipHtml(code) {
    const unit = app.units.get(code);
    const escape = (s) => String(s).replace(/[&<>"]/g, (c) => `&#${c.charCodeAt(0)};`);
    if (!unit) {
      const state = app.geo.states[code];
      const admitted = state && state.admitted ? `; admitted ${state.admitted.slice(0, 4)}` : "";
      return `<strong>${escape(state ? state.name : code)}</strong>No electors in ${app.data.year}${escape(admitted)}`;
    }
    const lines = [`<strong>${escape(unit.name)}</strong>`, `${unit.electoral_votes} elector${unit.electoral_votes === 1 ? "" : "s"}`];
    if (unit.winner) lines.push(`Recorded: ${escape(unit.winner)}`);
    const pair = app.data.margin_candidates;
    if (unit.margin !== null && unit.margin !== undefined && pair) {
      const leader = unit.margin >= 0 ? pair[0] : pair[1];
      lines.push(`Margin: ${escape(leader)} +${(100 * Math.abs(unit.margin)).toFixed(1)} pts (two-party)`);
    } else {
      lines.push("Margin: no popular vote recorded");
    }
    lines.push(`Your map: ${SIDE_NAMES[app.assign[code] || ""]}`);
    return lines.join("<br>");
  }

  /** Show the tooltip at the next frame: measuring it forces a layout, which a click should not wait for. */
  function showTooltip(code, clientX, clientY) {
    cancelAnimationFrame(app.tooltipFrame);
    app.tooltipFrame = requestAnimationFrame(() => {
      const tip = $("#tooltip");
      const frame = $(".map-figure").getBoundingClientRect();
      tip.innerHTML = tooltipHtml(code);
      tip.hidden = false;
      const width = tip.offsetWidth;
      const x = Math.min(Math.max(0, clientX - frame.left + 12), Math.max(0, frame.width - width));
      tip.style.left = `${x}px`;
      tip.style.top = `${clientY - frame.top + 14}px`;
    });
  }

  function hideTooltip() {
    cancelAnimationFrame(app.tooltipFrame);
    $("#tooltip").hidden = true;
  }

  function onPointer(event) {
    const code = codeOf(event.target);
    if (code) showTooltip(code, event.clientX, event.clientY);
    else hideTooltip();
  }

  function onFocus(event) {
    const element = event.target.closest && event.target.closest("[data-unit]");
    if (!element) return;
    const rect = element.getBoundingClientRect();
    showTooltip(element.dataset.unit, rect.left + rect.width / 2, rect.bottom);
  }

  // ---------------------------------------------------------------------------------------------
  // Bar, outcome, URL
  // ---------------------------------------------------------------------------------------------

  function sideNames() {
    const names = Object.fromEntries(SIDES.map((side) => [side, sideName(side, app.data.candidates)]));
    names.has = Object.fromEntries(SIDES.map(
      (side) => [side, side !== "O" && app.data.candidates.some((c) => c.side === side)]));
    return names;
  }

  function updateSummary() {
    const totals = sideTotals(app.units, app.assign);
    const names = sideNames();
    const all = app.data.electors_appointed;
    for (const side of ["D", "R", "O", "U"]) {
      $(`#bar-${side.toLowerCase()}`).textContent = totals[side];
      $(`#seg-${side.toLowerCase()}`).style.width = `${(100 * totals[side]) / all}%`;
    }
    $("#name-d").textContent = names.D;
    $("#name-r").textContent = names.R;
    $("#tally-o").hidden = totals.O === 0;
    const text = outcomeText(totals, names, app.data.majority_needed);
    $("#outcome").textContent = text;
    $("#bar").setAttribute("aria-label", text);
  }

  function scenarioQuery() {
    const codes = [...app.units.keys()];
    const base = app.base === "blank" ? {} : app.recorded;
    const params = new URLSearchParams({ year: app.data.year });
    if (app.base === "blank") params.set("base", "blank");
    const changes = encodeScenario(app.assign, base, codes);
    if (changes) params.set("s", changes);
    // Keep "GA:R,AZ:R" readable in the address bar (":" and "," are safe in a query).
    return params.toString().replace(/%3A/gi, ":").replace(/%2C/gi, ",");
  }

  function scheduleUrl() {
    clearTimeout(app.urlTimer);
    app.urlTimer = setTimeout(() => updateUrl(false), URL_DELAY_MS);
  }

  function updateUrl(newEntry) {
    clearTimeout(app.urlTimer);
    const url = `${location.pathname}?${scenarioQuery()}`;
    if (newEntry) history.pushState(null, "", url);
    else history.replaceState(null, "", url);
  }

  function showNotice(message) {
    const notice = $("#notice");
    notice.textContent = message || "";
    notice.hidden = !message;
  }

  // ---------------------------------------------------------------------------------------------
  // Loading a year (from the selector or the URL)
  // ---------------------------------------------------------------------------------------------

  function fetchYear(year) {
    return api(`/api/elections/${encodeURIComponent(year)}/map`);
  }

  async function loadYear(year, { base = "record", changes = {}, pushHistory = false, prefetched = null } = {}) {
    const early = prefetched && (await prefetched.catch(() => null));
    const data = early && early.year === year ? early : await fetchYear(year);
    app.data = data;
    app.units = new Map(data.units.map((unit) => [unit.code, unit]));
    app.recorded = Object.fromEntries(data.units.map((unit) => [unit.code, unit.side || ""]));
    app.base = base;
    app.assign = base === "blank" ? {} : { ...app.recorded };
    const unknown = [];
    for (const [code, side] of Object.entries(changes)) {
      if (app.units.has(code)) app.assign[code] = side;
      else unknown.push(code);
    }
    $("#year").value = String(data.year);
    setupYear();
    updateUrl(pushHistory);
    $("#prob-input").value = "";
    clearPanels();
    schedulePanels(0);
    return unknown;
  }

  async function loadFromLocation(prefetched = null) {
    const params = new URLSearchParams(location.search);
    const latest = app.years[app.years.length - 1];
    let year = Number(params.get("year") || latest);
    const problems = [];
    if (!app.years.includes(year)) {
      problems.push(`no election in ${JSON.stringify(params.get("year"))}; showing ${latest}`);
      year = latest;
    }
    const { changes, bad } = decodeScenario(params.get("s"));
    if (bad.length) problems.push(`ignored unreadable scenario entries: ${bad.join(", ")}`);
    const base = params.get("base") === "blank" ? "blank" : "record";
    const unknown = await loadYear(year, { base, changes, prefetched });
    if (unknown.length) problems.push(`ignored units not voting in ${year}: ${unknown.join(", ")}`);
    showNotice(problems.join(". "));
  }

  function stepYear(direction) {
    const index = app.years.indexOf(app.data.year) + direction;
    if (index >= 0 && index < app.years.length) {
      showNotice("");
      loadYear(app.years[index], { pushHistory: true });
    }
  }

  // ---------------------------------------------------------------------------------------------
  // Panels (server): tipping point, paths to 270, probabilities
  // ---------------------------------------------------------------------------------------------

  function schedulePanels(delay = PANEL_DELAY_MS) {
    document.body.dataset.panels = "loading"; // until this round's answers are on screen
    clearTimeout(app.panelTimer);
    app.panelTimer = setTimeout(refreshPanels, delay);
  }

  function decidedMap() {
    return Object.fromEntries(Object.entries(app.assign).filter(([code, side]) => side && app.units.has(code)));
  }

  async function refreshPanels() {
    if (app.panelAbort) app.panelAbort.abort();
    const round = new AbortController();
    app.panelAbort = round;
    await Promise.all([
      refreshTipping().catch(panelError("#tipping-summary", ["#snake"], "Not available: ")),
      refreshPaths().catch(panelError("#paths-summary", ["#paths-list"], "Not available: ")),
      runProbability().catch(panelError("#prob-error", ["#prob-hist", "#prob-odds"], "")),
    ]);
    if (app.panelAbort === round) document.body.dataset.panels = "ready"; // not superseded meanwhile
  }

  /** Empty the panels when the year changes, so that no answer about another year stays on screen. */
  function clearPanels() {
    if (app.panelAbort) app.panelAbort.abort();
    if (app.tippingYear !== app.data.year) {
      app.tippingYear = null;
      $("#tipping-summary").textContent = "…";
      $("#snake").replaceChildren();
    }
    $("#paths-summary").textContent = "…";
    for (const selector of ["#paths-list", "#prob-odds", "#prob-hist"]) $(selector).replaceChildren();
    $("#prob-error").hidden = true;
  }

  /** Show why a panel is empty (a year without popular votes, a side the analysis cannot take...). */
  function panelError(textSelector, clearSelectors, prefix) {
    return (error) => {
      if (error.name === "AbortError") return;
      for (const selector of clearSelectors) $(selector).replaceChildren();
      if (textSelector === "#tipping-summary") app.tippingYear = null;
      const target = $(textSelector);
      target.textContent = `${prefix}${error.message}`;
      target.hidden = false;
    };
  }

  function pts(margin) {
    return `${(100 * Math.abs(margin)).toFixed(2)} pts`;
  }

  function sideOfCandidate(name) {
    const found = app.data.candidates.find((c) => c.name === name);
    return found ? found.side : "O";
  }

  function unitName(code) {
    const unit = app.units.get(code);
    return unit ? unit.name : code;
  }

  // -- Tipping point: depends on the year only (the recorded margins), so fetched once per year.
  async function refreshTipping() {
    const year = app.data.year;
    if (app.tippingYear === year) return;
    const doc = await api(`/api/elections/${year}/tipping-point`);
    if (app.data.year !== year) return; // the user moved on
    app.tippingYear = year;
    const [first] = doc.candidates;
    const lead = (margin) => `${margin >= 0 ? first : doc.candidates[1]} +${pts(margin)}`;
    let text = doc.tipping_point
      ? `${unitName(doc.tipping_point)} tipped ${year} to ${doc.winner}: ${lead(doc.tipping_margin)}.`
      : `No one carried a majority of the electors in ${year}: there is no tipping point.`;
    const share = doc.margin_definition === "two-party" ? "the two-party vote" : "all votes";
    if (doc.tipping_point) text = text.slice(0, -1) + ` (margins as shares of ${share}).`;
    if (doc.national_margin !== null) text += ` National margin ${lead(doc.national_margin)}.`;
    if (doc.bias !== null && doc.favours) text += ` The Electoral College leaned ${pts(doc.bias)} toward ${doc.favours}.`;
    if (doc.estimated.length) text += ` Estimated margins: ${doc.estimated.join(", ")}.`;
    $("#tipping-summary").textContent = text;
    drawSnake(doc);
  }

  /** The snake: units in the winner's order, strongest first, each as wide as its electors; the
   * chain is read like text, in rows, so that it stays legible on a phone. */
  function drawSnake(doc) {
    const chart = $("#snake");
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
      const side = row.won_by ? sideOfCandidate(row.won_by) : "O";
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
          class: `fill-${side}${tip ? " tip" : ""}`, "data-snake": row.unit,
        }, chart);
        svg("title", {}, rect).textContent = `${unitName(row.unit)}: ${row.electoral_votes} electors`
          + (row.winner_margin === null ? "" : `; ${doc.winner} ${row.winner_margin >= 0 ? "+" : "−"}${pts(row.winner_margin)}`);
        if (w >= 20) {
          const label = svg("text", { x: (x + w / 2).toFixed(1), y: y + rowHeight / 2, class: "chart-text snake-label" }, chart);
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

  // -- Paths to the majority for the undecided units, given the units called on the map.
  async function refreshPaths() {
    const year = app.data.year;
    // The analysis is a two-way race: D and R calls are sent; units marked "other" stay open.
    const decided = Object.fromEntries(Object.entries(decidedMap()).filter(([, side]) => side !== "O"));
    const others = Object.entries(decidedMap()).filter(([, side]) => side === "O").map(([code]) => code);
    const doc = await api("/api/paths", { year, decided, limit: 5 });
    if (app.data.year !== year) return;
    const open = doc.open_units;
    const openVotes = open.reduce((sum, code) => sum + (app.units.get(code) || { electoral_votes: 0 }).electoral_votes, 0);
    const summary = $("#paths-summary");
    summary.replaceChildren();
    const line = document.createElement("p");
    if (!open.length) {
      line.textContent = "No undecided units: click states to make them undecided and see the paths.";
    } else {
      const share = (n) => (doc.outcomes ? percent(n / doc.outcomes) : "–");
      const [a, b] = doc.candidates;
      line.textContent = `${open.length} undecided unit${open.length === 1 ? "" : "s"} (${openVotes} electoral votes) can fall `
        + `${formatCount(doc.outcomes)} ways: ${a.candidate} wins ${share(a.winning_outcomes)} of them, `
        + `${b.candidate} ${share(b.winning_outcomes)}, ties ${share(doc.ties)}.`;
    }
    summary.appendChild(line);
    if (others.length) {
      const note = document.createElement("p");
      note.className = "hint";
      note.textContent = `Counted as undecided here (the analysis is a two-way race): ${others.join(", ")}.`;
      summary.appendChild(note);
    }
    const list = $("#paths-list");
    list.replaceChildren();
    if (!open.length) return;
    for (const candidate of doc.candidates) {
      const side = sideOfCandidate(candidate.candidate);
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
        for (const set of candidate.minimal_sets) {
          const row = document.createElement("li");
          for (const code of set) {
            const chip = document.createElement("span");
            chip.className = `chip ${side}`;
            chip.textContent = code;
            row.appendChild(chip);
          }
          paths.appendChild(row);
        }
        item.appendChild(paths);
      }
      list.appendChild(item);
    }
  }

  /** Exact counts can pass 2^53; show them rounded, as a person would read them. */
  function formatCount(n) {
    return n < 1e6 ? n.toLocaleString("en-US") : `about ${n.toExponential(2).replace("e+", " × 10^")}`;
  }

  // -- Probability mode: P(D carries the unit) for every unit, from the map unless the box says otherwise.
  const MAP_PROBABILITY = { D: 1, R: 0, O: 0, "": 0.5 };

  function undecidedCodes() {
    return [...app.units.keys()].filter((code) => !app.assign[code]);
  }

  async function runProbability() {
    const year = app.data.year;
    const error = $("#prob-error");
    error.hidden = true;
    const typed = parseProbabilities($("#prob-input").value);
    const unknown = Object.keys(typed).filter((code) => !app.units.has(code));
    if (unknown.length) throw new Error(`not a unit in ${year}: ${unknown.join(", ")}`);
    const probabilities = {};
    for (const code of app.units.keys()) probabilities[code] = code in typed ? typed[code] : MAP_PROBABILITY[app.assign[code] || ""];
    const doc = await api("/api/probability/exact", { year, probabilities });
    if (app.data.year !== year) return;
    const names = sideNames();
    const ev = doc.electoral_votes;
    const others = Object.values(app.assign).includes("O") ? " Units marked other count against D here." : "";
    $("#prob-odds").textContent = `${names.D} ${percent(doc.p_win.D)} · ${names.R} ${percent(doc.p_win.R)} · `
      + `no majority ${percent(doc.p_tie)}. ${names.D}'s electoral votes: median ${ev.median}, `
      + `90% between ${ev.quantiles["0.05"]} and ${ev.quantiles["0.95"]}.${others}`;
    drawHistogram(doc);
  }

  /** P(D wins exactly k electoral votes) over the k that carry any weight, coloured by who wins. */
  function drawHistogram(doc) {
    const chart = $("#prob-hist");
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
        width: Math.max(step - 0.5, 0.5).toFixed(2), height: barHeight.toFixed(2), class: `fill-${winner}`,
      }, chart);
      svg("title", {}, rect).textContent = `${k} electoral votes: ${percent(h[k], 2)}`;
    }
    const at = (doc.majority_needed - lo) * step;
    svg("line", { x1: at, x2: at, y1: 0, y2: height, class: "chart-line" }, chart);
    const labels = [[at, doc.majority_needed, "middle"], [0, lo, "start"], [width, hi, "end"]]
      .filter(([x], i) => i === 0 || Math.abs(x - at) > 40); // never print over the majority's label
    for (const [x, value, anchor] of labels) {
      const text = svg("text", { x, y: height + 16, class: "chart-text", "text-anchor": anchor }, chart);
      text.textContent = value;
    }
  }

  function presetProbability() {
    $("#prob-input").value = undecidedCodes().map((code) => `${code}=0.5`).join(", ");
    schedulePanels(0);
  }

  // ---------------------------------------------------------------------------------------------
  // Start
  // ---------------------------------------------------------------------------------------------

  async function start() {
    // Ask for the year's map at once, alongside the geometry, rather than after it.
    const wanted = new URLSearchParams(location.search).get("year");
    const prefetched = wanted ? fetchYear(wanted) : null;
    if (prefetched) prefetched.catch(() => null); // a bad year is reported by loadFromLocation
    const [geo, years] = await Promise.all([
      fetch("/static/map.json").then((r) => r.json()),
      api("/api/years"),
    ]);
    app.geo = geo;
    app.years = years.years;
    const select = $("#year");
    for (const year of app.years) select.add(new Option(String(year), String(year)));
    drawMap();
    select.addEventListener("change", () => { showNotice(""); loadYear(Number(select.value), { pushHistory: true }); });
    $("#prev-year").addEventListener("click", () => stepYear(-1));
    $("#next-year").addEventListener("click", () => stepYear(1));
    $("#reset").addEventListener("click", () => { showNotice(""); loadYear(app.data.year, { pushHistory: true }); });
    $("#clear").addEventListener("click", () => { showNotice(""); loadYear(app.data.year, { base: "blank", pushHistory: true }); });
    $("#prob-run").addEventListener("click", () => schedulePanels(0));
    $("#prob-preset").addEventListener("click", presetProbability);
    $("#share").addEventListener("click", async () => {
      updateUrl(false);
      try {
        await navigator.clipboard.writeText(location.href);
        showNotice("Link copied: it restores this year and this map.");
      } catch {
        showNotice(`Share this link: ${location.href}`);
      }
    });
    window.addEventListener("popstate", () => loadFromLocation());
    window.addEventListener("pagehide", () => app.data && updateUrl(false));
    await loadFromLocation(prefetched);
    document.body.dataset.ready = "true";
  }

  start().catch((error) => showNotice(`The map could not load: ${error.message}`));
})();
