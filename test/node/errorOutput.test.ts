/**
 * On Error → "Continue" and "Continue (using error output)": which output each item reaches, routed by n8n-core's
 * own `WorkflowExecute.handleNodeErrorOutput` (the step n8n runs after a node with `onError:
 * 'continueErrorOutput'`), behind a real previous node so the input item's json is merged in as n8n does.
 * The 1.x copy of that function (n8n-core 1.123) decides on the same `item.error` test. After it, n8n replaces the
 * json of any item carrying n8n's own `error` field with the bare message (`normalizeNodeErrors`), so that step runs
 * here too: an item shaped the wrong way loses AFAS's description and HTTP code, as it did in real n8n.
 */
import { ExecuteContext, WorkflowExecute } from 'n8n-core';
import type {
	IExecuteData,
	INode,
	INodeExecutionData,
	INodeParameters,
	INodeType,
	INodeTypes,
	IRunExecutionData,
} from 'n8n-workflow';
import { createRunExecutionData, Workflow } from 'n8n-workflow';

import { allText } from '../helpers/errors';
import { TestCredentialsHelper } from '../helpers/afas';
import { additionalDataFor, prepareContainer } from '../helpers/n8n';
import { useSimulator } from '../helpers/simulator';
import { connectorReads, node as afas, profitCredentials, sbCredentials } from './setup';

const sim = useSimulator();

type OnError = 'continueRegularOutput' | 'continueErrorOutput';

const start: INodeType = {
	description: {
		displayName: 'Start',
		name: 'start',
		group: ['trigger'],
		version: 1,
		description: '',
		defaults: { name: 'Start' },
		inputs: [],
		outputs: ['main'],
		properties: [],
	},
};

/**
 * Runs the AFAS node after a "Start" node that emitted `items`, with the given On Error setting, and returns its
 * outputs as n8n hands them on: [success] for "Continue", [success, error] for "Continue (using error output)".
 */
async function runRouted(
	onError: OnError,
	parameters: INodeParameters,
	items: INodeExecutionData[],
	credentials: Record<string, Record<string, string>>,
): Promise<INodeExecutionData[][]> {
	prepareContainer();
	const typeName = 'n8n-nodes-afas.afas';
	const nodes: INode[] = [
		{
			id: 'start',
			name: 'Start',
			type: 'test.start',
			typeVersion: 1,
			position: [0, 0],
			parameters: {},
		},
		{
			id: 'afas',
			name: 'AFAS',
			type: typeName,
			typeVersion: afas.description.version as number,
			position: [200, 0],
			parameters,
			credentials: Object.fromEntries(
				Object.keys(credentials).map((name) => [name, { id: `${name}-id`, name }]),
			),
			onError,
		},
	];
	const nodeTypes = {
		getByName: (name: string) => (name === typeName ? afas : start),
		getByNameAndVersion: (name: string) => (name === typeName ? afas : start),
		getKnownTypes: () => ({}),
	} as unknown as INodeTypes;
	const workflow = new Workflow({
		id: 'error-output-workflow',
		nodes,
		connections: { Start: { main: [[{ node: 'AFAS', type: 'main', index: 0 }]] } },
		active: false,
		nodeTypes,
	});
	const additionalData = additionalDataFor(new TestCredentialsHelper({ ...credentials }));
	const runExecutionData: IRunExecutionData = createRunExecutionData();
	runExecutionData.resultData.runData.Start = [
		{
			startTime: 0,
			executionTime: 0,
			executionIndex: 0,
			source: [],
			data: { main: [items] },
		},
	];
	const node = workflow.getNode('AFAS') as INode;
	const inputData = { main: [items] };
	const executeData: IExecuteData = {
		node,
		data: inputData,
		source: { main: [{ previousNode: 'Start', previousNodeOutput: 0, previousNodeRun: 0 }] },
	};
	const context = new ExecuteContext(
		workflow,
		node,
		additionalData,
		'manual',
		runExecutionData,
		0,
		items,
		inputData,
		executeData,
		[],
	);
	const output = (await afas.execute!.call(context)) as INodeExecutionData[][];
	const workflowExecute = new WorkflowExecute(additionalData, 'manual', runExecutionData);
	if (onError === 'continueErrorOutput')
		workflowExecute.handleNodeErrorOutput(workflow, executeData, output, 0);
	// Private in n8n-core's typings, but the step n8n runs on every node's output.
	(
		workflowExecute as unknown as { normalizeNodeErrors(data: INodeExecutionData[][]): void }
	).normalizeNodeErrors(output);
	return output;
}

const getMany = {
	product: 'profit',
	resource: 'getConnector',
	operation: 'getAll',
	connector: { __rl: true, mode: 'id', value: '={{ $json.id }}' },
	returnAll: false,
	limit: 2,
};

// The simulator's app connector does not grant Profit_Salaries: AFAS's 500 with its standard error body.
const items = [
	{ json: { id: 'Profit_Salaries', row: 'first' } },
	{ json: { id: 'Profit_Administrations', row: 'second' } },
];

const NOT_AUTHORISED = 'GetConnector not supported for this app or the user is not authorized';

describe('On Error → Continue (using error output)', () => {
	it('sends a failed Profit item to the error output, paired, with AFAS message, description and HTTP code', async () => {
		const [success, error] = await runRouted(
			'continueErrorOutput',
			getMany,
			items,
			profitCredentials(sim),
		);
		expect(success.map((item) => [item.json.AdminId, item.pairedItem])).toEqual([
			[1, { item: 1 }],
			[2, { item: 1 }],
		]);
		expect(error).toHaveLength(1);
		const [failed] = error;
		expect(failed.pairedItem).toEqual({ item: 0 });
		// n8n merges the input item's json under the error fields.
		expect(failed.json).toMatchObject({
			id: 'Profit_Salaries',
			row: 'first',
			error: { message: NOT_AUTHORISED, httpCode: '500' },
		});
		expect(String((failed.json.error as { description?: string }).description)).toContain(
			'profitLogReference',
		);
		expect(failed.error).toBeUndefined();
		const token = sim.credentials.profit.token;
		expect(allText(failed)).not.toContain(token);
		expect(JSON.stringify(failed)).not.toContain(token);
	});

	it('sends a bad-input item to the error output before any request for it, and carries on with the next', async () => {
		const [success, error] = await runRouted(
			'continueErrorOutput',
			getMany,
			[{ json: { id: '' } }, { json: { id: 'Profit_Administrations' } }],
			profitCredentials(sim),
		);
		expect(success.map((item) => item.pairedItem)).toEqual([{ item: 1 }, { item: 1 }]);
		expect(error.map((item) => item.pairedItem)).toEqual([{ item: 0 }]);
		expect(String((error[0].json.error as { message?: string }).message)).toContain('Connector');
		expect(connectorReads(sim, 'Profit_Administrations')).toHaveLength(1);
	});

	it('routes every failed item, whichever item fails, and keeps successes on the success output', async () => {
		const three = [items[1], items[0], items[0]];
		const [success, error] = await runRouted(
			'continueErrorOutput',
			getMany,
			three,
			profitCredentials(sim),
		);
		expect(success.map((item) => item.pairedItem)).toEqual([{ item: 0 }, { item: 0 }]);
		expect(error.map((item) => item.pairedItem)).toEqual([{ item: 1 }, { item: 2 }]);
		expect(
			error.every((item) => (item.json.error as { message?: string }).message === NOT_AUTHORISED),
		).toBe(true);
	});

	it('sends a failed AFAS SB item to the error output too', async () => {
		sim.addFault({
			type: 'answer',
			status: 500,
			contentType: 'application/json',
			body: JSON.stringify({ message: 'Internal failure in SB' }),
			match: { product: 'sb', path: /\/api\/countries$/i },
		});
		const [success, error] = await runRouted(
			'continueErrorOutput',
			{
				product: 'sb',
				resource: 'referenceData',
				operation: 'getMany',
				sbResource: 'country',
				limit: 1,
			},
			[{ json: { n: 1 } }],
			sbCredentials(sim),
		);
		expect(success).toEqual([]);
		expect(error).toHaveLength(1);
		expect(error[0].pairedItem).toEqual({ item: 0 });
		expect(error[0].json.n).toBe(1);
		expect(error[0].json).toMatchObject({
			error: { message: 'Internal failure in SB', httpCode: '500' },
		});
		expect(allText(error[0])).not.toContain(sim.credentials.sb.appToken);
	});
});

describe('On Error → Continue (regular output)', () => {
	it('keeps error items on the one output, in item order, with the error attached', async () => {
		const output = await runRouted('continueRegularOutput', getMany, items, profitCredentials(sim));
		expect(output).toHaveLength(1);
		const [only] = output;
		expect(only.map((item) => item.pairedItem)).toEqual([{ item: 0 }, { item: 1 }, { item: 1 }]);
		expect(only[0].json).toEqual({
			error: NOT_AUTHORISED,
			description: expect.stringContaining('profitLogReference') as unknown,
			httpCode: '500',
		});
		expect(only[0].error).toBeUndefined();
		expect(only.slice(1).map((item) => item.json.AdminId)).toEqual([1, 2]);
	});
});
