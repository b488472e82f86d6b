// Walks every non-auth entry of the generated SB catalogue against the simulator: the simulator's routes come from
// the same table as the node, so a missing route, a wrong Accept-Version or a wrong answer shape shows up here.
import { SB_CATALOGUE } from '../../nodes/Afas/wire/sb/catalogue';
import type { SbField, SbOperation } from '../../nodes/Afas/wire/sb/catalogueTypes';
import { appAccessToken, sbGet, sbWrite, startSbSim, type Json, type SbSim } from './sb/testHelpers';

const HOLDING = '701b747b-eea2-5ed1-8518-973e5c670252';
const ICT = 'c59efe34-cb0e-5cb7-a1c7-b1286a699911';
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

const entries = SB_CATALOGUE.filter((op) => op.kind !== 'auth' && op.kind !== 'blob');
const lists = entries.filter((op) => op.kind === 'getMany');
const writes = entries.filter((op) => op.kind === 'create' || op.kind === 'update' || op.kind === 'delete');
const resourceOf = (op: SbOperation) => op.path.replace(/^\/api\//, '');

type Row = Record<string, unknown>;

/** Another spelling of the same version (`1` <-> `1.0`) and a version the endpoint does not have. */
function otherSpelling(version: string): string {
	return version.endsWith('.0') ? version.slice(0, -2) : /^\d+$/.test(version) ? `${version}.0` : version;
}
const wrongVersion = (version: string) => String(Number(version.split('.')[0]) + 7);

describe('AFAS SB simulator: every catalogue entry is served', () => {
	let sim: SbSim;
	let token: string;
	const refs: Record<string, string> = {};
	const created: Record<string, { id: string; admin: string }> = {};

	beforeAll(async () => {
		sim = await startSbSim();
		token = await appAccessToken(sim);
		const first = async (path: string, version: string) => {
			const body = (await sbGet(sim, token, path, version)).body as Row[] | { Result: Row[] };
			return (Array.isArray(body) ? body : body.Result)[0];
		};
		refs.organisation = (await first('organisations?take=1', '2')).Id as string;
		refs.person = (await first('persons?take=1', '2')).Id as string;
		refs.ledger = (await first(`ledgeraccounts?filter=${encodeURIComponent(`AdministrationId eq ${HOLDING}`)}&take=1`, '1')).Id as string;
		refs.product = (await first(`products?filter=${encodeURIComponent(`AdministrationId eq ${HOLDING}`)}&take=1`, '3')).Id as string;
		refs.line = (await first('linestobeinvoiced?take=1', '1')).InstanceId as string;
	});
	afterAll(async () => {
		await sim.close();
	});

	it('covers the whole catalogue: 38 GET lists (plus the blob GET) and 24 writes', () => {
		expect(lists).toHaveLength(38);
		expect(writes).toHaveLength(24);
	});

	it.each(lists.map((op) => [`${op.method} ${op.path}`, op] as const))('%s answers in its shape with its Accept-Version', async (_name, op) => {
		const resource = resourceOf(op);
		const version = op.acceptVersion ?? '';
		const read = await sbGet(sim, token, `${resource}?take=1000`, version);
		expect(read.status).toBe(200);
		const rows = op.list?.shape === 'tracked' ? (read.body as { TrackingToken: string; Result: Row[] }).Result : (read.body as Row[]);
		if (op.list?.shape === 'tracked') expect((read.body as { TrackingToken: string }).TrackingToken).toMatch(/^\d{8}\d+$/);
		expect(Array.isArray(rows)).toBe(true);
		expect(rows.length).toBeGreaterThanOrEqual(2);
		if (op.list?.uniqueSort === undefined) expect(rows.length).toBeGreaterThanOrEqual(25);
		const fields = op.list?.rowFields ?? [];
		for (const row of rows) {
			expect(Object.keys(row).sort()).toEqual(fields.map((f) => f.name).sort());
			for (const f of fields) expect(valueFits(row[f.name], f)).toBe(true);
		}
		if (op.list?.uniqueSort) {
			const values = rows.map((row) => row[op.list!.uniqueSort!]);
			expect(new Set(values).size).toBe(rows.length);
		}
		expect((await sbGet(sim, token, `${resource}?take=1`, otherSpelling(version))).status).toBe(200);
		const wrong = await sbGet(sim, token, `${resource}?take=1`, wrongVersion(version));
		expect(wrong.status).toBe(400);
		expect(wrong.body).toMatchObject({ StatusCode: 400, AdditionalInfo: { ExceptionType: 'AntaUserException' } });
		if (op.legacyOf) {
			const twin = entries.find((o) => o.path === op.legacyOf && o.method === 'GET');
			const plural = await sbGet(sim, token, `${resourceOf(twin!)}?take=1000`, twin!.acceptVersion ?? '');
			// Same table; the older schema names a few columns differently (City/CityName, Bankrekening/AccountNumber).
			expect(rows.map((row) => row.Id)).toEqual((plural.body as Row[]).map((row) => row.Id));
		}
	});

	it.each(writes.map((op) => [`${op.method} ${op.path}`, op] as const))('%s accepts a body of its required fields', async (_name, op) => {
		const resource = resourceOf(op);
		const version = op.acceptVersion ?? '';
		const body = op.kind === 'delete' ? deleteBody(op) : (minimal(op.write?.bodyFields ?? [], op) as Json);
		const missing = await fetch(`${sim.sbUrl}/scope/api/${resource}`, {
			method: op.method,
			headers: { Authorization: `Bearer ${token}`, 'Content-Type': 'application/json' },
			body: JSON.stringify(body),
		});
		expect(missing.status).toBe(400);
		const res = await sbWrite(sim, token, op.method as 'POST' | 'PUT' | 'DELETE', resource, version, body);
		expect(res.status).toBe(200);
		expect(res.body).toMatchObject({ result: 'Succeeded', traceId: expect.any(String), errors: [] });
		const keys = op.write?.successKeys ?? [];
		let id: string;
		if (op.write?.successStyle === 'instances') {
			const instances = res.body.instances as Array<{ Code: string; Id: string }>;
			expect(instances.length).toBeGreaterThan(0);
			for (const instance of instances) {
				expect([...keys, 'Organisatie']).toContain(instance.Code);
				expect(instance.Id).toMatch(UUID);
			}
			id = instances[0].Id;
		} else {
			const data = res.body.data as Record<string, string>;
			expect(Object.keys(data)).toEqual(keys);
			id = data[keys[0]];
			expect(id).toMatch(UUID);
		}
		if (op.kind === 'create') created[op.resource] = { id, admin: String(body.AdministrationId ?? '') };
		if (op.kind === 'delete') {
			expect(id).toBe(created[op.resource].id);
			const again = await sbWrite(sim, token, 'DELETE', resource, version, body);
			expect(again).toMatchObject({ status: 200, body: { result: 'Failed', errors: [expect.stringContaining('cannot be deleted')] } });
		}
	});

	/** The record the resource's create made just before (the catalogue lists create before delete). */
	function deleteBody(op: SbOperation): Json {
		const made = created[op.resource];
		if (!made) throw new Error(`no create of ${op.resource} ran before its delete`);
		return { AdministrationId: made.admin, Id: made.id };
	}

	function minimal(fields: readonly SbField[], op: SbOperation): Row {
		const out: Row = {};
		for (const f of fields.filter((x) => x.required)) out[f.name] = valueFor(f, op);
		return out;
	}

	function valueFor(f: SbField, op: SbOperation): unknown {
		switch (f.name) {
			case 'AdministrationId':
				return op.resource === 'lineToBeInvoiced' ? ICT : HOLDING; // only ICT has the LinesToBeInvoiced toggle on
			case 'RelationId':
				return op.kind === 'update' && op.resource === 'person' ? refs.person : refs.organisation;
			case 'OrganisationId':
				return refs.organisation;
			case 'LedgerAccountId':
				return refs.ledger;
			case 'ItemId':
				return refs.product;
			case 'LineToBeInvoicedId':
				return refs.line;
			case 'CountryCode':
				return 'NL';
			case 'InvoiceNumber':
				return `WALK-${op.path}`;
			default:
				break;
		}
		if (f.enum) return f.enum[0];
		if (f.type === 'array') return [minimal(f.fields ?? [], op)];
		if (f.type === 'object') return minimal(f.fields ?? [], op);
		if (f.type === 'number' || f.type === 'integer') return 100;
		if (f.type === 'boolean') return false;
		if (f.format === 'uuid') return crypto.randomUUID();
		if (f.format === 'date') return '2024-02-01';
		if (f.format === 'email') return 'walk@example.nl';
		return 'Walk';
	}
});

/** A list value matches its declared type/format (null allowed: SB's examples are full of nulls). */
function valueFits(value: unknown, f: SbField): boolean {
	if (value === null) return true;
	const format = (f.format ?? '').toLowerCase();
	if (format === 'uuid') return typeof value === 'string' && UUID.test(value);
	if (format.startsWith('datetime')) return typeof value === 'string' && !Number.isNaN(Date.parse(value));
	if (format.startsWith('decimal') || f.type === 'number') return typeof value === 'number';
	if (format.startsWith('bool') || f.type === 'boolean') return typeof value === 'boolean';
	return true;
}
