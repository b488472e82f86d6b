import type {
	IDataObject,
	INodeExecutionData,
	INodeType,
	INodeTypeDescription,
	IPollFunctions,
} from 'n8n-workflow';
import { NodeConnectionTypes } from 'n8n-workflow';

import { productCredentials } from './actions/common.descriptions';
import { listSearch, loadOptions } from './methods';
import { parameters } from './parameters';
import { triggerProperties } from './triggers/descriptions';
import type { ProfitTriggerState } from './triggers/profit';
import { pollProfit } from './triggers/profit';
import type { SbTriggerState } from './triggers/sb';
import { pollSb } from './triggers/sb';

export class AfasTrigger implements INodeType {
	description: INodeTypeDescription = {
		displayName: 'AFAS Trigger',
		name: 'afasTrigger',
		icon: { light: 'file:../../icons/afas.svg', dark: 'file:../../icons/afas.dark.svg' },
		group: ['trigger'],
		version: 1,
		subtitle:
			'={{ $parameter["product"] === "sb" ? $parameter["sbResource"] : $parameter["connector"].value }}',
		description: 'Starts a workflow when AFAS Profit rows or AFAS SB records are new or changed',
		defaults: { name: 'AFAS Trigger' },
		polling: true,
		inputs: [],
		outputs: [NodeConnectionTypes.Main],
		credentials: productCredentials,
		properties: triggerProperties,
	};

	methods = { listSearch, loadOptions };

	async poll(this: IPollFunctions): Promise<INodeExecutionData[][] | null> {
		const p = parameters(this, 0, triggerProperties);
		const product = p.options<'profit' | 'sb'>('product');
		// n8n persists the node's static data after a poll; it holds the cursor (Profit) or the token (SB).
		const state = this.getWorkflowStaticData('node') as {
			profit?: ProfitTriggerState;
			sb?: SbTriggerState;
		};
		// Worked on a copy and stored only after the poll succeeded: a failed poll leaves the state as it was.
		// Fetch Test Event (manual) reads a sample and stores nothing.
		const store = this.getMode() !== 'manual';
		let rows: IDataObject[];
		if (product === 'sb') {
			const sbState = { ...state.sb };
			rows = await pollSb(this, p, sbState);
			if (store) state.sb = sbState;
		} else {
			const profitState = { ...state.profit };
			rows = await pollProfit(this, p, profitState);
			if (store) state.profit = profitState;
		}
		if (rows.length === 0) return null;
		const single = p.options('output') === 'single';
		return [
			single
				? [{ json: { records: rows, count: rows.length } }]
				: rows.map((row) => ({ json: row })),
		];
	}
}
