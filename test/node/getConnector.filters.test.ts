import type { INodeExecutionData, INodeParameters } from 'n8n-workflow';

import { buildGetConnectorQuery, MAX_URL_LENGTH } from '../../nodes/Afas/wire/profit/query';
import { byId, connectorReads, jsonOf, runProfit, thrownBy } from './setup';
import { allText } from '../helpers/errors';
import { useSimulator } from '../helpers/simulator';
import { VENDOR_FILTERJSON_EXAMPLE } from '../fixtures/afasExamples';

const sim = useSimulator();

type Condition = { field: string; operator: string; value?: string };

function filtersOf(...groups: Condition[][]): INodeParameters {
	return { groups: groups.map((condition) => ({ conditions: { condition } })) };
}

async function read(connector: string, extra: INodeParameters) {
	const items = await runProfit(sim, {
		parameters: {
			resource: 'getConnector',
			operation: 'getAll',
			connector: byId(connector),
			returnAll: true,
			options: { dateHandling: 'keep' },
			...extra,
		},
	});
	const reads = connectorReads(sim, connector);
	return { rows: jsonOf(items), query: reads[0]?.query, reads };
}

describe('GetConnector filters on the wire', () => {
	it('sends one condition as the three parallel lists', async () => {
		const { rows, query } = await read('Profit_Administrations', {
			filters: filtersOf([{ field: 'AdminNm', operator: 'equals', value: 'Internet' }]),
		});
		expect(query).toMatchObject({
			filterfieldids: 'AdminNm',
			filtervalues: 'Internet',
			operatortypes: '1',
		});
		expect(query.filterjson).toBeUndefined();
		expect(rows.map((row) => row.AdminId)).toEqual([3]);
	});

	it("sends the AFAS docs' OR-group example as A,B;C", async () => {
		const { rows, query } = await read('Profit_Employees', {
			filters: filtersOf(
				[
					{ field: 'EmploymentEndDate', operator: 'lessThan', value: '2020-03-22T00:00:00' },
					{ field: 'EmailForDigitalDocuments', operator: 'notEquals', value: 'P' },
				],
				[{ field: 'EmailForDigitalDocuments', operator: 'isEmpty' }],
			),
		});
		expect(query).toMatchObject({
			filterfieldids: 'EmploymentEndDate,EmailForDigitalDocuments;EmailForDigitalDocuments',
			filtervalues: '2020-03-22T00:00:00,P;',
			operatortypes: '5,7;8',
		});
		const expected = sim.profit
			.rows('Profit_Employees')
			.filter(
				(row) =>
					(row.EmploymentEndDate !== null &&
						String(row.EmploymentEndDate) < '2020-03-22T00:00:00Z' &&
						row.EmailForDigitalDocuments !== null &&
						row.EmailForDigitalDocuments !== 'P') ||
					row.EmailForDigitalDocuments === null,
			)
			.map((row) => row.EmployeeId)
			.sort();
		expect(expected.length).toBeGreaterThan(0);
		expect(rows.map((row) => row.EmployeeId).sort()).toEqual(expected);
	});

	it('switches to filterjson for a value with a comma or semicolon', async () => {
		const { rows, query } = await read('Profit_Demo', {
			filters: filtersOf([{ field: 'Remark', operator: 'equals', value: 'Smith, John; Sales 12' }]),
		});
		expect(query.filterfieldids).toBeUndefined();
		expect(JSON.parse(query.filterjson as string)).toEqual({
			Filters: {
				Filter: [
					{
						'@FilterId': 'Filter 1',
						Field: [
							{ '@FieldId': 'Remark', '@OperatorType': '1', '#text': 'Smith, John; Sales 12' },
						],
					},
				],
			},
		});
		expect(rows.map((row) => row.Id)).toEqual([12]);
	});

	it("passes the vendor's raw filterjson example through (Options → Raw JSON Filter)", async () => {
		const { rows, query } = await read('Profit_Administrations', {
			options: { dateHandling: 'keep', rawFilterJson: JSON.stringify(VENDOR_FILTERJSON_EXAMPLE) },
		});
		expect(JSON.parse(query.filterjson as string)).toEqual(VENDOR_FILTERJSON_EXAMPLE);
		expect(query.orderbyfieldids).toBe('AdminId');
		expect(rows.map((row) => row.AdminId)).toEqual([1, 3]);
	});

	it('sends a UTC filter date as Amsterdam local time without Z, and empty values for Is (Not) Empty', async () => {
		const { query } = await read('Profit_Employees', {
			filters: filtersOf(
				[
					{
						field: 'EmploymentStartDate',
						operator: 'greaterOrEqual',
						value: '2020-01-31T23:00:00Z',
					},
					{ field: 'EmploymentEndDate', operator: 'isNotEmpty' },
				],
				[{ field: 'CreateDate', operator: 'lessThan', value: '2021-07-01T12:00:00+02:00' }],
			),
		});
		expect(query).toMatchObject({
			filterfieldids: 'EmploymentStartDate,EmploymentEndDate;CreateDate',
			filtervalues: '2020-02-01T00:00:00,;2021-07-01T12:00:00',
			operatortypes: '2,9;5',
		});
	});

	it('converts dates from expressions ({{ $now }}-style DateTime or a JS Date) to Amsterdam time', async () => {
		const { query } = await read('Profit_Employees', {
			filters: filtersOf([
				{
					field: 'CreateDate',
					operator: 'greaterOrEqual',
					value: '={{ DateTime.fromISO("2020-01-31T23:00:00Z") }}',
				},
				{
					field: 'CreateDate',
					operator: 'lessThan',
					value: '={{ new Date("2021-07-31T22:00:00Z") }}',
				},
			]),
		});
		expect(query.filtervalues).toBe('2020-02-01T00:00:00,2021-08-01T00:00:00');
	});

	it('maps all 15 operators to their AFAS codes', async () => {
		const operators = [
			'equals',
			'greaterOrEqual',
			'lessOrEqual',
			'greaterThan',
			'lessThan',
			'contains',
			'notEquals',
			'isEmpty',
			'isNotEmpty',
			'startsWith',
			'notContains',
			'notStartsWith',
			'endsWith',
			'notEndsWith',
			'quickFilter',
		];
		const { query } = await read('Profit_Demo', {
			filters: filtersOf(operators.map((operator) => ({ field: 'Code', operator, value: 'D' }))),
		});
		expect(query.operatortypes).toBe('1,2,3,4,5,6,7,8,9,10,11,12,13,14,15');
	});

	describe("AFAS's URL length limit", () => {
		const base = () => `${sim.profitUrl}/connectors/Profit_Demo`;
		/** A Code filter of `count` OR-groups whose whole URL is `target` characters long (single page, take 5). */
		function valueFor(target: number): string {
			for (let length = 1; length < 3000; length++) {
				const value = 'x'.repeat(length);
				const { query } = buildGetConnectorQuery({
					filter: [[{ field: 'Code', operator: 'equals', value }]],
					sort: [{ field: 'Id' }],
					skip: 0,
					take: 5,
					urlPrefixLength: base().length,
				});
				if (base().length + 1 + query.length === target) return value;
			}
			throw new Error(`No value gives a URL of ${target} characters`);
		}

		it('sends a filter whose URL is exactly at the limit', async () => {
			const value = valueFor(MAX_URL_LENGTH);
			const { reads } = await read('Profit_Demo', {
				returnAll: false,
				limit: 5,
				filters: filtersOf([{ field: 'Code', operator: 'equals', value }]),
			});
			expect(reads).toHaveLength(1);
			expect(reads[0].status).toBe(200);
			expect(reads[0].query.filtervalues).toBe(value);
		});

		it('fails before any request when the filter cannot fit, naming the field and the fix', async () => {
			const value = `${valueFor(MAX_URL_LENGTH)}x`;
			const error = await thrownBy(() =>
				read('Profit_Demo', {
					returnAll: false,
					limit: 5,
					filters: filtersOf([{ field: 'Code', operator: 'equals', value }]),
				}),
			);
			// The simple form is one character too long; filterjson, tried next, is longer still.
			expect(error.message).toMatch(
				/^Filters: The filters make the request URL \d+ characters long; AFAS accepts at most 2048$/,
			);
			expect(String(error.description)).toMatch(/fewer or shorter conditions/);
			expect(connectorReads(sim, 'Profit_Demo')).toHaveLength(0);
		});

		it('rejects Filters and a Raw JSON Filter together', async () => {
			const error = await thrownBy(() =>
				read('Profit_Demo', {
					filters: filtersOf([{ field: 'Code', operator: 'equals', value: 'D00001' }]),
					options: {
						rawFilterJson:
							'{"Filters":{"Filter":[{"@FilterId":"F","Field":[{"@FieldId":"Id","@OperatorType":"1","#text":"1"}]}]}}',
					},
				}),
			);
			expect(error.message).toContain('Both Filters and a Raw JSON Filter are set');
			expect(connectorReads(sim, 'Profit_Demo')).toHaveLength(0);
		});
	});
});

describe("filter values checked by the field's metainfo type", () => {
	/** Runs a read of Profit_Demo that must fail before any data request; returns the error. */
	async function refused(filters: INodeParameters, items?: INodeExecutionData[]) {
		const error = await thrownBy(() =>
			runProfit(sim, {
				items,
				parameters: {
					resource: 'getConnector',
					operation: 'getAll',
					connector: byId('Profit_Demo'),
					limit: 5,
					...filters,
				},
			}),
		);
		// Only the metainfo (to learn the field types) was asked for; no row was read.
		expect(connectorReads(sim, 'Profit_Demo')).toHaveLength(0);
		expect(sim.requests.every((request) => /\/metainfo\//i.test(request.path))).toBe(true);
		expect(allText(error)).not.toContain(sim.credentials.profit.token);
		return error;
	}

	it.each([
		[
			'DocumentDate',
			'greaterOrEqual',
			'2026-13-01',
			'"2026-13-01" is not a date; use 2026-01-31 or 2026-01-31T14:30:00',
		],
		[
			'DocumentDate',
			'equals',
			'2026-02-30',
			'"2026-02-30" is not a date; use 2026-01-31 or 2026-01-31T14:30:00',
		],
		[
			'ModifiedAt',
			'lessThan',
			'2026-01-31T25:00',
			'"2026-01-31T25:00" is not a date; use 2026-01-31 or 2026-01-31T14:30:00',
		],
		[
			'DocumentDate',
			'lessThan',
			'next week',
			'"next week" is not a date; use 2026-01-31 or 2026-01-31T14:30:00',
		],
		['Quantity', 'equals', 'many', '"many" is not a whole number; use e.g. 42'],
		['Id', 'greaterThan', '12.5', '"12.5" is not a whole number; use e.g. 42'],
		['Amount', 'lessOrEqual', 'ten', '"ten" is not a number; use e.g. 1234.56'],
		['Amount', 'equals', '-0,5', '"-0,5" is not a number; use a point for decimals: -0.5'],
		['Active', 'equals', 'ja', '"ja" is not true or false; use true or false'],
		['Active', 'notEquals', 'maybe', '"maybe" is not true or false; use true or false'],
	])(
		'refuses %s %s %p before reading, naming group, condition and field',
		async (field, operator, value, problem) => {
			const error = await refused({
				filters: filtersOf([
					{ field: 'Code', operator: 'startsWith', value: 'D' },
					{ field, operator, value },
				]),
			});
			expect(error.name).toBe('NodeOperationError');
			expect(error.message).toBe(`Filters → Group 1 → Condition 2 (field "${field}"): ${problem}`);
			expect(String(error.description).length).toBeGreaterThan(10);
		},
	);

	it.each([
		['an object', { customer: 7 }, 'Code', 'the value is an object, not a single value'],
		['a list', ['D00001', 'D00002'], 'Code', 'the value is a list, not a single value'],
		['an object on a number field', { id: 1 }, 'Id', 'the value is an object, not a single value'],
	])(
		'refuses %s from an expression instead of sending "[object Object]"',
		async (_what, value, field, problem) => {
			const error = await refused(
				{ filters: filtersOf([{ field, operator: 'equals', value: '={{ $json.value }}' }]) },
				[{ json: { value } }],
			);
			expect(error.message).toBe(`Filters → Group 1 → Condition 1 (field "${field}"): ${problem}`);
		},
	);

	it('sends a date alone on a date field as midnight Amsterdam time', async () => {
		const { rows, query } = await read('Profit_Demo', {
			returnAll: false,
			limit: 100,
			filters: filtersOf([{ field: 'DocumentDate', operator: 'lessThan', value: '2024-01-02' }]),
		});
		expect(query.filtervalues).toBe('2024-01-02T00:00:00');
		expect(rows.length).toBeGreaterThan(0);
		expect(rows.every((row) => String(row.DocumentDate) < '2024-01-02T00:00:00Z')).toBe(true);
	});

	it('writes typed values plainly: whole numbers, decimals with a point, true/false', async () => {
		const { query } = await read('Profit_Demo', {
			returnAll: false,
			limit: 5,
			filters: filtersOf([
				{ field: 'Quantity', operator: 'greaterOrEqual', value: ' 007 ' },
				{ field: 'Amount', operator: 'greaterThan', value: '+.5' },
				{ field: 'Active', operator: 'equals', value: 'TRUE' },
			]),
		});
		expect(query.filtervalues).toBe('7,0.5,true');
	});

	it('sends a text field its value as typed, even when it looks like a date', async () => {
		const { query } = await read('Profit_Demo', {
			returnAll: false,
			limit: 5,
			filters: filtersOf([{ field: 'Remark', operator: 'equals', value: '2024-07-01T12:30:00Z' }]),
		});
		expect(query.filtervalues).toBe('2024-07-01T12:30:00Z');
	});

	it.each(['01', ' 1', '1.0', '0x1', 16, true])(
		'refuses a Raw JSON Filter whose @OperatorType is %p, not exactly an AFAS code',
		async (operator) => {
			const raw = JSON.stringify({
				Filters: {
					Filter: [
						{
							'@FilterId': 'F',
							Field: [{ '@FieldId': 'Id', '@OperatorType': operator, '#text': '1' }],
						},
					],
				},
			});
			const error = await refused({ options: { rawFilterJson: raw } });
			expect(error.name).toBe('NodeOperationError');
			expect(error.message).toMatch(
				/^Raw JSON Filter: Filters\.Filter\[0\]\.Field\[0\] has "@OperatorType" .+; it must be one of the AFAS operator codes 1 to 15$/,
			);
			expect(String(error.description)).toContain('1 equals');
		},
	);
});
