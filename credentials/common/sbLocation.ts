import type { INodeProperties } from 'n8n-workflow';

import { HTTP_BASE_URL, URL_WITH_USERINFO } from '../../nodes/Afas/wire/baseUrl';
import {
	DOMAIN_NAME,
	ENVIRONMENT_NAME,
	NOT_AN_ENVIRONMENT,
	SB_URL,
} from '../../nodes/Afas/wire/sb/connection';

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

/*
 * The OAuth2 credential's authorization and token URLs are n8n expressions over these fields, evaluated by
 * n8n (not by our code) when the user connects and when tokens are refreshed. They are built from the very
 * patterns `sbLocation()` (nodes/Afas/wire/sb/connection.ts) and `parseBaseUrl()` use, step for step, so an
 * invalid location can never yield a real host: it yields a URL on the reserved `.invalid` top-level domain
 * (RFC 6761, never resolves) whose path says what to fix, and nothing is sent anywhere.
 */
export const INVALID_LOCATION_ORIGIN = 'https://invalid.afas-credential.invalid';
export const INVALID_LOCATION_REASONS = {
	domain: 'Domain-must-be-the-name-before-.afasfocus.nl-or-an-https-URL-on-name.afasfocus.nl',
	baseUrl: 'Base-URL-must-be-an-http-or-https-URL-without-user-or-password',
	environment: 'Customer-Environment-must-be-the-first-path-segment-after-the-host',
} as const;

const literal = (pattern: RegExp) => `/${pattern.source}/${pattern.flags}`;
const invalid = (reason: keyof typeof INVALID_LOCATION_REASONS) =>
	`"${INVALID_LOCATION_ORIGIN}/${INVALID_LOCATION_REASONS[reason]}"`;

/**
 * `https://test123.afasfocus.nl/scope`, exactly `sbBaseUrl()`, or the reason on the `.invalid` host.
 *
 * One function over `$self` so every pattern appears once: n8n 1.x's editor sends the whole credential, these
 * expressions included, as the query string of its "Connect my account" request, and a URL over ~16 kB is
 * refused with HTTP 431. What the user typed in Customer Environment wins over what a pasted URL implies
 * (custom: only what is typed). ENVIRONMENT_NAME admits only characters encodeURIComponent leaves alone, so no
 * encoding step is needed.
 */
export const SB_BASE_URL_EXPRESSION = [
	'(function (s) {',
	'var t = function (n) { return String(s[n] || "").trim(); };',
	'var custom = s.server === "custom";',
	`var pasted = custom ? [] : (t("domain").match(${literal(SB_URL)}) || []);`,
	`var implied = ${literal(NOT_AN_ENVIRONMENT)}.test(pasted[2] || "") ? "" : (pasted[2] || "");`,
	'var env = (custom ? t("customerEnvironment") : (t("customerEnvironment") || implied)).trim().replace(/^\\/+|\\/+$/g, "");',
	'var origin;',
	'if (custom) {',
	'var base = t("baseUrl").replace(/\\/+$/, "");',
	`if (${literal(URL_WITH_USERINFO)}.test(base) || !${literal(HTTP_BASE_URL)}.test(base)) return ${invalid('baseUrl')};`,
	'origin = base;',
	'} else {',
	'var domain = (pasted[1] || t("domain")).toLowerCase();',
	`if (!${literal(DOMAIN_NAME)}.test(domain)) return ${invalid('domain')};`,
	'origin = "https://" + domain + ".afasfocus.nl";',
	'}',
	`if (!${literal(ENVIRONMENT_NAME)}.test(env) || ${literal(NOT_AN_ENVIRONMENT)}.test(env)) return ${invalid('environment')};`,
	'return origin + "/" + env;',
	'})($self)',
].join(' ');

/*
 * The same rules for the panel, as `_cnd.regex` display conditions (a plain, case-sensitive pattern in both
 * n8n versions, hence the spelled-out letter cases). Tests check them against `sbLocation()` case by case.
 */
const NAME = '[A-Za-z0-9](?:[A-Za-z0-9-]*[A-Za-z0-9])?';
const SB_HOST_URL = `(?:[Hh][Tt][Tt][Pp][Ss]?://)?${NAME}\\.[Aa][Ff][Aa][Ss][Ff][Oo][Cc][Uu][Ss]\\.[Nn][Ll](?::\\d+)?(?:[/?#].*)?`;
export const INVALID_DOMAIN_INPUT = `^(?!\\s*$)(?!\\s*(?:${SB_HOST_URL}|${NAME})\\s*$)[\\s\\S]*$`;
export const INVALID_BASE_URL_INPUT = `^(?!\\s*$)(?!\\s*[Hh][Tt][Tt][Pp][Ss]?://[^\\s/?#@]+(?:/[^\\s?#]*)?\\s*$)[\\s\\S]*$`;
export const INVALID_ENVIRONMENT_INPUT = `^(?!\\s*$)(?!\\s*/*[A-Za-z0-9][A-Za-z0-9_.-]*/*\\s*$)|^\\s*/*(?:[Aa][Dd][Mm][Ii][Nn]|[Aa][Pp][Ii]|[Aa][Pp][Pp]|[Aa][Uu][Tt][Hh][Ee][Nn][Tt][Ii][Cc][Aa][Tt][Ii][Oo][Nn])/*\\s*$`;

/** Notices that say what is wrong while the user types, for the fields the OAuth2 URLs are built from. */
export const sbLocationNotices: INodeProperties[] = [
	{
		displayName:
			'This Domain is not an AFAS SB address. Enter the name before .afasfocus.nl (test123), or paste a URL on that host (https://test123.afasfocus.nl/scope). Until then n8n cannot connect: nothing is sent to another host.',
		name: 'invalidDomainNotice',
		type: 'notice',
		default: '',
		displayOptions: {
			show: { server: ['afasFocus'], domain: [{ _cnd: { regex: INVALID_DOMAIN_INPUT } }] },
		},
	},
	{
		displayName:
			'This Base URL is not usable: enter an http(s) URL without user name or password, e.g. https://test123.afasfocus.nl. Until then n8n cannot connect.',
		name: 'invalidBaseUrlNotice',
		type: 'notice',
		default: '',
		displayOptions: {
			show: { server: ['custom'], baseUrl: [{ _cnd: { regex: INVALID_BASE_URL_INPUT } }] },
		},
	},
	{
		displayName:
			'This Customer Environment is not a name: enter the first path segment after the host (scope of https://test123.afasfocus.nl/scope). Until then n8n cannot connect.',
		name: 'invalidEnvironmentNotice',
		type: 'notice',
		default: '',
		displayOptions: {
			show: { customerEnvironment: [{ _cnd: { regex: INVALID_ENVIRONMENT_INPUT } }] },
		},
	},
];
