import type { ICredentialType, INodeProperties, Icon } from 'n8n-workflow';

import {
	SB_BASE_URL_EXPRESSION,
	sbLocationNotices,
	sbLocationProperties,
} from './common/sbLocation';

/**
 * AFAS SB OAuth 2.0: authorization code with PKCE (S256) and the client secret AFAS hands out
 * (afas-sb-api.md §3.1), through n8n's own consent flow ("Connect my account"). OAuth scope is not used by
 * SB. Access tokens last 1800 s and are refreshed by n8n with the refresh token.
 *
 * What n8n's `pkce` grant sends to the token endpoint, as observed by the browser E2E test: n8n 2.41.1 puts
 * client_id and client_secret in the form body (what AFAS documents); n8n 1.123.81 ignores
 * `authentication: 'body'` for PKCE and sends them as HTTP Basic. The simulator accepts both, as RFC 6749
 * allows; whether AFAS SB accepts Basic is UNVERIFIED (README, "Choices").
 *
 * The location is validated inside the URL expressions (common/sbLocation.ts): a Domain that is not
 * `<name>.afasfocus.nl`, a Base URL that is not http(s) or carries `user:password@`, or a bad customer
 * environment yields a URL on the never-resolving `.invalid` domain naming the field, and notices say so.
 * That is the defence here: n8n runs this credential's token requests itself (@n8n/client-oauth2, axios with
 * its default redirect following, in both 1.123 and 2.41), so our no-redirect options cannot reach them.
 */
export class AfasSbOAuth2Api implements ICredentialType {
	name = 'afasSbOAuth2Api';

	extends = ['oAuth2Api'];

	displayName = 'AFAS SB OAuth2 API';

	icon: Icon = { light: 'file:../icons/afas.svg', dark: 'file:../icons/afas.dark.svg' };

	documentationUrl = 'https://github.com/n8n-nodes-afas/n8n-nodes-afas#credentials';

	properties: INodeProperties[] = [
		...sbLocationProperties,
		...sbLocationNotices,
		{ displayName: 'Grant Type', name: 'grantType', type: 'hidden', default: 'pkce' },
		{
			displayName: 'Authorization URL',
			name: 'authUrl',
			type: 'hidden',
			default: `={{ ${SB_BASE_URL_EXPRESSION} + "/app/auth" }}`,
		},
		{
			displayName: 'Access Token URL',
			name: 'accessTokenUrl',
			type: 'hidden',
			default: `={{ ${SB_BASE_URL_EXPRESSION} + "/app/token" }}`,
		},
		{ displayName: 'Scope', name: 'scope', type: 'hidden', default: '' },
		{
			displayName: 'Auth URI Query Parameters',
			name: 'authQueryParameters',
			type: 'hidden',
			default: '',
		},
		{ displayName: 'Authentication', name: 'authentication', type: 'hidden', default: 'body' },
	];
}
