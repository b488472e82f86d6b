import type { ICredentialDataDecryptedObject } from 'n8n-workflow';

import type { AfasContext, AfasCredentialType, AfasProduct } from './context';
import { toNodeError } from './errors';

/** Where one client's calls go and with which credential: resolved once, when the client is made. */
export interface AfasTarget {
	product: AfasProduct;
	credentialType: AfasCredentialType;
	/** No trailing slash; request paths are appended to it. */
	baseUrl: string;
	/** The credential as read when the client was made: its secrets are masked in every error. */
	credentials: ICredentialDataDecryptedObject;
}

export interface TargetSpec {
	product: AfasProduct;
	credentialType: AfasCredentialType;
	/** The base URL from the credential (a pure wire rule); may throw an AfasInputError naming the field. */
	baseUrlOf(credentials: ICredentialDataDecryptedObject): string;
}

/**
 * Reads the credential and turns it into a base URL: the only place credentials become URLs. Errors carry no
 * item index: whoever makes the client (the router, for the item that needed it) attributes them.
 */
export async function resolveTarget(context: AfasContext, spec: TargetSpec): Promise<AfasTarget> {
	const credentials = await context.getCredentials<ICredentialDataDecryptedObject>(
		spec.credentialType,
	);
	let baseUrl: string;
	try {
		baseUrl = spec.baseUrlOf(credentials);
	} catch (error) {
		throw toNodeError(context.getNode(), error);
	}
	return { product: spec.product, credentialType: spec.credentialType, baseUrl, credentials };
}
