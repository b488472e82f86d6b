import type { INodeProperties } from 'n8n-workflow';

import * as getFile from './getFile.operation';
import * as getImage from './getImage.operation';
import * as getReport from './getReport.operation';
import * as getSubjectAttachment from './getSubjectAttachment.operation';

export { getFile, getImage, getReport, getSubjectAttachment };

export const description: INodeProperties[] = [
	{
		displayName: 'Operation',
		name: 'operation',
		type: 'options',
		noDataExpression: true,
		displayOptions: { show: { product: ['profit'], resource: ['file'] } },
		options: [
			{
				name: 'Get File',
				value: 'getFile',
				description: 'Download a file by its ID and original name (FileConnector)',
				action: 'Get a file',
			},
			{
				name: 'Get Image',
				value: 'getImage',
				description: 'Download an image (ImageConnector)',
				action: 'Get an image',
			},
			{
				name: 'Get Report',
				value: 'getReport',
				description: 'Run a report and download it (ReportConnector)',
				action: 'Get a report',
			},
			{
				name: 'Get Subject Attachment',
				value: 'getSubjectAttachment',
				description: 'Download an attachment of a dossier item (SubjectConnector)',
				action: 'Get a subject attachment',
			},
		],
		default: 'getFile',
	},
	...getFile.description,
	...getSubjectAttachment.description,
	...getImage.description,
	...getReport.description,
];
