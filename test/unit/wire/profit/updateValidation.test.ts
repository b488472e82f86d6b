import { buildUpdateBody } from '../../../../nodes/Afas/wire/profit/updateBody';
import type {
	UpdateElementInput,
	UpdateMeta,
} from '../../../../nodes/Afas/wire/profit/updateTypes';
import {
	describeUpdateProblems,
	validateUpdateElement,
	type UpdateProblem,
} from '../../../../nodes/Afas/wire/profit/updateValidation';
import { metaFor } from './updateFixtures';

const SALES = metaFor('FbSales');
const PERSON = metaFor('KnPerson');
const SUBJECT = metaFor('KnSubject');

const line = (fields: Record<string, unknown>) => ({
	fields: { VaIt: '2', ItCd: '1000', BiUn: 'stk', QuUn: 1, ...fields },
});
const order = (
	lines: UpdateElementInput[],
	fields: Record<string, unknown> = {},
): UpdateElementInput => ({
	fields: { DbId: '10001', ...fields },
	objects: { FbSalesLines: lines },
});

function only(problems: UpdateProblem[]) {
	expect(problems).toHaveLength(1);
	return problems[0];
}

describe('validation before sending', () => {
	it('accepts a valid order with lines', () => {
		expect(
			validateUpdateElement(SALES, order([line({}), line({ ItCd: '1001' })]), 'insert'),
		).toEqual([]);
	});

	it('missing mandatory field on the third line: path, id and label', () => {
		const problem = only(
			validateUpdateElement(SALES, order([line({}), line({}), line({ ItCd: '' })]), 'insert'),
		);
		expect(problem).toEqual({
			path: 'FbSalesLines[2].ItCd',
			fieldId: 'ItCd',
			label: 'Itemcode',
			kind: 'mandatory',
			message: "'Itemcode' (ItCd) is mandatory in FbSalesLines",
		});
	});

	it('missing mandatory root field (insert only)', () => {
		const problem = only(validateUpdateElement(SALES, { fields: {} }, 'insert'));
		expect(problem).toMatchObject({ path: 'DbId', fieldId: 'DbId', kind: 'mandatory' });
		expect(validateUpdateElement(SALES, { fields: { RfCs: 'x' } }, 'update')).toEqual([
			expect.objectContaining({ path: 'OrNu', kind: 'key', fieldId: 'OrNu' }),
		]);
		// A PUT needs only the keys; the rest of the mandatory fields may stay out.
		expect(
			validateUpdateElement(SALES, { fields: { OrNu: '60000178', RfCs: 'x' } }, 'update'),
		).toEqual([]);
		// Connectors without key fields in metainfo (KnPerson matches via MatchPer) need none.
		expect(
			validateUpdateElement(PERSON, { fields: { MatchPer: '0', BcCo: '1000551' } }, 'update'),
		).toEqual([]);
	});

	it('nested rows under an update are checked only when they carry an action', () => {
		const put = { fields: { OrNu: '1' }, objects: { FbSalesLines: [{ fields: { QuUn: 3 } }] } };
		expect(validateUpdateElement(SALES, put, 'update')).toEqual([]);
		const insertRow = {
			fields: { OrNu: '1' },
			objects: { FbSalesLines: [{ action: 'insert' as const, fields: { QuUn: 3 } }] },
		};
		expect(validateUpdateElement(SALES, insertRow, 'update').map((p) => p.path)).toEqual([
			'FbSalesLines[0].VaIt',
			'FbSalesLines[0].ItCd',
		]);
		const deleteRow: UpdateElementInput = {
			fields: { DbId: '1' },
			objects: { FbSalesLines: { action: 'delete', fields: {} } },
		};
		expect(validateUpdateElement(metaWithLineKey(), deleteRow, 'insert')).toEqual([
			expect.objectContaining({ path: 'FbSalesLines.GuLi', kind: 'key' }),
		]);
	});

	it.each([
		['KnPerson', 'ViGe', 'Q', 'codeTable', /does not allow "Q"; use one of M, O, V, X/],
		['KnPerson', 'MatchPer', 9, 'codeTable', /use one of 0, 1, 2/],
		['KnPerson', 'PsNa', 'XX', 'codeTable', /… \(\d+ in all\)/],
		['FbSales', 'DbId', '10001', undefined, undefined],
		['KnSubject', 'StId', 'five', 'type', /needs a whole number, got "five"/],
		['KnSubject', 'StId', 4.5, 'type', /whole number/],
		['FbSales', 'Rate', '1,5', 'type', /dot as decimal separator/],
		['FbSales', 'Rate', 'abc', 'type', /needs a number/],
		['FbSales', 'Rate', '1.25', undefined, undefined],
		['KnPerson', 'AutoNum', 'yes', 'type', /true or false/],
		['KnPerson', 'AutoNum', 'TRUE', undefined, undefined],
		['KnPerson', 'AutoNum', 0, undefined, undefined],
		['KnPerson', 'DaBi', '31-12-1990', 'type', /a date such as 2024-07-01/],
		['KnPerson', 'DaBi', '1990-02-30', 'type', /a date/],
		['KnPerson', 'DaBi', '1990-12-31', undefined, undefined],
		['KnPerson', 'LaNm', { a: 1 }, 'type', /needs text/],
		['KnPerson', 'LaNm', 'x'.repeat(81), 'length', /81 characters long; AFAS allows at most 80/],
		['KnPerson', 'LaNm', 'x'.repeat(80), undefined, undefined],
		['KnPerson', 'FileStream', 12, 'type', /Base64/],
		['KnPerson', 'Nope', 'x', 'unknownField', /Field 'Nope' does not exist in KnPerson/],
	])('%s.%s = %j -> %s', (connector, fieldId, value, kind, message) => {
		const meta = metaFor(connector);
		const problems = validateUpdateElement(meta, { fields: { [fieldId]: value } }, 'update').filter(
			(problem) => problem.kind !== 'key',
		);
		if (kind === undefined) {
			expect(problems).toEqual([]);
			return;
		}
		const problem = only(problems);
		expect(problem.kind).toBe(kind);
		expect(problem.path).toBe(fieldId);
		expect(problem.message).toMatch(message as RegExp);
		if (kind !== 'unknownField') expect(problem.message).toContain(`(${fieldId})`);
	});

	it('reports an unknown sub-object and unknown fields inside rows with their path', () => {
		const problems = validateUpdateElement(
			SALES,
			{
				fields: { DbId: '1' },
				objects: { FbSalesLines: [line({ Colour: 'red' })], FbNope: { fields: {} } },
			},
			'insert',
		);
		expect(problems.map((p) => [p.kind, p.path])).toEqual([
			['unknownField', 'FbSalesLines[0].Colour'],
			['unknownObject', 'FbNope'],
		]);
	});

	it('collects every problem of an item at once and renders them one per line', () => {
		const problems = validateUpdateElement(
			SALES,
			order([line({ QuUn: 'many' }), line({ VaIt: '99', ItCd: undefined })], { OrDa: 'tomorrow' }),
			'insert',
		);
		expect(problems.map((p) => p.path)).toEqual([
			'OrDa',
			'FbSalesLines[0].QuUn',
			'FbSalesLines[1].VaIt',
			'FbSalesLines[1].ItCd',
		]);
		expect(describeUpdateProblems(problems).split('\n')).toHaveLength(4);
		expect(describeUpdateProblems(problems)).toContain(
			"FbSalesLines[1].ItCd: 'Itemcode' (ItCd) is mandatory in FbSalesLines",
		);
	});

	it('matches field ids and code-table ids ignoring case, and writes AFAS spelling', () => {
		const input = { fields: { matchper: '7', vige: 'v', lanm: 'Jansen' } };
		expect(validateUpdateElement(PERSON, input, 'insert')).toEqual([]);
		expect(buildUpdateBody(PERSON, input).KnPerson.Element).toEqual({
			Fields: { MatchPer: '7', LaNm: 'Jansen', ViGe: 'V' },
		});
	});

	it('normalises dates to the Amsterdam clock without a zone; date-only fields keep only the date', () => {
		const body = buildUpdateBody(SUBJECT, { fields: { StId: 4, Da: '2024-07-01T12:30:00Z' } });
		expect(body.KnSubject.Element).toEqual({ Fields: { StId: 4, Da: '2024-07-01T14:30:00' } });
		const winter = buildUpdateBody(SUBJECT, { fields: { Da: '2024-01-15T09:00:00+01:00' } });
		expect(winter.KnSubject.Element).toEqual({ Fields: { Da: '2024-01-15T09:00:00' } });
		const person = buildUpdateBody(PERSON, { fields: { DaBi: '1990-12-12T23:30:00Z' } });
		expect(person.KnPerson.Element).toEqual({ Fields: { DaBi: '1990-12-13' } });
		expect(
			buildUpdateBody(PERSON, { fields: { DaBi: new Date('1990-12-12T10:00:00Z') } }).KnPerson
				.Element,
		).toEqual({
			Fields: { DaBi: '1990-12-12' },
		});
	});

	it('an empty string clears a field and is not a type error; it still counts as missing for mandatory fields', () => {
		expect(
			validateUpdateElement(SALES, { fields: { OrNu: '1', Rate: '', OrDa: '' } }, 'update'),
		).toEqual([]);
		expect(
			validateUpdateElement(SALES, { fields: { DbId: '' } }, 'insert').map((p) => p.kind),
		).toEqual(['mandatory']);
	});
});

/** FbSales with the line GUID as a key, as a PUT/DELETE of one line needs. */
function metaWithLineKey(): UpdateMeta {
	const meta = metaFor('FbSales');
	return {
		...meta,
		objects: (meta.objects ?? []).map((object) =>
			object.name === 'FbSalesLines'
				? {
						...object,
						fields: (object.fields ?? []).map((f) =>
							f.fieldId === 'GuLi' ? { ...f, primaryKey: true } : f,
						),
					}
				: object,
		),
	};
}
