import type { ProfitOperator } from '../../../../nodes/Afas/wire/profit/filter';
import { checkFilter, toFilterJson } from '../../../../nodes/Afas/wire/profit/filter';
import { buildGetConnectorQuery } from '../../../../nodes/Afas/wire/profit/query';
import type { ProfitFieldType } from '../../../../nodes/Afas/wire/profit/filterValues';
import { profitFieldType } from '../../../../nodes/Afas/wire/profit/filterValues';
import { inputError } from '../../../helpers/errors';

/** What AFAS receives for one condition on a field of `type` (the decoded `filtervalues` or filterjson `#text`). */
function sent(
	type: ProfitFieldType | undefined,
	value: unknown,
	operator: ProfitOperator = 'equals',
): string {
	const { query } = buildGetConnectorQuery({
		filter: [[{ field: 'F', operator, value, type }]],
		skip: 0,
		take: 10,
		urlPrefixLength: 60,
	});
	const params = new URLSearchParams(query);
	const json = params.get('filterjson');
	if (json !== null)
		return (
			JSON.parse(json) as { Filters: { Filter: Array<{ Field: Array<{ '#text': string }> }> } }
		).Filters.Filter[0].Field[0]['#text'];
	return params.get('filtervalues') as string;
}

describe('filter values by the field type (metainfo dataType)', () => {
	it.each<[ProfitFieldType | undefined, unknown, string]>([
		// date: a date alone is midnight Amsterdam time, as the field hint and README say
		['date', '2026-01-01', '2026-01-01T00:00:00'],
		['date', ' 2024-02-29 ', '2024-02-29T00:00:00'],
		['date', '2026-01-31T14:30', '2026-01-31T14:30:00'],
		['date', '2026-01-31 14:30:15.25', '2026-01-31T14:30:15'],
		['date', '2026-07-01T12:30:00Z', '2026-07-01T14:30:00'],
		['date', '2026-01-31T14:30:00+01:00', '2026-01-31T14:30:00'],
		['date', new Date('2026-01-31T23:00:00Z'), '2026-02-01T00:00:00'],
		// int: whole numbers, written plainly
		['int', 42, '42'],
		['int', ' 007 ', '7'],
		['int', '-3', '-3'],
		['int', '+12', '12'],
		// decimal: a point, no exponent, no digit lost
		['decimal', 2.5, '2.5'],
		['decimal', 1e-7, '0.0000001'],
		['decimal', '1234.5678901234567890', '1234.5678901234567890'],
		['decimal', '+.5', '0.5'],
		['decimal', '-.25', '-0.25'],
		['decimal', '10.', '10'],
		['decimal', '7', '7'],
		// boolean
		['boolean', true, 'true'],
		['boolean', 'FALSE', 'false'],
		['boolean', '1', 'true'],
		['boolean', 0, 'false'],
		// text fields: sent as typed, even when they look like a date
		['string', '2026-07-01T12:30:00Z', '2026-07-01T12:30:00Z'],
		['string', '2026-13-01', '2026-13-01'],
		['string', 42, '42'],
		['string', '  padded ', '  padded '],
		['blob', 'abc', 'abc'],
		// no metainfo type: the old reading (a date-time is converted, a date alone left as typed)
		[undefined, '2026-07-01T12:30:00Z', '2026-07-01T14:30:00'],
		[undefined, '2026-01-01', '2026-01-01'],
		[undefined, 'Internet', 'Internet'],
	])('%s field: %p is sent as %p', (type, value, expected) => {
		expect(sent(type, value)).toBe(expected);
	});

	it.each<[ProfitFieldType | undefined, unknown, string, string?]>([
		['date', '2026-13-01', '"2026-13-01" is not a date; use 2026-01-31 or 2026-01-31T14:30:00'],
		['date', '2026-02-30', '"2026-02-30" is not a date; use 2026-01-31 or 2026-01-31T14:30:00'],
		[
			'date',
			'2025-02-29T10:00:00',
			'"2025-02-29T10:00:00" is not a date; use 2026-01-31 or 2026-01-31T14:30:00',
		],
		[
			'date',
			'2026-01-31T24:00:00',
			'"2026-01-31T24:00:00" is not a date; use 2026-01-31 or 2026-01-31T14:30:00',
		],
		[
			'date',
			'2026-01-31T10:00:00+25:00',
			'"2026-01-31T10:00:00+25:00" is not a date; use 2026-01-31 or 2026-01-31T14:30:00',
		],
		['date', 'yesterday', '"yesterday" is not a date; use 2026-01-31 or 2026-01-31T14:30:00'],
		['date', '31-01-2026', '"31-01-2026" is not a date; use 2026-01-31 or 2026-01-31T14:30:00'],
		['date', 1767225600000, '1767225600000 is not a date; use 2026-01-31 or 2026-01-31T14:30:00'],
		[
			'date',
			new Date('nope'),
			'an invalid date is not a date; use 2026-01-31 or 2026-01-31T14:30:00',
		],
		['int', 'abc', '"abc" is not a whole number; use e.g. 42'],
		['int', '2.5', '"2.5" is not a whole number; use e.g. 42'],
		['int', 2.5, '2.5 is not a whole number; use e.g. 42'],
		['int', '1e3', '"1e3" is not a whole number; use e.g. 42'],
		['int', '99999999999999999999', '"99999999999999999999" is not a whole number; use e.g. 42'],
		['int', true, 'true is not a whole number; use e.g. 42'],
		[
			'int',
			new Date('2026-01-31T12:00:00Z'),
			'the date 2026-01-31T12:00:00.000Z is not a whole number; use e.g. 42',
		],
		[
			'boolean',
			new Date('2026-01-31T12:00:00Z'),
			'the date 2026-01-31T12:00:00.000Z is not true or false; use true or false',
		],
		['decimal', 'ten', '"ten" is not a number; use e.g. 1234.56'],
		['decimal', '2,5', '"2,5" is not a number; use a point for decimals: 2.5'],
		['decimal', '1.234,50', '"1.234,50" is not a number; use e.g. 1234.56'],
		['decimal', '1e3', '"1e3" is not a number; use e.g. 1234.56'],
		['boolean', 'ja', '"ja" is not true or false; use true or false'],
		['boolean', 'yes', '"yes" is not true or false; use true or false'],
		['boolean', 2, '2 is not true or false; use true or false'],
		['int', '   ', '"Equals" needs a value'],
		['string', { id: 1 }, 'the value is an object, not a single value'],
		[undefined, { id: 1 }, 'the value is an object, not a single value'],
		['int', [1, 2], 'the value is a list, not a single value'],
		[undefined, Number.NaN, 'NaN is not a finite number'],
		['decimal', Number.POSITIVE_INFINITY, 'Infinity is not a finite number'],
	])('%s field: %p is refused', (type, value, problem) => {
		const error = inputError(() => sent(type, value));
		expect(error.field).toBe('Filters');
		expect(error.message).toBe(`Filters → Group 1 → Condition 1 (field "F"): ${problem}`);
		expect(error.hint).toBeTruthy();
	});

	it('names the group, condition and field as the user numbers them', () => {
		const error = inputError(() =>
			checkFilter([
				[{ field: 'AdminId', operator: 'equals', value: 1, type: 'int' }],
				[
					{ field: 'AdminId', operator: 'equals', value: 2, type: 'int' },
					{ field: 'DateModified', operator: 'greaterOrEqual', value: '2026-13-01', type: 'date' },
				],
			]),
		);
		expect(error.message).toBe(
			'Filters → Group 2 → Condition 2 (field "DateModified"): "2026-13-01" is not a date; use 2026-01-31 or 2026-01-31T14:30:00',
		);
		expect(error.hint).toContain('midnight, Amsterdam time');
	});

	it('shortens a long value in the message', () => {
		const error = inputError(() => sent('int', 'x'.repeat(500)));
		expect(error.message).toContain(`"${'x'.repeat(40)}…" is not a whole number`);
		expect(error.message.length).toBeLessThan(160);
	});

	it.each<[ProfitOperator, ProfitFieldType]>([
		['contains', 'int'],
		['startsWith', 'date'],
		['notContains', 'boolean'],
		['endsWith', 'decimal'],
		['quickFilter', 'date'],
	])('%s on a %s field matches text, so the value goes as typed', (operator, type) => {
		expect(sent(type, '20x', operator)).toBe('20x');
	});

	it('checks ordering and inequality operators by type too', () => {
		for (const operator of [
			'greaterOrEqual',
			'lessOrEqual',
			'greaterThan',
			'lessThan',
			'notEquals',
		] as const)
			expect(inputError(() => sent('int', 'abc', operator)).message).toContain(
				'is not a whole number',
			);
	});

	it('still refuses an object for text operators, and ignores the value of Is (Not) Empty', () => {
		expect(inputError(() => sent('string', { a: 1 }, 'contains')).message).toContain(
			'is an object',
		);
		expect(sent('int', { a: 1 }, 'isEmpty')).toBe('');
	});

	it('writes typed values into filterjson the same way', () => {
		expect(
			toFilterJson([[{ field: 'D', operator: 'lessThan', value: '2026-01-01', type: 'date' }]])
				.Filters.Filter[0].Field[0]['#text'],
		).toBe('2026-01-01T00:00:00');
	});

	it.each([
		['string', 'string'],
		['Date', 'date'],
		[' int ', 'int'],
		['decimal', 'decimal'],
		['boolean', 'boolean'],
		['blob', 'blob'],
		['time', undefined],
		[undefined, undefined],
		[3, undefined],
	])('reads metainfo dataType %p as %p', (dataType, type) => {
		expect(profitFieldType(dataType)).toBe(type);
	});
});
