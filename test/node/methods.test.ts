import { loadOptionsContext } from '../helpers/afas';
import { byId, node, profitLoadOptions, thrownBy } from './setup';
import { useSimulator } from '../helpers/simulator';

const sim = useSimulator();

const { listSearch, loadOptions } = node.methods;

describe('Editor look-ups (listSearch / loadOptions)', () => {
	it("lists the environment's GetConnectors, searchable by id or description", async () => {
		const context = profitLoadOptions(sim, { resource: 'getConnector', operation: 'getAll' });
		const all = await listSearch.searchGetConnectors.call(context);
		expect(all.results.map((result) => result.value)).toEqual(
			[...(sim.profit.appConnectors as Array<{ getConnectors: string[] }>)[0].getConnectors].sort(),
		);
		const found = await listSearch.searchGetConnectors.call(context, '12 345 REGELS');
		expect(found.results).toEqual([
			{ name: 'Profit_Demo (Demo (12 345 regels))', value: 'Profit_Demo' },
		]);
	});

	it('lists UpdateConnectors', async () => {
		const context = profitLoadOptions(sim, {
			resource: 'metainfo',
			operation: 'describeUpdateConnector',
		});
		const found = await listSearch.searchUpdateConnectors.call(context, 'knsub');
		expect(found.results.map((result) => result.value)).toEqual(['KnSubject']);
	});

	it("loads the chosen connector's fields for filters and sorting", async () => {
		const context = profitLoadOptions(sim, {
			resource: 'getConnector',
			operation: 'getAll',
			connector: byId('Profit_Administrations'),
		});
		const fields = await loadOptions.getConnectorFields.call(context);
		expect(fields.map((field) => field.value)).toEqual(['AdminId', 'AdminNm']);
		expect(fields[0].description).toContain('int');
	});

	it('surfaces API errors instead of returning an empty list', async () => {
		const context = loadOptionsContext(node, {
			parameters: { product: 'profit', resource: 'getConnector', operation: 'getAll' },
			credentials: {
				afasProfitApi: {
					environment: 'custom',
					baseUrl: sim.profitUrl,
					authType: 'token',
					token: sim.credentials.profit.restrictedToken,
				},
			},
		});
		const error = await thrownBy(() => listSearch.searchGetConnectors.call(context));
		expect(error.message).toBe('AFAS refused access (403 Forbidden)');
	});

	it('asks for a connector before loading fields', async () => {
		const context = profitLoadOptions(sim, { resource: 'getConnector', operation: 'getAll' });
		const error = await thrownBy(() => loadOptions.getConnectorFields.call(context));
		expect(error.message).toBe('Choose a GetConnector first');
	});
});
