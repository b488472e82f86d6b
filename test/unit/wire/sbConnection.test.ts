import { inputError } from '../../helpers/errors';
import { parseSbUrl, sbBaseUrl, sbLocation } from '../../../nodes/Afas/wire/sbConnection';


describe('SB location', () => {
	it('builds the URL from domain and customer environment', () => {
		expect(sbBaseUrl({ server: 'afasFocus', domain: 'test123', customerEnvironment: 'scope' })).toBe(
			'https://test123.afasfocus.nl/scope',
		);
	});

	it.each([
		['https://test123.afasfocus.nl/scope', 'test123', 'scope'],
		['https://test123.afasfocus.nl/scope/', 'test123', 'scope'],
		['test123.afasfocus.nl/scope/api/administrations', 'test123', 'scope'],
		// An SB browser URL (afas-sb-api.md §2.1): the first path segment is the customer environment.
		['https://administratiekantoorbeers.afasfocus.nl/onderneming/a/9f1c2d3e-1111-2222-3333-444455556666/home', 'administratiekantoorbeers', 'onderneming'],
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
		expect(sbBaseUrl({ domain: 'https://test123.afasfocus.nl/scope', customerEnvironment: 'other' })).toBe(
			'https://test123.afasfocus.nl/other',
		);
	});

	it('does not take the Admin Center or an API path for a customer environment', () => {
		expect(parseSbUrl('https://beers.afasfocus.nl/admin/authentication/getscopes')).toEqual({
			domain: 'beers',
			environment: undefined,
		});
		const error = inputError(() => sbLocation({ domain: 'https://beers.afasfocus.nl/admin', customerEnvironment: '' }));
		expect(error.field).toBe('Customer Environment');
		expect(error.hint).toContain('scope');
	});

	it('uses a custom base URL for proxies and the simulator', () => {
		expect(sbBaseUrl({ server: 'custom', baseUrl: 'http://127.0.0.1:4010/', customerEnvironment: 'scope' })).toBe(
			'http://127.0.0.1:4010/scope',
		);
	});

	it.each([
		[{ domain: '', customerEnvironment: 'scope' }, 'Domain', 'Domain is empty'],
		[{ domain: 'test 123', customerEnvironment: 'scope' }, 'Domain', 'Domain "test 123" is not an AFAS SB domain'],
		[{ domain: 'https://example.com/scope', customerEnvironment: 'scope' }, 'Domain', 'Domain "https://example.com/scope" is not an AFAS SB domain'],
		[{ domain: 'test123', customerEnvironment: '' }, 'Customer Environment', 'Customer Environment is empty'],
		[{ domain: 'test123', customerEnvironment: 'a/b' }, 'Customer Environment', 'Customer Environment "a/b" is not a customer environment name'],
		[{ server: 'custom', baseUrl: 'localhost:4010', customerEnvironment: 'scope' }, 'Base URL', 'Base URL "localhost:4010" is not an http(s) URL'],
	])('rejects %p naming %s', (credentials, field, message) => {
		const error = inputError(() => sbBaseUrl(credentials));
		expect(error.field).toBe(field);
		expect(error.message).toBe(message);
		expect(error.hint).toBeTruthy();
	});
});
