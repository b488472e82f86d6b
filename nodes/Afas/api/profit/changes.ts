import type { IDataObject } from 'n8n-workflow';

import type { ProfitFilterGroups } from '../../wire/profit/filter';
import { profitInstant } from '../../wire/profit/changeCursor';
import { readGetConnector } from './getConnector';
import type { ProfitClient } from './client';

export interface ChangesRead {
	connectorId: string;
	dateField: string;
	keyField: string;
	/** Read rows with date >= this (Profit's Amsterdam wall clock, no `Z`). */
	from: string;
	/** The user's extra filter groups (OR between groups); the date condition is added to each. */
	filter: ProfitFilterGroups;
	pageSize: number;
	/** Stop after about this many rows; the cursor then continues from the last second read. */
	maxRows: number;
	timeoutMs?: number;
}

function since(filter: ProfitFilterGroups, dateField: string, from: string): ProfitFilterGroups {
	const condition = { field: dateField, operator: 'greaterOrEqual' as const, value: from };
	return filter.length === 0 ? [[condition]] : filter.map((group) => [...group, condition]);
}

/**
 * Reads the rows changed since `from`, sorted by date then key, page by page WITHOUT a growing skip: rows that
 * change while the poll pages move to the end of the order, and a skip would then jump over the row that slid
 * into their place. Each page starts again at the last second read (date >= that second) and skips only the rows
 * already read within that second. Returns the rows read, oldest first; more may follow (`complete: false`) when
 * `maxRows` was reached.
 */
export async function readChangesSince(
	client: ProfitClient,
	read: ChangesRead,
): Promise<{ rows: IDataObject[]; complete: boolean }> {
	const rows: IDataObject[] = [];
	let from = read.from;
	let readAtFrom = 0;
	for (;;) {
		const take = Math.max(1, Math.min(read.pageSize, read.maxRows - rows.length));
		const page = await readGetConnector(client, {
			connectorId: read.connectorId,
			filter: since(read.filter, read.dateField, from),
			sort: [{ field: read.dateField }, { field: read.keyField }],
			pageSize: take,
			limit: take,
			parallelRequests: 1,
			itemIndex: 0,
			timeoutMs: read.timeoutMs,
			offset: readAtFrom,
		});
		rows.push(...page);
		if (page.length < take) return { rows, complete: true };
		if (rows.length >= read.maxRows) return { rows, complete: false };
		const last = profitInstant(page[page.length - 1][read.dateField]);
		if (last === undefined) return { rows, complete: true };
		readAtFrom =
			last === from
				? readAtFrom + page.length
				: page.filter((row) => profitInstant(row[read.dateField]) === last).length;
		from = last;
	}
}
