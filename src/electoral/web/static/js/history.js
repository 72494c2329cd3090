// Undo and redo of the clicks on the map (buttons, Ctrl-Z, Ctrl-Y or Ctrl-Shift-Z). A year change
// starts a new history. The browser's Back button is left alone: it goes to the previous year.
import { $ } from "./dom.js";

const done = []; // {code, before, after}: the clicks, oldest first
const undone = []; // clicks undone, most recent last
let apply = () => {}; // (code, candidate) -> puts the unit on screen

/** The function that puts a unit's candidate on the map (set once by main.js). */
export function setApply(fn) {
  apply = fn;
}

function refreshButtons(message = "") {
  $("#undo").disabled = !done.length;
  $("#redo").disabled = !undone.length;
  $("#history-status").textContent = message;
}

/** A click: give `code` to `after` (a candidate, or "" for undecided), remembering `before`. */
export function record(code, before, after) {
  done.push({ code, before, after });
  undone.length = 0;
  apply(code, after);
  refreshButtons();
}

/** Undo the last click; false when there is none. */
export function undo() {
  const step = done.pop();
  if (!step) return false;
  undone.push(step);
  apply(step.code, step.before);
  refreshButtons(`Undone: ${step.code} back to ${step.before || "undecided"}.`);
  return true;
}

/** Redo the last click undone; false when there is none. */
export function redo() {
  const step = undone.pop();
  if (!step) return false;
  done.push(step);
  apply(step.code, step.after);
  refreshButtons(`Redone: ${step.code} to ${step.after || "undecided"}.`);
  return true;
}

/** Forget every click (a new year or a new base map). */
export function resetHistory() {
  done.length = 0;
  undone.length = 0;
  refreshButtons();
}

/** Ctrl-Z / Cmd-Z undoes, Ctrl-Y / Ctrl-Shift-Z redoes, except while typing in a text box. */
export function listenForKeys() {
  document.addEventListener("keydown", (event) => {
    if (!(event.ctrlKey || event.metaKey) || event.altKey) return;
    if (event.target.closest && event.target.closest("textarea, input, select")) return;
    const key = event.key.toLowerCase();
    const handled = key === "z" && !event.shiftKey ? undo() : (key === "y" || (key === "z" && event.shiftKey)) ? redo() : null;
    if (handled !== null) event.preventDefault();
  });
}
