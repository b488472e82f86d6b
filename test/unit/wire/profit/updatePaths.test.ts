import {
	updateConnectorPath,
	updateDeletePath,
} from '../../../../nodes/Afas/wire/profit/updatePaths';
import { inputError } from '../../../helpers/errors';
import { FIXTURES, metaFor } from './updateFixtures';

const BASE = 'https://12345.rest.afas.online/ProfitRestServices';

/** The path a server sees after URL parsing (dot segments resolved, nothing decoded). */
function served(path: string): string {
	return new URL(`${BASE}${path}`).pathname.slice('/ProfitRestServices'.length);
}

describe('POST/PUT paths', () => {
	it.each([
		['FbSales', undefined, '/connectors/FbSales'],
		['FbSales', 'FbSalesLines', '/connectors/FbSales/FbSalesLines'],
		['KnOrganisation', 'KnContact', '/connectors/KnOrganisation/KnContact'],
		['KnSubject', 'KnSubjectAttachment', '/connectors/KnSubject/KnSubjectAttachment'],
		[' FiEntries ', '', '/connectors/FiEntries'],
	])('%s + %s -> %s', (id, sub, expected) => {
		expect(updateConnectorPath(id, sub)).toBe(expected);
	});

	it('gives every sub-object POST path of AFAS OpenAPI files', () => {
		for (const fixture of Object.values(FIXTURES))
			for (const path of fixture.subObjectPaths) {
				const [, , id, sub] = path.split('/');
				expect(updateConnectorPath(id, sub)).toBe(path);
			}
	});

	it.each(['', ' ', '.', '..'])('rejects connector id %j', (id) => {
		expect(inputError(() => updateConnectorPath(id)).field).toBe('Connector');
	});
});

describe('DELETE paths', () => {
	it('reproduces the documented single-key forms from the root element name', () => {
		for (const connector of ['KnSubject', 'FbSales']) {
			const meta = metaFor(connector);
			const [form] = FIXTURES[connector].deletePaths;
			const key = form.keys[0];
			expect(updateDeletePath(connector, { object: meta.name, keys: { [key]: `{${key}}` } })).toBe(
				form.path.replace(`{${key}}`, encodeURIComponent(`{${key}}`)),
			);
		}
		expect(updateDeletePath('KnSubject', { object: 'KnSubject', keys: { SbId: 1957 } })).toBe(
			'/connectors/KnSubject/KnSubject/@SbId/1957',
		);
	});

	it('joins several keys and values with commas, in the given order (AFAS OpenAPI HrAbsenceID, KnCurrencyRates)', () => {
		expect(
			updateDeletePath('HrAbsenceID', {
				object: 'HrAbsenceID',
				keys: [
					['Id', 12],
					['EmId', '1000'],
				],
			}),
		).toBe('/connectors/HrAbsenceID/HrAbsenceID/@Id,@EmId/12,1000');
		expect(
			updateDeletePath('KnCurrencyRates', {
				object: 'KnCurrencyRates',
				keys: { Cu: 'USD', Sn: 3 },
			}),
		).toBe('/connectors/KnCurrencyRates/KnCurrencyRates/@Cu,@Sn/USD,3');
	});

	it('builds the nested FiEntries form: root FiEntryPar with two keys, then the line (vendor FiEntries note)', () => {
		const meta = metaFor('FiEntries');
		const path = updateDeletePath('FiEntries', [
			{
				object: meta.name,
				keys: [
					['UnId', 1],
					['JoCo', '73'],
				],
			},
			{ object: 'FiEntries', keys: { EnNo: 70001 } },
		]);
		expect(path).toBe('/connectors/FiEntries/FiEntryPar/@UnId,@JoCo/1,73/FiEntries/@EnNo/70001');
		expect(
			updateDeletePath(
				'FiEntries',
				[
					{
						object: 'FiEntryPar',
						keys: [
							['UnId', 1],
							['JoCo', '10'],
						],
					},
					{ object: 'FiEntries', keys: { InId: 'IH003938' } },
				],
				{ atPrefix: false },
			),
		).toBe('/connectors/FiEntries/FiEntryPar/UnId,JoCo/1,10/FiEntries/InId/IH003938');
	});

	it.each([
		['a,b', 'a%2Cb'],
		['A/B 1', 'A%2FB%201'],
		['50%', '50%25'],
		['x?y#z', 'x%3Fy%23z'],
		['Één&@', '%C3%89%C3%A9n%26%40'],
		['...', '...'],
	])('encodes the key value %j as one value (%s)', (value, encoded) => {
		const path = updateDeletePath('KnAppointment', {
			object: 'KnAppointment',
			keys: [
				['ApId', value],
				['Extra', 'x'],
			],
		});
		expect(path).toBe(`/connectors/KnAppointment/KnAppointment/@ApId,@Extra/${encoded},x`);
		expect(served(path)).toBe(path);
		expect(path.split('/').pop()?.split(',')).toHaveLength(2);
	});

	it('accepts key names given with their @', () => {
		expect(updateDeletePath('KnSubject', { object: 'KnSubject', keys: { '@SbId': '5' } })).toBe(
			'/connectors/KnSubject/KnSubject/@SbId/5',
		);
	});

	it.each([
		['an empty value', { SbId: '' }],
		['a blank value', { SbId: '  ' }],
		['a dot segment', { SbId: '..' }],
		['an object', { SbId: { a: 1 } }],
		['null', { SbId: null }],
		['no keys', {}],
	])('refuses %s before any request', (_what, keys) => {
		expect(
			inputError(() => updateDeletePath('KnSubject', { object: 'KnSubject', keys })).field,
		).toBe('Key Values');
	});

	it('refuses an empty target list and an empty object name', () => {
		expect(inputError(() => updateDeletePath('KnSubject', [])).field).toBe('Key Values');
		expect(
			inputError(() => updateDeletePath('KnSubject', { object: '', keys: { SbId: 1 } })).field,
		).toBe('Connector');
	});
});
