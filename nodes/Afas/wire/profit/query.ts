import { AfasInputError } from '../inputError';
import { encodeQueryValue, joinQuery } from '../queryEncoding';
import type { NormalisedCondition, ProfitFilterGroups } from './filter';
import { conditionsToFilterJson, normaliseConditions } from './filter';
import type { FilterJson } from './filterJson';
import { parseRawFilterJson } from './filterJson';

/**
 * GetConnector query strings: filters, sorting, paging (research §5.2–§5.6), within AFAS's URL limit. A read
 * plans its query once (filter form chosen, length proven for its largest page); each page then only adds
 * its skip and take.
 */

export interface SortField {
	field: string;
	descending?: boolean;
}

/**
 * Longest request URL we send, counted over the whole URL (base, path, `?` and query). AFAS answers 404 when
 * "the string with parameters" exceeds 2049 characters, and the same page also says "around 2,000" (§5.6,
 * CONFLICT §12.14). Whether that counts the query only or the whole URL is not stated, so we take the strictest
 * reading that all three sources allow: the whole URL at most 2048.
 */
export const MAX_URL_LENGTH = 2048;

interface QueryParts {
	filter?: ProfitFilterGroups;
	rawFilterJson?: string | object;
	sort?: SortField[];
	/** Length of `${base}/connectors/${id}` (everything before the `?`). */
	urlPrefixLength: number;
	/**
	 * "Fetch in one request": send `skip=-1&take=-1`, which AFAS returns in full but "strongly discourages"
	 * (§5.2); skip and take are then ignored. Never used unless asked for (skip -1 with take -1 also asks).
	 */
	fetchAll?: boolean;
}

export interface GetConnectorQueryInput extends QueryParts {
	skip: number;
	take: number;
}

export interface GetConnectorPlanInput extends QueryParts {
	/** The largest skip and take any page of the read will send: the URL length is proven with them. */
	largestSkip: number;
	largestTake: number;
}

export interface ProfitQuery {
	/** Encoded query string without the leading '?' ('' when there is nothing to send). */
	query: string;
	usesFilterJson: boolean;
}

export interface GetConnectorQueryPlan {
	usesFilterJson: boolean;
	/**
	 * One page's query: the planned filter and sort with this skip and take, which must not be longer than the
	 * largest ones planned for. Nothing is checked here, so no page can fail on user input.
	 */
	page(skip: number, take: number): string;
}

function pagingPairs(fetchAll: boolean, skip: number, take: number): Array<[string, string]> {
	return fetchAll
		? [
				['skip', '-1'],
				['take', '-1'],
			]
		: [
				['skip', String(skip)],
				['take', String(take)],
			];
}

/**
 * Plans every page of one GetConnector read before the first request: checks the largest skip and take, the
 * sort and the filter; picks simple filter lists, or filterjson when a value holds ',' or ';' or the URL would
 * exceed AFAS's limit; throws AfasInputError (field 'Filters' or 'Raw JSON Filter') when even filterjson
 * cannot fit on the largest page.
 */
export function planGetConnectorQuery(input: GetConnectorPlanInput): GetConnectorQueryPlan {
	// Both -1 is the same explicit request as fetchAll; a lone -1 is the combination AFAS answers with HTTP 500.
	const fetchAll =
		input.fetchAll === true || (input.largestSkip === -1 && input.largestTake === -1);
	if (!fetchAll) {
		checkSkip(input.largestSkip);
		checkTake(input.largestTake);
	}
	const orderBy = encodeSort(input.sort);
	const sortPairs: Array<[string, string]> =
		orderBy === undefined ? [] : [['orderbyfieldids', orderBy]];
	const widest = [...pagingPairs(fetchAll, input.largestSkip, input.largestTake), ...sortPairs];
	const { before, after, usesFilterJson } = planFilter(widest, input);
	return {
		usesFilterJson,
		page: (skip, take) =>
			joinQuery([...before, ...pagingPairs(fetchAll, skip, take), ...sortPairs, ...after]),
	};
}

/** The query of a single page, checked on its own (planGetConnectorQuery for one page). */
export function buildGetConnectorQuery(input: GetConnectorQueryInput): ProfitQuery {
	const plan = planGetConnectorQuery({
		...input,
		largestSkip: input.skip,
		largestTake: input.take,
	});
	return { query: plan.page(input.skip, input.take), usesFilterJson: plan.usesFilterJson };
}

/**
 * Only the filter part (for connectors that take filters but no paging, such as the ReportConnector).
 * Same switching and length rules as the GetConnector query; `urlPrefixLength` is everything before the `?`.
 */
export function buildFilterQuery(input: {
	filter?: ProfitFilterGroups;
	rawFilterJson?: string | object;
	urlPrefixLength: number;
}): ProfitQuery {
	const { before, after, usesFilterJson } = planFilter([], input);
	return { query: joinQuery([...before, ...after]), usesFilterJson };
}

/** `orderbyfieldids` value: comma-separated ids, `-` in front for descending (§5.3), e.g. `A,-B`. */
export function encodeSort(sort: SortField[] | undefined): string | undefined {
	if (sort === undefined || sort.length === 0) return undefined;
	const seen = new Set<string>();
	const parts = sort.map((entry, index) => {
		const field = typeof entry.field === 'string' ? entry.field.trim() : '';
		const at = `Sort field ${index + 1}`;
		if (field === '')
			throw new AfasInputError(
				'Sort',
				`${at} has no field`,
				'Pick a field or remove the sort entry',
			);
		if (/[,;]/.test(field))
			throw new AfasInputError(
				'Sort',
				`${at} ("${field}") contains "," or ";"`,
				'Add one sort entry per field',
			);
		if (field.startsWith('-'))
			throw new AfasInputError(
				'Sort',
				`${at} ("${field}") starts with "-"`,
				'Enter the field id without "-" and turn on Descending instead',
			);
		if (seen.has(field))
			throw new AfasInputError(
				'Sort',
				`${at}: "${field}" is sorted on twice`,
				'Remove the duplicate sort entry',
			);
		seen.add(field);
		return `${entry.descending ? '-' : ''}${encodeQueryValue(field)}`;
	});
	return parts.join(',');
}

function checkSkip(skip: number): number {
	if (!Number.isInteger(skip) || skip < 0)
		throw new AfasInputError(
			'Skip',
			`Skip must be a whole number of 0 or more (got ${skip})`,
			'Use Fetch in One Request to get everything at once',
		);
	return skip;
}

function checkTake(take: number): number {
	// take=0 returns one row and take=-1 needs skip=-1 (HTTP 500 otherwise), see §5.2.
	if (!Number.isInteger(take) || take < 1)
		throw new AfasInputError(
			'Page Size',
			`The page size must be a whole number of 1 or more (got ${take})`,
			'Use Fetch in One Request to get everything at once',
		);
	return take;
}

function simpleFilterPairs(groups: NormalisedCondition[][]): Array<[string, string]> {
	const glue = (pick: (condition: NormalisedCondition) => string) =>
		groups.map((group) => group.map(pick).join(',')).join(';');
	return [
		['filterfieldids', glue((condition) => encodeQueryValue(condition.field))],
		// Is empty / is not empty: AFAS wants an entry in every list, "which can be an empty value" (§5.4;
		// clients send '', 'null' or '[is leeg]', all ignored). Empty is the shortest and keeps the lists aligned.
		['filtervalues', glue((condition) => encodeQueryValue(condition.value ?? ''))],
		['operatortypes', glue((condition) => String(condition.code))],
	];
}

function filterJsonPair(filterJson: FilterJson): [string, string] {
	return ['filterjson', encodeQueryValue(JSON.stringify(filterJson))];
}

function urlLength(urlPrefixLength: number, query: string): number {
	return Math.max(0, urlPrefixLength) + (query === '' ? 0 : 1 + query.length);
}

/** The filter's pairs around the paging and sort pairs: filterjson goes first, the simple lists last. */
interface FilterPlan {
	before: Array<[string, string]>;
	after: Array<[string, string]>;
	usesFilterJson: boolean;
}

/**
 * Chooses the filter's form and proves it fits: simple lists when they can carry the values and fit, else
 * filterjson; `widest` are the longest paging and sort pairs any request of this read will carry.
 */
function planFilter(
	widest: Array<[string, string]>,
	input: {
		filter?: ProfitFilterGroups;
		rawFilterJson?: string | object;
		urlPrefixLength: number;
	},
): FilterPlan {
	const raw = parseRawFilterJson(input.rawFilterJson);
	const groups = normaliseConditions(input.filter);
	if (raw !== undefined && groups.length > 0)
		throw new AfasInputError(
			'Raw JSON Filter',
			'Both Filters and a Raw JSON Filter are set',
			'Use one of them: put all conditions in the raw JSON filter, or remove it',
		);

	const lengthOf = (plan: FilterPlan) =>
		urlLength(input.urlPrefixLength, joinQuery([...plan.before, ...widest, ...plan.after]));
	const fits = (plan: FilterPlan) => lengthOf(plan) <= MAX_URL_LENGTH;

	if (raw !== undefined) {
		const plan = { before: [filterJsonPair(raw)], after: [], usesFilterJson: true };
		if (fits(plan)) return plan;
		throw tooLong('Raw JSON Filter', lengthOf(plan));
	}
	if (groups.length === 0) return { before: [], after: [], usesFilterJson: false };

	const simpleCanCarry = groups.every((group) =>
		group.every((c) => c.value === undefined || !/[,;]/.test(c.value)),
	);
	if (simpleCanCarry) {
		const plan = { before: [], after: simpleFilterPairs(groups), usesFilterJson: false };
		if (fits(plan)) return plan;
	}
	const plan = {
		before: [filterJsonPair(conditionsToFilterJson(groups))],
		after: [],
		usesFilterJson: true,
	};
	if (fits(plan)) return plan;
	throw tooLong('Filters', lengthOf(plan));
}

function tooLong(field: string, length: number): AfasInputError {
	return new AfasInputError(
		field,
		`The filters make the request URL ${length} characters long; AFAS accepts at most ${MAX_URL_LENGTH}`,
		'Use fewer or shorter conditions (a range such as "Greater Than or Equal" + "Less Than" instead of many "Equals"), ' +
			'split the work over several runs (one per filter group or per value range), ' +
			'or ask your AFAS administrator to add a fixed filter to the GetConnector itself',
	);
}
