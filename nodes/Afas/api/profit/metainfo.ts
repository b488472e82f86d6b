import { metainfoPath } from '../../wire/profit/paths';
import type { UpdateMeta } from '../../wire/profit/updateTypes';
import type { ProfitClient } from './client';

/** GET /metainfo: the connectors linked to the caller's app connector (research §6.1). */
export interface ProfitMetainfo {
	getConnectors?: Array<{ id: string; description?: string }>;
	updateConnectors?: Array<{ id: string; description?: string }>;
	info?: Record<string, unknown>;
}

export interface GetConnectorField {
	id: string;
	fieldId?: string;
	dataType?: string;
	label?: string;
	length?: number;
	controlType?: number;
	decimals?: number;
	decimalsFieldId?: string;
	values?: Array<{ id: string; description?: string }> | null;
}

/** GET /metainfo/get/{id} (research §6.2). */
export interface GetConnectorMetainfo {
	name?: string;
	description?: string;
	fields?: GetConnectorField[];
}

/** GET /metainfo/update/{id} (research §6.3): a recursive tree of fields and nested objects. */
export type {
	UpdateMeta as UpdateConnectorMetainfo,
	UpdateMetaField as UpdateConnectorField,
	UpdateMetaObject as UpdateConnectorObject,
} from '../../wire/profit/updateTypes';

// A client lives for one execution, so one execution asks for a connector's fields once, however many items
// it processes.
const getConnectorCache = new WeakMap<ProfitClient, Map<string, Promise<GetConnectorMetainfo>>>();

export async function profitMetainfo(client: ProfitClient, itemIndex = 0): Promise<ProfitMetainfo> {
	return (await client.request({
		path: metainfoPath(),
		itemIndex,
		expect: 'metainfoList',
	})) as ProfitMetainfo;
}

export async function getConnectorMetainfo(
	client: ProfitClient,
	connectorId: string,
	itemIndex = 0,
): Promise<GetConnectorMetainfo> {
	let perContext = getConnectorCache.get(client);
	if (!perContext) {
		perContext = new Map();
		getConnectorCache.set(client, perContext);
	}
	const cached = perContext.get(connectorId);
	if (cached) return await cached;
	const request = client.request<GetConnectorMetainfo>({
		path: metainfoPath('get', connectorId),
		itemIndex,
		expect: 'getConnectorMetainfo',
	});
	perContext.set(connectorId, request);
	// A failed look-up must not be remembered: the next item may succeed after a transient error.
	const cache = perContext;
	request.catch(() => cache.delete(connectorId));
	return await request;
}

const updateConnectorCache = new WeakMap<ProfitClient, Map<string, Promise<UpdateMeta>>>();

/** Cached per client (one execution) like getConnectorMetainfo: every item of a write needs the same tree. */
export async function updateConnectorMetainfo(
	client: ProfitClient,
	connectorId: string,
	itemIndex = 0,
): Promise<UpdateMeta> {
	let perContext = updateConnectorCache.get(client);
	if (!perContext) {
		perContext = new Map();
		updateConnectorCache.set(client, perContext);
	}
	const cached = perContext.get(connectorId);
	if (cached) return await cached;
	const request = client.request<UpdateMeta>({
		path: metainfoPath('update', connectorId),
		itemIndex,
		expect: 'updateConnectorMetainfo',
	});
	perContext.set(connectorId, request);
	const cache = perContext;
	request.catch(() => cache.delete(connectorId));
	return await request;
}
