/**
 * Editor look-ups for writes: the resource mapper's fields (labels, types, required marks, key fields as matching
 * columns, code tables, custom fields) for KnOrganisation and FbSales, sub-object choices, AFAS's match options,
 * and the UpdateConnector list.
 */
import { byId, node, profitLoadOptions, thrownBy } from './setup';
import { useSimulator } from '../helpers/simulator';

const sim = useSimulator();
const { listSearch, loadOptions, resourceMapping } = node.methods;

function context(operation: string, connector?: string) {
	return profitLoadOptions(sim, {
		resource: 'updateConnector',
		operation,
		...(connector ? { updateConnector: byId(connector) } : {}),
	});
}

describe('UpdateConnector editor look-ups', () => {
	it('lists UpdateConnectors for the locator', async () => {
		const found = await listSearch.searchUpdateConnectors.call(context('insert'), 'sales');
		expect(found.results).toEqual([{ name: 'FbSales (Verkooporder)', value: 'FbSales' }]);
	});

	it('gives KnOrganisation insert fields: labels with ids, types, mandatory marks, code tables', async () => {
		const { fields } = await resourceMapping.getUpdateConnectorFields.call(
			context('insert', 'KnOrganisation'),
		);
		const byIdOf = (id: string) => fields.find((field) => field.id === id);
		expect(byIdOf('Nm')).toMatchObject({
			displayName: 'Name (Nm)',
			required: true,
			type: 'string',
			canBeUsedToMatch: false,
		});
		expect(byIdOf('PadAdr')).toMatchObject({
			type: 'boolean',
			required: false,
		});
		expect(byIdOf('CcDa')).toMatchObject({ type: 'dateTime' });
		expect(byIdOf('MatchOga')).toMatchObject({
			type: 'options',
			required: true,
		});
		expect(byIdOf('MatchOga')?.options?.[0]).toEqual({
			name: expect.any(String),
			value: '0',
		});
		expect(fields.map((field) => field.id).slice(0, 3)).toEqual(['PadAdr', 'AutoNum', 'MatchOga']);
	});

	it('leaves the match field out for Insert or Update on KnOrganisation (the node sets it)', async () => {
		const { fields } = await resourceMapping.getUpdateConnectorFields.call(
			context('upsert', 'KnOrganisation'),
		);
		expect(fields.map((field) => field.id)).not.toContain('MatchOga');
	});

	it('gives FbSales its key as the matching column for Update and Delete, and custom fields', async () => {
		const update = (
			await resourceMapping.getUpdateConnectorFields.call(context('update', 'FbSales'))
		).fields;
		expect(update.find((field) => field.id === 'OrNu')).toMatchObject({
			required: true,
			defaultMatch: true,
			canBeUsedToMatch: true,
		});
		expect(update.find((field) => field.id === 'DbId')).toMatchObject({
			required: false,
			canBeUsedToMatch: false,
		});
		expect(update.find((field) => field.id === 'U3A3A91AE452E6881FD67A385EDA5BA8C')).toMatchObject({
			type: 'boolean',
		});
		const del = (await resourceMapping.getUpdateConnectorFields.call(context('delete', 'FbSales')))
			.fields;
		expect(del.map((field) => field.id)).toEqual(['OrNu']);
	});

	it('offers FiEntryPar fields to match on for Delete, since its metainfo marks no key', async () => {
		const { fields } = await resourceMapping.getUpdateConnectorFields.call(
			context('delete', 'FiEntries'),
		);
		expect(fields.map((field) => field.id)).toEqual(expect.arrayContaining(['UnId', 'JoCo']));
		expect(
			fields.every((field) => field.required === false && field.canBeUsedToMatch === true),
		).toBe(true);
	});

	it('asks for a connector first', async () => {
		const error = await thrownBy(() =>
			resourceMapping.getUpdateConnectorFields.call(context('insert')),
		);
		expect(error.message).toBe('Choose an UpdateConnector first');
	});

	it('lists sub-objects as paths, nested ones with dots', async () => {
		const options = await loadOptions.getUpdateConnectorObjects.call(
			context('insert', 'KnOrganisation'),
		);
		expect(options.map((option) => option.value)).toEqual(
			expect.arrayContaining(['KnBasicAddressAdr', 'KnContact', 'KnContact.KnPerson']),
		);
	});

	it("lists AFAS's match options, and refuses them where the connector has none", async () => {
		const options = await loadOptions.getUpsertMatchOptions.call(
			context('upsert', 'KnOrganisation'),
		);
		expect(options[0]).toMatchObject({
			value: '0',
			name: expect.stringMatching(/^0: /),
		});
		expect(options.find((option) => option.value === '6')?.description).toBe(
			'Always inserts a new record',
		);
		const error = await thrownBy(() =>
			loadOptions.getUpsertMatchOptions.call(context('upsert', 'FbSales')),
		);
		expect(error.message).toBe('FbSales has no AFAS match field');
	});
});
