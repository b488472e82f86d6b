import type {
	IExecuteFunctions,
	ILoadOptionsFunctions,
	IPollFunctions,
	IWebhookFunctions,
} from 'n8n-workflow';

/** Every n8n context the transport serves: node execution, editor look-ups, polling and webhook triggers. */
export type AfasContext =
	| IExecuteFunctions
	| ILoadOptionsFunctions
	| IPollFunctions
	| IWebhookFunctions;

/** Whose error bodies and hints a failure is read with (Profit's externalMessage, SB's Message). */
export type AfasProduct = 'profit' | 'sb';

export type AfasCredentialType = 'afasProfitApi' | 'afasSbApi' | 'afasSbOAuth2Api';
