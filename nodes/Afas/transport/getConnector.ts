import type { IDataObject } from 'n8n-workflow';

import type { ProfitFilterGroups, SortField } from '../wire/profitFilter';
import { buildGetConnectorQuery } from '../wire/profitFilter';
import { isLastPage, takeForPage } from '../wire/profitPaging';
import { getConnectorPath } from '../wire/profitPaths';
import type { AfasContext } from './context';
import { toNodeError } from './errors';
import { afasRequest, resolveTarget } from './request';

export interface GetConnectorRead {
	connectorId: string;
	filter?: ProfitFilterGroups;
	rawFilterJson?: string | object;
	/** Never empty when paging: AFAS only guarantees a stable order between pages with a sort (§5.2). */
	sort: SortField[];
	pageSize: number;
	/** Undefined: all rows. */
	limit?: number;
	/** Pages fetched ahead at the same time, 1–5. */
	parallelRequests: number;
	/** skip=-1&take=-1: everything in one response; only on explicit request (AFAS discourages it). */
	fetchInOneRequest?: boolean;
	itemIndex: number;
	timeoutMs?: number;
}

/** Checked by the transport (expect: 'getConnectorRows'): anything else is an error, never "no rows". */
interface GetConnectorPage {
	rows: IDataObject[];
}

/** Larger than any skip a Return All read will reach, so a filter that fits with it fits on every page. */
const LARGEST_SKIP = 999_999_999;

export const MAX_PARALLEL_REQUESTS = 5;

function queryFor(
	read: GetConnectorRead,
	urlPrefixLength: number,
	skip: number,
	take: number,
): string {
	return buildGetConnectorQuery({
		filter: read.filter,
		rawFilterJson: read.rawFilterJson,
		sort: read.sort,
		skip,
		take,
		urlPrefixLength,
		fetchAll: read.fetchInOneRequest,
	}).query;
}

async function fetchPage(
	context: AfasContext,
	read: GetConnectorRead,
	skip: number,
	take: number,
): Promise<IDataObject[]> {
	const page = (await afasRequest.call(context, {
		path: getConnectorPath(read.connectorId),
		query: (url) => queryFor(read, url.length, skip, take),
		itemIndex: read.itemIndex,
		timeoutMs: read.timeoutMs,
		expect: 'getConnectorRows',
	})) as GetConnectorPage;
	return page.rows;
}

/**
 * Proves the filter fits AFAS's URL limit on the last page this read can ask for (the skip grows by up to
 * nine digits), so a filter that cannot fit fails before any request instead of halfway through.
 */
async function checkQueryFits(
	context: AfasContext,
	read: GetConnectorRead,
	lastSkip: number,
	take: number,
): Promise<void> {
	const target = await resolveTarget.call(context, read.itemIndex);
	try {
		queryFor(read, `${target.baseUrl}${getConnectorPath(read.connectorId)}`.length, lastSkip, take);
	} catch (error) {
		throw toNodeError(context.getNode(), error, read.itemIndex);
	}
}

/**
 * Reads a GetConnector page by page (skip/take, always sorted) until a page comes back short: AFAS's only
 * end-of-data signal, as there is no total count. With parallelRequests > 1 that many pages are in flight at
 * once; rows still come back in page order, and pages past the first short one are dropped.
 */
export async function readGetConnector(
	this: AfasContext,
	read: GetConnectorRead,
): Promise<IDataObject[]> {
	if (read.fetchInOneRequest) return await fetchPage(this, read, 0, 1);

	const pageSize = Math.max(1, Math.floor(read.pageSize));
	const takeOf = (page: number): number =>
		takeForPage(pageSize, read.limit === undefined ? undefined : read.limit - page * pageSize);
	let endPage =
		read.limit === undefined ? Number.POSITIVE_INFINITY : Math.ceil(read.limit / pageSize);
	await checkQueryFits(
		this,
		read,
		Number.isFinite(endPage) ? (endPage - 1) * pageSize : LARGEST_SKIP,
		takeOf(0),
	);

	const pages: IDataObject[][] = [];
	const failures = new Map<number, unknown>();
	let nextPage = 0;
	// After a failure no new page starts, so a failed read (or the next item under Continue On Fail) never has
	// more requests open against AFAS than Parallel Requests allows.
	let failed = false;
	const worker = async (): Promise<void> => {
		while (!failed && nextPage < endPage) {
			const page = nextPage++;
			const take = takeOf(page);
			try {
				const rows = await fetchPage(this, read, page * pageSize, take);
				pages[page] = rows;
				if (isLastPage(rows.length, take)) endPage = Math.min(endPage, page + 1);
			} catch (error) {
				failures.set(page, error);
				failed = true;
			}
		}
	};
	const workers = Math.min(Math.max(1, Math.floor(read.parallelRequests)), MAX_PARALLEL_REQUESTS);
	// Every worker settles (catching its own failure), so no request is still running when this read ends.
	await Promise.allSettled(Array.from({ length: workers }, async () => await worker()));

	// Pages are handed out in order and all have settled, so when no page below the end page failed, every page
	// up to the short one was read: a failure of a page fetched ahead past it changes nothing.
	const firstFailure = [...failures.keys()]
		.filter((page) => page < endPage)
		.sort((a, b) => a - b)[0];
	if (firstFailure !== undefined) throw failures.get(firstFailure);

	const rows: IDataObject[] = [];
	for (let page = 0; page < endPage && page < pages.length; page++)
		rows.push(...(pages[page] ?? []));
	return read.limit === undefined ? rows : rows.slice(0, read.limit);
}
