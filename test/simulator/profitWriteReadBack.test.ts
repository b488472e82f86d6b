import { startSimulator, type Simulator } from '../simulator';
import { call, getRows, sendJson, type Row } from './profitTestClient';

type Results = { results: Record<string, Record<string, string>> };

/** An organisation with a visiting address and a contact person, as a client builds it from item fields. */
function organisation(name: string, street: string) {
	return {
		KnOrganisation: {
			Element: {
				Fields: {
					MatchOga: '6',
					AutoNum: true,
					Nm: name,
					EmAd: 'info@acme.example',
				},
				Objects: [
					{
						KnBasicAddressAdr: {
							Element: {
								Fields: {
									CoId: 'NL',
									PbAd: false,
									Ad: street,
									HmNr: 12,
									HmAd: 'a',
									ZpCd: '3511AB',
									Rs: 'Utrecht',
									ResZip: false,
								},
							},
						},
					},
					{
						KnContact: {
							Element: {
								Fields: {
									ViKc: 'PRS',
									FuDs: 'Inkoper',
									EmAd: 'jan@acme.example',
								},
								Objects: [
									{
										KnPerson: {
											Element: {
												Fields: { MatchPer: '7', FiNm: 'Jan', LaNm: 'Smit' },
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
	};
}

function order(reference: string, lines: Array<Record<string, unknown>>, extra = {}) {
	return {
		Fields: {
			DbId: '10004',
			OrDa: '2024-03-01',
			RfCs: reference,
			War: '01',
			...extra,
		},
		Objects: [{ FbSalesLines: { Element: lines.map((Fields) => ({ Fields })) } }],
	};
}

const LINE_A = {
	VaIt: '2',
	ItCd: 'A-100',
	Ds: 'Kabel',
	BiUn: 'stk',
	QuUn: 3,
	Upri: 2.5,
};
const LINE_B = {
	VaIt: '2',
	ItCd: 'B-200',
	Ds: 'Stekker',
	BiUn: 'stk',
	QuUn: 1,
	Upri: 10,
};

async function rowsWhere(sim: Simulator, connector: string, field: string, value: string) {
	// filterjson, because a ',' in a simple filter value would start a new condition.
	const filterjson = JSON.stringify({
		Filters: {
			Filter: [
				{
					'@FilterId': 'f',
					Field: [{ '@FieldId': field, '@OperatorType': 1, '#text': value }],
				},
			],
		},
	});
	const res = await getRows(sim, connector, {
		filterjson,
		orderbyfieldids: connector === 'Profit_SalesOrderLines' ? 'LineNumber' : field,
		skip: 0,
		take: 100,
	});
	expect(res.status).toBe(200);
	return res.json.rows;
}

describe('Profit simulator: writes read back through GetConnectors', () => {
	let sim: Simulator;
	beforeAll(async () => {
		sim = await startSimulator({ port: 0 });
	});
	beforeEach(() => {
		sim.profit.reset();
		sim.clearRequests();
	});
	afterAll(async () => sim.close());

	describe('KnOrganisation with KnBasicAddressAdr and KnContact', () => {
		it('answers with the new keys and shows the address in Profit_Organisations and the contact in Profit_Contacts', async () => {
			const res = await sendJson<Results>(
				sim,
				'POST',
				'/connectors/KnOrganisation',
				organisation('Acme B.V.', 'Kerkstraat'),
			);
			expect(res.status).toBe(201);
			const keys = res.json.results.KnOrganisation;
			expect(keys).toEqual({
				BcCo: expect.stringMatching(/^\d+$/),
				BcId: expect.stringMatching(/^\d+$/),
			});

			const [row] = await rowsWhere(sim, 'Profit_Organisations', 'BcCo', keys.BcCo);
			expect(row).toMatchObject({
				BcId: Number(keys.BcId),
				Name: 'Acme B.V.',
				Street: 'Kerkstraat',
				HouseNumber: 12,
				HouseNumberAddition: 'a',
				ZipCode: '3511AB',
				City: 'Utrecht',
				CountryId: 'NL',
				Email: 'info@acme.example',
				ContactCount: 1,
			});
			const contacts = await rowsWhere(sim, 'Profit_Contacts', 'OrganisationBcCo', keys.BcCo);
			expect(contacts).toEqual([
				expect.objectContaining({
					OrganisationName: 'Acme B.V.',
					ContactType: 'PRS',
					PersonName: 'Jan Smit',
					Function: 'Inkoper',
					Email: 'jan@acme.example',
				}),
			]);
			const [person] = await rowsWhere(
				sim,
				'Profit_Persons',
				'BcCo',
				String(contacts[0].PersonBcCo as string),
			);
			expect(person.Name).toBe('Jan Smit');
		});

		it('updates with PUT (MatchOga 0 + BcCo): a new address row changes only the fields it carries', async () => {
			const inserted = await sendJson<Results>(
				sim,
				'POST',
				'/connectors/KnOrganisation',
				organisation('Acme B.V.', 'Kerkstraat'),
			);
			const { BcCo } = inserted.json.results.KnOrganisation;
			const put = await sendJson<Results>(sim, 'PUT', '/connectors/KnOrganisation', {
				KnOrganisation: {
					Element: {
						Fields: { MatchOga: '0', BcCo, Nm: 'Acme Holding B.V.' },
						Objects: {
							KnBasicAddressAdr: {
								Element: {
									Fields: {
										CoId: 'NL',
										Rs: 'Amersfoort',
										ZpCd: '3811AA',
										BeginDate: '2024-04-01',
									},
								},
							},
						},
					},
				},
			});
			expect(put.status).toBe(201);
			expect(put.json.results.KnOrganisation.BcCo).toBe(BcCo);
			const rows = await rowsWhere(sim, 'Profit_Organisations', 'BcCo', BcCo);
			expect(rows).toHaveLength(1);
			expect(rows[0]).toMatchObject({
				Name: 'Acme Holding B.V.',
				City: 'Amersfoort',
				ZipCode: '3811AA',
				Street: 'Kerkstraat',
			});
		});

		it('refuses DELETE, as AFAS documents only POST and PUT for KnOrganisation', async () => {
			const inserted = await sendJson<Results>(
				sim,
				'POST',
				'/connectors/KnOrganisation',
				organisation('Blijft B.V.', 'Laan'),
			);
			const { BcCo } = inserted.json.results.KnOrganisation;
			const res = await call(sim, `/connectors/KnOrganisation/KnOrganisation/@BcCo/${BcCo}`, {
				method: 'DELETE',
			});
			expect(res.status).toBe(500);
			expect(res.json.externalMessage).toBe('DELETE is not supported by this UpdateConnector.');
			expect(await rowsWhere(sim, 'Profit_Organisations', 'BcCo', BcCo)).toHaveLength(1);
		});

		it('lists the read-back connectors in /metainfo with their address fields', async () => {
			const list = await call<{ getConnectors: Array<{ id: string }> }>(sim, '/metainfo');
			const ids = list.json.getConnectors.map((c) => c.id);
			expect(ids).toEqual(
				expect.arrayContaining(['Profit_Contacts', 'Profit_SalesOrders', 'Profit_SalesOrderLines']),
			);
			const meta = await call<{
				fields: Array<{ id: string; dataType: string }>;
			}>(sim, '/metainfo/get/Profit_Organisations');
			expect(meta.json.fields.map((f) => f.id)).toEqual(
				expect.arrayContaining(['BcCo', 'Name', 'Street', 'HouseNumber', 'ZipCode', 'City']),
			);
		});
	});

	describe('FbSales with FbSalesLines', () => {
		it('inserts two orders in one Element array as one transaction, readable with their lines', async () => {
			const res = await sendJson<Results>(sim, 'POST', '/connectors/FbSales', {
				FbSales: {
					Element: [order('REF-1', [LINE_A, LINE_B]), order('REF-2', [LINE_B])],
				},
			});
			expect(res.status).toBe(201);
			// UNVERIFIED which element's keys AFAS returns for an array: the simulator returns the last one.
			const last = res.json.results.FbSales.OrNu;
			const [first] = await rowsWhere(sim, 'Profit_SalesOrders', 'Reference', 'REF-1');
			const [second] = await rowsWhere(sim, 'Profit_SalesOrders', 'Reference', 'REF-2');
			expect(second.OrderNumber).toBe(last);
			expect(first).toMatchObject({
				DebtorId: '10004',
				OrderDate: '2024-03-01T00:00:00Z',
				Warehouse: '01',
				LineCount: 2,
				TotalAmount: 17.5,
			});
			const lines = await rowsWhere(
				sim,
				'Profit_SalesOrderLines',
				'OrderNumber',
				String(first.OrderNumber),
			);
			expect(lines.map((l: Row) => [l.LineNumber, l.ItemCode, l.Quantity, l.UnitPrice])).toEqual([
				[1, 'A-100', 3, 2.5],
				[2, 'B-200', 1, 10],
			]);
			expect(lines[0].LineGuid).toMatch(/^\{[0-9A-F-]{36}\}$/);
			expect(sim.requests.filter((r) => r.method === 'POST')).toHaveLength(1);
		});

		it('rolls the whole array back when one order fails', async () => {
			const before = sim.profit.rows('Profit_SalesOrders').length;
			const res = await sendJson(sim, 'POST', '/connectors/FbSales', {
				FbSales: {
					Element: [order('OK', [LINE_A]), order('BAD', [LINE_A], { DbId: '99999' })],
				},
			});
			expect(res.status).toBe(500);
			expect(res.json.externalMessage).toBe("The entered value for 'Debtor' does not exist.");
			expect(sim.profit.rows('Profit_SalesOrders')).toHaveLength(before);
		});

		it('updates with PUT: root fields, a line by its GuLi, a new line, and a line deleted with @Action', async () => {
			const res = await sendJson<Results>(sim, 'POST', '/connectors/FbSales', {
				FbSales: { Element: order('PUT-ME', [LINE_A, LINE_B]) },
			});
			const { OrNu } = res.json.results.FbSales;
			const [a, b] = await rowsWhere(sim, 'Profit_SalesOrderLines', 'OrderNumber', OrNu);
			const put = await sendJson<Results>(sim, 'PUT', '/connectors/FbSales', {
				FbSales: {
					Element: {
						'@OrNu': OrNu,
						Fields: { RfCs: 'PUT-DONE' },
						Objects: [
							{
								FbSalesLines: {
									Element: [
										{ Fields: { GuLi: a.LineGuid, QuUn: 5 } },
										{ '@Action': 'delete', Fields: { GuLi: b.LineGuid } },
										{
											Fields: {
												VaIt: '3',
												ItCd: 'TXT',
												Ds: 'Leveren na 12:00',
											},
										},
									],
								},
							},
						],
					},
				},
			});
			expect(put.status).toBe(201);
			expect(put.json.results.FbSales.OrNu).toBe(OrNu);
			const [row] = await rowsWhere(sim, 'Profit_SalesOrders', 'OrderNumber', OrNu);
			expect(row.Reference).toBe('PUT-DONE');
			const lines = await rowsWhere(sim, 'Profit_SalesOrderLines', 'OrderNumber', OrNu);
			expect(lines.map((l: Row) => [l.ItemCode, l.Quantity])).toEqual([
				['A-100', 5],
				['TXT', null],
			]);
			const unknown = await sendJson(sim, 'PUT', '/connectors/FbSales', {
				FbSales: {
					Element: {
						'@OrNu': OrNu,
						Objects: {
							FbSalesLines: {
								Element: {
									'@Action': 'update',
									Fields: { GuLi: '{NOPE}', QuUn: 1 },
								},
							},
						},
					},
				},
			});
			expect(unknown.status).toBe(500);
			expect(unknown.json.externalMessage).toBe(
				"The entered value for 'GUID line' does not exist.",
			);
		});

		it('deletes one line with the nested path and then the order, with encoded key values', async () => {
			const orderNumber = 'W/24,7 b';
			const res = await sendJson<Results>(sim, 'POST', '/connectors/FbSales', {
				FbSales: {
					Element: order('DEL', [LINE_A, LINE_B], { OrNu: orderNumber }),
				},
			});
			expect(res.json.results.FbSales.OrNu).toBe(orderNumber);
			const encoded = encodeURIComponent(orderNumber);
			const [a] = await rowsWhere(sim, 'Profit_SalesOrderLines', 'OrderNumber', orderNumber);
			const line = await call(
				sim,
				`/connectors/FbSales/FbSales/@OrNu/${encoded}/FbSalesLines/@GuLi/${encodeURIComponent(String(a.LineGuid))}`,
				{ method: 'DELETE' },
			);
			expect(line.status).toBe(200);
			expect(line.text).toBe('');
			const left = await rowsWhere(sim, 'Profit_SalesOrderLines', 'OrderNumber', orderNumber);
			expect(left.map((l: Row) => l.ItemCode)).toEqual(['B-200']);

			const whole = await call(sim, `/connectors/FbSales/FbSales/OrNu/${encoded}`, {
				method: 'DELETE',
			});
			expect(whole.status).toBe(200);
			expect(await rowsWhere(sim, 'Profit_SalesOrders', 'OrderNumber', orderNumber)).toEqual([]);
			expect(await rowsWhere(sim, 'Profit_SalesOrderLines', 'OrderNumber', orderNumber)).toEqual(
				[],
			);
			const again = await call(sim, `/connectors/FbSales/FbSales/@OrNu/${encoded}`, {
				method: 'DELETE',
			});
			expect(again.status).toBe(500);
			expect(again.json.externalMessage).toBe("The entered value for 'Number' does not exist.");
			// Decoded before splitting, the ',' would have made two values for one key: not found, 404.
			const unencoded = await call(sim, `/connectors/FbSales/FbSales/@OrNu/W%2F24,7%20b`, {
				method: 'DELETE',
			});
			expect(unencoded.status).toBe(404);
		});
	});

	it('deletes a journal entry by several keys whose values need encoding', async () => {
		const post = await sendJson<Results>(sim, 'POST', '/connectors/FiEntries', {
			FiEntryPar: {
				Element: {
					Fields: { Year: '2024', Peri: '3', UnId: '1', JoCo: 'M,1' },
					Objects: {
						FiEntries: {
							Element: [
								{
									Fields: {
										VaAs: '1',
										AcNr: '1100',
										EnDa: '2024-03-01',
										BpDa: '2024-03-01',
										BpNr: 'X',
										AmDe: '5',
									},
								},
								{
									Fields: {
										VaAs: '1',
										AcNr: '8000',
										EnDa: '2024-03-01',
										BpDa: '2024-03-01',
										BpNr: 'X',
										AmCr: '5',
									},
								},
							],
						},
					},
				},
			},
		});
		expect(post.status).toBe(201);
		const { EnNo } = post.json.results.FiEntryPar;
		const res = await call(
			sim,
			`/connectors/FiEntries/FiEntryPar/UnId,JoCo/1,M%2C1/FiEntries/@EnNo/${EnNo}`,
			{
				method: 'DELETE',
			},
		);
		expect(res.status).toBe(200);
		expect(sim.profit.data.journalEntries).toEqual([]);
	});

	it('keeps each write body in the request log, with the credential masked', async () => {
		const body = organisation('Log B.V.', 'Logstraat');
		await sendJson(sim, 'POST', '/connectors/KnOrganisation', body);
		await call(sim, '/connectors/FbSales/FbSales/@OrNu/60000175', {
			method: 'DELETE',
		});
		const [post, del] = sim.requests;
		expect(post).toMatchObject({ method: 'POST', status: 201, body });
		expect(post.headers.authorization).toBe('AfasToken ***');
		expect(del).toMatchObject({
			method: 'DELETE',
			status: 200,
			body: undefined,
		});
		expect(JSON.stringify(sim.requests)).not.toContain(sim.credentials.profit.tokenBase64);
	});

	it('reset() brings back the seeded records and restarts the numbering', async () => {
		const first = await sendJson<Results>(sim, 'POST', '/connectors/FbSales', {
			FbSales: { Element: order('R', [LINE_A]) },
		});
		await call(sim, '/connectors/FbSales/FbSales/@OrNu/60000175', {
			method: 'DELETE',
		});
		sim.profit.reset();
		expect(sim.profit.rows('Profit_SalesOrders').map((r) => r.OrderNumber)).toContain('60000175');
		expect(sim.profit.rows('Profit_SalesOrders').some((r) => r.Reference === 'R')).toBe(false);
		const second = await sendJson<Results>(sim, 'POST', '/connectors/FbSales', {
			FbSales: { Element: order('R', [LINE_A]) },
		});
		expect(second.json.results.FbSales.OrNu).toBe(first.json.results.FbSales.OrNu);
	});
});
