import { validateFieldType } from 'n8n-workflow';
import { buildUpdateBody } from '../../../../nodes/Afas/wire/profit/updateBody';
import {
	resourceMapperFieldsOf,
	subObjectPaths,
	upsertMatchField,
	type MapperOperation,
} from '../../../../nodes/Afas/wire/profit/updateMapper';
import { elementInputFromMapper } from '../../../../nodes/Afas/wire/profit/updateMapperInput';
import type { UpdateMeta } from '../../../../nodes/Afas/wire/profit/updateTypes';
import { validateUpdateElement } from '../../../../nodes/Afas/wire/profit/updateValidation';
import { FIXTURES, metaFor, schemaProblems } from './updateFixtures';

const SALES = metaFor('FbSales');
const ORGANISATION = metaFor('KnOrganisation');
const PERSON = metaFor('KnPerson');
const SUBJECT = metaFor('KnSubject');
const CUSTOM_ID = 'UC2DE284248374B083C966F9B4EEEE9E2';
/** KnSubject plus the vendor's custom-field example (research §6.3). */
const SUBJECT_WITH_CUSTOM: UpdateMeta = {
	...SUBJECT,
	fields: [
		...(SUBJECT.fields ?? []),
		{
			fieldId: CUSTOM_ID,
			dataType: 'string',
			label: 'customfield',
			length: 255,
			values: null,
		},
	],
};

function field(meta: UpdateMeta, operation: MapperOperation, id: string, object?: string) {
	const found = resourceMapperFieldsOf(meta, { operation, object }).find((f) => f.id === id);
	if (!found) throw new RangeError(`no mapper field ${id}`);
	return found;
}

const defineBelow = (value: Record<string, unknown>) => ({
	mappingMode: 'defineBelow',
	value,
});
/** What n8n-core hands the node for a dateTime mapper field after its type conversion: a Luxon DateTime. */
function n8nDateTime(text: string): unknown {
	const result = validateFieldType('date', text, 'dateTime');
	if (!result.valid) throw new RangeError(result.errorMessage);
	return result.newValue;
}
const autoMap = { mappingMode: 'autoMapInputData', value: null };

describe('resourceMapperFieldsOf: types from metainfo dataType', () => {
	it.each([
		['FbSales', undefined, 'DbId', 'string'],
		['FbSales', undefined, 'OrDa', 'dateTime'],
		['FbSales', undefined, 'Rate', 'number'],
		['FbSales', undefined, 'BkOr', 'boolean'],
		['FbSales', 'FbSalesLines', 'QuUn', 'number'],
		['FbSales', 'FbSalesLines', 'VaIt', 'options'],
		['FbSales', 'FbSalesLines.AfasFbOrderCompLines', 'PrSe', 'number'],
		['KnSubject', undefined, 'SbId', 'number'],
		['KnSubject', undefined, 'Da', 'dateTime'],
		['KnSubject', undefined, 'SbTx', 'string'],
		['KnSubject', 'KnSubjectAttachment', 'FileStream', 'string'],
		['KnOrganisation', undefined, 'MatchOga', 'options'],
	])('%s %s %s -> %s', (connector, object, id, type) => {
		expect(field(metaFor(connector), 'insert', id, object).type).toBe(type);
	});

	it('names fields "label (id)", shows them all and keeps metainfo order', () => {
		const fields = resourceMapperFieldsOf(SALES, { operation: 'insert' });
		expect(fields.map((f) => f.id)).toEqual((SALES.fields ?? []).map((f) => f.fieldId));
		expect(fields[2]).toMatchObject({
			id: 'DbId',
			displayName: 'Sales contact (DbId)',
			display: true,
			removed: false,
		});
		expect(fields.every((f) => f.display && f.removed === false)).toBe(true);
	});

	it('code-table values become options: name = description, value = id', () => {
		const vaIt = field(SALES, 'insert', 'VaIt', 'FbSalesLines');
		expect(vaIt.options).toHaveLength(11);
		expect(vaIt.options).toContainEqual({ name: 'Artikel', value: '2' });
		expect(field(SALES, 'insert', 'DbId').options).toBeUndefined();
	});

	it('includes custom fields (U + GUID) like any other', () => {
		expect(field(SUBJECT_WITH_CUSTOM, 'insert', CUSTOM_ID)).toMatchObject({
			displayName: `customfield (${CUSTOM_ID})`,
			type: 'string',
			required: false,
		});
	});
});

describe('resourceMapperFieldsOf: mandatory and matching per operation', () => {
	it.each([
		['FbSales', 'insert', 'DbId', true, false, false],
		['FbSales', 'insert', 'OrNu', false, false, false],
		['FbSales', 'update', 'OrNu', true, true, true],
		['FbSales', 'update', 'DbId', false, false, false],
		['FbSales', 'upsert', 'DbId', true, false, true],
		['FbSales', 'upsert', 'OrNu', true, true, true],
		['FbSales', 'delete', 'OrNu', true, true, true],
		['KnSubject', 'update', 'SbId', true, true, true],
		['KnSubject', 'update', 'Ds', false, false, false],
		// No key in metainfo: any scalar field may identify the record; blobs never.
		['KnOrganisation', 'update', 'BcCo', false, false, true],
		['KnOrganisation', 'update', 'Re', false, false, false],
		['KnOrganisation', 'upsert', 'FileStream', false, false, false],
	] as const)(
		'%s %s %s: required %s, defaultMatch %s, canBeUsedToMatch %s',
		(connector, operation, id, required, defaultMatch, canBeUsedToMatch) => {
			expect(field(metaFor(connector), operation, id)).toMatchObject({
				required,
				defaultMatch,
				canBeUsedToMatch,
			});
		},
	);

	it.each([
		['FbSales', ['OrNu']],
		['KnSubject', ['SbId']],
		['KnUser', ['UsId']],
		['KnPerson', []],
	])('delete on %s lists only the key fields: %j', (connector, ids) => {
		const fields = resourceMapperFieldsOf(metaFor(connector), {
			operation: 'delete',
		});
		expect(fields.map((f) => f.id)).toEqual(ids);
	});

	it('upsert leaves out AFAS match field (the node sets it); insert and update keep it', () => {
		const ids = (operation: MapperOperation) =>
			resourceMapperFieldsOf(ORGANISATION, { operation }).map((f) => f.id);
		expect(ids('upsert')).not.toContain('MatchOga');
		expect(ids('insert')).toContain('MatchOga');
		expect(ids('update')).toContain('MatchOga');
		expect(resourceMapperFieldsOf(SALES, { operation: 'upsert' })).toHaveLength(
			(SALES.fields ?? []).length,
		);
	});
});

describe('resourceMapperFieldsOf: sub-objects', () => {
	it.each([
		['FbSales', 'FbSalesLines', ['FbSalesLines']],
		['FbSales', 'FbSalesLines/FbOrderBatchLines', ['FbSalesLines', 'FbOrderBatchLines']],
		['KnOrganisation', 'KnContact.KnPerson', ['KnContact', 'KnPerson']],
		['KnOrganisation', 'KnOrganisation.KnBasicAddressAdr', ['KnBasicAddressAdr']],
		['KnPerson', 'KnPerson', []],
		['KnPerson', 'KnContact.KnPerson', ['KnContact', 'KnPerson']],
		['KnPerson', 'knbasicaddressadr', ['KnBasicAddressAdr']],
	])('%s "%s" maps the fields of %j', (connector, path, names) => {
		let object = FIXTURES[connector].element;
		for (const name of names) object = object.objects.find((child) => child.name === name)!;
		const ids = resourceMapperFieldsOf(metaFor(connector), {
			operation: 'insert',
			object: path,
		});
		expect(ids.map((f) => f.id)).toEqual(object.fields.map((f) => f.fieldId));
	});

	it('an unknown sub-object names the ones that exist', () => {
		expect(() => resourceMapperFieldsOf(SALES, { operation: 'insert', object: 'Lines' })).toThrow(
			/FbSales has no sub-object 'Lines'; it has FbSalesLines, FbSalesLines\.FbOrderBatchLines/,
		);
		expect(subObjectPaths(SUBJECT)).toEqual(['KnSubjectLink', 'KnSubjectAttachment']);
	});
});

describe('upsertMatchField', () => {
	it.each([
		['KnPerson', undefined, 'MatchPer', 8, '7'],
		['KnOrganisation', undefined, 'MatchOga', 7, '6'],
		['KnOrganisation', 'KnContact.KnPerson', 'MatchPer', 8, '7'],
	])('%s %s: %s with %i choices, always-new = %s', (connector, object, id, count, alwaysNew) => {
		const match = upsertMatchField(metaFor(connector), object);
		expect(match).toMatchObject({ fieldId: id, alwaysNew });
		expect(match?.options).toHaveLength(count);
		expect(match?.options[0]).toEqual({
			name: expect.stringMatching(/^Zoek op BcCo/),
			value: '0',
		});
	});

	it.each(['FbSales', 'KnSubject', 'FiEntries', 'KnContact', 'KnUser'])(
		'%s has none: the node looks the record up itself',
		(connector) => {
			expect(upsertMatchField(metaFor(connector))).toBeUndefined();
		},
	);
});

describe('elementInputFromMapper: values from the mapper', () => {
	it('defineBelow takes the value by field id; blanks are not set', () => {
		const { input, ignored, problems } = elementInputFromMapper(
			SALES,
			defineBelow({
				DbId: '10001',
				OrDa: '2024-07-01',
				RfCs: '',
				Rate: null,
				War: undefined,
			}),
			{ operation: 'insert', item: { DbId: 'from item, unused' } },
		);
		expect(input).toEqual({ fields: { DbId: '10001', OrDa: '2024-07-01' } });
		expect([ignored, problems]).toEqual([[], []]);
	});

	it('blankFields "clear" sends an empty string (AFAS clears the field); null stays unset', () => {
		const { input } = elementInputFromMapper(
			SALES,
			defineBelow({ OrNu: '123', RfCs: '', Rate: null }),
			{ operation: 'update', blankFields: 'clear' },
		);
		expect(input.fields).toEqual({ OrNu: '123', RfCs: '' });
		expect(buildUpdateBody(SALES, input)).toEqual({
			FbSales: { Element: { '@OrNu': '123', Fields: { RfCs: '' } } },
		});
	});

	it('an id the schema no longer has is kept so validation names it; __proto__ never lands', () => {
		const value = JSON.parse('{"DbId":"1","Gone":"x","__proto__":"y"}') as Record<string, unknown>;
		const { input, ignored } = elementInputFromMapper(SALES, defineBelow(value), {
			operation: 'insert',
		});
		expect(input.fields).toEqual({ DbId: '1', Gone: 'x' });
		expect(Object.getPrototypeOf(input.fields)).toBe(Object.prototype);
		expect(ignored).toEqual(['__proto__']);
		expect(validateUpdateElement(SALES, input, 'insert')).toEqual([
			expect.objectContaining({ kind: 'unknownField', fieldId: 'Gone' }),
		]);
	});

	it("dates converted by n8n (Luxon) become ISO text; date-only fields keep the user's calendar date", () => {
		const orderDate = n8nDateTime('2024-07-01');
		const submitted = n8nDateTime('2024-07-01T12:30:00Z');
		const sales = elementInputFromMapper(SALES, defineBelow({ DbId: '1', OrDa: orderDate }), {
			operation: 'insert',
		});
		expect(sales.input.fields?.OrDa).toBe('2024-07-01');
		const subject = elementInputFromMapper(
			SUBJECT,
			defineBelow({ StId: 1, Ds: 'x', Da: submitted }),
			{ operation: 'insert' },
		);
		const body = buildUpdateBody(SUBJECT, subject.input);
		expect((body.KnSubject.Element as { Fields: Record<string, unknown> }).Fields.Da).toBe(
			'2024-07-01T14:30:00',
		);
	});

	it('delete takes only key fields', () => {
		const { input, ignored } = elementInputFromMapper(
			SALES,
			defineBelow({ OrNu: 'SO 1/2', DbId: '10001' }),
			{ operation: 'delete' },
		);
		expect(input).toEqual({ fields: { OrNu: 'SO 1/2' } });
		expect(ignored).toEqual(['DbId']);
	});

	it('maps onto a sub-object when asked', () => {
		const { input } = elementInputFromMapper(SALES, defineBelow({ VaIt: '2', ItCd: '1000' }), {
			operation: 'insert',
			object: 'FbSalesLines',
		});
		expect(input).toEqual({ fields: { VaIt: '2', ItCd: '1000' } });
		expect(
			elementInputFromMapper(SALES, defineBelow({}), {
				operation: 'insert',
				object: 'Nope',
			}).problems,
		).toEqual([expect.objectContaining({ kind: 'unknownObject', path: 'Nope' })]);
	});
});

describe('elementInputFromMapper: map automatically from the item', () => {
	it('takes field ids and unique labels, id beating label and case-insensitive id; ignores the rest', () => {
		const item = {
			DbId: '10001',
			dbid: 'loses to the exact id',
			Date: '2024-07-01',
			'order number/reference': 'PO-7',
			'Warehouse (War)': 'MAIN',
			RfCs: 'wins over its label',
			customer_name: 'Acme',
			Rate: '',
		};
		const { input, ignored } = elementInputFromMapper(SALES, autoMap, {
			operation: 'insert',
			item,
		});
		expect(input.fields).toEqual({
			DbId: '10001',
			OrDa: '2024-07-01',
			War: 'MAIN',
			RfCs: 'wins over its label',
		});
		expect(ignored).toEqual(['customer_name']);
	});

	it('a label two fields share matches neither (KnSubjectLink "Organisation/person")', () => {
		const { input, problems } = elementInputFromMapper(SUBJECT, autoMap, {
			operation: 'insert',
			item: {
				StId: 1,
				Ds: 'x',
				KnSubjectLink: {
					'Organisation/person': true,
					'Organisation/person (BcId)': '100',
				},
			},
		});
		expect(input.objects).toEqual({
			KnSubjectLink: { fields: { BcId: '100' } },
		});
		// In a row, a key that maps to nothing is a problem, not dropped: the row was written for AFAS.
		expect(problems).toEqual([
			expect.objectContaining({ path: 'KnSubjectLink.Organisation/person', kind: 'unknownField' }),
		]);
	});

	it('an item key named like a sub-object holds its rows, nested rows included', () => {
		const item = {
			DbId: '10001',
			FbSalesLines: [
				{
					VaIt: '2',
					ItCd: 'A',
					QuUn: 2,
					FbOrderBatchLines: [{ BaNu: 'B1', BiUn: 'stk', QuUn: 2, colour: 'red' }],
				},
			],
		};
		const { input, problems } = elementInputFromMapper(SALES, autoMap, {
			operation: 'insert',
			item,
		});
		expect(input).toEqual({
			fields: { DbId: '10001' },
			objects: {
				FbSalesLines: [
					{
						fields: { VaIt: '2', ItCd: 'A', QuUn: 2 },
						objects: {
							FbOrderBatchLines: [{ fields: { BaNu: 'B1', BiUn: 'stk', QuUn: 2 } }],
						},
					},
				],
			},
		});
		expect(problems).toEqual([
			expect.objectContaining({
				path: 'FbSalesLines[0].FbOrderBatchLines[0].colour',
				kind: 'unknownField',
			}),
		]);
	});

	it('delete ignores sub-objects and non-key fields of the item', () => {
		const { input, ignored } = elementInputFromMapper(SUBJECT, autoMap, {
			operation: 'delete',
			item: { SbId: 42, Ds: 'x', KnSubjectLink: { SfTp: '1' } },
		});
		expect(input).toEqual({ fields: { SbId: 42 } });
		expect(ignored).toEqual(['Ds', 'KnSubjectLink']);
	});
});

describe('elementInputFromMapper: sub-object rows from item data', () => {
	const lines = [
		{ VaIt: '2', ItCd: 'A', QuUn: 2, id: 17 },
		{ VaIt: '2', ItCd: 'B', QuUn: '1.5', '@Action': 'Update' },
	];

	it.each([
		['a list of objects', lines, 2],
		['JSON text of a list', JSON.stringify(lines), 2],
	])('lines from %s', (_title, rows, count) => {
		const { input, ignored, problems } = elementInputFromMapper(
			SALES,
			defineBelow({ DbId: '10001' }),
			{ operation: 'insert', subObjects: [{ object: 'FbSalesLines', rows }] },
		);
		const built = input.objects?.FbSalesLines;
		expect(Array.isArray(built) && built.length).toBe(count);
		expect(built).toEqual([
			{ fields: { VaIt: '2', ItCd: 'A', QuUn: 2 } },
			{ fields: { VaIt: '2', ItCd: 'B', QuUn: '1.5' }, action: 'update' },
		]);
		// The stray `id` of the first line is reported, never silently dropped.
		expect(ignored).toEqual([]);
		expect(problems).toEqual([
			expect.objectContaining({ path: 'FbSalesLines[0].id', kind: 'unknownField' }),
		]);
	});

	it('one object is one row (no list index in paths)', () => {
		const { input } = elementInputFromMapper(ORGANISATION, defineBelow({ Nm: 'Acme' }), {
			operation: 'insert',
			subObjects: [{ object: 'KnBasicAddressAdr', rows: { CoId: 'NL', Rs: 'Utrecht' } }],
		});
		expect(input.objects).toEqual({
			KnBasicAddressAdr: { fields: { CoId: 'NL', Rs: 'Utrecht' } },
		});
	});

	it.each([
		['text that is not JSON', 'FbSalesLines', 'type', 'two lines'],
		['a number', 'FbSalesLines', 'type', 3],
		['a list holding a non-object', 'FbSalesLines[1]', 'type', [{ ItCd: 'A', VaIt: '2' }, 'B']],
		['a bad @Action', 'FbSalesLines[0].@Action', 'type', [{ ItCd: 'A', '@Action': 'upsert' }]],
	])('%s is a problem at %s', (_title, path, kind, rows) => {
		const { problems } = elementInputFromMapper(SALES, defineBelow({ DbId: '1' }), {
			operation: 'insert',
			subObjects: [{ object: 'FbSalesLines', rows }],
		});
		expect(problems).toEqual([expect.objectContaining({ path, kind })]);
	});

	it('an unknown sub-object is a problem; empty rows are dropped and listed', () => {
		const { input, ignored, problems } = elementInputFromMapper(SALES, defineBelow({ DbId: '1' }), {
			operation: 'insert',
			subObjects: [
				{ object: 'Lines', rows: [{ ItCd: 'A' }] },
				{ object: 'FbSalesLines', rows: [{}, { ItCd: '', note: 'x' }] },
			],
		});
		expect(problems).toEqual([
			expect.objectContaining({ kind: 'unknownObject', path: 'Lines' }),
			expect.objectContaining({ kind: 'unknownField', path: 'FbSalesLines[1].note' }),
		]);
		expect(input.objects).toBeUndefined();
		expect(ignored).toEqual(['FbSalesLines[0]', 'FbSalesLines[1]']);
	});

	it('explicit rows replace auto-mapped rows of the same object; rowAction fills missing actions', () => {
		const { input } = elementInputFromMapper(SALES, autoMap, {
			operation: 'update',
			item: {
				OrNu: '5',
				FbSalesLines: [{ ItCd: 'OLD' }],
				lines: [{ ItCd: 'NEW', VaIt: '2' }],
			},
			subObjects: [{ object: 'fbsaleslines', rows: [{ ItCd: 'NEW', VaIt: '2' }] }],
			rowAction: 'insert',
		});
		expect(input).toEqual({
			fields: { OrNu: '5' },
			objects: {
				FbSalesLines: [{ fields: { ItCd: 'NEW', VaIt: '2' }, action: 'insert' }],
			},
		});
	});
});

describe('mapper result through the builder and validation', () => {
	it('KnOrganisation with an address, auto-mapped from an item: valid, exact body, schema-conform', () => {
		const item = {
			MatchOga: '6',
			Nm: 'Acme B.V.',
			CcNr: '12345678',
			PadAdr: 'true',
			AutoNum: true,
			address: {
				CoId: 'NL',
				Ad: 'Stationsplein',
				HmNr: '12',
				ZpCd: '3511 ED',
				Rs: 'Utrecht',
			},
			source: 'crm',
		};
		const { input, problems } = elementInputFromMapper(ORGANISATION, autoMap, {
			operation: 'insert',
			item,
			subObjects: [{ object: 'KnBasicAddressAdr', rows: item.address }],
		});
		expect(problems).toEqual([]);
		expect(validateUpdateElement(ORGANISATION, input, 'insert')).toEqual([]);
		const body = buildUpdateBody(ORGANISATION, input);
		expect(body).toEqual({
			KnOrganisation: {
				Element: {
					Fields: {
						PadAdr: true,
						AutoNum: true,
						MatchOga: '6',
						Nm: 'Acme B.V.',
						CcNr: '12345678',
					},
					Objects: [
						{
							KnBasicAddressAdr: {
								Element: {
									Fields: {
										CoId: 'NL',
										Ad: 'Stationsplein',
										HmNr: 12,
										ZpCd: '3511 ED',
										Rs: 'Utrecht',
									},
								},
							},
						},
					],
				},
			},
		});
		expect(schemaProblems(FIXTURES.KnOrganisation, body)).toEqual([]);
	});

	it('FbSales with lines from a list field: valid, exact body, schema-conform', () => {
		const item = {
			customer: '10001',
			lines: [
				{ VaIt: '2', ItCd: 'BOOK-1', QuUn: '2', Upri: '12.50' },
				{ VaIt: 'Tekst', ItCd: 'TXT', Ds: 'Gift wrap' },
			],
		};
		const mapper = defineBelow({
			DbId: item.customer,
			OrDa: '2024-07-01',
			RfCs: '',
		});
		const mapped = elementInputFromMapper(SALES, mapper, {
			operation: 'insert',
			item,
			subObjects: [{ object: 'FbSalesLines', rows: item.lines }],
		});
		// "Tekst" is a description, not an id: validation says which ids are allowed.
		expect(validateUpdateElement(SALES, mapped.input, 'insert')).toEqual([
			expect.objectContaining({
				path: 'FbSalesLines[1].VaIt',
				kind: 'codeTable',
			}),
		]);

		item.lines[1].VaIt = '3';
		const fixed = elementInputFromMapper(SALES, mapper, {
			operation: 'insert',
			item,
			subObjects: [{ object: 'FbSalesLines', rows: item.lines }],
		});
		expect(validateUpdateElement(SALES, fixed.input, 'insert')).toEqual([]);
		const body = buildUpdateBody(SALES, fixed.input);
		expect(body).toEqual({
			FbSales: {
				Element: {
					Fields: { OrDa: '2024-07-01', DbId: '10001' },
					Objects: [
						{
							FbSalesLines: {
								Element: [
									{
										Fields: { VaIt: '2', ItCd: 'BOOK-1', QuUn: 2, Upri: 12.5 },
									},
									{ Fields: { VaIt: '3', ItCd: 'TXT', Ds: 'Gift wrap' } },
								],
							},
						},
					],
				},
			},
		});
		expect(schemaProblems(FIXTURES.FbSales, body)).toEqual([]);
	});

	it('a blank mandatory field in a line is reported, not sent as empty', () => {
		const { input } = elementInputFromMapper(SALES, defineBelow({ DbId: '1' }), {
			operation: 'insert',
			subObjects: [
				{
					object: 'FbSalesLines',
					rows: [
						{ VaIt: '2', ItCd: 'A' },
						{ VaIt: '2', ItCd: '' },
					],
				},
			],
		});
		expect(validateUpdateElement(SALES, input, 'insert')).toEqual([
			expect.objectContaining({
				path: 'FbSalesLines[1].ItCd',
				kind: 'mandatory',
			}),
		]);
	});

	it('KnPerson upsert through MatchPer: the match field joins the mapped fields', () => {
		const match = upsertMatchField(PERSON);
		const { input } = elementInputFromMapper(
			PERSON,
			defineBelow({ BcCo: '1000551', EmAd: 'a@b.nl' }),
			{
				operation: 'upsert',
			},
		);
		const fields = {
			...input.fields,
			[match!.fieldId]: match!.options[0].value,
		};
		expect(buildUpdateBody(PERSON, { fields })).toEqual({
			KnPerson: {
				Element: { Fields: { MatchPer: '0', BcCo: '1000551', EmAd: 'a@b.nl' } },
			},
		});
	});
});
