export type { AfasContext, AfasCredentialType, AfasProduct } from './context';
export { credentialTypeOf, nodeParameter, productOf } from './context';
export { toNodeError } from './errors';
export type { GetConnectorRead } from './getConnector';
export { MAX_PARALLEL_REQUESTS, readGetConnector } from './getConnector';
export type { AfasRequestOptions } from './request';
export { afasRequest, DEFAULT_TIMEOUT_MS } from './request';
export type { SbRead } from './sb';
export { readSbList } from './sb';
export type {
	GetConnectorField,
	GetConnectorMetainfo,
	ProfitMetainfo,
	UpdateConnectorField,
	UpdateConnectorMetainfo,
	UpdateConnectorObject,
} from './metainfo';
export { getConnectorMetainfo, profitMetainfo, updateConnectorMetainfo } from './metainfo';
