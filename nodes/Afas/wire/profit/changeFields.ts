/**
 * Suggestions for the AFAS Trigger's two Profit fields when the user leaves them on "automatic": the connector's
 * modification date and a field unique per row. AFAS has no convention that says which fields these are, so the
 * guess is by name and type, and only an obvious match is taken; otherwise the user is asked to choose.
 */
export interface ConnectorFieldInfo {
	id: string;
	dataType?: string;
	label?: string;
}

/** The fields of a GetConnector's metainfo (`fields: [{ id, dataType, label }]`), ignoring entries without an id. */
export function connectorFieldsOf(metainfoFields: unknown): ConnectorFieldInfo[] {
	const fields = Array.isArray(metainfoFields) ? (metainfoFields as unknown[]) : [];
	const text = (value: unknown) => (typeof value === 'string' ? value : undefined);
	return fields
		.filter((field): field is { id: string; dataType?: unknown; label?: unknown } => {
			const id = (field as { id?: unknown } | null)?.id;
			return typeof id === 'string' && id !== '';
		})
		.map((field) => ({ id: field.id, dataType: text(field.dataType), label: text(field.label) }));
}

const MODIFIED = /modif|gewijzigd|mutatie|changed|updated|lastchange|gewijzigd op|datum wijziging/i;
const DATE_TYPES = /^(date|datetime)$/i;

/** The modification-date field, when exactly one date field is named like one. */
export function suggestDateField(fields: readonly ConnectorFieldInfo[]): string | undefined {
	const candidates = fields.filter(
		(field) =>
			(field.dataType === undefined || DATE_TYPES.test(field.dataType)) &&
			(MODIFIED.test(field.id) || MODIFIED.test(field.label ?? '')),
	);
	return candidates.length === 1 ? candidates[0].id : undefined;
}

/**
 * The key: the connector's first field, which AFAS's standard connectors (and most custom ones) put first and
 * which the Get Many operation already uses as its paging tie-breaker.
 */
export function suggestKeyField(
	fields: readonly ConnectorFieldInfo[],
	dateField: string | undefined,
): string | undefined {
	return fields.find((field) => field.id !== dateField)?.id;
}
