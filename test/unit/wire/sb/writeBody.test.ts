import { sbOperation } from '../../../../nodes/Afas/wire/sb/catalogue';
import type { SbField } from '../../../../nodes/Afas/wire/sb/catalogueTypes';
import { buildSbBody, jsonErrorPosition } from '../../../../nodes/Afas/wire/sb/writeBody';
import { inputError } from '../../../helpers/errors';

function bodyFields(resource: string, operation: string): readonly SbField[] {
	const fields = sbOperation(resource, operation)?.write?.bodyFields;
	if (!fields) throw new Error(`catalogue has no ${resource}.${operation} body`);
	return fields;
}

const SALES_JOURNAL = bodyFields('salesJournalEntry', 'create');
const ORGANISATION_UPDATE = bodyFields('organisation', 'update');
const SUPPLIER_CREATE = bodyFields('supplier', 'create');

const ADMINISTRATION = 'e36e77f0-9a1c-50d0-8b0b-3e9d1b7f1a01';
const RELATION = '978638a5-394f-4ecc-a31f-21332f9f79e5';
const LEDGER = 'A18E0F9A-C73D-58C4-AE80-64C2E4228DE4';

const label = { operationLabel: 'Create Sales Journal Entry' };

/** What n8n's resource mapper sends: text for everything, the lines as JSON text. */
function mapperJournal(overrides: Record<string, unknown> = {}): Record<string, unknown> {
	return {
		AdministrationId: ADMINISTRATION,
		InvoiceDate: '2024-03-15',
		InvoiceNumber: 'SB_API_0001',
		RelationType: 'Organisation',
		RelationId: ` ${RELATION} `,
		InvoiceLine: JSON.stringify([
			{ LedgerAccountId: LEDGER, AmountExcludingVat: '100.00', VatType: 'High' },
			{ ledgeraccountid: LEDGER, amountexcludingvat: 25.5, vattype: 'zero', description: 'Fee' },
		]),
		...overrides,
	};
}

describe('SB write body: Create Sales Journal Entry (catalogue)', () => {
	it("builds the body from mapper text in the spec's casing and types", () => {
		expect(buildSbBody(SALES_JOURNAL, mapperJournal(), label)).toEqual({
			AdministrationId: ADMINISTRATION,
			InvoiceDate: '2024-03-15',
			InvoiceNumber: 'SB_API_0001',
			RelationType: 'organisation',
			RelationId: RELATION,
			InvoiceLine: [
				{ LedgerAccountId: LEDGER, AmountExcludingVat: 100, VatType: 'high' },
				{ LedgerAccountId: LEDGER, Description: 'Fee', AmountExcludingVat: 25.5, VatType: 'zero' },
			],
		});
	});

	it('keeps the order of the schema, whatever the order of the input', () => {
		const input = mapperJournal();
		const reversed = Object.fromEntries(Object.entries(input).reverse());
		expect(Object.keys(buildSbBody(SALES_JOURNAL, reversed, label))).toEqual([
			'AdministrationId',
			'InvoiceDate',
			'InvoiceNumber',
			'RelationType',
			'RelationId',
			'InvoiceLine',
		]);
	});

	it('takes typed item JSON: lines as a list, a date-time cut to its date', () => {
		const body = buildSbBody(
			SALES_JOURNAL,
			mapperJournal({
				InvoiceDate: '2024-12-13T00:00:00Z',
				InvoiceLine: [
					{ LedgerAccountId: LEDGER, AmountExcludingVat: -10, VatType: 'low', AmountVat: 0.9 },
				],
				Attachments: { AttachmentId: RELATION },
			}),
			label,
		);
		expect(body.InvoiceDate).toBe('2024-12-13');
		expect(body.InvoiceLine).toEqual([
			{ LedgerAccountId: LEDGER, AmountExcludingVat: -10, AmountVat: 0.9, VatType: 'low' },
		]);
		// One object where the schema has a list becomes a list of one.
		expect(body.Attachments).toEqual([{ AttachmentId: RELATION }]);
	});

	it('leaves out values that are not given (undefined, null, empty text)', () => {
		const body = buildSbBody(
			SALES_JOURNAL,
			mapperJournal({ Reference: '', Description: null, PaymentConditionId: undefined }),
			label,
		);
		expect(body).not.toHaveProperty('Reference');
		expect(body).not.toHaveProperty('Description');
		expect(body).not.toHaveProperty('PaymentConditionId');
	});

	it('keeps SB\'s own enum values "null", in the spec\'s casing', () => {
		const body = buildSbBody(SALES_JOURNAL, mapperJournal({ PaymentMethod: 'NULL' }), label);
		expect(body.PaymentMethod).toBe('null');
		expect(
			buildSbBody(SALES_JOURNAL, mapperJournal({ PaymentMethod: 'iDEAL' }), label).PaymentMethod,
		).toBe('ideal');
	});

	it('rounds float noise on amounts to their 0.01 step', () => {
		const body = buildSbBody(
			SALES_JOURNAL,
			mapperJournal({
				InvoiceLine: [{ LedgerAccountId: LEDGER, AmountExcludingVat: 0.1 + 0.2, VatType: 'high' }],
			}),
			label,
		);
		expect((body.InvoiceLine as Array<Record<string, unknown>>)[0].AmountExcludingVat).toBe(0.3);
	});

	it.each<[string, Record<string, unknown>, string, RegExp, RegExp]>([
		[
			'AdministrationId',
			{ AdministrationId: undefined },
			'AdministrationId',
			/^AdministrationId is required for Create Sales Journal Entry$/,
			/Map a value to AdministrationId/,
		],
		[
			'InvoiceLine',
			{ InvoiceLine: '' },
			'InvoiceLine',
			/^InvoiceLine is required for Create Sales Journal Entry$/,
			/InvoiceLine/,
		],
		['empty InvoiceLine', { InvoiceLine: '[]' }, 'InvoiceLine', /has no elements/, /at least one/],
		[
			'a line without LedgerAccountId',
			{
				InvoiceLine: [
					{ LedgerAccountId: LEDGER, AmountExcludingVat: 1, VatType: 'high' },
					{ AmountExcludingVat: 1, VatType: 'high' },
				],
			},
			'InvoiceLine[1].LedgerAccountId',
			/^InvoiceLine\[1\]\.LedgerAccountId is required for Create Sales Journal Entry$/,
			/Include "LedgerAccountId" in InvoiceLine\[1\] \(in the JSON of InvoiceLine\)/,
		],
		[
			'a line with an empty VatType',
			{ InvoiceLine: [{ LedgerAccountId: LEDGER, AmountExcludingVat: 1, VatType: '' }] },
			'InvoiceLine[0].VatType',
			/is required/,
			/VatType/,
		],
		[
			'a bad GUID',
			{ RelationId: 'abc' },
			'RelationId',
			/^RelationId needs a GUID, got "abc"$/,
			/2fe9d143/,
		],
		[
			'an impossible date',
			{ InvoiceDate: '2024-02-30' },
			'InvoiceDate',
			/needs a date, got "2024-02-30"/,
			/existing date/,
		],
		['a Dutch date', { InvoiceDate: '15-03-2024' }, 'InvoiceDate', /needs a date/, /2024-01-31/],
		[
			'an unknown enum value',
			{ RelationType: 'company' },
			'RelationType',
			/needs one of organisation, person, unknown, got "company"/,
			/Pick one/,
		],
		[
			'a comma amount',
			{ InvoiceLine: [{ LedgerAccountId: LEDGER, AmountExcludingVat: '12,50', VatType: 'high' }] },
			'InvoiceLine[0].AmountExcludingVat',
			/a number with a dot as decimal separator/,
			/1250.50/,
		],
		[
			'a word amount',
			{ InvoiceLine: [{ LedgerAccountId: LEDGER, AmountExcludingVat: 'ten', VatType: 'high' }] },
			'InvoiceLine[0].AmountExcludingVat',
			/needs a number, got "ten"/,
			/number/,
		],
		[
			'a third decimal',
			{ InvoiceLine: [{ LedgerAccountId: LEDGER, AmountExcludingVat: 12.345, VatType: 'high' }] },
			'InvoiceLine[0].AmountExcludingVat',
			/needs a multiple of 0.01/,
			/Round AmountExcludingVat/,
		],
		[
			'bad JSON',
			{ InvoiceLine: '[{"LedgerAccountId": x}]' },
			'InvoiceLine',
			/^InvoiceLine is not valid JSON: error at position 21 \(near "countId": x}]"\)$/,
			/as a list in JSON/,
		],
		[
			'a line that is not an object',
			{ InvoiceLine: ['line'] },
			'InvoiceLine[0]',
			/needs an object/,
			/JSON object/,
		],
		[
			'a line that is null',
			{ InvoiceLine: [null] },
			'InvoiceLine[0]',
			/needs an object/,
			/JSON object/,
		],
		['a number for the lines', { InvoiceLine: 5 }, 'InvoiceLine', /needs a list/, /JSON list/],
		[
			'an object for a text',
			{ InvoiceNumber: { a: 1 } },
			'InvoiceNumber',
			/needs a single value/,
			/not a list or object/,
		],
	])('refuses %s before any request', (_case, overrides, field, message, hint) => {
		const error = inputError(() => buildSbBody(SALES_JOURNAL, mapperJournal(overrides), label));
		expect(error.field).toBe(field);
		expect(error.message).toMatch(message);
		expect(error.description).toMatch(hint);
	});

	it('refuses a key that is not in the schema, listing the field names', () => {
		const error = inputError(() =>
			buildSbBody(SALES_JOURNAL, mapperJournal({ InvoiceLines: '[]' }), label),
		);
		expect(error.field).toBe('InvoiceLines');
		expect(error.message).toBe('"InvoiceLines" is not a field of Create Sales Journal Entry');
		expect(error.description).toBe(
			'Use one of: AdministrationId, InvoiceDate, InvoiceNumber, RelationType, RelationId, Reference, Description, PaymentMethod, PaymentConditionId, Attachments, InvoiceLine',
		);
	});

	it('refuses an unknown key inside a line, naming its path and the line fields', () => {
		const error = inputError(() =>
			buildSbBody(
				SALES_JOURNAL,
				mapperJournal({
					InvoiceLine: [
						{ LedgerAccountId: LEDGER, AmountExcludingVat: 1, VatType: 'high', Vat: 21 },
					],
				}),
				label,
			),
		);
		expect(error.field).toBe('InvoiceLine[0].Vat');
		expect(error.message).toBe('"Vat" is not a field of InvoiceLine[0]');
		expect(error.description).toContain('LedgerAccountId, Description, AmountExcludingVat');
	});

	it('ignores an unknown key that carries no value (it would not be sent)', () => {
		expect(
			buildSbBody(SALES_JOURNAL, mapperJournal({ Stale: null, Other: '' }), label),
		).not.toHaveProperty('Stale');
	});

	it('refuses the same field given twice in different casings', () => {
		const error = inputError(() =>
			buildSbBody(SALES_JOURNAL, mapperJournal({ invoicenumber: 'OTHER' }), label),
		);
		expect(error.field).toBe('InvoiceNumber');
		expect(error.message).toMatch(/given twice/);
	});

	it('does not show long values in full', () => {
		const error = inputError(() =>
			buildSbBody(SALES_JOURNAL, mapperJournal({ RelationId: 'y'.repeat(300) }), label),
		);
		expect(error.message).toContain(`"${'y'.repeat(37)}..."`);
		expect(error.message).not.toContain('y'.repeat(41));
	});

	it('refuses values that are not an object', () => {
		const error = inputError(() =>
			buildSbBody(SALES_JOURNAL, [] as unknown as Record<string, unknown>, label),
		);
		expect(error.field).toBe('Fields');
	});
});

describe('SB write body: Update Organisation (catalogue)', () => {
	const update = { operationLabel: 'Update Organisation' };

	it('needs only the RelationId and sends what is given', () => {
		expect(
			buildSbBody(
				ORGANISATION_UPDATE,
				{
					relationid: RELATION,
					Name: 'AFAS Software',
					CocNumber: '08051045',
					VatNumber: 'NL123456789B01',
				},
				update,
			),
		).toEqual({
			RelationId: RELATION,
			Name: 'AFAS Software',
			CocNumber: '08051045',
			VatNumber: 'NL123456789B01',
		});
	});

	it('types nested addresses: integer house numbers, booleans from text', () => {
		const body = buildSbBody(
			ORGANISATION_UPDATE,
			{
				RelationId: RELATION,
				Addresses: JSON.stringify({
					StreetName: 'Philipsstraat',
					HouseNumber: '9',
					CityName: 'Leusden',
					CountryCode: 'NL',
					PreferredBillingAddress: 'TRUE',
					PreferredShippingAddress: 0,
					PreferredSupplierAddress: '1',
				}),
			},
			update,
		);
		expect(body.Addresses).toEqual([
			{
				StreetName: 'Philipsstraat',
				HouseNumber: 9,
				CityName: 'Leusden',
				CountryCode: 'NL',
				PreferredSupplierAddress: true,
				PreferredShippingAddress: false,
				PreferredBillingAddress: true,
			},
		]);
	});

	it.each<[string, Record<string, unknown>, string, RegExp]>([
		[
			'no RelationId',
			{ Name: 'x' },
			'RelationId',
			/RelationId is required for Update Organisation/,
		],
		[
			'a CoC number with dots',
			{ RelationId: RELATION, CocNumber: '0805.1045' },
			'CocNumber',
			/needs text matching \^\[0-9\]\+\$/,
		],
		[
			'a lower-case VAT number',
			{ RelationId: RELATION, VatNumber: 'nl123' },
			'VatNumber',
			/needs text matching/,
		],
		[
			'a bad email address',
			{ RelationId: RELATION, EmailAddress: 'info@afas' },
			'EmailAddress',
			/needs an email address/,
		],
		[
			'an address without its city',
			{ RelationId: RELATION, Addresses: [{ StreetName: 'A', CountryCode: 'NL' }] },
			'Addresses[0].CityName',
			/is required/,
		],
		[
			'a fractional house number',
			{
				RelationId: RELATION,
				Addresses: [{ StreetName: 'A', CityName: 'B', CountryCode: 'NL', HouseNumber: 9.5 }],
			},
			'Addresses[0].HouseNumber',
			/needs a whole number/,
		],
		[
			'a word for a boolean',
			{
				RelationId: RELATION,
				Addresses: [
					{ StreetName: 'A', CityName: 'B', CountryCode: 'NL', PreferredBillingAddress: 'ja' },
				],
			},
			'Addresses[0].PreferredBillingAddress',
			/needs true or false, got "ja"/,
		],
		[
			'a bank account without holder',
			{ RelationId: RELATION, BankAccounts: '{"AccountNumber":"NL91ABNA0417164300"}' },
			'BankAccounts[0].AccountHolderName',
			/is required for Update Organisation/,
		],
	])('refuses %s', (_case, values, field, message) => {
		const error = inputError(() => buildSbBody(ORGANISATION_UPDATE, values, update));
		expect(error.field).toBe(field);
		expect(error.message).toMatch(message);
	});

	it('trims an email address', () => {
		expect(
			buildSbBody(
				ORGANISATION_UPDATE,
				{ RelationId: RELATION, EmailAddress: ' info@afas.nl ' },
				update,
			).EmailAddress,
		).toBe('info@afas.nl');
	});
});

describe('SB write body: Create Supplier (catalogue)', () => {
	const create = { operationLabel: 'Create Supplier' };

	it('builds nested objects from JSON text or objects', () => {
		expect(
			buildSbBody(
				SUPPLIER_CREATE,
				{
					AdministrationId: ADMINISTRATION,
					Organisation: '{"name": "Leverancier BV", "CompanyIdCoc": 12345678}',
					Person: { Lastname: 'Jansen' },
					PaymentMethod: 'BankTransfer',
					VatCalculation: 'novat',
				},
				create,
			),
		).toEqual({
			AdministrationId: ADMINISTRATION,
			PaymentMethod: 'banktransfer',
			VatCalculation: 'novat',
			Person: { Lastname: 'Jansen' },
			Organisation: { Name: 'Leverancier BV', CompanyIdCoc: '12345678' },
		});
	});

	it.each<[string, Record<string, unknown>, string, RegExp, RegExp]>([
		[
			'a person without last name',
			{ AdministrationId: ADMINISTRATION, Person: { Firstname: 'Jan' } },
			'Person.Lastname',
			/^Person\.Lastname is required for Create Supplier$/,
			/Include "Lastname" in Person/,
		],
		[
			'a list where an object belongs',
			{ AdministrationId: ADMINISTRATION, Person: [{ Lastname: 'J' }] },
			'Person',
			/needs an object/,
			/JSON object/,
		],
		[
			'bad JSON for an object',
			{ AdministrationId: ADMINISTRATION, Organisation: '{Name: x}' },
			'Organisation',
			/is not valid JSON/,
			/as an object in JSON/,
		],
		[
			'an unknown key in a nested object',
			{ AdministrationId: ADMINISTRATION, Organisation: { Name: 'x', Kvk: '1' } },
			'Organisation.Kvk',
			/"Kvk" is not a field of Organisation/,
			/Name, CompanyIdCoc, CompanyIdVat, TradeName/,
		],
		[
			'a missing administration',
			{ Person: { Lastname: 'J' } },
			'AdministrationId',
			/is required for Create Supplier/,
			/Map a value to AdministrationId/,
		],
	])('refuses %s', (_case, values, field, message, hint) => {
		const error = inputError(() => buildSbBody(SUPPLIER_CREATE, values, create));
		expect(error.field).toBe(field);
		expect(error.message).toMatch(message);
		expect(error.description).toMatch(hint);
	});
});

describe('SB write body: rules not in the three examples', () => {
	const fields: SbField[] = [
		{ name: 'Code', type: 'string', maxLength: 5 },
		{ name: 'Tags', type: 'array', itemType: 'integer' },
		{ name: 'Extra', type: 'array' },
		{ name: 'Raw', type: 'unknown' },
		{ name: 'Secret', type: 'string', format: 'uuid' },
		{ name: 'ApiToken', type: 'string', format: 'uuid' },
		{ name: 'When', type: 'string', format: 'DateTime?' },
		{ name: 'Price', type: 'string', format: 'decimal?' },
	];
	const options = { operationLabel: 'Test' };

	it('checks maxLength', () => {
		const error = inputError(() => buildSbBody(fields, { Code: 'ABCDEF' }, options));
		expect(error.message).toBe('Code is 6 characters long; SB allows at most 5');
		expect(buildSbBody(fields, { Code: 'ABCDE' }, options)).toEqual({ Code: 'ABCDE' });
	});

	it('types arrays of scalars by their item type and passes untyped values through', () => {
		expect(
			buildSbBody(fields, { Tags: '["1", 2]', Extra: '[{"any": true}]', Raw: { a: [1] } }, options),
		).toEqual({ Tags: [1, 2], Extra: [{ any: true }], Raw: { a: [1] } });
		expect(inputError(() => buildSbBody(fields, { Tags: [1, 'x'] }, options)).field).toBe(
			'Tags[1]',
		);
		expect(inputError(() => buildSbBody(fields, { Tags: [1, null] }, options)).message).toBe(
			'Tags[1] is empty',
		);
	});

	it('keeps a date-time for a DateTime field and a date alone as a date', () => {
		expect(buildSbBody(fields, { When: '2024-03-15T08:00:00+01:00' }, options)).toEqual({
			When: '2024-03-15T08:00:00',
		});
		expect(buildSbBody(fields, { When: new Date(Date.UTC(2024, 2, 15)) }, options)).toEqual({
			When: '2024-03-15T00:00:00',
		});
		expect(buildSbBody(fields, { When: '2024-03-15' }, options)).toEqual({ When: '2024-03-15' });
	});

	it('checks a number declared as text as a number and sends it as text', () => {
		expect(buildSbBody(fields, { Price: 12.5 }, options)).toEqual({ Price: '12.5' });
		expect(buildSbBody(fields, { Price: ' 7 ' }, options)).toEqual({ Price: '7' });
		expect(inputError(() => buildSbBody(fields, { Price: 'duur' }, options)).message).toBe(
			'Price needs a number, got "duur"',
		);
	});

	it('does not echo the value of a field named like a secret', () => {
		const error = inputError(() => buildSbBody(fields, { ApiToken: 'hunter2-value' }, options));
		expect(error.message).toBe('ApiToken needs a GUID');
		expect(error.message).not.toContain('hunter2');
	});
});

describe('position of a JSON error', () => {
	it.each<[string, number]>([
		['[{"LedgerAccountId": x}]', 21],
		['{Name: x}', 1],
		['[1,]', 3],
		['[1 2]', 3],
		['{"a":1,}', 7],
		['{"a" 1}', 5],
		['abc', 0],
		['tru', 3],
		['nul!', 3],
		['"a\\q"', 3],
		['"\\u12G4"', 5],
		['"tab\there"', 4],
		['01', 1],
		['-', 0],
		['[1] x', 4],
		['[1,', 3],
		['{"a": [1, {"b": "c"', 19],
		['', 0],
	])('%j fails at %i', (text, position) => {
		expect(() => JSON.parse(text)).toThrow();
		expect(jsonErrorPosition(text)).toBe(position);
	});

	it.each(['[]', '{}', ' [1, -2.5e3, true, false, null, "x\\"\\u00e9"] ', '{"a": {"b": [{}]}}'])(
		'finds no error in valid JSON %j',
		(text) => {
			expect(() => JSON.parse(text)).not.toThrow();
			expect(jsonErrorPosition(text)).toBe(text.length);
		},
	);

	it('says a text that ends too early does so', () => {
		const error = inputError(() =>
			buildSbBody(SALES_JOURNAL, mapperJournal({ InvoiceLine: '[{"LedgerAccountId": "x"' }), label),
		);
		expect(error.message).toBe('InvoiceLine is not valid JSON: it ends too early');
	});
});
