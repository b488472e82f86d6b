import { profitVersionPath } from '../../wire/profit/paths';
import type { ProfitClient } from './client';

/** AFAS's version string is opaque (e.g. "22.22.5"), not "Profit 7"; the answer check has made sure it is one. */
export async function profitVersion(client: ProfitClient, itemIndex = 0): Promise<string> {
	const response = await client.request<{ version: string }>({
		path: profitVersionPath(),
		itemIndex,
		expect: 'profitVersion',
	});
	return response.version;
}
