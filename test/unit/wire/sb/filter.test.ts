import { sbOperation } from '../../../../nodes/Afas/wire/sb/catalogue';
import type { SbField } from '../../../../nodes/Afas/wire/sb/catalogueTypes';
import type { SbFilterOperator, SbFilterRow } from '../../../../nodes/Afas/wire/sb/filter';
import { parseSbDate, renderSbFilter, sbValueKind } from '../../../../nodes/Afas/wire/sb/filter';
import { inputError } from '../../../helpers/errors';

const GUID = '2fe9d143-52aa-4d9f-9eba-a97656f2741c';

/** Every kind of field the catalogue declares, as the list schemas spell it. */
const FIELDS: SbField[] = [
	{ name: 'Id', type: 'string', format: 'uuid' },
	{ name: 'RelationId', type: 'string', format: 'Guid?' },
	{ name: 'Name', type: 'string' },
	{ name: 'HouseNumber', type: 'integer' },
	{ name: 'Count', type: 'string', format: 'int64' },
	{ name: 'Amount', type: 'number' },
	{ name: 'Total', type: 'string', format: 'decimal?' },
	{ name: 'Blocked', type: 'boolean' },
	{ name: 'IsOpeningBalance', type: 'boolean', format: 'bool' },
	{ name: 'Active', type: 'string', format: 'bool?' },
	{ name: 'InvoiceDate', type: 'string', format: 'DateTime?' },
	{ name: 'EntryDate', type: 'string', format: 'date' },
	{ name: 'Addresses', type: 'array', fields: [{ name: 'CityName', type: 'string' }] },
];

function one(field: string, operator: SbFilterOperator, value: unknown): string | undefined {
	return renderSbFilter([{ field, operator, value }], 'and', FIELDS);
}

describe('field kinds', () => {
	it.each([
		['Id', 'guid'],
		['RelationId', 'guid'],
		['Name', 'string'],
		['HouseNumber', 'integer'],
		['Count', 'integer'],
		['Amount', 'number'],
		['Total', 'number'],
		['Blocked', 'boolean'],
		['IsOpeningBalance', 'boolean'],
		['Active', 'boolean'],
		['InvoiceDate', 'date'],
		['EntryDate', 'date'],
		['Addresses', 'structured'],
	])('%s is a %s field', (name, kind) => {
		expect(sbValueKind(FIELDS.find((field) => field.name === name)!)).toBe(kind);
	});
});

describe('SB filter values by field type', () => {
	it.each<[string, SbFilterOperator, unknown, string]>([
		// SB's own examples: strings quoted, GUIDs and numbers not (research §4.4)
		['CityName', 'eq', 'Harderwijk', "CityName eq 'Harderwijk'"],
		['Id', 'eq', GUID, `Id eq ${GUID}`],
		['Id', 'eq', `  ${GUID.toUpperCase()} `, `Id eq ${GUID.toUpperCase()}`],
		['RelationId', 'ne', GUID, `RelationId ne ${GUID}`],
		['Name', 'eq', "O'Brien & Zn", "Name eq 'O''Brien & Zn'"],
		['Name', 'eq', "''", "Name eq ''''''"],
		['Name', 'eq', '', "Name eq ''"],
		['Name', 'eq', undefined, "Name eq ''"],
		['Name', 'eq', 12, "Name eq '12'"],
		['Name', 'eq', GUID, `Name eq '${GUID}'`],
		['Name', 'eq', 'null', "Name eq 'null'"],
		['Name', 'eq', null, 'Name eq null'],
		['Name', 'ne', null, 'Name ne null'],
		['HouseNumber', 'gt', 12, 'HouseNumber gt 12'],
		['HouseNumber', 'ge', ' 12 ', 'HouseNumber ge 12'],
		['HouseNumber', 'lt', '+7', 'HouseNumber lt 7'],
		['Count', 'le', '-3', 'Count le -3'],
		['Amount', 'gt', 12.5, 'Amount gt 12.5'],
		['Total', 'ge', '431.55', 'Total ge 431.55'],
		['Total', 'lt', '.5', 'Total lt .5'],
		['Total', 'eq', 'null', 'Total eq null'],
		['Blocked', 'eq', true, 'Blocked eq true'],
		['Blocked', 'ne', 'FALSE', 'Blocked ne false'],
		['IsOpeningBalance', 'eq', ' true ', 'IsOpeningBalance eq true'],
		['Active', 'eq', 'NULL', 'Active eq null'],
		['InvoiceDate', 'ge', '2024-01-31', 'InvoiceDate ge 2024-01-31'],
		['InvoiceDate', 'lt', '2024-12-13T00:00:00Z', 'InvoiceDate lt 2024-12-13T00:00:00'],
		['InvoiceDate', 'lt', '2024-12-13T14:30:05+01:00', 'InvoiceDate lt 2024-12-13T14:30:05'],
		['InvoiceDate', 'gt', '2024-12-13T14:30', 'InvoiceDate gt 2024-12-13T14:30:00'],
		['InvoiceDate', 'gt', '2024-12-13 14:30:00.500', 'InvoiceDate gt 2024-12-13T14:30:00.5'],
		['InvoiceDate', 'gt', '2024-12-13T14:30:00.000Z', 'InvoiceDate gt 2024-12-13T14:30:00'],
		['InvoiceDate', 'ge', '2024-02-29', 'InvoiceDate ge 2024-02-29'],
		[
			'InvoiceDate',
			'eq',
			new Date(Date.UTC(2024, 0, 31, 23, 30)),
			'InvoiceDate eq 2024-01-31T23:30:00',
		],
		[
			'EntryDate',
			'eq',
			{ toISO: () => '2024-03-15T00:00:00.000+01:00' },
			'EntryDate eq 2024-03-15T00:00:00',
		],
		['EntryDate', 'eq', null, 'EntryDate eq null'],
	])('%s %s %j → %s', (field, operator, value, expected) => {
		expect(one(field, operator, value)).toBe(expected);
	});

	it.each<[string, SbFilterOperator, unknown, RegExp]>([
		['Id', 'eq', 'not-a-guid', /needs a GUID, got "not-a-guid"/],
		['Id', 'eq', '', /needs a GUID, got nothing/],
		['Id', 'eq', `{${GUID}}`, /needs a GUID/],
		['Id', 'eq', 12, /needs a GUID/],
		['HouseNumber', 'eq', '12.5', /needs a whole number/],
		['HouseNumber', 'eq', 12.5, /needs a whole number/],
		['HouseNumber', 'eq', 'twelve', /needs a whole number, got "twelve"/],
		['Amount', 'eq', '12,50', /needs a number/],
		['Amount', 'eq', Number.NaN, /needs a number/],
		['Amount', 'eq', Infinity, /needs a number/],
		['Total', 'eq', '', /needs a number, got nothing/],
		['Blocked', 'eq', 'yes', /needs true or false/],
		['Blocked', 'eq', 1, /needs true or false/],
		['InvoiceDate', 'eq', '2024-02-30', /needs a date/],
		['InvoiceDate', 'eq', '2023-02-29', /needs a date/],
		['InvoiceDate', 'eq', '2024-13-01', /needs a date/],
		['InvoiceDate', 'eq', '2024-01-01T24:00:00', /needs a date/],
		['InvoiceDate', 'eq', '31-01-2024', /needs a date/],
		['InvoiceDate', 'eq', new Date('nonsense'), /needs a date/],
		['Name', 'eq', { a: 1 }, /is an object/],
		['Name', 'eq', ['a'], /is a list/],
		['Id', 'eq', [GUID], /is a list/],
		['Unknown', 'eq', { a: 1 }, /is an object/],
		['Addresses', 'eq', 'x', /is a list of values/],
		['Blocked', 'gt', true, /cannot be compared with "gt"/],
		['IsOpeningBalance', 'le', 'false', /cannot be compared with "le"/],
		['Name', 'gt', null, /null cannot be compared with "gt"/],
		['Total', 'lt', 'null', /null cannot be compared with "lt"/],
		['Name', 'like' as SbFilterOperator, 'x', /unknown operator "like"/],
	])('%s %s %j is refused', (field, operator, value, message) => {
		const error = inputError(() => one(field, operator, value));
		expect(error.field).toBe('Filters');
		expect(error.message).toMatch(message);
		expect(error.message).toContain('Filters → Row 1');
		expect(error.description).toBeTruthy();
	});

	it('shows at most 40 characters of a refused value', () => {
		const error = inputError(() => one('HouseNumber', 'eq', 'x'.repeat(500)));
		expect(error.message).toContain(`"${'x'.repeat(37)}..."`);
		expect(error.message).not.toContain('x'.repeat(41));
	});
});

describe('SB filter field names', () => {
	it("matches names ignoring case and writes the catalogue's casing", () => {
		expect(one('  invoicedate ', 'ge', '2024-01-01')).toBe('InvoiceDate ge 2024-01-01');
		expect(one('ID', 'eq', GUID)).toBe(`Id eq ${GUID}`);
	});

	it.each<[string, unknown, string]>([
		// AFAS answers rows with undeclared fields: a plain name is sent as typed, its value by its look
		['InternalId', GUID, `InternalId eq ${GUID}`],
		['Code', 'X1', "Code eq 'X1'"],
		['Code', '12', "Code eq '12'"],
		['Code', 12, 'Code eq 12'],
		['Code', false, 'Code eq false'],
		['Code', null, 'Code eq null'],
		['Code', 'null', "Code eq 'null'"],
		['_x1', '', "_x1 eq ''"],
	])('an undeclared field %s with %j → %s', (field, value, expected) => {
		expect(one(field, 'eq', value)).toBe(expected);
	});

	it.each(['Name eq', 'Blob/Id', 'Name;drop', '1Name', "Name'", 'Naam met spaties'])(
		'refuses "%s", which could change the filter, and lists the fields',
		(field) => {
			const error = inputError(() => one(field, 'eq', 'x'));
			expect(error.field).toBe('Filters');
			expect(error.message).toContain('Row 1');
			expect(error.message).toContain('is not a field of this list');
			expect(error.description).toContain('Id, RelationId, Name');
		},
	);

	it('refuses a row without a field, naming its row number', () => {
		const rows: SbFilterRow[] = [
			{ field: 'Name', operator: 'eq', value: 'a' },
			{ field: ' ', operator: 'eq', value: 'b' },
		];
		const error = inputError(() => renderSbFilter(rows, 'or', FIELDS));
		expect(error.message).toBe('Filters → Row 2 has no field');
	});

	it('names the row number of a bad value in a later row', () => {
		const rows: SbFilterRow[] = [
			{ field: 'Name', operator: 'eq', value: 'a' },
			{ field: 'Id', operator: 'eq', value: GUID },
			{ field: 'Total', operator: 'gt', value: 'veel' },
		];
		const error = inputError(() => renderSbFilter(rows, 'and', FIELDS));
		expect(error.message).toMatch(/^Filters → Row 3 \(field "Total"\): needs a number/);
	});
});

describe('SB filter combining', () => {
	const rows: SbFilterRow[] = [
		{ field: 'TypeId', operator: 'eq', value: 'aae9334f-0fa8-43cb-ad52-cff973b4c863' },
		{ field: 'AdministrationId', operator: 'eq', value: GUID },
	];

	it("joins rows with and, as in SB's revenue ledger account example", () => {
		expect(renderSbFilter(rows, 'and', FIELDS)).toBe(
			`TypeId eq aae9334f-0fa8-43cb-ad52-cff973b4c863 and AdministrationId eq ${GUID}`,
		);
	});

	it('joins rows with or', () => {
		expect(renderSbFilter(rows, 'or', FIELDS)).toBe(
			`TypeId eq aae9334f-0fa8-43cb-ad52-cff973b4c863 or AdministrationId eq ${GUID}`,
		);
	});

	it('is undefined with nothing to filter', () => {
		expect(renderSbFilter([], 'and', FIELDS)).toBeUndefined();
		expect(renderSbFilter([], 'or', FIELDS, '   ')).toBeUndefined();
		expect(renderSbFilter([], 'and', FIELDS, undefined)).toBeUndefined();
	});

	it('passes the raw filter alone through, trimmed and unchecked', () => {
		expect(renderSbFilter([], 'and', FIELDS, "  Name eq 'x' or Foo eq 1 ")).toBe(
			"Name eq 'x' or Foo eq 1",
		);
	});

	it('puts both sides in parentheses so that an or on either side keeps its meaning', () => {
		expect(renderSbFilter(rows, 'or', FIELDS, "Name eq 'a' or Name eq 'b'")).toBe(
			`(Name eq 'a' or Name eq 'b') and (TypeId eq aae9334f-0fa8-43cb-ad52-cff973b4c863 or AdministrationId eq ${GUID})`,
		);
		expect(renderSbFilter(rows.slice(0, 1), 'and', FIELDS, "Name eq 'a'")).toBe(
			"(Name eq 'a') and (TypeId eq aae9334f-0fa8-43cb-ad52-cff973b4c863)",
		);
	});

	it('refuses an unknown combinator', () => {
		const error = inputError(() => renderSbFilter(rows, 'xor' as 'and', FIELDS));
		expect(error.field).toBe('Filters');
	});

	it('works with a real list: organisations', () => {
		const list = sbOperation('organisation', 'getMany')?.list;
		expect(list).toBeDefined();
		expect(
			renderSbFilter(
				[
					{ field: 'name', operator: 'eq', value: 'AFAS Software' },
					{ field: 'id', operator: 'ne', value: GUID },
				],
				'and',
				list!.rowFields,
			),
		).toBe(`Name eq 'AFAS Software' and Id ne ${GUID}`);
	});
});

describe('parseSbDate', () => {
	it.each<[unknown, ReturnType<typeof parseSbDate>]>([
		['2024-01-31', { date: '2024-01-31' }],
		['2000-02-29', { date: '2000-02-29' }],
		['1900-02-29', undefined],
		['2024-04-31', undefined],
		['2024-00-10', undefined],
		['2024-01-00', undefined],
		['2024-01-31T10:00:60', undefined],
		['2024-01-31Z', undefined],
		['2024-01-31T10:11:12.1234567Z', { date: '2024-01-31', time: '10:11:12.1234567' }],
		['2024-01-31t10:11:12z', { date: '2024-01-31', time: '10:11:12' }],
		['2024-01-31T10:11:12-0500', { date: '2024-01-31', time: '10:11:12' }],
		[12, undefined],
		[null, undefined],
		[{ toISO: () => null }, undefined],
	])('%j → %j', (value, expected) => {
		expect(parseSbDate(value)).toEqual(expected);
	});
});
