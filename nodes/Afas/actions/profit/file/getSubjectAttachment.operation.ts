import type { IExecuteFunctions, INodeExecutionData, INodeProperties } from 'n8n-workflow';
import { updateDisplayOptions } from 'n8n-workflow';

import { parameters } from '../../../parameters';
import type { ProfitClient } from '../../../api/profit';
import { subjectAttachmentRequest } from '../../../api/profit';
import { binaryPropertyProperty } from '../../common.descriptions';
import { downloadFile } from './binary';

const properties: INodeProperties[] = [
	{
		displayName: 'Subject ID',
		name: 'subjectId',
		type: 'string',
		default: '',
		required: true,
		placeholder: 'e.g. 49946',
		description: 'The dossier item number (SbId, or subject_id in Profit_Subject_Attachments)',
	},
	{
		displayName: 'File ID',
		name: 'fileId',
		type: 'string',
		default: '',
		required: true,
		placeholder: 'e.g. 5C055C034516ED67972E0A852E03C5B9',
		description: 'The attachment GUID (file_id in Profit_Subject_Attachments)',
	},
	binaryPropertyProperty,
];

export const description = updateDisplayOptions(
	{ show: { product: ['profit'], resource: ['file'], operation: ['getSubjectAttachment'] } },
	properties,
);

export async function execute(
	this: IExecuteFunctions,
	itemIndex: number,
	client: ProfitClient,
): Promise<INodeExecutionData[]> {
	const p = parameters(this, itemIndex, properties);
	const subjectId = p.string('subjectId', { required: true, trim: true });
	const fileId = p.string('fileId', { required: true, trim: true });
	return await downloadFile.call(
		this,
		itemIndex,
		client,
		subjectAttachmentRequest(subjectId, fileId),
		`attachment-${subjectId}`,
	);
}
