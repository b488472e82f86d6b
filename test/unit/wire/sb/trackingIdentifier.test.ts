import { checkTrackingIdentifier, isGuid } from '../../../../nodes/Afas/wire/sb/trackingIdentifier';
import { inputError } from '../../../helpers/errors';

describe('isGuid', () => {
	it.each<[string, boolean]>([
		['2fe9d143-52aa-4d9f-9eba-a97656f2741c', true],
		['2FE9D143-52AA-4D9F-9EBA-A97656F2741C', true],
		// SB's deterministic v5-looking ids (research §4.2)
		['e36e77f0-9a1c-50d0-8b0b-3e9d1b7f1a01', true],
		['00000000-0000-0000-0000-000000000000', true],
		['2fe9d14352aa4d9f9ebaa97656f2741c', false],
		['{2fe9d143-52aa-4d9f-9eba-a97656f2741c}', false],
		['urn:uuid:2fe9d143-52aa-4d9f-9eba-a97656f2741c', false],
		['2fe9d143-52aa-4d9f-9eba-a97656f2741', false],
		['2fe9d143-52aa-4d9f-9eba-a97656f2741cc', false],
		['gfe9d143-52aa-4d9f-9eba-a97656f2741c', false],
		[' 2fe9d143-52aa-4d9f-9eba-a97656f2741c', false],
		['2fe9d143-52aa-4d9f-9eba-a97656f2741c\n', false],
		['', false],
	])('%j → %s', (value, expected) => {
		expect(isGuid(value)).toBe(expected);
	});

	it('is false for values that are not text', () => {
		expect(isGuid(undefined as unknown as string)).toBe(false);
		expect(isGuid(12 as unknown as string)).toBe(false);
	});
});

describe('checkTrackingIdentifier', () => {
	it('returns the UUID trimmed, in the casing given', () => {
		expect(checkTrackingIdentifier('  2FE9D143-52aa-4d9f-9eba-a97656f2741c\t')).toBe(
			'2FE9D143-52aa-4d9f-9eba-a97656f2741c',
		);
	});

	it.each([
		'',
		'   ',
		'order-12345',
		'{2fe9d143-52aa-4d9f-9eba-a97656f2741c}',
		'2fe9d14352aa4d9f9ebaa97656f2741c',
	])('refuses %j, with the fix', (value) => {
		const error = inputError(() => checkTrackingIdentifier(value));
		expect(error.field).toBe('Tracking Identifier');
		expect(error.message).toBe('Tracking Identifier must be a UUID');
		expect(error.description).toMatch(
			/^Leave Tracking Identifier empty to send a new UUID per item/,
		);
	});

	it('refuses the nil UUID, which would make every write a repeat of the first', () => {
		const error = inputError(() => checkTrackingIdentifier('00000000-0000-0000-0000-000000000000'));
		expect(error.field).toBe('Tracking Identifier');
		expect(error.message).toMatch(/nil UUID .*repeat of the first/);
	});

	it('names another field when asked (a blob Attachment ID)', () => {
		const error = inputError(() => checkTrackingIdentifier('scan.pdf', 'Attachment ID'));
		expect(error.field).toBe('Attachment ID');
		expect(error.message).toBe('Attachment ID must be a UUID');
		expect(error.description).toBe('Enter a UUID such as 0f8fad5b-d9cb-469f-a165-70867728950e');
		expect(
			inputError(() =>
				checkTrackingIdentifier('00000000-0000-0000-0000-000000000000', 'Attachment ID'),
			).message,
		).toBe('Attachment ID is the nil UUID (all zeros), which identifies nothing');
	});
});
