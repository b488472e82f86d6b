import { startSimulator, type Simulator } from '../simulator';
import { call, getRows, sendJson, type FileBody, type ProfitErrorBody } from './profitTestClient';

type Results = { results: Record<string, Record<string, string>> };

/** The vendor's OpenAPI examples (AFAS OASContent, Profit 6.6.9), verbatim apart from shortened file data. */
const CREATE_BASIC_PERSON = {
	KnPerson: {
		Element: {
			Fields: {
				PadAdr: '1',
				AutoNum: '1',
				MatchPer: '7',
				SeNm: 'ZOEKNAAM',
				CaNm: 'Jan',
				FiNm: 'Jan',
				In: 'J.A.',
				LaNm: 'Jansen',
				SpNm: '0',
				ViGe: 'M',
				TtId: 'ALG',
				Corr: '0',
			},
		},
	},
};
const CASHBOOK_CREDITOR_PAY = {
	FiEntryPar: {
		Element: {
			Fields: { Year: '2013', Peri: '1', UnId: '1', JoCo: '50' },
			Objects: {
				FiEntries: {
					Element: [
						{
							Fields: {
								VaAs: '1',
								AcNr: '1100',
								EnDa: '2013-01-02',
								BpDa: '2013-01-02',
								BpNr: 'BANK0002',
								AmDe: '0',
								AmCr: '1806.22',
							},
						},
						{
							Fields: {
								VaAs: '3',
								AcNr: '60005',
								EnDa: '2013-01-02',
								BpDa: '2013-01-02',
								BpNr: 'BANK0002',
								InId: 'INK00188',
								AmDe: '1806.22',
								AmCr: '0',
							},
						},
					],
				},
			},
		},
	},
};
const SALES_ORDER = {
	FbSales: {
		Element: {
			Fields: {
				OrDa: '2024-02-16',
				DbId: '10001',
				Unit: 1,
				War: '01',
				ExAd: 'Example delivery address note',
			},
			Objects: [
				{
					FbSalesLines: {
						Element: [
							{
								Fields: {
									VaIt: '2',
									ItCd: '1006',
									Ds: 'Server behuizing 3 units Antec',
									BiUn: 'STK',
									QuUn: '1',
									Upri: '261.72',
								},
							},
							{
								Fields: {
									VaIt: '6',
									ItCd: 'D012',
									Ds: 'Transportkosten',
									BiUn: '*****',
									QuUn: '1',
									Upri: '30',
								},
							},
						],
					},
				},
			],
		},
	},
};
const PNG =
	'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNkYPhfDwAChwGA60e6kgAAAABJRU5ErkJggg==';

describe('Profit simulator: UpdateConnectors', () => {
	let sim: Simulator;
	beforeAll(async () => {
		sim = await startSimulator({ port: 0 });
	});
	afterAll(async () => sim.close());

	describe('KnPerson', () => {
		it('inserts the vendor example and the person shows up in Profit_Persons', async () => {
			const res = await sendJson<Results>(sim, 'POST', '/connectors/KnPerson', CREATE_BASIC_PERSON);
			expect(res.status).toBe(201);
			const result = res.json.results.KnPerson;
			expect(result).toEqual({ BcCo: expect.any(String), BcId: expect.any(String) });
			const read = await getRows(sim, 'Profit_Persons', {
				filterfieldids: 'BcCo',
				filtervalues: result.BcCo,
				operatortypes: 1,
			});
			expect(read.json.rows).toHaveLength(1);
			expect(read.json.rows[0]).toMatchObject({
				BcId: Number(result.BcId),
				FirstName: 'Jan',
				LastName: 'Jansen',
				Initials: 'J.A.',
				Gender: 'M',
			});
		});

		it('stamps the write with the Amsterdam wall-clock time of the virtual clock, printed with a Z', async () => {
			const res = await sendJson<Results>(sim, 'POST', '/connectors/KnPerson', {
				KnPerson: { Element: { Fields: { MatchPer: '7', LaNm: 'Klok' } } },
			});
			const person = sim.profit
				.rows('Profit_Persons')
				.find((row) => row.BcCo === res.json.results.KnPerson.BcCo);
			const amsterdam = new Intl.DateTimeFormat('sv-SE', {
				timeZone: 'Europe/Amsterdam',
				dateStyle: 'short',
				timeStyle: 'medium',
			});
			const expectedPrefix = amsterdam.format(new Date(sim.now())).replace(' ', 'T').slice(0, 13);
			expect(String(person?.CreateDate)).toMatch(/Z$/);
			expect(String(person?.CreateDate).slice(0, 13)).toBe(expectedPrefix);
		});

		it('updates with PUT via MatchPer 0 + BcCo in Fields, or the key as an @ attribute', async () => {
			const bcCo = '100001';
			const put = await sendJson<Results>(sim, 'PUT', '/connectors/KnPerson', {
				KnPerson: { Element: { Fields: { MatchPer: '0', BcCo: bcCo, EmAd: 'nieuw@example.nl' } } },
			});
			expect(put.status).toBe(201);
			const attr = await sendJson<Results>(sim, 'PUT', '/connectors/KnPerson', {
				KnPerson: { Element: { '@BcId': 2, Fields: { MbNr: '0612345678' } } },
			});
			expect(attr.status).toBe(201);
			const rows = sim.profit.rows('Profit_Persons');
			expect(rows.find((row) => row.BcCo === bcCo)?.Email).toBe('nieuw@example.nl');
			expect(rows.find((row) => row.BcId === 2)?.MobilePhone).toBe('0612345678');
		});

		it('refuses a missing mandatory field with the standard 500 body and changes nothing', async () => {
			const before = sim.profit.data.persons.length;
			const res = await sendJson<ProfitErrorBody>(sim, 'POST', '/connectors/KnPerson', {
				KnPerson: { Element: { Fields: { LaNm: 'Zonder' } } },
			});
			expect(res.status).toBe(500);
			expect(res.json.externalMessage).toContain('MatchPer');
			expect(res.json.profitLogReference).toMatch(/^[0-9A-F]{32}$/);
			expect(sim.profit.data.persons.length).toBe(before);
		});

		it('refuses a value outside the code table with the vendor message', async () => {
			const res = await sendJson<ProfitErrorBody>(sim, 'POST', '/connectors/KnPerson', {
				KnPerson: { Element: { Fields: { MatchPer: '7', LaNm: 'X', ViGe: 'Q' } } },
			});
			expect(res.status).toBe(500);
			expect(res.json).toMatchObject({
				externalMessage: "The entered value for 'Gender' does not exist.",
				errorNumber: -2147220469,
			});
		});

		it('refuses unknown fields, invalid JSON and a wrong root element', async () => {
			const unknown = await sendJson(sim, 'POST', '/connectors/KnPerson', {
				KnPerson: { Element: { Fields: { MatchPer: '7', Nope: 'x' } } },
			});
			expect(unknown.status).toBe(500);
			expect(unknown.json.externalMessage).toContain("'Nope'");
			const broken = await call<{ message: string }>(sim, '/connectors/KnPerson', {
				method: 'POST',
				headers: { 'Content-Type': 'application/json' },
				body: '{"KnPerson":',
			});
			expect(broken.status).toBe(400);
			expect(broken.json).toEqual({ message: 'Invalid json' });
			const root = await sendJson(sim, 'POST', '/connectors/FiEntries', {
				FiEntries: CASHBOOK_CREDITOR_PAY.FiEntryPar,
			});
			expect(root.status).toBe(500);
			expect(root.json.externalMessage).toContain('FiEntryPar');
		});
	});

	describe('KnOrganisation', () => {
		it('accepts Objects as a map and as an array of single-key objects', async () => {
			const address = {
				Element: {
					Fields: {
						PbAd: '0',
						Ad: 'Teststraat',
						HmNr: '105',
						ZpCd: '3833LC',
						CoId: 'NL',
						Rs: 'Leusden',
						ResZip: '0',
					},
				},
			};
			const map = await sendJson<Results>(sim, 'POST', '/connectors/KnOrganisation', {
				KnOrganisation: {
					Element: {
						Fields: {
							PadAdr: '1',
							AutoNum: '0',
							MatchOga: '0',
							BcCo: '1000812',
							SeNm: 'ZOEKNAAM',
							Nm: 'Jansen',
						},
						Objects: { KnBasicAddressAdr: address, KnBasicAddressPad: address },
					},
				},
			});
			expect(map.status).toBe(201);
			expect(map.json.results.KnOrganisation.BcCo).toBe('1000812');
			const array = await sendJson<Results>(sim, 'POST', '/connectors/KnOrganisation', {
				KnOrganisation: {
					Element: {
						Fields: { MatchOga: '6', AutoNum: true, Nm: 'Array B.V.' },
						Objects: [{ KnBasicAddressAdr: address }],
					},
				},
			});
			expect(array.status).toBe(201);
			const rows = sim.profit.rows('Profit_Organisations');
			expect(rows.find((row) => row.BcCo === '1000812')?.Name).toBe('Jansen');
			expect(rows.find((row) => row.BcCo === array.json.results.KnOrganisation.BcCo)?.Name).toBe(
				'Array B.V.',
			);
		});

		it('validates nested objects: a sub-object without its mandatory field fails the whole request', async () => {
			const res = await sendJson(sim, 'POST', '/connectors/KnOrganisation', {
				KnOrganisation: {
					Element: {
						Fields: { MatchOga: '6', Nm: 'Half B.V.' },
						Objects: { KnBasicAddressAdr: { Element: { Fields: { Ad: 'Zonder land' } } } },
					},
				},
			});
			expect(res.status).toBe(500);
			expect(res.json.externalMessage).toContain('CoId');
			expect(sim.profit.rows('Profit_Organisations').some((row) => row.Name === 'Half B.V.')).toBe(
				false,
			);
		});
	});

	describe('KnSubject', () => {
		it('creates a dossier item with attachments and serves them through the SubjectConnector', async () => {
			const res = await sendJson<Results>(sim, 'POST', '/connectors/KnSubject', {
				KnSubject: {
					Element: {
						Fields: {
							StId: '15',
							Ds: 'Extra document(en) sollicitatie',
							Da: '2024-08-22T10:00:00',
							St: '1',
							UC2DE284248374B083C966F9B4EEEE9E2: '333',
						},
						Objects: {
							KnSubjectLink: { Element: { Fields: { SfTp: '17', SfId: '000255' } } },
							KnSubjectAttachment: {
								Element: [
									{ Fields: { FileName: 'example.png', FileStream: PNG } },
									{ Fields: { FileName: 'notes.txt', FileStream: btoa('hello') } },
								],
							},
						},
					},
				},
			});
			expect(res.status).toBe(201);
			const sbId = Number(res.json.results.KnSubject.SbId);
			const attachments = await getRows(sim, 'Profit_Subject_Attachments', {
				filterfieldids: 'subject_id',
				filtervalues: sbId,
				operatortypes: 1,
			});
			expect(attachments.json.rows.map((row) => row.file_name)).toEqual([
				'example.png',
				'notes.txt',
			]);
			const file = await call<FileBody>(
				sim,
				`/subjectconnector/${sbId}/${attachments.json.rows[1].file_id}`,
			);
			expect(file.status).toBe(200);
			expect(file.json).toEqual({
				filename: 'notes.txt',
				mimetype: 'text/plain',
				filedata: btoa('hello'),
			});
		});

		it('adds an attachment to an existing item via POST /connectors/KnSubject/KnSubjectAttachment', async () => {
			const res = await sendJson<Results>(
				sim,
				'POST',
				'/connectors/KnSubject/KnSubjectAttachment',
				{
					KnSubject: {
						Element: {
							'@SbId': 54286,
							Objects: [
								{
									KnSubjectAttachment: {
										Element: { Fields: { FileName: 'extra.png', FileStream: PNG } },
									},
								},
							],
						},
					},
				},
			);
			expect(res.status).toBe(201);
			expect(res.json).toEqual({ results: { KnSubject: { SbId: '54286' } } });
			const subject = sim.profit.rows('Profit_Subjects').find((row) => row.SbId === 54286);
			expect(subject?.AttachmentCount).toBe(3);
		});

		it('updates with PUT and @SbId, and deletes with and without the @ in the key segment', async () => {
			const put = await sendJson(sim, 'PUT', '/connectors/KnSubject', {
				KnSubject: { Element: { '@SbId': '9910', Fields: { Ds: 'Nieuw onderwerp' } } },
			});
			expect(put.status).toBe(201);
			expect(sim.profit.rows('Profit_Subjects').find((row) => row.SbId === 9910)?.Subject).toBe(
				'Nieuw onderwerp',
			);

			const withAt = await call(sim, '/connectors/KnSubject/KnSubject/@SbId/9910', {
				method: 'DELETE',
			});
			expect(withAt.status).toBe(200);
			expect(withAt.text).toBe('');
			const without = await call(sim, '/connectors/KnSubject/KnSubject/SbId/9937', {
				method: 'DELETE',
			});
			expect(without.status).toBe(200);
			const ids = sim.profit.rows('Profit_Subjects').map((row) => row.SbId);
			expect(ids).not.toContain(9910);
			expect(ids).not.toContain(9937);
			const again = await call(sim, '/connectors/KnSubject/KnSubject/@SbId/9910', {
				method: 'DELETE',
			});
			expect(again.status).toBe(500);
			expect(again.json.errorNumber).toBe(-2147220469);
		});
	});

	describe('FbSales', () => {
		it('creates the vendor order with lines (Element as array inside Objects array)', async () => {
			const res = await sendJson<Results>(sim, 'POST', '/connectors/FbSales', SALES_ORDER);
			expect(res.status).toBe(201);
			const orNu = res.json.results.FbSales.OrNu;
			const order = sim.profit.data.salesOrders.find((o) => o.OrNu === orNu) as {
				lines: unknown[];
			};
			expect(order.lines).toHaveLength(2);
		});

		it('adds lines via POST /connectors/FbSales/FbSalesLines, with @Action on the Element or in Fields', async () => {
			const res = await sendJson<Results>(sim, 'POST', '/connectors/FbSales/FbSalesLines', {
				FbSales: {
					Element: {
						Fields: { OrNu: '60000178' },
						Objects: [
							{
								FbSalesLines: {
									Element: [
										{
											'@Action': 'insert',
											Fields: {
												VaIt: '2',
												ItCd: '1006',
												Ds: 'Starlink Satelite',
												BiUn: 'stk',
												QuUn: '1',
											},
										},
										{
											Fields: {
												'@action': 'Insert',
												VaIt: '3',
												ItCd: 't3',
												BiUn: '*****',
												QuUn: '1',
											},
										},
									],
								},
							},
						],
					},
				},
			});
			expect(res.status).toBe(201);
			const order = sim.profit.data.salesOrders.find((o) => o.OrNu === '60000178') as {
				lines: unknown[];
			};
			expect(order.lines).toHaveLength(2);
			const bad = await sendJson(sim, 'POST', '/connectors/FbSales', {
				FbSales: {
					Element: {
						Fields: { DbId: '10001' },
						Objects: [
							{
								FbSalesLines: {
									Element: {
										Fields: { '@Action': 'upsert', VaIt: '2', ItCd: 'x', BiUn: 'stk', QuUn: '1' },
									},
								},
							},
						],
					},
				},
			});
			expect(bad.status).toBe(500);
		});

		it('refuses an order for an unknown debtor', async () => {
			const res = await sendJson(sim, 'POST', '/connectors/FbSales', {
				FbSales: { Element: { Fields: { DbId: '99999' } } },
			});
			expect(res.status).toBe(500);
			expect(res.json.externalMessage).toBe("The entered value for 'Debtor' does not exist.");
		});
	});

	describe('FiEntries (root FiEntryPar)', () => {
		it('books the vendor example, answers with the root element name and string values, and deletes with a multi-key path', async () => {
			const res = await sendJson<Results>(
				sim,
				'POST',
				'/connectors/FiEntries',
				CASHBOOK_CREDITOR_PAY,
			);
			expect(res.status).toBe(201);
			expect(res.json).toEqual({
				results: { FiEntryPar: { UnId: '1', EnNo: expect.stringMatching(/^\d+$/) } },
			});
			const enNo = res.json.results.FiEntryPar.EnNo;
			const del = await call(
				sim,
				`/connectors/FiEntries/FiEntryPar/UnId,JoCo/1,50/FiEntries/@EnNo/${enNo}`,
				{ method: 'DELETE' },
			);
			expect(del.status).toBe(200);
			expect(sim.profit.data.journalEntries).toHaveLength(0);
		});

		it('refuses an unbalanced entry', async () => {
			const unbalanced = structuredClone(CASHBOOK_CREDITOR_PAY);
			unbalanced.FiEntryPar.Element.Objects.FiEntries.Element[1].Fields.AmDe = '1000';
			const res = await sendJson(sim, 'POST', '/connectors/FiEntries', unbalanced);
			expect(res.status).toBe(500);
			expect(res.json.externalMessage).toMatch(/not balanced/);
		});
	});

	describe('KnEmployee (root AfasEmployee)', () => {
		it('creates an employee with a nested person and contract, visible in Profit_Employees', async () => {
			const res = await sendJson<Results>(sim, 'POST', '/connectors/KnEmployee', {
				AfasEmployee: {
					Element: {
						'@EmId': 'E900',
						Objects: [
							{
								KnPerson: {
									Element: {
										Fields: { MatchPer: '7', FiNm: 'Eva', LaNm: 'Test', EmAd: 'eva@example.nl' },
									},
								},
							},
							{ AfasContract: { Element: { Fields: { DaBe: '2025-01-01' } } } },
						],
					},
				},
			});
			expect(res.status).toBe(201);
			expect(res.json).toEqual({ results: { AfasEmployee: { EmId: 'E900' } } });
			const rows = await getRows(sim, 'Profit_Employees', {
				filterfieldids: 'EmployeeId',
				filtervalues: 'E900',
				operatortypes: 1,
			});
			expect(rows.json.rows[0]).toMatchObject({
				Name: 'Eva Test',
				Email: 'eva@example.nl',
				EmploymentStartDate: '2025-01-01T00:00:00Z',
			});
			const put = await sendJson(sim, 'PUT', '/connectors/KnEmployee', {
				AfasEmployee: {
					Element: {
						Fields: { EmId: 'E900' },
						Objects: {
							AfasContract: { Element: { Fields: { DaBe: '2025-01-01', DaEn: '2025-12-31' } } },
						},
					},
				},
			});
			expect(put.status).toBe(201);
			expect(
				sim.profit.rows('Profit_Employees').find((row) => row.EmployeeId === 'E900')
					?.EmploymentEndDate,
			).toBe('2025-12-31T00:00:00Z');
		});
	});

	describe('app connector and verbs', () => {
		it("refuses an UpdateConnector that is not linked, in the caller's language", async () => {
			const res = await sendJson(
				sim,
				'POST',
				'/connectors/KnUser',
				{ KnUser: { Element: { Fields: {} } } },
				{ headers: { 'Accept-Language': 'en-us' } },
			);
			expect(res.status).toBe(500);
			expect(res.json).toMatchObject({
				externalMessage:
					'General message: This UpdateConnector is not supported or the user is not authorized.',
				errorNumber: -2147180996,
			});
		});

		it('accepts several records in one Element array and applies them as one transaction', async () => {
			const before = sim.profit.data.persons.length;
			const ok = await sendJson(sim, 'POST', '/connectors/KnPerson', {
				KnPerson: {
					Element: [
						{ Fields: { MatchPer: '7', LaNm: 'Een' } },
						{ Fields: { MatchPer: '7', LaNm: 'Twee' } },
					],
				},
			});
			expect(ok.status).toBe(201);
			expect(sim.profit.data.persons.length).toBe(before + 2);
			const failing = await sendJson(sim, 'PUT', '/connectors/KnPerson', {
				KnPerson: {
					Element: [
						{ Fields: { MatchPer: '0', BcCo: '100003', LaNm: 'Gewijzigd' } },
						{ Fields: { MatchPer: '0', BcCo: 'bestaat-niet' } },
					],
				},
			});
			expect(failing.status).toBe(500);
			expect(
				sim.profit.rows('Profit_Persons').find((row) => row.BcCo === '100003')?.LastName,
			).not.toBe('Gewijzigd');
		});
	});
});
