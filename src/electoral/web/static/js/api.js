// Requests to the HTTP API (see docs/api.md) and the map geometry.

/** GET `path`, or POST `body` as JSON; the answer's JSON, or an Error with the API's message.
 * `signal` (an AbortSignal) lets a newer round of requests cancel this one. */
export async function api(path, body, signal = null) {
  const options = body === undefined ? {} : {
    method: "POST",
    headers: { "Content-Type": "application/json" },
    body: JSON.stringify(body),
  };
  if (signal) options.signal = signal;
  const response = await fetch(path, options);
  const payload = await response.json().catch(() => ({}));
  if (!response.ok) throw new Error(payload.error || `${response.status} ${response.statusText}`);
  return payload;
}

/** The year's map document: units, candidates, the record's tally, margins; `signal` aborts it. */
export function fetchYear(year, signal = null) {
  return api(`/api/elections/${encodeURIComponent(year)}/map`, undefined, signal);
}

/** map.json: {states: {code: {name, fips, d, x, y, admitted}}, boxes: {code: {x, y, w, h}}} (preloaded by the page). */
export function fetchGeometry() {
  return fetch("/static/map.json").then((r) => r.json());
}
