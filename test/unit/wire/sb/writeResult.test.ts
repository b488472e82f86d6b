import {
	describeSbRequestError,
	isSbWriteResult,
	readSbWriteResult,
} from '../../../../nodes/Afas/wire/sb/writeResult';

// Bodies from AFAS's own spec examples (sb-6.0.0.json, research §4.6, §4.7).
const DATA_STYLE = {
	result: 'Succeeded',
	traceId: 'ab84df36-19aa-477c-9f71-c0c61cb542a1',
	data: { SalesJournalEntryId: '2fe9d143-52aa-4d9f-9eba-a97656f2741c' },
	errors: [],
};
const INSTANCES_STYLE = {
	result: 'Succeeded',
	instances: [
		{ Code: 'Leverancier', Id: '40d42397-61b2-4a09-a595-24a9e48b3524' },
		{ Code: 'Begunstigde', Id: '48921982-05ad-4796-b78c-f80e545748fe' },
		{ Code: 'UitgaandeBetaling', Id: 'd8183b65-8400-5c58-8085-3ef9de6b4428' },
		{ Code: 'Inkoopfactuur', Id: 'd8183b65-8400-5c58-8085-3ef9de6b4428', Nummer: 'IF240002' },
	],
	errors: [],
};
const MADE_WITH_ERRORS = {
	result: 'Failed',
	traceId: '57f10a49-6720-4bb8-8826-8ef92387560f',
	instances: [],
	errors: [
		'Entity is made with one or more errors. Please correct this error in application or delete SalesJournalEntry with id: b32ee6e1-f807-4644-a6d5-d785d8bd7c61',
		'De factuurdatum ligt vóór de beginbalansdatum. Dit is niet toegestaan.',
	],
};
const PARTIAL = {
	result: 'PartiallySucceeded',
	traceId: 'b06e41e4-4ff1-4b40-9331-5f2145b2a9a2',
	instances: [
		{ Code: 'Organisatie', Id: '1bfbc287-5fb4-59b5-9782-376fa601e4ad', Relatienummer: '000025' },
		{ Code: 'Instelling', Id: '32a8c5d4-2227-512f-9f45-495192933809' },
	],
	errors: [{ Instelling: "'identificatie' bevat een verwijzing naar een ongeldige waarde." }],
};

describe('SB write result: Succeeded', () => {
	it('outputs the data style with the main id first', () => {
		const outcome = readSbWriteResult(DATA_STYLE, 200);
		expect(outcome).toEqual({
			kind: 'succeeded',
			json: {
				result: 'Succeeded',
				id: '2fe9d143-52aa-4d9f-9eba-a97656f2741c',
				SalesJournalEntryId: '2fe9d143-52aa-4d9f-9eba-a97656f2741c',
				traceId: 'ab84df36-19aa-477c-9f71-c0c61cb542a1',
			},
		});
	});

	it('keeps every data key as SB wrote it, the first id as the main one', () => {
		const outcome = readSbWriteResult(
			{
				result: 'succeeded',
				data: { CashMutationId: 'aaa', FinancialBookingId: 'bbb' },
				errors: [],
			},
			200,
		);
		expect(outcome).toEqual({
			kind: 'succeeded',
			json: { result: 'Succeeded', id: 'aaa', CashMutationId: 'aaa', FinancialBookingId: 'bbb' },
		});
	});

	it("reads DELETE salesinvoice's lower-case key", () => {
		const outcome = readSbWriteResult(
			{
				result: 'Succeeded',
				data: { salesinvoiceId: 'c7e0773e-7904-41b7-a09e-56643261b6f4' },
				errors: [],
			},
			200,
		);
		expect(outcome.kind === 'succeeded' && outcome.json.id).toBe(
			'c7e0773e-7904-41b7-a09e-56643261b6f4',
		);
	});

	it('outputs the instances style with entity, id and number', () => {
		expect(readSbWriteResult(INSTANCES_STYLE, 200)).toEqual({
			kind: 'succeeded',
			json: {
				result: 'Succeeded',
				id: '40d42397-61b2-4a09-a595-24a9e48b3524',
				instances: [
					{ entity: 'Leverancier', id: '40d42397-61b2-4a09-a595-24a9e48b3524' },
					{ entity: 'Begunstigde', id: '48921982-05ad-4796-b78c-f80e545748fe' },
					{ entity: 'UitgaandeBetaling', id: 'd8183b65-8400-5c58-8085-3ef9de6b4428' },
					{
						entity: 'Inkoopfactuur',
						id: 'd8183b65-8400-5c58-8085-3ef9de6b4428',
						number: 'IF240002',
					},
				],
			},
		});
	});

	it('reads JSON text and keys in other casings', () => {
		const outcome = readSbWriteResult(
			JSON.stringify({
				Result: 'SUCCEEDED',
				TraceId: 't1',
				Instances: [{ code: 'Adres', id: 'x1' }],
			}),
			201,
		);
		expect(outcome).toEqual({
			kind: 'succeeded',
			json: {
				result: 'Succeeded',
				id: 'x1',
				instances: [{ entity: 'Adres', id: 'x1' }],
				traceId: 't1',
			},
		});
	});

	it('never lets a data key replace our own keys or the prototype', () => {
		const body = JSON.parse(
			'{"result":"Succeeded","data":{"RelationId":"r1","id":"evil","result":"Failed","__proto__":{"polluted":true}}}',
		) as unknown;
		const outcome = readSbWriteResult(body, 200);
		expect(outcome.kind).toBe('succeeded');
		if (outcome.kind !== 'succeeded') return;
		expect(outcome.json.id).toBe('r1');
		expect(outcome.json.result).toBe('Succeeded');
		expect(Object.getPrototypeOf(outcome.json)).toBe(Object.prototype);
		expect((outcome.json as { polluted?: unknown }).polluted).toBeUndefined();
		expect(Object.keys(outcome.json)).toContain('__proto__');
	});
});

describe('SB write result: Failed at HTTP 200', () => {
	it.each([
		'SalesJournalEntry with invoicenumber SB_API_2204202410006 already exists',
		'FeatureToggle not enabled',
		'SalesInvoice cannot be deleted because it is not a draft or it is already deleted',
	])('is an error with SB\'s reason: "%s"', (reason) => {
		const outcome = readSbWriteResult(
			{ result: 'Failed', traceId: 'tr-1', instances: [], errors: [reason] },
			200,
		);
		expect(outcome).toEqual({
			kind: 'failed',
			message: `AFAS SB did not process the request: ${reason}`,
			description: `Errors:\n- ${reason}\nTrace ID: tr-1`,
			errors: [reason],
			created: [],
			traceId: 'tr-1',
		});
	});

	it('says clearly that a record made with errors WAS created', () => {
		const outcome = readSbWriteResult(MADE_WITH_ERRORS, 200);
		expect(outcome.kind).toBe('failed');
		if (outcome.kind === 'succeeded') return;
		expect(outcome.message).toBe(
			'AFAS SB created SalesJournalEntry b32ee6e1-f807-4644-a6d5-d785d8bd7c61 but with errors: correct it in AFAS SB or delete it before writing it again',
		);
		expect(outcome.created).toEqual([
			{ entity: 'SalesJournalEntry', id: 'b32ee6e1-f807-4644-a6d5-d785d8bd7c61' },
		]);
		expect(outcome.description.split('\n')).toEqual([
			'The record WAS created: SalesJournalEntry b32ee6e1-f807-4644-a6d5-d785d8bd7c61. Repeating this write creates another one.',
			'Errors:',
			`- ${MADE_WITH_ERRORS.errors[0]}`,
			'- De factuurdatum ligt vóór de beginbalansdatum. Dit is niet toegestaan.',
			'Trace ID: 57f10a49-6720-4bb8-8826-8ef92387560f',
		]);
	});

	it('also reads the "errors in the lines" variant ending in a period', () => {
		const outcome = readSbWriteResult(
			{
				result: 'Failed',
				errors: [
					'Entity is made with one or more errors in the lines. Please correct this error in application or delete SalesJournalEntry with id: eee53305-8851-4859-a53e-b4b18f14040e.',
					"Field 'Grootboekrekening' contains an invalid reference (a18e0f9a-c73d-58c4-ae80-64c2e4228de4)",
				],
			},
			200,
		);
		expect(outcome.kind !== 'succeeded' && outcome.created).toEqual([
			{ entity: 'SalesJournalEntry', id: 'eee53305-8851-4859-a53e-b4b18f14040e' },
		]);
	});

	it.each<[string, unknown, string[]]>([
		['missing errors', undefined, []],
		['errors as a text', 'Boom', ['Boom']],
		['errors as an object', { Verkoopfactuur: 'x' }, ['Verkoopfactuur: x']],
		['errors with null and numbers', [null, 42, '  ', 'ok'], ['42', 'ok']],
		[
			'an object error',
			[{ Verkoopfactuur: "'Bijlage' bevat een verwijzing naar een ongeldige waarde." }],
			["Verkoopfactuur: 'Bijlage' bevat een verwijzing naar een ongeldige waarde."],
		],
		['an object with a nested value', [{ Regel: { Veld: 'fout' } }], ['Regel: {"Veld":"fout"}']],
	])('does not crash on %s', (_case, errors, lines) => {
		const outcome = readSbWriteResult({ result: 'Failed', errors }, 200);
		expect(outcome.kind).toBe('failed');
		if (outcome.kind === 'succeeded') return;
		expect(outcome.errors).toEqual(lines);
		expect(outcome.message).toBe(
			`AFAS SB did not process the request: ${lines[0] ?? 'no reason given'}`,
		);
	});
});

describe('SB write result: PartiallySucceeded', () => {
	it.each([200, 400])('at HTTP %i lists what was created and what failed', (status) => {
		const outcome = readSbWriteResult(PARTIAL, status);
		expect(outcome).toEqual({
			kind: 'partiallySucceeded',
			message:
				"AFAS SB processed only part of the request: it created Organisatie 1bfbc287-5fb4-59b5-9782-376fa601e4ad (number 000025), Instelling 32a8c5d4-2227-512f-9f45-495192933809; Instelling: 'identificatie' bevat een verwijzing naar een ongeldige waarde.",
			description: [
				'Created (these exist now; repeating this write may create them again): Organisatie 1bfbc287-5fb4-59b5-9782-376fa601e4ad (number 000025), Instelling 32a8c5d4-2227-512f-9f45-495192933809',
				'Errors:',
				"- Instelling: 'identificatie' bevat een verwijzing naar een ongeldige waarde.",
				'Trace ID: b06e41e4-4ff1-4b40-9331-5f2145b2a9a2',
			].join('\n'),
			errors: ["Instelling: 'identificatie' bevat een verwijzing naar een ongeldige waarde."],
			created: [
				{ entity: 'Organisatie', id: '1bfbc287-5fb4-59b5-9782-376fa601e4ad', number: '000025' },
				{ entity: 'Instelling', id: '32a8c5d4-2227-512f-9f45-495192933809' },
			],
			traceId: 'b06e41e4-4ff1-4b40-9331-5f2145b2a9a2',
		});
	});

	it('says so when nothing created is reported', () => {
		const outcome = readSbWriteResult({ result: 'PartiallySucceeded', errors: ['x'] }, 200);
		expect(outcome.kind !== 'succeeded' && outcome.message).toBe(
			'AFAS SB processed only part of the request: it reported no created records; x',
		);
	});
});

describe('SB write result: anything else is unexpected, never an empty success', () => {
	it.each<[string, unknown, number, RegExp]>([
		['an empty body', '', 200, /not a JSON object/],
		['undefined', undefined, 200, /not a JSON object/],
		['a list', [DATA_STYLE], 200, /not a JSON object/],
		['HTML', '<html>gateway</html>', 200, /not a JSON object/],
		['no result', { data: { RelationId: 'x' } }, 200, /without a "result"/],
		['an unknown result', { result: 'Queued' }, 200, /the result "Queued"/],
		[
			'Succeeded without ids',
			{ result: 'Succeeded', data: {}, instances: [], errors: [] },
			200,
			/without the id/,
		],
		[
			'Succeeded with a null id',
			{ result: 'Succeeded', data: { RelationId: null } },
			200,
			/without the id/,
		],
		[
			'Succeeded with an id-less instance',
			{ result: 'Succeeded', instances: [{ Code: 'Adres' }] },
			200,
			/without the id/,
		],
		['Succeeded at HTTP 400', DATA_STYLE, 400, /the result "Succeeded"/],
		['Failed at HTTP 500', { result: 'Failed', errors: ['x'] }, 500, /the result "Failed"/],
	])('%s', (_case, body, status, message) => {
		const outcome = readSbWriteResult(body, status);
		expect(outcome.kind).toBe('unexpected');
		if (outcome.kind === 'succeeded') return;
		expect(outcome.message).toMatch(new RegExp(`^AFAS SB answered HTTP ${status} with`));
		expect(outcome.message).toMatch(message);
		expect(outcome.description).toContain('check AFAS SB before repeating it');
		expect(outcome.created).toEqual([]);
	});

	it('shows at most 300 characters of the answer', () => {
		const outcome = readSbWriteResult({ result: 'Odd', filler: 'z'.repeat(1000) }, 200);
		expect(outcome.kind !== 'succeeded' && outcome.description).toMatch(/z{100,}…$/m);
		expect(outcome.kind !== 'succeeded' && outcome.description.length).toBeLessThan(450);
	});
});

describe('isSbWriteResult', () => {
	it.each<[unknown, boolean]>([
		[DATA_STYLE, true],
		[PARTIAL, true],
		[JSON.stringify(MADE_WITH_ERRORS), true],
		[{ Result: 'Failed' }, true],
		[{ StatusCode: 400, Message: 'x' }, false],
		[{ result: 1 }, false],
		['not json', false],
		[null, false],
	])('%j → %s', (body, expected) => {
		expect(isSbWriteResult(body)).toBe(expected);
	});
});

describe('describeSbRequestError', () => {
	it('reads a DS3100 body: message, property path, codes and trace id', () => {
		expect(
			describeSbRequestError({
				StatusCode: 400,
				Message:
					"Invalid JSON request String '' does not validate against format 'uuid'. Path 'RelationId', line 3, position 18.",
				ExceptionCode: 'DS3100',
				TraceId: '57887d8213dd4327ae1429e860250b24',
				AdditionalInfo: {
					ExceptionType: 'DeserializationException',
					DefinitionName: 'address.UpdateConnectorHandler',
					PropertyNames: '',
				},
			}),
		).toEqual({
			message:
				"Invalid JSON request String '' does not validate against format 'uuid'. Path 'RelationId', line 3, position 18.",
			property: 'RelationId',
			description:
				'Field: RelationId\nDS3100 · DeserializationException · address.UpdateConnectorHandler\nTrace ID: 57887d8213dd4327ae1429e860250b24',
		});
	});

	it.each<[string, string | undefined]>([
		[
			"Invalid JSON request Required properties are missing from object: CountryCode. Path '', line 1, position 1.",
			'CountryCode',
		],
		[
			"Invalid JSON request Required properties are missing from object: CityName, CountryCode. Path 'Addresses[0]', line 5, position 7.",
			'Addresses[0].CityName, Addresses[0].CountryCode',
		],
		[
			"Invalid JSON request Invalid type. Expected Number but got String. Path 'InvoiceLine[1].AmountExcludingVat', line 9, position 30.",
			'InvoiceLine[1].AmountExcludingVat',
		],
		['Invalid JSON request String', undefined],
	])('finds the property in "%s"', (message, property) => {
		const described = describeSbRequestError({
			StatusCode: 400,
			Message: message,
			ExceptionCode: 'DS3100',
		});
		expect(described?.property).toBe(property);
		expect(described?.message).toBe(message);
	});

	it('explains a bad filter (AntaUserException)', () => {
		const described = describeSbRequestError(
			JSON.stringify({
				StatusCode: 400,
				Message: 'Ongeldig gebruikersfilter.',
				TraceId: '3b022f499ab040dea4ef992d90901963',
				AdditionalInfo: { ExceptionType: 'AntaUserException' },
			}),
		);
		expect(described).toEqual({
			message: 'Ongeldig gebruikersfilter.',
			description:
				'SB could not read the filter: check field names, quotes around text and the operators (eq, and, or)\nAntaUserException\nTrace ID: 3b022f499ab040dea4ef992d90901963',
		});
	});

	it.each<[unknown]>([
		[undefined],
		[''],
		['<html/>'],
		[[]],
		[{ result: 'Failed' }],
		[{ Message: '' }],
	])('is undefined for %j', (body) => {
		expect(describeSbRequestError(body)).toBeUndefined();
	});
});
