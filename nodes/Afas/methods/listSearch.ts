import type {
	ILoadOptionsFunctions,
	INodeListSearchItems,
	INodeListSearchResult,
} from 'n8n-workflow';

import { createProfitClient, profitMetainfo } from '../api/profit';

function matching(
	connectors: Array<{ id: string; description?: string }> | undefined,
	filter: string | undefined,
): INodeListSearchItems[] {
	const needle = (filter ?? '').trim().toLowerCase();
	return (connectors ?? [])
		.filter(
			(connector) =>
				needle === '' ||
				connector.id.toLowerCase().includes(needle) ||
				(connector.description ?? '').toLowerCase().includes(needle),
		)
		.sort((a, b) => a.id.localeCompare(b.id))
		.map((connector) => ({
			name:
				connector.description && connector.description !== connector.id
					? `${connector.id} (${connector.description})`
					: connector.id,
			value: connector.id,
		}));
}

/** GetConnectors linked to the app connector, from GET /metainfo; API errors surface in the editor. */
export async function searchGetConnectors(
	this: ILoadOptionsFunctions,
	filter?: string,
): Promise<INodeListSearchResult> {
	const metainfo = await profitMetainfo(await createProfitClient(this));
	return { results: matching(metainfo.getConnectors, filter) };
}

/** UpdateConnectors linked to the app connector, from GET /metainfo. */
export async function searchUpdateConnectors(
	this: ILoadOptionsFunctions,
	filter?: string,
): Promise<INodeListSearchResult> {
	const metainfo = await profitMetainfo(await createProfitClient(this));
	return { results: matching(metainfo.updateConnectors, filter) };
}
