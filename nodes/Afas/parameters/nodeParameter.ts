import type { IExecuteFunctions, NodeParameterValueType } from 'n8n-workflow';

import type { AfasContext } from '../transport';

function isExecuteContext(context: AfasContext): context is IExecuteFunctions {
	return 'getInputData' in context;
}

/**
 * Reads a node parameter in any context. In execute() the second argument of getNodeParameter is the item
 * index; in load-options and poll contexts it is the fallback value, so the two must not be mixed up.
 */
export function nodeParameter<T extends NodeParameterValueType | object>(
	context: AfasContext,
	name: string,
	itemIndex: number,
	fallback: T,
): T {
	if (isExecuteContext(context)) {
		return context.getNodeParameter(name, itemIndex, fallback) as T;
	}
	return context.getNodeParameter(name, fallback) as T;
}
