import { SB_CATALOGUE, SB_CATALOGUE_SPEC_VERSION } from '../../../../nodes/Afas/wire/sb/catalogue';
import type { SbField, SbOperation } from '../../../../nodes/Afas/wire/sb/catalogueTypes';
import { checkAgainstChangedSpec, checkCommitted, sharedSpecAvailable } from './catalogueCheck';

function op(method: string, path: string): SbOperation {
	const found = SB_CATALOGUE.find((entry) => entry.method === method && entry.path === path);
	if (!found) throw new Error(`${method} ${path} not in the catalogue`);
	return found;
}

function field(fields: readonly SbField[] | undefined, name: string): SbField {
	const found = (fields ?? []).find((f) => f.name === name);
	if (!found) throw new Error(`field ${name} missing`);
	return found;
}

function requiredNames(fields: readonly SbField[] | undefined): string[] {
	return (fields ?? []).filter((f) => f.required).map((f) => f.name);
}

const lists = SB_CATALOGUE.filter((entry) => entry.kind === 'getMany');
const segment = (entry: SbOperation) => entry.path.replace('/api/', '');

describe('SB catalogue (generated from sb-6.0.0.json)', () => {
	test('holds all 67 operations of spec 6.0.0: 39 GET, 20 POST, 4 PUT, 4 DELETE', () => {
		expect(SB_CATALOGUE_SPEC_VERSION).toBe('6.0.0');
		const byMethod: Record<string, number> = {};
		for (const entry of SB_CATALOGUE) byMethod[entry.method] = (byMethod[entry.method] ?? 0) + 1;
		expect(byMethod).toEqual({ GET: 39, POST: 20, PUT: 4, DELETE: 4 });
		expect(SB_CATALOGUE).toHaveLength(67);
	});

	test('kinds: 38 lists, 17 creates, 3 updates, 4 deletes, the blob pair and the 3 token endpoints', () => {
		const byKind: Record<string, number> = {};
		for (const entry of SB_CATALOGUE) byKind[entry.kind] = (byKind[entry.kind] ?? 0) + 1;
		expect(byKind).toEqual({ getMany: 38, create: 17, update: 3, delete: 4, blob: 2, auth: 3 });
		expect(SB_CATALOGUE.filter((e) => e.kind === 'auth').map((e) => e.path)).toEqual([
			'/app/token',
			'/authentication/getaccesstoken',
			'/authentication/getscopes',
		]);
	});

	test('every data operation has an Accept-Version, a group and a unique resource/operation pair', () => {
		const pairs = new Set<string>();
		for (const entry of SB_CATALOGUE) {
			pairs.add(`${entry.resource}.${entry.operation}`);
			if (entry.kind === 'auth') {
				expect(entry.acceptVersion).toBeUndefined();
				expect(entry.group).toBe('Authentication');
				continue;
			}
			expect(entry.acceptVersion).toMatch(/^\d+(\.\d+)?$/);
			expect([
				'Relations',
				'Sales',
				'Purchase',
				'Finance',
				'Reference data',
				'Attachments',
			]).toContain(entry.group);
			expect(entry.summary).not.toMatch(/\n/);
		}
		expect(pairs.size).toBe(SB_CATALOGUE.length);
	});

	test('Accept-Version comes from the operationId; the purchase journal entry conflict is kept visible', () => {
		expect(op('GET', '/api/organisations').acceptVersion).toBe('2.0');
		expect(op('GET', '/api/products').acceptVersion).toBe('3.0');
		expect(op('GET', '/api/journalentries').acceptVersion).toBe('1.1');
		expect(op('POST', '/api/cashmutation').acceptVersion).toBe('3.0');
		expect(op('PUT', '/api/blob/{uuid}').acceptVersion).toBe('1');
		const purchase = op('POST', '/api/purchasejournalentry');
		expect(purchase.acceptVersion).toBe('1.1');
		expect(purchase.specVersionExample).toBe('1');
		expect(SB_CATALOGUE.filter((e) => e.specVersionExample !== undefined)).toHaveLength(1);
	});

	test('every list has a sort decision: a row field unique per record, or none with a reason', () => {
		for (const list of lists) {
			const info = list.list;
			expect(info).toBeDefined();
			expect(info!.sortReason.length).toBeGreaterThan(10);
			if (info!.uniqueSort === undefined) {
				expect(info!.sortBasis).toBe('none');
			} else {
				expect(info!.rowFields.map((f) => f.name)).toContain(info!.uniqueSort);
			}
			if (info!.scopedUnique) {
				const names = info!.rowFields.map((f) => f.name);
				expect(names).toContain(info!.scopedUnique.scope);
				expect(names).toContain(info!.scopedUnique.field);
			}
		}
	});

	test('lists without Id sort on a per-record field where the schema has one, else say none exists', () => {
		const decisions = Object.fromEntries(
			lists
				.filter((l) => l.list!.sortBasis !== 'Id')
				.map((l) => [segment(l), l.list!.uniqueSort ?? null]),
		);
		expect(decisions).toEqual({
			cashregisters: 'InstanceId',
			creditorbalance: null,
			creditorinvoicebalance: 'InvoiceId',
			debtorbalance: null,
			debtorinvoicebalance: 'InvoiceId',
			debtorpaymentterms: null,
			featuretoggles: 'AdministrationId',
			invoicevatpercentage: null,
			invoicevatrate: null,
			journalentries: 'LineId',
			ledgerperiodtotals: null,
			linestobeinvoiced: 'InstanceId',
			projects: 'InstanceId',
			salesinvoices: 'InstanceId',
			salesrelations: null,
		});
		expect(op('GET', '/api/debtorbalance').list!.scopedUnique).toEqual({
			scope: 'AdministrationId',
			field: 'RelationId',
		});
		// AFAS's examples show an InstanceId the schema does not declare: recorded, not relied on.
		expect(op('GET', '/api/ledgerperiodtotals').list!.exampleOnlyFields).toEqual(['InstanceId']);
	});

	test('change-tracked lists answer {TrackingToken, Result} and take a TrackingToken parameter', () => {
		const tracked = lists.filter((l) => l.list!.tracked).map(segment);
		expect(tracked).toEqual([
			'contacts',
			'linestobeinvoiced',
			'organisations',
			'persons',
			'products',
			'projects',
			'salesinvoices',
			'salespricesperrelation',
			'unknownrelation',
		]);
		for (const list of lists) {
			const hasToken = list.parameters.some((p) => p.name === 'TrackingToken' && p.in === 'query');
			expect(hasToken).toBe(list.list!.tracked);
			expect(list.list!.shape).toBe(list.list!.tracked ? 'tracked' : 'array');
			expect(list.parameters.map((p) => p.name)).toEqual(
				expect.arrayContaining(['skip', 'take', 'sortField', 'filter']),
			);
		}
	});

	test('organisations: row fields as in the spec', () => {
		const organisations = op('GET', '/api/organisations');
		expect(organisations.resource).toBe('organisation');
		expect(organisations.group).toBe('Relations');
		expect(organisations.list!.rowFields.map((f) => f.name)).toEqual([
			'Id',
			'Name',
			'CocNumber',
			'VatNumber',
			'PhoneNumber',
			'EmailAddress',
			'SbiCode',
			'RelationId',
			'ExternalId',
			'IsArchived',
		]);
		expect(field(organisations.list!.rowFields, 'Id')).toEqual({
			name: 'Id',
			type: 'string',
			format: 'uuid',
		});
		expect(field(organisations.list!.rowFields, 'IsArchived')).toMatchObject({ type: 'boolean' });
	});

	test('create organisation: required fields, patterns and nested arrays with their own required fields', () => {
		const create = op('POST', '/api/organisation');
		expect(create.kind).toBe('create');
		expect(create.trackingIdentifier).toBe(true);
		expect(create.write!.bodySchema).toBe('updateconnector-organisation-3.0-create_request');
		expect(requiredNames(create.write!.bodyFields)).toEqual(['Name']);
		expect(field(create.write!.bodyFields, 'CocNumber').pattern).toBe('^[0-9]+$');
		expect(field(create.write!.bodyFields, 'Website').format).toBe('uri');
		const addresses = field(create.write!.bodyFields, 'Addresses');
		expect(addresses.type).toBe('array');
		expect(requiredNames(addresses.fields)).toEqual(['StreetName', 'CityName', 'CountryCode']);
		expect(field(addresses.fields, 'HouseNumber').type).toBe('integer');
		expect(requiredNames(field(create.write!.bodyFields, 'BankAccounts').fields)).toEqual([
			'AccountNumber',
			'AccountHolderName',
		]);
		expect(requiredNames(op('PUT', '/api/organisation').write!.bodyFields)).toEqual(['RelationId']);
	});

	test('sales journal entry: required header and line fields, enums including SB\'s "" and "null"', () => {
		const create = op('POST', '/api/salesjournalentry');
		expect(create.acceptVersion).toBe('2.0');
		expect(requiredNames(create.write!.bodyFields)).toEqual([
			'AdministrationId',
			'InvoiceDate',
			'InvoiceNumber',
			'RelationType',
			'RelationId',
			'InvoiceLine',
		]);
		expect(field(create.write!.bodyFields, 'RelationType').enum).toEqual([
			'organisation',
			'person',
			'unknown',
		]);
		expect(field(create.write!.bodyFields, 'InvoiceDate').format).toBe('date');
		const lines = field(create.write!.bodyFields, 'InvoiceLine');
		expect(requiredNames(lines.fields)).toEqual([
			'LedgerAccountId',
			'AmountExcludingVat',
			'VatType',
		]);
		expect(field(lines.fields, 'VatType').enum).toEqual(['high', 'low', 'zero', '', 'null']);
		expect(requiredNames(field(create.write!.bodyFields, 'Attachments').fields)).toEqual([
			'AttachmentId',
		]);
		expect(create.write!.successStyle).toBe('data');
		expect(create.write!.successKeys).toEqual(['SalesJournalEntryId']);
	});

	test('deletes carry {AdministrationId, Id} in the body, never an id in the path', () => {
		const deletes = SB_CATALOGUE.filter((e) => e.kind === 'delete');
		expect(deletes.map((e) => e.path)).toEqual([
			'/api/financialjournalentry',
			'/api/linestobeinvoiced',
			'/api/salesinvoice',
			'/api/salesjournalentry',
		]);
		for (const entry of [...deletes, ...SB_CATALOGUE.filter((e) => e.kind === 'update')]) {
			expect(entry.parameters.filter((p) => p.in === 'path')).toEqual([]);
		}
		for (const entry of deletes) {
			expect(requiredNames(entry.write!.bodyFields)).toEqual(['AdministrationId', 'Id']);
		}
		for (const entry of SB_CATALOGUE.filter((e) => e.write))
			expect(entry.trackingIdentifier).toBe(true);
	});

	test('attachments: upload announces the blob in headers, download needs the readkey', () => {
		const upload = op('PUT', '/api/blob/{uuid}');
		expect(upload).toMatchObject({ kind: 'blob', operation: 'upload', group: 'Attachments' });
		expect(upload.requestContentType).toBe('multipart/form-data');
		expect(
			upload.parameters.filter((p) => p.in === 'header' && p.required).map((p) => p.name),
		).toEqual([
			'Blob-Content-Length',
			'Blob-Content-Type',
			'Blob-Content-FileName',
			'Blob-Upload-Type',
		]);
		const download = op('GET', '/api/blob/{uuid}');
		expect(download.responseContentType).toBe('application/pdf');
		expect(download.parameters).toEqual([
			{ name: 'uuid', in: 'path', type: 'string', format: 'uuid', required: true },
			{ name: 'readkey', in: 'query', type: 'string', required: true, source: 'docs' },
		]);
	});

	test('legacy singular lists point at their plural twin', () => {
		const legacy = SB_CATALOGUE.filter((e) => e.legacyOf).map((e) => [segment(e), e.legacyOf]);
		expect(legacy).toEqual([
			['address', '/api/addresses'],
			['administration', '/api/administrations'],
			['bankaccount', '/api/bankaccounts'],
			['country', '/api/countries'],
			['ledgeraccount', '/api/ledgeraccounts'],
		]);
		for (const [, twin] of legacy) expect(op('GET', twin!).operation).toBe('getMany');
	});

	const withSpec = sharedSpecAvailable() ? test : test.skip;

	withSpec('the committed catalogue is what the generator makes from the spec (--check)', () => {
		const result = checkCommitted();
		expect(result.output).toContain('up to date');
		expect(result.status).toBe(0);
	});

	withSpec('--check fails when the spec changes', () => {
		const result = checkAgainstChangedSpec();
		expect(result.status).toBe(1);
		expect(result.output).toContain('out of date');
	});
});
