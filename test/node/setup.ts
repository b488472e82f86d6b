/** Shared set-up for the node tests: the simulator, credentials as a user saves them, and a runner. */
import type { IDataObject, INodeExecutionData, INodeParameters } from 'n8n-workflow';

import { Afas } from '../../nodes/Afas/Afas.node';
import type { NodeRunOptions } from '../helpers/afas';
import { loadOptionsContext, runNode } from '../helpers/afas';
import type { LoggedRequest, Simulator } from '../simulator';
import { startSimulator } from '../simulator';

export { startSimulator };
export type { LoggedRequest, Simulator };

export const node = new Afas();

export function profitCredentials(sim: Simulator, token = sim.credentials.profit.token) {
	return {
		afasProfitApi: { environment: 'custom', baseUrl: sim.profitUrl, authType: 'token', token },
	};
}

export function sbCredentials(sim: Simulator) {
	return {
		afasSbApi: {
			server: 'custom',
			baseUrl: sim.sbUrl,
			customerEnvironment: 'scope',
			authType: 'token',
			token: sim.credentials.sb.appToken,
		},
	};
}

/** A resource locator value as n8n stores it. */
export function byId(value: string) {
	return { __rl: true, mode: 'id', value };
}

export interface RunProfit {
	parameters: INodeParameters;
	items?: INodeExecutionData[];
	continueOnFail?: boolean;
	token?: string;
}

export async function runProfit(sim: Simulator, run: RunProfit): Promise<INodeExecutionData[]> {
	const options: NodeRunOptions = {
		parameters: { product: 'profit', ...run.parameters },
		credentials: profitCredentials(sim, run.token),
		items: run.items,
		continueOnFail: run.continueOnFail,
	};
	const { output } = await runNode(node, options);
	return output[0];
}

export async function runSb(
	sim: Simulator,
	parameters: INodeParameters,
): Promise<INodeExecutionData[]> {
	const { output } = await runNode(node, {
		parameters: { product: 'sb', ...parameters },
		credentials: sbCredentials(sim),
	});
	return output[0];
}

export function profitLoadOptions(sim: Simulator, parameters: INodeParameters) {
	return loadOptionsContext(node, {
		parameters: { product: 'profit', ...parameters },
		credentials: profitCredentials(sim),
	});
}

/** The GetConnector reads of one connector in the simulator's log, oldest first. */
export function connectorReads(sim: Simulator, connectorId: string): LoggedRequest[] {
	const path = `/profitrestservices/connectors/${connectorId}`.toLowerCase();
	return sim.requests.filter(
		(request) => request.method === 'GET' && request.path.toLowerCase() === path,
	);
}

export function jsonOf(items: INodeExecutionData[]): IDataObject[] {
	return items.map((item) => item.json);
}

/** Runs `action` and returns what it threw (fails the test when nothing was thrown). */
export async function thrownBy(action: () => Promise<unknown>): Promise<Error & IDataObject> {
	try {
		await action();
	} catch (error) {
		return error as Error & IDataObject;
	}
	throw new Error('Expected an error, but the call succeeded');
}
