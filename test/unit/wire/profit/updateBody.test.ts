import {
	buildUpdateBody,
	readUpdateResults,
	type UpdateJsonElement,
} from '../../../../nodes/Afas/wire/profit/updateBody';
import type { UpdateElementInput } from '../../../../nodes/Afas/wire/profit/updateTypes';
import { validateUpdateElement } from '../../../../nodes/Afas/wire/profit/updateValidation';
import {
	FIXTURES,
	inputFromElement,
	metaFor,
	optionsOf,
	schemaProblems,
	shape,
	type UpdateFixture,
} from './updateFixtures';

type Json = Record<string, unknown>;

/** Fields the metainfo marks mandatory, per fixture object: what an insert must carry at every level. */
function mandatoryOf(connector: string) {
	const meta = metaFor(connector);
	const byName = new Map<string, string[]>();
	const walk = (object: typeof meta) => {
		byName.set(
			object.name,
			(object.fields ?? []).filter((f) => f.mandatory).map((f) => f.fieldId),
		);
		(object.objects ?? []).forEach(walk);
	};
	walk(meta);
	return (object: { name: string }) => byName.get(object.name) ?? [];
}

const EXAMPLES = Object.values(FIXTURES).flatMap((fixture: UpdateFixture) =>
	fixture.examples.map((example) => ({ fixture, ...example })),
);

describe('vendor example bodies (AFAS OpenAPI) rebuilt from metainfo', () => {
	it('covers every connector the issue names', () => {
		expect(Object.keys(FIXTURES)).toEqual(
			expect.arrayContaining(['KnPerson', 'KnOrganisation', 'KnSubject', 'FbSales', 'FiEntries']),
		);
		expect(EXAMPLES.length).toBeGreaterThanOrEqual(14);
	});

	it.each(
		EXAMPLES.map((e) => [`${e.fixture.connector} ${e.verb} ${e.path} "${e.name}"`, e] as const),
	)('%s: same structure, valid, schema-conform', (_title, example) => {
		const { fixture, body, verb, path } = example;
		const meta = metaFor(fixture.connector);
		const vendorElement = body[fixture.root].Element as Json;
		const input = inputFromElement(vendorElement);

		const built = buildUpdateBody(meta, input, optionsOf(vendorElement));
		expect(Object.keys(built)).toEqual([fixture.root]);
		expect(shape(built[fixture.root].Element)).toEqual(shape(vendorElement));
		expect(schemaProblems(fixture, built)).toEqual([]);

		// A sub-object POST updates the parent and inserts the rows of the sub-object named in the path.
		const sub = path.split('/')[3];
		const toCheck: UpdateElementInput = sub
			? {
					...input,
					objects: { [sub]: { ...(input.objects?.[sub] as UpdateElementInput), action: 'insert' } },
				}
			: input;
		const action = verb === 'POST' && !sub ? 'insert' : 'update';
		expect(validateUpdateElement(meta, toCheck, action)).toEqual([]);
	});
});

describe('bodies built from item values', () => {
	it('KnPerson: flat insert with typed values and the schema-required fields', () => {
		const meta = metaFor('KnPerson');
		const input = {
			fields: {
				MatchPer: '7',
				AutoNum: 'true',
				PadAdr: 1,
				FiNm: 'Jan',
				LaNm: 'Jansen',
				ViGe: 'm',
				DaBi: '1990-12-12',
				BcCo: 1000551,
			},
		};
		expect(validateUpdateElement(meta, input, 'insert')).toEqual([]);
		const body = buildUpdateBody(meta, input);
		expect(body).toEqual({
			KnPerson: {
				Element: {
					Fields: {
						PadAdr: true,
						AutoNum: true,
						MatchPer: '7',
						BcCo: '1000551',
						FiNm: 'Jan',
						LaNm: 'Jansen',
						ViGe: 'M',
						DaBi: '1990-12-12',
					},
				},
			},
		});
		expect(schemaProblems(FIXTURES.KnPerson, body, mandatoryOf('KnPerson'))).toEqual([]);
	});

	it('KnOrganisation with an address (KnBasicAddressAdr) and a contact holding a person', () => {
		const meta = metaFor('KnOrganisation');
		const address = {
			fields: {
				CoId: 'NL',
				PbAd: false,
				Ad: 'Philipsstraat',
				HmNr: '105',
				ZpCd: '3833LC',
				Rs: 'Leusden',
			},
		};
		const input: UpdateElementInput = {
			fields: { MatchOga: '6', Nm: 'Jansen BV', AutoNum: true, PadAdr: true },
			objects: {
				KnBasicAddressAdr: address,
				KnContact: {
					fields: { ViKc: 'AFD', PadAdr: false },
					objects: { KnPerson: { fields: { MatchPer: '7', LaNm: 'Jansen', AutoNum: true } } },
				},
			},
		};
		expect(validateUpdateElement(meta, input, 'insert')).toEqual([]);
		const body = buildUpdateBody(meta, input);
		const element = body.KnOrganisation.Element as UpdateJsonElement;
		expect(element.Objects).toEqual([
			{
				KnBasicAddressAdr: {
					Element: {
						Fields: {
							CoId: 'NL',
							PbAd: false,
							Ad: 'Philipsstraat',
							HmNr: 105,
							ZpCd: '3833LC',
							Rs: 'Leusden',
						},
					},
				},
			},
			{
				KnContact: {
					Element: {
						Fields: { ViKc: 'AFD', PadAdr: false },
						Objects: [
							{
								KnPerson: { Element: { Fields: { AutoNum: true, MatchPer: '7', LaNm: 'Jansen' } } },
							},
						],
					},
				},
			},
		]);
		expect(schemaProblems(FIXTURES.KnOrganisation, body, mandatoryOf('KnOrganisation'))).toEqual(
			[],
		);
		// The vendor's own POST example nests the same objects.
		const vendor = FIXTURES.KnOrganisation.examples[0].body.KnOrganisation.Element as Json;
		expect(Object.keys(vendor.Objects as Json)).toContain('KnBasicAddressAdr');
	});

	it('KnSubject with two attachments: the lines become an Element array; the key goes on the Element for PUT', () => {
		const meta = metaFor('KnSubject');
		const insert: UpdateElementInput = {
			fields: { StId: '15', Ds: 'Extra documenten', Da: '2024-08-22T10:00:00', St: '1' },
			objects: {
				KnSubjectLink: { fields: { SfTp: '17', SfId: '000255' } },
				KnSubjectAttachment: [
					{ fields: { FileName: 'a.png', FileStream: 'iVBORw0KGgo=' } },
					{ fields: { FileName: 'b.png', FileStream: 'iVBORw0KGgo=' } },
				],
			},
		};
		expect(validateUpdateElement(meta, insert, 'insert')).toEqual([]);
		const body = buildUpdateBody(meta, insert);
		const element = body.KnSubject.Element as UpdateJsonElement;
		expect(element.Fields).toEqual({
			StId: 15,
			Ds: 'Extra documenten',
			Da: '2024-08-22T10:00:00',
			St: true,
		});
		const attachments = (element.Objects as Json[])[1].KnSubjectAttachment as {
			Element: unknown[];
		};
		expect(attachments.Element).toHaveLength(2);
		expect(shape(element)).toEqual(shape(FIXTURES.KnSubject.examples[0].body.KnSubject.Element));

		const update = buildUpdateBody(meta, { fields: { SbId: '9910', SbTx: 'New text' } });
		expect(update).toEqual({
			KnSubject: { Element: { '@SbId': 9910, Fields: { SbTx: 'New text' } } },
		});
	});

	it('FbSales with lines from a list; Objects as a map when asked (the vendor example form)', () => {
		const meta = metaFor('FbSales');
		const lines = [
			{ ItCd: '1000', QuUn: '10' },
			{ ItCd: '1001', QuUn: '2.5' },
		].map((line) => ({ fields: { VaIt: '2', BiUn: 'stk', ...line } }));
		const input: UpdateElementInput = {
			fields: { DbId: '10001', OrDa: '2024-02-16' },
			objects: { FbSalesLines: lines },
		};
		expect(validateUpdateElement(meta, input, 'insert')).toEqual([]);
		const body = buildUpdateBody(meta, input, { objects: 'map' });
		const element = body.FbSales.Element as UpdateJsonElement;
		expect(element.Objects).toEqual({
			FbSalesLines: {
				Element: [
					{ Fields: { VaIt: '2', ItCd: '1000', BiUn: 'stk', QuUn: 10 } },
					{ Fields: { VaIt: '2', ItCd: '1001', BiUn: 'stk', QuUn: 2.5 } },
				],
			},
		});
		expect(schemaProblems(FIXTURES.FbSales, body, mandatoryOf('FbSales'))).toEqual([]);
		// PUT with OrNu in Fields, as AFAS's FbSales PUT examples do (keys: 'fields').
		const put = buildUpdateBody(
			meta,
			{ fields: { OrNu: '60000175' }, objects: { FbSalesLines: lines } },
			{ keys: 'fields', objects: 'map' },
		);
		expect(shape(put.FbSales.Element)).toEqual(
			shape(FIXTURES.FbSales.examples[2].body.FbSales.Element),
		);
	});

	it('FiEntries: the root is FiEntryPar, never the connector id', () => {
		const meta = metaFor('FiEntries');
		expect(meta.id).toBe('FiEntries');
		const line = (AcNr: string, AmDe: number, AmCr: number) => ({
			fields: { VaAs: '1', AcNr, EnDa: '2023-01-01', BpDa: '2023-01-01', AmDe, AmCr },
		});
		const input: UpdateElementInput = {
			fields: { Year: 2023, Peri: '6', UnId: '1', JoCo: '80' },
			objects: {
				FiEntries: [
					line('0100', 0, 100),
					{ ...line('0200', 100, 0), objects: { FiDimEntries: { fields: { DiC1: '11' } } } },
				],
			},
		};
		expect(validateUpdateElement(meta, input, 'insert')).toEqual([]);
		const body = buildUpdateBody(meta, input);
		expect(Object.keys(body)).toEqual(['FiEntryPar']);
		expect((body.FiEntryPar.Element as Json).Fields).toEqual({
			Year: 2023,
			Peri: 6,
			UnId: 1,
			JoCo: '80',
		});
		expect(schemaProblems(FIXTURES.FiEntries, body, mandatoryOf('FiEntries'))).toEqual([]);
		expect(schemaProblems(FIXTURES.FiEntries, { FiEntries: body.FiEntryPar })).toContain(
			'root FiEntries != FiEntryPar',
		);
	});

	it('a batch of several items is one body with Element as an array', () => {
		const meta = metaFor('KnSubject');
		const body = buildUpdateBody(meta, [
			{ fields: { StId: 4, Ds: 'One' } },
			{ fields: { StId: 4, Ds: 'Two' } },
			{ fields: { StId: 4, Ds: 'Three' } },
		]);
		expect(body.KnSubject.Element).toEqual([
			{ Fields: { StId: 4, Ds: 'One' } },
			{ Fields: { StId: 4, Ds: 'Two' } },
			{ Fields: { StId: 4, Ds: 'Three' } },
		]);
		expect(() => buildUpdateBody(meta, [])).toThrow(RangeError);
	});

	it('per-element @Action for a mixed transaction: in Fields by default, on the Element when asked', () => {
		const meta = metaFor('FbSales');
		const input: UpdateElementInput = {
			fields: { OrNu: '60000178' },
			objects: {
				FbSalesLines: [
					{ action: 'insert', fields: { VaIt: '2', ItCd: '1002', BiUn: 'stk', QuUn: 1 } },
					{ action: 'update', fields: { GuLi: '{8E1B3A58-5F8B-4C51-8D9A-2E7C0E6C1B11}', QuUn: 3 } },
					{ action: 'delete', fields: { GuLi: '{0B6D6C9E-3B63-4C0E-9C44-6F2D3E4A5B66}' } },
				],
			},
		};
		const inFields = buildUpdateBody(meta, input);
		const rows = ((inFields.FbSales.Element as Json).Objects as Json[])[0].FbSalesLines as {
			Element: Json[];
		};
		expect(rows.Element.map((row) => (row.Fields as Json)['@Action'])).toEqual([
			'insert',
			'update',
			'delete',
		]);
		expect((inFields.FbSales.Element as Json)['@OrNu']).toBe('60000178');

		const onElement = buildUpdateBody(meta, input, { action: 'element' });
		const rows2 = ((onElement.FbSales.Element as Json).Objects as Json[])[0].FbSalesLines as {
			Element: Json[];
		};
		expect(rows2.Element.map((row) => row['@Action'])).toEqual(['insert', 'update', 'delete']);
		expect(rows2.Element.every((row) => !('@Action' in (row.Fields as Json)))).toBe(true);
	});

	it('keeps unknown ids and uncoercible values as given (validation reports them) and drops null/undefined', () => {
		const meta = metaFor('KnSubject');
		const body = buildUpdateBody(meta, {
			fields: { StId: 'abc', Zz: 1, Ds: null, SbTx: undefined, St: '' },
		});
		expect(body.KnSubject.Element).toEqual({ Fields: { StId: 'abc', St: '', Zz: 1 } });
	});

	it('reads the keys AFAS returns under the root name, the connector id, or not at all', () => {
		const meta = metaFor('FiEntries');
		expect(
			readUpdateResults(meta, { results: { FiEntryPar: { UnId: '4', EnNo: '54605' } } }),
		).toEqual({ UnId: '4', EnNo: '54605' });
		expect(readUpdateResults(meta, { results: { FiEntries: { EnNo: '1' } } })).toEqual({
			EnNo: '1',
		});
		expect(readUpdateResults(meta, '')).toEqual({});
		expect(readUpdateResults(meta, { results: {} })).toEqual({});
	});
});
