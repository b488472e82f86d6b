import { AfasInputError } from '../../../wire/inputError';
import type { ProfitFilterGroups, SortField } from '../../../wire/profitFilter';

/**
 * AFAS answers an unknown filter or sort field with a generic error ("Connector field … not found"); naming the
 * field and the connector's real fields before sending anything is kinder.
 */
export function checkFieldsExist(
	connectorId: string,
	fieldIds: string[],
	filter: ProfitFilterGroups,
	sort: SortField[],
): void {
	if (fieldIds.length === 0) return;
	const known = new Set(fieldIds);
	const sample = fieldIds.slice(0, 12).join(', ') + (fieldIds.length > 12 ? ', …' : '');
	for (const group of filter) {
		for (const condition of group) {
			if (condition.field !== '' && !known.has(condition.field)) {
				throw new AfasInputError(
					'Filters',
					`"${condition.field}" is not a field of GetConnector ${connectorId}`,
					`Use a field id from the connector's metainfo: ${sample}`,
				);
			}
		}
	}
	for (const entry of sort) {
		if (entry.field !== '' && !known.has(entry.field)) {
			throw new AfasInputError(
				'Sort',
				`"${entry.field}" is not a field of GetConnector ${connectorId}`,
				`Use a field id from the connector's metainfo: ${sample}`,
			);
		}
	}
}
