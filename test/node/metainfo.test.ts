import { runNode } from '../helpers/afas';
import { byId, jsonOf, node, runProfit } from './setup';
import { useSimulator } from '../helpers/simulator';

const sim = useSimulator();

describe('Metainfo', () => {
	it('lists the linked GetConnectors and UpdateConnectors as items', async () => {
		const items = await runProfit(sim, {
			parameters: { resource: 'metainfo', operation: 'listConnectors' },
		});
		const rows = jsonOf(items);
		expect(rows).toContainEqual({
			type: 'getConnector',
			id: 'Profit_Demo',
			description: 'Demo (12 345 regels)',
			environment: 'O12345AA',
		});
		expect(rows.filter((row) => row.type === 'getConnector').map((row) => row.id)).toContain(
			'Profit_Employees',
		);
		expect(rows.filter((row) => row.type === 'updateConnector').map((row) => row.id)).toEqual(
			expect.arrayContaining(['KnPerson', 'KnSubject', 'FiEntries']),
		);
		// Not linked to the app connector, so not listed.
		expect(rows.map((row) => row.id)).not.toContain('Profit_Salaries');
		expect(items.every((item) => (item.pairedItem as { item: number }).item === 0)).toBe(true);
	});

	it('lists only UpdateConnectors when asked', async () => {
		const rows = jsonOf(
			await runProfit(sim, {
				parameters: { resource: 'metainfo', operation: 'listConnectors', connectorType: 'update' },
			}),
		);
		expect(rows.length).toBeGreaterThan(0);
		expect(rows.every((row) => row.type === 'updateConnector')).toBe(true);
	});

	it('describes a GetConnector: field ids, labels, types and allowed values', async () => {
		const [item] = await runProfit(sim, {
			parameters: {
				resource: 'metainfo',
				operation: 'describeGetConnector',
				connector: byId('Profit_Employees'),
			},
		});
		const fields = item.json.fields as Array<Record<string, unknown>>;
		expect(item.json).toMatchObject({
			id: 'Profit_Employees',
			description: 'Medewerkers',
			fieldCount: 13,
		});
		expect(fields[0]).toMatchObject({
			id: 'EmployeeId',
			label: 'Medewerker',
			dataType: 'string',
			length: 15,
		});
		expect(fields.find((field) => field.id === 'EmailForDigitalDocuments')).toMatchObject({
			allowedValues: [
				{ value: 'P', description: 'Privé' },
				{ value: 'W', description: 'Werk' },
			],
		});
		expect(fields.find((field) => field.id === 'EmploymentStartDate')).toMatchObject({
			dataType: 'date',
		});
	});

	it('describes an UpdateConnector: keys, mandatory fields, allowed values and nested objects', async () => {
		const [item] = await runProfit(sim, {
			parameters: {
				resource: 'metainfo',
				operation: 'describeUpdateConnector',
				updateConnector: byId('KnSubject'),
			},
		});
		const meta = sim.profit.updateConnectors.find((connector) => connector.id === 'KnSubject') as {
			name: string;
			fields: Array<{ fieldId: string; primaryKey: boolean; mandatory: boolean }>;
			objects: Array<{ name: string }>;
		};
		expect(item.json).toMatchObject({ id: 'KnSubject', name: meta.name });
		expect(item.json.keyFields).toEqual(
			meta.fields.filter((f) => f.primaryKey).map((f) => f.fieldId),
		);
		expect(item.json.mandatoryFields).toEqual(
			meta.fields.filter((f) => f.mandatory).map((f) => f.fieldId),
		);
		expect((item.json.objects as Array<{ name: string }>).map((object) => object.name)).toEqual(
			meta.objects.map((object) => object.name),
		);
		const fields = item.json.fields as Array<Record<string, unknown>>;
		expect(fields[0]).toEqual(
			expect.objectContaining({
				id: expect.any(String),
				dataType: expect.any(String),
				mandatory: expect.any(Boolean),
				key: expect.any(Boolean),
			}),
		);
	});

	it('gets the Profit version', async () => {
		const items = await runProfit(sim, {
			parameters: { resource: 'system', operation: 'getProfitVersion' },
		});
		expect(jsonOf(items)).toEqual([{ version: '22.22.5' }]);
	});

	it('works the same with OAuth 2.0 client credentials', async () => {
		const { clientId, clientSecret } = sim.credentials.profit;
		const { output } = await runNode(node, {
			parameters: { product: 'profit', resource: 'system', operation: 'getProfitVersion' },
			credentials: {
				afasProfitApi: {
					environment: 'custom',
					baseUrl: sim.profitUrl,
					authType: 'oAuth2',
					clientId,
					clientSecret,
				},
			},
		});
		expect(jsonOf(output[0])).toEqual([{ version: '22.22.5' }]);
	});
});
