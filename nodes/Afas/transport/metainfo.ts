import { metainfoPath } from '../wire/profitPaths';
import type { AfasContext } from './context';
import { afasRequest } from './request';

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

export interface UpdateConnectorField {
	fieldId: string;
	primaryKey?: boolean;
	dataType?: string;
	label?: string;
	mandatory?: boolean;
	length?: number;
	decimals?: number;
	decimalFieldId?: string;
	notzero?: boolean;
	controlType?: number;
	values?: Array<{ id: string; description?: string }> | null;
}

export interface UpdateConnectorObject {
	name: string;
	fields?: UpdateConnectorField[];
	objects?: UpdateConnectorObject[];
}

/** GET /metainfo/update/{id} (research §6.3): a recursive tree of fields and nested objects. */
export interface UpdateConnectorMetainfo extends UpdateConnectorObject {
	id?: string;
	description?: string;
}

// One execution asks for the same connector's fields once, however many items it processes.
const getConnectorCache = new WeakMap<object, Map<string, Promise<GetConnectorMetainfo>>>();

export async function profitMetainfo(this: AfasContext, itemIndex = 0): Promise<ProfitMetainfo> {
	return (await afasRequest.call(this, {
		path: metainfoPath(),
		itemIndex,
		expect: 'metainfoList',
	})) as ProfitMetainfo;
}

export async function getConnectorMetainfo(
	this: AfasContext,
	connectorId: string,
	itemIndex = 0,
): Promise<GetConnectorMetainfo> {
	let perContext = getConnectorCache.get(this);
	if (!perContext) {
		perContext = new Map();
		getConnectorCache.set(this, perContext);
	}
	const cached = perContext.get(connectorId);
	if (cached) return await cached;
	const request = afasRequest.call(this, {
		path: metainfoPath('get', connectorId),
		itemIndex,
		expect: 'getConnectorMetainfo',
	}) as Promise<GetConnectorMetainfo>;
	perContext.set(connectorId, request);
	// A failed look-up must not be remembered: the next item may succeed after a transient error.
	const cache = perContext;
	request.catch(() => cache.delete(connectorId));
	return await request;
}

export async function updateConnectorMetainfo(
	this: AfasContext,
	connectorId: string,
	itemIndex = 0,
): Promise<UpdateConnectorMetainfo> {
	return (await afasRequest.call(this, {
		path: metainfoPath('update', connectorId),
		itemIndex,
		expect: 'updateConnectorMetainfo',
	})) as UpdateConnectorMetainfo;
}
