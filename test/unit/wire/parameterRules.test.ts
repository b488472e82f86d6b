import {
	checkBoolean,
	checkJson,
	checkNumber,
	checkOption,
	checkText,
	describeValue,
	expectedNumber,
} from '../../../nodes/Afas/wire/parameterRules';
import type { ParameterCheck } from '../../../nodes/Afas/wire/parameterRules';

function value<T>(check: ParameterCheck<T>): T {
	if (!check.ok) throw new Error(`Expected a valid value, got: ${check.message}`);
	return check.value;
}

function problem<T>(check: ParameterCheck<T>): { message: string; fix: string } {
	if (check.ok) throw new Error(`Expected a problem, got the value ${String(check.value)}`);
	return check;
}

const COUNT = { min: 1, integer: true };

describe('checkNumber', () => {
	it.each([
		[25, 25],
		['25', 25],
		[' 7 ', 7],
		['1e3', 1000],
		['+3', 3],
	])('accepts %p as %p', (input, expected) => {
		expect(value(checkNumber('Limit', input, COUNT))).toBe(expected);
	});

	it.each([
		[undefined, 'empty (the value is undefined)'],
		[null, 'empty (the value is null)'],
		['', 'empty text'],
		['abc', 'the text "abc"'],
		['0x10', 'the text "0x10"'],
		['Infinity', 'the text "Infinity"'],
		[Number.NaN, 'NaN'],
		[Number.POSITIVE_INFINITY, 'Infinity'],
		[-5, '-5'],
		[0, '0'],
		[2.5, '2.5'],
		[true, 'true'],
		[[5], 'a list'],
		[{ limit: 5 }, 'an object'],
		[2 ** 60, String(2 ** 60)],
	])('refuses %p, naming the field and what it got', (input, shown) => {
		const { message, fix } = problem(checkNumber('Limit', input, COUNT));
		expect(message).toBe(`Limit must be a whole number of at least 1, not ${shown}`);
		expect(fix).toMatch(/^Enter a whole number of at least 1/);
	});

	it('allows fractions and enforces both bounds when asked', () => {
		expect(value(checkNumber('Timeout', 1.5, { min: 1, max: 3600 }))).toBe(1.5);
		expect(problem(checkNumber('Timeout', 3601, { min: 1, max: 3600 })).message).toBe(
			'Timeout must be a number from 1 to 3600, not 3601',
		);
		expect(problem(checkNumber('Timeout', 0.5, { min: 1, max: 3600 })).message).toMatch(/not 0.5$/);
	});

	it('adds the hint to the fix, and asks for a value when the expression returned none', () => {
		const { fix } = problem(
			checkNumber('Limit', undefined, { ...COUNT, hint: 'Or turn on Return All.' }),
		);
		expect(fix).toBe(
			'Enter a whole number of at least 1, or make the expression return one for every item. Or turn on Return All.',
		);
	});

	it('phrases the expected form from the rule', () => {
		expect(expectedNumber({})).toBe('a number');
		expect(expectedNumber({ max: 5 })).toBe('a number of at most 5');
		expect(expectedNumber({ min: 1, max: 5, integer: true })).toBe('a whole number from 1 to 5');
	});
});

describe('checkBoolean', () => {
	it.each([
		[true, true],
		[false, false],
		['true', true],
		['false', false],
		[' FALSE ', false],
		['True', true],
	])('accepts %p as %p', (input, expected) => {
		expect(value(checkBoolean('Return All', input))).toBe(expected);
	});

	it.each([['maybe'], ['yes'], [''], [1], [0], [undefined], [null], [{}]])(
		'refuses %p instead of guessing',
		(input) => {
			expect(problem(checkBoolean('Return All', input)).message).toMatch(
				/^Return All must be true or false, not /,
			);
		},
	);
});

describe('checkOption', () => {
	const allowed = ['amsterdam', 'keep', 'utc'] as const;

	it('accepts an option exactly, or with other case and spaces', () => {
		expect(value(checkOption('Date Handling', 'utc', allowed))).toBe('utc');
		expect(value(checkOption('Date Handling', ' UTC ', allowed))).toBe('utc');
	});

	it.each([['local'], [''], [undefined], [1], [['utc']]])(
		'refuses %p and lists the options',
		(input) => {
			const { message, fix } = problem(checkOption('Date Handling', input, allowed));
			expect(message).toMatch(/^Date Handling must be one of its options, not /);
			expect(fix).toBe('Use one of: amsterdam, keep, utc.');
		},
	);

	it('does not pick between options that differ only in case', () => {
		expect(value(checkOption('X', 'AX', ['Ax', 'aX', 'AX']))).toBe('AX');
		expect(problem(checkOption('X', 'ax', ['Ax', 'aX'])).fix).toBe('Use one of: Ax, aX.');
	});
});

describe('checkText', () => {
	it('takes text, and a finite number in its text form', () => {
		expect(value(checkText('File ID', 'ABC'))).toBe('ABC');
		expect(value(checkText('Subject ID', 12345))).toBe('12345');
		expect(value(checkText('Subject ID', BigInt(7)))).toBe('7');
		expect(value(checkText('Filter', undefined))).toBe('');
		expect(value(checkText('File ID', '  A1 ', { trim: true }))).toBe('A1');
		expect(value(checkText('File Name', ' a.pdf'))).toBe(' a.pdf');
	});

	it.each([
		[{ id: 1 }, 'an object'],
		[[1], 'a list'],
		[true, 'true'],
		[Number.NaN, 'NaN'],
		[new Date(0), 'a date'],
		[{ toISO: () => '' }, 'a date'],
	])('refuses %p instead of turning it into text', (input, shown) => {
		expect(problem(checkText('File ID', input)).message).toBe(`File ID must be text, not ${shown}`);
	});

	it('refuses an empty required value, with the given hint', () => {
		expect(problem(checkText('File ID', '  ', { required: true }))).toMatchObject({
			message: 'File ID is empty',
			fix: 'Enter a value for File ID, or check that the expression returns one for every item.',
		});
		expect(
			problem(checkText('GetConnector', null, { required: true, emptyHint: 'Choose one.' })).fix,
		).toBe('Choose one.');
	});
});

describe('checkJson', () => {
	it('passes JSON text and objects on, and treats empty as not set', () => {
		expect(value(checkJson('Raw JSON Filter', '{"a":1}'))).toBe('{"a":1}');
		expect(value(checkJson('Raw JSON Filter', { Filters: {} }))).toEqual({ Filters: {} });
		expect(value(checkJson('Raw JSON Filter', ''))).toBeUndefined();
		expect(value(checkJson('Raw JSON Filter', undefined))).toBeUndefined();
	});

	it.each([[42], [true], [[1]]])('refuses %p', (input) => {
		expect(problem(checkJson('Raw JSON Filter', input)).message).toMatch(
			/^Raw JSON Filter must be a JSON object or its text, not /,
		);
	});
});

describe('describeValue', () => {
	it('shortens long texts so a message never carries a whole payload', () => {
		const shown = describeValue('x'.repeat(500));
		expect(shown.length).toBeLessThan(60);
		expect(shown.endsWith('…"')).toBe(true);
	});
});
