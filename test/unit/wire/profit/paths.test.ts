import {
	encodeProfitFileName,
	fileConnectorPath,
	getConnectorPath,
	imageConnectorPath,
	imageFormatQuery,
	metainfoPath,
	profitVersionPath,
	reportConnectorPath,
	subjectConnectorPath,
} from '../../../../nodes/Afas/wire/profit/paths';
import { inputError } from '../../../helpers/errors';

const BASE = 'https://12345.rest.afas.online/ProfitRestServices';

/** The path a server sees after URL parsing (dot segments resolved, nothing decoded). */
function served(path: string): string {
	return new URL(`${BASE}${path}`).pathname.slice('/ProfitRestServices'.length);
}

describe('connector and metainfo paths', () => {
	it('builds the documented paths', () => {
		expect(getConnectorPath('Profit_Debtor')).toBe('/connectors/Profit_Debtor');
		expect(getConnectorPath(' Profit_Debtor ')).toBe('/connectors/Profit_Debtor');
		expect(metainfoPath()).toBe('/metainfo');
		expect(metainfoPath('get', 'Profit_Debtor')).toBe('/metainfo/get/Profit_Debtor');
		expect(metainfoPath('update', 'KnSubject')).toBe('/metainfo/update/KnSubject');
		expect(profitVersionPath()).toBe('/profitversion');
	});

	it('encodes odd characters so they stay one segment', () => {
		expect(getConnectorPath('a/b?c#d e%')).toBe('/connectors/a%2Fb%3Fc%23d%20e%25');
		expect(served(getConnectorPath('a/b?c#d e%'))).toBe('/connectors/a%2Fb%3Fc%23d%20e%25');
		expect(getConnectorPath('Één')).toBe('/connectors/%C3%89%C3%A9n');
	});

	it.each(['', '   ', '.', '..'])('rejects connector id %j', (id) => {
		expect(inputError(() => getConnectorPath(id)).field).toBe('Connector');
		expect(inputError(() => metainfoPath('get', id)).field).toBe('Connector');
	});

	it('rejects a metainfo call that mixes up kind and id', () => {
		expect(inputError(() => metainfoPath(undefined, 'Profit_Debtor')).field).toBe('Connector');
		expect(inputError(() => metainfoPath('get')).message).toBe('The connector ID is empty');
		expect(inputError(() => metainfoPath('put' as 'get', 'X')).message).toContain('"put"');
	});
});

describe('file connector', () => {
	it('applies the _ -> _5f rule from the AFAS help', () => {
		expect(fileConnectorPath('F64BB8E942BBC5E94FC747904E19FE1B', 'Invoice_nr3734.pdf')).toBe(
			'/fileconnector/F64BB8E942BBC5E94FC747904E19FE1B/Invoice_5fnr3734.pdf',
		);
		expect(encodeProfitFileName('a__b_.pdf')).toBe('a_5f_5fb_5f.pdf');
	});

	it('URL-encodes other special characters after the _ rule', () => {
		expect(encodeProfitFileName('Offerte 2024 (v2)_def #1 & 50%.docx')).toBe(
			'Offerte%202024%20(v2)_5fdef%20%231%20%26%2050%25.docx',
		);
		expect(encodeProfitFileName('Ça+va?.txt')).toBe('%C3%87a%2Bva%3F.txt');
		// Not trimmed: the name must be the original one.
		expect(encodeProfitFileName(' x.pdf')).toBe('%20x.pdf');
	});

	it.each([
		['', 'File Name'],
		['  ', 'File Name'],
		['..', 'File Name'],
		['map/x.pdf', 'File Name'],
		['map\\x.pdf', 'File Name'],
	])('rejects file name %j', (name, field) => {
		expect(inputError(() => fileConnectorPath('ABC', name)).field).toBe(field);
	});

	it('rejects an empty file id', () => {
		expect(inputError(() => fileConnectorPath(' ', 'x.pdf')).field).toBe('File ID');
	});
});

describe('subject connector', () => {
	it('builds /subjectconnector/{subjectId}/{fileId}', () => {
		expect(subjectConnectorPath(49946, '5C055C034516ED67972E0A852E03C5B9')).toBe(
			'/subjectconnector/49946/5C055C034516ED67972E0A852E03C5B9',
		);
		expect(subjectConnectorPath(' 49946 ', 'a b')).toBe('/subjectconnector/49946/a%20b');
	});

	it.each(['', 'abc', '12.5', '-3', '1/2'])('rejects subject id %j', (id) => {
		expect(inputError(() => subjectConnectorPath(id, 'F1')).field).toBe('Subject ID');
	});

	it('rejects an empty file id', () => {
		expect(inputError(() => subjectConnectorPath(1, '')).field).toBe('File ID');
	});
});

describe('image connector', () => {
	it.each([
		[undefined, 0],
		['original', 0],
		['thumbnail', 1],
		['medium', 2],
		[2, 2],
	] as const)('format %s -> %i', (format, code) => {
		expect(imageFormatQuery(format)).toBe(`format=${code}`);
	});

	it('validates id and format', () => {
		expect(imageConnectorPath(77)).toBe('/imageconnector/77');
		expect(inputError(() => imageConnectorPath('')).field).toBe('Image ID');
		expect(inputError(() => imageFormatQuery('huge' as 'medium')).field).toBe('Image Format');
		expect(inputError(() => imageFormatQuery(3 as 2)).field).toBe('Image Format');
	});
});

describe('report connector', () => {
	const ID = 'CF761B2F7099455B8C5227639C447689';

	it('builds the path', () => {
		expect(reportConnectorPath(ID)).toBe(`/reportconnector/${ID}`);
	});

	it('rejects an empty report id', () => {
		expect(inputError(() => reportConnectorPath(' ')).field).toBe('Report ID');
	});
});
