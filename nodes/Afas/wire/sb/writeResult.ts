/**
 * What an SB write answered (research §4.6, §4.7). SB reports business failures with HTTP 200 and
 * `"result":"Failed"`, so the HTTP status alone says little; an answer we do not recognise is an error, never an
 * empty success.
 *
 * The item a `Succeeded` write outputs:
 *   { result: 'Succeeded', id, <data keys as SB sent them>, instances?: [{ entity, id, number? }], traceId? }
 * - `id` is the main created id: the first `data` value that is an id text (`SalesJournalEntryId`, or the
 *   lower-case `salesinvoiceId` of DELETE salesinvoice), else the first instance's `Id`.
 * - `data` keys are copied as SB wrote them (casing differs between endpoints); `result`, `id`, `instances` and
 *   `traceId` are ours and win over a `data` key of the same name.
 * - `instances` (the older answer style) lists SB's Dutch entity codes (`Leverancier`, `Inkoopfactuur`) with
 *   their ids and, when SB sends `Nummer` or `Relatienummer`, the number.
 *
 * CONFLICT (§9 item 9): the spec files `PartiallySucceeded` under HTTP 400, the troubleshooting page shows it
 * without a status; it is read the same at 200 and 400. `Failed` is read at 200 and 400 alike.
 */
export interface SbCreated {
	entity: string;
	id: string;
	number?: string;
}

export type SbWriteOutcome =
	| { kind: 'succeeded'; json: Record<string, unknown> }
	| {
			kind: 'failed' | 'partiallySucceeded' | 'unexpected';
			message: string;
			description: string;
			errors: string[];
			created: SbCreated[];
			traceId?: string;
	  };

type Json = Record<string, unknown>;

const OWN_KEYS = new Set(['result', 'id', 'instances', 'traceid']);
// "…delete SalesJournalEntry with id: b32ee6e1-…": SB created the record although the write failed (§4.6).
const MADE_WITH_ERRORS =
	/delete\s+([A-Za-z]+)\s+with\s+id:\s*([0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12})/i;
const EXCERPT = 300;

function isObject(value: unknown): value is Json {
	return value !== null && typeof value === 'object' && !Array.isArray(value);
}

/** A key of `body` ignoring case (SB writes `traceId`, `TraceId`, `Result` and `result`). */
function get(body: Json, name: string): unknown {
	if (name in body) return body[name];
	const key = Object.keys(body).find((candidate) => candidate.toLowerCase() === name.toLowerCase());
	return key === undefined ? undefined : body[key];
}

function text(value: unknown): string | undefined {
	if (typeof value === 'string' && value.trim() !== '') return value.trim();
	if (typeof value === 'number') return String(value);
	return undefined;
}

function parseBody(body: unknown): unknown {
	if (typeof body !== 'string') return body;
	try {
		return JSON.parse(body) as unknown;
	} catch {
		return body;
	}
}

/** `errors[]` items are texts or objects keyed by entity: `{"Verkoopfactuur":"'Bijlage' bevat …"}` (§4.6). */
function errorLines(errors: unknown): string[] {
	if (errors === undefined || errors === null) return [];
	const list = Array.isArray(errors) ? errors : [errors];
	const lines: string[] = [];
	for (const error of list) {
		if (typeof error === 'string') {
			if (error.trim() !== '') lines.push(error.trim());
		} else if (isObject(error)) {
			for (const [entity, message] of Object.entries(error))
				lines.push(`${entity}: ${typeof message === 'string' ? message : JSON.stringify(message)}`);
		} else if (error !== undefined && error !== null) lines.push(JSON.stringify(error));
	}
	return lines;
}

function instancesOf(body: Json): SbCreated[] {
	const instances = get(body, 'instances');
	if (!Array.isArray(instances)) return [];
	const created: SbCreated[] = [];
	for (const instance of instances) {
		if (!isObject(instance)) continue;
		const id = text(get(instance, 'Id'));
		if (id === undefined) continue;
		const entry: SbCreated = { entity: text(get(instance, 'Code')) ?? 'record', id };
		const number = text(get(instance, 'Nummer')) ?? text(get(instance, 'Relatienummer'));
		if (number !== undefined) entry.number = number;
		created.push(entry);
	}
	return created;
}

/** `data` values that are ids: `{ "SalesJournalEntryId": "…" }` → entity `SalesJournalEntry`. */
function dataIds(data: unknown): SbCreated[] {
	if (!isObject(data)) return [];
	const created: SbCreated[] = [];
	for (const [key, value] of Object.entries(data)) {
		const id = typeof value === 'string' && value.trim() !== '' ? value.trim() : undefined;
		if (id !== undefined) created.push({ entity: key.replace(/Id$/i, '') || key, id });
	}
	return created;
}

function describeCreated(created: SbCreated[]): string {
	return created
		.map((entry) => `${entry.entity} ${entry.id}${entry.number ? ` (number ${entry.number})` : ''}`)
		.join(', ');
}

function excerpt(body: unknown): string {
	let shown: string;
	if (typeof body === 'string') shown = body;
	else {
		try {
			shown = JSON.stringify(body) ?? String(body);
		} catch {
			shown = String(body);
		}
	}
	return shown.length > EXCERPT ? `${shown.slice(0, EXCERPT)}…` : shown;
}

function unexpected(body: unknown, httpStatus: number, why: string): SbWriteOutcome {
	const traceId = isObject(body) ? text(get(body, 'traceId')) : undefined;
	return {
		kind: 'unexpected',
		message: `AFAS SB answered HTTP ${httpStatus} with ${why}`,
		description: [
			'The write may or may not have been processed: check AFAS SB before repeating it.',
			`Answer: ${body === undefined || body === '' ? '(empty)' : excerpt(body)}`,
			...(traceId ? [`Trace ID: ${traceId}`] : []),
		].join('\n'),
		errors: [],
		created: [],
		...(traceId ? { traceId } : {}),
	};
}

function setOwn(target: Json, key: string, value: unknown): void {
	// Keys come from the server: `__proto__` must become a plain property, not a prototype.
	Object.defineProperty(target, key, {
		value,
		enumerable: true,
		writable: true,
		configurable: true,
	});
}

/** The body is an SB write result (it has a `result` text), whatever the HTTP status it came with. */
export function isSbWriteResult(body: unknown): boolean {
	const parsed = parseBody(body);
	return isObject(parsed) && typeof get(parsed, 'result') === 'string';
}

export function readSbWriteResult(body: unknown, httpStatus: number): SbWriteOutcome {
	const parsed = parseBody(body);
	if (!isObject(parsed))
		return unexpected(parsed, httpStatus, 'an answer that is not a JSON object');
	const result =
		typeof get(parsed, 'result') === 'string' ? String(get(parsed, 'result')).trim() : '';
	const status = result.toLowerCase();
	const traceId = text(get(parsed, 'traceId'));
	const errors = errorLines(get(parsed, 'errors'));
	const data = get(parsed, 'data');
	const instances = instancesOf(parsed);
	const created = [...dataIds(data), ...instances];
	const ok = httpStatus >= 200 && httpStatus < 300;
	const trace = traceId ? [`Trace ID: ${traceId}`] : [];
	const withTrace = traceId ? { traceId } : {};

	if (status === 'succeeded' && ok) {
		const id = created[0]?.id;
		if (id === undefined)
			return unexpected(parsed, httpStatus, '"Succeeded" but without the id of what it wrote');
		const json: Json = { result: 'Succeeded', id };
		if (isObject(data))
			for (const [key, value] of Object.entries(data))
				if (!OWN_KEYS.has(key.toLowerCase())) setOwn(json, key, value);
		if (instances.length > 0) json.instances = instances;
		if (traceId) json.traceId = traceId;
		return { kind: 'succeeded', json };
	}

	if (status === 'failed' && (ok || httpStatus === 400)) {
		const madeWithErrors = errors
			.map((line) => MADE_WITH_ERRORS.exec(line))
			.find((match) => match !== null);
		const stillCreated = madeWithErrors
			? [{ entity: madeWithErrors[1], id: madeWithErrors[2].toLowerCase() }, ...created]
			: created;
		const first = errors[0] ?? 'no reason given';
		const message = madeWithErrors
			? `AFAS SB created ${madeWithErrors[1]} ${madeWithErrors[2]} but with errors: correct it in AFAS SB or delete it before writing it again`
			: `AFAS SB did not process the request: ${first}`;
		return {
			kind: 'failed',
			message,
			description: [
				...(madeWithErrors
					? [
							`The record WAS created: ${describeCreated(stillCreated)}. Repeating this write creates another one.`,
						]
					: []),
				...(errors.length > 0 ? ['Errors:', ...errors.map((line) => `- ${line}`)] : []),
				...trace,
			].join('\n'),
			errors,
			created: stillCreated,
			...withTrace,
		};
	}

	if (status === 'partiallysucceeded' && (ok || httpStatus === 400)) {
		return {
			kind: 'partiallySucceeded',
			message: `AFAS SB processed only part of the request: ${created.length > 0 ? `it created ${describeCreated(created)}` : 'it reported no created records'}; ${errors[0] ?? 'no reason given'}`,
			description: [
				created.length > 0
					? `Created (these exist now; repeating this write may create them again): ${describeCreated(created)}`
					: 'Created: none reported',
				...(errors.length > 0 ? ['Errors:', ...errors.map((line) => `- ${line}`)] : []),
				...trace,
			].join('\n'),
			errors,
			created,
			...withTrace,
		};
	}

	return unexpected(
		parsed,
		httpStatus,
		result === '' ? 'an answer without a "result"' : `the result "${result.slice(0, 40)}"`,
	);
}

/**
 * SB's 400 bodies that are not write results: DS3100 / DeserializationException (the body did not match the
 * schema) and AntaUserException (e.g. "Ongeldig gebruikersfilter."). The property comes from "Path 'X'" in the
 * message, with the name from "Required properties are missing from object: Y" appended when the path is the
 * object itself. undefined when the body is not such an answer.
 */
export function describeSbRequestError(
	body: unknown,
): { message: string; property?: string; description: string } | undefined {
	const parsed = parseBody(body);
	if (!isObject(parsed)) return undefined;
	const raw = text(get(parsed, 'Message'));
	if (raw === undefined) return undefined;
	const info = get(parsed, 'AdditionalInfo');
	const exceptionType = isObject(info) ? text(get(info, 'ExceptionType')) : undefined;
	const definition = isObject(info) ? text(get(info, 'DefinitionName')) : undefined;
	const code = text(get(parsed, 'ExceptionCode'));
	const traceId = text(get(parsed, 'TraceId'));

	const pathMatch = /\bPath '([^']*)'/.exec(raw);
	const missing = /Required properties are missing from object:\s*([^.]+)\./.exec(raw);
	const missingNames = missing
		? missing[1]
				.split(',')
				.map((name) => name.trim())
				.filter(Boolean)
		: [];
	let property: string | undefined = pathMatch && pathMatch[1] !== '' ? pathMatch[1] : undefined;
	if (missingNames.length > 0)
		property = missingNames.map((name) => (property ? `${property}.${name}` : name)).join(', ');

	const lines = [
		...(property ? [`Field: ${property}`] : []),
		...(/gebruikersfilter/i.test(raw)
			? [
					'SB could not read the filter: check field names, quotes around text and the operators (eq, and, or)',
				]
			: []),
		[code, exceptionType, definition].filter(Boolean).join(' · '),
		...(traceId ? [`Trace ID: ${traceId}`] : []),
	].filter((line) => line !== '');
	return {
		// SB's own text, unchanged: it is what AFAS support and their docs (§4.7) know.
		message: raw,
		...(property ? { property } : {}),
		description: lines.join('\n'),
	};
}
