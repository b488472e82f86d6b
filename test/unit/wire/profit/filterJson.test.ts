import { parseRawFilterJson } from '../../../../nodes/Afas/wire/profit/filterJson';
import { VENDOR_FILTERJSON_EXAMPLE } from '../../../fixtures/afasExamples';
import { inputError } from '../../../helpers/errors';

describe('raw JSON filter validation', () => {
	it('accepts the vendor example as text and as an object, unchanged', () => {
		expect(parseRawFilterJson(JSON.stringify(VENDOR_FILTERJSON_EXAMPLE, null, 2))).toEqual(
			VENDOR_FILTERJSON_EXAMPLE,
		);
		expect(parseRawFilterJson(VENDOR_FILTERJSON_EXAMPLE)).toEqual(VENDOR_FILTERJSON_EXAMPLE);
	});

	it('treats empty input as no filter', () => {
		expect(parseRawFilterJson(undefined)).toBeUndefined();
		expect(parseRawFilterJson(null)).toBeUndefined();
		expect(parseRawFilterJson('')).toBeUndefined();
		expect(parseRawFilterJson(' \n ')).toBeUndefined();
	});

	it('normalises single objects to arrays, numbers to strings and adds missing filter ids', () => {
		expect(
			parseRawFilterJson({
				Filters: {
					Filter: {
						Field: [
							{ '@FieldId': ' Blocked ', '@OperatorType': 1, '#text': false },
							{ '@FieldId': 'Email', '@OperatorType': '8' },
							{ '@FieldId': 'Phone', '@OperatorType': 9, '#text': null },
						],
					},
				},
			}),
		).toEqual({
			Filters: {
				Filter: [
					{
						'@FilterId': 'Filter 1',
						Field: [
							{ '@FieldId': 'Blocked', '@OperatorType': '1', '#text': 'false' },
							{ '@FieldId': 'Email', '@OperatorType': '8' },
							{ '@FieldId': 'Phone', '@OperatorType': '9' },
						],
					},
				],
			},
		});
	});

	it.each([
		['{"Filters": [', /^The raw JSON filter is not valid JSON: /],
		['[1,2]', /must be an object with a "Filters" object/],
		['{"Filter": []}', /must be an object with a "Filters" object/],
		['{"Filters": {}}', /must contain "Filter"/],
		['{"Filters": {"Filter": []}}', /is empty/],
		['{"Filters": {"Filter": ["x"]}}', /^Filters\.Filter\[0\] must be an object/],
		['{"Filters": {"Filter": [{"@FilterId": "a"}]}}', /^Filters\.Filter\[0\] has no "Field" list/],
		['{"Filters": {"Filter": [{"Field": []}]}}', /^Filters\.Filter\[0\]\.Field is empty/],
		[
			'{"Filters": {"Filter": [{"Field": [{"@OperatorType": "1", "#text": "x"}]}]}}',
			/Field\[0\] needs "@FieldId"/,
		],
		[
			'{"Filters": {"Filter": [{"Field": [{"@FieldId": "A", "@OperatorType": "16", "#text": "x"}]}]}}',
			/one of the AFAS operator codes 1 to 15/,
		],
		[
			'{"Filters": {"Filter": [{"Field": [{"@FieldId": "A", "@OperatorType": "=", "#text": "x"}]}]}}',
			/one of the AFAS operator codes 1 to 15/,
		],
		[
			'{"Filters": {"Filter": [{"Field": [{"@FieldId": "A", "@OperatorType": true, "#text": "x"}]}]}}',
			/one of the AFAS operator codes 1 to 15/,
		],
		[
			'{"Filters": {"Filter": [{"Field": [{"@FieldId": "A", "@OperatorType": "1"}]}]}}',
			/needs a value in "#text" for operator 1/,
		],
		[
			'{"Filters": {"Filter": [{"Field": [{"@FieldId": "A", "@OperatorType": 6, "#text": {"a": 1}}]}]}}',
			/"#text" must be a string/,
		],
		[
			'{"Filters": {"Filter": [{"Field": {"@FieldId": "A", "@OperatorType": 1, "#text": 1}}, {"Field": [{"@FieldId": "A", "@OperatorType": 1, "#text": 1}, "x"]}]}}',
			/^Filters\.Filter\[1\]\.Field\[1\] must be an object/,
		],
	])('rejects %s', (raw, message) => {
		const error = inputError(() => parseRawFilterJson(raw));
		expect(error.field).toBe('Raw JSON Filter');
		expect(error.message).toMatch(message);
		expect(error.hint).toBeTruthy();
	});
});

describe('raw JSON filter operator codes', () => {
	const withOperator = (operator: unknown) =>
		JSON.stringify({
			Filters: {
				Filter: [{ Field: [{ '@FieldId': 'AdminId', '@OperatorType': operator, '#text': '1' }] }],
			},
		});

	it.each([1, 9, 15, '1', '10', '15'])('accepts the AFAS code %j', (operator) => {
		const parsed = parseRawFilterJson(withOperator(operator));
		expect(parsed?.Filters.Filter[0].Field[0]['@OperatorType']).toBe(String(operator));
	});

	it.each([
		['01', '"01"'],
		[' 1', '" 1"'],
		['1 ', '"1 "'],
		['1.0', '"1.0"'],
		[1.5, '1.5'],
		['0x1', '"0x1"'],
		['1e1', '"1e1"'],
		['', '""'],
		[0, '0'],
		[16, '16'],
		[-1, '-1'],
		['eq', '"eq"'],
		[['1'], '["1"]'],
		[null, 'null'],
		[false, 'false'],
	])('refuses %j: not exactly an AFAS code', (operator, shown) => {
		const error = inputError(() => parseRawFilterJson(withOperator(operator)));
		expect(error.field).toBe('Raw JSON Filter');
		expect(error.message).toBe(
			`Filters.Filter[0].Field[0] has "@OperatorType" ${shown}; it must be one of the AFAS operator codes 1 to 15`,
		);
		expect(error.hint).toContain('1 equals');
		expect(error.hint).toContain('15 quick filter');
	});

	it('names a missing operator', () => {
		const raw = '{"Filters":{"Filter":[{"Field":[{"@FieldId":"A","#text":"1"}]}]}}';
		expect(inputError(() => parseRawFilterJson(raw)).message).toBe(
			'Filters.Filter[0].Field[0] has no "@OperatorType"; it must be one of the AFAS operator codes 1 to 15',
		);
	});
});
