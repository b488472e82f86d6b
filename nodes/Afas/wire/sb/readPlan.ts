import { AfasInputError } from '../inputError';
import type { SbListInfo } from './catalogueTypes';
import { sbValueKind } from './filter';

/**
 * How to page one SB list so that no record is lost or read twice (issue 17). SB pages with skip/take on one sort
 * field; when that field repeats, a page boundary can fall inside equal values, and unless SB breaks ties the
 * same way on every request a record can slip between pages or show up on two.
 *
 * - The list has a unique field (`uniqueSort`, from the catalogue) and the user sorts on it or not at all:
 *   pages sorted on it.
 * - The user sorts on another field with a Limit: ONE request (`take` = the limit) sorted on that field. One page
 *   has no boundary, and it returns the real first N by the user's sort. (Paging on the unique field and sorting
 *   afterwards would return the first N by id, sorted, not the first N by the user's field.)
 * - The user sorts on another field and wants everything (or a limit above SB_SINGLE_READ_CAP): pages sorted on the
 *   unique field, then `sortRowsLocally` on the user's field. The node must read every page before cutting to a
 *   limit when `sortLocallyBy` is set.
 * - The list has no unique field (7 lists in SB 6.0.0: balances, payment terms, VAT percentages and rates, ledger
 *   period totals, sales relations): ONE request of up to SB_SINGLE_READ_CAP rows. If that many come back the list
 *   may be longer: `singleReadOverflow` tells the node to stop with an error instead of returning part of it.
 *
 * UNVERIFIED: SB documents no maximum `take` (§4.3, §9 item 10). A single request may be refused or cut by SB for
 * very large lists; the overflow check catches a cut at exactly `take` rows, not a silent lower server maximum.
 */
export type SbSortDirection = 'ascending' | 'descending';

export type SbReadPlan =
	| {
			kind: 'paged';
			sortField: string;
			direction: SbSortDirection;
			sortLocallyBy?: {
				field: string;
				direction: SbSortDirection;
				/** The field holds numbers, some declared as text (`decimal?`): pass to sortRowsLocally. */
				numeric?: boolean;
			};
	  }
	| {
			kind: 'single';
			sortField?: string;
			direction: SbSortDirection;
			take: number;
			reason: string;
			/** true when `take` is SB_SINGLE_READ_CAP because the user set no smaller limit. */
			capped?: boolean;
	  };

export const SB_SINGLE_READ_CAP = 100000;

function fieldNamed(list: SbListInfo, name: string): string {
	return rowField(list, name).name;
}

function rowField(list: SbListInfo, name: string) {
	const wanted = name.trim().toLowerCase();
	const field = list.rowFields.find((candidate) => candidate.name.toLowerCase() === wanted);
	if (!field)
		throw new AfasInputError(
			'Sort Field',
			`"${name.trim().slice(0, 40)}" is not a field of this list`,
			`Sort on one of: ${list.rowFields.map((f) => f.name).join(', ')}`,
		);
	return field;
}

export function sbReadPlan(
	list: SbListInfo,
	request: { sortField?: string; direction: SbSortDirection; limit?: number; pageSize: number },
): SbReadPlan {
	const direction: SbSortDirection =
		request.direction === 'descending' ? 'descending' : 'ascending';
	const limit = request.limit;
	if (limit !== undefined && (!Number.isSafeInteger(limit) || limit < 1))
		throw new AfasInputError(
			'Limit',
			'Limit must be a whole number of 1 or more',
			'Set Limit to e.g. 50',
		);
	const userSort =
		request.sortField !== undefined && request.sortField.trim() !== ''
			? fieldNamed(list, request.sortField)
			: undefined;
	const unique = list.uniqueSort;

	if (unique === undefined) {
		const capped = limit === undefined || limit > SB_SINGLE_READ_CAP;
		return {
			kind: 'single',
			// SB wants a sort with skip/take (§4.3); any field will do for a single page.
			sortField: userSort ?? list.scopedUnique?.scope ?? list.rowFields[0]?.name,
			direction,
			take: capped ? SB_SINGLE_READ_CAP : limit,
			reason: `SB offers no field that is unique per record for this list, so it cannot be paged without risking missing or repeated records; it is read in one request of at most ${SB_SINGLE_READ_CAP} records`,
			...(capped ? { capped: true } : {}),
		};
	}

	if (userSort === undefined || userSort === unique)
		return { kind: 'paged', sortField: unique, direction };

	if (limit !== undefined && limit <= SB_SINGLE_READ_CAP)
		return {
			kind: 'single',
			sortField: userSort,
			direction,
			take: limit,
			reason: `${userSort} is not unique per record, so the first ${limit} records are read in one request (a single page has no boundary to lose records at)`,
		};

	return {
		kind: 'paged',
		sortField: unique,
		direction: 'ascending',
		sortLocallyBy: {
			field: userSort,
			direction,
			...(['integer', 'number'].includes(sbValueKind(rowField(list, userSort)))
				? { numeric: true }
				: {}),
		},
	};
}

/** A capped single read that came back full: the list may hold more records than were read. */
export function singleReadOverflow(plan: SbReadPlan, rowCount: number): boolean {
	return plan.kind === 'single' && plan.capped === true && rowCount >= plan.take;
}

const collator = new Intl.Collator('nl', { sensitivity: 'base', numeric: false });

function valueOf(row: Record<string, unknown>, field: string): unknown {
	if (field in row) return row[field];
	const lower = field.toLowerCase();
	const key = Object.keys(row).find((candidate) => candidate.toLowerCase() === lower);
	return key === undefined ? undefined : row[key];
}

/** null < false/true < numbers < texts; objects last. */
function rank(value: unknown): number {
	if (value === null || value === undefined) return 0;
	if (typeof value === 'boolean') return 1;
	if (typeof value === 'number') return 2;
	if (typeof value === 'string') return 3;
	return 4;
}

const NUMERIC = /^[+-]?(\d+(\.\d*)?|\.\d+)$/;

function asNumber(value: unknown): unknown {
	return typeof value === 'string' && NUMERIC.test(value.trim()) ? Number(value.trim()) : value;
}

function compare(a: unknown, b: unknown): number {
	const byRank = rank(a) - rank(b);
	if (byRank !== 0) return byRank;
	if (typeof a === 'number' && typeof b === 'number') return a - b;
	if (typeof a === 'boolean' && typeof b === 'boolean') return Number(a) - Number(b);
	// ISO dates compare correctly as text; Dutch collation ignoring case and accents for names.
	if (typeof a === 'string' && typeof b === 'string') return collator.compare(a, b);
	return 0;
}

/**
 * A stable sort on one field (rows that tie keep the order they were read in, i.e. the unique field's order).
 * Nulls come first ascending and last descending, as SQL Server orders them. `numeric` (from the plan) compares
 * numbers sent as text (`"431.55"`, SB's `decimal?` fields) as numbers; otherwise texts compare as Dutch text.
 */
export function sortRowsLocally(
	rows: Array<Record<string, unknown>>,
	field: string,
	direction: SbSortDirection,
	options: { numeric?: boolean } = {},
): Array<Record<string, unknown>> {
	const sign = direction === 'descending' ? -1 : 1;
	const read = (row: Record<string, unknown>) =>
		options.numeric ? asNumber(valueOf(row, field)) : valueOf(row, field);
	return rows
		.map((row, index) => ({ row, index, value: read(row) }))
		.sort((a, b) => sign * compare(a.value, b.value) || a.index - b.index)
		.map((entry) => entry.row);
}
