export type { ProfitClient } from './client';
export { createProfitClient } from './client';
export type { ProfitFileRequest, ProfitFileResponse } from './files';
export {
	fetchProfitFile,
	fileRequest,
	imageRequest,
	reportRequest,
	subjectAttachmentRequest,
} from './files';
export type { GetConnectorRead } from './getConnector';
export { MAX_PARALLEL_REQUESTS, readGetConnector } from './getConnector';
export type {
	GetConnectorField,
	GetConnectorMetainfo,
	ProfitMetainfo,
	UpdateConnectorField,
	UpdateConnectorMetainfo,
	UpdateConnectorObject,
} from './metainfo';
export { getConnectorMetainfo, profitMetainfo, updateConnectorMetainfo } from './metainfo';
export { profitVersion } from './system';
export type { UpdateRequest, UpdateSendOptions } from './updateConnector';
export { retryModeOf, sendUpdate, updateRequestUrl } from './updateConnector';
export type { ChangesRead } from './changes';
export { readChangesSince } from './changes';
