/**
 * UpdateConnector Insert through the real node against the simulator: every body shape the node builds from
 * items (flat, nested map, multi-line from an item list, nested path, JSON mode, @Action), the root name from
 * metainfo, validation before sending (no request), Dry Run, output, and bodies checked against AFAS's schemas
 * (the committed fixtures).
 */
import type { IDataObject, INodeParameters, ResourceMapperValue } from 'n8n-workflow';

import { useSimulator } from '../helpers/simulator';
import { FIXTURES, schemaProblems } from '../unit/wire/profit/updateFixtures';
import { byId, jsonOf, runProfit, thrownBy } from './setup';
import type { Simulator } from './setup';

const sim = useSimulator();

function writes(s: Simulator) {
	return s.requests.filter((request) => request.method !== 'GET');
}

function insert(connector: string, extra: INodeParameters = {}): INodeParameters {
	return {
		resource: 'updateConnector',
		operation: 'insert',
		updateConnector: byId(connector),
		...extra,
	};
}

function mapped(
	value: IDataObject,
	mappingMode: ResourceMapperValue['mappingMode'] = 'defineBelow',
): ResourceMapperValue {
	return {
		mappingMode,
		value: value as ResourceMapperValue['value'],
		matchingColumns: [],
		schema: [],
		attemptToConvertTypes: false,
		convertFieldsToString: false,
	};
}

describe('UpdateConnector: Insert', () => {
	it('inserts a KnOrganisation with an address from item data, as a flat body with a nested sub-object', async () => {
		const before = sim.profit.data.organisations.length;
		const output = await runProfit(sim, {
			parameters: insert('KnOrganisation', {
				fields: mapped({
					MatchOga: '6',
					Nm: 'Acme Writes BV',
					EmAd: 'info@acme.test',
				}),
				subObjects: {
					rows: [
						{
							object: 'KnBasicAddressAdr',
							source: 'itemField',
							itemField: 'address',
						},
					],
				},
			}),
			items: [
				{
					json: {
						address: {
							CoId: 'NL',
							Ad: 'Hoofdstraat',
							HmNr: '12',
							Rs: 'Utrecht',
						},
					},
				},
			],
		});
		expect(jsonOf(output)).toEqual([
			{
				BcCo: expect.any(String),
				BcId: expect.any(String),
				connector: 'KnOrganisation',
				operation: 'insert',
			},
		]);
		expect(output[0].pairedItem).toEqual({ item: 0 });
		expect(sim.profit.data.organisations).toHaveLength(before + 1);
		const [post] = writes(sim);
		expect(post.method).toBe('POST');
		expect(post.path).toBe('/ProfitRestServices/connectors/KnOrganisation');
		expect(post.body).toEqual({
			KnOrganisation: {
				Element: {
					Fields: {
						MatchOga: '6',
						Nm: 'Acme Writes BV',
						EmAd: 'info@acme.test',
					},
					Objects: [
						{
							KnBasicAddressAdr: {
								Element: {
									Fields: {
										CoId: 'NL',
										Ad: 'Hoofdstraat',
										HmNr: 12,
										Rs: 'Utrecht',
									},
								},
							},
						},
					],
				},
			},
		});
		expect(schemaProblems(FIXTURES.KnOrganisation, post.body as IDataObject)).toEqual([]);
	});

	it('turns a list field of the item into FbSalesLines rows (multi-line), labels and ids alike', async () => {
		const before = sim.profit.data.salesOrders.length;
		const output = await runProfit(sim, {
			parameters: insert('FbSales', {
				fields: mapped({
					DbId: '10001',
					OrDa: '2024-07-01',
					RfCs: 'n8n order',
				}),
				subObjects: {
					rows: [
						{
							object: 'FbSalesLines',
							source: 'itemField',
							itemField: 'order.lines',
						},
					],
				},
			}),
			items: [
				{
					json: {
						order: {
							lines: [
								{ VaIt: '2', ItCd: 'A100', QuUn: 2, Upri: '9.95' },
								{ VaIt: '2', ItCd: 'B200', QuUn: '1' },
							],
						},
					},
				},
			],
		});
		expect(output[0].json).toEqual({
			OrNu: expect.any(String),
			connector: 'FbSales',
			operation: 'insert',
		});
		expect(sim.profit.data.salesOrders).toHaveLength(before + 1);
		const [post] = writes(sim);
		expect(post.body).toEqual({
			FbSales: {
				Element: {
					Fields: { OrDa: '2024-07-01', DbId: '10001', RfCs: 'n8n order' },
					Objects: [
						{
							FbSalesLines: {
								Element: [
									{ Fields: { VaIt: '2', ItCd: 'A100', QuUn: 2, Upri: 9.95 } },
									{ Fields: { VaIt: '2', ItCd: 'B200', QuUn: 1 } },
								],
							},
						},
					],
				},
			},
		});
		expect(schemaProblems(FIXTURES.FbSales, post.body as IDataObject)).toEqual([]);
		const order = sim.profit.data.salesOrders.find((o) => o.OrNu === output[0].json.OrNu);
		expect((order?.lines as unknown[]).length).toBe(2);
	});

	it('maps items automatically, sub-objects included (a key named like a sub-object holds its rows)', async () => {
		await runProfit(sim, {
			parameters: insert('FbSales', { fields: mapped({}, 'autoMapInputData') }),
			items: [
				{
					json: {
						DbId: '10002',
						ignored: 'x',
						FbSalesLines: [{ VaIt: '2', ItCd: 'C1' }],
					},
				},
			],
		});
		const [post] = writes(sim);
		expect(post.body).toEqual({
			FbSales: {
				Element: {
					Fields: { DbId: '10002' },
					Objects: [
						{
							FbSalesLines: { Element: { Fields: { VaIt: '2', ItCd: 'C1' } } },
						},
					],
				},
			},
		});
	});

	it('nests a contact with its person (KnContact.KnPerson) below an organisation', async () => {
		await runProfit(sim, {
			parameters: insert('KnOrganisation', {
				fields: mapped({ MatchOga: '6', Nm: 'Nested BV' }),
				subObjects: {
					rows: [
						{
							object: 'KnContact.KnPerson',
							source: 'json',
							json: '{"MatchPer":"7","FiNm":"Ann","LaNm":"Smit"}',
						},
						{
							object: 'KnContact',
							source: 'json',
							json: { ViKc: 'PRS', EmAd: 'ann@nested.test' },
						},
					],
				},
			}),
		});
		const [post] = writes(sim);
		expect(post.status).toBe(201);
		expect(post.body).toEqual({
			KnOrganisation: {
				Element: {
					Fields: { MatchOga: '6', Nm: 'Nested BV' },
					Objects: [
						{
							KnContact: {
								Element: {
									Fields: { ViKc: 'PRS', EmAd: 'ann@nested.test' },
									Objects: [
										{
											KnPerson: {
												Element: {
													Fields: { MatchPer: '7', FiNm: 'Ann', LaNm: 'Smit' },
												},
											},
										},
									],
								},
							},
						},
					],
				},
			},
		});
	});

	it('takes the root element name from metainfo: FiEntries is sent as FiEntryPar', async () => {
		const output = await runProfit(sim, {
			parameters: insert('FiEntries', {
				fields: mapped({ Year: 2024, Peri: 7, UnId: 1, JoCo: '50' }),
				subObjects: {
					rows: [{ object: 'FiEntries', source: 'itemField', itemField: 'lines' }],
				},
			}),
			items: [
				{
					json: {
						lines: [
							{
								VaAs: '1',
								AcNr: '1300',
								EnDa: '2024-07-01',
								BpDa: '2024-07-01',
								AmDe: 100,
							},
							{
								VaAs: '1',
								AcNr: '8000',
								EnDa: '2024-07-01',
								BpDa: '2024-07-01',
								AmCr: '100.00',
							},
						],
					},
				},
			],
		});
		expect(output[0].json).toEqual({
			UnId: '1',
			EnNo: expect.any(String),
			connector: 'FiEntries',
			operation: 'insert',
		});
		const [post] = writes(sim);
		expect(post.path).toBe('/ProfitRestServices/connectors/FiEntries');
		expect(Object.keys(post.body as IDataObject)).toEqual(['FiEntryPar']);
		expect(schemaProblems(FIXTURES.FiEntries, post.body as IDataObject)).toEqual([]);
	});

	it('sends JSON mode elements as given (map-shaped Objects, @Action on a row) after checking them', async () => {
		const element = {
			Fields: { StId: '1', Ds: 'Dossier from JSON' },
			Objects: {
				KnSubjectLink: {
					Element: { Fields: { '@Action': 'insert', SfTp: '1', SfId: '' } },
				},
			},
		};
		const output = await runProfit(sim, {
			parameters: insert('KnSubject', {
				inputMode: 'json',
				elementJson: JSON.stringify(element),
			}),
		});
		expect(output[0].json).toEqual({
			SbId: expect.any(String),
			connector: 'KnSubject',
			operation: 'insert',
		});
		const [post] = writes(sim);
		expect(post.body).toEqual({ KnSubject: { Element: element } });
	});

	it('accepts a whole body in JSON mode, and refuses a body under the connector id where the root differs', async () => {
		const error = await thrownBy(() =>
			runProfit(sim, {
				parameters: insert('FiEntries', {
					inputMode: 'json',
					elementJson: { FiEntries: { Element: { Fields: { Year: 2024 } } } },
				}),
			}),
		);
		expect(error.message).toContain(
			"The root element must be 'FiEntryPar' (not the connector id FiEntries)",
		);
		expect(writes(sim)).toHaveLength(0);
	});

	describe('validation before sending: no request for the item', () => {
		const cases: Array<[string, string, IDataObject, string]> = [
			[
				'missing mandatory',
				'KnOrganisation',
				{ MatchOga: '6', EmAd: 'x@y.z' },
				"'Name' (Nm) is mandatory in KnOrganisation",
			],
			[
				'code table',
				'KnOrganisation',
				{ MatchOga: '6', Nm: 'X', ViLe: 'nope' },
				'(ViLe) does not allow "nope"',
			],
			[
				'type',
				'FiEntries',
				{ Year: 'twenty', Peri: 1, JoCo: '50' },
				'(Year) needs a whole number, got "twenty"',
			],
			[
				'length',
				'FiEntries',
				{ Year: 2024, Peri: 1, JoCo: '1234567' },
				'(JoCo) is 7 characters long; AFAS allows at most 6',
			],
			[
				'unknown field',
				'KnOrganisation',
				{ MatchOga: '6', Nm: 'X', NoSuchField: 'y' },
				"Field 'NoSuchField' does not exist in KnOrganisation",
			],
		];
		it.each(cases)('%s', async (_kind, connector, value, message) => {
			const error = await thrownBy(() =>
				runProfit(sim, {
					parameters: insert(connector, { fields: mapped(value) }),
				}),
			);
			expect(`${error.message}\n${String(error.description)}`).toContain(message);
			expect(String(error.description)).toContain('Nothing was sent to AFAS for this item.');
			expect(writes(sim)).toHaveLength(0);
		});

		it('refuses a sub-object row key that is no field (a typo never silently loses the address)', async () => {
			const error = await thrownBy(() =>
				runProfit(sim, {
					parameters: insert('KnOrganisation', {
						fields: mapped({ MatchOga: '6', Nm: 'Typo BV' }),
						subObjects: {
							rows: [{ object: 'KnBasicAddressAdr', source: 'itemField', itemField: 'address' }],
						},
					}),
					items: [{ json: { address: { CoId: 'NL', Rs: 'Utrecht', Postcode: '3511AA' } } }],
				}),
			);
			expect(`${error.message}\n${String(error.description)}`).toContain(
				"'Postcode' is neither a field nor a sub-object of KnBasicAddressAdr",
			);
			expect(writes(sim)).toHaveLength(0);
		});

		it('reports a bad sub-object row with its path, label and id; other items still go', async () => {
			const output = await runProfit(sim, {
				parameters: insert('FbSales', {
					fields: mapped({}, 'autoMapInputData'),
				}),
				items: [
					{
						json: {
							DbId: '10001',
							FbSalesLines: [{ VaIt: '2', ItCd: 'A' }, { VaIt: '2' }],
						},
					},
					{
						json: { DbId: '10001', FbSalesLines: [{ VaIt: '2', ItCd: 'OK' }] },
					},
				],
				continueOnFail: true,
			});
			expect(output[0].json.error).toBe(
				"FbSales: FbSalesLines[1].ItCd: 'Itemcode' (ItCd) is mandatory in FbSalesLines",
			);
			expect(output[1].json).toMatchObject({
				OrNu: expect.any(String),
				connector: 'FbSales',
			});
			expect(output.map((item) => item.pairedItem)).toEqual([{ item: 0 }, { item: 1 }]);
			expect(writes(sim)).toHaveLength(1);
		});
	});

	it('Dry Run outputs the exact URL and body and sends nothing', async () => {
		const output = await runProfit(sim, {
			parameters: insert('FiEntries', {
				fields: mapped({ Year: '2024', Peri: 7, JoCo: '50' }),
				subObjects: {
					rows: [
						{
							object: 'FiEntries',
							source: 'json',
							json: '[{"VaAs":"1","AcNr":"1300","EnDa":"2024-07-01","BpDa":"2024-07-01","AmDe":"5"}]',
						},
					],
				},
				options: { dryRun: true },
			}),
		});
		expect(output).toEqual([
			{
				json: {
					dryRun: true,
					method: 'POST',
					url: `${sim.profitUrl}/connectors/FiEntries`,
					body: {
						FiEntryPar: {
							Element: {
								Fields: { Year: 2024, Peri: 7, JoCo: '50' },
								// A list of one row is sent as one Element, like every single element.
								Objects: [
									{
										FiEntries: {
											Element: {
												Fields: {
													VaAs: '1',
													AcNr: '1300',
													EnDa: '2024-07-01',
													BpDa: '2024-07-01',
													AmDe: 5,
												},
											},
										},
									},
								],
							},
						},
					},
				},
				pairedItem: { item: 0 },
			},
		]);
		expect(writes(sim)).toHaveLength(0);
	});

	it('adds order lines to an existing order through the sub-object endpoint', async () => {
		const order = sim.profit.data.salesOrders[0];
		const lines = (order.lines as unknown[]).length;
		await runProfit(sim, {
			parameters: insert('FbSales', {
				fields: mapped({ OrNu: order.OrNu as string }),
				subObjects: {
					rows: [
						{
							object: 'FbSalesLines',
							source: 'json',
							json: { VaIt: '2', ItCd: 'EXTRA' },
						},
					],
				},
				options: {
					subObjectEndpoint: 'FbSalesLines',
					includeInputFields: true,
				},
			}),
			items: [{ json: { note: 'kept' } }],
		});
		const [post] = writes(sim);
		expect(post.path).toBe('/ProfitRestServices/connectors/FbSales/FbSalesLines');
		expect(post.body).toEqual({
			FbSales: {
				Element: {
					'@OrNu': order.OrNu,
					Objects: [
						{
							FbSalesLines: {
								Element: {
									Fields: { '@Action': 'insert', VaIt: '2', ItCd: 'EXTRA' },
								},
							},
						},
					],
				},
			},
		});
		expect((order.lines as unknown[]).length).toBe(lines + 1);
	});

	it('outputs success for an empty answer, with the input fields when asked', async () => {
		sim.addFault({
			type: 'answer',
			status: 201,
			body: '',
			contentType: 'application/json',
			times: 1,
			match: { method: 'POST' },
		});
		const output = await runProfit(sim, {
			parameters: insert('KnSubject', {
				fields: mapped({ StId: '1', Ds: 'Quiet' }),
				options: { includeInputFields: true },
			}),
			items: [{ json: { source: 'crm' } }],
		});
		expect(output[0].json).toEqual({
			source: 'crm',
			success: true,
			connector: 'KnSubject',
			operation: 'insert',
		});
	});
});
