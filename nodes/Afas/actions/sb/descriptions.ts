import type { INodeProperties } from 'n8n-workflow';
import { NodeOperationError } from 'n8n-workflow';

import type { ParameterReader } from '../../parameters';
import type { AfasContext } from '../../transport';
import type { SbOperation } from '../../wire/sb/catalogueTypes';
import { timeoutOption } from '../common.descriptions';

/** Parameters several SB operations share. */

export const acceptVersionOption: INodeProperties = {
	displayName: 'Accept-Version',
	name: 'acceptVersion',
	type: 'string',
	default: '',
	placeholder: 'e.g. 2.0',
	description:
		"The endpoint version to ask for. Empty: the version of AFAS's SB 6.0.0 spec for this endpoint (shown with the operation); set it to use a newer SB release.",
};

/** The Options collection of an SB operation: Accept-Version and Timeout always, plus the operation's own. */
export function sbOptions(...own: INodeProperties[]): INodeProperties {
	return {
		displayName: 'Options',
		name: 'options',
		type: 'collection',
		placeholder: 'Add Option',
		default: {},
		options: [acceptVersionOption, ...own, timeoutOption].sort((a, b) =>
			a.displayName.localeCompare(b.displayName),
		),
	};
}

const VERSION = /^\d{1,3}(\.\d{1,3})?$/;

/** The Accept-Version to send: the user's override when valid, else the catalogue's. */
export function acceptVersionOf(
	context: AfasContext,
	p: ParameterReader,
	entry: SbOperation,
	itemIndex: number,
): string {
	const chosen = p.string('options.acceptVersion', { trim: true });
	if (chosen === '') return entry.acceptVersion ?? '1';
	if (!VERSION.test(chosen))
		throw new NodeOperationError(
			context.getNode(),
			`Options → Accept-Version must be a version such as 2.0, not "${chosen.slice(0, 20)}"`,
			{ itemIndex, description: 'Enter a version such as 1, 2.0 or 3.1, or leave it empty.' },
		);
	return chosen;
}
