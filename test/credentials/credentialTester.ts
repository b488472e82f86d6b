/**
 * n8n's credential tester, as the "Test" button and `POST /rest/credentials/test` run it: the credential's
 * `test.request` as a declarative (routing) request through n8n-core's real `RoutingNode`, with the
 * credential's `authenticate`/`preAuthentication`, then the verdict from the request's outcome and the
 * `rules`. The verdict logic mirrors `CredentialsTester.testCredentials` in the n8n CLI package, identical in
 * 1.123.81 and 2.41.1 (dist/services/credentials-tester.service.js); the CLI is not a dependency of this repo,
 * so it is restated here, including its `lodash/get` lookup.
 */
import { RoutingNode } from 'n8n-core';
import type { ExecuteContext } from 'n8n-core';
import type {
	ICredentialDataDecryptedObject,
	ICredentialTestRequest,
	ICredentialType,
	INodeExecutionData,
	INodeType,
} from 'n8n-workflow';

import { TestCredentialsHelper, runNode } from '../helpers/afas';

export interface TesterVerdict {
	status: 'OK' | 'Error';
	message: string;
	/** What the request threw, for leak checks (n8n logs it and reports it to its error reporter). */
	error?: unknown;
}

/** `lodash/get` for the dotted keys the rules use: a missing step gives undefined, a primitive its wrapper's. */
function get(value: unknown, path: string): unknown {
	return path.split('.').reduce<unknown>((current, key) => {
		if (current === null || current === undefined) return undefined;
		return (Object(current) as Record<string, unknown>)[key];
	}, value);
}

export async function runCredentialTester(
	type: ICredentialType,
	data: ICredentialDataDecryptedObject,
	credentialsHelper = new TestCredentialsHelper({ [type.name]: { ...data } }),
): Promise<TesterVerdict> {
	const test = type.test as ICredentialTestRequest;
	const nodeTypeCopy: INodeType = {
		description: {
			displayName: 'No Operation, do nothing',
			name: 'noOp',
			group: ['organization'],
			version: 1,
			description: '',
			defaults: { name: 'Temp-Node' },
			inputs: [],
			outputs: [],
			credentials: [{ name: type.name, required: true }],
			properties: [
				{
					displayName: 'Temp',
					name: 'temp',
					type: 'string',
					routing: { request: test.request },
					default: '',
				},
			],
		},
	};
	const outcome: { response?: INodeExecutionData[][]; error?: unknown } = {};
	const probe: INodeType = {
		description: nodeTypeCopy.description,
		async execute() {
			const decrypted = await this.getCredentials(type.name);
			const routingNode = new RoutingNode(this as unknown as ExecuteContext, nodeTypeCopy, {
				id: 'credential-under-test',
				name: type.name,
				type: type.name,
				data: decrypted,
			});
			try {
				outcome.response = (await routingNode.runNode()) as INodeExecutionData[][];
			} catch (error) {
				outcome.error = error;
			}
			return [[]];
		},
	};
	await runNode(probe, {
		parameters: { temp: '' },
		credentialsHelper,
		nodeTypeName: 'n8n-nodes-base.noOp',
	});

	const rules = (test.rules ?? []) as Array<{ type: string; properties: Record<string, unknown> }>;
	if (outcome.error !== undefined) {
		const error = outcome.error as {
			message?: unknown;
			cause?: { code?: unknown; response?: { status: number; statusText?: string } };
		};
		const response = error.cause?.response;
		if (response) {
			for (const rule of rules) {
				if (rule.type === 'responseCode' && response.status === rule.properties.value) {
					return { status: 'Error', message: String(rule.properties.message), error };
				}
			}
			if (response.status < 199 || response.status > 299) {
				return {
					status: 'Error',
					message: response.statusText || `Received HTTP status code: ${response.status}`,
					error,
				};
			}
		} else if (error.cause?.code) {
			return { status: 'Error', message: String(error.cause.code), error };
		}
		return { status: 'Error', message: String(error.message), error };
	}
	for (const rule of rules) {
		if (rule.type === 'responseSuccessBody') {
			const json = outcome.response![0][0].json as unknown;
			if (get(json, String(rule.properties.key)) === rule.properties.value) {
				return { status: 'Error', message: String(rule.properties.message) };
			}
		}
	}
	return { status: 'OK', message: 'Connection successful!' };
}
