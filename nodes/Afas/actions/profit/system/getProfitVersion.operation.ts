import type { IExecuteFunctions, INodeExecutionData } from 'n8n-workflow';
import { updateDisplayOptions } from 'n8n-workflow';

import { afasRequest } from '../../../transport';
import { profitVersionPath } from '../../../wire/profitPaths';

export const description = updateDisplayOptions(
	{ show: { product: ['profit'], resource: ['system'], operation: ['getProfitVersion'] } },
	[],
);

/** One item `{ version }`; AFAS's version string is opaque (e.g. "22.22.5"), not "Profit 7". */
export async function execute(
	this: IExecuteFunctions,
	itemIndex: number,
): Promise<INodeExecutionData[]> {
	const response = (await afasRequest.call(this, { path: profitVersionPath(), itemIndex })) as {
		version?: unknown;
	};
	return [
		{
			json: {
				version:
					typeof response?.version === 'string'
						? response.version
						: String(response?.version ?? ''),
			},
		},
	];
}
