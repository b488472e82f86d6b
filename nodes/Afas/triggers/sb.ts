import type { IDataObject, IPollFunctions } from 'n8n-workflow';
import { NodeOperationError } from 'n8n-workflow';

import { authenticationProperty } from '../actions/sb';
import { listEntryOf } from '../actions/sb/selectors';
import type { SbCredentialType } from '../api/sb';
import { createSbClient, readCatalogueList } from '../api/sb';
import type { ParameterReader } from '../parameters';
import { parameters } from '../parameters';
import { rowIdentity } from '../wire/rowIdentity';
import { isListEntry } from '../wire/sb/catalogue';

/** What the SB half of the trigger keeps between polls. */
export interface SbTriggerState {
	resource?: string;
	trackingToken?: string;
	/** Records emitted lately (newest last, bounded): SB caches a token's answer for minutes and may resend them. */
	recent?: string[];
}

/** Enough for the changes of a few polls; older entries cannot come back from SB's short-lived cache. */
export const MAX_RECENT = 5_000;

/**
 * One SB poll with SB's own change tracking (research §4.5): the first poll stores the TrackingToken (emitting
 * every record only when asked to), later polls send it, emit what changed and store the new token. A record SB
 * sends again unchanged (its cache) is dropped. The token is stored only after the whole read succeeded.
 */
export async function pollSb(
	context: IPollFunctions,
	p: ParameterReader,
	state: SbTriggerState,
): Promise<IDataObject[]> {
	const resource = p.options('sbResource');
	const entry = listEntryOf(resource);
	if (!isListEntry(entry) || !entry.list.tracked)
		throw new NodeOperationError(
			context.getNode(),
			`SB Resource: "${resource}" has no change tracking`,
			{
				description: 'Choose one of the listed resources.',
			},
		);
	const credentialType = parameters(context, 0, [authenticationProperty]).options<SbCredentialType>(
		'authentication',
	);
	const client = await createSbClient(context, credentialType);
	const timeoutMs = p.timeoutMs('options.timeout');
	const key = entry.list.uniqueSort ?? 'Id';

	if (context.getMode() === 'manual')
		return (await readCatalogueList(client, entry, { limit: 1, timeoutMs })).rows;

	const first = state.resource !== resource || !state.trackingToken;
	const emitExisting = first && p.boolean('emitExisting');
	const result = await readCatalogueList(client, entry, {
		trackingToken: first ? undefined : state.trackingToken,
		// Without a backfill the first poll only needs the token.
		limit: first && !emitExisting ? 1 : undefined,
		timeoutMs,
	});
	if (result.trackingToken === undefined)
		throw new NodeOperationError(
			context.getNode(),
			`AFAS SB sent no TrackingToken for ${entry.path}`,
			{
				description:
					'The list answered without change tracking; the trigger cannot tell what changed.',
			},
		);
	const recent = new Set(first ? [] : (state.recent ?? []));
	const emitted =
		first && !emitExisting
			? []
			: result.rows.filter((row) => !recent.has(rowIdentity(row[key], row)));
	state.resource = resource;
	state.trackingToken = result.trackingToken;
	state.recent = [...recent, ...emitted.map((row) => rowIdentity(row[key], row))].slice(
		-MAX_RECENT,
	);
	return emitted;
}
