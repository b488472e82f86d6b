import { startSimulator, type Simulator } from '../simulator';
import { call, getRows, query, type GetConnectorBody, type Row } from './profitTestClient';
import { VENDOR_FILTERJSON_EXAMPLE } from '../fixtures/afasExamples';

describe('Profit simulator: GetConnector', () => {
	let sim: Simulator;
	beforeAll(async () => {
		sim = await startSimulator({ port: 0 });
	});
	afterAll(async () => sim.close());

	describe('paging', () => {
		it('defaults to skip=0, take=100 and echoes them', async () => {
			const res = await call<GetConnectorBody>(sim, '/connectors/Profit_Demo');
			expect(res.status).toBe(200);
			expect(res.headers.get('content-type')).toBe('application/json; charset=utf-8');
			expect(res.json.skip).toBe(0);
			expect(res.json.take).toBe(100);
			expect(res.json.rows).toHaveLength(100);
		});

		it('echoes the requested take, not the number of rows, on a short page', async () => {
			const res = await getRows(sim, 'Profit_Administrations', { skip: 0, take: 100 });
			expect(res.json.take).toBe(100);
			expect(res.json.rows).toHaveLength(5);
		});

		it('returns every row with skip=-1&take=-1 (12 345 rows)', async () => {
			const res = await getRows(sim, 'Profit_Demo', { skip: -1, take: -1 });
			expect(res.json.rows).toHaveLength(12345);
			expect(res.json.skip).toBe(-1);
		});

		it('answers -1 without its partner with the vendor error (skip=2&take=-1)', async () => {
			for (const params of [
				{ skip: 2, take: -1 },
				{ skip: -1, take: 10 },
			]) {
				const res = await call(sim, `/connectors/Profit_Demo?${query(params)}`);
				expect(res.status).toBe(500);
				expect(res.json.externalMessage).toBe('An unexpected error has occurred.');
				expect(res.json.errorNumber).toBe(-2147180999);
				expect(res.json.profitLogReference).toMatch(/^[0-9A-F]{32}$/);
			}
		});

		it('pages exactly when sorted: all 12 345 ids once, beyond skip 10 000, empty page at the end', async () => {
			const seen = new Set<number>();
			let skip = 0;
			for (;;) {
				const res = await getRows(sim, 'Profit_Demo', { skip, take: 2500, orderbyfieldids: 'Id' });
				for (const row of res.json.rows) seen.add(row.Id as number);
				if (res.json.rows.length < 2500) break;
				skip += 2500;
			}
			expect(skip).toBe(10000);
			expect(seen.size).toBe(12345);
			const last = await getRows(sim, 'Profit_Demo', {
				skip: 12345,
				take: 100,
				orderbyfieldids: 'Id',
			});
			expect(last.json.rows).toEqual([]);
		});

		it('does not guarantee the order between unsorted pages (rows repeat or go missing), as AFAS warns', async () => {
			const ids: number[] = [];
			for (let skip = 0; skip < 1000; skip += 100) {
				const res = await getRows(sim, 'Profit_Demo', { skip, take: 100 });
				ids.push(...res.json.rows.map((row) => row.Id as number));
			}
			expect(ids).toHaveLength(1000);
			expect(new Set(ids).size).toBeLessThan(1000);
		});
	});

	describe('sorting', () => {
		it('sorts descending with a leading "-" and on several fields', async () => {
			const res = await getRows(sim, 'Profit_Demo', {
				skip: 0,
				take: 200,
				orderbyfieldids: 'Category,-Amount',
			});
			const rows = res.json.rows;
			expect(rows.every((row) => row.Category === 'A')).toBe(true);
			for (let i = 1; i < rows.length; i++)
				expect(rows[i - 1].Amount as number).toBeGreaterThanOrEqual(rows[i].Amount as number);
			const desc = await getRows(sim, 'Profit_Demo', { skip: 0, take: 1, orderbyfieldids: '-Id' });
			expect(desc.json.rows[0].Id).toBe(12345);
		});

		it('answers an unknown sort field with "Connector field \'X\' not found"', async () => {
			const res = await call(sim, '/connectors/Profit_Demo?orderbyfieldids=Nope');
			expect(res.status).toBe(500);
			expect(res.json.externalMessage).toBe("Connector field 'Nope' not found");
		});
	});

	describe('simple filters', () => {
		const ids = (rows: Row[], key: string) => rows.map((row) => row[key]);

		it('applies the vendor OR-group example: (EndDate < X AND Email != P) OR Email is empty', async () => {
			// research §5.4 [V-AD]: filterfieldids=EmploymentEndDate,EmailForDigitalDocuments;EmailForDigitalDocuments
			const path =
				'/connectors/Profit_Employees?filterfieldids=EmploymentEndDate%2CEmailForDigitalDocuments%3BEmailForDigitalDocuments' +
				'&filtervalues=2020-03-22T00%3A00%3A00%2CP%3B%5Bis%20leeg%5D&operatortypes=5%2C7%3B8&skip=-1&take=-1';
			const res = await call<GetConnectorBody>(sim, path);
			expect(res.status).toBe(200);
			const expected = sim.profit
				.rows('Profit_Employees')
				.filter(
					(row) =>
						(row.EmploymentEndDate !== null &&
							String(row.EmploymentEndDate) < '2020-03-22' &&
							row.EmailForDigitalDocuments !== 'P') ||
						row.EmailForDigitalDocuments === null,
				);
			expect(expected.length).toBeGreaterThan(3);
			expect(ids(res.json.rows, 'EmployeeId')).toEqual(ids(expected as Row[], 'EmployeeId'));
		});

		it.each([
			[1, 'Internet', [3]],
			[2, '3', [3, 4, 5]],
			[6, 'internet', [1, 2, 3]],
			[7, 'Internet', [1, 2, 4, 5]],
			[10, 'Internet ', [1, 2]],
			[11, 'Internet', [4, 5]],
			[12, 'Internet', [4, 5]],
			[13, 'B.V.', [5]],
			[14, 'Internet', [1, 2, 4, 5]],
		])('operator %i with value %j', async (op, value, expected) => {
			const field = op === 2 ? 'AdminId' : 'AdminNm';
			const res = await getRows(sim, 'Profit_Administrations', {
				filterfieldids: field,
				filtervalues: value,
				operatortypes: op,
				orderbyfieldids: 'AdminId',
			});
			expect(ids(res.json.rows, 'AdminId')).toEqual(expected);
		});

		it('supports the ordering, empty and text operators on numbers, dates and nulls', async () => {
			const base = { skip: -1, take: -1, orderbyfieldids: 'Id' };
			const lt = await getRows(sim, 'Profit_Demo', {
				...base,
				filterfieldids: 'Id',
				filtervalues: 4,
				operatortypes: 5,
			});
			expect(ids(lt.json.rows, 'Id')).toEqual([1, 2, 3]);
			const le = await getRows(sim, 'Profit_Demo', {
				...base,
				filterfieldids: 'Id',
				filtervalues: 3,
				operatortypes: 3,
			});
			expect(ids(le.json.rows, 'Id')).toEqual([1, 2, 3]);
			const gt = await getRows(sim, 'Profit_Demo', {
				...base,
				filterfieldids: 'Id',
				filtervalues: 12343,
				operatortypes: 4,
			});
			expect(ids(gt.json.rows, 'Id')).toEqual([12344, 12345]);
			const empty = await getRows(sim, 'Profit_Demo', {
				...base,
				filterfieldids: 'Remark',
				filtervalues: '',
				operatortypes: 8,
			});
			expect(empty.json.rows.every((row) => row.Remark === null)).toBe(true);
			expect(empty.json.rows.length).toBe(Math.ceil(12345 / 7));
			const notEmpty = await getRows(sim, 'Profit_Demo', {
				...base,
				filterfieldids: 'Remark',
				filtervalues: '',
				operatortypes: 9,
			});
			expect(notEmpty.json.rows.length + empty.json.rows.length).toBe(12345);
			// Dates are compared as Amsterdam local time, without the Z.
			const dates = await getRows(sim, 'Profit_Demo', {
				...base,
				filterfieldids: 'DocumentDate',
				filtervalues: '2015-01-02T00:00:00',
				operatortypes: 1,
			});
			expect(ids(dates.json.rows, 'DocumentDate')).toEqual(Array(4).fill('2015-01-02T00:00:00Z'));
			const quick = await getRows(sim, 'Profit_Administrations', {
				filterfieldids: 'AdminNm',
				filtervalues: 'afas',
				operatortypes: 15,
			});
			expect(ids(quick.json.rows, 'AdminId')).toEqual([5]);
		});

		it('answers an unknown filter field with the standard 500 body', async () => {
			const res = await call(
				sim,
				`/connectors/Profit_Demo?${query({ filterfieldids: 'Missing', filtervalues: 'x', operatortypes: 1 })}`,
			);
			expect(res.status).toBe(500);
			expect(res.json.externalMessage).toBe("Connector field 'Missing' not found");
			expect(res.json.profitLogReference).toMatch(/^[0-9A-F]{32}$/);
		});

		it('fails when a value holding "," breaks the alignment of the three lists', async () => {
			const res = await call(
				sim,
				`/connectors/Profit_Demo?${query({ filterfieldids: 'Remark', filtervalues: 'Smith, John', operatortypes: 1 })}`,
			);
			expect(res.status).toBe(500);
		});
	});

	describe('filterjson', () => {
		it('applies the vendor example (Filters = OR, Fields = AND) with skip/take/orderbyfieldids', async () => {
			const res = await getRows(sim, 'Profit_Administrations', {
				filterjson: JSON.stringify(VENDOR_FILTERJSON_EXAMPLE),
				skip: 0,
				take: 20,
				orderbyfieldids: 'AdminId',
			});
			expect(res.json.rows).toEqual([
				{ AdminId: 1, AdminNm: 'Internet Holding' },
				{ AdminId: 3, AdminNm: 'Internet' },
			]);
		});

		it('matches values containing "," and ";" and accepts numeric operator types', async () => {
			const filter = {
				Filters: {
					Filter: [
						{
							Field: [{ '@FieldId': 'Remark', '@OperatorType': 10, '#text': 'Smith, John; Sales' }],
						},
					],
				},
			};
			const res = await getRows(sim, 'Profit_Demo', {
				filterjson: JSON.stringify(filter),
				skip: -1,
				take: -1,
			});
			expect(res.json.rows.length).toBeGreaterThan(100);
			expect(
				res.json.rows.every((row) => String(row.Remark).startsWith('Smith, John; Sales')),
			).toBe(true);
		});
	});

	describe('wire format', () => {
		it('prints dates as Amsterdam local time with a Z, nulls explicitly and decimals with a leading zero', async () => {
			const res = await call(
				sim,
				`/connectors/Profit_Demo?${query({ skip: 0, take: 4, orderbyfieldids: 'Id' })}`,
			);
			expect(res.text).toContain('"Amount":-0.5');
			expect(res.text).not.toContain('\n');
			const body = JSON.parse(res.text) as GetConnectorBody;
			expect(body.rows[0]).toMatchObject({
				Id: 1,
				DocumentDate: '2015-01-01T00:00:00Z',
				Remark: null,
				Active: false,
			});
			expect(Object.keys(body.rows[0])).toEqual(
				sim.profit.getConnectors.find((c) => c.id === 'Profit_Demo')?.fields.map((f) => f.id),
			);
		});

		it('answers 404 when the query string exceeds 2049 characters', async () => {
			const filler = 'x'.repeat(2049 - '?filtervalues='.length);
			const ok = await call(sim, `/connectors/Profit_Demo?filtervalues=${filler}`);
			expect(ok.status).toBe(200);
			const tooLong = await call(sim, `/connectors/Profit_Demo?filtervalues=${filler}x`);
			expect(tooLong.status).toBe(404);
		});

		it('streams the 100 000 x 20 generated connector', async () => {
			const res = await getRows(sim, 'Profit_Transactions', {
				skip: 99990,
				take: 50,
				orderbyfieldids: 'TransactionId',
			});
			expect(res.json.rows).toHaveLength(10);
			expect(Object.keys(res.json.rows[0])).toHaveLength(20);
			expect(res.json.rows[9].TransactionId).toBe(100000);
			const big = await getRows(sim, 'Profit_Transactions', {
				skip: 0,
				take: 20000,
				orderbyfieldids: '-TransactionId',
			});
			expect(big.json.rows).toHaveLength(20000);
			expect(big.json.rows[0].TransactionId).toBe(100000);
		});
	});

	describe('app connector', () => {
		it('refuses a GetConnector that is not linked to the app connector', async () => {
			const res = await call(sim, '/connectors/Profit_Salaries');
			expect(res.status).toBe(500);
			expect(res.json.externalMessage).toBe(
				'GetConnector not supported for this app or the user is not authorized',
			);
			expect(res.json.errorNumber).toBe(-2147180996);
		});
	});
});
