import { SB_CATALOGUE, sbOperation } from '../../../../nodes/Afas/wire/sb/catalogue';
import type { SbListInfo } from '../../../../nodes/Afas/wire/sb/catalogueTypes';
import {
	SB_SINGLE_READ_CAP,
	sbReadPlan,
	singleReadOverflow,
	sortRowsLocally,
} from '../../../../nodes/Afas/wire/sb/readPlan';
import { inputError } from '../../../helpers/errors';

function listOf(resource: string): SbListInfo {
	const list = sbOperation(resource, 'getMany')?.list;
	if (!list) throw new Error(`catalogue has no ${resource} list`);
	return list;
}

const ORGANISATIONS = listOf('organisation');
const JOURNAL_ENTRIES = listOf('journalEntry');

const WITHOUT_UNIQUE = [
	'creditorBalance',
	'debtorBalance',
	'debtorPaymentTerm',
	'invoiceVatPercentage',
	'invoiceVatRate',
	'ledgerPeriodTotal',
	'salesRelation',
];

describe('SB read plan: lists with a unique field', () => {
	it('pages on the unique field when the user sets no sort', () => {
		expect(sbReadPlan(ORGANISATIONS, { direction: 'descending', pageSize: 100 })).toEqual({
			kind: 'paged',
			sortField: 'Id',
			direction: 'descending',
		});
		// A list whose unique field is not called Id: journal entries page on their line id.
		expect(sbReadPlan(JOURNAL_ENTRIES, { direction: 'ascending', pageSize: 100 })).toEqual({
			kind: 'paged',
			sortField: 'LineId',
			direction: 'ascending',
		});
	});

	it('pages on the unique field when the user sorts on it, in any casing', () => {
		expect(
			sbReadPlan(JOURNAL_ENTRIES, {
				sortField: ' lineid ',
				direction: 'descending',
				limit: 5000,
				pageSize: 100,
			}),
		).toEqual({ kind: 'paged', sortField: 'LineId', direction: 'descending' });
	});

	it.each([1, 100, 101, 5000, SB_SINGLE_READ_CAP])(
		'reads the first %i by another field in ONE request (no page boundary)',
		(limit) => {
			expect(
				sbReadPlan(ORGANISATIONS, {
					sortField: 'name',
					direction: 'descending',
					limit,
					pageSize: 100,
				}),
			).toEqual({
				kind: 'single',
				sortField: 'Name',
				direction: 'descending',
				take: limit,
				reason: expect.stringContaining('Name is not unique per record'),
			});
		},
	);

	it('pages on the unique field and sorts locally when everything is read by another field', () => {
		expect(
			sbReadPlan(ORGANISATIONS, { sortField: 'Name', direction: 'descending', pageSize: 100 }),
		).toEqual({
			kind: 'paged',
			sortField: 'Id',
			direction: 'ascending',
			sortLocallyBy: { field: 'Name', direction: 'descending' },
		});
		expect(
			sbReadPlan(ORGANISATIONS, {
				sortField: 'Name',
				direction: 'ascending',
				limit: SB_SINGLE_READ_CAP + 1,
				pageSize: 100,
			}),
		).toMatchObject({ kind: 'paged', sortField: 'Id', sortLocallyBy: { field: 'Name' } });
	});

	it('marks a local sort on a number field as numeric', () => {
		const list: SbListInfo = {
			shape: 'array',
			tracked: false,
			uniqueSort: 'Id',
			sortBasis: 'Id',
			sortReason: '',
			rowFields: [
				{ name: 'Id', type: 'string', format: 'uuid' },
				{ name: 'Total', type: 'string', format: 'decimal?' },
			],
		};
		expect(sbReadPlan(list, { sortField: 'total', direction: 'ascending', pageSize: 10 })).toEqual({
			kind: 'paged',
			sortField: 'Id',
			direction: 'ascending',
			sortLocallyBy: { field: 'Total', direction: 'ascending', numeric: true },
		});
	});

	it('refuses a sort field the list does not have, listing the fields', () => {
		const error = inputError(() =>
			sbReadPlan(ORGANISATIONS, { sortField: 'Naam', direction: 'ascending', pageSize: 100 }),
		);
		expect(error.field).toBe('Sort Field');
		expect(error.message).toBe('"Naam" is not a field of this list');
		expect(error.description).toMatch(/^Sort on one of: .*\bName\b/);
		expect(error.description).toContain('Id');
	});

	it.each([0, -1, 1.5])('refuses the limit %p', (limit) => {
		expect(
			inputError(() => sbReadPlan(ORGANISATIONS, { direction: 'ascending', limit, pageSize: 100 }))
				.field,
		).toBe('Limit');
	});
});

describe('SB read plan: the 7 lists without a unique field', () => {
	it('are exactly the lists the catalogue marks without a unique sort', () => {
		const withoutUnique = SB_CATALOGUE.filter((entry) => entry.list && !entry.list.uniqueSort).map(
			(entry) => entry.resource,
		);
		expect(withoutUnique.sort()).toEqual([...WITHOUT_UNIQUE].sort());
	});

	it.each(WITHOUT_UNIQUE)('%s is read in one capped request, never paged', (resource) => {
		const list = listOf(resource);
		const plan = sbReadPlan(list, { direction: 'ascending', pageSize: 100 });
		expect(plan.kind).toBe('single');
		if (plan.kind !== 'single') return;
		expect(plan.take).toBe(SB_SINGLE_READ_CAP);
		expect(plan.capped).toBe(true);
		expect(plan.reason).toMatch(/no field that is unique per record/);
		// SB wants a sort with skip/take: a field of the list is always named.
		expect(list.rowFields.map((field) => field.name)).toContain(plan.sortField);
		expect(singleReadOverflow(plan, SB_SINGLE_READ_CAP)).toBe(true);
		expect(singleReadOverflow(plan, SB_SINGLE_READ_CAP - 1)).toBe(false);
	});

	it("uses the user's sort and a smaller limit", () => {
		const plan = sbReadPlan(listOf('ledgerPeriodTotal'), {
			sortField: 'ledgeraccountnumber',
			direction: 'descending',
			limit: 250,
			pageSize: 100,
		});
		expect(plan).toEqual({
			kind: 'single',
			sortField: 'LedgerAccountNumber',
			direction: 'descending',
			take: 250,
			reason: expect.stringContaining(`at most ${SB_SINGLE_READ_CAP} records`),
		});
		// The user asked for 250 and got 250: nothing is missing.
		expect(singleReadOverflow(plan, 250)).toBe(false);
	});

	it('caps a limit above the cap, and then a full answer is an overflow', () => {
		const plan = sbReadPlan(listOf('debtorBalance'), {
			direction: 'ascending',
			limit: SB_SINGLE_READ_CAP * 2,
			pageSize: 100,
		});
		expect(plan).toMatchObject({ kind: 'single', take: SB_SINGLE_READ_CAP, capped: true });
		expect(singleReadOverflow(plan, SB_SINGLE_READ_CAP)).toBe(true);
	});

	it('sorts a scoped list on its scope by default', () => {
		expect(
			sbReadPlan(listOf('salesRelation'), { direction: 'ascending', pageSize: 100 }),
		).toMatchObject({
			sortField: 'AdministrationId',
		});
	});

	it('never reports an overflow for a paged plan', () => {
		expect(
			singleReadOverflow({ kind: 'paged', sortField: 'Id', direction: 'ascending' }, 10 ** 9),
		).toBe(false);
	});
});

describe('sortRowsLocally', () => {
	const rows = [
		{ Id: 1, Name: 'beta', Total: 10, Date: '2024-02-01T00:00:00Z' },
		{ Id: 2, Name: null, Total: null, Date: null },
		{ Id: 3, Name: 'Alpha', Total: 9, Date: '2023-12-31T00:00:00Z' },
		{ Id: 4, Name: 'alpha', Total: 100, Date: '2024-01-15T00:00:00Z' },
		{ Id: 5, Total: 9, Date: '2024-02-01T00:00:00Z' },
		{ Id: 6, Name: 'Älpha', Total: -1, Date: '2024-01-15T00:00:00Z' },
		{ Id: 7, Name: 'zeta', Total: 2.5, Date: '2024-01-15T00:00:00Z' },
	];
	const ids = (sorted: Array<Record<string, unknown>>) => sorted.map((row) => row.Id);

	it.each<[string, 'ascending' | 'descending', number[]]>([
		// nulls (and missing) first, ties (Alpha/alpha/Älpha: same base letters) in read order
		['Name', 'ascending', [2, 5, 3, 4, 6, 1, 7]],
		['Name', 'descending', [7, 1, 3, 4, 6, 2, 5]],
		['Total', 'ascending', [2, 6, 7, 3, 5, 1, 4]],
		['Total', 'descending', [4, 1, 3, 5, 7, 6, 2]],
		['Date', 'ascending', [2, 3, 4, 6, 7, 1, 5]],
		['date', 'descending', [1, 5, 4, 6, 7, 3, 2]],
	])('by %s %s', (field, direction, expected) => {
		expect(ids(sortRowsLocally(rows, field, direction))).toEqual(expected);
	});

	it('does not change the rows it was given', () => {
		const copy = JSON.parse(JSON.stringify(rows)) as unknown;
		sortRowsLocally(rows, 'Name', 'descending');
		expect(rows).toEqual(copy);
	});

	it('compares numbers sent as text numerically when the plan says numeric', () => {
		const text = [
			{ Id: 1, Total: '100.5' },
			{ Id: 2, Total: '9' },
			{ Id: 3, Total: '-20' },
			{ Id: 4, Total: null },
			{ Id: 5, Total: 12 },
		];
		expect(ids(sortRowsLocally(text, 'Total', 'ascending', { numeric: true }))).toEqual([
			4, 3, 2, 5, 1,
		]);
		// Without it, texts sort as text (after numbers).
		expect(ids(sortRowsLocally(text, 'Total', 'ascending'))).toEqual([4, 5, 3, 1, 2]);
	});

	it('orders mixed kinds: null, booleans, numbers, texts', () => {
		const mixed = [
			{ Id: 1, V: 'a' },
			{ Id: 2, V: 3 },
			{ Id: 3, V: true },
			{ Id: 4, V: undefined },
			{ Id: 5, V: false },
		];
		expect(ids(sortRowsLocally(mixed, 'V', 'ascending'))).toEqual([4, 5, 3, 2, 1]);
	});

	it('keeps read order among many equal values (stable)', () => {
		const many = Array.from({ length: 500 }, (_, index) => ({ Id: index, Group: index % 3 }));
		const sorted = sortRowsLocally(many, 'Group', 'descending');
		for (let index = 1; index < sorted.length; index++) {
			const [a, b] = [sorted[index - 1], sorted[index]];
			if (a.Group === b.Group) expect(a.Id as number).toBeLessThan(b.Id as number);
			else expect(a.Group as number).toBeGreaterThan(b.Group as number);
		}
	});
});
