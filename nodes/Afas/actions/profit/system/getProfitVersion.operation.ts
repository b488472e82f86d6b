import type { IExecuteFunctions, INodeExecutionData } from 'n8n-workflow';
import { updateDisplayOptions } from 'n8n-workflow';

import type { ProfitClient } from '../../../api/profit';
import { profitVersion } from '../../../api/profit';

export const description = updateDisplayOptions(
	{ show: { product: ['profit'], resource: ['system'], operation: ['getProfitVersion'] } },
	[],
);

/** One item `{ version }`; AFAS's version string is opaque (e.g. "22.22.5"), not "Profit 7". */
export async function execute(
	this: IExecuteFunctions,
	itemIndex: number,
	client: ProfitClient,
): Promise<INodeExecutionData[]> {
	return [{ json: { version: await profitVersion(client, itemIndex) } }];
}
