import type { ProfitFilterGroups, ProfitOperator } from '../../../../nodes/Afas/wire/profit/filter';
import { PROFIT_OPERATORS, toFilterJson } from '../../../../nodes/Afas/wire/profit/filter';
import {
	buildFilterQuery,
	buildGetConnectorQuery,
	encodeSort,
	MAX_URL_LENGTH,
} from '../../../../nodes/Afas/wire/profit/query';
import { inputError } from '../../../helpers/errors';

const PREFIX = 'https://12345.rest.afas.online/ProfitRestServices/connectors/Profit_Debtor'.length;

function query(
	filter: ProfitFilterGroups,
	extra: Partial<Parameters<typeof buildGetConnectorQuery>[0]> = {},
) {
	return buildGetConnectorQuery({ filter, skip: 0, take: 100, urlPrefixLength: PREFIX, ...extra });
}

/** What a server sees: the decoded parameters. */
function params(queryString: string): Record<string, string> {
	return Object.fromEntries(new URLSearchParams(queryString));
}

function decodedFilterJson(queryString: string): unknown {
	return JSON.parse(params(queryString).filterjson);
}

describe('operator table', () => {
	const expected: Array<[ProfitOperator, number, boolean]> = [
		['equals', 1, true],
		['greaterOrEqual', 2, true],
		['lessOrEqual', 3, true],
		['greaterThan', 4, true],
		['lessThan', 5, true],
		['contains', 6, true],
		['notEquals', 7, true],
		['isEmpty', 8, false],
		['isNotEmpty', 9, false],
		['startsWith', 10, true],
		['notContains', 11, true],
		['notStartsWith', 12, true],
		['endsWith', 13, true],
		['notEndsWith', 14, true],
		['quickFilter', 15, true],
	];

	it('has the 15 AFAS operators with unique names', () => {
		expect(PROFIT_OPERATORS.map((o) => [o.value, o.code, o.needsValue])).toEqual(expected);
		expect(new Set(PROFIT_OPERATORS.map((o) => o.name)).size).toBe(15);
		for (const o of PROFIT_OPERATORS) expect(o.description.length).toBeGreaterThan(5);
	});

	it.each(expected.filter(([, , needsValue]) => needsValue))(
		'%s is sent as operatortypes=%i with its value as typed',
		(operator, code) => {
			const { query: q, usesFilterJson } = query([
				[{ field: 'Name', operator, value: '%AFAS B.V.' }],
			]);
			expect(usesFilterJson).toBe(false);
			// No wildcards are added or stripped: the value reaches AFAS exactly as typed.
			expect(params(q)).toEqual({
				skip: '0',
				take: '100',
				filterfieldids: 'Name',
				filtervalues: '%AFAS B.V.',
				operatortypes: String(code),
			});
		},
	);

	it.each([
		['isEmpty', 8],
		['isNotEmpty', 9],
	] as Array<[ProfitOperator, number]>)(
		'%s sends an empty value, whatever value is given',
		(operator, code) => {
			const { query: q } = query([[{ field: 'Email', operator, value: 'ignored' }]]);
			expect(q).toBe(`skip=0&take=100&filterfieldids=Email&filtervalues=&operatortypes=${code}`);
		},
	);

	it('rejects an unknown operator and a missing value, naming the condition', () => {
		const unknown = inputError(() =>
			query([[{ field: 'A', operator: 'like' as ProfitOperator, value: 'x' }]]),
		);
		expect(unknown.field).toBe('Filters');
		expect(unknown.message).toContain('Filters → Group 1 → Condition 1 (field "A")');
		for (const value of [undefined, null, '']) {
			const missing = inputError(() =>
				query([
					[],
					[{ field: 'A', operator: 'equals', value: 'x' }],
					[{ field: 'B', operator: 'contains', value }],
				]),
			);
			expect(missing.field).toBe('Filters');
			// Numbered as the user sees them, empty groups included.
			expect(missing.message).toBe(
				'Filters → Group 3 → Condition 1 (field "B"): "Contains" needs a value',
			);
			expect(missing.hint).toContain('Is Empty');
		}
	});

	it('rejects empty field ids and ids with separators', () => {
		expect(inputError(() => query([[{ field: ' ', operator: 'equals', value: 1 }]])).field).toBe(
			'Filters',
		);
		expect(
			inputError(() => query([[{ field: 'A,B', operator: 'equals', value: 1 }]])).message,
		).toContain('"A,B"');
	});
});

describe('simple filters', () => {
	it('encodes the OR-group example from the AFAS docs exactly like AFAS does', () => {
		// help.afas.nl (research §5.4): "EmploymentEndDate < 2020-03-22 and EmailForDigitalDocuments != P,
		// or EmailForDigitalDocuments is empty".
		const { query: q, usesFilterJson } = query([
			[
				{ field: 'EmploymentEndDate', operator: 'lessThan', value: '2020-03-22T00:00:00' },
				{ field: 'EmailForDigitalDocuments', operator: 'notEquals', value: 'P' },
			],
			[{ field: 'EmailForDigitalDocuments', operator: 'isEmpty' }],
		]);
		expect(usesFilterJson).toBe(false);
		// AFAS's URL has "[is leeg]" as the ignored value of operator 8; we send it empty.
		expect(q).toBe(
			'skip=0&take=100' +
				'&filterfieldids=EmploymentEndDate,EmailForDigitalDocuments;EmailForDigitalDocuments' +
				'&filtervalues=2020-03-22T00:00:00,P;&operatortypes=5,7;8',
		);
	});

	it('keeps the three lists aligned when a group holds several empty tests', () => {
		const p = params(
			query([
				[
					{ field: 'A', operator: 'isEmpty' },
					{ field: 'B', operator: 'isNotEmpty' },
				],
				[{ field: 'C', operator: 'equals', value: 'x' }],
			]).query,
		);
		const shape = (list: string) => list.split(';').map((group) => group.split(',').length);
		expect(shape(p.filterfieldids)).toEqual([2, 1]);
		expect(shape(p.filtervalues)).toEqual([2, 1]);
		expect(shape(p.operatortypes)).toEqual([2, 1]);
	});

	it('URL-encodes values and skips empty groups', () => {
		const { query: q } = query([
			[],
			[{ field: 'Name', operator: 'equals', value: 'Jansen & Zn + 50% = ok #1?' }],
		]);
		expect(q).toContain('filtervalues=Jansen%20%26%20Zn%20%2B%2050%25%20%3D%20ok%20%231%3F&');
		expect(params(q).filtervalues).toBe('Jansen & Zn + 50% = ok #1?');
		expect(params(q).operatortypes).toBe('1');
	});

	it('writes numbers, booleans and dates the way Profit reads them', () => {
		const p = params(
			query([
				[
					{ field: 'Amount', operator: 'greaterThan', value: -0.5 },
					{ field: 'Blocked', operator: 'equals', value: false },
					{ field: 'Created', operator: 'greaterOrEqual', value: '2024-07-01T12:30:00Z' },
					{ field: 'Changed', operator: 'lessThan', value: new Date('2024-01-15T09:00:00Z') },
					{ field: 'Start', operator: 'greaterOrEqual', value: '2024-03-01T08:00:00.000+01:00' },
					{ field: 'Local', operator: 'lessOrEqual', value: '2024-03-01 08:00' },
				],
			]).query,
		);
		expect(p.filtervalues.split(',')).toEqual([
			'-0.5',
			'false',
			'2024-07-01T14:30:00', // UTC 12:30 is 14:30 Amsterdam summer time, no Z
			'2024-01-15T10:00:00',
			'2024-03-01T08:00:00',
			'2024-03-01T08:00:00', // no zone: already Amsterdam time
		]);
		expect(
			inputError(() => query([[{ field: 'A', operator: 'equals', value: Number.NaN }]])).field,
		).toBe('Filters');
	});

	it('leaves text that only contains a date alone', () => {
		expect(
			params(query([[{ field: 'A', operator: 'contains', value: '2024-07' }]]).query).filtervalues,
		).toBe('2024-07');
	});
});

describe('filterjson', () => {
	it('switches to filterjson when a value contains a comma, keeping AND/OR groups', () => {
		const { query: q, usesFilterJson } = query(
			[
				[
					{ field: 'AdminId', operator: 'equals', value: 1 },
					{ field: 'AdminNm', operator: 'contains', value: 'Jansen, B.V.' },
				],
				[{ field: 'AdminId', operator: 'isEmpty' }],
			],
			{ sort: [{ field: 'AdminId' }] },
		);
		expect(usesFilterJson).toBe(true);
		const p = params(q);
		expect(p).toEqual({
			filterjson: expect.any(String),
			skip: '0',
			take: '100',
			orderbyfieldids: 'AdminId',
		});
		expect(p.filterfieldids).toBeUndefined();
		expect(decodedFilterJson(q)).toEqual({
			Filters: {
				Filter: [
					{
						'@FilterId': 'Filter 1',
						Field: [
							{ '@FieldId': 'AdminId', '@OperatorType': '1', '#text': '1' },
							{ '@FieldId': 'AdminNm', '@OperatorType': '6', '#text': 'Jansen, B.V.' },
						],
					},
					{ '@FilterId': 'Filter 2', Field: [{ '@FieldId': 'AdminId', '@OperatorType': '8' }] },
				],
			},
		});
	});

	it('switches for a semicolon too, and escapes what a query must not carry raw', () => {
		const { query: q, usesFilterJson } = query([
			[{ field: 'Memo', operator: 'equals', value: 'a;b&c=d+e#f' }],
		]);
		expect(usesFilterJson).toBe(true);
		expect(q).not.toMatch(/[;"{}[\]#+ ]/);
		expect(decodedFilterJson(q)).toEqual(
			toFilterJson([[{ field: 'Memo', operator: 'equals', value: 'a;b&c=d+e#f' }]]),
		);
	});
});

describe('URL length limit', () => {
	const longValue = (n: number) => 'x'.repeat(n);

	it('is 2048 characters for the whole URL', () => {
		expect(MAX_URL_LENGTH).toBe(2048);
	});

	it('sends the simple filter when the URL is exactly at the limit and fails one character over', () => {
		const filter: ProfitFilterGroups = [
			[{ field: 'Name', operator: 'equals', value: longValue(1900) }],
		];
		const length = buildGetConnectorQuery({ filter, skip: 0, take: 100, urlPrefixLength: 0 }).query
			.length;
		const atLimit = MAX_URL_LENGTH - 1 - length; // prefix + '?' + query === 2048
		const ok = buildGetConnectorQuery({ filter, skip: 0, take: 100, urlPrefixLength: atLimit });
		expect(ok.usesFilterJson).toBe(false);
		expect(atLimit + 1 + ok.query.length).toBe(2048);

		// One over: the simple form no longer fits, filterjson is tried (always longer), and the error names Filters.
		const error = inputError(() =>
			buildGetConnectorQuery({ filter, skip: 0, take: 100, urlPrefixLength: atLimit + 1 }),
		);
		expect(error.field).toBe('Filters');
		expect(error.message).toMatch(
			/^The filters make the request URL \d+ characters long; AFAS accepts at most 2048$/,
		);
		expect(error.hint).toContain('fixed filter');
	});

	it('sends filterjson when it is exactly at the limit and fails one character over', () => {
		const filter: ProfitFilterGroups = [
			[{ field: 'Name', operator: 'equals', value: `a,${longValue(1700)}` }],
		];
		const { query: q, usesFilterJson } = buildGetConnectorQuery({
			filter,
			skip: 0,
			take: 100,
			urlPrefixLength: 0,
		});
		expect(usesFilterJson).toBe(true);
		const atLimit = MAX_URL_LENGTH - 1 - q.length;
		expect(
			buildGetConnectorQuery({ filter, skip: 0, take: 100, urlPrefixLength: atLimit })
				.usesFilterJson,
		).toBe(true);
		const error = inputError(() =>
			buildGetConnectorQuery({ filter, skip: 0, take: 100, urlPrefixLength: atLimit + 1 }),
		);
		expect(error.field).toBe('Filters');
		expect(error.message).toContain(`${MAX_URL_LENGTH + 1} characters`);
	});

	it('counts the skip: a filter that fits on page 1 can be too long for a far page', () => {
		const filter: ProfitFilterGroups = [
			[{ field: 'Name', operator: 'equals', value: longValue(1900) }],
		];
		const length = buildGetConnectorQuery({ filter, skip: 0, take: 100, urlPrefixLength: 0 }).query
			.length;
		const atLimit = MAX_URL_LENGTH - 1 - length;
		expect(() =>
			buildGetConnectorQuery({ filter, skip: 0, take: 100, urlPrefixLength: atLimit }),
		).not.toThrow();
		expect(
			inputError(() =>
				buildGetConnectorQuery({ filter, skip: 10, take: 100, urlPrefixLength: atLimit }),
			).field,
		).toBe('Filters');
	});

	it('reports an over-long raw JSON filter against Raw JSON Filter', () => {
		const raw = toFilterJson([[{ field: 'Name', operator: 'equals', value: longValue(2100) }]]);
		expect(
			inputError(() =>
				buildGetConnectorQuery({ rawFilterJson: raw, skip: 0, take: 100, urlPrefixLength: PREFIX }),
			).field,
		).toBe('Raw JSON Filter');
	});
});

describe('sorting', () => {
	it('encodes ascending and descending fields as orderbyfieldids=A,-B', () => {
		expect(encodeSort([{ field: 'A' }, { field: 'B', descending: true }])).toBe('A,-B');
		const { query: q } = buildGetConnectorQuery({
			sort: [
				{ field: 'DebtorId', descending: false },
				{ field: 'Name', descending: true },
			],
			skip: 200,
			take: 100,
			urlPrefixLength: PREFIX,
		});
		expect(q).toBe('skip=200&take=100&orderbyfieldids=DebtorId,-Name');
		expect(encodeSort([])).toBeUndefined();
		expect(encodeSort(undefined)).toBeUndefined();
	});

	it.each([
		[[{ field: '' }], 'has no field'],
		[[{ field: 'A,B' }], 'contains'],
		[[{ field: '-A' }], 'starts with "-"'],
		[[{ field: 'A' }, { field: 'A', descending: true }], 'sorted on twice'],
	])('rejects %j', (sort, message) => {
		const error = inputError(() => encodeSort(sort));
		expect(error.field).toBe('Sort');
		expect(error.message).toContain(message);
	});
});

describe('paging parameters', () => {
	it('never sends -1 unless asked', () => {
		expect(buildGetConnectorQuery({ skip: 0, take: 500, urlPrefixLength: PREFIX }).query).toBe(
			'skip=0&take=500',
		);
		expect(
			inputError(() => buildGetConnectorQuery({ skip: -1, take: 100, urlPrefixLength: PREFIX }))
				.field,
		).toBe('Skip');
		expect(
			inputError(() => buildGetConnectorQuery({ skip: 0, take: -1, urlPrefixLength: PREFIX }))
				.field,
		).toBe('Page Size');
		expect(
			inputError(() => buildGetConnectorQuery({ skip: 0, take: 0, urlPrefixLength: PREFIX })).field,
		).toBe('Page Size');
		expect(
			inputError(() => buildGetConnectorQuery({ skip: 1.5, take: 10, urlPrefixLength: PREFIX }))
				.field,
		).toBe('Skip');
	});

	it('sends skip=-1&take=-1 for Fetch in One Request, with sort and filters', () => {
		const { query: q } = buildGetConnectorQuery({
			fetchAll: true,
			skip: 0,
			take: 100,
			sort: [{ field: 'Id' }],
			filter: [[{ field: 'Id', operator: 'greaterThan', value: 5 }]],
			urlPrefixLength: PREFIX,
		});
		expect(q).toBe(
			'skip=-1&take=-1&orderbyfieldids=Id&filterfieldids=Id&filtervalues=5&operatortypes=4',
		);
		// skip -1 together with take -1 is the same explicit request.
		expect(buildGetConnectorQuery({ skip: -1, take: -1, urlPrefixLength: PREFIX }).query).toBe(
			'skip=-1&take=-1',
		);
	});
});

describe('raw JSON filter in the query', () => {
	const raw = {
		Filters: { Filter: { Field: { '@FieldId': 'AdminId', '@OperatorType': 1, '#text': 3 } } },
	};

	it('is sent normalised as filterjson', () => {
		const { query: q, usesFilterJson } = buildGetConnectorQuery({
			rawFilterJson: JSON.stringify(raw),
			skip: 0,
			take: 20,
			sort: [{ field: 'AdminId' }],
			urlPrefixLength: PREFIX,
		});
		expect(usesFilterJson).toBe(true);
		expect(params(q).orderbyfieldids).toBe('AdminId');
		expect(decodedFilterJson(q)).toEqual({
			Filters: {
				Filter: [
					{
						'@FilterId': 'Filter 1',
						Field: [{ '@FieldId': 'AdminId', '@OperatorType': '1', '#text': '3' }],
					},
				],
			},
		});
	});

	it('cannot be combined with UI filters; an empty one is ignored', () => {
		const error = inputError(() =>
			buildGetConnectorQuery({
				rawFilterJson: raw,
				filter: [[{ field: 'A', operator: 'isEmpty' }]],
				skip: 0,
				take: 10,
				urlPrefixLength: PREFIX,
			}),
		);
		expect(error.field).toBe('Raw JSON Filter');
		expect(error.message).toContain('Both');
		expect(
			buildGetConnectorQuery({ rawFilterJson: '  ', skip: 0, take: 10, urlPrefixLength: PREFIX }),
		).toEqual({ query: 'skip=0&take=10', usesFilterJson: false });
	});

	it('rejects invalid JSON before any request, naming Raw JSON Filter', () => {
		const error = inputError(() =>
			buildGetConnectorQuery({
				rawFilterJson: '{"Filters": ',
				skip: 0,
				take: 10,
				urlPrefixLength: PREFIX,
			}),
		);
		expect(error.field).toBe('Raw JSON Filter');
		expect(error.message).toMatch(/^The raw JSON filter is not valid JSON: /);
		expect(error.hint).toContain('"@FieldId"');
	});
});

describe('filter without paging (report connector)', () => {
	it('returns only filter parameters, or nothing', () => {
		expect(buildFilterQuery({ urlPrefixLength: PREFIX })).toEqual({
			query: '',
			usesFilterJson: false,
		});
		expect(
			buildFilterQuery({
				filter: [[{ field: 'Year', operator: 'equals', value: 2024 }]],
				urlPrefixLength: PREFIX,
			}).query,
		).toBe('filterfieldids=Year&filtervalues=2024&operatortypes=1');
	});
});
