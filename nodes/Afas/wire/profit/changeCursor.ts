import { rowIdentity } from '../rowIdentity';

/**
 * Where a Profit "new or changed records" poll stands (research n8n-node-conventions §7.2, afas-profit-api §5.4):
 * the newest modification time emitted so far, as Profit's Amsterdam wall clock without `Z`
 * (`2026-11-30T10:20:30`), and the records already emitted AT that second. The next poll asks for rows with
 * date >= `at` (Profit stores sub-seconds but prints and filters on seconds, so `>` could miss a row written later
 * in the same second) and drops the ones in `seen`. `seen` only ever holds rows sharing one second, so the state
 * stays small however long the trigger runs.
 */
export interface ProfitCursor {
	at: string;
	seen: string[];
}

const WALL_CLOCK = /^(\d{4}-\d{2}-\d{2})[T ](\d{2}:\d{2}:\d{2})/;

/**
 * The wall-clock second of a Profit date as the GetConnector sends it (`2026-11-30T10:20:30Z`, the `Z` meaning
 * Amsterdam; sometimes with fractions), or undefined for an empty or unreadable value.
 */
export function profitInstant(value: unknown): string | undefined {
	if (typeof value !== 'string') return undefined;
	const match = WALL_CLOCK.exec(value.trim());
	return match ? `${match[1]}T${match[2]}` : undefined;
}

export interface CursorStep {
	/** Rows not emitted before, in the order read. */
	fresh: Array<Record<string, unknown>>;
	cursor: ProfitCursor;
}

/**
 * Takes the rows one poll read (date >= cursor.at, sorted by date then key) and returns what is new and where the
 * next poll starts. A row without a readable date cannot move the cursor and is emitted once per read: the
 * filter `>=` does not return such rows, so it only happens with a misconfigured date field.
 */
export function advanceCursor(
	cursor: ProfitCursor,
	rows: ReadonlyArray<Record<string, unknown>>,
	fields: { date: string; key: string },
): CursorStep {
	const seen = new Set(cursor.seen);
	let at = cursor.at;
	let atBoundary = new Set(cursor.seen);
	const fresh: Array<Record<string, unknown>> = [];
	for (const row of rows) {
		const instant = profitInstant(row[fields.date]);
		const identity = rowIdentity(row[fields.key], row);
		if (instant !== undefined && instant === cursor.at && seen.has(identity)) continue;
		if (instant !== undefined && instant < cursor.at) continue;
		fresh.push(row);
		if (instant === undefined) continue;
		if (instant > at) {
			at = instant;
			atBoundary = new Set();
		}
		if (instant === at) atBoundary.add(identity);
	}
	return { fresh, cursor: { at, seen: [...atBoundary] } };
}
