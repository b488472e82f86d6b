import { AfasInputError } from '../../nodes/Afas/wire/inputError';


/** Runs `fn` and returns the AfasInputError it threw; fails the test if it threw nothing or something else. */
export function inputError(fn: () => unknown): AfasInputError {
	let caught: unknown;
	try {
		fn();
	} catch (error) {
		caught = error;
	}
	expect(caught).toBeInstanceOf(AfasInputError);
	return caught as AfasInputError;
}

/** Every string reachable from an error (message, description, cause chain, response bodies): what could leak. */
export function allText(value: unknown, seen = new Set<unknown>()): string {
	if (typeof value === 'string') return value;
	if (value === null || typeof value !== 'object' || seen.has(value)) return '';
	seen.add(value);
	const keys = new Set([...Object.getOwnPropertyNames(value), ...Object.keys(value)]);
	return [...keys]
		.map((key) => `${key}=${allText((value as Record<string, unknown>)[key], seen)}`)
		.join('\n');
}
