/**
 * Runs our nodes and credentials through n8n-core's real execution contexts (the same `ExecuteContext`,
 * `LoadOptionsContext` and `httpRequestWithAuthentication` n8n uses), with an in-memory credential store in
 * place of n8n's database. The store follows n8n's CredentialsHelper rules: defaults from the credential's
 * properties, function or generic `authenticate`, and `preAuthentication` when the expirable field is empty,
 * after a 401, or while testing a credential, with the result persisted.
 */
import { Container } from '@n8n/di';
import {
	BinaryDataService,
	ExecuteContext,
	InstanceSettings,
	LoadOptionsContext,
	PollContext,
} from 'n8n-core';
import type {
	ICredentialDataDecryptedObject,
	IDataObject,
	ICredentialType,
	IExecuteData,
	IHttpRequestHelper,
	IHttpRequestOptions,
	INode,
	INodeCredentialsDetails,
	INodeExecutionData,
	INodeParameters,
	INodeType,
	INodeTypes,
	IRequestOptionsSimplified,
	IWorkflowExecuteAdditionalData,
	IVersionedNodeType,
} from 'n8n-workflow';
import {
	ICredentials,
	ICredentialsHelper,
	NodeHelpers,
	Workflow,
	createRunExecutionData,
	isExpression,
} from 'n8n-workflow';

type CredentialStore = Record<string, ICredentialDataDecryptedObject>;

/** The stand-ins n8n-core reads from its DI container; tests need no user folder or binary-data store. */
export function prepareContainer(): void {
	if (!Container.has(InstanceSettings)) {
		Container.set(InstanceSettings, {
			instanceId: 'test-instance',
			encryptionKey: 'test-key',
			n8nFolder: '',
			hostId: 'test-host',
		} as unknown as InstanceSettings);
	}
	if (!Container.has(BinaryDataService)) {
		// Without a manager n8n-core keeps binary data base64-encoded in the item (its in-memory mode).
		Container.set(
			BinaryDataService,
			Object.create(BinaryDataService.prototype, {
				mode: { value: 'default', writable: true },
				managers: { value: {}, writable: true },
			}) as BinaryDataService,
		);
	}
}

const CREDENTIAL_TYPES: Record<string, ICredentialType> = {};

/** Makes credential types known to the harness (`test/helpers/afas.ts` registers ours). */
export function registerCredentialTypes(...types: ICredentialType[]): void {
	for (const type of types) CREDENTIAL_TYPES[type.name] = type;
}

class StoredCredentials extends ICredentials {
	constructor(
		details: INodeCredentialsDetails,
		type: string,
		private readonly store: CredentialStore,
	) {
		super(details, type);
	}
	async getData(): Promise<ICredentialDataDecryptedObject> {
		return { ...this.store[this.type] };
	}
	getDataToSave() {
		return { id: this.id, name: this.name, type: this.type, data: '' };
	}
	async setData(data: ICredentialDataDecryptedObject): Promise<void> {
		this.store[this.type] = { ...data };
	}
	async updateData(toUpdate: ICredentialDataDecryptedObject): Promise<void> {
		this.store[this.type] = { ...this.store[this.type], ...toUpdate };
	}
}

export class TestCredentialsHelper extends ICredentialsHelper {
	/** Every call of a credential's preAuthentication, in order (type names). */
	readonly preAuthenticationCalls: string[] = [];

	constructor(readonly store: CredentialStore) {
		super();
	}

	private type(name: string): ICredentialType {
		const type = CREDENTIAL_TYPES[name];
		if (!type) throw new Error(`Unknown credential type ${name}`);
		return type;
	}

	getParentTypes(name: string): string[] {
		return CREDENTIAL_TYPES[name]?.extends ?? [];
	}

	isCredentialUsableByNode(): boolean {
		return true;
	}

	async authenticate(
		credentials: ICredentialDataDecryptedObject,
		typeName: string,
		requestOptions: IHttpRequestOptions | IRequestOptionsSimplified,
		workflow?: Workflow,
		node?: INode,
	): Promise<IHttpRequestOptions> {
		const { authenticate } = this.type(typeName);
		if (typeof authenticate === 'function') {
			return await authenticate(credentials, requestOptions as IHttpRequestOptions);
		}
		if (authenticate?.type === 'generic' && workflow && node) {
			const options = requestOptions as unknown as Record<string, Record<string, string>>;
			for (const [outerKey, entries] of Object.entries(authenticate.properties)) {
				options[outerKey] = options[outerKey] ?? {};
				for (const [key, value] of Object.entries(entries as Record<string, string>)) {
					options[outerKey][key] = isExpression(value)
						? String(
								workflow.expression.getSimpleParameterValue(
									node,
									value,
									'internal',
									{ $credentials: credentials },
									undefined,
									'',
								) ?? '',
							)
						: value;
				}
			}
		}
		return requestOptions as IHttpRequestOptions;
	}

	async preAuthentication(
		helpers: IHttpRequestHelper,
		credentials: ICredentialDataDecryptedObject,
		typeName: string,
		node: INode,
		credentialsExpired: boolean,
	): Promise<ICredentialDataDecryptedObject | undefined> {
		const type = this.type(typeName);
		const expirable = type.properties.find(
			(property) => property.type === 'hidden' && property.typeOptions?.expirable === true,
		);
		if (!expirable || typeof type.preAuthentication !== 'function') return undefined;
		const testing = node?.parameters?.temp === '' && node?.type === 'n8n-nodes-base.noOp';
		if (credentials[expirable.name] !== '' && !credentialsExpired && !testing) return undefined;
		this.preAuthenticationCalls.push(typeName);
		const output = (await type.preAuthentication.call(
			helpers,
			credentials,
		)) as ICredentialDataDecryptedObject;
		if (output[expirable.name] === undefined) return undefined;
		this.store[typeName] = { ...this.store[typeName], ...output };
		return Object.assign(credentials, output);
	}

	async runPreAuthentication(
		helpers: IHttpRequestHelper,
		credentials: ICredentialDataDecryptedObject,
		typeName: string,
	): Promise<ICredentialDataDecryptedObject | undefined> {
		const type = this.type(typeName);
		if (typeof type.preAuthentication !== 'function') return undefined;
		return ((await type.preAuthentication.call(helpers, credentials)) ?? undefined) as
			| ICredentialDataDecryptedObject
			| undefined;
	}

	async getCredentials(details: INodeCredentialsDetails, type: string): Promise<ICredentials> {
		return new StoredCredentials(details, type, this.store);
	}

	async getDecrypted(
		_additionalData: IWorkflowExecuteAdditionalData,
		_details: INodeCredentialsDetails,
		type: string,
	): Promise<ICredentialDataDecryptedObject> {
		const stored = this.store[type];
		if (!stored) throw new Error(`No test credentials of type ${type}`);
		const defaults = NodeHelpers.getNodeParameters(
			this.getCredentialsProperties(type),
			stored as INodeParameters,
			true,
			false,
			null,
			null,
		) as ICredentialDataDecryptedObject;
		return { ...defaults, ...stored };
	}

	async updateCredentials(
		_details: INodeCredentialsDetails,
		type: string,
		data: ICredentialDataDecryptedObject,
	): Promise<void> {
		this.store[type] = { ...data };
	}

	async updateCredentialsOauthTokenData(
		_details: INodeCredentialsDetails,
		type: string,
		data: ICredentialDataDecryptedObject,
	): Promise<void> {
		this.store[type] = { ...this.store[type], ...data };
	}

	getCredentialsProperties(type: string) {
		return this.type(type).properties;
	}
}

function nodeTypesFor(nodeType: INodeType, typeName: string): INodeTypes {
	return {
		getByName: () => nodeType,
		getByNameAndVersion: () => nodeType,
		getKnownTypes: () => ({ [typeName]: { className: 'Test', sourcePath: '' } }),
	} as unknown as INodeTypes;
}

export interface NodeRunOptions {
	parameters: INodeParameters;
	/** Credential data per credential type name, as a user would save it. */
	credentials?: CredentialStore;
	/** Reuse a credentials helper across runs (to observe persisted tokens). */
	credentialsHelper?: TestCredentialsHelper;
	items?: INodeExecutionData[];
	continueOnFail?: boolean;
	nodeTypeName?: string;
}

interface Prepared {
	workflow: Workflow;
	node: INode;
	additionalData: IWorkflowExecuteAdditionalData;
	credentialsHelper: TestCredentialsHelper;
}

/** What n8n hands an execution besides the workflow: URLs, ids and the credentials helper. */
export function additionalDataFor(
	credentialsHelper: TestCredentialsHelper,
): IWorkflowExecuteAdditionalData {
	return {
		credentialsHelper,
		executionId: 'test-execution',
		restApiUrl: 'http://localhost:5678/rest',
		instanceBaseUrl: 'http://localhost:5678/',
		webhookBaseUrl: 'http://localhost:5678/webhook',
		webhookWaitingBaseUrl: 'http://localhost:5678/webhook-waiting',
		webhookTestBaseUrl: 'http://localhost:5678/webhook-test',
		formWaitingBaseUrl: 'http://localhost:5678/form-waiting',
		variables: {},
		hooks: undefined,
		currentNodeParameters: undefined,
		executionTimeoutTimestamp: undefined,
		userId: 'test-user',
	} as unknown as IWorkflowExecuteAdditionalData;
}

function prepare(nodeType: INodeType | IVersionedNodeType, options: NodeRunOptions): Prepared {
	prepareContainer();
	const type = nodeType as INodeType;
	const typeName = options.nodeTypeName ?? `n8n-nodes-afas.${type.description.name}`;
	const credentialsHelper =
		options.credentialsHelper ?? new TestCredentialsHelper({ ...(options.credentials ?? {}) });
	const credentials = Object.fromEntries(
		Object.keys(credentialsHelper.store).map((name) => [name, { id: `${name}-id`, name }]),
	);
	const node: INode = {
		id: 'node-under-test',
		name: 'AFAS',
		type: typeName,
		typeVersion: Array.isArray(type.description.version)
			? Math.max(...type.description.version)
			: type.description.version,
		position: [0, 0],
		parameters: options.parameters,
		credentials,
		onError: options.continueOnFail ? 'continueRegularOutput' : 'stopWorkflow',
	};
	const workflow = new Workflow({
		id: 'test-workflow',
		nodes: [node],
		connections: {},
		active: false,
		nodeTypes: nodeTypesFor(type, typeName),
	});
	const additionalData = additionalDataFor(credentialsHelper);
	return {
		workflow,
		node: workflow.getNode(node.name) as INode,
		additionalData,
		credentialsHelper,
	};
}

export interface NodeRunResult {
	output: INodeExecutionData[][];
	credentialsHelper: TestCredentialsHelper;
}

/** Executes the node's `execute()` once over `items` (default: one empty item), as n8n's engine would. */
export async function runNode(
	nodeType: INodeType | IVersionedNodeType,
	options: NodeRunOptions,
): Promise<NodeRunResult> {
	const { workflow, node, additionalData, credentialsHelper } = prepare(nodeType, options);
	const items = options.items ?? [{ json: {} }];
	const inputData = { main: [items] };
	const executeData: IExecuteData = { node, data: inputData, source: { main: [null] } };
	const context = new ExecuteContext(
		workflow,
		node,
		additionalData,
		'manual',
		createRunExecutionData(),
		0,
		items,
		inputData,
		executeData,
		[],
	);
	const execute = (nodeType as INodeType).execute;
	if (!execute) throw new Error('Node has no execute()');
	const output = (await execute.call(context)) as INodeExecutionData[][];
	return { output, credentialsHelper };
}

/** A LoadOptionsContext for calling `methods.listSearch|loadOptions|resourceMapping` directly. */
export function loadOptionsContext(
	nodeType: INodeType | IVersionedNodeType,
	options: NodeRunOptions,
	path = 'parameters',
): LoadOptionsContext {
	const { workflow, node, additionalData } = prepare(nodeType, options);
	return new LoadOptionsContext(
		workflow,
		node,
		{ ...additionalData, currentNodeParameters: options.parameters },
		path,
	);
}

/** The credentials' own test request, run the way n8n's credential tester runs it (noOp node, temp: ''). */
export async function testCredential(
	typeName: string,
	data: ICredentialDataDecryptedObject,
	credentialsHelper = new TestCredentialsHelper({ [typeName]: { ...data } }),
): Promise<{ response: unknown; credentialsHelper: TestCredentialsHelper }> {
	const test = CREDENTIAL_TYPES[typeName]?.test;
	if (!test) throw new Error(`${typeName} has no test request`);
	const probe: INodeType = {
		description: {
			displayName: 'Credential test',
			name: 'noOp',
			group: ['transform'],
			version: 1,
			description: '',
			defaults: { name: 'Credential test' },
			inputs: [],
			outputs: [],
			credentials: [{ name: typeName, required: true }],
			properties: [],
		},
	};
	const { workflow, node, additionalData } = prepare(probe, {
		parameters: { temp: '' },
		credentialsHelper,
		nodeTypeName: 'n8n-nodes-base.noOp',
	});
	const credentials = await credentialsHelper.getDecrypted(
		additionalData,
		{ id: null, name: '' },
		typeName,
	);
	const resolve = (value: unknown) =>
		typeof value === 'string' && isExpression(value)
			? workflow.expression.getSimpleParameterValue(
					node,
					value,
					'internal',
					{ $credentials: credentials },
					undefined,
					'',
				)
			: value;
	const request = test.request;
	const options: IHttpRequestOptions = {
		method: request.method ?? 'GET',
		url: `${String(resolve(request.baseURL) ?? '')}${String(resolve(request.url) ?? '')}`,
		headers: Object.fromEntries(
			Object.entries(request.headers ?? {}).map(([key, value]) => [key, resolve(value)]),
		) as IHttpRequestOptions['headers'],
		qs: request.qs,
		json: true,
	};
	const items = [{ json: {} }];
	const inputData = { main: [items] };
	const context = new ExecuteContext(
		workflow,
		node,
		additionalData,
		'internal',
		createRunExecutionData(),
		0,
		items,
		inputData,
		{ node, data: inputData, source: { main: [null] } },
		[],
	);
	const response: unknown = await context.helpers.httpRequestWithAuthentication.call(
		context,
		typeName,
		options,
	);
	return { response, credentialsHelper };
}

/**
 * Sends one request through `httpRequestWithAuthentication` with the given credential, from a plain node
 * context: the path every AFAS call of the node takes.
 */
export async function requestWithCredential(
	typeName: string,
	requestOptions: IHttpRequestOptions,
	credentialsHelper: TestCredentialsHelper,
): Promise<unknown> {
	const probe: INodeType = {
		description: {
			displayName: 'Probe',
			name: 'probe',
			group: ['transform'],
			version: 1,
			description: '',
			defaults: { name: 'Probe' },
			inputs: [],
			outputs: [],
			credentials: [{ name: typeName, required: true }],
			properties: [],
		},
		async execute() {
			const response: unknown = await this.helpers.httpRequestWithAuthentication.call(
				this,
				typeName,
				requestOptions,
			);
			return [[{ json: { response } as never }]];
		},
	};
	const { output } = await runNode(probe, { parameters: {}, credentialsHelper });
	return (output[0][0].json as { response: unknown }).response;
}

export interface Poller {
	/** One poll as n8n runs it: 'trigger' on schedule, 'manual' for the editor's Fetch Test Event. */
	poll(mode?: 'trigger' | 'manual'): Promise<INodeExecutionData[][] | null>;
	/** The node's static data as n8n would persist it between polls. */
	staticData(): IDataObject;
	setParameters(parameters: INodeParameters): void;
}

/**
 * A polling trigger with one workflow kept across polls, so its static data carries over exactly as in an active
 * n8n workflow (n8n saves it after each poll).
 */
export function poller(nodeType: INodeType, options: NodeRunOptions): Poller {
	const { workflow, node, additionalData } = prepare(nodeType, options);
	return {
		async poll(mode = 'trigger') {
			const context = new PollContext(workflow, node, additionalData, mode, 'activate');
			const poll = nodeType.poll;
			if (!poll) throw new Error('Node has no poll()');
			return await poll.call(context);
		},
		staticData: () => workflow.getStaticData('node', node),
		setParameters(parameters) {
			node.parameters = parameters;
		},
	};
}
