import type { IDataObject } from 'n8n-workflow';

import type { ProfitFilterGroups } from '../../wire/profit/filter';
import { isLastPage, takeForPage } from '../../wire/paging';
import { getConnectorPath } from '../../wire/profit/paths';
import type { SortField } from '../../wire/profit/query';
import { planGetConnectorQuery } from '../../wire/profit/query';
import type { ProfitClient } from './client';

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
	/** Rows to pass over before the first page (a trigger resuming inside one second); default 0. */
	offset?: number;
}

/** Checked by the transport (expect: 'getConnectorRows'): anything else is an error, never "no rows". */
interface GetConnectorPage {
	rows: IDataObject[];
}

/** Larger than any skip a Return All read will reach, so a filter that fits with it fits on every page. */
const LARGEST_SKIP = 999_999_999;

export const MAX_PARALLEL_REQUESTS = 5;

/** One page of the read: the planned query plus this page's skip and take. */
type PageFetcher = (skip: number, take: number) => Promise<IDataObject[]>;

/**
 * Plans the query once, before any request: the filter form is chosen and proven to fit AFAS's URL limit on
 * the last page this read can ask for (the skip grows by up to nine digits), so a filter that cannot fit fails
 * before anything is sent instead of halfway through, and no page can fail on user input.
 */
function pageFetcher(
	client: ProfitClient,
	read: GetConnectorRead,
	largestSkip: number,
	largestTake: number,
): PageFetcher {
	const path = getConnectorPath(read.connectorId);
	const plan = planGetConnectorQuery({
		filter: read.filter,
		rawFilterJson: read.rawFilterJson,
		sort: read.sort,
		urlPrefixLength: `${client.baseUrl}${path}`.length,
		largestSkip,
		largestTake,
		fetchAll: read.fetchInOneRequest,
	});
	return async (skip, take) => {
		const page = await client.request<GetConnectorPage>({
			path,
			query: plan.page(skip, take),
			itemIndex: read.itemIndex,
			timeoutMs: read.timeoutMs,
			expect: 'getConnectorRows',
		});
		return page.rows;
	};
}

export async function readGetConnector(
	client: ProfitClient,
	read: GetConnectorRead,
): Promise<IDataObject[]> {
	if (read.fetchInOneRequest) return await pageFetcher(client, read, -1, -1)(-1, -1);

	const pageSize = Math.max(1, Math.floor(read.pageSize));
	const takeOf = (page: number): number =>
		takeForPage(pageSize, read.limit === undefined ? undefined : read.limit - page * pageSize);
	let endPage =
		read.limit === undefined ? Number.POSITIVE_INFINITY : Math.ceil(read.limit / pageSize);
	const offset = Math.max(0, Math.floor(read.offset ?? 0));
	const fetchPage = pageFetcher(
		client,
		read,
		Number.isFinite(endPage) ? offset + (endPage - 1) * pageSize : LARGEST_SKIP,
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
				const rows = await fetchPage(offset + page * pageSize, take);
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
