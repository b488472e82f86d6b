import { AfasInputError } from '../inputError';

/**
 * Profit date handling.
 *
 * Profit writes date-times as `YYYY-MM-DDTHH:mm:ssZ`, but the clock is Europe/Amsterdam local time: the `Z` is not
 * UTC ("We recommend ignoring this Z. The time is always Amsterdam GMT", research §4.3). Date-only fields come back
 * as `T00:00:00Z`. Filters want the same local clock without the `Z` (§5.4).
 *
 * Offsets come from the runtime's tz database through `Intl.DateTimeFormat` (full ICU in Node 20), so historic
 * rules and DST are exact without a date library.
 *
 * DST (decision): local clock times are resolved like Temporal's `disambiguation: 'compatible'` (also what
 * Luxon and java.time do):
 * - autumn overlap (e.g. 2024-10-27 02:30 happens twice) -> the EARLIER instant, still summer time (+02:00);
 * - spring gap (e.g. 2024-03-31 02:30 never happens) -> read with the offset in force BEFORE the gap (+01:00),
 *   which is the instant 01:30Z, shown by a wall clock as 03:30 summer time.
 * Profit never stores a time inside the gap when it stamps a record itself, so the gap only matters for values
 * typed by hand; the overlap is a genuine one-hour ambiguity that the Profit value cannot resolve.
 */
export type DateHandling = 'keep' | 'amsterdam' | 'utc';

export const DATE_HANDLING_MODES: readonly DateHandling[] = ['keep', 'amsterdam', 'utc'];

const TIME_ZONE = 'Europe/Amsterdam';

/** A Profit GetConnector date-time: seconds, optional fraction, and the misleading `Z`. */
const PROFIT_DATE_TIME = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2}):(\d{2})(\.\d{1,7})?Z$/;

const ISO_DATE_ONLY = /^(\d{4})-(\d{2})-(\d{2})$/;
const ISO_DATE_TIME =
	/^(\d{4})-(\d{2})-(\d{2})[T ](\d{2}):(\d{2})(?::(\d{2})(\.\d+)?)?(Z|[+-]\d{2}(?::?\d{2})?)?$/i;

const SECOND = 1000;
const MINUTE = 60 * SECOND;
const HOUR = 60 * MINUTE;
const DAY = 24 * HOUR;

const amsterdamClock = new Intl.DateTimeFormat('en-US', {
	timeZone: TIME_ZONE,
	hourCycle: 'h23',
	year: 'numeric',
	month: '2-digit',
	day: '2-digit',
	hour: '2-digit',
	minute: '2-digit',
	second: '2-digit',
});

interface WallTime {
	year: number;
	month: number;
	day: number;
	hour: number;
	minute: number;
	second: number;
}

function utcMillis(t: WallTime): number {
	const date = new Date(Date.UTC(2000, 0, 1, t.hour, t.minute, t.second));
	// setUTCFullYear, unlike Date.UTC, does not map years 0-99 to 1900-1999.
	date.setUTCFullYear(t.year, t.month - 1, t.day);
	return date.getTime();
}

const DAYS_IN_MONTH = [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];

function isValidWallTime(t: WallTime): boolean {
	if (t.month < 1 || t.month > 12 || t.day < 1 || t.hour > 23 || t.minute > 59 || t.second > 59)
		return false;
	const leapDay = t.month === 2 && isLeapYear(t.year) ? 1 : 0;
	return t.day <= DAYS_IN_MONTH[t.month - 1] + leapDay;
}

function isLeapYear(year: number): boolean {
	return (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
}

function computeOffset(instant: number): number {
	const wholeSecond = Math.floor(instant / SECOND) * SECOND;
	const parts: Record<string, number> = {};
	for (const part of amsterdamClock.formatToParts(new Date(wholeSecond))) {
		if (part.type !== 'literal') parts[part.type] = Number(part.value);
	}
	const wall = utcMillis({
		year: parts.year,
		month: parts.month,
		day: parts.day,
		hour: parts.hour,
		minute: parts.minute,
		second: parts.second,
	});
	return wall - wholeSecond;
}

// formatToParts costs a few microseconds and a large GetConnector page holds many dates. Since 1946 every
// Amsterdam offset is a whole number of hours and changes on a whole local hour, hence on a whole UTC hour, so the
// offset is constant within a UTC hour and can be cached per hour. Older dates (historic, odd offsets; recent tz
// databases even link Amsterdam to Brussels before 1970) are computed each time.
const CACHE_FROM = Date.UTC(1946, 0, 1);
const LOCAL_MEAN_TIME_BEFORE = Date.UTC(1800, 0, 1);
const CACHE_LIMIT = 20000;
const offsetCache = new Map<number, number>();

/** Milliseconds Amsterdam is ahead of UTC at this instant (3 600 000 in winter, 7 200 000 in summer). */
function offsetAt(instant: number): number {
	// Before 1800 every tz-database Amsterdam offset is the same local mean time, and Intl prints years before 1 as
	// era years (year 0 as "1"), which would give a wrong offset.
	if (instant < CACHE_FROM) return computeOffset(Math.max(instant, LOCAL_MEAN_TIME_BEFORE));
	const hour = Math.floor(instant / HOUR);
	let offset = offsetCache.get(hour);
	if (offset === undefined) {
		offset = computeOffset(hour * HOUR);
		if (offsetCache.size >= CACHE_LIMIT) offsetCache.clear();
		offsetCache.set(hour, offset);
	}
	return offset;
}

/** Minutes Amsterdam is ahead of UTC at the given instant (60 in winter, 120 in summer). */
export function amsterdamOffsetMinutes(instant: Date): number {
	return offsetAt(instant.getTime()) / MINUTE;
}

/**
 * The instant an Amsterdam wall-clock time denotes, and the offset used (see the DST decision at the top).
 * `wall` is the clock reading encoded as if it were UTC milliseconds.
 */
function resolveAmsterdamWallTime(wall: number): {
	instant: number;
	offset: number;
} {
	const before = offsetAt(wall - DAY);
	const after = offsetAt(wall + DAY);
	const fitting = [before, after].filter((offset) => offsetAt(wall - offset) === offset);
	if (fitting.length === 0) return { instant: wall - before, offset: before }; // spring gap
	const offset = Math.max(...fitting); // overlap: larger offset = earlier instant
	return { instant: wall - offset, offset };
}

/** The Amsterdam wall-clock reading of an instant, as `YYYY-MM-DDTHH:mm:ss`. */
function amsterdamWallText(instant: number): string {
	const wholeSecond = Math.floor(instant / SECOND) * SECOND;
	return isoSeconds(wholeSecond + offsetAt(wholeSecond));
}

function isoSeconds(millis: number): string {
	return new Date(millis).toISOString().slice(0, 19);
}

function formatOffset(offsetMillis: number): string {
	// Some pre-1940 tz-database offsets have seconds; ISO 8601/RFC 3339 offsets do not, so round to the minute.
	const minutes = Math.round(offsetMillis / MINUTE);
	const sign = minutes < 0 ? '-' : '+';
	const abs = Math.abs(minutes);
	return `${sign}${pad(Math.floor(abs / 60))}:${pad(abs % 60)}`;
}

function pad(value: number): string {
	return String(value).padStart(2, '0');
}

function wallTimeOf(match: RegExpMatchArray): WallTime {
	return {
		year: Number(match[1]),
		month: Number(match[2]),
		day: Number(match[3]),
		hour: Number(match[4]),
		minute: Number(match[5]),
		second: Number(match[6] ?? 0),
	};
}

/** True for a string shaped like a Profit GetConnector date-time (`YYYY-MM-DDTHH:mm:ss(.fff)Z`) with a real date. */
export function isProfitDateTime(value: unknown): value is string {
	if (typeof value !== 'string') return false;
	const match = PROFIT_DATE_TIME.exec(value);
	return match !== null && isValidWallTime(wallTimeOf(match));
}

/**
 * Converts one Profit date-time value:
 * - `keep`: unchanged (`2024-07-01T14:30:00Z`, Amsterdam clock despite the `Z`);
 * - `amsterdam`: the same clock reading with its real offset (`2024-07-01T14:30:00+02:00`);
 * - `utc`: the real instant in UTC (`2024-07-01T12:30:00Z`).
 * Fractional seconds are carried over as written. Anything that is not a Profit date-time is returned unchanged.
 * Note: `utc` moves date-only values (`T00:00:00Z`) to 22:00/23:00 on the previous day; `amsterdam` does not.
 */
export function convertProfitDate(value: string, mode: DateHandling): string {
	if (mode === 'keep') return value;
	const match = PROFIT_DATE_TIME.exec(value);
	if (match === null) return value;
	const wallTime = wallTimeOf(match);
	if (!isValidWallTime(wallTime)) return value;
	const fraction = match[7] ?? '';
	const { instant, offset } = resolveAmsterdamWallTime(utcMillis(wallTime));
	if (mode === 'amsterdam') return `${value.slice(0, 19)}${fraction}${formatOffset(offset)}`;
	return `${isoSeconds(instant)}${fraction}Z`;
}

/**
 * Returns a copy of a GetConnector row with every top-level Profit date-time converted (see convertProfitDate).
 * Rows are flat; other values, including nested objects, are left alone. `keep` returns the row itself.
 */
export function convertRowDates<T extends Record<string, unknown>>(row: T, mode: DateHandling): T {
	if (mode === 'keep') return row;
	// fromEntries defines own properties, so a key such as "__proto__" stays a plain key.
	return Object.fromEntries(
		Object.entries(row).map(([key, value]) => [
			key,
			typeof value === 'string' ? convertProfitDate(value, mode) : value,
		]),
	) as T;
}

/**
 * A date for a Profit filter value: Amsterdam local time, `YYYY-MM-DDTHH:mm:ss`, no `Z` (research §5.4).
 * - `Date` objects and strings with `Z` or an offset are real instants and are converted to the Amsterdam clock;
 * - strings without a zone (`2024-07-01T14:30`, `2024-07-01 14:30:00`) are taken as the Amsterdam clock already;
 * - a date alone (`2024-07-01`) means midnight.
 * Fractional seconds are dropped: Profit filters compare on seconds (and stores sub-seconds, so prefer ranges).
 * Caution: a value copied from Profit output in `keep` mode ends in a `Z` that is NOT UTC; it is read as UTC here,
 * like any ISO string. Use the `amsterdam` date handling (explicit offset) for values you feed back into filters.
 */
export function toProfitFilterDate(value: string | Date): string {
	const date = parseFilterDate(value);
	if (date !== undefined) return date;
	if (value instanceof Date)
		throw new AfasInputError('Filters', 'A filter date is not a valid date', dateHint);
	throw new AfasInputError('Filters', `"${String(value).trim()}" is not a valid date`, dateHint);
}

/**
 * The rules of toProfitFilterDate without the error: the Amsterdam wall-clock text, or undefined when the value
 * is not a real date (month 13, 30 February, 25:00, words, an invalid Date), so callers can say where it was.
 */
export function parseFilterDate(value: string | Date): string | undefined {
	if (value instanceof Date) {
		const time = value.getTime();
		return Number.isNaN(time) ? undefined : fourDigitYear(amsterdamWallText(time));
	}
	const text = String(value).trim();
	const dateOnly = ISO_DATE_ONLY.exec(text);
	if (dateOnly !== null) {
		const midnight = {
			year: +dateOnly[1],
			month: +dateOnly[2],
			day: +dateOnly[3],
			hour: 0,
			minute: 0,
			second: 0,
		};
		return isValidWallTime(midnight) ? `${text}T00:00:00` : undefined;
	}
	const match = ISO_DATE_TIME.exec(text);
	if (match === null) return undefined;
	const wallTime = wallTimeOf(match);
	if (!isValidWallTime(wallTime)) return undefined;
	const wall = utcMillis(wallTime);
	const zone = match[8];
	if (zone === undefined) return isoSeconds(wall);
	const offset = zoneOffsetMillis(zone);
	if (offset === undefined) return undefined;
	return fourDigitYear(amsterdamWallText(wall - offset));
}

/** A zone can push 0000-01-01 or 9999-12-31 out of four-digit years, which no Profit date can hold. */
function fourDigitYear(local: string): string | undefined {
	return /^\d{4}-/.test(local) ? local : undefined;
}

/** True for a string that toProfitFilterDate reads as a date-time (a date alone does not count). */
export function looksLikeDateTime(value: string): boolean {
	const match = ISO_DATE_TIME.exec(value.trim());
	return match !== null && isValidWallTime(wallTimeOf(match));
}

const dateHint =
	'Use an ISO date such as 2024-07-01, 2024-07-01T14:30:00 (Amsterdam time) or 2024-07-01T12:30:00Z (UTC)';

/** Undefined for an offset no zone has (beyond ±14:00, or 60 minutes and more). */
function zoneOffsetMillis(zone: string): number | undefined {
	if (zone.toUpperCase() === 'Z') return 0;
	const digits = zone.slice(1).replace(':', '');
	const hours = Number(digits.slice(0, 2));
	const extra = Number(digits.slice(2, 4) || '0');
	if (hours > 14 || extra > 59) return undefined;
	const minutes = hours * 60 + extra;
	return (zone.startsWith('-') ? -minutes : minutes) * MINUTE;
}
