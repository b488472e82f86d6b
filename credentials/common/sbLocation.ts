import type { INodeProperties } from 'n8n-workflow';

/** The AFAS SB location fields, shared by the token credential and the OAuth2 companion so both read alike. */
export const sbLocationProperties: INodeProperties[] = [
	{
		displayName: 'Server',
		name: 'server',
		type: 'options',
		default: 'afasFocus',
		options: [
			{ name: 'AFAS SB (afasfocus.nl)', value: 'afasFocus' },
			{
				name: 'Custom Base URL',
				value: 'custom',
				description: 'A reverse proxy or the local AFAS simulator',
			},
		],
	},
	{
		displayName: 'Domain',
		name: 'domain',
		type: 'string',
		default: '',
		required: true,
		placeholder: 'test123',
		description:
			'The part before .afasfocus.nl (test123 of https://test123.afasfocus.nl). You may paste the whole URL of your environment or an SB page: the customer environment is taken from it too.',
		displayOptions: { show: { server: ['afasFocus'] } },
	},
	{
		displayName: 'Base URL',
		name: 'baseUrl',
		type: 'string',
		default: '',
		required: true,
		placeholder: 'https://test123.afasfocus.nl',
		description: 'Scheme and host (and port) in front of the customer environment',
		displayOptions: { show: { server: ['custom'] } },
	},
	{
		displayName: 'Customer Environment',
		name: 'customerEnvironment',
		type: 'string',
		default: '',
		placeholder: 'scope',
		description:
			'The first path segment after the host (scope of https://test123.afasfocus.nl/scope). May stay empty when it is part of a URL pasted into Domain.',
	},
];
