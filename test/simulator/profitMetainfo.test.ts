import { startSimulator, type Simulator } from '../simulator';
import { call } from './profitTestClient';

interface ConnectorList {
	updateConnectors: Array<{ id: string; description: string }>;
	getConnectors: Array<{ id: string; description: string }>;
	info: { envid: string; appName: string; group: string; tokenExpiry: string };
}
interface GetMeta {
	name: string;
	description: string;
	fields: Array<{
		id: string;
		fieldId: string;
		dataType: string;
		label: string;
		length: number;
		controlType: number;
		decimals: number;
		decimalsFieldId: string;
		values?: Array<{ id: string; description: string }>;
	}>;
}
interface UpdateField {
	fieldId: string;
	primaryKey: boolean;
	dataType: string;
	label: string;
	mandatory: boolean;
	length: number;
	decimals: number;
	decimalFieldId: string;
	notzero: boolean;
	controlType: number;
	values: Array<{ id: string; description: string }> | null;
}
interface UpdateObject {
	name: string;
	fields: UpdateField[];
	objects: UpdateObject[];
}
interface UpdateMeta extends UpdateObject {
	id: string;
	description: string;
}

describe('Profit simulator: metainfo', () => {
	let sim: Simulator;
	beforeAll(async () => {
		sim = await startSimulator({ port: 0 });
	});
	afterAll(async () => sim.close());

	it('lists only the connectors linked to the app connector, plus the info block', async () => {
		const res = await call<ConnectorList>(sim, '/metainfo');
		expect(res.status).toBe(200);
		const getIds = res.json.getConnectors.map((c) => c.id);
		expect(getIds).toEqual(
			expect.arrayContaining([
				'Profit_Debtor',
				'Profit_Persons',
				'Profit_Employees',
				'Profit_Demo',
				'Profit_Transactions',
			]),
		);
		expect(getIds).not.toContain('Profit_Salaries');
		const updateIds = res.json.updateConnectors.map((c) => c.id);
		expect(updateIds).toEqual(
			expect.arrayContaining([
				'KnPerson',
				'KnOrganisation',
				'KnSubject',
				'FbSales',
				'FiEntries',
				'KnEmployee',
			]),
		);
		expect(updateIds).not.toContain('KnUser');
		expect(res.json.info).toEqual({
			envid: 'O12345AA',
			appName: 'n8n integration',
			group: expect.any(String),
			tokenExpiry: '0',
		});
	});

	it('describes a GetConnector with ids, labels, types, control types and code tables', async () => {
		const res = await call<GetMeta>(sim, '/metainfo/get/Profit_Persons');
		expect(res.status).toBe(200);
		expect(res.json.name).toBe('Profit_Persons');
		const byId = Object.fromEntries(res.json.fields.map((f) => [f.id, f]));
		expect(byId.BcId).toMatchObject({ dataType: 'int', label: 'Organisatie/persoon (intern)' });
		expect(byId.BirthDate).toMatchObject({ dataType: 'date', controlType: 4 });
		expect(byId.CreateDate).toMatchObject({ dataType: 'date', controlType: 8 });
		expect(byId.Gender.values).toEqual(expect.arrayContaining([{ id: 'M', description: 'Man' }]));
		expect(byId.Klantsegment.fieldId).toMatch(/^U[0-9A-F]{32}$/);
		expect(res.json.fields[0]).toEqual({
			id: 'BcId',
			fieldId: 'U001',
			dataType: 'int',
			label: 'Organisatie/persoon (intern)',
			length: 9,
			controlType: 5,
			decimals: 0,
			decimalsFieldId: '',
		});
		// Field order in metainfo is the row key order.
		const rows = await call<{ rows: Array<Record<string, unknown>> }>(
			sim,
			'/connectors/Profit_Persons?take=1',
		);
		expect(Object.keys(rows.json.rows[0])).toEqual(res.json.fields.map((f) => f.id));
	});

	it('describes an UpdateConnector as a tree with mandatory flags, keys, code tables and custom fields', async () => {
		const res = await call<UpdateMeta>(sim, '/metainfo/update/KnSubject');
		expect(res.status).toBe(200);
		expect(res.json).toMatchObject({ id: 'KnSubject', name: 'KnSubject' });
		const field = (id: string) => res.json.fields.find((f) => f.fieldId === id);
		expect(field('SbId')).toMatchObject({ primaryKey: true, dataType: 'int', mandatory: false });
		expect(field('StId')).toMatchObject({
			mandatory: true,
			values: expect.arrayContaining([{ id: '15', description: 'Sollicitatiedocument' }]),
		});
		// The vendor's custom-field example, verbatim (research §6.3).
		expect(field('UC2DE284248374B083C966F9B4EEEE9E2')).toEqual({
			fieldId: 'UC2DE284248374B083C966F9B4EEEE9E2',
			primaryKey: false,
			dataType: 'string',
			label: 'customfield',
			mandatory: false,
			length: 255,
			decimals: 0,
			decimalFieldId: '',
			notzero: false,
			controlType: 1,
			values: null,
		});
		expect(res.json.objects.map((o) => o.name)).toEqual(['KnSubjectLink', 'KnSubjectAttachment']);
		const attachment = res.json.objects[1];
		expect(attachment.fields.map((f) => f.fieldId)).toEqual(
			expect.arrayContaining(['FileName', 'FileStream']),
		);
		expect(attachment.fields.find((f) => f.fieldId === 'FileStream')?.dataType).toBe('blob');
	});

	it('gives the root element name where it differs from the connector id', async () => {
		const entries = await call<UpdateMeta>(sim, '/metainfo/update/FiEntries');
		expect(entries.json).toMatchObject({ id: 'FiEntries', name: 'FiEntryPar' });
		expect(entries.json.objects[0].name).toBe('FiEntries');
		const employee = await call<UpdateMeta>(sim, '/metainfo/update/KnEmployee');
		expect(employee.json).toMatchObject({ id: 'KnEmployee', name: 'AfasEmployee' });
	});

	it('refuses metainfo of connectors that are not linked, and unknown metainfo types', async () => {
		const get = await call(sim, '/metainfo/get/Profit_Salaries');
		expect(get.status).toBe(500);
		expect(get.json.externalMessage).toBe(
			'GetConnector not supported for this app or the user is not authorized',
		);
		const update = await call(sim, '/metainfo/update/KnUser', {
			headers: { 'Accept-Language': 'nl-nl' },
		});
		expect(update.status).toBe(500);
		expect(update.json.externalMessage).toBe(
			'General message: Deze UpdateConnector wordt niet ondersteund of de gebruiker is niet geautoriseerd.',
		);
		expect((await call(sim, '/metainfo/other/KnPerson')).status).toBe(404);
		expect((await call(sim, '/sessioninfo')).status).toBe(404);
	});
});
