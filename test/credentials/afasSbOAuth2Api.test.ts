import type { ICredentialDataDecryptedObject, INode, INodeParameters, INodeTypes } from 'n8n-workflow';
import { NodeHelpers, Workflow } from 'n8n-workflow';

import { AfasSbOAuth2Api } from '../../credentials/AfasSbOAuth2Api.credentials';
import { sbBaseUrl } from '../../nodes/Afas/wire/sbConnection';

const type = new AfasSbOAuth2Api();

/** Resolves the hidden OAuth fields the way n8n's CredentialsHelper does: defaults first, then `$self`. */
function resolved(data: ICredentialDataDecryptedObject): ICredentialDataDecryptedObject {
	const withDefaults = NodeHelpers.getNodeParameters(
		type.properties,
		data as INodeParameters,
		true,
		false,
		null,
		null,
	) as ICredentialDataDecryptedObject;
	const node: INode = {
		id: 'mock',
		name: 'mock',
		type: 'mock',
		typeVersion: 1,
		position: [0, 0],
		parameters: {},
	};
	const workflow = new Workflow({
		nodes: [node],
		connections: {},
		active: false,
		nodeTypes: { getByNameAndVersion: () => undefined } as unknown as INodeTypes,
	});
	return workflow.expression.getComplexParameterValue(
		node,
		withDefaults as INodeParameters,
		'internal',
		{},
		undefined,
		undefined,
		withDefaults,
	) as ICredentialDataDecryptedObject;
}

describe('AFAS SB OAuth2 credential', () => {
	it('extends n8n\'s OAuth2 type with the PKCE grant and no scope', () => {
		expect(type.extends).toEqual(['oAuth2Api']);
		const data = resolved({ domain: 'test123', customerEnvironment: 'scope' });
		expect(data.grantType).toBe('pkce');
		expect(data.scope).toBe('');
		expect(data.authentication).toBe('body');
	});

	it.each([
		[{ domain: 'test123', customerEnvironment: 'scope' }],
		[{ domain: 'https://test123.afasfocus.nl/scope', customerEnvironment: '' }],
		[{ domain: 'https://Test123.afasfocus.nl/scope/a/9f1c2d3e-1111-2222-3333-444455556666/home', customerEnvironment: '' }],
		[{ domain: 'https://test123.afasfocus.nl/other', customerEnvironment: 'scope' }],
		[{ server: 'custom', baseUrl: 'http://127.0.0.1:4010/', customerEnvironment: 'scope' }],
	])('points the consent and token URLs at the same place as the node for %p', (data) => {
		const base = sbBaseUrl(data);
		const urls = resolved(data);
		expect(urls.authUrl).toBe(`${base}/app/auth`);
		expect(urls.accessTokenUrl).toBe(`${base}/app/token`);
	});
});
