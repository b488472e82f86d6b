import { inputError } from '../../../helpers/errors';
import { parseSbUrl, sbBaseUrl, sbLocation } from '../../../../nodes/Afas/wire/sb/connection';

describe('SB location', () => {
	it('builds the URL from domain and customer environment', () => {
		expect(
			sbBaseUrl({ server: 'afasFocus', domain: 'test123', customerEnvironment: 'scope' }),
		).toBe('https://test123.afasfocus.nl/scope');
	});

	it.each([
		['https://test123.afasfocus.nl/scope', 'test123', 'scope'],
		['https://test123.afasfocus.nl/scope/', 'test123', 'scope'],
		['test123.afasfocus.nl/scope/api/administrations', 'test123', 'scope'],
		// An SB browser URL (afas-sb-api.md §2.1): the first path segment is the customer environment.
		[
			'https://administratiekantoorbeers.afasfocus.nl/onderneming/a/9f1c2d3e-1111-2222-3333-444455556666/home',
			'administratiekantoorbeers',
			'onderneming',
		],
		// The App Center's afasBaseUrl.
		['https://app-center-demo.afasfocus.nl/enyoi', 'app-center-demo', 'enyoi'],
	])('derives both parts from a pasted %s', (pasted, domain, environment) => {
		expect(parseSbUrl(pasted)).toEqual({ domain, environment });
		expect(sbLocation({ domain: pasted, customerEnvironment: '' })).toEqual({
			origin: `https://${domain}.afasfocus.nl`,
			environment,
		});
	});

	it('lets a typed customer environment win over a pasted one', () => {
		expect(
			sbBaseUrl({ domain: 'https://test123.afasfocus.nl/scope', customerEnvironment: 'other' }),
		).toBe('https://test123.afasfocus.nl/other');
	});

	it('does not take the Admin Center or an API path for a customer environment', () => {
		expect(parseSbUrl('https://beers.afasfocus.nl/admin/authentication/getscopes')).toEqual({
			domain: 'beers',
			environment: undefined,
		});
		const error = inputError(() =>
			sbLocation({ domain: 'https://beers.afasfocus.nl/admin', customerEnvironment: '' }),
		);
		expect(error.field).toBe('Customer Environment');
		expect(error.hint).toContain('scope');
	});

	it('uses a custom base URL for proxies and the simulator', () => {
		expect(
			sbBaseUrl({
				server: 'custom',
				baseUrl: 'http://127.0.0.1:4010/',
				customerEnvironment: 'scope',
			}),
		).toBe('http://127.0.0.1:4010/scope');
	});

	it.each([
		[{ domain: '', customerEnvironment: 'scope' }, 'Domain', 'Domain is empty'],
		[
			{ domain: 'test 123', customerEnvironment: 'scope' },
			'Domain',
			'Domain "test 123" is not an AFAS SB domain',
		],
		[
			{ domain: 'https://example.com/scope', customerEnvironment: 'scope' },
			'Domain',
			'Domain "https://example.com/scope" is not an AFAS SB domain',
		],
		[
			{ domain: 'test123', customerEnvironment: '' },
			'Customer Environment',
			'Customer Environment is empty',
		],
		[
			{ domain: 'test123', customerEnvironment: 'a/b' },
			'Customer Environment',
			'Customer Environment "a/b" is not a customer environment name',
		],
		[
			{ server: 'custom', baseUrl: 'localhost:4010', customerEnvironment: 'scope' },
			'Base URL',
			'Base URL "localhost:4010" is not an http(s) URL',
		],
	])('rejects %p naming %s', (credentials, field, message) => {
		const error = inputError(() => sbBaseUrl(credentials));
		expect(error.field).toBe(field);
		expect(error.message).toBe(message);
		expect(error.hint).toBeTruthy();
	});
});

describe('SB Domain must be a name on afasfocus.nl', () => {
	it.each([
		'evil.example/',
		'evil.example',
		'test123.afasfocus.nl.evil.example',
		'test123.afasfocus.nl@evil.example',
		'https://test123.afasfocus.nlx/scope',
		'https://evil.example/test123.afasfocus.nl',
		'https://-x.afasfocus.nl/scope',
	])('rejects %s naming the Domain field', (domain) => {
		const error = inputError(() => sbLocation({ domain, customerEnvironment: 'scope' }));
		expect(error.field).toBe('Domain');
		expect(error.message).toContain('is not an AFAS SB domain');
		expect(error.hint).toContain('test123');
	});

	it('does not echo a password pasted with the URL', () => {
		const error = inputError(() =>
			sbLocation({
				domain: 'https://proxyuser:Pw-77@test123.afasfocus.nl/scope',
				customerEnvironment: '',
			}),
		);
		expect(error.field).toBe('Domain');
		expect(error.message).toBe(
			'Domain "https://***@test123.afasfocus.nl/scope" is not an AFAS SB domain',
		);
	});

	it.each([
		['https://test123.afasfocus.nl:8443/scope?x=1', 'https://test123.afasfocus.nl/scope'],
		['https://test123.afasfocus.nl#top', 'https://test123.afasfocus.nl/other'],
		['https://test123.afasfocus.nl/?tab=1', 'https://test123.afasfocus.nl/other'],
	])('still reads %s', (domain, url) => {
		expect(
			sbBaseUrl({ domain, customerEnvironment: domain.includes('/scope') ? '' : 'other' }),
		).toBe(url);
	});

	it.each([
		['javascript:alert(1)', 'is not an http(s) URL'],
		['file:///etc/passwd', 'is not an http(s) URL'],
		['https://proxyuser:Pw-77@proxy.example', 'contains a user name or password'],
	])('rejects the custom Base URL %s', (baseUrl, message) => {
		const error = inputError(() =>
			sbLocation({ server: 'custom', baseUrl, customerEnvironment: 'scope' }),
		);
		expect(error.field).toBe('Base URL');
		expect(error.message).toContain(message);
		expect(error.message).not.toContain('Pw-77');
	});
});
