import { appAccessToken, startSbSim, sbGet, sbWrite, type SbSim } from './sb/testHelpers';

interface Row {
	Id: string;
	Name: string;
	[key: string]: unknown;
}
interface Envelope {
	TrackingToken: string;
	Result: Row[];
}

describe('AFAS SB simulator: reading api/{resource}', () => {
	let sim: SbSim;
	let token: string;
	beforeAll(async () => {
		sim = await startSbSim();
		token = await appAccessToken(sim);
	});
	afterAll(async () => {
		await sim.close();
	});

	it('requires Accept-Version, treats N and N.0 alike and rejects other versions', async () => {
		const missing = await fetch(`${sim.sbUrl}/scope/api/organisations`, { headers: { Authorization: `Bearer ${token}` } });
		expect(missing.status).toBe(400);
		expect(await missing.json()).toMatchObject({ StatusCode: 400, AdditionalInfo: { ExceptionType: 'AntaUserException' } });
		expect((await sbGet(sim, token, 'organisations?take=1', '2')).status).toBe(200);
		expect((await sbGet(sim, token, 'organisations?take=1', '2.0')).status).toBe(200);
		expect((await sbGet(sim, token, 'organisations?take=1', '1')).status).toBe(400);
		expect((await sbGet(sim, token, 'products?take=1', '3.0')).status).toBe(200);
		expect((await sbGet(sim, token, 'ledgeraccounts?take=1', '1.0')).status).toBe(200);
	});

	it('answers bare arrays for untracked endpoints and the TrackingToken envelope for tracked ones', async () => {
		const admins = await sbGet(sim, token, 'administrations', '1');
		expect(admins.body).toEqual([
			{ Id: '701b747b-eea2-5ed1-8518-973e5c670252', Description: 'EnYoi Holding B.V.', InstanceId: '701b747b-eea2-5ed1-8518-973e5c670252' },
			{ Id: 'c59efe34-cb0e-5cb7-a1c7-b1286a699911', Description: 'EnYoi ICT Services B.V.', InstanceId: 'c59efe34-cb0e-5cb7-a1c7-b1286a699911' },
		]);
		const orgs = (await sbGet(sim, token, 'organisations?take=2', '2.0')).body as Envelope;
		expect(orgs.TrackingToken).toMatch(/^\d{8}\d+$/);
		expect(orgs.Result).toHaveLength(2);
		expect(Object.keys(orgs.Result[0]).sort()).toEqual(
			['CocNumber', 'EmailAddress', 'ExternalId', 'Id', 'IsArchived', 'Name', 'PhoneNumber', 'RelationId', 'SbiCode', 'VatNumber'],
		);
	});

	it('matches resource names case-insensitively and knows the singular aliases', async () => {
		expect((await sbGet(sim, token, 'Ledgeraccount?take=1', '1')).status).toBe(200);
		expect((await sbGet(sim, token, 'COUNTRIES?take=1', '1')).status).toBe(200);
	});

	it('filters with eq / and / or, quoted strings and unquoted GUIDs', async () => {
		const holding = '701b747b-eea2-5ed1-8518-973e5c670252';
		const revenue = 'aae9334f-0fa8-43cb-ad52-cff973b4c863';
		const filter = encodeURIComponent(`TypeId eq ${revenue} and AdministrationId eq ${holding}`);
		const accounts = (await sbGet(sim, token, `ledgeraccounts?filter=${filter}&take=100`, '1')).body as Row[];
		expect(accounts.map((a) => a.LedgerAccountNumber).sort()).toEqual(['8000', '8010', '8020', '8030']);
		const either = encodeURIComponent(`CodeISOAlpha2 eq 'NL' or codeisoalpha2 eq 'be'`);
		const countries = (await sbGet(sim, token, `countries?filter=${either}`, '1')).body as Row[];
		expect(countries.map((c) => c.Description).sort()).toEqual(['België', 'Nederland']);
		const mixed = encodeURIComponent(`(CodeISOAlpha2 eq 'NL' or CodeISOAlpha2 eq 'DE') and Description eq 'Duitsland'`);
		expect(((await sbGet(sim, token, `countries?filter=${mixed}`, '1')).body as Row[]).map((c) => c.CodeISOAlpha2)).toEqual(['DE']);
	});

	it('answers the documented 400 "Ongeldig gebruikersfilter." for an unsupported operator, a type mismatch or an unknown field', async () => {
		for (const filter of [`contains(Name,'x')`, `Name has 'x'`, `Name eq 1`, `Name gt 2024-01-01`, `Nope eq 1`, `Name eq 'unterminated`, `Name eq 'a' and`, `(Name eq 'a'`]) {
			const res = await sbGet(sim, token, `organisations?filter=${encodeURIComponent(filter)}`, '2');
			expect(res.status).toBe(400);
			expect(res.body).toMatchObject({ StatusCode: 400, Message: 'Ongeldig gebruikersfilter.', AdditionalInfo: { ExceptionType: 'AntaUserException' } });
		}
	});

	it('sorts with sortField, sort and Sort, ascending or descending', async () => {
		const desc = (await sbGet(sim, token, `countries?sortField=${encodeURIComponent('CodeISOAlpha2 descending')}&take=3`, '1')).body as Row[];
		expect(desc.map((c) => c.CodeISOAlpha2)).toEqual(['US', 'TJ', 'SE']);
		const plus = (await sbGet(sim, token, 'countries?sort=CodeISOAlpha2+Ascending&take=2', '1')).body as Row[];
		expect(plus.map((c) => c.CodeISOAlpha2)).toEqual(['AT', 'BE']);
		const capital = (await sbGet(sim, token, 'countries?Sort=CodeISOAlpha2&take=1', '1')).body as Row[];
		expect(capital[0].CodeISOAlpha2).toBe('AT');
	});

	it('pages with skip/take: 100 rows by default, every person exactly once, a short last page', async () => {
		const firstDefault = (await sbGet(sim, token, 'persons', '2')).body as Envelope;
		expect(firstDefault.Result).toHaveLength(100);
		const seen = new Set<string>();
		const take = 75;
		let pages = 0;
		for (let skip = 0; ; skip += take) {
			const page = (await sbGet(sim, token, `persons?skip=${skip}&take=${take}&sortField=Id`, '2')).body as Envelope;
			pages++;
			for (const p of page.Result) seen.add(p.Id);
			if (page.Result.length < take) break;
		}
		expect(pages).toBe(4);
		expect(seen.size).toBe(260);
	});

	it('returns only rows changed after a TrackingToken', async () => {
		const first = (await sbGet(sim, token, 'organisations?take=1', '2')).body as Envelope;
		const unchanged = (await sbGet(sim, token, `organisations?TrackingToken=${first.TrackingToken}`, '2')).body as Envelope;
		expect(unchanged.Result).toEqual([]);
		const created = await sbWrite(sim, token, 'POST', 'organisation', '3', { Name: 'Tracking Test B.V.' });
		const relationId = (created.body.data as { RelationId: string }).RelationId;
		const changed = (await sbGet(sim, token, `organisations?TrackingToken=${first.TrackingToken}`, '2')).body as Envelope;
		expect(changed.Result.map((r) => r.Id)).toEqual([relationId]);
		expect(changed.TrackingToken).not.toBe(first.TrackingToken);
		const after = (await sbGet(sim, token, `organisations?TrackingToken=${changed.TrackingToken}`, '2')).body as Envelope;
		expect(after.Result).toEqual([]);
	});

	it('serves the seeded product image through api/blob/{id}?readkey=', async () => {
		const products = (await sbGet(sim, token, 'products?take=100', '3')).body as { Result: Array<{ Blob: { Id: string; ReadKey: string; ContentType: string } | null }> };
		const blob = products.Result.find((p) => p.Blob)?.Blob;
		expect(blob).toBeDefined();
		const res = await fetch(`${sim.sbUrl}/scope/api/blob/${blob?.Id}?readkey=${encodeURIComponent(blob?.ReadKey ?? '')}`, {
			headers: { Authorization: `Bearer ${token}`, 'Accept-Version': '1' },
		});
		expect(res.status).toBe(200);
		expect(res.headers.get('content-type')).toBe('image/png');
		const bytes = new Uint8Array(await res.arrayBuffer());
		expect(Array.from(bytes.slice(1, 4))).toEqual([0x50, 0x4e, 0x47]); // "PNG"
	});
});
