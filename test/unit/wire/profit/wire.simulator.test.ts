/**
 * The wire modules' output sent over real HTTP to the AFAS simulator: the server must read our filters, sorts,
 * dates and paths the way we meant them. Expectations come from unfiltered server data, not from our code.
 */
import { startSimulator, type Simulator } from '../../../simulator';
import {
	call,
	type FileBody,
	type GetConnectorBody,
	type Row,
} from '../../../simulator/profitTestClient';
import { convertProfitDate } from '../../../../nodes/Afas/wire/profit/dates';
import type { ProfitFilterGroups } from '../../../../nodes/Afas/wire/profit/filter';
import { toFilterJson } from '../../../../nodes/Afas/wire/profit/filter';
import type { SortField } from '../../../../nodes/Afas/wire/profit/query';
import { buildGetConnectorQuery, MAX_URL_LENGTH } from '../../../../nodes/Afas/wire/profit/query';
import {
	fileConnectorPath,
	getConnectorPath,
	imageConnectorPath,
	imageFormatQuery,
	reportConnectorPath,
	subjectConnectorPath,
} from '../../../../nodes/Afas/wire/profit/paths';

describe('wire modules against the Profit simulator', () => {
	let sim: Simulator;
	beforeAll(async () => {
		sim = await startSimulator({ port: 0 });
	});
	afterAll(async () => sim.close());

	async function read(
		connector: string,
		input: { filter?: ProfitFilterGroups; rawFilterJson?: object; sort?: SortField[] } = {},
	): Promise<{ rows: Row[]; usesFilterJson: boolean; status: number }> {
		const path = getConnectorPath(connector);
		const { query, usesFilterJson } = buildGetConnectorQuery({
			...input,
			sort: input.sort ?? [],
			skip: 0,
			take: 0,
			fetchAll: true,
			urlPrefixLength: `${sim.profitUrl}${path}`.length,
		});
		const response = await call<GetConnectorBody>(sim, `${path}?${query}`);
		return { rows: response.json?.rows ?? [], usesFilterJson, status: response.status };
	}

	const ids = (rows: Row[]) => rows.map((row) => row.EmployeeId).sort();

	it('AND inside a group, OR between groups (the AFAS documentation example)', async () => {
		const a = {
			field: 'EmploymentEndDate',
			operator: 'lessThan',
			value: '2020-03-22T00:00:00',
		} as const;
		const b = { field: 'EmailForDigitalDocuments', operator: 'notEquals', value: 'P' } as const;
		const c = { field: 'EmailForDigitalDocuments', operator: 'isEmpty' } as const;
		const both = await read('Profit_Employees', { filter: [[a, b]] });
		const empty = await read('Profit_Employees', { filter: [[c]] });
		const combined = await read('Profit_Employees', { filter: [[a, b], [c]] });
		expect(combined.status).toBe(200);
		expect(combined.usesFilterJson).toBe(false);
		expect(empty.rows.length).toBeGreaterThan(0);
		expect(ids(combined.rows)).toEqual(
			[...new Set([...ids(both.rows), ...ids(empty.rows)])].sort(),
		);
		// The same groups as filterjson select the same rows.
		const asJson = await read('Profit_Employees', { rawFilterJson: toFilterJson([[a, b], [c]]) });
		expect(asJson.usesFilterJson).toBe(true);
		expect(ids(asJson.rows)).toEqual(ids(combined.rows));
	});

	it('a value with a comma reaches the server whole (via filterjson)', async () => {
		const all = await read('Profit_Subjects');
		const result = await read('Profit_Subjects', {
			filter: [[{ field: 'Subject', operator: 'notContains', value: 'gesprek, test' }]],
		});
		expect(result.usesFilterJson).toBe(true);
		expect(result.status).toBe(200);
		// Sent whole, no subject contains "gesprek, test"; split at the comma, the three simple lists would not align.
		expect(result.rows).toHaveLength(all.rows.length);
	});

	it('date filters are sent as Amsterdam time, in winter and in summer', async () => {
		const winter = await read('Profit_Subjects', {
			filter: [[{ field: 'Date', operator: 'equals', value: new Date('2024-01-15T09:00:00Z') }]],
		});
		expect(winter.rows.map((row) => row.SbId)).toEqual([49946]);
		const summer = await read('Profit_Subjects', {
			filter: [[{ field: 'Date', operator: 'equals', value: '2024-08-22T08:00:00Z' }]],
		});
		expect(summer.rows.map((row) => row.SbId)).toEqual([54286]);
		// And back: the Profit value is the Amsterdam clock, so UTC is an hour (winter) earlier.
		expect(convertProfitDate(String(winter.rows[0].Date), 'utc')).toBe('2024-01-15T09:00:00Z');
		expect(convertProfitDate(String(summer.rows[0].Date), 'utc')).toBe('2024-08-22T08:00:00Z');
	});

	it('sorts on several fields with mixed directions', async () => {
		const { rows } = await read('Profit_Subjects', {
			sort: [{ field: 'StId', descending: true }, { field: 'SbId' }],
		});
		const keys = rows.map((row) => [Number(row.StId), Number(row.SbId)]);
		const expected = [...keys].sort((x, y) => y[0] - x[0] || x[1] - y[1]);
		expect(keys).toEqual(expected);
		expect(new Set(keys.map((k) => k[0])).size).toBeGreaterThan(1);
	});

	it('a URL at exactly the limit is accepted by the server', async () => {
		const path = getConnectorPath('Profit_Subjects');
		const prefix = `${sim.profitUrl}${path}`.length;
		const probe = (n: number) =>
			buildGetConnectorQuery({
				filter: [[{ field: 'Subject', operator: 'notEquals', value: 'x'.repeat(n) }]],
				skip: 0,
				take: 100,
				sort: [{ field: 'SbId' }],
				urlPrefixLength: 0,
			}).query.length;
		const n = MAX_URL_LENGTH - 1 - prefix - (probe(1) - 1);
		const { query } = buildGetConnectorQuery({
			filter: [[{ field: 'Subject', operator: 'notEquals', value: 'x'.repeat(n) }]],
			skip: 0,
			take: 100,
			sort: [{ field: 'SbId' }],
			urlPrefixLength: prefix,
		});
		expect(`${sim.profitUrl}${path}?${query}`).toHaveLength(MAX_URL_LENGTH);
		const response = await call<GetConnectorBody>(sim, `${path}?${query}`);
		expect(response.status).toBe(200);
		expect(response.json.rows.length).toBeGreaterThan(0);
	});

	it('downloads a file whose name has underscores (the _5f rule)', async () => {
		const response = await call<FileBody>(
			sim,
			fileConnectorPath('3D9A6C1E2F7B4A8C9D0E1F2A3B4C5D6E', 'Jaaropgave_2024_def.pdf'),
		);
		expect(response.status).toBe(200);
		expect(response.json.filename).toBe('Jaaropgave_2024_def.pdf');
	});

	it('downloads a dossier attachment, an image and a report', async () => {
		const subject = await call<FileBody>(
			sim,
			subjectConnectorPath(49946, '5C055C034516ED67972E0A852E03C5B9'),
		);
		expect(subject.status).toBe(200);
		expect(subject.json.filename).toBe('contract_2024.pdf');
		const image = await call<FileBody>(
			sim,
			`${imageConnectorPath('0A1B2C3D4E5F60718293A4B5C6D7E8F1')}?${imageFormatQuery('thumbnail')}`,
		);
		expect(image.status).toBe(200);
		expect(image.json.mimetype).toBe('image/png');
		const report = await call<FileBody>(
			sim,
			reportConnectorPath('CF761B2F7099455B8C5227639C447689'),
		);
		expect(report.status).toBe(200);
		expect(report.json.filename).toBe('Debiteurenlijst.pdf');
	});
});
