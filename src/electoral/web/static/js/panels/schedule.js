// When the panels ask the server: 150 ms after the last click (a burst of clicks costs one round),
// one round at a time (a newer round aborts the older one's requests), and what they show when a
// request fails. body[data-panels] is "loading" until a round's answers are on screen, then "ready".
import { $ } from "../dom.js";
import { clearOdds, runProbability } from "./odds.js";
import { clearPaths, refreshPaths } from "./paths.js";
import { clearTipping, forgetTipping, refreshTipping } from "./tipping.js";

const PANEL_DELAY_MS = 150; // let a burst of clicks settle before asking the server
let panelTimer = 0;
let panelAbort = null; // the current round's AbortController

/** Refresh the three panels after `delay` ms, unless another call comes first. */
export function schedulePanels(delay = PANEL_DELAY_MS) {
  document.body.dataset.panels = "loading"; // until this round's answers are on screen
  clearTimeout(panelTimer);
  panelTimer = setTimeout(refreshPanels, delay);
}

async function refreshPanels() {
  if (panelAbort) panelAbort.abort();
  const round = new AbortController();
  panelAbort = round;
  await Promise.all([
    refreshTipping().catch(panelError("#tipping-summary", ["#snake"], "Not available: ", forgetTipping)),
    refreshPaths(round.signal).catch(panelError("#paths-summary", ["#paths-list"], "Not available: ")),
    runProbability(round.signal).catch(panelError("#prob-error", ["#prob-hist", "#prob-odds"], "")),
  ]);
  if (panelAbort === round) document.body.dataset.panels = "ready"; // not superseded meanwhile
}

/** Empty the panels when the year changes, so that no answer about another year stays on screen. */
export function clearPanels() {
  if (panelAbort) panelAbort.abort();
  clearTipping();
  clearPaths();
  clearOdds();
}

/** Show why a panel is empty (a year without popular votes, a side the analysis cannot take...). */
function panelError(textSelector, clearSelectors, prefix, onError = null) {
  return (error) => {
    if (error.name === "AbortError") return;
    for (const selector of clearSelectors) $(selector).replaceChildren();
    if (onError) onError();
    const target = $(textSelector);
    target.textContent = `${prefix}${error.message}`;
    target.hidden = false;
  };
}
