/**
 * What a successful (2xx) AFAS answer must look like, checked in one place for every call. A proxy's login
 * or maintenance page, a body cut off mid-stream, `null`, an empty body or a wrong shape answered with 200
 * must never read as "no rows", an empty version or an empty connector list: a sync that reads "no data"
 * may skip or delete records.
 */

/**
 * The shape a caller expects:
 * - `json`: any non-empty JSON object or array (the default for reads);
 * - `jsonOrEmpty`: JSON, or an empty body (writes: a Profit DELETE answers 200 without a body);
 * - `object`: a JSON object (file answers, write results);
 * - `getConnectorRows`: `{rows: [...]}` of objects;
 * - `sbList`: an array, or `{Result: [...]}` / `{result: [...]}`;
 * - `metainfoList`: `/metainfo`, `getConnectors` and `updateConnectors` arrays of `{id}` when present;
 * - `getConnectorMetainfo`: `fields` an array of `{id}`;
 * - `updateConnectorMetainfo`: `fields` arrays of `{fieldId}` and nested `objects`, at every level;
 * - `profitVersion`: `{version: "…"}` with a non-empty string;
 * - `text`: anything (the raw text is returned);
 * - `binary`: a file's bytes (`BinaryAnswer`); a web page or an answer shorter than its Content-Length is not one.
 */
export type AnswerExpectation =
	| 'json'
	| 'jsonOrEmpty'
	| 'object'
	| 'getConnectorRows'
	| 'sbList'
	| 'metainfoList'
	| 'getConnectorMetainfo'
	| 'updateConnectorMetainfo'
	| 'profitVersion'
	| 'text'
	| 'binary';

/** A file as AFAS sent it (expect: 'binary'). */
export interface BinaryAnswer {
	data: Buffer;
	/** The Content-Type header, '' when absent. */
	contentType: string;
	headers: Record<string, string>;
}

export type AnswerProblem =
	/** The body stops in the middle of a JSON value: the connection or a proxy cut it. */
	'truncated' | 'notJson' | 'empty' | 'shape';

export type AnswerCheck =
	| { ok: true; value: unknown }
	| { ok: false; problem: AnswerProblem; detail: string };

const WHAT: Record<AnswerExpectation, string> = {
	json: 'a JSON answer',
	jsonOrEmpty: 'a JSON answer',
	object: 'a JSON object',
	getConnectorRows: 'the rows of a GetConnector ({"rows": [...]})',
	sbList: 'an AFAS SB list (an array, or {"Result": [...]})',
	metainfoList: 'the list of connectors (/metainfo)',
	getConnectorMetainfo: "a GetConnector's fields (/metainfo/get)",
	updateConnectorMetainfo: "an UpdateConnector's fields (/metainfo/update)",
	profitVersion: 'the Profit version ({"version": "…"})',
	text: 'an answer',
	binary: 'a file',
};

export function expectedAnswer(expectation: AnswerExpectation): string {
	return WHAT[expectation];
}

/**
 * True when the text ends inside a JSON value (an open string, object or array): what a body cut off
 * mid-stream looks like, whatever the JSON parser's wording.
 */
export function endsInsideJson(text: string): boolean {
	let depth = 0;
	let inString = false;
	let escaped = false;
	for (let i = 0; i < text.length; i++) {
		const char = text[i];
		if (inString) {
			if (escaped) escaped = false;
			else if (char === '\\') escaped = true;
			else if (char === '"') inString = false;
			continue;
		}
		if (char === '"') inString = true;
		else if (char === '{' || char === '[') depth++;
		else if (char === '}' || char === ']') depth--;
	}
	return inString || depth > 0;
}

function isObject(value: unknown): value is Record<string, unknown> {
	return value !== null && typeof value === 'object' && !Array.isArray(value);
}

function everyHas(list: unknown[], key: string): boolean {
	return list.every(
		(entry) => isObject(entry) && typeof entry[key] === 'string' && entry[key] !== '',
	);
}

function listProblem(value: unknown, name: string, idKey: string): string | undefined {
	if (value === undefined || value === null) return undefined;
	if (!Array.isArray(value)) return `"${name}" is not a list`;
	if (!everyHas(value, idKey)) return `an entry of "${name}" has no "${idKey}"`;
	return undefined;
}

function updateObjectProblem(value: Record<string, unknown>, depth: number): string | undefined {
	const fields = listProblem(value.fields, 'fields', 'fieldId');
	if (fields) return fields;
	if (value.objects === undefined || value.objects === null) return undefined;
	if (!Array.isArray(value.objects)) return '"objects" is not a list';
	if (depth > 20) return undefined;
	for (const child of value.objects) {
		if (!isObject(child)) return 'an entry of "objects" is not an object';
		const problem = updateObjectProblem(child, depth + 1);
		if (problem) return problem;
	}
	return undefined;
}

/** Why a parsed value does not have the expected shape, or undefined when it does. */
function shapeProblem(expectation: AnswerExpectation, value: unknown): string | undefined {
	switch (expectation) {
		case 'json':
			return value === null || typeof value !== 'object'
				? 'the answer is not a JSON object or list'
				: undefined;
		case 'jsonOrEmpty':
		case 'text':
		case 'binary':
			return undefined;
		case 'object':
			return isObject(value) ? undefined : 'the answer is not a JSON object';
		case 'getConnectorRows':
			if (!isObject(value)) return 'the answer is not a JSON object';
			if (!Array.isArray(value.rows)) return '"rows" is missing or not a list';
			return value.rows.every(isObject) ? undefined : 'an entry of "rows" is not an object';
		case 'sbList': {
			const list = Array.isArray(value)
				? value
				: isObject(value)
					? (value.Result ?? value.result)
					: undefined;
			if (!Array.isArray(list)) return 'the answer is neither a list nor {"Result": [...]}';
			return list.every(isObject) ? undefined : 'an entry of the list is not an object';
		}
		case 'metainfoList':
			if (!isObject(value)) return 'the answer is not a JSON object';
			if (value.getConnectors === undefined && value.updateConnectors === undefined)
				return 'it has neither "getConnectors" nor "updateConnectors"';
			return (
				listProblem(value.getConnectors, 'getConnectors', 'id') ??
				listProblem(value.updateConnectors, 'updateConnectors', 'id')
			);
		case 'getConnectorMetainfo':
			if (!isObject(value)) return 'the answer is not a JSON object';
			if (!Array.isArray(value.fields)) return '"fields" is missing or not a list';
			return listProblem(value.fields, 'fields', 'id');
		case 'updateConnectorMetainfo':
			if (!isObject(value)) return 'the answer is not a JSON object';
			if (value.fields === undefined && value.objects === undefined)
				return 'it has neither "fields" nor "objects"';
			return updateObjectProblem(value, 0);
		case 'profitVersion':
			if (!isObject(value)) return 'the answer is not a JSON object';
			return typeof value.version === 'string' && value.version.trim() !== ''
				? undefined
				: '"version" is missing or not a text';
	}
}

const NOT_JSON_TYPES = /html|xml|javascript|css|image\/|audio\/|video\//i;

/**
 * Parses and checks one 2xx answer. `text` is the whole body as received; `contentType` the header (may be
 * empty). JSON is parsed here, not by the HTTP client, so a body cut off mid-stream is seen as such.
 */
export function checkAnswer(
	expectation: AnswerExpectation,
	text: string,
	contentType: string,
): AnswerCheck {
	if (expectation === 'text') return { ok: true, value: text };
	const body = text.replace(/^\uFEFF/, '');
	if (body.trim() === '') {
		if (expectation === 'jsonOrEmpty') return { ok: true, value: undefined };
		return { ok: false, problem: 'empty', detail: 'the answer is empty' };
	}
	if (NOT_JSON_TYPES.test(contentType)) {
		return { ok: false, problem: 'notJson', detail: 'the answer is not JSON' };
	}
	let value: unknown;
	try {
		value = JSON.parse(body) as unknown;
	} catch {
		const looksJson = /^\s*[[{"]/.test(body) || /json/i.test(contentType);
		if (looksJson && endsInsideJson(body)) {
			return {
				ok: false,
				problem: 'truncated',
				detail: 'the answer stops in the middle',
			};
		}
		return { ok: false, problem: 'notJson', detail: 'the answer is not JSON' };
	}
	if (value === null && expectation !== 'jsonOrEmpty') {
		return { ok: false, problem: 'empty', detail: 'the answer is null' };
	}
	const problem = shapeProblem(expectation, value);
	return problem === undefined
		? { ok: true, value }
		: { ok: false, problem: 'shape', detail: problem };
}
