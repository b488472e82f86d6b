import { startSimulator, type Simulator } from '../simulator';
import { getRows, sendJson, type Row } from './profitTestClient';

// 09:20:30.700 UTC is 10:20:30.700 in Amsterdam in November (CET, UTC+1).
const WINTER = Date.parse('2026-11-30T09:20:30.700Z');
const SECOND = '2026-11-30T10:20:30';

function since(value: string, op = 2) {
	return {
		filterfieldids: 'ModifiedDate',
		filtervalues: value,
		operatortypes: op,
		orderbyfieldids: 'ModifiedDate,BcCo',
		take: 100,
	};
}

async function bcCos(sim: Simulator, connector: string, params: Record<string, string | number>) {
	const res = await getRows(sim, connector, params);
	expect(res.status).toBe(200);
	return res.json.rows.map((row: Row) => row.BcCo);
}

describe('Profit simulator: changes between polls', () => {
	let sim: Simulator;
	beforeEach(async () => {
		sim = await startSimulator({ port: 0 });
	});
	afterEach(async () => sim.close());

	describe('sub-second modification times', () => {
		it('a seconds filter `>=` includes a row modified at .700 of that second; `<=` and `=` do not', async () => {
			sim.freezeTime(WINTER);
			const row = sim.profit.modify('Profit_Persons', '100001', { LastName: 'Klok' });
			expect(row.ModifiedDate).toBe(`${SECOND}Z`);

			expect(await bcCos(sim, 'Profit_Persons', since(SECOND, 2))).toEqual(['100001']);
			expect(await bcCos(sim, 'Profit_Persons', since(SECOND, 4))).toEqual(['100001']);
			expect(await bcCos(sim, 'Profit_Persons', since(SECOND, 1))).toEqual([]);
			const atOrBefore = await bcCos(sim, 'Profit_Persons', since(SECOND, 3));
			expect(atOrBefore).not.toContain('100001');
			expect(atOrBefore).toHaveLength(sim.profit.rows('Profit_Persons').length - 1);
		});

		it('a filter value with a fraction compares on milliseconds', async () => {
			sim.freezeTime(WINTER);
			sim.profit.modify('Profit_Persons', '100001');
			expect(await bcCos(sim, 'Profit_Persons', since(`${SECOND}.700`))).toEqual(['100001']);
			expect(await bcCos(sim, 'Profit_Persons', since(`${SECOND}.701`))).toEqual([]);
			expect(await bcCos(sim, 'Profit_Persons', since(`${SECOND}.7`, 1))).toEqual(['100001']);
		});

		it('two updates in the same second print the same ModifiedDate but sort by the precise instant', async () => {
			sim.freezeTime(Date.parse('2026-11-30T09:20:30.100Z'));
			const b = sim.profit.modify('Profit_Persons', '100002', { FirstName: 'B' });
			sim.advanceTime(800);
			const a = sim.profit.modify('Profit_Persons', '100001', { FirstName: 'A' });
			expect(a.ModifiedDate).toBe(`${SECOND}Z`);
			expect(b.ModifiedDate).toBe(a.ModifiedDate);

			const ascending = await bcCos(sim, 'Profit_Persons', {
				...since(SECOND),
				orderbyfieldids: 'ModifiedDate',
			});
			// Table order (and BcCo order) is 100001 first: only the milliseconds put 100002 ahead.
			expect(ascending).toEqual(['100002', '100001']);
			const descending = await bcCos(sim, 'Profit_Persons', {
				...since(SECOND),
				orderbyfieldids: '-ModifiedDate',
			});
			expect(descending).toEqual(['100001', '100002']);
		});

		it('a row changed twice in one second is one row, ordered by its last change', async () => {
			sim.freezeTime(Date.parse('2026-11-30T09:20:30.100Z'));
			sim.profit.modify('Profit_Persons', '100001', { FirstName: 'First' });
			sim.advanceTime(200);
			const b = sim.profit.modify('Profit_Persons', '100002');
			sim.advanceTime(400);
			const again = sim.profit.modify('Profit_Persons', '100001', { FirstName: 'Second' });
			expect(again.ModifiedDate).toBe(`${SECOND}Z`);
			const res = await getRows(sim, 'Profit_Persons', since(SECOND));
			expect(res.json.rows.map((row) => [row.BcCo, row.FirstName])).toEqual([
				['100002', b.FirstName],
				['100001', 'Second'],
			]);
		});

		it('an UpdateConnector write keeps milliseconds the same way', async () => {
			sim.freezeTime(WINTER);
			const res = await sendJson(sim, 'PUT', '/connectors/KnPerson', {
				KnPerson: { Element: { Fields: { MatchPer: '0', BcCo: '100003', LaNm: 'Put' } } },
			});
			expect(res.status).toBe(201);
			expect(await bcCos(sim, 'Profit_Persons', since(SECOND, 2))).toEqual(['100003']);
			expect(await bcCos(sim, 'Profit_Persons', since(SECOND, 3))).not.toContain('100003');
		});

		it('rows with one printed timestamp page exactly across a page boundary when sorted on date,key', async () => {
			sim.freezeTime(Date.parse('2026-11-30T09:20:30.000Z'));
			const inserted: string[] = [];
			for (let i = 0; i < 5; i++) {
				inserted.push(sim.profit.insert('Profit_Persons', { LastName: `Tie ${i}` }).BcCo as string);
				sim.advanceTime(150);
			}
			const seen: Row[] = [];
			for (let skip = 0; ; skip += 2) {
				const res = await getRows(sim, 'Profit_Persons', { ...since(SECOND), skip, take: 2 });
				seen.push(...res.json.rows);
				if (res.json.rows.length < 2) break;
			}
			expect(seen.map((row) => row.BcCo)).toEqual(inserted);
			expect(new Set(seen.map((row) => row.ModifiedDate))).toEqual(new Set([`${SECOND}Z`]));
		});
	});

	describe('insert and modify', () => {
		it('insert stamps CreateDate and ModifiedDate in Amsterdam local time with a Z and returns the row as read', async () => {
			// 08:00:00.250 UTC is 10:00:00 in Amsterdam in July (CEST, UTC+2).
			sim.freezeTime(Date.parse('2026-07-01T08:00:00.250Z'));
			const row = sim.profit.insert('Profit_Persons', {
				FirstName: 'Nieuw',
				LastName: 'Persoon',
				BirthDate: '1990-02-03',
			});
			expect(row).toMatchObject({
				FirstName: 'Nieuw',
				Name: 'Nieuw Persoon',
				BirthDate: '1990-02-03T00:00:00Z',
				CreateDate: '2026-07-01T10:00:00Z',
				ModifiedDate: '2026-07-01T10:00:00Z',
			});
			const read = await getRows(sim, 'Profit_Persons', {
				filterfieldids: 'BcCo',
				filtervalues: row.BcCo as string,
				operatortypes: 1,
			});
			expect(read.json.rows).toEqual([row]);
		});

		it('modify by BcCo changes an organisation and its ModifiedDate, not its CreateDate', async () => {
			const before = sim.profit.rows('Profit_Organisations').find((r) => r.BcCo === '200002');
			sim.freezeTime(WINTER);
			const row = sim.profit.modify(
				'Profit_Organisations',
				{ BcCo: '200002' },
				{ City: 'Gouda', Name: 'N' },
			);
			expect(row).toMatchObject({ City: 'Gouda', Name: 'N', ModifiedDate: `${SECOND}Z` });
			expect(row.CreateDate).toBe(before?.CreateDate);
			const read = await getRows(sim, 'Profit_Organisations', since(SECOND));
			expect(read.json.rows).toEqual([row]);
		});

		it('insert into Profit_Organisations numbers a new BcCo that no person has', () => {
			sim.freezeTime(WINTER);
			const row = sim.profit.insert('Profit_Organisations', {
				Name: 'Nieuw B.V.',
				Street: 'Dorpsstraat',
			});
			expect(row).toMatchObject({
				Name: 'Nieuw B.V.',
				Street: 'Dorpsstraat',
				CreateDate: `${SECOND}Z`,
			});
			expect(sim.profit.rows('Profit_Persons').some((p) => p.BcCo === row.BcCo)).toBe(false);
		});

		it('modify with no fields only touches ModifiedDate; Employees match by EmployeeId, Debtors by DebtorId', () => {
			sim.freezeTime(WINTER);
			const employee = sim.profit.modify('Profit_Employees', '1001');
			expect(employee).toMatchObject({ EmployeeId: '1001', ModifiedDate: `${SECOND}Z` });
			const debtor = sim.profit.insert('Profit_Debtor', { DebtorName: 'Nieuw', Balance: 12.5 });
			expect(debtor).toMatchObject({
				DebtorName: 'Nieuw',
				Balance: 12.5,
				ModifiedDate: `${SECOND}Z`,
			});
		});

		it('refuses what it cannot do, loudly', () => {
			expect(() => sim.profit.modify('Profit_Persons', '999999', {})).toThrow(/matches 0 rows/);
			expect(() => sim.profit.modify('Profit_Persons', '100001', { Name: 'x' })).toThrow(
				/'Name' cannot be set/,
			);
			expect(() => sim.profit.insert('Profit_Persons', { BcCo: '100001' })).toThrow(
				/already exists/,
			);
			expect(() =>
				sim.profit.insert('Profit_Subjects' as 'Profit_Persons', { Subject: 'x' }),
			).toThrow(/supports Profit_Persons/);
		});
	});

	describe('clock', () => {
		it('setTime, freezeTime, advanceTime and unfreezeTime', () => {
			sim.setTime(WINTER);
			expect(Math.abs(sim.now() - WINTER)).toBeLessThan(1000);
			expect(sim.isTimeFrozen()).toBe(false);
			sim.freezeTime(WINTER);
			expect(sim.now()).toBe(WINTER);
			sim.advanceTime(300);
			expect(sim.now()).toBe(WINTER + 300);
			sim.setTime(new Date(WINTER));
			expect(sim.now()).toBe(WINTER);
			sim.unfreezeTime();
			expect(sim.isTimeFrozen()).toBe(false);
			expect(sim.now()).toBeGreaterThanOrEqual(WINTER);
			expect(sim.now() - WINTER).toBeLessThan(1000);
			expect(() => sim.setTime('not a date')).toThrow(/Not a time/);
		});
	});

	describe('admin HTTP routes (for a simulator in another process)', () => {
		it('sets the clock and changes data over HTTP, outside the request log', async () => {
			const post = async (path: string, body: unknown) => {
				const res = await fetch(`${sim.url}/__simulator${path}`, {
					method: 'POST',
					body: JSON.stringify(body),
				});
				return { status: res.status, json: (await res.json()) as Record<string, unknown> };
			};
			expect((await post('/clock', { freeze: WINTER })).json).toMatchObject({
				now: WINTER,
				frozen: true,
			});
			const modified = await post('/profit/modify', {
				connector: 'Profit_Persons',
				match: '100001',
				fields: { LastName: 'Http' },
			});
			expect(modified.json.row).toMatchObject({ LastName: 'Http', ModifiedDate: `${SECOND}Z` });
			const inserted = await post('/profit/insert', { connector: 'Profit_Persons', fields: {} });
			expect(inserted.json.row).toMatchObject({ CreateDate: `${SECOND}Z` });
			expect((await post('/profit/modify', { connector: 'Nope', match: '1' })).status).toBe(400);
			expect((await post('/clock', { unfreeze: true })).json).toMatchObject({ frozen: false });
			expect(sim.requests).toHaveLength(0);
		});
	});

	describe("subSecond: 'round'", () => {
		it('prints .700 as the next second, so `>=` on the printed value misses the row', async () => {
			const rounding = await startSimulator({ port: 0, seed: { profit: { subSecond: 'round' } } });
			try {
				rounding.freezeTime(WINTER);
				const row = rounding.profit.modify('Profit_Persons', '100001');
				expect(row.ModifiedDate).toBe('2026-11-30T10:20:31Z');
				expect(await bcCos(rounding, 'Profit_Persons', since('2026-11-30T10:20:31'))).toEqual([]);
				expect(await bcCos(rounding, 'Profit_Persons', since(SECOND))).toEqual(['100001']);
			} finally {
				await rounding.close();
			}
		});
	});
});
