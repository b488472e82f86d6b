/**
 * Every parameter of every operation, given the values an expression can produce: each bad value must stop the
 * item with a NodeOperationError that names the parameter as the editor shows it and says how to fix it, before
 * anything is sent to AFAS. The good-but-unusual values (numeric texts, "false", numbers for ids) must work.
 */
import type { IDataObject, INodeExecutionData, INodeParameters } from 'n8n-workflow';

import { loadOptions } from '../../nodes/Afas/methods';
import { runNode } from '../helpers/afas';
import { allText } from '../helpers/errors';
import { useSimulator } from '../helpers/simulator';
import {
	byId,
	connectorReads,
	node,
	profitCredentials,
	profitLoadOptions,
	runProfit,
	sbCredentials,
	thrownBy,
} from './setup';

const sim = useSimulator();

const profitGetAll = {
	resource: 'getConnector',
	operation: 'getAll',
	connector: byId('Profit_Demo'),
	returnAll: false,
	limit: 10,
};
const sbGetAll = {
	resource: 'relations',
	operation: 'getMany',
	sbResource: 'organisation',
	returnAll: false,
	limit: 10,
};
const getFile = {
	resource: 'file',
	operation: 'getFile',
	fileId: 'F64BB8E942BBC5E94FC747904E19FE1B',
	fileName: 'Invoice_nr3734.pdf',
};

interface BadCase {
	/** What the case is about, as the table prints it. */
	name: string;
	product: 'profit' | 'sb';
	parameters: INodeParameters;
	/** The label the message must start with. */
	label: string;
	/** What the message or its description must also say (the problem and the fix, not just the name). */
	says: RegExp;
}

function profit(name: string, parameters: INodeParameters, label: string, says: RegExp): BadCase {
	return { name, product: 'profit', parameters, label, says };
}

function sb(name: string, parameters: INodeParameters, label: string, says: RegExp): BadCase {
	return { name, product: 'sb', parameters, label, says };
}

const TIMEOUT = 'Options → Timeout (Seconds)';
const WHOLE = /must be a whole number/;

// One row per case reads better than prettier's layout.
// prettier-ignore
const CASES: BadCase[] = [
	// Timeouts: 0 and text meant "no timeout", a negative one hung the run inside Node's socket code.
	profit('Timeout 0', { ...profitGetAll, options: { timeout: 0 } }, TIMEOUT, /from 1 to 3600, not 0/),
	profit('Timeout "abc"', { ...profitGetAll, options: { timeout: '={{ "abc" }}' } }, TIMEOUT, /"abc"/),
	profit('Timeout -5', { ...profitGetAll, options: { timeout: -5 } }, TIMEOUT, /not -5/),
	profit('Timeout undefined', { ...profitGetAll, options: { timeout: '={{ $json.missing }}' } }, TIMEOUT, /undefined/),
	profit('Timeout past Node’s timer range', { ...profitGetAll, options: { timeout: 1e10 } }, TIMEOUT, /from 1 to 3600, not 10000000000/),
	// Limit: undefined read every row, the others gave messages about Skip or Page Size.
	profit('Limit undefined', { ...profitGetAll, limit: '={{ $json.missing }}' }, 'Limit', /undefined/),
	profit('Limit -5', { ...profitGetAll, limit: -5 }, 'Limit', /of at least 1, not -5/),
	profit('Limit 0', { ...profitGetAll, limit: 0 }, 'Limit', /not 0/),
	profit('Limit 2.5', { ...profitGetAll, limit: 2.5 }, 'Limit', WHOLE),
	profit('Limit "abc"', { ...profitGetAll, limit: '={{ "abc" }}' }, 'Limit', /"abc"/),
	profit('Limit NaN', { ...profitGetAll, limit: '={{ NaN }}' }, 'Limit', /NaN/),
	profit('Limit Infinity', { ...profitGetAll, limit: '={{ Infinity }}' }, 'Limit', /Infinity/),
	profit('Return All "maybe"', { ...profitGetAll, returnAll: '={{ "maybe" }}' }, 'Return All', /true or false/),
	profit('Return All 1', { ...profitGetAll, returnAll: '={{ 1 }}' }, 'Return All', /true or false, not 1/),
	profit('Parallel Requests NaN', { ...profitGetAll, options: { parallelRequests: '={{ NaN }}' } }, 'Options → Parallel Requests', /NaN/),
	profit('Parallel Requests 0', { ...profitGetAll, options: { parallelRequests: 0 } }, 'Options → Parallel Requests', /from 1 to 5/),
	profit('Parallel Requests 6', { ...profitGetAll, options: { parallelRequests: 6 } }, 'Options → Parallel Requests', /from 1 to 5, not 6/),
	profit('Page Size -1', { ...profitGetAll, options: { pageSize: -1 } }, 'Options → Page Size', /from 0 to 100000/),
	profit('Page Size NaN', { ...profitGetAll, options: { pageSize: '={{ NaN }}' } }, 'Options → Page Size', /NaN/),
	profit('Page Size 2.5', { ...profitGetAll, options: { pageSize: 2.5 } }, 'Options → Page Size', WHOLE),
	profit('Date Handling "local"', { ...profitGetAll, options: { dateHandling: '={{ "local" }}' } }, 'Options → Date Handling', /amsterdam, keep, utc/),
	profit('Fetch in One Request "yes"', { ...profitGetAll, returnAll: true, options: { fetchInOneRequest: '={{ "yes" }}' } }, 'Options → Fetch in One Request', /true or false/),
	profit('Raw JSON Filter 42', { ...profitGetAll, options: { rawFilterJson: '={{ 42 }}' } }, 'Options → Raw JSON Filter', /not 42/),
	profit('GetConnector empty', { ...profitGetAll, connector: byId('') }, 'GetConnector', /is empty/),
	profit('GetConnector an object', { ...profitGetAll, connector: byId('={{ { id: 1 } }}') }, 'GetConnector', /must be text, not an object/),
	profit('Sort field an object', { ...profitGetAll, sort: { fields: [{ field: '={{ { a: 1 } }}', direction: 'ascending' }] } }, 'Sort → Field 1 → Field Name or ID', /not an object/),
	profit('Sort direction "up"', { ...profitGetAll, sort: { fields: [{ field: 'Id', direction: '={{ "up" }}' }] } }, 'Sort → Field 1 → Direction', /"up"/),
	profit('Filter field a list', { ...profitGetAll, filters: { groups: [{ conditions: { condition: [{ field: 'Id', operator: 'equals', value: '1' }, { field: '={{ [1, 2] }}', operator: 'equals', value: '1' }] } }] } }, 'Filters → Group 1 → Condition 2 → Field Name or ID', /not a list/),
	profit('Filter operator "like"', { ...profitGetAll, filters: { groups: [{ conditions: { condition: [{ field: 'Id', operator: '={{ "like" }}', value: '1' }] } }] } }, 'Filters → Group 1 → Condition 1 → Operator', /"like"/),
	// SB: take=NaN, 0 rows for -5, a page size of 0 became 1 (one request per record).
	sb('SB Page Size "abc"', { ...sbGetAll, options: { pageSize: '={{ "abc" }}' } }, 'Options → Page Size', /"abc"/),
	sb('SB Page Size 0', { ...sbGetAll, options: { pageSize: 0 } }, 'Options → Page Size', /from 1 to 10000, not 0/),
	sb('SB Page Size 10001', { ...sbGetAll, options: { pageSize: 10001 } }, 'Options → Page Size', /not 10001/),
	sb('SB Limit "abc"', { ...sbGetAll, limit: '={{ "abc" }}' }, 'Limit', /"abc"/),
	sb('SB Limit -5', { ...sbGetAll, limit: -5 }, 'Limit', /not -5/),
	sb('SB Limit undefined', { ...sbGetAll, limit: '={{ $json.missing }}' }, 'Limit', /undefined/),
	sb('SB Return All "maybe"', { ...sbGetAll, returnAll: '={{ "maybe" }}' }, 'Return All', /true or false/),
	// SB Resource and Resource take no expression (n8n keeps "={{ … }}" as text), so the values come as stored.
	sb('SB Resource a number', { ...sbGetAll, sbResource: 12345 }, 'SB Resource', /not 12345/),
	sb('SB Resource unknown', { ...sbGetAll, sbResource: 'invoices' }, 'SB Resource', /"invoices"/),
	sb('SB Sort Field an object', { ...sbGetAll, options: { sortField: '={{ { Name: 1 } }}' } }, 'Options → Sort Field Name or ID', /not an object/),
	sb('SB Sort Direction "sideways"', { ...sbGetAll, options: { sortDirection: '={{ "sideways" }}' } }, 'Options → Sort Direction', /"sideways"/),
	sb('SB Filter a list', { ...sbGetAll, options: { rawFilter: '={{ ["a"] }}' } }, 'Options → Filter (SB Syntax)', /not a list/),
	sb('SB Resource group unknown', { ...sbGetAll, resource: 'invoices' }, 'Resource', /"invoices"/),
	sb('SB filter field a list', { ...sbGetAll, filters: { conditions: [{ field: '={{ ["Name"] }}', operator: 'eq', value: 'x' }] } }, 'Filters → Conditions 1 → Field Name or ID', /not a list/),
	sb('SB filter operator "like"', { ...sbGetAll, filters: { conditions: [{ field: 'Name', operator: '={{ "like" }}', value: 'x' }] } }, 'Filters → Conditions 1 → Operator', /"like"/),
	sb('SB Accept-Version "two"', { ...sbGetAll, options: { acceptVersion: 'two' } }, 'Options → Accept-Version', /such as 2.0, not "two"/),
	sb('SB Timeout "abc"', { ...sbGetAll, options: { timeout: '={{ "abc" }}' } }, TIMEOUT, /"abc"/),
	// Files: ids from expressions.
	profit('File ID an object', { ...getFile, fileId: '={{ { id: 1 } }}' }, 'File ID', /must be text, not an object/),
	profit('File ID undefined', { ...getFile, fileId: '={{ $json.missing }}' }, 'File ID', /is empty/),
	profit('File Name a list', { ...getFile, fileName: '={{ ["a.pdf"] }}' }, 'File Name', /not a list/),
	profit('Subject ID an object', { resource: 'file', operation: 'getSubjectAttachment', subjectId: '={{ { SbId: 1 } }}', fileId: 'A' }, 'Subject ID', /not an object/),
	profit('Attachment File ID a boolean', { resource: 'file', operation: 'getSubjectAttachment', subjectId: '49946', fileId: '={{ true }}' }, 'File ID', /not true/),
	profit('Image ID a list', { resource: 'file', operation: 'getImage', imageId: '={{ [1] }}' }, 'Image ID', /not a list/),
	profit('Image Format "huge"', { resource: 'file', operation: 'getImage', imageId: 'A', format: '={{ "huge" }}' }, 'Format', /original, medium, thumbnail/),
	profit('Report ID NaN', { resource: 'file', operation: 'getReport', reportId: '={{ NaN }}' }, 'Report ID', /not NaN/),
	profit('Report Raw JSON Filter true', { resource: 'file', operation: 'getReport', reportId: 'A', options: { rawFilterJson: '={{ true }}' } }, 'Options → Raw JSON Filter', /not true/),
	// Metainfo.
	profit('Connector Type "both"', { resource: 'metainfo', operation: 'listConnectors', connectorType: '={{ "both" }}' }, 'Connector Type', /all, get, update/),
	profit('Describe GetConnector with an object', { resource: 'metainfo', operation: 'describeGetConnector', connector: byId('={{ {} }}') }, 'GetConnector', /not an object/),
	profit('Describe UpdateConnector empty', { resource: 'metainfo', operation: 'describeUpdateConnector', updateConnector: byId('={{ "  " }}') }, 'UpdateConnector', /is empty/),
];

async function run(
	product: 'profit' | 'sb',
	parameters: INodeParameters,
	items?: INodeExecutionData[],
) {
	const { output } = await runNode(node, {
		parameters: { product, ...parameters },
		credentials: product === 'profit' ? profitCredentials(sim) : sbCredentials(sim),
		items,
	});
	return output[0];
}

function secrets(): string[] {
	const { profit: p, sb: s } = sim.credentials;
	return [p.token, p.tokenData, p.tokenBase64, s.appToken];
}

describe('Parameters from expressions are checked before any request', () => {
	it('has a case per parameter class (at least 30)', () => {
		expect(CASES.length).toBeGreaterThanOrEqual(30);
	});

	it.each(CASES.map((entry) => [entry.name, entry] as const))('%s', async (_name, entry) => {
		const error = await thrownBy(() => run(entry.product, entry.parameters));
		expect(error.name).toBe('NodeOperationError');
		expect(error.message.startsWith(`${entry.label} `)).toBe(true);
		expect(`${error.message}\n${String(error.description)}`).toMatch(entry.says);
		expect(typeof error.description).toBe('string');
		expect((error.description as string).length).toBeGreaterThan(10);
		expect((error.context as IDataObject).itemIndex).toBe(0);
		expect(`${error.message} ${String(error.description)}`).not.toMatch(
			/TypeError|Cannot read|undefined is not/,
		);
		expect(sim.requests).toHaveLength(0);
		const text = `${allText(error)}\n${JSON.stringify(error)}`;
		for (const secret of secrets()) expect(text).not.toContain(secret);
	});

	it('names the item: the second item fails, after the first was read', async () => {
		const error = await thrownBy(() =>
			run('profit', { ...profitGetAll, limit: '={{ $json.limit }}' }, [
				{ json: { limit: 2 } },
				{ json: { limit: 'two' } },
			]),
		);
		expect(error.message).toMatch(
			/^Limit must be a whole number of at least 1, not the text "two"/,
		);
		expect((error.context as IDataObject).itemIndex).toBe(1);
		expect(connectorReads(sim, 'Profit_Demo')).toHaveLength(1);
	});

	it('becomes an error item under Continue On Fail, and the next item still runs', async () => {
		const items = await runProfit(sim, {
			continueOnFail: true,
			items: [{ json: { limit: -1 } }, { json: { limit: 2 } }],
			parameters: { ...profitGetAll, limit: '={{ $json.limit }}' },
		});
		expect(items[0].json.error).toMatch(/^Limit must be/);
		expect(items.slice(1)).toHaveLength(2);
		expect(connectorReads(sim, 'Profit_Demo')).toHaveLength(1);
	});

	it('checks the connector in the editor too (load options), without a request', async () => {
		const context = profitLoadOptions(sim, {
			resource: 'getConnector',
			operation: 'getAll',
			connector: byId('={{ ["Profit_Demo"] }}'),
		});
		const error = await thrownBy(() => loadOptions.getConnectorFields.call(context));
		expect(error.name).toBe('NodeOperationError');
		expect(error.message).toBe('GetConnector must be text, not a list');
		expect(sim.requests).toHaveLength(0);
	});
});

describe('Values expressions legitimately produce are accepted', () => {
	it('Return All "false" means false: only Limit rows are read', async () => {
		const items = await run('profit', { ...profitGetAll, returnAll: '={{ "false" }}', limit: 3 });
		expect(items).toHaveLength(3);
		const reads = connectorReads(sim, 'Profit_Demo');
		expect(reads).toHaveLength(1);
		expect(reads[0].query.take).toBe('3');
	});

	it('Return All "true" (text) reads every row', async () => {
		const items = await run('profit', {
			...profitGetAll,
			connector: byId('Profit_Administrations'),
			returnAll: '={{ "true" }}',
		});
		expect(items).toHaveLength(5);
	});

	it('a numeric text is a number: Limit "4", Page Size " 2 ", Parallel Requests "2", Timeout "30"', async () => {
		const items = await run('profit', {
			...profitGetAll,
			limit: '={{ "4" }}',
			options: {
				pageSize: '={{ " 2 " }}',
				parallelRequests: '={{ "2" }}',
				timeout: '={{ "30" }}',
			},
		});
		expect(items).toHaveLength(4);
		expect(connectorReads(sim, 'Profit_Demo').map((read) => read.query.take)).toEqual(['2', '2']);
	});

	it('Date Handling is forgiving about case and spaces: " Keep " keeps the values as sent', async () => {
		const items = await run('profit', {
			...profitGetAll,
			limit: 2,
			options: { dateHandling: '={{ " Keep " }}' },
		});
		expect(items.map((item) => item.json.DocumentDate)).toEqual([
			'2015-01-01T00:00:00Z',
			'2015-01-01T00:00:00Z',
		]);
	});

	it('an SB Limit and Page Size given as text page as numbers', async () => {
		const items = await run('sb', {
			...sbGetAll,
			limit: '={{ "5" }}',
			options: { pageSize: '={{ "3" }}' },
		});
		expect(items).toHaveLength(5);
		const takes = sim.requests
			.filter((request) => request.path.toLowerCase() === '/scope/api/organisations')
			.map((request) => request.query.take);
		expect(takes).toEqual(['3', '2']);
	});

	it('a number where an id is expected is used as its text form (Subject ID 49946)', async () => {
		const subject = (
			sim.profit.data.subjects as Array<{ SbId: number; attachments: Array<{ FileId: string }> }>
		).find((entry) => entry.SbId === 49946);
		const items = await run('profit', {
			resource: 'file',
			operation: 'getSubjectAttachment',
			subjectId: '={{ 49946 }}',
			fileId: subject!.attachments[0].FileId,
		});
		expect(items).toHaveLength(1);
		expect(sim.requests[0].path).toBe(
			`/ProfitRestServices/subjectconnector/49946/${subject!.attachments[0].FileId}`,
		);
	});

	it('a GetConnector id with surrounding spaces is trimmed', async () => {
		const items = await run('profit', {
			...profitGetAll,
			connector: byId('={{ "  Profit_Demo " }}'),
			limit: 2,
		});
		expect(items).toHaveLength(2);
		expect(connectorReads(sim, 'Profit_Demo')).toHaveLength(1);
	});
});
