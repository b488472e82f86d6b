import type { IExecuteFunctions } from 'n8n-workflow';
import { isSafeObjectProperty, NodeOperationError } from 'n8n-workflow';

import { parameters } from '../parameters';
import { binaryPropertyProperty } from './common.descriptions';

/** The output binary field (Put Output File in Field), checked before anything is downloaded. */
export function outputBinaryField(context: IExecuteFunctions, itemIndex: number): string {
	const name = parameters(context, itemIndex, [binaryPropertyProperty]).string(
		'binaryPropertyName',
		{
			required: true,
		},
	);
	if (!isSafeObjectProperty(name)) {
		throw new NodeOperationError(
			context.getNode(),
			`Put Output File in Field: "${name}" cannot be used`,
			{
				itemIndex,
				description: 'Enter a field name such as data or file.',
			},
		);
	}
	return name;
}
