import { startSimulator, type Simulator } from './index';
import { appAccessToken, sbGet, sbWrite, type SbSim } from './sb/testHelpers';

type Row = Record<string, unknown>;
const HOLDING = '701b747b-eea2-5ed1-8518-973e5c670252';
const UNKNOWN = '00000000-0000-4000-8000-00000000beef';
const VALID_IBAN = 'NL91ABNA0417164300';

describe('AFAS SB simulator: write rules from the catalogue', () => {
	let sim: Simulator;
	let sb: SbSim;
	let token: string;
	let organisationId: string;
	let ledgerId: string;
	beforeAll(async () => {
		sim = await startSimulator({ port: 0 });
		sb = sim as unknown as SbSim;
		token = await appAccessToken(sb);
		organisationId = String(sim.sb.rows('organisations')[0].Id);
		ledgerId = String(sim.sb.rows('ledgeraccounts').find((l) => l.AdministrationId === HOLDING && l.LedgerAccountNumber === '8000')?.Id);
	});
	afterAll(async () => {
		await sim.close();
	});

	const write = (method: 'POST' | 'PUT' | 'DELETE', resource: string, version: string, body: unknown, headers: Record<string, string> = {}) =>
		sbWrite(sb, token, method, resource, version, body, headers);
	const line = (extra: Row = {}) => ({ LedgerAccountId: ledgerId, AmountExcludingVat: 100, VatType: 'high', ...extra });
	const entry = (invoiceNumber: string, lines: Row[]) => ({
		AdministrationId: HOLDING, InvoiceNumber: invoiceNumber, InvoiceDate: '2024-02-01', RelationType: 'organisation', RelationId: organisationId, InvoiceLine: lines,
	});

	it('answers DS3100 with the path of a nested missing property, a bad nested GUID, a pattern or a type', async () => {
		const nested = await write('POST', 'salesjournalentry', '2', entry('DS-1', [line(), { LedgerAccountId: ledgerId, AmountExcludingVat: 5 }]));
		expect(nested.status).toBe(400);
		expect(nested.body).toEqual({
			StatusCode: 400,
			Message: expect.stringMatching(/^Invalid JSON request Required properties are missing from object: VatType\. Path 'InvoiceLine\[1\]', line 1, position \d+\.$/),
			ExceptionCode: 'DS3100',
			TraceId: expect.any(String),
			AdditionalInfo: { ExceptionType: 'DeserializationException', DefinitionName: 'salesjournalentry.UpdateConnectorHandler', PropertyNames: '' },
		});
		const address = await write('POST', 'organisation', '3', { Name: 'Adres B.V.', Addresses: [{ StreetName: 'Kade', CityName: 'Leusden' }] });
		expect(address.body.Message).toMatch(/Required properties are missing from object: CountryCode\. Path 'Addresses\[0\]'/);
		expect(address.body.AdditionalInfo).toMatchObject({ DefinitionName: 'organisation.UpdateConnectorHandler' });
		const guid = await write('POST', 'salesjournalentry', '2', entry('DS-2', [line({ LedgerAccountId: '' })]));
		expect(guid.body.Message).toMatch(/^Invalid JSON request String '' does not validate against format 'uuid'\. Path 'InvoiceLine\[0\]\.LedgerAccountId', line 1, position \d+\.$/);
		const coc = await write('POST', 'organisation', '3', { Name: 'Coc B.V.', CocNumber: '12-34' });
		expect(coc.body.Message).toMatch(/String '12-34' does not match regex pattern '\^\[0-9\]\+\$'\. Path 'CocNumber'/);
		const type = await write('POST', 'linestobeinvoiced', '1', { AdministrationId: HOLDING, Date: '2024-01-01', Description: 'x', RelationType: 'organisation', RelationId: organisationId, Quantity: '8' });
		expect(type.body.Message).toMatch(/Invalid type\. Expected Number but got String\. Path 'Quantity'/);
		const email = await write('POST', 'emailaddress', '2', { RelationType: 'organisation', RelationId: organisationId, EmailAddress: 'geen-adres' });
		expect(email.body.Message).toMatch(/String 'geen-adres' does not validate against format 'email'/);
		expect(sim.sb.rows('salesjournalentry')).toHaveLength(0);
	});

	it("takes property names and enums in any case, and '' or 'null' for an enum", async () => {
		const ok = await write('POST', 'salesjournalentry', '2', {
			administrationid: HOLDING, invoicenumber: 'CASE-1', INVOICEDATE: '2024-02-01', RelationType: 'Organisation', RelationId: organisationId, PaymentMethod: 'null',
			InvoiceLine: [{ ledgeraccountid: ledgerId, AmountExcludingVat: 10, VatType: 'HIGH', IntraCommunityType: '' }],
		});
		expect(ok.body.result).toBe('Succeeded');
		const stored = sim.sb.rows('salesjournalentry').find((e) => e.InvoiceNumber === 'CASE-1') as Row & { InvoiceLine: Row[] };
		expect(stored).toMatchObject({ RelationType: 'organisation', PaymentMethod: 'null' });
		expect(stored.InvoiceLine[0]).toMatchObject({ VatType: 'high', IntraCommunityType: '' });
		const bad = await write('POST', 'salesjournalentry', '2', entry('CASE-2', [line({ VatType: 'super' })]));
		expect(bad.body.Message).toMatch(/Value "super" is not defined in enum\. Path 'InvoiceLine\[0\]\.VatType'/);
	});

	it('shows a sales journal entry in GET journalentries as one row per line, and removes them on delete', async () => {
		const table = sim.sb.tableOf('/api/salesjournalentry');
		expect(table).toBe('salesjournalentry');
		const before = sim.sb.rows(table!).length;
		const res = await write('POST', 'salesjournalentry', '2', entry('JE-1', [line({ Description: 'Advies' }), line({ AmountExcludingVat: 50, VatType: 'low' })]));
		const id = (res.body.data as { SalesJournalEntryId: string }).SalesJournalEntryId;
		expect(sim.sb.rows(table!)).toHaveLength(before + 1);
		const read = async () => (await sbGet(sb, token, `journalentries?take=100&filter=${encodeURIComponent(`HeaderId eq '${id}'`)}`, '1.1')).body as Row[];
		const lines = await read();
		expect(lines).toHaveLength(2);
		expect(new Set(lines.map((l) => l.LineId)).size).toBe(2);
		expect(lines.map((l) => [l.AmountCredit, l.VatPercentage, l.DocumentIdentification])).toEqual([[100, 21, 'JE-1'], [50, 9, 'JE-1']]);
		expect(lines[0]).toMatchObject({ AdministrationId: HOLDING, LedgerAccountId: ledgerId, PostingDate: '2024-02-01T00:00:00Z', Description: 'Advies' });
		expect((await write('DELETE', 'salesjournalentry', '2', { AdministrationId: HOLDING, Id: id })).body.result).toBe('Succeeded');
		expect(await read()).toEqual([]);
	});

	it('stores a generic create in its list: POST address shows up in addresses and in the legacy address list', async () => {
		const res = await write('POST', 'address', '1', { RelationType: 'organisation', RelationId: organisationId, StreetName: 'Kade', HouseNumber: 7, CityName: 'Leusden', CountryCode: 'nl' });
		expect(res.body).toMatchObject({ result: 'Succeeded', instances: [{ Code: 'Adres', Id: expect.any(String) }] });
		const id = (res.body.instances as Array<{ Id: string }>)[0].Id;
		expect(sim.sb.tableOf('/api/address', 'POST')).toBe('addresses');
		const [plural] = (await sbGet(sb, token, `addresses?filter=${encodeURIComponent(`Id eq ${id}`)}`, '1')).body as Row[];
		expect(plural).toMatchObject({ StreetName: 'Kade', HouseNumber: '7', CityName: 'Leusden', CountryName: 'Nederland', RelationId: organisationId, Organisation: organisationId, IsOrganisation: true });
		const [legacy] = (await sbGet(sb, token, `address?filter=${encodeURIComponent(`Id eq ${id}`)}`, '1')).body as Row[];
		expect(legacy).toMatchObject({ City: 'Leusden', Country: 'Nederland' });
	});

	it('fails with HTTP 200 for unknown ids and administrations, and for deleting an invoice that is not a draft', async () => {
		const put = await write('PUT', 'organisation', '3', { RelationId: UNKNOWN, Name: 'Niemand' });
		expect(put).toMatchObject({ status: 200, body: { result: 'Failed', instances: [], errors: [expect.stringContaining(UNKNOWN)] } });
		const seededInvoice = sim.sb.rows('salesinvoices')[0];
		const final = await write('DELETE', 'salesinvoice', '2', { AdministrationId: seededInvoice.AdministrationId, Id: seededInvoice.InstanceId });
		expect(final).toMatchObject({ status: 200, body: { result: 'Failed', errors: ['SalesInvoice cannot be deleted because it is not a draft or it is already deleted'] } });
		expect(sim.sb.rows('salesinvoices')).toContain(seededInvoice);
		const gone = await write('DELETE', 'financialjournalentry', '1', { AdministrationId: HOLDING, Id: UNKNOWN });
		expect(gone.body).toMatchObject({ result: 'Failed', errors: ['FinancialJournalEntry cannot be deleted because it does not exist or it is already deleted'] });
		const admin = await write('POST', 'cashmutation', '3', { AdministrationId: UNKNOWN, Description: 'Kas', Date: '2024-01-01', AmountIncludingVat: 5 });
		expect(admin.body).toMatchObject({ result: 'Failed', errors: [`Field 'Administratie' contains an invalid reference (${UNKNOWN})`] });
		const relation = await write('POST', 'emailaddress', '2', { RelationType: 'person', RelationId: UNKNOWN, EmailAddress: 'a@b.nl' });
		expect(relation.body.result).toBe('Failed');
		expect(sim.sb.rows('cashmutation')).toHaveLength(0);
		expect(sim.sb.rows('emailaddress')).toHaveLength(0);
	});

	it('answers PartiallySucceeded (HTTP 400) for a supplier with an invalid IBAN: relation and supplier made, bank account not', async () => {
		const suppliers = sim.sb.rows('supplier').length;
		const trackingId = '5f0c2a8e-6a7b-4c1d-9e2f-3a4b5c6d7e8f';
		const body = { AdministrationId: HOLDING, Organisation: { Name: 'Half Werk B.V.' }, EmailAddress: 'inkoop@halfwerk.example', BankAccountNumber: 'NL00BANK0123456789' };
		const res = await write('POST', 'supplier', '1', body, { 'Tracking-Identifier': trackingId });
		expect(res.status).toBe(400);
		expect(res.body).toEqual({
			result: 'PartiallySucceeded',
			traceId: expect.any(String),
			instances: [
				{ Code: 'Organisatie', Id: expect.any(String), Relatienummer: expect.stringMatching(/^\d{6}$/) },
				{ Code: 'Instelling', Id: expect.any(String) },
				{ Code: 'Leverancier', Id: expect.any(String) },
				{ Code: 'Begunstigde', Id: expect.any(String) },
				{ Code: 'Emailadres', Id: expect.any(String) },
			],
			errors: [{ Bankrekening: expect.stringContaining('NL00BANK0123456789') }],
		});
		const supplierId = (res.body.instances as Array<{ Code: string; Id: string }>)[2].Id;
		const [row] = (await sbGet(sb, token, `supplier?filter=${encodeURIComponent(`Id eq ${supplierId}`)}`, '1')).body as Row[];
		expect(row).toMatchObject({ Description: 'Half Werk B.V.', AccountNumber: null, Emailaddress: 'inkoop@halfwerk.example' });
		// A retry with the same identifier gets the same answer and writes nothing again.
		expect(await write('POST', 'supplier', '1', body, { 'Tracking-Identifier': trackingId })).toEqual(res);
		expect(sim.sb.rows('supplier')).toHaveLength(suppliers + 1);
		const ok = await write('POST', 'supplier', '1', { ...body, BankAccountNumber: VALID_IBAN });
		expect(ok.status).toBe(200);
		expect(ok.body.result).toBe('Succeeded');
		expect((ok.body.instances as Array<{ Code: string }>).map((i) => i.Code)).toContain('Bankrekening');
	});

	it('sbPartialStatus: 200 answers PartiallySucceeded with HTTP 200', async () => {
		const other = await startSimulator({ port: 0, sbPartialStatus: 200 });
		try {
			const otherToken = await appAccessToken(other as unknown as SbSim);
			const res = await sbWrite(other as unknown as SbSim, otherToken, 'POST', 'supplier', '1', { AdministrationId: HOLDING, Person: { Lastname: 'Half' }, BankAccountNumber: 'XX12' });
			expect(res.status).toBe(200);
			expect(res.body).toMatchObject({ result: 'PartiallySucceeded', instances: [{ Code: 'Persoon' }, { Code: 'Leverancier' }, { Code: 'Begunstigde' }] });
		} finally {
			await other.close();
		}
	});
});
