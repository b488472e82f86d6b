import type {
	ICredentialDataDecryptedObject,
	ICredentialTestRequest,
	ICredentialType,
	IDataObject,
	IHttpRequestHelper,
	IHttpRequestOptions,
	INodeProperties,
	Icon,
} from 'n8n-workflow';

import { sbBaseUrl } from '../nodes/Afas/wire/sb/connection';
import { secretsOf } from '../nodes/Afas/wire/secrets';
import { sbLocationNotices, sbLocationProperties } from './common/sbLocation';
import { bodyRule, redirectRules, refuseRedirects, testRules, withBaseUrl } from './common/origin';
import { accessTokenProperty, credentialError, fetchAccessToken } from './common/tokenExchange';

const OAUTH2_NOTICE =
	'OAuth 2.0 signs you in through AFAS\'s consent page, which n8n runs only for OAuth2 credential types: create an "AFAS SB OAuth2 API" credential with the client ID and secret AFAS sent you, and set Authentication to "OAuth 2.0" in the AFAS node.';

const NOT_SB_JSON =
	'The answer was not AFAS SB JSON (an HTML page, an empty body or null). Check the Domain or Base URL: a proxy, login or maintenance page may be answering instead of AFAS';

/**
 * The AFAS SB connection panel: domain, customer environment, auth type. The static App Center token is
 * exchanged at `/{env}/authentication/getaccesstoken` for a 600 s bearer token (afas-sb-api.md §3.3), kept in
 * the hidden expirable `accessToken` and fetched again when empty or after a 401.
 *
 * OAuth 2.0 (authorization code + PKCE + client secret) needs n8n's browser consent flow, which n8n runs only
 * for types that extend `oAuth2Api`; a credential cannot be both, so OAuth 2.0 lives in the companion
 * `afasSbOAuth2Api` and this panel's OAuth 2.0 choice says so.
 */
export class AfasSbApi implements ICredentialType {
	name = 'afasSbApi';

	displayName = 'AFAS SB API';

	icon: Icon = { light: 'file:../icons/afas.svg', dark: 'file:../icons/afas.dark.svg' };

	documentationUrl = 'https://github.com/n8n-nodes-afas/n8n-nodes-afas#credentials';

	properties: INodeProperties[] = [
		...sbLocationProperties,
		...sbLocationNotices,
		{
			displayName: 'Auth Type',
			name: 'authType',
			type: 'options',
			default: 'token',
			options: [
				{
					name: 'OAuth 2.0',
					value: 'oAuth2',
					description: 'Sign in through AFAS (client ID and secret)',
				},
				{ name: 'Token', value: 'token', description: 'The app token from the SB App Center' },
			],
		},
		{
			displayName: OAUTH2_NOTICE,
			name: 'oAuth2Notice',
			type: 'notice',
			default: '',
			displayOptions: { show: { authType: ['oAuth2'] } },
		},
		{
			displayName: 'Token',
			name: 'token',
			type: 'string',
			typeOptions: { password: true },
			default: '',
			required: true,
			description: 'The app token shown when the app was activated in the SB App Center',
			displayOptions: { show: { authType: ['token'] } },
		},
		accessTokenProperty,
	];

	async preAuthentication(
		this: IHttpRequestHelper,
		credentials: ICredentialDataDecryptedObject,
	): Promise<IDataObject> {
		if (credentials.authType !== 'token') return {};
		const accessToken = await fetchAccessToken(this, {
			url: `${sbBaseUrl(credentials)}/authentication/getaccesstoken`,
			product: 'AFAS SB',
			secretFields: 'Token',
			locationField: credentials.server === 'custom' ? 'Base URL' : 'Domain',
			secrets: secretsOf(credentials),
			json: { apptoken: String(credentials.token ?? '').trim() },
			missing: String(credentials.token ?? '').trim() ? undefined : 'Token',
		});
		return { accessToken };
	}

	async authenticate(
		credentials: ICredentialDataDecryptedObject,
		requestOptions: IHttpRequestOptions,
	): Promise<IHttpRequestOptions> {
		if (credentials.authType !== 'token') {
			throw credentialError(
				'Auth Type',
				'This AFAS SB credential is set to OAuth 2.0',
				OAUTH2_NOTICE,
			);
		}
		if (!credentials.accessToken) {
			throw credentialError('Token', 'No AFAS SB access token was obtained', 'Test the credential');
		}
		const headers = {
			...requestOptions.headers,
			Authorization: `Bearer ${String(credentials.accessToken)}`,
		};
		return refuseRedirects(
			withBaseUrl({ ...requestOptions, headers }, () => sbBaseUrl(credentials)),
		);
	}

	/*
	 * n8n's credential tester fails a 2xx answer when the value at `key` equals `value` (lodash `get` on the
	 * first output item). `countries` is a bare array by its schema, yet one vendor example shows a
	 * `{TrackingToken, Result}` envelope (afas-sb-api.md §4.5, CONFLICT), so the rules cannot require `Id`:
	 * they refuse what no JSON API answers, text (an HTML page, an empty or cut-off body: `constructor.name` is
	 * "String") and `null` (no constructor). A proxy page answered before that is caught one step earlier: the
	 * app-token exchange insists on an `access_token`.
	 */
	test: ICredentialTestRequest = {
		request: {
			method: 'GET',
			url: '/api/countries',
			qs: { take: 1 },
			headers: { Accept: 'application/json', 'Accept-Version': '1' },
		},
		rules: testRules(
			...redirectRules(
				'AFAS SB redirected the credential test elsewhere, and the access token was not sent there. Check the Domain or Base URL: it must be the AFAS SB address itself, not an old address or a login page',
			),
			bodyRule('constructor.name', 'String', NOT_SB_JSON),
			bodyRule('constructor', undefined, NOT_SB_JSON),
		),
	};
}
