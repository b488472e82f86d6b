import type { IDataObject, IExecuteFunctions, INodeExecutionData } from 'n8n-workflow';
import { updateDisplayOptions } from 'n8n-workflow';

import { parameters } from '../../../parameters';
import type { ProfitClient } from '../../../api/profit';
import { getConnectorMetainfo } from '../../../api/profit';
import { getConnectorLocator } from '../../common.descriptions';
import { allowedValues } from './describe';

export const description = updateDisplayOptions(
	{ show: { product: ['profit'], resource: ['metainfo'], operation: ['describeGetConnector'] } },
	[getConnectorLocator],
);

/** One item: the connector and its fields; `id` is what filters, sorting and the rows use. */
export async function execute(
	this: IExecuteFunctions,
	itemIndex: number,
	client: ProfitClient,
): Promise<INodeExecutionData[]> {
	const connectorId = parameters(this, itemIndex, [getConnectorLocator]).locator('connector', {
		emptyHint: 'Choose a GetConnector from the list, or enter its ID (e.g. Profit_Debtors).',
	});
	const metainfo = await getConnectorMetainfo(client, connectorId, itemIndex);
	const fields: IDataObject[] = (metainfo.fields ?? []).map((field) => {
		const described: IDataObject = {
			id: field.id,
			label: field.label ?? '',
			dataType: field.dataType ?? '',
			fieldId: field.fieldId ?? '',
		};
		if (field.length !== undefined) described.length = field.length;
		if (field.decimals) described.decimals = field.decimals;
		if (field.controlType !== undefined) described.controlType = field.controlType;
		const values = allowedValues(field.values);
		if (values) described.allowedValues = values;
		return described;
	});
	return [
		{
			json: {
				id: metainfo.name ?? connectorId,
				description: metainfo.description ?? '',
				fieldCount: fields.length,
				fields,
			},
		},
	];
}
