/**
 * SB writes through the real node against the simulator: the result shapes (Succeeded, Failed at HTTP 200,
 * PartiallySucceeded at 400 and 200, DS3100), the resource mapper's two modes, nested lines, input checks before
 * any request, the Tracking-Identifier and the automatic retry that must not write twice.
 */
import type { IDataObject, INodeExecutionData, INodeParameters } from 'n8n-workflow';

import { runNode } from '../helpers/afas';
import { useSimulator } from '../helpers/simulator';
import type { LoggedRequest, Simulator } from './setup';
import { jsonOf, node, sbCredentials, startSimulator, thrownBy } from './setup';

const sim = useSimulator();

type Row = Record<string, unknown>;
const rows = (table: string, on: Simulator = sim): Row[] => on.sb.rows<Row>(table);

const GUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;
const ICT = 'c59efe34-cb0e-5cb7-a1c7-b1286a699911';

interface Run {
	parameters: INodeParameters;
	items?: INodeExecutionData[];
	continueOnFail?: boolean;
	on?: Simulator;
}

async function run({ parameters, items, continueOnFail, on = sim }: Run) {
	const { output } = await runNode(node, {
		parameters: { product: 'sb', ...parameters },
		credentials: sbCredentials(on),
		items,
		continueOnFail,
	});
	return output[0];
}

function writes(method: string, resource: string, on: Simulator = sim): LoggedRequest[] {
	return on.requests.filter(
		(request) =>
			request.method === method && request.path.toLowerCase() === `/scope/api/${resource}`,
	);
}

function defineBelow(value: IDataObject): INodeParameters {
	return { mappingMode: 'defineBelow', value } as unknown as INodeParameters;
}

const autoMap = { mappingMode: 'autoMapInputData', value: null } as unknown as INodeParameters;

const createOrganisation = {
	resource: 'relations',
	sbResource: 'organisation',
	operation: 'create',
};
const createSalesEntry = {
	resource: 'sales',
	sbResource: 'salesJournalEntry',
	operation: 'create',
};

let invoiceSerial = 0;
function invoiceNumber(): string {
	return `N8N-${Date.now()}-${++invoiceSerial}`;
}

function ledgerAccount(number: string): string {
	const row = rows('ledgeraccounts').find(
		(candidate) => candidate.AdministrationId === ICT && candidate.LedgerAccountNumber === number,
	);
	return String(row?.Id);
}

/** A sales journal entry SB takes: ICT Services, a seeded organisation, revenue lines. */
function salesEntry(lines: unknown, number = invoiceNumber()): IDataObject {
	return {
		AdministrationId: ICT,
		InvoiceDate: '2024-03-12',
		InvoiceNumber: number,
		RelationType: 'organisation',
		RelationId: String(rows('organisations')[0].Id),
		Description: 'n8n test',
		InvoiceLine: lines as IDataObject[],
	};
}

function lines() {
	return [
		{ LedgerAccountId: ledgerAccount('8010'), AmountExcludingVat: 100, VatType: 'high' },
		{ LedgerAccountId: ledgerAccount('8020'), AmountExcludingVat: 25.5, VatType: 'low' },
	];
}

describe('AFAS SB → Create', () => {
	it('creates an organisation from fields mapped below and outputs the created id', async () => {
		const items = await run({
			parameters: {
				...createOrganisation,
				fields: defineBelow({ Name: 'Mapped Below B.V.', CocNumber: '12345678' }),
			},
		});
		const [json] = jsonOf(items);
		const [request] = writes('POST', 'organisation');
		expect(json).toEqual({
			result: 'Succeeded',
			id: expect.stringMatching(GUID),
			RelationId: json.id,
			traceId: expect.any(String),
			trackingIdentifier: request.headers['tracking-identifier'],
		});
		expect(json.trackingIdentifier).toMatch(GUID);
		expect(request.headers['accept-version']).toBe('3.0');
		expect(request.body).toEqual({ Name: 'Mapped Below B.V.', CocNumber: '12345678' });
		const stored = rows('organisations').find((row) => row.Id === json.id);
		expect(stored).toMatchObject({ Name: expect.stringMatching(/^Mapped Below B\.V\. \(/) });
		expect(stored?.CocNumber).toBe('12345678');
		expect(items[0].pairedItem).toEqual({ item: 0 });
	});

	it("auto-maps each input item's fields, ignoring the keys the endpoint does not have", async () => {
		const before = rows('organisations').length;
		const items = await run({
			parameters: { ...createOrganisation, fields: autoMap },
			items: [
				{ json: { Name: 'Auto Een B.V.', cocnumber: '11112222', source: 'crm', id: 7 } },
				{ json: { name: 'Auto Twee B.V.', Unrelated: { nested: true } } },
			],
		});
		expect(items).toHaveLength(2);
		expect(items.map((item) => item.pairedItem)).toEqual([{ item: 0 }, { item: 1 }]);
		const posts = writes('POST', 'organisation');
		expect(posts.map((post) => post.body)).toEqual([
			{ Name: 'Auto Een B.V.', CocNumber: '11112222' },
			{ Name: 'Auto Twee B.V.' },
		]);
		// One identifier per item: the second is a different write, not a repeat of the first.
		expect(posts[0].headers['tracking-identifier']).not.toBe(
			posts[1].headers['tracking-identifier'],
		);
		expect(rows('organisations').length).toBe(before + 2);
		const created = jsonOf(items).map((json) => json.id);
		expect(created.map((id) => rows('organisations').find((row) => row.Id === id)?.Name)).toEqual([
			expect.stringMatching(/^Auto Een/),
			expect.stringMatching(/^Auto Twee/),
		]);
	});

	it('names a missing required field before any request', async () => {
		const error = await thrownBy(() =>
			run({ parameters: { ...createOrganisation, fields: defineBelow({ CocNumber: '1234' }) } }),
		);
		expect(error.name).toBe('NodeOperationError');
		expect(error.message).toContain('Name');
		expect(error.message).toMatch(/required/);
		expect(sim.requests).toEqual([]);
	});

	it('takes invoice lines as JSON text in the mapper', async () => {
		const entry = salesEntry(JSON.stringify(lines()));
		const [json] = jsonOf(
			await run({ parameters: { ...createSalesEntry, fields: defineBelow(entry) } }),
		);
		expect(json).toMatchObject({ result: 'Succeeded', SalesJournalEntryId: json.id });
		const [request] = writes('POST', 'salesjournalentry');
		expect((request.body as IDataObject).InvoiceLine).toEqual(lines());
		expect(rows('salesjournalentry').filter((row) => row.Id === json.id)).toHaveLength(1);
		const booked = rows('journalentries').filter((row) => row.HeaderId === json.id);
		expect(booked.map((row) => row.AmountCredit).sort()).toEqual([100, 25.5].sort());
	});

	it('takes invoice lines as an array from auto-mapped item data', async () => {
		const [json] = jsonOf(
			await run({
				parameters: { ...createSalesEntry, fields: autoMap },
				items: [{ json: { ...salesEntry(lines()), orderId: 'ORD-1' } }],
			}),
		);
		expect(json.result).toBe('Succeeded');
		expect(rows('journalentries').filter((row) => row.HeaderId === json.id)).toHaveLength(2);
	});

	it('names a missing field inside a line by its path before any request', async () => {
		const [first, second] = lines();
		const entry = salesEntry(JSON.stringify([first, { ...second, VatType: undefined }]));
		const error = await thrownBy(() =>
			run({ parameters: { ...createSalesEntry, fields: defineBelow(entry) } }),
		);
		expect(error.name).toBe('NodeOperationError');
		expect(error.message).toContain('InvoiceLine[1].VatType');
		expect(sim.requests).toEqual([]);
	});

	it('reports an entry SB created although it answered Failed (a line with a wrong ledger account)', async () => {
		const otherAdministration = rows('ledgeraccounts').find(
			(row) => row.AdministrationId !== ICT,
		) as Row;
		const number = invoiceNumber();
		const entry = salesEntry(
			[{ LedgerAccountId: otherAdministration.Id, AmountExcludingVat: 10, VatType: 'zero' }],
			number,
		);
		const error = await thrownBy(() =>
			run({ parameters: { ...createSalesEntry, fields: defineBelow(entry) } }),
		);
		const [stored] = rows('salesjournalentry').filter((row) => row.InvoiceNumber === number);
		expect(error.message).toContain(
			`AFAS SB created SalesJournalEntry ${String(stored.Id)} but with errors`,
		);
		expect(String(error.description)).toContain('The record WAS created');
	});

	it("makes SB's Failed at HTTP 200 an error of that item; Continue On Fail keeps the others", async () => {
		const duplicate = invoiceNumber();
		const items = await run({
			parameters: { ...createSalesEntry, fields: autoMap },
			continueOnFail: true,
			items: [
				{ json: salesEntry(lines(), duplicate) },
				{ json: salesEntry(lines(), duplicate) },
				{ json: salesEntry(lines()) },
			],
		});
		expect(items).toHaveLength(3);
		expect(items[0].json.result).toBe('Succeeded');
		expect(items[1].json).toMatchObject({
			error: `AFAS SB did not process the request: SalesJournalEntry with invoicenumber ${duplicate} already exists`,
			httpCode: '200',
		});
		expect(String(items[1].json.description)).toContain(
			String(writes('POST', 'salesjournalentry')[1].headers['tracking-identifier']),
		);
		expect(items[1].pairedItem).toEqual({ item: 1 });
		expect(items[2].json.result).toBe('Succeeded');
		expect(rows('salesjournalentry').filter((row) => row.InvoiceNumber === duplicate)).toHaveLength(
			1,
		);
	});

	it("stops on a Failed write without Continue On Fail, with SB's error text", async () => {
		const duplicate = invoiceNumber();
		await run({
			parameters: { ...createSalesEntry, fields: defineBelow(salesEntry(lines(), duplicate)) },
		});
		const error = await thrownBy(() =>
			run({
				parameters: { ...createSalesEntry, fields: defineBelow(salesEntry(lines(), duplicate)) },
			}),
		);
		expect(error.name).toBe('NodeApiError');
		expect(error.message).toContain(
			`SalesJournalEntry with invoicenumber ${duplicate} already exists`,
		);
		expect(error.httpCode).toBe('200');
	});
});

describe('AFAS SB → PartiallySucceeded', () => {
	const supplier = (name: string) => ({
		resource: 'purchase',
		sbResource: 'supplier',
		operation: 'create',
		fields: defineBelow({
			AdministrationId: ICT,
			BankAccountNumber: 'NL00BANK0123456789',
			Organisation: JSON.stringify({ Name: name }),
		}),
	});

	function expectListsCreated(error: IDataObject, on: Simulator) {
		const relation = rows('organisations', on).find((row) =>
			String(row.Name).startsWith('Half Gelukt'),
		) as Row;
		const stored = rows('supplier', on).find((row) => row.SupplierId === relation.Id) as Row;
		expect(error.message).toMatch(/^AFAS SB processed only part of the request: it created /);
		expect(error.message).toContain(`Organisatie ${String(relation.Id)}`);
		expect(error.message).toContain(`Leverancier ${String(stored.Id)}`);
		expect(error.message).toContain('ongeldig IBAN-nummer (NL00BANK0123456789)');
		expect(String(error.description)).toContain('Created (these exist now');
		expect(String(error.description)).toContain('- Bankrekening:');
	}

	it('reports what was created and what failed (HTTP 400, where the spec files it)', async () => {
		const error = await thrownBy(() => run({ parameters: supplier('Half Gelukt 400') }));
		expect(error.httpCode).toBe('400');
		expectListsCreated(error, sim);
		// Not retried: SB processed it.
		expect(writes('POST', 'supplier')).toHaveLength(1);
	});

	it('reports the same when SB answers it with HTTP 200', async () => {
		const other = await startSimulator({ port: 0, sbPartialStatus: 200 });
		try {
			const error = await thrownBy(() =>
				run({ parameters: supplier('Half Gelukt 200'), on: other }),
			);
			expect(error.httpCode).toBe('200');
			expectListsCreated(error, other);
			expect(writes('POST', 'supplier', other)).toHaveLength(1);
		} finally {
			await other.close();
		}
	});
});

describe('AFAS SB → request errors', () => {
	it('checks a field against the spec before sending (SB would answer DS3100)', async () => {
		const error = await thrownBy(() =>
			run({
				parameters: {
					...createOrganisation,
					fields: defineBelow({ Name: 'Patroon B.V.', CocNumber: 'KvK 1234' }),
				},
			}),
		);
		expect(error.name).toBe('NodeOperationError');
		expect(error.message).toContain('CocNumber');
		expect(error.message).toContain('^[0-9]+$');
		expect(sim.requests).toEqual([]);
	});

	it("shows SB's DS3100 message and the property path it names", async () => {
		// The node checks every rule the spec states, so SB's schema answer is injected as SB sends it.
		sim.addFault({
			type: 'answer',
			status: 400,
			contentType: 'application/json; charset=utf-8',
			body: JSON.stringify({
				StatusCode: 400,
				Message:
					"Invalid JSON request String 'abc' does not validate against format 'uuid'. Path 'InvoiceLine[0].LedgerAccountId', line 9, position 31.",
				ExceptionCode: 'DS3100',
				TraceId: '0f8fad5bd9cb469fa16570867728950e',
				AdditionalInfo: {
					ExceptionType: 'DeserializationException',
					DefinitionName: 'salesjournalentry.UpdateConnectorHandler',
				},
			}),
			match: { method: 'POST', path: /salesjournalentry$/ },
			times: 1,
		});
		const error = await thrownBy(() =>
			run({ parameters: { ...createSalesEntry, fields: defineBelow(salesEntry(lines())) } }),
		);
		expect(error.httpCode).toBe('400');
		expect(error.message).toBe(
			"Invalid JSON request String 'abc' does not validate against format 'uuid'. Path 'InvoiceLine[0].LedgerAccountId', line 9, position 31.",
		);
		expect(String(error.description)).toContain('Field: InvoiceLine[0].LedgerAccountId');
		expect(String(error.description)).toContain('DS3100');
		expect(writes('POST', 'salesjournalentry')).toHaveLength(1);
	});
});

describe('AFAS SB → Tracking-Identifier and retries', () => {
	it("sends the user's Tracking Identifier as it is", async () => {
		const identifier = crypto.randomUUID().toUpperCase();
		const [json] = jsonOf(
			await run({
				parameters: {
					...createOrganisation,
					fields: defineBelow({ Name: 'Eigen Id B.V.' }),
					options: { trackingIdentifier: ` ${identifier} ` },
				},
			}),
		);
		expect(writes('POST', 'organisation')[0].headers['tracking-identifier']).toBe(identifier);
		expect(json.trackingIdentifier).toBe(identifier);
	});

	it('refuses a Tracking Identifier that is not a UUID before any request', async () => {
		const error = await thrownBy(() =>
			run({
				parameters: {
					...createOrganisation,
					fields: defineBelow({ Name: 'Geen Uuid B.V.' }),
					options: { trackingIdentifier: 'order-123' },
				},
			}),
		);
		expect(error.name).toBe('NodeOperationError');
		expect(error.message).toContain('Tracking Identifier');
		expect(sim.requests).toEqual([]);
	});

	it.each([
		['a 503 after SB processed it', { type: 'unavailable', retryAfter: 0, afterHandling: true }],
		['a reset connection after SB processed it', { type: 'reset', afterHandling: true }],
	] as const)(
		'retries a create lost to %s with the same identifier: one record',
		async (_name, fault) => {
			sim.addFault({ ...fault, match: { method: 'POST', path: /salesjournalentry$/ }, times: 1 });
			const number = invoiceNumber();
			const [json] = jsonOf(
				await run({
					parameters: { ...createSalesEntry, fields: defineBelow(salesEntry(lines(), number)) },
				}),
			);
			expect(json.result).toBe('Succeeded');
			const posts = writes('POST', 'salesjournalentry');
			expect(posts).toHaveLength(2);
			expect(posts[1].headers['tracking-identifier']).toBe(posts[0].headers['tracking-identifier']);
			expect(json.trackingIdentifier).toBe(posts[0].headers['tracking-identifier']);
			const stored = rows('salesjournalentry').filter((row) => row.InvoiceNumber === number);
			expect(stored).toHaveLength(1);
			expect(stored[0].Id).toBe(json.id);
		},
	);
});

describe('AFAS SB → Update and Delete', () => {
	it('updates an organisation', async () => {
		const target = rows('organisations')[10];
		const [json] = jsonOf(
			await run({
				parameters: {
					resource: 'relations',
					sbResource: 'organisation',
					operation: 'update',
					fields: defineBelow({
						RelationId: String(target.Id),
						Name: 'Hernoemd B.V.',
						VatNumber: 'NL123B01',
					}),
				},
			}),
		);
		expect(json).toMatchObject({ result: 'Succeeded', id: target.Id });
		const [request] = writes('PUT', 'organisation');
		expect(request.headers['accept-version']).toBe('3.0');
		expect(target).toMatchObject({
			Name: `Hernoemd B.V. (${String(target.RelationId)})`,
			VatNumber: 'NL123B01',
		});
	});

	const deleteSalesEntry = {
		resource: 'sales',
		sbResource: 'salesJournalEntry',
		operation: 'delete',
	};

	it('deletes a sales journal entry', async () => {
		const [created] = jsonOf(
			await run({ parameters: { ...createSalesEntry, fields: defineBelow(salesEntry(lines())) } }),
		);
		const [json] = jsonOf(
			await run({
				parameters: {
					...deleteSalesEntry,
					fields: defineBelow({ AdministrationId: ICT, Id: created.id }),
				},
			}),
		);
		expect(json).toMatchObject({ result: 'Succeeded', id: created.id });
		const [request] = writes('DELETE', 'salesjournalentry');
		expect(request.body).toEqual({ AdministrationId: ICT, Id: created.id });
		expect(request.headers['tracking-identifier']).toMatch(GUID);
		expect(rows('salesjournalentry').some((row) => row.Id === created.id)).toBe(false);
		expect(rows('journalentries').some((row) => row.HeaderId === created.id)).toBe(false);
	});

	it("makes a delete of an unknown entry an error with SB's text", async () => {
		const unknown = crypto.randomUUID();
		const error = await thrownBy(() =>
			run({
				parameters: {
					...deleteSalesEntry,
					fields: defineBelow({ AdministrationId: ICT, Id: unknown }),
				},
			}),
		);
		expect(error.name).toBe('NodeApiError');
		expect(error.message).toBe(
			'AFAS SB did not process the request: SalesJournalEntry cannot be deleted because it does not exist or it is already deleted',
		);
		expect(error.httpCode).toBe('200');
	});
});
