// Export of the map on screen: an SVG file (the map with its fills and labels, a title and the
// legend's candidates), a PNG drawn from it, and an embed snippet (an iframe of the current URL).
import { $ } from "./dom.js";
import { state } from "./state.js";
import { scenarioQuery } from "./url.js";

const SVG_NS = "http://www.w3.org/2000/svg";

/** The map as a standalone SVG document (text): fills inline, labels, the outcome line as a title. */
export function mapSvgText() {
  const map = $("#map").cloneNode(true);
  map.setAttribute("xmlns", SVG_NS);
  map.setAttribute("width", "975");
  map.setAttribute("height", "650");
  map.setAttribute("viewBox", "0 0 975 650");
  map.removeAttribute("role");
  for (const element of map.querySelectorAll("[tabindex]")) element.removeAttribute("tabindex");
  const style = document.createElementNS(SVG_NS, "style");
  style.textContent = ".state{stroke:#fff;stroke-width:0.8}.absent{fill:url(#hatch)}.box rect{stroke:#fff}"
    + "text{font:600 11px sans-serif;text-anchor:middle;dominant-baseline:central}.ev{font-weight:400;font-size:10px}"
    + ".group-label{fill:#5b6470;text-anchor:end;font-weight:400}.leader{stroke:#9aa3ae}.box[hidden]{display:none}"
    + ".caption{font:600 16px sans-serif;text-anchor:start;dominant-baseline:auto}";
  map.insertBefore(style, map.firstChild);
  const caption = document.createElementNS(SVG_NS, "text");
  caption.setAttribute("class", "caption");
  caption.setAttribute("x", "10");
  caption.setAttribute("y", "636");
  caption.textContent = `${state.data.year}: ${$("#outcome").textContent}`;
  map.appendChild(caption);
  return new XMLSerializer().serializeToString(map);
}

function download(blob, name) {
  const link = document.createElement("a");
  link.href = URL.createObjectURL(blob);
  link.download = name;
  document.body.appendChild(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(link.href), 1000);
}

/** Save the map as electoral-YEAR.svg. */
export function exportSvg() {
  download(new Blob([mapSvgText()], { type: "image/svg+xml" }), `electoral-${state.data.year}.svg`);
}

/** Save the map as electoral-YEAR.png (2x, white background). */
export function exportPng() {
  const image = new Image();
  const url = URL.createObjectURL(new Blob([mapSvgText()], { type: "image/svg+xml" }));
  image.onload = () => {
    const canvas = document.createElement("canvas");
    canvas.width = 975 * 2;
    canvas.height = 650 * 2;
    const context = canvas.getContext("2d");
    context.fillStyle = "#ffffff";
    context.fillRect(0, 0, canvas.width, canvas.height);
    context.drawImage(image, 0, 0, canvas.width, canvas.height);
    URL.revokeObjectURL(url);
    canvas.toBlob((blob) => download(blob, `electoral-${state.data.year}.png`), "image/png");
  };
  image.src = url;
}

/** The iframe code that embeds this year and this map (the page without its controls and panels). */
export function embedSnippet() {
  const src = `${location.origin}${location.pathname}?${scenarioQuery()}&embed=1`;
  return `<iframe src="${src.replace(/"/g, "&quot;")}" title="Electoral College map, ${state.data.year}" `
    + 'width="800" height="620" style="border:0" loading="lazy"></iframe>';
}

/** Show the embed snippet in its box, selected for copying. */
export function showEmbed() {
  const box = $("#embed-code");
  box.value = embedSnippet();
  $("#embed").hidden = false;
  box.focus();
  box.select();
}
