import type {
	IExecuteFunctions,
	ILoadOptionsFunctions,
	IPollFunctions,
	NodeParameterValueType,
} from 'n8n-workflow';

/** Every n8n context the transport serves: node execution, editor look-ups and (later) polling triggers. */
export type AfasContext = IExecuteFunctions | ILoadOptionsFunctions | IPollFunctions;

export type AfasProduct = 'profit' | 'sb';

export type AfasCredentialType = 'afasProfitApi' | 'afasSbApi' | 'afasSbOAuth2Api';

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

export function productOf(context: AfasContext, itemIndex: number): AfasProduct {
	return nodeParameter<string>(context, 'product', itemIndex, 'profit') === 'sb' ? 'sb' : 'profit';
}

/** The credential type follows the product and, for SB, the chosen authentication (Airtable v2's pattern). */
export function credentialTypeOf(context: AfasContext, itemIndex: number): AfasCredentialType {
	if (productOf(context, itemIndex) === 'profit') return 'afasProfitApi';
	return nodeParameter<string>(context, 'authentication', itemIndex, 'afasSbApi') ===
		'afasSbOAuth2Api'
		? 'afasSbOAuth2Api'
		: 'afasSbApi';
}
