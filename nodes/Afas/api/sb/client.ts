import type { ICredentialDataDecryptedObject } from 'n8n-workflow';
import { NodeOperationError } from 'n8n-workflow';

import type { AfasClient, AfasContext } from '../../transport';
import { clientFor, resolveTarget } from '../../transport';
import { sbBaseUrl } from '../../wire/sb/connection';

/** AFAS SB's REST API (`{origin}/{environment}/api`) for one execution or one editor look-up. */
export type SbClient = AfasClient<'sb'>;

/** SB signs in with an app token or with OAuth 2.0 (the browser consent flow): two credential types. */
export type SbCredentialType = 'afasSbApi' | 'afasSbOAuth2Api';

function hasAccessToken(tokenData: unknown): boolean {
	return (
		tokenData !== null &&
		typeof tokenData === 'object' &&
		typeof (tokenData as { access_token?: unknown }).access_token === 'string' &&
		(tokenData as { access_token: string }).access_token !== ''
	);
}

/** Reads the chosen SB credential and resolves its base URL once; every SB call then goes through it. */
export async function createSbClient(
	context: AfasContext,
	credentialType: SbCredentialType,
): Promise<SbClient> {
	const target = await resolveTarget(context, {
		product: 'sb',
		credentialType,
		baseUrlOf(credentials: ICredentialDataDecryptedObject) {
			// n8n itself would fail with a TypeError (1.x) or a bare "not connected" (2.x, authorization code only).
			if (credentialType === 'afasSbOAuth2Api' && !hasAccessToken(credentials.oauthTokenData)) {
				throw new NodeOperationError(
					context.getNode(),
					'The AFAS SB OAuth2 credential is not connected: open it and click Connect my account',
					{
						description:
							'n8n has no access token for this credential yet. Connecting signs you in at AFAS SB once; ' +
							'n8n refreshes the token after that.',
					},
				);
			}
			return `${sbBaseUrl(credentials)}/api`;
		},
	});
	return clientFor(context, { ...target, product: 'sb' });
}
