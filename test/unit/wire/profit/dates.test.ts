import {
	amsterdamOffsetMinutes,
	convertProfitDate,
	convertRowDates,
	isProfitDateTime,
	parseFilterDate,
	toProfitFilterDate,
} from '../../../../nodes/Afas/wire/profit/dates';
import { inputError } from '../../../helpers/errors';

/** An independent oracle: the Amsterdam wall clock of an instant, straight from the runtime's ICU. */
function amsterdamClock(instant: Date): string {
	return instant.toLocaleString('sv-SE', { timeZone: 'Europe/Amsterdam' }).replace(' ', 'T');
}

describe('Profit date-times in the three modes', () => {
	it.each([
		// [Profit value, amsterdam, utc]
		['2024-01-15T10:00:00Z', '2024-01-15T10:00:00+01:00', '2024-01-15T09:00:00Z'], // winter
		['2024-07-01T14:30:00Z', '2024-07-01T14:30:00+02:00', '2024-07-01T12:30:00Z'], // summer
		['2012-03-01T00:00:00Z', '2012-03-01T00:00:00+01:00', '2012-02-29T23:00:00Z'], // date-only field, leap year
		['2024-12-31T23:59:59Z', '2024-12-31T23:59:59+01:00', '2024-12-31T22:59:59Z'], // year end
		['2024-07-01T14:30:00.123Z', '2024-07-01T14:30:00.123+02:00', '2024-07-01T12:30:00.123Z'], // fraction kept
		// Spring forward, 31 March 2024: 02:00 -> 03:00.
		['2024-03-31T01:59:59Z', '2024-03-31T01:59:59+01:00', '2024-03-31T00:59:59Z'],
		['2024-03-31T02:30:00Z', '2024-03-31T02:30:00+01:00', '2024-03-31T01:30:00Z'], // in the gap: read as winter time
		['2024-03-31T03:00:00Z', '2024-03-31T03:00:00+02:00', '2024-03-31T01:00:00Z'],
		// Fall back, 27 October 2024: 03:00 -> 02:00, so 02:00–02:59 happens twice.
		['2024-10-27T01:59:59Z', '2024-10-27T01:59:59+02:00', '2024-10-26T23:59:59Z'],
		['2024-10-27T02:00:00Z', '2024-10-27T02:00:00+02:00', '2024-10-27T00:00:00Z'], // overlap: the earlier one
		['2024-10-27T02:59:59Z', '2024-10-27T02:59:59+02:00', '2024-10-27T00:59:59Z'],
		['2024-10-27T03:00:00Z', '2024-10-27T03:00:00+01:00', '2024-10-27T02:00:00Z'],
	])('%s -> %s / %s', (value, amsterdam, utc) => {
		expect(convertProfitDate(value, 'keep')).toBe(value);
		expect(convertProfitDate(value, 'amsterdam')).toBe(amsterdam);
		expect(convertProfitDate(value, 'utc')).toBe(utc);
		// Both converted forms name the same instant.
		expect(new Date(amsterdam).getTime()).toBe(new Date(utc).getTime());
	});

	it('round-trips every hour of a year with DST through the Amsterdam clock', () => {
		const start = Date.UTC(2025, 0, 1);
		let checked = 0;
		for (let instant = start; instant < Date.UTC(2026, 0, 1); instant += 60 * 60 * 1000) {
			const wall = amsterdamClock(new Date(instant));
			const utc = convertProfitDate(`${wall}Z`, 'utc');
			// Every wall time Profit can write maps back to an instant with that wall time; in the autumn
			// overlap it is the first of the two.
			expect(amsterdamClock(new Date(utc))).toBe(wall);
			if (wall === '2025-10-26T02:00:00') expect(utc).toBe('2025-10-26T00:00:00Z');
			checked++;
		}
		expect(checked).toBe(8760);
	});

	it('leaves values that are not Profit date-times alone', () => {
		for (const value of [
			'2024-07-01',
			'2024-07-01T14:30:00',
			'2024-07-01T14:30:00+02:00',
			'2024-02-30T10:00:00Z',
			'2023-02-29T10:00:00Z',
			'2024-07-01T24:00:00Z',
			'Order 2024-07-01T14:30:00Z',
			'',
		]) {
			expect(convertProfitDate(value, 'utc')).toBe(value);
			expect(convertProfitDate(value, 'amsterdam')).toBe(value);
		}
		expect(isProfitDateTime('2024-02-29T10:00:00Z')).toBe(true);
		expect(isProfitDateTime('2023-02-29T10:00:00Z')).toBe(false);
		expect(isProfitDateTime(20240229)).toBe(false);
	});

	it('gives the Amsterdam offset in minutes', () => {
		expect(amsterdamOffsetMinutes(new Date('2024-03-31T00:59:59Z'))).toBe(60);
		expect(amsterdamOffsetMinutes(new Date('2024-03-31T01:00:00Z'))).toBe(120);
		expect(amsterdamOffsetMinutes(new Date('2024-10-27T00:59:59Z'))).toBe(120);
		expect(amsterdamOffsetMinutes(new Date('2024-10-27T01:00:00Z'))).toBe(60);
	});

	it('matches the runtime tz database for old dates too (no cache there)', () => {
		const value = '1939-05-01T00:00:00Z';
		const utc = convertProfitDate(value, 'utc');
		expect(amsterdamClock(new Date(utc))).toBe('1939-05-01T00:00:00');
	});
});

describe('rows', () => {
	const row = {
		DebtorId: 12,
		Name: 'Jansen, 2024-07-01T14:30:00Z',
		CreateDate: '2024-07-01T14:30:00Z',
		BirthDate: '1980-01-31T00:00:00Z',
		Blocked: false,
		Empty: null,
	};

	it('converts only the date-time values and does not touch the input', () => {
		const before = JSON.stringify(row);
		expect(convertRowDates(row, 'utc')).toEqual({
			...row,
			CreateDate: '2024-07-01T12:30:00Z',
			BirthDate: '1980-01-30T23:00:00Z',
		});
		expect(convertRowDates(row, 'amsterdam')).toEqual({
			...row,
			CreateDate: '2024-07-01T14:30:00+02:00',
			BirthDate: '1980-01-31T00:00:00+01:00',
		});
		expect(convertRowDates(row, 'keep')).toBe(row);
		expect(JSON.stringify(row)).toBe(before);
	});

	it('keeps a "__proto__" column as a plain key', () => {
		const parsed = JSON.parse('{"__proto__": "2024-01-15T10:00:00Z", "A": 1}') as Record<
			string,
			unknown
		>;
		const converted = convertRowDates(parsed, 'utc');
		expect(Object.getPrototypeOf(converted)).toBe(Object.prototype);
		expect(Object.keys(converted)).toEqual(['__proto__', 'A']);
		expect(Object.getOwnPropertyDescriptor(converted, '__proto__')?.value).toBe(
			'2024-01-15T09:00:00Z',
		);
	});
});

describe('filter dates', () => {
	it.each([
		['2024-07-01T12:30:00Z', '2024-07-01T14:30:00'], // UTC summer
		['2024-01-15T09:00:00.999Z', '2024-01-15T10:00:00'], // UTC winter, fraction dropped
		['2024-07-01T14:30:00+02:00', '2024-07-01T14:30:00'],
		['2024-07-01T08:30:00-0400', '2024-07-01T14:30:00'],
		['2024-03-31T01:30:00Z', '2024-03-31T03:30:00'], // just after spring forward
		['2024-10-27T00:30:00Z', '2024-10-27T02:30:00'], // first 02:30
		['2024-10-27T01:30:00Z', '2024-10-27T02:30:00'], // second 02:30: Profit's clock cannot tell them apart
		['2024-07-01T14:30', '2024-07-01T14:30:00'], // no zone: Amsterdam already
		['2024-07-01 14:30:15.5', '2024-07-01T14:30:15'],
		['2024-07-01', '2024-07-01T00:00:00'],
		[' 2024-02-29 ', '2024-02-29T00:00:00'],
	])('%s -> %s', (value, expected) => {
		expect(toProfitFilterDate(value)).toBe(expected);
	});

	it('accepts Date objects', () => {
		expect(toProfitFilterDate(new Date('2024-07-01T12:30:00.000Z'))).toBe('2024-07-01T14:30:00');
		expect(toProfitFilterDate(new Date('2024-12-01T12:30:00.000Z'))).toBe('2024-12-01T13:30:00');
	});

	it.each([
		'tomorrow',
		'2023-02-29',
		'2024-13-01T00:00:00',
		'01-07-2024',
		'2024-07-01T10:00:00+15:00',
		'2024-07-01T10:00:00-02:60',
		'0000-01-01T00:30:00+01:00',
		'9999-12-31T23:30:00-01:00',
	])('rejects %s', (value) => {
		const error = inputError(() => toProfitFilterDate(value));
		expect(error.field).toBe('Filters');
		expect(error.hint).toContain('2024-07-01');
	});

	it('rejects an invalid Date', () => {
		expect(inputError(() => toProfitFilterDate(new Date('nope'))).field).toBe('Filters');
	});
});

describe('parseFilterDate', () => {
	it.each<[string | Date, string | undefined]>([
		['2026-01-01', '2026-01-01T00:00:00'],
		['2026-01-01T00:00:00+14:00', '2025-12-31T11:00:00'],
		['2026-02-30', undefined],
		['2026-01-01T12:00:00+99:00', undefined],
		['9999-12-31T22:00:00Z', '9999-12-31T23:00:00'],
		['9999-12-31T23:00:00Z', undefined], // year 10000 in Amsterdam
		[new Date(Date.UTC(10000, 0, 1)), undefined],
		[new Date(Number.NaN), undefined],
	])('%p -> %p', (value, expected) => {
		expect(parseFilterDate(value)).toBe(expected);
	});
});
