'use strict';
/**
 * Profit dates. GetConnectors serialise Amsterdam local time with a literal `Z` that does NOT mean UTC
 * (research §4.3); filters take the same local time without the `Z` (§5.4). Rows therefore store local
 * `YYYY-MM-DDTHH:MM:SS` strings; the `Z` is added on output only.
 *
 * Modification times written by the simulator keep milliseconds (`YYYY-MM-DDTHH:MM:SS.mmm`): Profit stores them
 * with sub-second precision but prints whole seconds, so a filter on a printed second and equality on it behave
 * as on the real server (§5.4, PAFAS). Filters and sorting compare the precise value; output drops the fraction.
 */

const amsterdam = new Intl.DateTimeFormat('en-GB', {
	timeZone: 'Europe/Amsterdam',
	year: 'numeric',
	month: '2-digit',
	day: '2-digit',
	hour: '2-digit',
	minute: '2-digit',
	second: '2-digit',
	hourCycle: 'h23',
});

/** Epoch ms -> Amsterdam local `YYYY-MM-DDTHH:MM:SS`, or with `.mmm` when `millis` is set. */
function toAmsterdamLocal(ms, { millis = false } = {}) {
	const parts = {};
	for (const part of amsterdam.formatToParts(new Date(ms))) parts[part.type] = part.value;
	const seconds = `${parts.year}-${parts.month}-${parts.day}T${parts.hour}:${parts.minute}:${parts.second}`;
	if (!millis) return seconds;
	const fraction = String(((Math.floor(ms) % 1000) + 1000) % 1000).padStart(3, '0');
	return `${seconds}.${fraction}`;
}

const DATE_PATTERN = /^(\d{4})-(\d{2})-(\d{2})(?:[T ](\d{2}):(\d{2})(?::(\d{2})(?:\.(\d+))?)?)?Z?$/;

/**
 * Normalises a date given in a filter or an update body to `YYYY-MM-DDTHH:MM:SS` (local), or null when it is
 * not a date. A trailing `Z` is ignored (clients copy it from GetConnector output).
 */
function normaliseLocalDate(value) {
	const match = DATE_PATTERN.exec(String(value).trim());
	if (!match) return null;
	const [, y, m, d, hh = '00', mm = '00', ss = '00'] = match;
	return `${y}-${m}-${d}T${hh}:${mm}:${ss}`;
}

/**
 * The comparison key of a stored cell or a filter value: local `YYYY-MM-DDTHH:MM:SS.mmm`, so text order is time
 * order and a whole second equals `.000`. Null when it is not a date.
 */
function dateKey(value) {
	const match = DATE_PATTERN.exec(String(value).trim());
	if (!match) return null;
	const [, y, m, d, hh = '00', mm = '00', ss = '00', fraction = ''] = match;
	return `${y}-${m}-${d}T${hh}:${mm}:${ss}.${fraction.padEnd(3, '0').slice(0, 3)}`;
}

/**
 * A stored cell as Profit prints it: whole seconds plus the `Z`. `subSecond` 'truncate' (default) drops the
 * fraction; 'round' rounds to the nearest second (what SQL Server's own formatting did, see README).
 */
function printDate(cell, subSecond = 'truncate') {
	if (cell === null || cell === undefined) return null;
	const text = String(cell);
	const dot = text.indexOf('.', 19);
	if (dot < 0) return `${text}Z`;
	const seconds = text.slice(0, dot);
	if (subSecond !== 'round' || Number(`0${text.slice(dot)}`) < 0.5) return `${seconds}Z`;
	// Local wall time: add one second in plain calendar arithmetic (no time zone involved).
	const next = new Date(`${seconds}Z`);
	next.setUTCSeconds(next.getUTCSeconds() + 1);
	return `${next.toISOString().slice(0, 19)}Z`;
}

function toProfitOutput(local) {
	return local === null || local === undefined ? null : `${local}Z`;
}

module.exports = { toAmsterdamLocal, normaliseLocalDate, dateKey, printDate, toProfitOutput };
