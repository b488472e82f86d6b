import type {
	ICredentialTestFunctions,
	ICredentialsDecrypted,
	IDataObject,
	IHookFunctions,
	INodeCredentialTestResult,
	INodeType,
	INodeTypeDescription,
	IWebhookFunctions,
	IWebhookResponseData,
} from 'n8n-workflow';
import { NodeConnectionTypes, NodeOperationError } from 'n8n-workflow';

import { createProfitClient } from './api/profit';
import { searchGetConnectors } from './methods/listSearch';
import { parameters } from './parameters';
import type { DossierRead } from './triggers/profitWebhook';
import {
	dossierConnectorProperty,
	dossierItemFieldProperty,
	eventsProperty,
	fetchDossierItemProperty,
	itemOf,
	rawBodyOf,
	readProperties,
	respond,
	withDossierItem,
} from './triggers/profitWebhook';
import {
	concernsDossierItem,
	parseProfitEvent,
	PROFIT_SIGNATURE_HEADER,
	selectedEventTypes,
	verifyProfitSignature,
} from './wire/profit/webhook';

export class AfasProfitWebhookTrigger implements INodeType {
	description: INodeTypeDescription = {
		displayName: 'AFAS Profit Webhook Trigger',
		name: 'afasProfitWebhookTrigger',
		icon: { light: 'file:../../icons/afas.svg', dark: 'file:../../icons/afas.dark.svg' },
		group: ['trigger'],
		version: 1,
		subtitle: '={{ ($parameter["events"] || []).length + " event types" }}',
		description:
			'Starts the workflow when AFAS Profit 8+ sends a signed webhook event about a dossier item, a reaction or a workflow',
		defaults: { name: 'AFAS Profit Webhook Trigger' },
		inputs: [],
		outputs: [NodeConnectionTypes.Main],
		credentials: [
			{ name: 'afasProfitWebhookApi', required: true, testedBy: 'afasProfitWebhookPassword' },
			{
				name: 'afasProfitApi',
				required: true,
				displayOptions: { show: { fetchDossierItem: [true] } },
			},
		],
		webhooks: [
			{ name: 'default', httpMethod: 'POST', responseMode: 'onReceived', path: 'afas-profit' },
		],
		properties: [
			{
				displayName:
					'In AFAS Profit, add a webhook to the app connector with the Production URL above (Webhook URLs) and the password of the AFAS Profit Webhook credential, and subscribe it to the events. Profit signs each event with that password; events without a valid signature are refused with 401.',
				name: 'setupNotice',
				type: 'notice',
				default: '',
			},
			eventsProperty,
			fetchDossierItemProperty,
			dossierConnectorProperty,
			dossierItemFieldProperty,
		],
	};

	methods = {
		listSearch: { searchGetConnectors },
		credentialTest: {
			async afasProfitWebhookPassword(
				this: ICredentialTestFunctions,
				credential: ICredentialsDecrypted,
			): Promise<INodeCredentialTestResult> {
				const password = (credential.data as IDataObject | undefined)?.password;
				if (typeof password !== 'string' || password === '')
					return { status: 'Error', message: 'Enter the password of the webhook in AFAS Profit' };
				// The password is never sent anywhere, so only a signed event from Profit can prove it right.
				return {
					status: 'OK',
					message: 'Saved. Only a signed event can prove it: use Test on the webhook in Profit',
				};
			},
		},
	};

	/*
	 * Profit has no API to register webhooks: the AFAS administrator adds URL and password to the app connector.
	 * There is nothing to create or delete, so the endpoint "exists" as soon as n8n listens on it.
	 */
	webhookMethods = {
		default: {
			async checkExists(this: IHookFunctions): Promise<boolean> {
				return true;
			},
			async create(this: IHookFunctions): Promise<boolean> {
				return true;
			},
			async delete(this: IHookFunctions): Promise<boolean> {
				return true;
			},
		},
	};

	/*
	 * Order matters: nothing unauthenticated reaches parameter checks or AFAS (401, no execution), then a body that
	 * is no Profit event gets 400, an unselected type 200 (Profit retries anything else). Configuration errors
	 * throw before the answer, so n8n answers 500 and Profit sends the event again once the node is fixed. The 200
	 * is written before the dossier item is read: Profit gives up after 2 s and would send the event twice.
	 */
	async webhook(this: IWebhookFunctions): Promise<IWebhookResponseData> {
		const body = rawBodyOf(this);
		const { password } = await this.getCredentials<{ password?: string }>('afasProfitWebhookApi');
		const signature = await verifyProfitSignature(
			body,
			this.getHeaderData()[PROFIT_SIGNATURE_HEADER],
			typeof password === 'string' ? password : '',
		);
		if (!signature.ok) {
			this.logger.warn(`AFAS Profit webhook refused (401): signature ${signature.reason}`, {
				node: this.getNode().name,
			});
			return respond(this, 401, {
				message: 'Missing or invalid X-Profit-Signature-256',
			});
		}

		const parsed = parseProfitEvent(body);
		if (!parsed.ok)
			return respond(this, 400, { message: `Not an AFAS Profit event: ${parsed.problem}` });
		const { event } = parsed;

		const p = parameters(this, 0, readProperties);
		const selected = selectedEventTypes(p.raw('events'));
		if (!selected.ok)
			throw new NodeOperationError(this.getNode(), 'Events must be a list of event types', {
				description: 'Pick the events in the list, or give an expression that returns their names.',
			});
		if (!selected.types.has(event.EventType))
			return respond(this, 200, { received: true, ignored: true });

		let read: DossierRead | undefined;
		if (p.boolean('fetchDossierItem') && concernsDossierItem(event.EventType)) {
			const connectorId = p.locator('connector');
			const field = p.string('dossierItemField', { required: true, trim: true });
			read = { client: await createProfitClient(this), connectorId, field };
		}

		respond(this, 200, { received: true });
		const item = read ? await withDossierItem(event, read) : itemOf(event);
		return { noWebhookResponse: true, workflowData: [this.helpers.returnJsonArray([item])] };
	}
}
