import { AfasInputError } from '../inputError';

/**
 * Paths below the Profit base URL (`…/ProfitRestServices`), each starting with '/' and already encoded
 * (research §5.1, §6, §8.1–§8.5). Profit matches paths case-insensitively; we use AFAS's lower-case spelling.
 *
 * File and subject attachments use the path form (`/fileconnector/{id}/{name}`), not the query form of AFAS's
 * OpenAPI file: CONFLICT §12.1, the path form has the help pages and four client libraries behind it.
 */

function idSegment(value: unknown, field: string, what: string, example: string): string {
	const text = typeof value === 'number' && Number.isFinite(value) ? String(value) : value;
	if (typeof text !== 'string' || text.trim() === '')
		throw new AfasInputError(
			field,
			`${what} is empty`,
			`Enter ${what.toLowerCase()}, for example ${example}`,
		);
	return encodeSegment(text.trim(), field, what);
}

function encodeSegment(text: string, field: string, what: string): string {
	// "." and ".." would be read as dot-segments (also when percent-encoded) and change the path itself.
	if (/^\.{1,2}$/.test(text))
		throw new AfasInputError(
			field,
			`${what} cannot be "${text}"`,
			`Enter the real ${what.toLowerCase()}`,
		);
	return encodeURIComponent(text);
}

/** `/connectors/{id}` — a GetConnector read (or the UpdateConnector base). */
export function getConnectorPath(connectorId: string): string {
	return `/connectors/${idSegment(connectorId, 'Connector', 'The connector ID', 'Profit_Debtor')}`;
}

/** `/metainfo` (the linked connectors), `/metainfo/get/{id}` or `/metainfo/update/{id}` (a connector's fields). */
export function metainfoPath(kind?: 'get' | 'update', connectorId?: string): string {
	if (kind === undefined) {
		if (connectorId !== undefined && connectorId !== '')
			throw new AfasInputError(
				'Connector',
				'A connector was given without saying whether it is a GetConnector or an UpdateConnector',
				"Pass 'get' or 'update'",
			);
		return '/metainfo';
	}
	if (kind !== 'get' && kind !== 'update')
		throw new AfasInputError(
			'Connector',
			`Unknown metainfo kind "${String(kind)}"`,
			"Use 'get' or 'update'",
		);
	const example = kind === 'get' ? 'Profit_Debtor' : 'KnSubject';
	return `/metainfo/${kind}/${idSegment(connectorId, 'Connector', 'The connector ID', example)}`;
}

/** `/profitversion` */
export function profitVersionPath(): string {
	return '/profitversion';
}

/**
 * AFAS's file-name escaping for the FileConnector: `_` is written `_5f` (its hex code), then the name is
 * URL-encoded as usual (research §8.2: `Invoice_nr3734.pdf` -> `Invoice_5fnr3734.pdf`). The name must be the
 * original one stored in Profit, so it is not trimmed; pass it as Profit returns it (not already escaped).
 */
export function encodeProfitFileName(fileName: string): string {
	if (typeof fileName !== 'string' || fileName.trim() === '')
		throw new AfasInputError(
			'File Name',
			'The file name is empty',
			'Use the original file name as Profit stores it, e.g. from the file_name column of Profit_Subject_Attachments',
		);
	if (/[/\\]/.test(fileName))
		throw new AfasInputError(
			'File Name',
			`The file name "${fileName}" contains a slash`,
			'Enter the file name only, without a folder',
		);
	return encodeSegment(fileName.replace(/_/g, '_5f'), 'File Name', 'The file name');
}

/** `/fileconnector/{fileId}/{fileName}` — a file by its GUID and original name (needs the SubjectConnector). */
export function fileConnectorPath(fileId: string, fileName: string): string {
	const id = idSegment(fileId, 'File ID', 'The file ID', 'F64BB8E942BBC5E94FC747904E19FE1B');
	return `/fileconnector/${id}/${encodeProfitFileName(fileName)}`;
}

/** `/subjectconnector/{subjectId}/{fileId}` — an attachment of a dossier item (subject ids are numbers). */
export function subjectConnectorPath(subjectId: string | number, fileId: string): string {
	const subject =
		typeof subjectId === 'number' ? String(subjectId) : String(subjectId ?? '').trim();
	if (!/^\d+$/.test(subject))
		throw new AfasInputError(
			'Subject ID',
			subject === ''
				? 'The subject ID is empty'
				: `The subject ID "${subject}" is not a whole number`,
			'Enter the dossier item number (SbId / subject_id), for example 49946',
		);
	const file = idSegment(fileId, 'File ID', 'The file ID', '5C055C034516ED67972E0A852E03C5B9');
	return `/subjectconnector/${subject}/${file}`;
}

export type ProfitImageFormat = 'original' | 'thumbnail' | 'medium';

const IMAGE_FORMAT_CODES: Record<ProfitImageFormat, number> = {
	original: 0,
	thumbnail: 1,
	medium: 2,
};

/** `/imageconnector/{imageId}`; the format goes in the query (see `imageFormatQuery`). */
export function imageConnectorPath(imageId: string | number): string {
	return `/imageconnector/${idSegment(imageId, 'Image ID', 'The image ID', '12345')}`;
}

/** `format=0|1|2` (original, thumbnail, medium): AFAS requires the format. */
export function imageFormatQuery(format: ProfitImageFormat | 0 | 1 | 2 = 'original'): string {
	const code = typeof format === 'number' ? format : IMAGE_FORMAT_CODES[format];
	if (code !== 0 && code !== 1 && code !== 2)
		throw new AfasInputError(
			'Image Format',
			`Unknown image format "${String(format)}"`,
			'Use original, thumbnail or medium',
		);
	return `format=${code}`;
}

/**
 * `/reportconnector/{reportId}`. Its optional filter uses the GetConnector filter parameters (§8.5): build them
 * with `buildFilterQuery` against the real URL, so the length rule holds for every base URL.
 * The path-parameter form `/parsetid/…` seen in one client is UNVERIFIED and not offered.
 */
export function reportConnectorPath(reportId: string): string {
	return `/reportconnector/${idSegment(reportId, 'Report ID', 'The report ID', 'CF761B2F7099455B8C5227639C447689')}`;
}
