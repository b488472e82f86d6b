import type { IDataObject, IPollFunctions } from 'n8n-workflow';
import { NodeOperationError } from 'n8n-workflow';

import { readFilters } from '../actions/profit/getConnector/getAll.operation';
import { checkFieldsExist } from '../actions/profit/getConnector/fields';
import type { ProfitClient } from '../api/profit';
import {
	createProfitClient,
	getConnectorMetainfo,
	readChangesSince,
	readGetConnector,
} from '../api/profit';
import type { ParameterReader } from '../parameters';
import type { ProfitCursor } from '../wire/profit/changeCursor';
import { advanceCursor, profitInstant } from '../wire/profit/changeCursor';
import { connectorFieldsOf, suggestDateField, suggestKeyField } from '../wire/profit/changeFields';
import type { ProfitFilterGroups } from '../wire/profit/filter';
import type { DateHandling } from '../wire/profit/dates';
import { convertRowDates, parseFilterDate } from '../wire/profit/dates';
import { choosePageSize } from '../wire/profit/paging';

/** What the Profit half of the trigger keeps between polls (the node's static data). */
export interface ProfitTriggerState {
	/** The configuration the cursor belongs to: a changed connector or field starts afresh. */
	watch?: string;
	cursor?: ProfitCursor;
}

interface Watch {
	connectorId: string;
	dateField: string;
	keyField: string;
	fieldCount: number;
}

/**
 * The connector and its two fields; the automatic choices are made from the metainfo, or the user is asked. The
 * two fields and the filter are checked against the metainfo at once, before anything is read.
 */
async function watchOf(
	context: IPollFunctions,
	client: ProfitClient,
	p: ParameterReader,
	filter: ProfitFilterGroups,
): Promise<Watch> {
	const connectorId = p.locator('connector', {
		emptyHint: 'Choose a GetConnector from the list, or enter its ID (e.g. Profit_Persons).',
	});
	const fields = connectorFieldsOf((await getConnectorMetainfo(client, connectorId)).fields);
	const chosenDate = p.string('dateField', { trim: true });
	const dateField = chosenDate || suggestDateField(fields);
	if (!dateField)
		throw new NodeOperationError(
			context.getNode(),
			`Modification Date Field: GetConnector ${connectorId} has no field that is clearly its modification date`,
			{
				description:
					'Choose the field AFAS updates when a row changes (add one to the connector if it has none).',
			},
		);
	const keyField = p.string('keyField', { trim: true }) || suggestKeyField(fields, dateField);
	if (!keyField)
		throw new NodeOperationError(
			context.getNode(),
			`Unique Key Field: GetConnector ${connectorId} lists no fields`,
			{
				description: 'Choose a field that is unique per row.',
			},
		);
	checkFieldsExist(connectorId, fields, filter, [{ field: dateField }, { field: keyField }]);
	return { connectorId, dateField, keyField, fieldCount: fields.length };
}

/** The newest change in AFAS: the cursor of a trigger that starts "from now", so it emits nothing old. */
async function newestCursor(
	client: ProfitClient,
	watch: Watch,
	timeoutMs?: number,
): Promise<ProfitCursor> {
	const [newest] = await readGetConnector(client, {
		connectorId: watch.connectorId,
		sort: [
			{ field: watch.dateField, descending: true },
			{ field: watch.keyField, descending: true },
		],
		pageSize: 1,
		limit: 1,
		parallelRequests: 1,
		itemIndex: 0,
		timeoutMs,
	});
	const at = profitInstant(newest?.[watch.dateField]) ?? (parseFilterDate(new Date()) as string);
	// The rows of that very second are "already there": read them so the first real poll does not emit them.
	const { rows } = await readChangesSince(client, {
		connectorId: watch.connectorId,
		dateField: watch.dateField,
		keyField: watch.keyField,
		from: at,
		filter: [],
		pageSize: choosePageSize(watch.fieldCount),
		maxRows: 100_000,
		timeoutMs,
	});
	return advanceCursor({ at, seen: [] }, rows, { date: watch.dateField, key: watch.keyField })
		.cursor;
}

/**
 * One Profit poll: rows with date >= the cursor, sorted by date then key, minus those already emitted at the
 * cursor's second. The state is only written after the whole read succeeded, so a poll that fails halfway skips
 * nothing: the next one reads the same rows again. The Fetch Test Event (manual mode) shows the newest row and
 * leaves the state alone.
 */
export async function pollProfit(
	context: IPollFunctions,
	p: ParameterReader,
	state: ProfitTriggerState,
): Promise<IDataObject[]> {
	const client = await createProfitClient(context);
	const filter = readFilters(p);
	const watch = await watchOf(context, client, p, filter);
	const dateHandling = p.options<DateHandling>('options.dateHandling');
	const timeoutMs = p.timeoutMs('options.timeout');
	const convert = (rows: IDataObject[]) => rows.map((row) => convertRowDates(row, dateHandling));

	if (context.getMode() === 'manual') {
		const sample = await readGetConnector(client, {
			connectorId: watch.connectorId,
			filter,
			sort: [{ field: watch.dateField, descending: true }, { field: watch.keyField }],
			pageSize: 1,
			limit: 1,
			parallelRequests: 1,
			itemIndex: 0,
			timeoutMs,
		});
		return convert(sample);
	}

	const watchKey = JSON.stringify([watch.connectorId, watch.dateField, watch.keyField]);
	if (state.watch !== watchKey || !state.cursor) {
		const startFrom = p.string('startFrom', { trim: true });
		state.watch = watchKey;
		if (startFrom === '') {
			state.cursor = await newestCursor(client, watch, timeoutMs);
			return [];
		}
		const at = parseFilterDate(startFrom);
		if (at === undefined)
			throw new NodeOperationError(context.getNode(), `Start From: "${startFrom}" is not a date`, {
				description: 'Pick a date and time, or leave it empty to start from now.',
			});
		state.cursor = { at, seen: [] };
	}
	const cursor = state.cursor;
	const { rows } = await readChangesSince(client, {
		connectorId: watch.connectorId,
		dateField: watch.dateField,
		keyField: watch.keyField,
		from: cursor.at,
		filter,
		pageSize: choosePageSize(watch.fieldCount, p.number('options.pageSize', { integer: true })),
		maxRows: p.number('options.maxRecords', { integer: true }) + cursor.seen.length,
		timeoutMs,
	});
	const step = advanceCursor(cursor, rows, { date: watch.dateField, key: watch.keyField });
	state.cursor = step.cursor;
	return convert(step.fresh as IDataObject[]);
}
