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

import {
	PROFIT_LANGUAGES,
	parseIntegrationId,
	profitAuthorizationHeader,
	profitBaseUrl,
} from '../nodes/Afas/wire/profit/connection';
import { secretsOf } from '../nodes/Afas/wire/secrets';
import { bodyRule, redirectRules, refuseRedirects, testRules, withBaseUrl } from './common/origin';
import { accessTokenProperty, credentialError, fetchAccessToken } from './common/tokenExchange';

/**
 * The AFAS Profit connection panel: environment, environment number, auth type (app connector token or
 * OAuth 2.0 client credentials). Client-credentials tokens (3600 s, no refresh token, afas-profit-api.md §3.2)
 * live in the hidden expirable `accessToken`: n8n fetches one when it is empty, reuses it, and fetches a new one
 * once after a 401.
 */
export class AfasProfitApi implements ICredentialType {
	name = 'afasProfitApi';

	displayName = 'AFAS Profit API';

	icon: Icon = { light: 'file:../icons/afas.svg', dark: 'file:../icons/afas.dark.svg' };

	documentationUrl = 'https://github.com/n8n-nodes-afas/n8n-nodes-afas#credentials';

	properties: INodeProperties[] = [
		{
			displayName: 'Environment',
			name: 'environment',
			type: 'options',
			default: 'production',
			options: [
				{ name: 'Production', value: 'production', description: 'https://12345.rest.afas.online' },
				{ name: 'Test', value: 'test', description: 'https://12345.resttest.afas.online' },
				{ name: 'Accept', value: 'accept', description: 'https://12345.restaccept.afas.online' },
				{ name: 'Cursus', value: 'cursus', description: 'https://12345.restcursus.afas.online' },
				{
					name: 'Custom Base URL',
					value: 'custom',
					description: 'A reverse proxy or the local AFAS simulator',
				},
			],
		},
		{
			displayName: 'Base URL',
			name: 'baseUrl',
			type: 'string',
			default: '',
			required: true,
			placeholder: 'https://12345.rest.afas.online/ProfitRestServices',
			description: 'Everything before /connectors, including /ProfitRestServices',
			displayOptions: { show: { environment: ['custom'] } },
		},
		{
			displayName: 'Environment Number',
			name: 'environmentNumber',
			type: 'string',
			default: '',
			required: true,
			placeholder: '12345',
			description:
				'The five digits of your AFAS environment (12345), or its name as Profit shows it (O12345AA, T12345AA, A12345AA, C12345AA)',
			displayOptions: { hide: { environment: ['custom'] } },
		},
		{
			displayName: 'Auth Type',
			name: 'authType',
			type: 'options',
			default: 'token',
			options: [
				{
					name: 'Token',
					value: 'token',
					description: 'The app connector token generated in Profit',
				},
				{
					name: 'OAuth 2.0',
					value: 'oAuth2',
					description: 'Client credentials of an app connector with OAuth authentication',
				},
			],
		},
		{
			displayName: 'Token',
			name: 'token',
			type: 'string',
			typeOptions: { password: true },
			default: '',
			required: true,
			description:
				'The whole &lt;token&gt;&lt;version&gt;1&lt;/version&gt;&lt;data&gt;…&lt;/data&gt;&lt;/token&gt; XML, only its data part, or its Base64 encoding',
			displayOptions: { show: { authType: ['token'] } },
		},
		{
			displayName: 'Client ID',
			name: 'clientId',
			type: 'string',
			default: '',
			required: true,
			displayOptions: { show: { authType: ['oAuth2'] } },
		},
		{
			displayName: 'Client Secret',
			name: 'clientSecret',
			type: 'string',
			typeOptions: { password: true },
			default: '',
			required: true,
			displayOptions: { show: { authType: ['oAuth2'] } },
		},
		{
			displayName: 'Advanced Options',
			name: 'advancedOptions',
			type: 'boolean',
			default: false,
			description: 'Whether to set the IntegrationId and the language of labels and messages',
		},
		{
			displayName: 'IntegrationId',
			name: 'integrationId',
			type: 'string',
			default: '',
			placeholder: '12345_123456',
			description:
				'For AFAS partner integrations: your subscription number and project number, sent as the IntegrationId header',
			displayOptions: { show: { advancedOptions: [true] } },
		},
		{
			displayName: 'Language',
			name: 'language',
			type: 'options',
			default: '',
			description: 'Language of metainfo labels and error messages (Accept-Language)',
			options: [
				{ name: 'Environment Default', value: '' },
				{ name: 'Dutch (nl-nl)', value: 'nl-nl' },
				{ name: 'English (en-us)', value: 'en-us' },
				{ name: 'Flemish (nl-be)', value: 'nl-be' },
				{ name: 'French (fr-fr)', value: 'fr-fr' },
				{ name: 'German (de-de)', value: 'de-de' },
			],
			displayOptions: { show: { advancedOptions: [true] } },
		},
		accessTokenProperty,
	];

	async preAuthentication(
		this: IHttpRequestHelper,
		credentials: ICredentialDataDecryptedObject,
	): Promise<IDataObject> {
		if (credentials.authType !== 'oAuth2') return {};
		const accessToken = await fetchAccessToken(this, {
			url: `${profitBaseUrl(credentials)}/oauth/token`,
			product: 'AFAS Profit',
			secretFields: 'Client ID and Client Secret',
			locationField: credentials.environment === 'custom' ? 'Base URL' : 'Environment Number',
			secrets: secretsOf(credentials),
			form: {
				grant_type: 'client_credentials',
				client_id: String(credentials.clientId ?? '').trim(),
				client_secret: String(credentials.clientSecret ?? ''),
			},
			missing: !credentials.clientId
				? 'Client ID'
				: !credentials.clientSecret
					? 'Client Secret'
					: undefined,
		});
		return { accessToken };
	}

	async authenticate(
		credentials: ICredentialDataDecryptedObject,
		requestOptions: IHttpRequestOptions,
	): Promise<IHttpRequestOptions> {
		const headers: IDataObject = { ...requestOptions.headers };
		if (credentials.authType === 'oAuth2') {
			if (!credentials.accessToken) {
				throw credentialError(
					'Client ID',
					'No AFAS Profit access token was obtained',
					'Test the credential',
				);
			}
			headers.Authorization = `Bearer ${String(credentials.accessToken)}`;
		} else {
			headers.Authorization = profitAuthorizationHeader(credentials.token);
		}
		if (credentials.advancedOptions === true) {
			const integrationId = parseIntegrationId(credentials.integrationId);
			if (integrationId) headers.IntegrationId = integrationId;
			const language = String(credentials.language ?? '');
			if ((PROFIT_LANGUAGES as readonly string[]).includes(language))
				headers['Accept-Language'] = language;
		}
		return refuseRedirects(
			withBaseUrl({ ...requestOptions, headers }, () => profitBaseUrl(credentials)),
		);
	}

	/*
	 * The base URL comes from `authenticate` (one rule for the test and the node), so the test needs only a path.
	 * n8n's credential tester applies `rules` itself: a `responseCode` rule to a non-2xx answer, a
	 * `responseSuccessBody` rule to a 2xx body, failing when the value at `key` equals `value`. Profit's metainfo
	 * always has a `getConnectors` array (empty for an app connector without GetConnectors), so a missing
	 * length means the answer was not metainfo: an HTML page, an empty body, `null` or other JSON.
	 */
	test: ICredentialTestRequest = {
		request: { method: 'GET', url: '/metainfo', headers: { Accept: 'application/json' } },
		rules: testRules(
			...redirectRules(
				'AFAS Profit redirected the credential test elsewhere, and the token was not sent there. Check the Environment Number or Base URL: it must be the AFAS REST address itself, not an old address or a login page',
			),
			bodyRule(
				'getConnectors.length',
				undefined,
				'The answer was not AFAS Profit metainfo (an HTML page, an empty body or other JSON). Check the Environment Number or Base URL: a proxy, login or maintenance page may be answering instead of AFAS',
			),
		),
	};
}
