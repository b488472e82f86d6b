'use strict';
/**
 * Profit dates. GetConnectors serialise Amsterdam local time with a literal `Z` that does NOT mean UTC
 * (research §4.3); filters take the same local time without the `Z` (§5.4). Rows therefore store local
 * `YYYY-MM-DDTHH:MM:SS` strings; the `Z` is added on output only.
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

/** Epoch ms -> Amsterdam local `YYYY-MM-DDTHH:MM:SS`. */
function toAmsterdamLocal(ms) {
	const parts = {};
	for (const part of amsterdam.formatToParts(new Date(ms))) parts[part.type] = part.value;
	return `${parts.year}-${parts.month}-${parts.day}T${parts.hour}:${parts.minute}:${parts.second}`;
}

/**
 * Normalises a date given in a filter or an update body to `YYYY-MM-DDTHH:MM:SS` (local), or null when it is
 * not a date. A trailing `Z` is ignored (clients copy it from GetConnector output).
 */
function normaliseLocalDate(value) {
	const match = /^(\d{4})-(\d{2})-(\d{2})(?:[T ](\d{2}):(\d{2})(?::(\d{2})(?:\.\d+)?)?)?Z?$/.exec(
		String(value).trim(),
	);
	if (!match) return null;
	const [, y, m, d, hh = '00', mm = '00', ss = '00'] = match;
	return `${y}-${m}-${d}T${hh}:${mm}:${ss}`;
}

function toProfitOutput(local) {
	return local === null || local === undefined ? null : `${local}Z`;
}

module.exports = { toAmsterdamLocal, normaliseLocalDate, toProfitOutput };
