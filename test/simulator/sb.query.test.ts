import { appAccessToken, sbGet, startSbSim, type SbSim } from './sb/testHelpers';

type Row = Record<string, unknown>;
const HOLDING = '701b747b-eea2-5ed1-8518-973e5c670252';

async function list(sim: SbSim, token: string, query: string, version = '1'): Promise<Row[]> {
	const res = await sbGet(sim, token, query, version);
	if (res.status !== 200) throw new Error(`${query} answered ${res.status}: ${JSON.stringify(res.body)}`);
	return Array.isArray(res.body) ? (res.body as Row[]) : (res.body as { Result: Row[] }).Result;
}

/** Pages through a list sorted on `sort` and returns the key of every row seen (repeats included). */
async function pageAll(sim: SbSim, token: string, resource: string, sort: string, key: (row: Row) => string, take: number, version = '1') {
	const seen: string[] = [];
	for (let skip = 0; ; skip += take) {
		const page = await list(sim, token, `${resource}?skip=${skip}&take=${take}&sortField=${encodeURIComponent(sort)}`, version);
		seen.push(...page.map(key));
		if (page.length < take) return seen;
	}
}

const balanceKey = (row: Row) => `${String(row.AdministrationId)}/${String(row.RelationId)}`;

describe('AFAS SB simulator: filter operators and dates', () => {
	let sim: SbSim;
	let token: string;
	beforeAll(async () => {
		sim = await startSbSim();
		token = await appAccessToken(sim);
	});
	afterAll(async () => {
		await sim.close();
	});

	const filtered = (resource: string, filter: string, version = '1') =>
		list(sim, token, `${resource}?take=1000&filter=${encodeURIComponent(filter)}`, version);

	it('compares numbers with ne, gt, ge, lt and le', async () => {
		const all = await list(sim, token, 'debtorbalance?take=1000', '2');
		const amounts = all.map((r) => r.OutstandingAmount as number);
		const pivot = [...amounts].sort((a, b) => a - b)[10];
		expect((await filtered('debtorbalance', `OutstandingAmount gt ${pivot}`, '2')).length).toBe(amounts.filter((a) => a > pivot).length);
		expect((await filtered('debtorbalance', `OutstandingAmount ge ${pivot}`, '2')).length).toBe(amounts.filter((a) => a >= pivot).length);
		expect((await filtered('debtorbalance', `OutstandingAmount lt ${pivot}`, '2')).length).toBe(amounts.filter((a) => a < pivot).length);
		expect((await filtered('debtorbalance', `OutstandingAmount le ${pivot}`, '2')).length).toBe(amounts.filter((a) => a <= pivot).length);
		expect((await filtered('debtorbalance', `AdministrationId ne ${HOLDING}`, '2')).every((r) => r.AdministrationId !== HOLDING)).toBe(true);
	});

	it('binds and tighter than or, and groups with parentheses', async () => {
		const nl = `CodeISOAlpha2 eq 'NL'`;
		const be = `CodeISOAlpha2 eq 'BE'`;
		const never = `Description eq 'nergens'`;
		// nl or (be and never) -> only NL; (nl or be) and never -> nothing.
		expect((await filtered('countries', `${nl} or ${be} and ${never}`)).map((r) => r.CodeISOAlpha2)).toEqual(['NL']);
		expect(await filtered('countries', `(${nl} or ${be}) and ${never}`)).toEqual([]);
		expect((await filtered('countries', `Description eq 'NEDERLAND'`)).map((r) => r.CodeISOAlpha2)).toEqual(['NL']);
		expect((await filtered('countries', `CodeISOAlpha2 lt 'BE' and CodeISOAlpha2 ne 'AT'`)).length).toBe(0);
	});

	it("reads '' as one quote, and null as a value that only eq/ne match", async () => {
		expect(await filtered('countries', `Description eq 'O''Brien'`)).toEqual([]);
		const noCoc = await list(sim, token, `organisations?take=1000&filter=${encodeURIComponent('CocNumber eq null')}`, '2');
		const withCoc = await list(sim, token, `organisations?take=1000&filter=${encodeURIComponent('CocNumber ne null')}`, '2');
		expect(noCoc.length).toBeGreaterThan(0);
		expect(noCoc.length + withCoc.length).toBe(260);
		expect(noCoc.every((r) => r.CocNumber === null)).toBe(true);
	});

	it('compares unquoted and quoted dates and datetimes as dates on DateTime fields', async () => {
		const periods = await list(sim, token, `accountingperiod?take=1000&filter=${encodeURIComponent(`AdministrationId eq ${HOLDING}`)}`, '2');
		expect(periods).toHaveLength(12);
		const q = (f: string) => list(sim, token, `accountingperiod?take=1000&filter=${encodeURIComponent(`AdministrationId eq ${HOLDING} and ${f}`)}`, '2');
		const months = (rows: Row[]) => rows.map((r) => r.PeriodNumber).sort((a, b) => Number(a) - Number(b));
		expect(months(await q('StartDate ge 2024-10-01'))).toEqual([10, 11, 12]);
		expect(months(await q('StartDate lt 2024-03-01T00:00:00Z'))).toEqual([1, 2]);
		expect(months(await q('StartDate eq 2024-05-01T00:00:00'))).toEqual([5]);
		expect(months(await q(`StartDate eq '2024-05-01'`))).toEqual([5]);
		expect(months(await q(`EndDate le '2024-02-29T00:00:00Z' and EndDate gt 2024-01-31`))).toEqual([2]);
	});

	it('answers "Ongeldig gebruikersfilter." for bad syntax, type mismatches and unknown fields', async () => {
		for (const filter of ['StartDate gt', 'StartDate gt 2024-13-45x', `Description gt 2024-01-01`, `PeriodNumber eq 'x' or`, 'Nope lt 3', 'StartDate between 1']) {
			const res = await sbGet(sim, token, `accountingperiod?filter=${encodeURIComponent(filter)}`, '2');
			expect([filter, res.status]).toEqual([filter, 400]);
			expect(res.body).toMatchObject({ Message: 'Ongeldig gebruikersfilter.', AdditionalInfo: { ExceptionType: 'AntaUserException' } });
		}
	});
});

describe('AFAS SB simulator: order of rows that tie on the sort field', () => {
	let sim: SbSim | undefined;
	afterEach(async () => {
		await sim?.close();
		sim = undefined;
	});

	it('drift (default): paging on a repeating field loses and repeats rows; one request or a unique sort does not', async () => {
		sim = await startSbSim();
		const token = await appAccessToken(sim);
		const whole = (await list(sim, token, 'debtorbalance?take=1000&sortField=AdministrationId', '2')).map(balanceKey);
		expect(whole.length).toBeGreaterThanOrEqual(25);
		expect(new Set(whole).size).toBe(whole.length);
		const paged = await pageAll(sim, token, 'debtorbalance', 'AdministrationId', balanceKey, 7, '2');
		expect(paged).toHaveLength(whole.length);
		expect(new Set(paged).size).toBeLessThan(whole.length); // some rows twice, so others never
		// Every list without a unique field has many rows sharing one AdministrationId.
		for (const [resource, version] of [['creditorbalance', '1'], ['salesrelations', '1'], ['ledgerperiodtotals', '1'], ['debtorbalance', '2']]) {
			const rows = await list(sim, token, `${resource}?take=1000`, version);
			expect(rows.filter((r) => r.AdministrationId === HOLDING).length).toBeGreaterThanOrEqual(10);
		}
		const byId = await pageAll(sim, token, 'organisations', 'Id', (row) => String(row.Id), 70, '2');
		expect(new Set(byId).size).toBe(260);
		expect(byId).toHaveLength(260);
	});

	it('stable: ties keep table order, so the same paging is exact', async () => {
		sim = await startSbSim({ sbTieOrder: 'stable' });
		const token = await appAccessToken(sim);
		const paged = await pageAll(sim, token, 'debtorbalance', 'AdministrationId', balanceKey, 7, '2');
		expect(new Set(paged).size).toBe(paged.length);
		expect(paged).toEqual((await list(sim, token, 'debtorbalance?take=1000&sortField=AdministrationId', '2')).map(balanceKey));
	});
});
