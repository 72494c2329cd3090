// Small DOM helpers shared by the page's modules.

const SVG_NS = "http://www.w3.org/2000/svg";

/** The first element matching a CSS selector. */
export const $ = (selector) => document.querySelector(selector);

/** An SVG element with its attributes, appended to `parent` when given. */
export function svg(tag, attributes = {}, parent = null) {
  const element = document.createElementNS(SVG_NS, tag);
  for (const [key, value] of Object.entries(attributes)) element.setAttribute(key, value);
  if (parent) parent.appendChild(element);
  return element;
}
