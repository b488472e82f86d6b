import type { IDataObject } from 'n8n-workflow';

import { buildFilterQuery } from '../../wire/profit/query';
import type { ProfitImageFormat } from '../../wire/profit/paths';
import {
	fileConnectorPath,
	imageConnectorPath,
	imageFormatQuery,
	reportConnectorPath,
	subjectConnectorPath,
} from '../../wire/profit/paths';
import type { ProfitClient } from './client';

/** FileConnector, SubjectConnector, ImageConnector and ReportConnector all answer with this JSON (§8.2–§8.5). */
export interface ProfitFileResponse {
	filename?: string;
	mimetype?: string;
	filedata?: string;
}

/** One file download, built (and checked) before anything is sent. */
export interface ProfitFileRequest {
	path: string;
	query?: string;
}

export function fileRequest(fileId: string, fileName: string): ProfitFileRequest {
	return { path: fileConnectorPath(fileId, fileName) };
}

export function subjectAttachmentRequest(subjectId: string, fileId: string): ProfitFileRequest {
	return { path: subjectConnectorPath(subjectId, fileId) };
}

export function imageRequest(imageId: string, format: ProfitImageFormat): ProfitFileRequest {
	return { path: imageConnectorPath(imageId), query: imageFormatQuery(format) };
}

/** The report's filter is measured against this client's real URL: AFAS's length limit counts all of it. */
export function reportRequest(
	client: ProfitClient,
	reportId: string,
	rawFilterJson: string | IDataObject | undefined,
): ProfitFileRequest {
	const path = reportConnectorPath(reportId);
	const { query } = buildFilterQuery({
		rawFilterJson,
		urlPrefixLength: `${client.baseUrl}${path}`.length,
	});
	return { path, query };
}

export async function fetchProfitFile(
	client: ProfitClient,
	request: ProfitFileRequest,
	itemIndex: number,
): Promise<ProfitFileResponse | undefined> {
	return await client.request<ProfitFileResponse | undefined>({ ...request, itemIndex });
}
