import { encodeQueryValue, joinQuery } from '../queryEncoding';

export interface SbListQuery {
	skip: number;
	take: number;
	/** 'FieldId ascending|descending'. */
	sortField: string;
	/** OData-style filter, e.g. "Name eq 'AFAS'"; omitted when empty. */
	filter?: string;
}

/**
 * The query string of one page of an SB list (GET {env}/api/{resource}).
 *
 * CONFLICT (afas-sb-api.md §4.3, §9 item 5): AFAS's how-to pages send `sort=Field+Ascending`, the SB 6.0.0 spec
 * names the parameter `sortField` with the format 'fieldId [direction]' (example `InternalId ascending`). We follow
 * the spec, the contract every list endpoint declares (skip, take, sortField, filter), and send
 * `sortField=Field ascending`.
 */
export function buildSbListQuery(query: SbListQuery): string {
	const pairs: Array<[string, string]> = [
		['skip', String(query.skip)],
		['take', String(query.take)],
		['sortField', encodeQueryValue(query.sortField)],
	];
	if (query.filter) pairs.push(['filter', encodeQueryValue(query.filter)]);
	return joinQuery(pairs);
}
