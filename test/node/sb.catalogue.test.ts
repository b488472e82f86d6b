/**
 * Walks every endpoint of the generated SB catalogue through the node against the simulator: the node's pickers
 * reach it, the request has the catalogue's method, path and Accept-Version, and a body built from the spec's
 * required fields is accepted. A new catalogue brings its endpoints into this test by itself.
 */
import type { IDataObject, INodeParameters } from 'n8n-workflow';

import { GROUP_VALUES, GETTABLE_RESOURCES } from '../../nodes/Afas/actions/sb/selectors';
import { SB_CATALOGUE } from '../../nodes/Afas/wire/sb/catalogue';
import type { SbField, SbOperation } from '../../nodes/Afas/wire/sb/catalogueTypes';
import { useSimulator } from '../helpers/simulator';
import { jsonOf, runSb } from './setup';

const sim = useSimulator({ sbTieOrder: 'stable' });

type Row = Record<string, unknown>;
let serial = 0;
const rows = (table: string): Row[] =>
	(sim.sb as unknown as { rows(t: string): Row[] }).rows(table);

const entries = SB_CATALOGUE.filter((entry) => entry.group !== 'Authentication');
const lists = entries.filter((entry) => entry.kind === 'getMany');
const writes = entries.filter((entry) => ['create', 'update', 'delete'].includes(entry.kind));

function selector(entry: SbOperation, operation: string = entry.operation): IDataObject {
	return {
		resource: GROUP_VALUES[entry.group as keyof typeof GROUP_VALUES],
		sbResource: entry.resource,
		operation,
	};
}

function requestsTo(entry: SbOperation) {
	return sim.requests.filter(
		(request) =>
			request.method === entry.method &&
			request.path.toLowerCase() === `/scope${entry.path}`.toLowerCase(),
	);
}

// ICT Services: the administration with every feature toggle on (lines to be invoiced need one).
const ADMINISTRATION = () =>
	rows('administrations').find((row) => String(row.Id).startsWith('c59efe34'))?.Id as string;
const ORGANISATION = () => rows('organisations')[0].Id as string;

/** A value SB accepts for a field: references point at records the environment has. */
function valueFor(field: SbField, entry: SbOperation): unknown {
	switch (field.name) {
		case 'AdministrationId':
			return ADMINISTRATION();
		case 'RelationId':
		case 'OrganisationId':
			return ORGANISATION();
		case 'RelationType':
			return 'organisation';
		case 'LedgerAccountId':
			return rows('ledgeraccounts').find((row) => row.AdministrationId === ADMINISTRATION())?.Id;
		case 'CountryCode':
			return 'NL';
		case 'ItemId':
		case 'ProductId':
			return rows('products').find((row) => row.AdministrationId === ADMINISTRATION())?.Id;
	}
	if (field.enum) return field.enum.find((value) => value !== '' && value !== 'null');
	if (field.type === 'array') {
		if (!field.fields) return [];
		return [objectFor(field.fields, entry)];
	}
	if (field.type === 'object') return objectFor(field.fields ?? [], entry);
	if (field.type === 'integer') return 1;
	if (field.type === 'number') return 12.5;
	if (field.type === 'boolean') return true;
	if (field.format === 'uuid') return '5d7c2b1a-0e4f-4a3b-9c8d-7e6f5a4b3c2d';
	if (field.format === 'date') return '2026-11-30';
	if (field.format === 'email') return 'walk@example.com';
	if (/IBAN|AccountNumber/i.test(field.name)) return 'NL91ABNA0417164300';
	// Unique per call: SB refuses a second entry with the same invoice number.
	return `W${++serial} ${field.name}`.slice(0, field.maxLength ?? 100);
}

function objectFor(fields: readonly SbField[], entry: SbOperation): IDataObject {
	const body: IDataObject = {};
	for (const field of fields)
		if (field.required) body[field.name] = valueFor(field, entry) as IDataObject;
	return body;
}

/** A resource mapper value as n8n stores it ("Map Each Column Manually"). */
function mapped(value: IDataObject): INodeParameters {
	return { mappingMode: 'defineBelow', value } as unknown as INodeParameters;
}

describe('every SB 6.0.0 endpoint from the catalogue, through the node', () => {
	it('covers the 64 data endpoints: lists, writes and the blob', () => {
		expect(entries).toHaveLength(64);
		expect(lists.length + writes.length + 2).toBe(64);
	});

	describe.each(lists.map((entry) => [`${entry.method} ${entry.path}`, entry] as const))(
		'%s',
		(_name, entry) => {
			it(`is ${entry.operation} of ${entry.resource} with Accept-Version ${entry.acceptVersion}`, async () => {
				sim.clearRequests();
				const items = await runSb(sim, { ...selector(entry), limit: 3 });
				const [request] = requestsTo(entry);
				expect(request).toBeDefined();
				expect(request.headers['accept-version']).toBe(entry.acceptVersion);
				expect(request.status).toBe(200);
				expect(items.length).toBeGreaterThan(0);
				expect(items.length).toBeLessThanOrEqual(3);
				const declared = new Set(entry.list?.rowFields.map((field) => field.name));
				expect(Object.keys(items[0].json).some((key) => declared.has(key))).toBe(true);
			});
		},
	);

	describe.each(GETTABLE_RESOURCES.map((resource) => [resource] as const))('Get %s', (resource) => {
		it('reads one record by its unique field', async () => {
			const entry = lists.find(
				(list) => list.resource === resource && list.operation === 'getMany',
			);
			if (!entry?.list?.uniqueSort) throw new Error(`${resource} has no unique field`);
			const unique = entry.list.uniqueSort;
			const [first] = jsonOf(await runSb(sim, { ...selector(entry), limit: 1 }));
			const items = await runSb(sim, {
				...selector(entry, 'get'),
				recordId: String(first[unique]),
			});
			// Get Many adds the list's TrackingToken to each record; Get returns the record alone.
			const record = { ...first };
			delete record.TrackingToken;
			expect(jsonOf(items)).toEqual([record]);
		});
	});

	describe.each(writes.map((entry) => [`${entry.method} ${entry.path}`, entry] as const))(
		'%s',
		(_name, entry) => {
			it(`${entry.kind} sends the required fields with Accept-Version ${entry.acceptVersion} and a Tracking-Identifier`, async () => {
				const fields = entry.write?.bodyFields ?? [];
				const value = objectFor(fields, entry);
				if (entry.kind !== 'create') {
					// Update and delete need a record: create one through the node first.
					const create = writes.find(
						(other) => other.resource === entry.resource && other.kind === 'create',
					);
					if (!create) throw new Error(`${entry.resource} has no create`);
					const [created] = jsonOf(
						await runSb(sim, {
							...selector(create),
							fields: mapped(objectFor(create.write?.bodyFields ?? [], create)),
						}),
					);
					const idField = fields.find(
						(field) =>
							field.required && /Id$/.test(field.name) && field.name !== 'AdministrationId',
					);
					if (idField) value[idField.name] = created.id as string;
				}
				sim.clearRequests();
				const [item] = jsonOf(await runSb(sim, { ...selector(entry), fields: mapped(value) }));
				expect(item.result).toBe('Succeeded');
				expect(typeof item.id).toBe('string');
				const [request] = requestsTo(entry);
				expect(request.headers['accept-version']).toBe(entry.acceptVersion);
				expect(request.headers['tracking-identifier']).toBe(item.trackingIdentifier);
				expect(request.headers['tracking-identifier']).toMatch(/^[0-9a-f-]{36}$/);
				const sent = request.body as IDataObject;
				for (const field of fields.filter((candidate) => candidate.required))
					expect(sent).toHaveProperty([field.name]);
			});
		},
	);
});
