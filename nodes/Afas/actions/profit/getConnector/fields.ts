import { AfasInputError } from '../../../wire/inputError';
import { checkFilter } from '../../../wire/profit/filter';
import type { ProfitFilterGroups } from '../../../wire/profit/filter';
import type { SortField } from '../../../wire/profit/query';
import { profitFieldType } from '../../../wire/profit/filterValues';

/** A GetConnector metainfo field as AFAS sends it (§6.2), or just its id. */
export type MetainfoField = string | { id?: unknown; dataType?: unknown };

function idOf(field: MetainfoField): string | undefined {
	const id = typeof field === 'string' ? field : field?.id;
	return typeof id === 'string' && id !== '' ? id : undefined;
}

/**
 * Checks the filter and sort against the connector's metainfo before anything is read:
 * - AFAS answers an unknown filter or sort field with a generic error ("Connector field … not found"); naming the
 *   field and the connector's real fields is kinder;
 * - each condition gets its field's `dataType` (written onto the condition, which the read then sends), and every
 *   value is checked by it: a word on a number field or 2026-02-30 on a date field fails here, naming the group,
 *   condition and field, instead of as AFAS's "An unexpected error has occurred." or a silent text match.
 * Accepts metainfo field objects, or bare ids (then only existence is checked).
 */
export function checkFieldsExist(
	connectorId: string,
	fields: readonly MetainfoField[],
	filter: ProfitFilterGroups,
	sort: SortField[],
): void {
	const types = new Map<string, ReturnType<typeof profitFieldType>>();
	for (const field of Array.isArray(fields) ? fields : []) {
		const id = idOf(field);
		if (id !== undefined)
			types.set(id, typeof field === 'string' ? undefined : profitFieldType(field?.dataType));
	}
	if (types.size > 0) {
		const ids = [...types.keys()];
		const sample = ids.slice(0, 12).join(', ') + (ids.length > 12 ? ', …' : '');
		for (const [groupIndex, group] of filter.entries()) {
			for (const [conditionIndex, condition] of group.entries()) {
				if (condition.field !== '' && !types.has(condition.field)) {
					throw new AfasInputError(
						'Filters',
						`Filters → Group ${groupIndex + 1} → Condition ${conditionIndex + 1}: "${condition.field}" is not a field of GetConnector ${connectorId}`,
						`Use a field id from the connector's metainfo: ${sample}`,
					);
				}
			}
		}
		for (const entry of sort) {
			if (entry.field !== '' && !types.has(entry.field)) {
				throw new AfasInputError(
					'Sort',
					`"${entry.field}" is not a field of GetConnector ${connectorId}`,
					`Use a field id from the connector's metainfo: ${sample}`,
				);
			}
		}
		for (const group of filter) {
			for (const condition of group) {
				const type = types.get(condition.field);
				if (type !== undefined) condition.type = type;
			}
		}
	}
	checkFilter(filter);
}
