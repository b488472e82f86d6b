import { encodeQueryValue, joinQuery } from '../queryEncoding';

export interface SbListQuery {
	skip: number;
	take: number;
	/** 'FieldId ascending|descending'; omitted when the list is read unsorted in one request. */
	sortField?: string;
	/** SB filter text, e.g. "Name eq 'AFAS'"; omitted when empty. */
	filter?: string;
	/** Change-tracked lists: only records changed since this token. */
	trackingToken?: string;
}

/**
 * The query string of one page of an SB list (GET {env}/api/{resource}).
 *
 * CONFLICT (afas-sb-api.md §4.3, §9 item 5): AFAS's how-to pages send `sort=Field+Ascending`, the SB 6.0.0 spec
 * names the parameter `sortField` with the format 'fieldId [direction]' (example `InternalId ascending`). We follow
 * the spec, the contract every list endpoint declares (skip, take, sortField, filter), and send
 * `sortField=Field ascending`. The change-tracking parameter is `TrackingToken`, as the spec spells it.
 */
export function buildSbListQuery(query: SbListQuery): string {
	const pairs: Array<[string, string]> = [
		['skip', String(query.skip)],
		['take', String(query.take)],
	];
	if (query.sortField) pairs.push(['sortField', encodeQueryValue(query.sortField)]);
	if (query.filter) pairs.push(['filter', encodeQueryValue(query.filter)]);
	if (query.trackingToken) pairs.push(['TrackingToken', encodeQueryValue(query.trackingToken)]);
	return joinQuery(pairs);
}
