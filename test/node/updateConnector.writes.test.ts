/**
 * UpdateConnector Update, Delete and Insert or Update against the simulator: PUT bodies with keys and per-row
 * @Action, DELETE paths (root element name, several keys, values needing encoding, a nested row), upsert through
 * AFAS's match field and through a GetConnector lookup (both the insert and the update path), and which writes
 * may be retried.
 */
import type { IDataObject, INodeParameters, ResourceMapperValue } from 'n8n-workflow';

import { useSimulator } from '../helpers/simulator';
import { byId, runProfit, thrownBy } from './setup';
import type { Simulator } from './setup';

const sim = useSimulator();

function writes(s: Simulator) {
	return s.requests.filter((request) => request.method !== 'GET');
}

function op(operation: string, connector: string, extra: INodeParameters = {}): INodeParameters {
	return {
		resource: 'updateConnector',
		operation,
		updateConnector: byId(connector),
		...extra,
	};
}

function mapped(value: IDataObject, matchingColumns: string[] = []): ResourceMapperValue {
	return {
		mappingMode: 'defineBelow',
		value: value as ResourceMapperValue['value'],
		matchingColumns,
		schema: [],
		attemptToConvertTypes: false,
		convertFieldsToString: false,
	};
}

describe('UpdateConnector: Update', () => {
	it('sends a PUT with the key as @attribute and per-row @Action for mixed insert/update', async () => {
		const order = sim.profit.data.salesOrders[1];
		const output = await runProfit(sim, {
			parameters: op('update', 'FbSales', {
				fields: mapped({ OrNu: order.OrNu as string, RfCs: 'changed by n8n' }, ['OrNu']),
				subObjects: {
					rows: [
						{
							object: 'FbSalesLines',
							source: 'json',
							json: [{ '@Action': 'insert', VaIt: '2', ItCd: 'NEW' }],
						},
					],
				},
			}),
		});
		expect(output[0].json).toEqual({
			OrNu: order.OrNu,
			connector: 'FbSales',
			operation: 'update',
		});
		const [put] = writes(sim);
		expect(put.method).toBe('PUT');
		expect(put.path).toBe('/ProfitRestServices/connectors/FbSales');
		expect(put.body).toEqual({
			FbSales: {
				Element: {
					'@OrNu': order.OrNu,
					Fields: { RfCs: 'changed by n8n' },
					Objects: [
						{
							FbSalesLines: {
								Element: {
									Fields: { '@Action': 'insert', VaIt: '2', ItCd: 'NEW' },
								},
							},
						},
					],
				},
			},
		});
		expect(order.RfCs).toBe('changed by n8n');
	});

	it('refuses an update without its key field before sending', async () => {
		const error = await thrownBy(() =>
			runProfit(sim, {
				parameters: op('update', 'KnSubject', {
					fields: mapped({ Ds: 'no key' }),
				}),
			}),
		);
		expect(error.message).toBe(
			"KnSubject: Key field 'Dossier item' (SbId) is needed to update a record in KnSubject",
		);
		expect(writes(sim)).toHaveLength(0);
	});

	it('clears a field with an empty value only when Empty Values is "Clear the Field"', async () => {
		const order = sim.profit.data.salesOrders[1];
		const run = async (blankFields: string) =>
			await runProfit(sim, {
				parameters: op('update', 'FbSales', {
					fields: mapped({ OrNu: order.OrNu as string, RfCs: '', Re: 'memo' }, ['OrNu']),
					options: { blankFields, dryRun: true },
				}),
			});
		expect(((await run('omit'))[0].json.body as IDataObject).FbSales).toEqual({
			Element: { '@OrNu': order.OrNu, Fields: { Re: 'memo' } },
		});
		expect(((await run('clear'))[0].json.body as IDataObject).FbSales).toEqual({
			Element: { '@OrNu': order.OrNu, Fields: { RfCs: '', Re: 'memo' } },
		});
	});

	it('sends a PUT once after a dropped connection, and again only with Retry Updates and Deletes', async () => {
		const order = sim.profit.data.salesOrders[1];
		const parameters = (retryUpdates: boolean) =>
			op('update', 'FbSales', {
				fields: mapped({ OrNu: order.OrNu as string, RfCs: 'retry' }, ['OrNu']),
				options: { retryUpdates },
			});
		sim.addFault({ type: 'reset', times: 1, match: { method: 'PUT' } });
		await thrownBy(() => runProfit(sim, { parameters: parameters(false) }));
		expect(writes(sim)).toHaveLength(1);

		sim.clearRequests();
		sim.addFault({ type: 'reset', times: 1, match: { method: 'PUT' } });
		const output = await runProfit(sim, { parameters: parameters(true) });
		expect(output[0].json.OrNu).toBe(order.OrNu);
		expect(writes(sim)).toHaveLength(2);
	});
});

describe('UpdateConnector: Delete', () => {
	it('deletes by key: /connectors/{id}/{root}/@Key/{value}', async () => {
		const order = sim.profit.data.salesOrders[sim.profit.data.salesOrders.length - 1];
		const output = await runProfit(sim, {
			parameters: op('delete', 'FbSales', {
				fields: mapped({ OrNu: order.OrNu as string }, ['OrNu']),
			}),
		});
		expect(output[0].json).toEqual({
			success: true,
			connector: 'FbSales',
			operation: 'delete',
		});
		const [del] = writes(sim);
		expect(del.method).toBe('DELETE');
		expect(del.path).toBe(
			`/ProfitRestServices/connectors/FbSales/FbSales/@OrNu/${String(order.OrNu)}`,
		);
		expect(sim.profit.data.salesOrders.some((o) => o.OrNu === order.OrNu)).toBe(false);
	});

	it('deletes a journal entry: root element FiEntryPar, two keys, encoded values and a nested row key', async () => {
		const inserted = await runProfit(sim, {
			parameters: op('insert', 'FiEntries', {
				fields: mapped({ Year: 2024, Peri: 7, UnId: 1, JoCo: 'M&M/1' }),
				subObjects: {
					rows: [
						{
							object: 'FiEntries',
							source: 'json',
							json: [
								{
									VaAs: '1',
									AcNr: '1300',
									EnDa: '2024-07-01',
									BpDa: '2024-07-01',
									AmDe: 1,
								},
								{
									VaAs: '1',
									AcNr: '8000',
									EnDa: '2024-07-01',
									BpDa: '2024-07-01',
									AmCr: 1,
								},
							],
						},
					],
				},
			}),
		});
		const enNo = inserted[0].json.EnNo as string;
		const before = sim.profit.data.journalEntries.length;
		sim.clearRequests();
		const output = await runProfit(sim, {
			parameters: op('delete', 'FiEntries', {
				fields: mapped({ UnId: 1, JoCo: 'M&M/1' }, ['UnId', 'JoCo']),
				subObjects: {
					rows: { object: 'FiEntries', source: 'json', json: { EnNo: enNo } },
				},
			}),
		});
		expect(output[0].json).toEqual({
			success: true,
			connector: 'FiEntries',
			operation: 'delete',
		});
		const [del] = writes(sim);
		expect(del.path).toBe(
			`/ProfitRestServices/connectors/FiEntries/FiEntryPar/@UnId,@JoCo/1,M%26M%2F1/FiEntries/@EnNo/${enNo}`,
		);
		expect(sim.profit.data.journalEntries).toHaveLength(before - 1);
	});

	it('Dry Run shows the DELETE URL and deletes nothing', async () => {
		const output = await runProfit(sim, {
			parameters: op('delete', 'KnSubject', {
				fields: mapped({ SbId: 9910 }, ['SbId']),
				options: { dryRun: true },
			}),
		});
		expect(output[0].json).toEqual({
			dryRun: true,
			method: 'DELETE',
			url: `${sim.profitUrl}/connectors/KnSubject/KnSubject/@SbId/9910`,
		});
		expect(writes(sim)).toHaveLength(0);
	});

	it('refuses a delete without its key, and a key of the wrong type, before sending', async () => {
		const missing = await thrownBy(() =>
			runProfit(sim, {
				parameters: op('delete', 'KnSubject', { fields: mapped({}) }),
			}),
		);
		expect(missing.message).toBe(
			"KnSubject: Key field 'Dossier item' (SbId) is needed to delete a record in KnSubject",
		);
		const wrong = await thrownBy(() =>
			runProfit(sim, {
				parameters: op('delete', 'KnSubject', {
					fields: mapped({ SbId: 'abc' }),
				}),
			}),
		);
		expect(wrong.message).toBe(`KnSubject: 'Dossier item' (SbId) needs a whole number, got "abc"`);
		expect(writes(sim)).toHaveLength(0);
	});
});

describe('UpdateConnector: Insert or Update', () => {
	it("through AFAS's match field: MatchOga 0 updates the organisation with that number, or inserts one", async () => {
		const existing = sim.profit.data.organisations[0];
		const count = sim.profit.data.organisations.length;
		const run = async (BcCo: string, Nm: string) =>
			await runProfit(sim, {
				parameters: op('upsert', 'KnOrganisation', {
					matchMode: 'afasMatch',
					afasMatchValue: '0',
					fields: mapped({ BcCo, Nm }),
				}),
			});
		const updated = await run(existing.BcCo as string, 'Renamed by upsert');
		expect(updated[0].json).toMatchObject({
			BcCo: existing.BcCo,
			operation: 'upsert',
		});
		expect(existing.Nm).toBe('Renamed by upsert');
		expect(sim.profit.data.organisations).toHaveLength(count);

		const inserted = await run('UPSERT-NEW-1', 'New by upsert');
		expect(inserted[0].json).toMatchObject({ BcCo: 'UPSERT-NEW-1' });
		expect(sim.profit.data.organisations).toHaveLength(count + 1);
		expect(
			writes(sim).map((request) => [request.method, (request.body as IDataObject).KnOrganisation]),
		).toEqual([
			[
				'POST',
				{
					Element: {
						Fields: {
							MatchOga: '0',
							BcCo: existing.BcCo,
							Nm: 'Renamed by upsert',
						},
					},
				},
			],
			[
				'POST',
				{
					Element: {
						Fields: {
							MatchOga: '0',
							BcCo: 'UPSERT-NEW-1',
							Nm: 'New by upsert',
						},
					},
				},
			],
		]);
	});

	it('refuses AFAS matching on a connector without a match field', async () => {
		const error = await thrownBy(() =>
			runProfit(sim, {
				parameters: op('upsert', 'KnSubject', {
					matchMode: 'afasMatch',
					fields: mapped({ StId: '1', Ds: 'x' }),
				}),
			}),
		);
		expect(error.message).toBe('KnSubject has no AFAS match field');
		expect(writes(sim)).toHaveLength(0);
	});

	it('through a GetConnector lookup: a found record is updated by its key (PUT), else inserted (POST)', async () => {
		const lookup = (subject: string) =>
			op('upsert', 'KnSubject', {
				matchMode: 'lookup',
				lookupConnector: byId('Profit_Subjects'),
				lookupFilterField: 'Subject',
				lookupValue: subject,
				lookupKeyField: 'SbId',
				fields: mapped({ StId: '1', Ds: subject, SbTx: 'via lookup' }),
			});
		const first = await runProfit(sim, {
			parameters: lookup('Lookup upsert subject'),
		});
		const sbId = first[0].json.SbId as string;
		expect(writes(sim).map((request) => request.method)).toEqual(['POST']);
		const reads = sim.requests.filter(
			(request) => request.method === 'GET' && request.path.endsWith('/Profit_Subjects'),
		);
		expect(reads[0].query).toMatchObject({
			filterfieldids: 'Subject',
			filtervalues: 'Lookup upsert subject',
		});

		sim.clearRequests();
		const second = await runProfit(sim, {
			parameters: lookup('Lookup upsert subject'),
		});
		expect(second[0].json).toEqual({
			SbId: sbId,
			connector: 'KnSubject',
			operation: 'upsert',
		});
		const [put] = writes(sim);
		expect(put.method).toBe('PUT');
		expect(put.body).toEqual({
			KnSubject: {
				Element: {
					'@SbId': Number(sbId),
					Fields: { StId: 1, Ds: 'Lookup upsert subject', SbTx: 'via lookup' },
				},
			},
		});
	});

	it('checks the values before the lookup is sent', async () => {
		const error = await thrownBy(() =>
			runProfit(sim, {
				parameters: op('upsert', 'KnSubject', {
					matchMode: 'lookup',
					lookupConnector: byId('Profit_Subjects'),
					lookupFilterField: 'Subject',
					lookupValue: 'x',
					lookupKeyField: 'SbId',
					fields: mapped({ StId: '999' }),
				}),
			}),
		);
		expect(error.message).toContain('(StId) does not allow "999"');
		expect(sim.requests.filter((request) => request.path.includes('/connectors/'))).toHaveLength(0);
	});
});
