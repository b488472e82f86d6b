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
 * (afas-sb-api.md §3.1), through n8n's own consent flow ("Connect my account"). OAuth scope is not used by
 * SB. Access tokens last 1800 s and are refreshed by n8n with the refresh token.
 *
 * What n8n's `pkce` grant sends to the token endpoint, as observed by the browser E2E test: n8n 2.41.1 puts
 * client_id and client_secret in the form body (what AFAS documents); n8n 1.123.81 ignores
 * `authentication: 'body'` for PKCE and sends them as HTTP Basic. The simulator accepts both, as RFC 6749
 * allows; whether AFAS SB accepts Basic is UNVERIFIED (README, "Choices").
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
