import type { IDataObject } from 'n8n-workflow';

import { takeForPage } from '../../wire/paging';
import { buildSbListQuery } from '../../wire/sb/query';
import type { SbClient } from './client';

export interface SbRead {
	/** Lower-case SB resource, e.g. 'organisations' (GET {env}/api/{resource}). */
	resource: string;
	acceptVersion: string;
	/** OData-style filter, e.g. "Name eq 'AFAS'". */
	filter?: string;
	/** 'FieldId ascending|descending'; SB's docs: always combine skip/take with a sort. */
	sortField: string;
	pageSize: number;
	limit?: number;
	itemIndex: number;
	timeoutMs?: number;
}

/**
 * SB answers a bare array, or {TrackingToken, Result} on change-tracked resources (research §4.2). The
 * transport has checked the shape (expect: 'sbList'), so anything else never reaches this as "no rows".
 */
function rowsOf(response: unknown): IDataObject[] {
	if (Array.isArray(response)) return response as IDataObject[];
	const envelope = response as {
		Result?: IDataObject[];
		result?: IDataObject[];
	};
	return envelope.Result ?? envelope.result ?? [];
}

/** Pages an SB list with skip/take until a short page; SB has no total count either. */
export async function readSbList(client: SbClient, read: SbRead): Promise<IDataObject[]> {
	const rows: IDataObject[] = [];
	const pageSize = Math.max(1, Math.floor(read.pageSize));
	for (let skip = 0; ; skip += pageSize) {
		const take = takeForPage(
			pageSize,
			read.limit === undefined ? undefined : read.limit - rows.length,
		);
		if (take <= 0) break;
		const response = await client.request({
			path: `/${encodeURIComponent(read.resource)}`,
			query: buildSbListQuery({
				skip,
				take,
				sortField: read.sortField,
				filter: read.filter,
			}),
			headers: { 'Accept-Version': read.acceptVersion },
			itemIndex: read.itemIndex,
			timeoutMs: read.timeoutMs,
			expect: 'sbList',
		});
		const page = rowsOf(response);
		rows.push(...page);
		// A short page ends the list; a long one means the server ignored take, so there is nothing more either.
		if (page.length !== take) break;
	}
	// A server that ignores take can send more rows than the Limit asked for.
	return read.limit === undefined ? rows : rows.slice(0, read.limit);
}
