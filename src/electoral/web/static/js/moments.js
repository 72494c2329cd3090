// Moments of the ledger view, as milliseconds since 1970, written in Eastern time: Election Day to the
// count in Congress fall between the first Sunday of November and the second Sunday of March, when
// Washington keeps Eastern Standard Time (UTC-5).

export const HOUR = 3600e3;
const ET = -5 * HOUR;

/** A moment as ISO text in Eastern time: 1604768400000 -> "2020-11-07T12:00-05:00". */
export function isoAt(ms) {
  return `${new Date(ms + ET).toISOString().slice(0, 16)}-05:00`;
}

/** A moment in words: 1604768400000 -> "Sat 7 Nov 2020, 12:00 ET". */
export function wordsAt(ms) {
  const d = new Date(ms + ET);
  const [day, month] = [d.toUTCString().slice(0, 3), d.toUTCString().slice(8, 11)];
  return `${day} ${d.getUTCDate()} ${month} ${d.getUTCFullYear()}, ${d.toISOString().slice(11, 16)} ET`;
}

/** The start of a day ("2020-11-03") in Eastern time, in ms. */
export function dayStart(iso) {
  return Date.parse(`${iso}T00:00:00-05:00`);
}
