import type { IDataObject } from 'n8n-workflow';
import { NodeOperationError } from 'n8n-workflow';

import { takeForPage } from '../../wire/paging';
import { buildSbListQuery } from '../../wire/sb/query';
import type { SbListEntry } from '../../wire/sb/catalogue';
import { sbApiPath } from '../../wire/sb/catalogue';
import type { SbReadPlan } from '../../wire/sb/readPlan';
import { sbReadPlan, singleReadOverflow, sortRowsLocally } from '../../wire/sb/readPlan';
import type { SbClient } from './client';

export interface SbRead {
	/** Below the client's base URL, e.g. '/organisations' (the catalogue path without '/api'). */
	path: string;
	acceptVersion: string;
	/** SB filter text (already rendered), e.g. "Name eq 'AFAS'". */
	filter?: string;
	/** How to page without losing or repeating records (wire/sb/readPlan). */
	plan: SbReadPlan;
	pageSize: number;
	limit?: number;
	/** Only records changed since this token (change-tracked lists). */
	trackingToken?: string;
	itemIndex: number;
	timeoutMs?: number;
}

export interface SbReadResult {
	rows: IDataObject[];
	/** On change-tracked lists, where the next "changes since" read starts (the token of the first page). */
	trackingToken?: string;
}

/** SB answers a bare array, or {TrackingToken, Result} on change-tracked lists (checked by expect: 'sbList'). */
function pageOf(response: unknown): SbReadResult {
	if (Array.isArray(response)) return { rows: response as IDataObject[] };
	const envelope = response as {
		Result?: IDataObject[];
		result?: IDataObject[];
		TrackingToken?: unknown;
	};
	const token = envelope.TrackingToken;
	return {
		rows: envelope.Result ?? envelope.result ?? [],
		trackingToken:
			typeof token === 'string' || typeof token === 'number' ? String(token) : undefined,
	};
}

async function readPage(
	client: SbClient,
	read: SbRead,
	page: { skip: number; take: number; sortField?: string },
): Promise<SbReadResult> {
	const response = await client.request({
		path: read.path,
		query: buildSbListQuery({
			skip: page.skip,
			take: page.take,
			sortField: page.sortField,
			filter: read.filter,
			trackingToken: read.trackingToken,
		}),
		headers: { 'Accept-Version': read.acceptVersion },
		itemIndex: read.itemIndex,
		timeoutMs: read.timeoutMs,
		expect: 'sbList',
	});
	return pageOf(response);
}

/**
 * Reads an SB list as the plan says: pages of skip/take sorted on a field unique per record until a short page
 * (SB has no total count), or the whole list in one request when no field is unique (a page boundary inside
 * equal values could drop or repeat records).
 */
export async function readSbList(client: SbClient, read: SbRead): Promise<SbReadResult> {
	const { plan } = read;
	if (plan.kind === 'single') {
		const page = await readPage(client, read, {
			skip: 0,
			take: plan.take,
			sortField: plan.sortField && `${plan.sortField} ${plan.direction}`,
		});
		if (singleReadOverflow(plan, page.rows.length))
			throw new NodeOperationError(
				client.context.getNode(),
				`This AFAS SB list has at least ${plan.take} records, more than one request may read`,
				{
					itemIndex: read.itemIndex,
					description: `${plan.reason} Add a filter (for example on AdministrationId) so the list fits in one request.`,
				},
			);
		return page;
	}
	const rows: IDataObject[] = [];
	let trackingToken: string | undefined;
	const pageSize = Math.max(1, Math.floor(read.pageSize));
	const limit = plan.sortLocallyBy ? undefined : read.limit;
	for (let skip = 0; ; skip += pageSize) {
		const take = takeForPage(pageSize, limit === undefined ? undefined : limit - rows.length);
		if (take <= 0) break;
		const page = await readPage(client, read, {
			skip,
			take,
			sortField: `${plan.sortField} ${plan.direction}`,
		});
		rows.push(...page.rows);
		// The first page's token: changes made while later pages are read come again next time, never go missing.
		trackingToken ??= page.trackingToken;
		// A short page ends the list; a long one means the server ignored take, so there is nothing more either.
		if (page.rows.length !== take) break;
	}
	const ordered = plan.sortLocallyBy
		? (sortRowsLocally(rows, plan.sortLocallyBy.field, plan.sortLocallyBy.direction, {
				numeric: plan.sortLocallyBy.numeric,
			}) as IDataObject[])
		: rows;
	// A server that ignores take can send more rows than the Limit asked for.
	return {
		rows: read.limit === undefined ? ordered : ordered.slice(0, read.limit),
		trackingToken,
	};
}

const CATALOGUE_PAGE_SIZE = 500;

/**
 * A catalogue list read the plain way (no filter, the list's own safe order, the spec's Accept-Version): what the
 * editor's look-ups and the trigger need, as opposed to the Get Many operation's user choices.
 */
export async function readCatalogueList(
	client: SbClient,
	entry: SbListEntry,
	options: { limit?: number; trackingToken?: string; timeoutMs?: number } = {},
): Promise<SbReadResult> {
	return await readSbList(client, {
		path: sbApiPath(entry),
		acceptVersion: entry.acceptVersion ?? '1',
		plan: sbReadPlan(entry.list, {
			direction: 'ascending',
			pageSize: CATALOGUE_PAGE_SIZE,
			limit: options.limit,
		}),
		pageSize: CATALOGUE_PAGE_SIZE,
		limit: options.limit,
		trackingToken: options.trackingToken,
		itemIndex: 0,
		timeoutMs: options.timeoutMs,
	});
}
