import type { ICredentialType, INodeProperties, Icon } from 'n8n-workflow';

import { sbLocationProperties } from './common/sbLocation';

// The SB host and customer environment as n8n expressions, for the OAuth URLs. They mirror
// `sbLocation()` in nodes/Afas/wire/sbConnection.ts, including a whole URL pasted into Domain; the node's
// requests use that function itself.
const ORIGIN =
	'($self["server"] === "custom" ? String($self["baseUrl"]).trim().replace(/\\/+$/, "") : "https://" + String($self["domain"]).trim().replace(/^(https?:\\/\\/)?([A-Za-z0-9-]+)\\.afasfocus\\.nl.*$/i, "$2").toLowerCase() + ".afasfocus.nl")';
const ENVIRONMENT =
	'(String($self["customerEnvironment"] || "").trim() || (String($self["domain"]).match(/afasfocus\\.nl(?::\\d+)?\\/([^\\/?#]+)/i) || [])[1] || "")';

/**
 * AFAS SB OAuth 2.0: authorization code with PKCE (S256) and the client secret AFAS hands out
 * (afas-sb-api.md §3.1), through n8n's own consent flow ("Connect my account"). n8n's `pkce` grant sends
 * the code verifier and, because a client secret is set, authenticates the client as well; the
 * simulator accepts the secret in the body or as HTTP Basic, as RFC 6749 allows. OAuth scope is not used
 * by SB. Access tokens last 1800 s and are refreshed by n8n with the refresh token.
 */
export class AfasSbOAuth2Api implements ICredentialType {
	name = 'afasSbOAuth2Api';

	extends = ['oAuth2Api'];

	displayName = 'AFAS SB OAuth2 API';

	icon: Icon = { light: 'file:../icons/afas.svg', dark: 'file:../icons/afas.dark.svg' };

	documentationUrl = 'https://github.com/n8n-nodes-afas/n8n-nodes-afas#credentials';

	properties: INodeProperties[] = [
		...sbLocationProperties,
		{ displayName: 'Grant Type', name: 'grantType', type: 'hidden', default: 'pkce' },
		{
			displayName: 'Authorization URL',
			name: 'authUrl',
			type: 'hidden',
			default: `={{ ${ORIGIN} + "/" + ${ENVIRONMENT} + "/app/auth" }}`,
		},
		{
			displayName: 'Access Token URL',
			name: 'accessTokenUrl',
			type: 'hidden',
			default: `={{ ${ORIGIN} + "/" + ${ENVIRONMENT} + "/app/token" }}`,
		},
		{ displayName: 'Scope', name: 'scope', type: 'hidden', default: '' },
		{ displayName: 'Auth URI Query Parameters', name: 'authQueryParameters', type: 'hidden', default: '' },
		{ displayName: 'Authentication', name: 'authentication', type: 'hidden', default: 'body' },
	];
}
