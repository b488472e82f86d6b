import type { ICredentialType, INodeProperties, Icon } from 'n8n-workflow';

/**
 * The password of a Profit webhook (set on the app connector's webhook in Profit). It is a shared secret for
 * verifying the `X-Profit-Signature-256` of incoming events, so n8n never sends it anywhere: there is nothing to
 * authenticate and no request to test it with. The trigger node checks it locally (testedBy).
 */
export class AfasProfitWebhookApi implements ICredentialType {
	name = 'afasProfitWebhookApi';

	displayName = 'AFAS Profit Webhook API';

	icon: Icon = { light: 'file:../icons/afas.svg', dark: 'file:../icons/afas.dark.svg' };

	documentationUrl = 'https://github.com/n8n-nodes-afas/n8n-nodes-afas#credentials';

	properties: INodeProperties[] = [
		{
			displayName: 'Webhook Password',
			name: 'password',
			type: 'string',
			typeOptions: { password: true },
			default: '',
			required: true,
			description:
				'The password entered for this webhook on the app connector in AFAS Profit; Profit signs every event with it',
		},
	];
}
