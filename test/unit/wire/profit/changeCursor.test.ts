import { advanceCursor, profitInstant } from '../../../../nodes/Afas/wire/profit/changeCursor';
import { suggestDateField, suggestKeyField } from '../../../../nodes/Afas/wire/profit/changeFields';
import { rowIdentity } from '../../../../nodes/Afas/wire/rowIdentity';

const fields = { date: 'ModifiedDate', key: 'BcCo' };
const row = (BcCo: string, ModifiedDate: string | null, Name = `Person ${BcCo}`) => ({
	BcCo,
	ModifiedDate,
	Name,
});

describe('profitInstant', () => {
	it.each([
		['2026-11-30T10:20:30Z', '2026-11-30T10:20:30'],
		['2026-11-30T10:20:30.7Z', '2026-11-30T10:20:30'],
		['2026-11-30 10:20:30', '2026-11-30T10:20:30'],
		[' 2026-11-30T10:20:30+01:00', '2026-11-30T10:20:30'],
	])('%s is the wall-clock second %s', (value, expected) => {
		expect(profitInstant(value)).toBe(expected);
	});

	it.each([[null], [''], ['yesterday'], [20261130], ['2026-11-30']])(
		'%p has no second',
		(value) => {
			expect(profitInstant(value)).toBeUndefined();
		},
	);
});

describe('rowIdentity', () => {
	it('is the same for the same record whatever the key order, and differs when a value changes', () => {
		expect(rowIdentity('1', { a: 1, b: 'x' })).toBe(rowIdentity('1', { b: 'x', a: 1 }));
		expect(rowIdentity('1', { a: 1, b: 'x' })).not.toBe(rowIdentity('1', { a: 1, b: 'y' }));
		expect(rowIdentity('1', { a: 1 })).not.toBe(rowIdentity('2', { a: 1 }));
		expect(rowIdentity('1', { a: { b: [1, 2] } })).not.toBe(rowIdentity('1', { a: { b: [2, 1] } }));
	});
});

describe('advanceCursor', () => {
	const start = { at: '2026-11-30T10:00:00', seen: [] as string[] };

	it('emits every row and moves to the newest second, remembering only the rows of that second', () => {
		const rows = [
			row('1', '2026-11-30T10:00:05Z'),
			row('2', '2026-11-30T10:00:07Z'),
			row('3', '2026-11-30T10:00:07Z'),
		];
		const step = advanceCursor(start, rows, fields);
		expect(step.fresh).toEqual(rows);
		expect(step.cursor.at).toBe('2026-11-30T10:00:07');
		expect(step.cursor.seen.sort()).toEqual(
			[rowIdentity('2', rows[1]), rowIdentity('3', rows[2])].sort(),
		);
	});

	it('drops the rows already emitted at the cursor second, keeps new rows of that second', () => {
		const a = row('1', '2026-11-30T10:00:07Z');
		const first = advanceCursor(start, [a], fields);
		const b = row('2', '2026-11-30T10:00:07Z');
		const second = advanceCursor(first.cursor, [a, b], fields);
		expect(second.fresh).toEqual([b]);
		expect(second.cursor.seen).toHaveLength(2);
	});

	it('emits a row changed twice within one second both times (its content differs)', () => {
		const a = row('1', '2026-11-30T10:00:07Z', 'Before');
		const first = advanceCursor(start, [a], fields);
		const changed = row('1', '2026-11-30T10:00:07Z', 'After');
		expect(advanceCursor(first.cursor, [changed], fields).fresh).toEqual([changed]);
	});

	it('forgets the old second once time moves on, so the state stays small', () => {
		let cursor = start;
		for (let second = 10; second < 60; second++) {
			const rows = [
				row(`a${second}`, `2026-11-30T10:00:${second}Z`),
				row(`b${second}`, `2026-11-30T10:00:${second}Z`),
			];
			cursor = advanceCursor(cursor, rows, fields).cursor;
		}
		expect(cursor.at).toBe('2026-11-30T10:00:59');
		expect(cursor.seen).toHaveLength(2);
	});

	it('keeps the cursor when nothing came back', () => {
		const cursor = { at: '2026-11-30T10:00:07', seen: ['x#1'] };
		expect(advanceCursor(cursor, [], fields)).toEqual({ fresh: [], cursor });
	});

	it('ignores rows older than the cursor (they were emitted by an earlier poll)', () => {
		const cursor = { at: '2026-11-30T10:00:07', seen: [] };
		expect(advanceCursor(cursor, [row('1', '2026-11-30T10:00:06Z')], fields).fresh).toEqual([]);
	});
});

describe('suggested trigger fields', () => {
	const persons = [
		{ id: 'BcId', dataType: 'int', label: 'Organisatie/persoon (intern)' },
		{ id: 'BcCo', dataType: 'string', label: 'Nummer' },
		{ id: 'CreateDate', dataType: 'date', label: 'Aanmaakdatum' },
		{ id: 'ModifiedDate', dataType: 'date', label: 'Datum gewijzigd' },
	];

	it('picks the one date field named like a modification date, and the first field as key', () => {
		expect(suggestDateField(persons)).toBe('ModifiedDate');
		expect(suggestKeyField(persons, 'ModifiedDate')).toBe('BcId');
	});

	it('does not guess between two candidates, nor take a creation date', () => {
		expect(suggestDateField([...persons, { id: 'UpdatedAt', dataType: 'date' }])).toBeUndefined();
		expect(suggestDateField(persons.slice(0, 3))).toBeUndefined();
		expect(suggestDateField([{ id: 'Gewijzigd', dataType: 'string' }])).toBeUndefined();
	});
});
