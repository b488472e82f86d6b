import { isLastPage, takeForPage } from '../../../../nodes/Afas/wire/paging';
import {
	choosePageSize,
	DEFAULT_PAGE_SIZE,
	MAX_PAGE_SIZE,
	MIN_PAGE_SIZE,
} from '../../../../nodes/Afas/wire/profit/paging';
import { inputError } from '../../../helpers/errors';

describe('page size', () => {
	it.each([
		[15, 9999], // 15 x 9999 = 149 985
		[16, 9374],
		[30, 4999],
		[100, 1499],
		[150, 999],
		[1, MAX_PAGE_SIZE], // narrow connectors are capped
		[20000, MIN_PAGE_SIZE], // very wide connectors still fetch a few rows
	])('%i columns -> %i rows', (columns, rows) => {
		expect(choosePageSize(columns)).toBe(rows);
		if (rows > MIN_PAGE_SIZE) expect(columns * rows).toBeLessThan(150_000);
	});

	it('uses a default when the column count is unknown', () => {
		expect(choosePageSize(0)).toBe(DEFAULT_PAGE_SIZE);
		expect(choosePageSize(Number.NaN)).toBe(DEFAULT_PAGE_SIZE);
	});

	it('uses a valid override as given; 0 means automatic', () => {
		expect(choosePageSize(30, 250)).toBe(250);
		expect(choosePageSize(30, 40000)).toBe(40000);
		expect(choosePageSize(30, 0)).toBe(4999);
	});

	it.each([-1, 1.5, 100001])('rejects page size %d', (size) => {
		const error = inputError(() => choosePageSize(30, size));
		expect(error.field).toBe('Page Size');
		expect(error.hint).toContain('Fetch in One Request');
	});
});

describe('end of data', () => {
	it('stops on the first short page', () => {
		expect(isLastPage(100, 100)).toBe(false);
		expect(isLastPage(99, 100)).toBe(true);
		expect(isLastPage(0, 100)).toBe(true);
		expect(isLastPage(5000, -1)).toBe(true); // one-request read
	});

	it('takes less on the last page of a limited read', () => {
		expect(takeForPage(1000)).toBe(1000);
		expect(takeForPage(1000, 2500)).toBe(1000);
		expect(takeForPage(1000, 500)).toBe(500);
		expect(takeForPage(1000, -3)).toBe(0);
	});
});
