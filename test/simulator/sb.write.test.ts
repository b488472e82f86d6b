import { appAccessToken, startSbSim, sbGet, sbWrite, type Json, type SbSim } from './sb/testHelpers';

const HOLDING = '701b747b-eea2-5ed1-8518-973e5c670252';
const ICT = 'c59efe34-cb0e-5cb7-a1c7-b1286a699911';

interface Envelope {
	TrackingToken: string;
	Result: Array<Record<string, unknown>>;
}

describe('AFAS SB simulator: writes', () => {
	let sim: SbSim;
	let token: string;
	let organisationId: string;
	let revenueAccountId: string;
	beforeAll(async () => {
		sim = await startSbSim();
		token = await appAccessToken(sim);
		organisationId = ((await sbGet(sim, token, 'organisations?take=1', '2')).body as Envelope).Result[0].Id as string;
		const filter = encodeURIComponent(`LedgerAccountNumber eq '8000' and AdministrationId eq ${HOLDING}`);
		revenueAccountId = ((await sbGet(sim, token, `ledgeraccounts?filter=${filter}`, '1')).body as Json[])[0].Id as string;
	});
	afterAll(async () => {
		await sim.close();
	});

	const entry = (invoiceNumber: string, ledgerAccountId = revenueAccountId) => ({
		AdministrationId: HOLDING,
		InvoiceNumber: invoiceNumber,
		InvoiceDate: '2024-02-01',
		RelationType: 'organisation',
		RelationId: organisationId,
		InvoiceLine: [{ LedgerAccountId: ledgerAccountId, AmountExcludingVat: 100, AmountVat: 21, VatType: 'high' }],
	});

	it('creates an organisation and a person, and later reads see them; PUT changes them', async () => {
		const org = await sbWrite(sim, token, 'POST', 'organisation', '3', { Name: 'Simulatie Bouw B.V.', CocNumber: '12345678' });
		expect(org.status).toBe(200);
		expect(org.body).toEqual({ result: 'Succeeded', traceId: expect.any(String), data: { RelationId: expect.any(String) }, errors: [] });
		const id = (org.body.data as { RelationId: string }).RelationId;
		const read = async () => ((await sbGet(sim, token, `organisations?filter=${encodeURIComponent(`Id eq ${id}`)}`, '2')).body as Envelope).Result;
		expect(await read()).toEqual([expect.objectContaining({ Name: expect.stringMatching(/^Simulatie Bouw B\.V\. \(\d{6}\)$/), CocNumber: '12345678' })]);

		const put = await sbWrite(sim, token, 'PUT', 'organisation', '3.0', { RelationId: id, Name: 'Simulatie Bouw en Sloop B.V.' });
		expect(put.body).toMatchObject({ result: 'Succeeded', data: { RelationId: id } });
		expect((await read())[0].Name).toMatch(/^Simulatie Bouw en Sloop B\.V\./);

		// Property names are matched case-insensitively, as in AFAS's own examples ("Firstname", "Emailaddress").
		const person = await sbWrite(sim, token, 'POST', 'person', '3', { Firstname: 'Anna', LastName: 'Simulant', Emailaddress: 'anna@example.nl' });
		const personId = (person.body.data as { RelationId: string }).RelationId;
		const persons = ((await sbGet(sim, token, `persons?filter=${encodeURIComponent(`Id eq ${personId}`)}`, '2')).body as Envelope).Result;
		expect(persons).toEqual([expect.objectContaining({ Name: 'Anna Simulant', FirstName: 'Anna', Lastname: 'Simulant', EmailAddress: 'anna@example.nl' })]);
	});

	it('answers the documented DS3100 400 body for missing required properties and invalid GUIDs', async () => {
		const missing = await sbWrite(sim, token, 'POST', 'person', '3', { FirstName: 'Geen achternaam' });
		expect(missing.status).toBe(400);
		expect(missing.body).toEqual({
			StatusCode: 400,
			Message: "Invalid JSON request Required properties are missing from object: LastName. Path '', line 1, position 1.",
			ExceptionCode: 'DS3100',
			TraceId: expect.any(String),
			AdditionalInfo: { ExceptionType: 'DeserializationException', DefinitionName: 'person.UpdateConnectorHandler', PropertyNames: '' },
		});
		const badUuid = await sbWrite(sim, token, 'PUT', 'organisation', '3', '{\n  "RelationId": ""\n}');
		expect(badUuid.status).toBe(400);
		expect(badUuid.body.Message).toBe("Invalid JSON request String '' does not validate against format 'uuid'. Path 'RelationId', line 2, position 18.");
		const badLine = await sbWrite(sim, token, 'POST', 'salesjournalentry', '2', { ...entry('X-1'), InvoiceLine: [{ LedgerAccountId: revenueAccountId, AmountExcludingVat: 1 }] });
		expect(badLine.status).toBe(400);
		expect(badLine.body.Message).toMatch(/Required properties are missing from object: VatType\. Path 'InvoiceLine\[0\]'/);
	});

	it('books a sales journal entry, answers "Failed" with HTTP 200 for a duplicate invoice number, and deletes it', async () => {
		const ok = await sbWrite(sim, token, 'POST', 'salesjournalentry', '2', entry('SIM-0001'));
		expect(ok.status).toBe(200);
		expect(ok.body).toMatchObject({ result: 'Succeeded', data: { SalesJournalEntryId: expect.any(String) }, errors: [] });
		const dup = await sbWrite(sim, token, 'POST', 'salesjournalentry', '2', entry('SIM-0001'));
		expect(dup.status).toBe(200);
		expect(dup.body).toEqual({
			result: 'Failed',
			traceId: expect.any(String),
			instances: [],
			errors: ['SalesJournalEntry with invoicenumber SIM-0001 already exists'],
		});
		const id = (ok.body.data as { SalesJournalEntryId: string }).SalesJournalEntryId;
		const del = await sbWrite(sim, token, 'DELETE', 'salesjournalentry', '2.0', { AdministrationId: HOLDING, Id: id });
		expect(del.body).toMatchObject({ result: 'Succeeded', data: { SalesJournalEntryId: id } });
		const again = await sbWrite(sim, token, 'DELETE', 'salesjournalentry', '2.0', { AdministrationId: HOLDING, Id: id });
		expect(again).toMatchObject({ status: 200, body: { result: 'Failed' } });
		// After the delete the invoice number is free again.
		expect((await sbWrite(sim, token, 'POST', 'salesjournalentry', '2', entry('SIM-0001'))).body.result).toBe('Succeeded');
	});

	it('reports an unknown ledger account as "Failed" although the entry was created (spec example "error on line")', async () => {
		const unknownAccount = '00000000-0000-4000-8000-000000000001';
		const res = await sbWrite(sim, token, 'POST', 'salesjournalentry', '2', entry('SIM-0002', unknownAccount));
		expect(res.status).toBe(200);
		expect(res.body.result).toBe('Failed');
		expect(res.body.errors).toEqual([
			expect.stringMatching(/^Entity is made with one or more errors in the lines\. .* with id: [0-9a-f-]{36}\.$/),
			`Field 'Grootboekrekening' contains an invalid reference (${unknownAccount})`,
		]);
		const dup = await sbWrite(sim, token, 'POST', 'salesjournalentry', '2', entry('SIM-0002'));
		expect(dup.body.errors).toEqual(['SalesJournalEntry with invoicenumber SIM-0002 already exists']);
	});

	it('replays the first answer for a repeated Tracking-Identifier without writing twice', async () => {
		const trackingId = '8522fea1-a067-4851-9b8e-a7b7080ac3af';
		const headers = { 'Tracking-Identifier': trackingId };
		const first = await sbWrite(sim, token, 'POST', 'salesjournalentry', '2', entry('SIM-0003'), headers);
		const second = await sbWrite(sim, token, 'POST', 'salesjournalentry', '2', entry('SIM-0003'), headers);
		expect(first.body.result).toBe('Succeeded');
		expect(second).toEqual(first);
		// Without the identifier the same body is processed again and hits the duplicate check.
		const third = await sbWrite(sim, token, 'POST', 'salesjournalentry', '2', entry('SIM-0003'));
		expect(third.body.result).toBe('Failed');

		const orgHeaders = { 'Tracking-Identifier': '1c7e0d2a-3b4f-4e5a-9c8d-7e6f5a4b3c2d' };
		const before = ((await sbGet(sim, token, 'organisations?take=1', '2')).body as Envelope).TrackingToken;
		const a = await sbWrite(sim, token, 'POST', 'organisation', '3', { Name: 'Eenmalig B.V.' }, orgHeaders);
		const b = await sbWrite(sim, token, 'POST', 'organisation', '3', { Name: 'Eenmalig B.V.' }, orgHeaders);
		expect(b.body).toEqual(a.body);
		const changed = ((await sbGet(sim, token, `organisations?TrackingToken=${before}`, '2')).body as Envelope).Result;
		expect(changed.filter((o) => String(o.Name).startsWith('Eenmalig B.V.'))).toHaveLength(1);
	});

	it('handles linestobeinvoiced POST/PUT/DELETE and answers "FeatureToggle not enabled" where the toggle is off', async () => {
		const product = ((await sbGet(sim, token, `products?filter=${encodeURIComponent(`AdministrationId eq ${ICT} and ProductType eq 'services'`)}`, '3')).body as Envelope).Result[0];
		const line = { AdministrationId: ICT, Date: '2024-12-04', Description: 'Consultancy december', RelationType: 'organisation', RelationId: organisationId, ItemId: product.Id, Quantity: 8 };
		const created = await sbWrite(sim, token, 'POST', 'linestobeinvoiced', '1', line);
		expect(created.body).toMatchObject({ result: 'Succeeded', data: { LinesToBeInvoiced: expect.any(String) } });
		const id = (created.body.data as { LinesToBeInvoiced: string }).LinesToBeInvoiced;
		const readLine = async () => ((await sbGet(sim, token, `linestobeinvoiced?filter=${encodeURIComponent(`InstanceId eq ${id}`)}`, '1')).body as Envelope).Result;
		expect(await readLine()).toEqual([expect.objectContaining({ Description: 'Consultancy december', Quantity: 8, ProductId: product.Id, RelationId: organisationId })]);

		const updated = await sbWrite(sim, token, 'PUT', 'linestobeinvoiced', '1', { ...line, LineToBeInvoicedId: id, Quantity: 10 });
		expect(updated.body.result).toBe('Succeeded');
		expect((await readLine())[0].Quantity).toBe(10);

		const removed = await sbWrite(sim, token, 'DELETE', 'linestobeinvoiced', '1', { AdministrationId: ICT, Id: id });
		expect(removed.body.result).toBe('Succeeded');
		expect(await readLine()).toEqual([]);

		const off = await sbWrite(sim, token, 'POST', 'linestobeinvoiced', '1', { ...line, AdministrationId: HOLDING, ItemId: undefined });
		expect(off).toEqual({ status: 200, body: { result: 'Failed', traceId: expect.any(String), instances: [], errors: ['FeatureToggle not enabled'] } });
	});

	it('uploads a blob in two steps (reserve with Blob-* headers, then multipart) and reads it back', async () => {
		const id = crypto.randomUUID();
		const content = new TextEncoder().encode('%PDF-1.4 simulated invoice');
		const url = `${sim.sbUrl}/scope/api/blob/${id}`;
		const auth = { Authorization: `Bearer ${token}`, 'Accept-Version': '1' };
		const reserve = await fetch(url, {
			method: 'PUT',
			headers: { ...auth, 'Blob-Content-FileName': 'invoice.pdf', 'Blob-Content-Length': String(content.length), 'Blob-Content-Type': 'application/pdf' },
		});
		expect(reserve.status).toBe(200);
		expect(await reserve.json()).toEqual({ BlobAccepted: true, ChunkSize: 5242880 });
		const form = new FormData();
		form.append('file', new Blob([content], { type: 'application/pdf' }), 'invoice.pdf');
		const upload = await fetch(url, { method: 'PUT', headers: { ...auth, 'Blob-Upload-Type': 'blob' }, body: form });
		expect(upload.status).toBe(200);
		expect(await upload.text()).toBe('');
		const read = await fetch(url, { headers: auth });
		expect(read.status).toBe(200);
		expect(read.headers.get('content-type')).toBe('application/pdf');
		expect(await read.text()).toBe('%PDF-1.4 simulated invoice');
	});
});
